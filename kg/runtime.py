"""Process-wide settings for the big batch stages (build, citation extraction)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a stage makes hundreds of thousands of
    long-lived values that hold no reference cycles (items, citations, repairs, lines): its
    full passes rescan them again and again as they grow and free nothing. Reference
    counting still frees everything; the collector runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
