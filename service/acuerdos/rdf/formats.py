"""Result formats and content negotiation.

SELECT and ASK answer in SPARQL JSON (the default), SPARQL XML, CSV or TSV; CONSTRUCT and
DESCRIBE in Turtle (the default), N-Triples, JSON-LD or RDF/XML. The format is chosen by the
`format` parameter when given (a short name or a media type; it wins, so that a browser link can
choose), else by the Accept header (q-values, wildcards, the most specific range decides; ties go
to the order above). No acceptable format: 406, with the list of what is available.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..sparql.errors import BadRequest, NotAcceptable


@dataclass(frozen=True)
class Format:
    key: str  # json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml
    media_type: str
    graph: bool  # True: an RDF graph format (CONSTRUCT, DESCRIBE); False: a results format
    also: tuple[str, ...] = ()  # other media types that ask for it
    names: tuple[str, ...] = ()  # names accepted in the `format` parameter
    extension: str = ""

    @property
    def content_type(self) -> str:
        """The Content-Type header: text types say their charset."""
        if self.media_type.startswith("text/") or self.key == "ntriples":
            return self.media_type + "; charset=utf-8"
        return self.media_type


RESULT_FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", False, ("application/json",), ("json", "srj"), "srj"),
    Format("xml", "application/sparql-results+xml", False, ("application/xml", "text/xml"), ("xml", "srx"), "srx"),
    Format("csv", "text/csv", False, (), ("csv",), "csv"),
    Format("tsv", "text/tab-separated-values", False, (), ("tsv",), "tsv"),
)
GRAPH_FORMATS: tuple[Format, ...] = (
    Format("turtle", "text/turtle", True, ("application/x-turtle", "text/n3", "text/rdf+n3", "application/turtle"),
           ("turtle", "ttl", "n3"), "ttl"),
    Format("ntriples", "application/n-triples", True, ("text/plain",), ("ntriples", "n-triples", "nt"), "nt"),
    Format("jsonld", "application/ld+json", True, ("application/json",), ("jsonld", "json-ld", "json"), "jsonld"),
    Format("rdfxml", "application/rdf+xml", True, ("application/xml", "text/xml"), ("rdfxml", "rdf+xml", "rdf", "xml", "owl"), "rdf"),
)
BY_KEY: dict[str, Format] = {f.key: f for f in RESULT_FORMATS + GRAPH_FORMATS}


def formats_for(graph: bool) -> tuple[Format, ...]:
    return GRAPH_FORMATS if graph else RESULT_FORMATS


def _from_param(value: str, graph: bool) -> Format:
    wanted = value.strip().lower()
    candidates = formats_for(graph)
    for fmt in candidates:
        if wanted in fmt.names or wanted == fmt.media_type or wanted in fmt.also:
            return fmt
    every = RESULT_FORMATS + GRAPH_FORMATS
    if any(wanted in f.names or wanted == f.media_type or wanted in f.also for f in every):
        kind = "CONSTRUCT and DESCRIBE" if graph else "SELECT and ASK"
        raise NotAcceptable(
            f"format={value!r} is not available for this query: {kind} queries answer in "
            + ", ".join(f"{f.names[0]} ({f.media_type})" for f in candidates) + "."
        )
    raise BadRequest(
        f"Unknown format {value!r}: use one of "
        + ", ".join(sorted({n for f in every for n in f.names[:1]})) + " or a media type."
    )


def parse_accept(header: str) -> list[tuple[str, str, float]]:
    """The media ranges of an Accept header as (type, subtype, q); malformed parts are skipped."""
    ranges: list[tuple[str, str, float]] = []
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        mt = pieces[0].lower()
        if "/" not in mt:
            continue
        major, minor = (s.strip() for s in mt.split("/", 1))
        if not major or not minor:
            continue
        q = 1.0
        for param in pieces[1:]:
            name, _, val = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(val.strip())))
                except ValueError:
                    q = 0.0
        ranges.append((major, minor, q))
    return ranges


def _quality(fmt: Format, ranges: list[tuple[str, str, float]]) -> float:
    """The q a client gives a format: that of the most specific range that matches any of its media types."""
    best: tuple[int, float] | None = None  # (specificity, q)
    for mt in (fmt.media_type,) + fmt.also:
        major, minor = mt.split("/", 1)
        for r_major, r_minor, q in ranges:
            if (r_major, r_minor) == (major, minor):
                spec = 3 if mt == fmt.media_type else 2
            elif mt != fmt.media_type:  # an alias answers only when named: text/* means text/csv, not text/xml
                continue
            elif r_major == major and r_minor == "*":
                spec = 1
            elif r_major == "*" and r_minor == "*":
                spec = 0
            else:
                continue
            if best is None or spec > best[0] or (spec == best[0] and q > best[1]):
                best = (spec, q)
    return best[1] if best else 0.0


def negotiate(graph: bool, accept: str | None, format_param: str | Sequence[str] | None = None) -> Format:
    """The format to answer in, for a graph (CONSTRUCT, DESCRIBE) or a results (SELECT, ASK) query.

    `format_param` may hold several values (SPARQLWrapper sends `format=json&format=application/…`),
    each possibly a comma-separated list: the first one that names a format for this query wins.
    """
    if format_param is not None and not isinstance(format_param, str):
        values = [v.strip() for item in format_param for v in item.split(",") if v.strip()]
        if values:
            first_error: Exception | None = None
            for value in values:
                try:
                    return _from_param(value, graph)
                except (BadRequest, NotAcceptable) as exc:
                    first_error = first_error or exc
            assert first_error is not None
            raise first_error
        format_param = None
    candidates = formats_for(graph)
    if format_param is not None and format_param.strip():
        return _from_param(format_param, graph)
    if not accept or not accept.strip():
        return candidates[0]
    ranges = parse_accept(accept)
    if not ranges:
        return candidates[0]
    scored = [(_quality(f, ranges), -i, f) for i, f in enumerate(candidates)]
    q, _, fmt = max(scored, key=lambda t: (t[0], t[1]))
    if q <= 0:
        kind = "CONSTRUCT and DESCRIBE" if graph else "SELECT and ASK"
        raise NotAcceptable(
            f"None of the media types in the Accept header ({accept.strip()[:200]}) is available: "
            f"{kind} queries answer in " + ", ".join(f.media_type for f in candidates)
            + ". Change the Accept header or add a format parameter (e.g. format="
            + candidates[0].names[0] + ")."
        )
    return fmt
