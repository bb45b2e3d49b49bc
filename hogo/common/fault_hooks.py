"""Hooks the fault tests (tests/scale) switch on through the environment of a worker process. Each is a
no-op unless its variables are set, so production code may call them unconditionally."""

import os
import time


def pause_inside_chunk_for_tests() -> None:
    """With HOGO_TEST_CHUNK_PAUSE_FILE set, the first chunk this process runs (a 一斉更正 chunk,
    hogo.decisions.recalc, or a follow-up regeneration chunk, hogo.followups.generate) writes that file
    and sleeps HOGO_TEST_CHUNK_PAUSE_SECONDS (default 30) inside its open transaction, after some of the
    chunk's writes: a test can then kill the worker or restart the database half-way through a chunk.
    Later chunks of the process find the file and do not pause. Off unless HOGO_TEST_CHUNK_PAUSE_FILE
    is set."""
    marker = os.environ.get("HOGO_TEST_CHUNK_PAUSE_FILE")
    if not marker or os.path.exists(marker):
        return
    with open(marker, "w") as f:
        f.write(str(os.getpid()))
    time.sleep(float(os.environ.get("HOGO_TEST_CHUNK_PAUSE_SECONDS", "30")))
