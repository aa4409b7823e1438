"""A small bounded cache that needs no Streamlit: the last few values by key (`cachetools`' LRU
cache), safe across the app's script threads, optionally tied to the life of an owner object (a
database engine, a street graph). The street graph and the places' joins to it (data_access.service_points.walking) are reused with it."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from cachetools import LRUCache

V = TypeVar("V")


class Memo(Generic[V]):
    """The last `size` values by key (least recently used dropped first), safe across the app's
    script threads. A value may belong to an `owner` (a database engine, a street graph): the key
    then holds the owner's id, and a hit counts only while that very object lives (an id is reused
    once its object is gone). Two threads missing at once both build; the last value is kept."""

    def __init__(self, size: int) -> None:
        self._items: LRUCache[Hashable, tuple[weakref.ref | None, V]] = LRUCache(maxsize=size)
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], V], owner: object = None) -> V:
        full = (id(owner), key) if owner is not None else key
        with self._lock:
            found = self._items.get(full)  # a hit is the most recently used now
            if found is not None and (found[0] is None or found[0]() is owner):
                return found[1]
        value = make()
        with self._lock:
            self._items[full] = (weakref.ref(owner) if owner is not None else None, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
