"""The server's cache of named-query answers, so that a repeated request costs what a constant page costs.

An answer (its body, media type and headers) is kept under its ETag, which already names the data
version, the query, its canonical parameters (with the language, the page and the format), and
under the root the links in it point to. The cache holds at most ``capacity`` bytes of bodies
(``ACUERDOS_ANSWER_CACHE_MB``), dropping the least recently used first; an answer bigger than a
quarter of it is not kept. A new data version makes every key new: the old answers age out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

_CREATING = threading.Lock()


@dataclass(frozen=True)
class Kept:
    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...]


class AnswerCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[tuple[str, str], Kept] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> Kept | None:
        with self._lock:
            kept = self._items.get(key)
            if kept is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return kept

    def put(self, key: tuple[str, str], kept: Kept) -> None:
        if len(kept.body) * 4 > self.capacity:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self.size -= len(old.body) if old else 0
            self._items[key] = kept
            self.size += len(kept.body)
            while self.size > self.capacity and self._items:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped.body)

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"answers": len(self._items), "bytes": self.size, "hits": self.hits, "misses": self.misses}


def answer_cache(state: Any) -> AnswerCache:
    """The app's cache (``app.state.answers``), made on first use with the size its settings give."""
    with _CREATING:
        cache = getattr(state, "answers", None)
        if cache is None:
            cache = state.answers = AnswerCache(state.settings.answer_cache_mb * 2**20)
        return cache
