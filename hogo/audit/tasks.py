"""Background jobs of the audit log, run by the worker (`hogo db_worker`)."""

import logging

from django_tasks import task

from .services import verify

logger = logging.getLogger(__name__)


@task()
def verify_audit_chain() -> dict:
    """Verify the whole chain; the result is kept with the task and logged."""
    result = verify()
    if not result.ok:
        logger.error("audit chain broken at entry %s: %s", result.broken_seq, result.problem)
    return {"ok": result.ok, "checked": result.checked, "broken_seq": result.broken_seq, "problem": result.problem}
