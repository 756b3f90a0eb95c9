"""Writing query results, capped, in every format the endpoint offers.

Runs in the query worker, on pyoxigraph terms (the embedded store's own, or those parsed from a
remote server's answer), so the whole answer is ready, and its size known, before the server
sends a status line: a 200 is never followed by a cut-off body. ``write_rows`` writes the one row
type (``rows.Rows``, rdflib terms) with the same writers, for the named queries.

When a result has more rows (SELECT) or triples (CONSTRUCT, DESCRIBE) than the limit, or more
than fit in the byte limit (``take`` counts them as they are read), the first ones are written and
the answer says so: a `truncated` flag travels with the body (the
endpoint turns it into response headers) and, where the format allows, the body itself says it:
a top-level `"truncated": true` in SPARQL JSON, a `<link href="#truncated"/>` and a comment in
SPARQL XML, a comment line in Turtle and N-Triples, an XML comment in RDF/XML. CSV, TSV and
JSON-LD carry only the headers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .formats import Format
from .rows import Rows
from .terms import XSD_STRING, to_oxigraph

RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_XML_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# --- terms -------------------------------------------------------------------------------------


def _lang(term: ox.Literal) -> str | None:
    return term.language or None


def term_json(term: object) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict = {"type": "literal", "value": term.value}
        lang = _lang(term)
        if lang:
            out["xml:lang"] = lang
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": term_json(term.subject),
                "predicate": term_json(term.predicate),
                "object": term_json(term.object),
            },
        }
    raise TypeError(f"not an RDF term: {term!r}")


def _xml_text(value: str) -> str:
    return escape(_XML_INVALID.sub("\ufffd", value))


def term_xml(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        lang = _lang(term)
        if lang:
            return f"<literal xml:lang={quoteattr(lang)}>{_xml_text(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml_text(term.value)}</literal>"
        return f"<literal>{_xml_text(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{term_xml(term.subject)}</subject><predicate>{term_xml(term.predicate)}"
            f"</predicate><object>{term_xml(term.object)}</object></triple>"
        )
    raise TypeError(f"not an RDF term: {term!r}")


def term_csv(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def term_tsv(term: object) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


# --- SELECT --------------------------------------------------------------------------------------


def take(
    items: Iterable, limit: int, max_bytes: int | None = None, size: Callable[[Any], int] | None = None
) -> tuple[list, bool]:
    """At most `limit` items, and whether there were more; with `max_bytes`, also no more items than
    fit in that many bytes by `size` (read as they come: the rest is never materialised)."""
    out: list = []
    used = 0
    for item in items:
        if len(out) >= limit:
            return out, True
        if max_bytes is not None and size is not None:
            used += size(item)
            if used > max_bytes:
                return out, True
        out.append(item)
    return out, False


def term_size(term: object) -> int:
    """About what a term takes in a written answer (N-Triples form, plus markup)."""
    return 0 if term is None else len(str(term)) + 24


def row_size(row: Sequence[object]) -> int:
    return sum(term_size(t) for t in row) + 8


def triple_size(triple: ox.Triple) -> int:
    return len(str(triple)) + 8


def write_solutions(
    variables: Sequence[str], rows: Sequence[Sequence[object]], fmt: Format, truncated: bool, limit: int
) -> bytes:
    """SELECT results in `fmt`; `rows` hold one term or None per variable, in order."""
    if fmt.key == "json":
        doc: dict = {
            "head": {"vars": list(variables)},
            "results": {
                "bindings": [
                    {v: term_json(t) for v, t in zip(variables, row, strict=False) if t is not None} for row in rows
                ]
            },
        }
        if truncated:
            doc["truncated"] = True
            doc["limit"] = limit
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt.key == "xml":
        out = ['<?xml version="1.0" encoding="utf-8"?>\n', f'<sparql xmlns="{SPARQL_RESULTS_NS}">\n<head>']
        out.extend(f"<variable name={quoteattr(v)}/>" for v in variables)
        if truncated:
            out.append(f'<link href="#truncated"/><!-- truncated: only the first {limit} results -->')
        out.append("</head>\n<results>\n")
        for row in rows:
            out.append("<result>")
            out.extend(
                f"<binding name={quoteattr(v)}>{term_xml(t)}</binding>"
                for v, t in zip(variables, row, strict=False)
                if t is not None
            )
            out.append("</result>\n")
        out.append("</results>\n</sparql>\n")
        return "".join(out).encode("utf-8")
    if fmt.key == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([term_csv(t) for t in row])
        return buf.getvalue().encode("utf-8")
    if fmt.key == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines.extend("\t".join(term_tsv(t) for t in row) for row in rows)
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"{fmt.key} is not a results format")


def write_rows(rows: Rows, fmt: Format) -> bytes:
    """Rows of rdflib terms (a named query's answer) in a results format; a cut answer says so."""
    variables = rows.variables
    table = [[None if row.get(v) is None else to_oxigraph(row[v]) for v in variables] for row in rows]
    return write_solutions(variables, table, fmt, rows.truncated, len(rows))


def write_boolean(value: bool, fmt: Format) -> bytes:
    word = "true" if value else "false"
    if fmt.key == "json":
        return json.dumps({"head": {}, "boolean": bool(value)}).encode()
    if fmt.key == "xml":
        return (
            f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="{SPARQL_RESULTS_NS}">\n'
            f"<head/>\n<boolean>{word}</boolean>\n</sparql>\n"
        ).encode()
    if fmt.key == "csv":
        return f"_askResult\r\n{word}\r\n".encode()
    if fmt.key == "tsv":
        return f"?_askResult\n{word}\n".encode()
    raise ValueError(f"{fmt.key} is not a results format")


# --- CONSTRUCT, DESCRIBE ---------------------------------------------------------------------------


def write_triples(
    triples: Sequence[ox.Triple], fmt: Format, truncated: bool, limit: int, prefixes: dict[str, str] | None = None
) -> bytes:
    rdf_format = _RDF_FORMATS.get(fmt.key)
    if rdf_format is None:
        raise ValueError(f"{fmt.key} is not a graph format")
    used = _used_prefixes(triples, prefixes) if prefixes and fmt.key in ("turtle", "rdfxml") else {}
    body = ox.serialize(list(triples), format=rdf_format, prefixes=used or None) or b""
    if truncated:
        note = f"truncated: only the first {limit} triples"
        if fmt.key in ("turtle", "ntriples"):
            body = f"# {note}\n".encode() + body
        elif fmt.key == "rdfxml":
            comment = f"<!-- {note} -->\n".encode()
            end = body.find(b"?>")
            body = body[: end + 2] + b"\n" + comment + body[end + 2 :] if end >= 0 else comment + body
    return body


def _used_prefixes(triples: Sequence[ox.Triple], prefixes: dict[str, str]) -> dict[str, str]:
    """The prefixes that shorten at least one IRI of the graph (Turtle stays free of unused ones)."""
    iris: set[str] = set()
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal) and term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
                iris.add(term.datatype.value)
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
    used: dict[str, str] = {}
    for iri in iris:
        for name, ns in ordered:
            if iri.startswith(ns):
                used[name] = ns
                break
    return used
