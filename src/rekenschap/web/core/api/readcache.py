"""Process-local caches of read responses, keyed by what makes them differ (the revision or the
publication).

A revision is immutable, so the JSON of "programme X at revision R (state S, version V)" never
changes; caching it skips decoding the stored content, validating it against the response schema
and encoding it again on every read. The key holds every field the body shows, so a save, a
transition or a publication is a different key: nothing is ever invalidated, old keys just age
out (least recently used first). The same holds for a published site's files: a publication
never changes, a new one has a new id (``web/sitefiles.py`` keeps them in an ``LruCache`` too).

Which key is current is always read from the database by the caller, per request, so a reader
never sees a stale revision after a save or a publication was acknowledged, in any worker.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

MAX_ENTRIES = 512
V = TypeVar("V")


class LruCache(Generic[V]):
    """A thread-safe least-recently-used map; ``get`` builds a missing value outside the lock."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, build: Callable[[], V]) -> V:
        found = self.lookup(key)
        if found is not None:
            return found
        value = build()
        self.put(key, value)
        return value

    def lookup(self, key: Hashable) -> V | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
            return None

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)



PROGRAMMES: LruCache[bytes] = LruCache()
