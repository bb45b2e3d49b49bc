"""Loading the standards data files and choosing the versions in force on a day."""

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from hogo.common.wareki import wareki

STANDARDS_DIR = Path(__file__).resolve().parent.parent / "standards"


@dataclass(frozen=True)
class Version:
    """One dated version of one rule table, with the source every value in it comes from."""

    component: str
    title: str
    effective_from: date
    verified: bool
    source: dict
    note: str
    values: object
    unverified_values: dict
    verified_rules: tuple[str, ...] = ()
    since: str = ""
    citation: str = ""
    ref: str = ""  # "component@effective_from": how a stored calculation names this version


def _citation(source: dict, effective_from: date) -> str:
    parts = [source.get("document", ""), source.get("table", ""), source.get("url", "")]
    return " / ".join(p for p in parts if p) + f"（{wareki(effective_from)}〜）"


class StandardsError(LookupError):
    pass


class Snapshot:
    """Every component's version in force on one day, as attributes (`snap.class1`)."""

    def __init__(self, on: date, versions: dict[str, Version]):
        self.on = on
        self.versions = versions
        self.used = {name: v.since for name, v in sorted(versions.items())}  # component -> effective_from
        self.memo: dict = {}  # results that depend only on this snapshot (see calculator._living_base)
        self.__dict__.update(versions)


@dataclass(frozen=True)
class Standards:
    components: dict[str, tuple[Version, ...]]
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def earliest(self) -> date:
        """The first day on which every component has a version."""
        if "earliest" not in self._cache:
            self._cache["earliest"] = max(versions[0].effective_from for versions in self.components.values())
        return self._cache["earliest"]

    def in_force(self, component: str, on: date) -> Version:
        chosen = None
        for version in self.components[component]:
            if version.effective_from <= on:
                chosen = version
        if chosen is None:
            raise StandardsError(f"{component}: no version in force on {on.isoformat()}")
        return chosen

    def by_ref(self, ref: str) -> Version:
        """The version a stored calculation names ("component@effective_from")."""
        component, since = ref.split("@", 1)
        for version in self.components[component]:
            if version.since == since:
                return version
        raise StandardsError(f"{ref}: no such standards version")

    def snapshot(self, on: date) -> Snapshot:
        """The versions in force on `on` (cached per day: the set changes only on effective dates)."""
        snap = self._cache.get(on)
        if snap is None:
            if on < self.earliest:
                raise StandardsError(f"no standards before {self.earliest.isoformat()}")
            snap = Snapshot(on, {name: self.in_force(name, on) for name in self.components})
            self._cache[on] = snap
        return snap


@lru_cache(maxsize=4)
def load_standards(directory: str | None = None) -> Standards:
    folder = Path(directory) if directory else STANDARDS_DIR
    components = {}
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        by_date = {v["effective_from"]: v for v in doc["versions"]}
        for v in doc["versions"]:
            if "values_from" in v:  # the same table, dated earlier with less certainty: one copy in the file
                v["values"] = by_date[v["values_from"]]["values"]
        versions = tuple(
            sorted(
                (
                    Version(
                        component=doc["component"],
                        title=doc.get("title", doc["component"]),
                        effective_from=date.fromisoformat(v["effective_from"]),
                        verified=bool(v["verified"]),
                        source=v["source"],
                        note=v.get("note", ""),
                        values=v.get("values"),
                        unverified_values=v.get("unverified_values", {}),
                        verified_rules=tuple(v.get("verified_rules", ())),
                        since=v["effective_from"],
                        ref=f"{doc['component']}@{v['effective_from']}",
                        citation=_citation(v["source"], date.fromisoformat(v["effective_from"])),
                    )
                    for v in doc["versions"]
                ),
                key=lambda v: v.effective_from,
            )
        )
        components[doc["component"]] = versions
    return Standards(components)
