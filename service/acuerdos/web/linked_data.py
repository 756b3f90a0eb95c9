"""TEMPORARY: the branch's ``sparql.endpoint`` still imports these from here; delete at integration."""

from ._integration import cache_headers, etag_for, matches_etag, not_modified

__all__ = ["cache_headers", "etag_for", "matches_etag", "not_modified"]
