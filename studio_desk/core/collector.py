"""Python's cycle collector, paused while long work runs (an import, a merge, the window's
background tasks).

The collector walks every object the process holds in one go, keeping the interpreter lock:
with the tens of thousands of records an import or a merge has in memory, its walks cost an
import about a tenth of its time, and in the window 100–250 ms during which nothing could turn
(``bench/bench_gui.py --stalls``). Records hold no cycles: reference counting frees them
meanwhile; the collector runs again when the last of the work is done. Pauses nest (a task of
the window around the import it runs) and may come from any thread.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0  # pieces of work now running with the collector paused
_was_on = False  # whether the collector was on when the first of them started


def pause_collector() -> None:
    global _running, _was_on
    with _lock:
        if _running == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _running += 1


def resume_collector() -> None:
    global _running
    with _lock:
        if _running == 0:
            return
        _running -= 1
        if _running == 0 and _was_on:
            # What the work left alive (the undo step of 10,000 deletions holds their records)
            # is kept out of later walks too: the first one after the work took 60 ms otherwise.
            gc.freeze()
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    pause_collector()
    try:
        yield
    finally:
        resume_collector()
