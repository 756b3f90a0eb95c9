"""Result formats and content negotiation: the one Accept negotiator of the service.

SELECT and ASK answer in SPARQL JSON (the default), SPARQL XML, CSV or TSV; CONSTRUCT and
DESCRIBE in Turtle (the default), N-Triples, JSON-LD or RDF/XML. `negotiate` chooses the format
of a query's answer: the `format` parameter when given (a short name or a media type; it wins, so
that a browser link can choose), else the Accept header by `choose`, which pages and the query
API use too. Failures raise neutral errors (`NotAcceptableError`, `BadFormatError`) that
`acuerdos.http` answers with 406 and 400.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import BadFormatError, NotAcceptableError

Offer = tuple[str, Sequence[str]]  # (key, media types): the first is the offer's own, the others aliases


@dataclass(frozen=True)
class Format:
    key: str  # json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml
    media_type: str
    graph: bool  # True: an RDF graph format (CONSTRUCT, DESCRIBE); False: a results format
    also: tuple[str, ...] = ()  # other media types that ask for it
    names: tuple[str, ...] = ()  # names accepted in the `format` parameter
    extension: str = ""
    rdflib: str = ""  # rdflib's serializer name (graph formats)

    @property
    def content_type(self) -> str:
        """The Content-Type header: text types say their charset."""
        if self.media_type.startswith("text/") or self.key == "ntriples":
            return self.media_type + "; charset=utf-8"
        return self.media_type

    @property
    def offer(self) -> Offer:
        return (self.key, (self.media_type, *self.also))


RESULT_FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", False, ("application/json",), ("json", "srj"), "srj"),
    Format("xml", "application/sparql-results+xml", False, ("application/xml", "text/xml"), ("xml", "srx"), "srx"),
    Format("csv", "text/csv", False, (), ("csv",), "csv"),
    Format("tsv", "text/tab-separated-values", False, (), ("tsv",), "tsv"),
)
GRAPH_FORMATS: tuple[Format, ...] = (
    Format(
        "turtle",
        "text/turtle",
        True,
        ("application/x-turtle", "text/n3", "text/rdf+n3", "application/turtle"),
        ("turtle", "ttl", "n3"),
        "ttl",
        "turtle",
    ),
    Format("ntriples", "application/n-triples", True, ("text/plain",), ("ntriples", "n-triples", "nt"), "nt", "nt"),
    Format(
        "jsonld", "application/ld+json", True, ("application/json",), ("jsonld", "json-ld", "json"), "jsonld", "json-ld"
    ),
    Format(
        "rdfxml",
        "application/rdf+xml",
        True,
        ("application/xml", "text/xml"),
        ("rdfxml", "rdf+xml", "rdf", "xml", "owl"),
        "rdf",
        "xml",
    ),
)
BY_KEY: dict[str, Format] = {f.key: f for f in RESULT_FORMATS + GRAPH_FORMATS}
# the graph formats of a page by file extension: ttl, nt, jsonld, rdf
GRAPH_BY_EXTENSION: dict[str, Format] = {f.extension: f for f in GRAPH_FORMATS}
# a browser's page, offered beside the protocol's and the graph formats
HTML_OFFER: Offer = ("html", ("text/html", "application/xhtml+xml"))


def formats_for(graph: bool) -> tuple[Format, ...]:
    return GRAPH_FORMATS if graph else RESULT_FORMATS


# --- Accept ------------------------------------------------------------------------------------------


def parse_accept(header: str) -> list[tuple[str, str, float]]:
    """The media ranges of an Accept header as (type, subtype, q); malformed parts are skipped."""
    ranges: list[tuple[str, str, float]] = []
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        major, _, minor = pieces[0].lower().partition("/")
        if major.strip() and minor.strip():
            ranges.append((major.strip(), minor.strip(), _q(pieces[1:])))
    return ranges


def _q(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                return max(0.0, min(1.0, float(value.strip())))
            except ValueError:
                return 0.0
    return 1.0


def _match(media: str, ranges: list[tuple[str, str, float]], alias: bool) -> tuple[float, int, int] | None:
    """(q, specificity, position) of the most specific range that matches a media type, or None.

    An alias answers only when named exactly: `text/*` means text/csv, not text/xml.
    """
    major, _, minor = media.partition("/")
    best: tuple[float, int, int] | None = None
    for index, (r_major, r_minor, q) in enumerate(ranges):
        if (r_major, r_minor) == (major, minor):
            spec = 2
        elif alias:
            continue
        elif r_major == major and r_minor == "*":
            spec = 1
        elif (r_major, r_minor) == ("*", "*"):
            spec = 0
        else:
            continue
        if best is None or spec > best[1]:
            best = (q, spec, index)
    return best


def choose(accept: str | None, offers: Sequence[Offer], default: str) -> str | None:
    """The key of the offer the client prefers; None if none is acceptable.

    Each media type of an offer takes the q of the most specific range that matches it (so
    `text/csv;q=0, text/*` refuses CSV); then the highest q wins, then the more specific range
    (an exact type beats `type/*`, which beats `*/*`), then the client's order, then the order of
    the offers. A bare `*/*` (or no Accept) gets `default`.
    """
    ranges = parse_accept(accept or "")
    if not ranges:
        return default
    best: tuple[float, int, int, int] | None = None
    chosen: str | None = None
    for order, (key, medias) in enumerate(offers):
        for position, media in enumerate(medias):
            found = _match(media.lower(), ranges, alias=position > 0)
            if found is None or found[0] <= 0:
                continue
            q, spec, index = found
            tie = (1 if key == default else 0) if spec == 0 else -order
            score = (q, spec, -index, tie)
            if best is None or score > best:
                best, chosen = score, key
    return chosen


# --- the format of a query's answer ----------------------------------------------------------------


def _kind(graph: bool) -> str:
    return "CONSTRUCT and DESCRIBE" if graph else "SELECT and ASK"


def _from_param(value: str, graph: bool) -> Format:
    wanted = value.strip().lower()
    candidates = formats_for(graph)

    def names(fmt: Format) -> bool:
        return wanted in fmt.names or wanted == fmt.media_type or wanted in fmt.also

    for fmt in candidates:
        if names(fmt):
            return fmt
    every = RESULT_FORMATS + GRAPH_FORMATS
    if any(names(f) for f in every):
        raise NotAcceptableError(
            f"format={value!r} is not available for this query: {_kind(graph)} queries answer in "
            + ", ".join(f"{f.names[0]} ({f.media_type})" for f in candidates)
            + "."
        )
    raise BadFormatError(
        f"Unknown format {value!r}: use one of "
        + ", ".join(sorted({n for f in every for n in f.names[:1]}))
        + " or a media type."
    )


def _from_params(values: Sequence[str], graph: bool) -> Format:
    """The first value that names a format for this query; else the first value's error."""
    first_error: NotAcceptableError | BadFormatError | None = None
    for value in values:
        try:
            return _from_param(value, graph)
        except (BadFormatError, NotAcceptableError) as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise first_error


def negotiate(graph: bool, accept: str | None, format_param: str | Sequence[str] | None = None) -> Format:
    """The format to answer in, for a graph (CONSTRUCT, DESCRIBE) or a results (SELECT, ASK) query.

    `format_param` may hold several values (SPARQLWrapper sends `format=json&format=application/…`),
    each possibly a comma-separated list: the first one that names a format for this query wins.
    """
    values = [format_param] if isinstance(format_param, str) else list(format_param or ())
    values = [v.strip() for item in values for v in item.split(",") if v.strip()]
    if values:
        return _from_params(values, graph)
    candidates = formats_for(graph)
    key = choose(accept, [f.offer for f in candidates], candidates[0].key)
    if key is None:
        raise NotAcceptableError(
            f"None of the media types in the Accept header ({(accept or '').strip()[:200]}) is available: "
            f"{_kind(graph)} queries answer in "
            + ", ".join(f.media_type for f in candidates)
            + ". Change the Accept header or add a format parameter (e.g. format="
            + candidates[0].names[0]
            + ")."
        )
    return BY_KEY[key]
