"""Background jobs of the audit log, run by the worker (`hogo db_worker`)."""

import logging

from django_tasks import task

from .context import audit_context
from .services import verify, verify_and_anchor

logger = logging.getLogger(__name__)


@task()
def verify_audit_chain() -> dict:
    """Verify the whole chain; the result is kept with the task and logged."""
    result = verify()
    if not result.ok:
        logger.error("audit chain broken at entry %s: %s", result.broken_seq, result.problem)
    return {"ok": result.ok, "checked": result.checked, "broken_seq": result.broken_seq, "problem": result.problem}


@task()
def anchor_audit_chain() -> dict:
    """The nightly job: verify the chain and append its head to the anchor file outside the database
    (only an intact chain is anchored; a broken one is logged and reported)."""
    with audit_context(source="worker"):
        result, anchor = verify_and_anchor()
    if not result.ok:
        logger.error("audit chain broken at entry %s: %s; not anchored", result.broken_seq, result.problem)
    return {
        "ok": result.ok,
        "checked": result.checked,
        "broken_seq": result.broken_seq,
        "problem": result.problem,
        "anchored": {"seq": anchor.seq, "hash": anchor.hash} if anchor else None,
    }
