"""Helpers for work over 100,000 rows at a time (imports, exports).

Python's cyclic garbage collector runs every few hundred allocations and, once the heap is large, walks all of it:
a 100,000-row client import spent about a quarter of its time (5 s of 22 s) in collections that found almost
nothing, because rows, dictionaries and tuples are freed by reference counting as soon as they are dropped.
"""

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_paused = 0
_was_enabled = False


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pauses the cyclic garbage collector for the block (reference counting still frees everything else), then
    restores it. Nested and concurrent blocks share one pause: the collector comes back when the last one ends,
    and only if it was on before the first."""
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()


def chunks(iterable: Iterable[T], size: int) -> Iterator[list[T]]:
    """`iterable` in lists of `size` items (the last one shorter): exports read rows once, in pieces."""
    chunk: list[T] = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
