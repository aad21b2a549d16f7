"""A process-local cache of API read bodies, keyed by what makes them differ (the revision).

A revision is immutable, so the JSON of "programme X at revision R (state S, version V)" never
changes; caching it skips decoding the stored content, validating it against the response schema
and encoding it again on every read. The key holds every field the body shows, so a save, a
transition or a publication is a different key: nothing is ever invalidated, old keys just age
out (least recently used first).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

MAX_ENTRIES = 512


class BodyCache:
    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, build: Callable[[], bytes]) -> bytes:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return body
            self.misses += 1
        body = build()
        with self._lock:
            self._items[key] = body
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return body

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


PROGRAMMES = BodyCache()
