"""load_rows reads a long list of households in chunks (PostgreSQL takes at most 65,535 parameters in a
query; a city's 100,000 households would exceed it) and gives the same rows as one read."""

from hogo.decisions import facts

from .change_helpers import enter_income


def test_chunked_and_whole_reads_give_the_same_rows(cast, monkeypatch):
    enter_income(cast.users["cw"], cast.households["own"], amount=50_000)
    ids = [h.pk for h in cast.households.values()]
    whole = facts.load_rows(ids)
    monkeypatch.setattr(facts, "LOAD_CHUNK", 2)
    chunked = facts.load_rows(ids)
    assert chunked == whole
    assert set(chunked[0]) == set(ids) and chunked[2]
