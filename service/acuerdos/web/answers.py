"""The server's cache of named-query answers, so that a repeated request costs what a constant page costs.

An answer (its body, media type and headers) is kept under the request as it came (``request_key``:
the data version, the whole URL with its host, root and parameters, and the headers an answer varies
on), so that a repeated request is recognised before anything about it is parsed or checked, in the
event loop, without a trip through the thread pool (``query_api.answer_kept``). The cache holds at
most ``capacity`` bytes of bodies (``ACUERDOS_ANSWER_CACHE_MB``), dropping the least recently used
first; an answer bigger than a quarter of it is not kept. A new data version makes every key new:
the old answers age out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from ..http import matches_etag, not_modified
from .deps import data_version, get_backend
from .rendering import PAGE_VARY

_CREATING = threading.Lock()


Key = tuple[str, ...]
VARIES_ON = tuple(name.strip().lower() for name in PAGE_VARY.split(","))  # what else an answer depends on


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
        self._items: OrderedDict[Key, Kept] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Kept | None:
        with self._lock:
            kept = self._items.get(key)
            if kept is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return kept

    def put(self, key: Key, kept: Kept) -> None:
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


def request_key(request: Request) -> Key:
    """The key of the answer to this request: its data version, URL (host, root, path and query
    string as sent: another order of the same parameters is another key) and varying headers."""
    headers = request.headers
    return (data_version(get_backend(request)), str(request.url), *(headers.get(name, "") for name in VARIES_ON))


def replay(request: Request, kept: Kept) -> Response:
    """The kept answer again, or 304 when the client already has it."""
    headers = dict(kept.headers)
    etag = headers.get("etag")
    if etag and matches_etag(request, etag):
        return not_modified(headers)
    return Response(kept.body, media_type=kept.media_type, headers=headers)
