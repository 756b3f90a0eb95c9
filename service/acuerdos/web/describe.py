"""What a resource's page shows, built from its statements and those pointing to it.

The page lists the resource's labels in both languages, its types, every property with labels and
links (in a fixed order for ours, then by label), what it owns inline (its quotes with a link to the
passage in the source text, its theme assignments, its follow-ups: each an IRI of its own, shown
with a link to its own page, and the blank nodes it points to), and the resources that point to it,
grouped by the path they point along (through what they own: a decision followed up by another is
listed on the later one's page as "follow-up › followed up by").
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from ..namespaces import CURIES, ONTOLOGY_NS, PREFIXES
from ..store import Backend
from .labels import LABEL_PROPS, Labels, fetch_labels, natural_key
from .rendering import Links, sparql_iri

ACU, OA = ONTOLOGY_NS, PREFIXES["oa"]
RDF_TYPE = str(RDF.type)
# The order properties are listed in on a page; the rest follow, by label.
# fmt: off
PROPERTY_ORDER = [CURIES.expand(curie) or curie for curie in (
    "rdf:type", "dcterms:title", "foaf:name", "acu:acronym", "acu:number", "acu:position", "acu:adoptedAt",
    "acu:recordedIn", "acu:inSection", "acu:partOf", "acu:mustAct", "acu:addressee", "acu:deadline",
    "acu:scheduledStart", "acu:scheduledEnd", "acu:dateText", "acu:schedules", "acu:documentKind",
    "acu:meetingKind", "acu:status", "acu:statusNow", "acu:statusNowSource", "acu:conference", "schema:startDate",
    "schema:endDate", "acu:notBefore",
    "acu:notAfter", "schema:location", "schema:eventAttendanceMode", "acu:participant", "acu:presidedBy",
    "acu:agendaItem", "dcterms:date", "dcterms:language", "acu:sourceFile", "acu:records", "dcterms:isPartOf",
    "acu:signature", "skos:notation", "skos:definition", "skos:scopeNote", "skos:inScheme", "skos:broader",
    "skos:narrower", "skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch",
    "skos:relatedMatch", "skos:altLabel", "org:member", "org:organization", "org:role", "acu:asOf",
    "org:memberDuring", "org:unitOf", "org:subOrganizationOf", "acu:represents", "acu:roleText", "acu:attestedOn",
    "acu:consolidates", "acu:mentionedIn",
)]
# fmt: on
TEXT_PROPS = (ACU + "text", ACU + "unofficialTranslation")  # shown in their own sections
EVIDENCE, THEME_ASSIGNMENT, FOLLOW_UP = ACU + "evidence", ACU + "themeAssignment", ACU + "followUp"
ACTION_CATEGORY_ASSIGNMENT = ACU + "actionCategoryAssignment"
# What a resource owns: shown inline on its page and followed like its blank nodes, each still a
# resource of its own (<…/theme/…>, <…/follow-up/…>, <…/evidence/…>).
OWNED = (EVIDENCE, THEME_ASSIGNMENT, FOLLOW_UP)
_OWNED_IN = "(" + ", ".join(f"<{p}>" for p in OWNED) + ")"
MAX_INCOMING = 3000
MAX_PER_GROUP = 200


def _inline(node: str, via: str) -> str:
    """The filter for following ``node``, reached along ``via``: a blank node, or a node the
    resource owns (a quote, a theme assignment, a follow-up)."""
    return f"FILTER(isBlank({node}) || {via} IN {_OWNED_IN})"


def describe_query(iri: str) -> str:
    """The resource's own statements and those of the blank nodes and owned nodes it points to (four
    levels deep: a follow-up's quote's selector is three)."""
    s = sparql_iri(iri)
    return (
        "CONSTRUCT { "
        + s
        + " ?p ?o . ?o ?p1 ?o1 . ?o1 ?p2 ?o2 . ?o2 ?p3 ?o3 . ?o3 ?p4 ?o4 } WHERE { "
        + s
        + " ?p ?o . "
        f"OPTIONAL {{ ?o ?p1 ?o1 . {_inline('?o', '?p')} "
        f"OPTIONAL {{ ?o1 ?p2 ?o2 . {_inline('?o1', '?p1')} "
        f"OPTIONAL {{ ?o2 ?p3 ?o3 . {_inline('?o2', '?p2')} "
        f"OPTIONAL {{ ?o3 ?p4 ?o4 . {_inline('?o3', '?p3')} }} }} }} }} }}"
    )


def counted_node(var: str) -> str:
    """The pattern of a node the build derives to hold a count (of a class declared with
    acu:derivedBy, such as acu:ThemeCoverage): a figure the questions give, not a resource a page
    lists among those that point to a theme or a conference, nor one the sitemap offers."""
    return f"{var} a ?counted_class . ?counted_class <{ACU}derivedBy> ?how"


def incoming_query(iri: str) -> str:
    """Who points to the resource: directly, or through a blank node or an owned node (a quote, a
    theme assignment, a follow-up); along what the sources and curators state only: not a derived
    link (a theme's page listed its decisions four times, along acu:themeAssignment/acu:theme and
    the derived acu:hasTheme, acu:touchesTheme, acu:reachesTheme), nor from the count nodes the build
    derives (``counted_node``). Both tested for each of the few thousand rows at most."""
    return (
        "SELECT ?s ?p ?owner ?op ?owner2 ?op2 WHERE { ?s ?p " + sparql_iri(iri) + " . "
        f"FILTER NOT EXISTS {{ ?p <{ACU}derivedBy> ?how }} FILTER NOT EXISTS {{ {counted_node('?s')} }} "
        f"OPTIONAL {{ ?owner ?op ?s . {_inline('?s', '?op')} "
        f"OPTIONAL {{ ?owner2 ?op2 ?owner . {_inline('?owner', '?op2')} }} }} }} LIMIT " + str(MAX_INCOMING)
    )


def action_category_query(iri: str) -> str:
    """The action category of the resource (a decision) or of each decision adopted at it (a meeting)."""
    s = sparql_iri(iri)
    return (
        "SELECT ?decision ?assignment ?category ?notation ?basis ?reason WHERE { "
        "{ BIND(" + s + " AS ?decision) } UNION { ?decision <" + ACU + "adoptedAt> " + s + " } "
        "?decision <" + ACTION_CATEGORY_ASSIGNMENT + "> ?assignment . "
        "?assignment <" + ACU + "actionCategory> ?category . "
        "OPTIONAL { ?category <" + PREFIXES["skos"] + "notation> ?notation } "
        "OPTIONAL { ?assignment <" + ACU + "basis> ?basis } "
        "OPTIONAL { ?assignment <" + ACU + "reason> ?reason } }"
    )


def resource_graph(backend: Backend, iri: str) -> Graph:
    """What a client gets as RDF: the resource's statements, its blank nodes, and who points to it."""
    s = sparql_iri(iri)
    graph = backend.construct(describe_query(iri))
    incoming = "CONSTRUCT { ?s ?p " + s + " } WHERE { ?s ?p " + s + " . FILTER(isIRI(?s)) } LIMIT " + str(MAX_INCOMING)
    for triple in backend.construct(incoming):
        graph.add(triple)
    return graph


def quote_id(exact: str) -> str:
    """The anchor of a quote in its source text (stable across versions: a digest of the quote)."""
    return hashlib.sha1(exact.encode("utf-8")).hexdigest()[:10]


def _first(graph: Graph, node: Node, predicate: str) -> str | None:
    return next((str(o) for o in graph.objects(node, URIRef(predicate))), None)


class PageBuilder:
    """Turns the statements about a resource into the values the resource template shows."""

    def __init__(self, graph: Graph, labels: Labels, lang: str, links: Links) -> None:
        self.graph, self.labels, self.lang, self.links = graph, labels, lang, links

    def iri_value(self, iri: str) -> dict[str, Any]:
        label = self.labels.get(iri, self.lang)
        return {
            "kind": "iri",
            "iri": iri,
            "href": self.links.href(iri),
            "label": label or CURIES.shorten(iri),
            "has_label": bool(label),
            "local": self.links.base.local(iri) is not None,
        }

    def literal_value(self, lit: Literal) -> dict[str, Any]:
        datatype = str(lit.datatype) if lit.datatype else ""
        shown = CURIES.shorten(datatype) if datatype and datatype != str(XSD.string) else ""
        return {"kind": "literal", "text": str(lit), "lang": lit.language or "", "datatype": shown}

    def value(self, node: Node, depth: int = 0) -> dict[str, Any]:
        if isinstance(node, URIRef):
            return self.iri_value(str(node))
        if isinstance(node, Literal):
            return self.literal_value(node)
        return self.quote(node) or self.theme(node) or self.followup(node) or self.bnode(node, depth)

    def owned(self, node: Node) -> dict[str, Any]:
        """A quote, theme assignment or follow-up the resource owns, with a link to its own page."""
        found = self.quote(node) or self.theme(node) or self.followup(node)
        if found is None:
            return self.value(node)
        if isinstance(node, URIRef):
            found["self"] = self.iri_value(str(node))
        return found

    def quote(self, node: Node) -> dict[str, Any] | None:
        g = self.graph
        exact = None
        for selector in g.objects(node, URIRef(OA + "hasSelector")):
            exact = _first(g, selector, OA + "exact") or exact
        if exact is None:
            return None
        source = _first(g, node, OA + "hasSource")
        context_href = None
        if source and self.links.base.local(source) is not None:
            qid = quote_id(exact)
            context_href = self.links.href(source) + f"/text?q={qid}#q-{qid}"
        return {
            "kind": "quote",
            "exact": exact,
            "source": self.iri_value(source) if source else None,
            "context_href": context_href,
        }

    def theme(self, node: Node) -> dict[str, Any] | None:
        theme = _first(self.graph, node, ACU + "theme")
        if not theme:
            return None
        basis = _first(self.graph, node, ACU + "basis")
        return {
            "kind": "theme",
            "theme": self.iri_value(theme),
            "basis": self.iri_value(basis) if basis else None,
            "reason": self.texts(node, ACU + "reason"),
        }

    def followup(self, node: Node) -> dict[str, Any] | None:
        followed = [str(s) for s in self.graph.objects(node, URIRef(ACU + "followedUpBy"))]
        if not followed:
            return None
        kind = _first(self.graph, node, ACU + "followUpKind")
        basis = _first(self.graph, node, ACU + "basis")
        return {
            "kind": "followup",
            "by": [self.iri_value(f) for f in followed],
            "followup_kind": self.iri_value(kind) if kind else None,
            "basis": self.iri_value(basis) if basis else None,
            "reason": self.texts(node, ACU + "reason"),
        }

    def action_category(self, row: dict[str, Node]) -> dict[str, Any]:
        reason = row.get("reason")
        return {
            "kind": "action_category",
            "assignment": self.iri_value(str(row["assignment"])),
            "category": self.iri_value(str(row["category"])),
            "basis": self.iri_value(str(row["basis"])) if row.get("basis") else None,
            "reason": [self.literal_value(reason)] if isinstance(reason, Literal) else [],
        }

    def bnode(self, node: Node, depth: int) -> dict[str, Any]:
        types = [str(t) for t in self.graph.objects(node, RDF.type)]
        return {
            "kind": "bnode",
            "types": [self.iri_value(t) for t in types],
            "props": self.properties(node, depth + 1, skip=(RDF_TYPE,)) if depth < 5 else [],
        }

    def texts(self, node: Node, predicate: str) -> list[dict[str, Any]]:
        objects = self.graph.objects(node, URIRef(predicate))
        values = [self.literal_value(o) for o in objects if isinstance(o, Literal)]
        values.sort(key=lambda v: (v["lang"] != self.lang, v["lang"]))
        return values

    def properties(self, node: Node, depth: int = 0, skip: Sequence[str] = ()) -> list[dict[str, Any]]:
        by_predicate: dict[str, list[Node]] = OrderedDict()
        for p, o in self.graph.predicate_objects(node):
            if str(p) not in skip:
                by_predicate.setdefault(str(p), []).append(o)
        props = []
        for predicate, objects in by_predicate.items():
            values = sorted((self.value(o, depth) for o in objects), key=self._value_key)
            props.append(
                {
                    "iri": predicate,
                    "label": self.labels.text(predicate, self.lang),
                    "curie": CURIES.shorten(predicate),
                    "href": self.links.href(predicate),
                    "values": values,
                }
            )
        props.sort(key=_prop_key)
        return props

    def _value_key(self, value: dict[str, Any]) -> tuple:
        kind = value["kind"]
        if kind == "literal":
            return (0, value["lang"] != self.lang, value["lang"], natural_key(value["text"]))
        if kind == "iri":
            return (1, natural_key(value["label"]))
        if kind == "quote":
            return (2, value["exact"])
        if kind == "theme":
            return (3, natural_key(value["theme"]["label"]))
        return (4, "")


def _prop_key(prop: dict[str, Any]) -> tuple:
    if prop["iri"] in PROPERTY_ORDER:
        return (0, PROPERTY_ORDER.index(prop["iri"]), "")
    return (1, 0, prop["label"].lower())


def _heading(graph: Graph, subject: URIRef) -> tuple[dict[str, str], str | None]:
    """The resource's own labels by language, and the property they come from."""
    for predicate in LABEL_PROPS:
        found: dict[str, str] = {}
        for o in graph.objects(subject, URIRef(predicate)):
            if isinstance(o, Literal):
                found.setdefault((o.language or "").lower(), str(o))
        if found:
            return found, predicate
    return {}, None


def _iris_of(graph: Graph, rows: list[dict[str, Node]]) -> set[str]:
    """Every IRI a page shows, to fetch their labels at once."""
    iris = {str(p) for p in graph.predicates()}
    iris |= {str(t) for s, _, o in graph for t in (s, o) if isinstance(t, URIRef)}
    iris |= {str(t) for row in rows for t in row.values() if isinstance(t, URIRef)}
    return iris


def _sections(builder: PageBuilder, subject: URIRef) -> dict[str, Any]:
    """The parts of a page shown apart from the table of properties: texts, quotes, themes, follow-ups."""
    graph = builder.graph
    texts = {}
    for key, predicate in zip(("text", "translation"), TEXT_PROPS, strict=False):
        for o in graph.objects(subject, URIRef(predicate)):
            if isinstance(o, Literal):
                texts[key] = {"text": str(o), "lang": o.language or ""}
    quotes = [v for v in (builder.owned(o) for o in graph.objects(subject, URIRef(EVIDENCE))) if v["kind"] == "quote"]
    own = texts.get("text", {}).get("text")
    quotes.sort(key=lambda q: (q["exact"] != own, q["exact"]))  # the decision's own text first
    themes = [builder.owned(o) for o in graph.objects(subject, URIRef(THEME_ASSIGNMENT))]
    themes.sort(key=lambda v: natural_key(v["theme"]["label"]) if v["kind"] == "theme" else [])
    followups = [builder.owned(o) for o in graph.objects(subject, URIRef(FOLLOW_UP))]
    return {"texts": texts, "quotes": quotes, "themes": themes, "followups": followups}


def _action_categories(builder: PageBuilder, iri: str, rows: list[dict[str, Node]]) -> dict[str, Any]:
    """A decision's own action category; for a meeting, its decisions grouped by category, in scale order."""
    own = next((builder.action_category(r) for r in rows if str(r["decision"]) == iri), None)
    groups: dict[str, dict[str, Any]] = {}
    for row in rows:
        if str(row["decision"]) == iri:
            continue
        category = str(row["category"])
        group = groups.setdefault(
            category,
            {"category": builder.iri_value(category), "order": int(str(row.get("notation", 0))), "decisions": []},
        )
        group["decisions"].append(builder.iri_value(str(row["decision"])))
    for group in groups.values():
        group["decisions"].sort(key=lambda v: natural_key(v["label"]))
    return {"action_category": own, "decisions_by_category": sorted(groups.values(), key=lambda g: g["order"])}


def _has_source_text(graph: Graph, subject: URIRef) -> bool:
    return (subject, URIRef(ACU + "sourceFile"), None) in graph or (
        subject,
        RDF.type,
        URIRef(ACU + "SourceDocument"),
    ) in graph


def build_resource_page(backend: Backend, iri: str, lang: str, links: Links) -> dict[str, Any] | None:
    """Everything the resource template needs, or None when the graph says nothing about the IRI."""
    graph = backend.construct(describe_query(iri))
    incoming_rows = backend.select(incoming_query(iri))
    if not len(graph) and not incoming_rows:
        return None
    subject = URIRef(iri)
    category_rows = backend.select(action_category_query(iri))
    shown = _iris_of(graph, incoming_rows + category_rows) | {iri}
    builder = PageBuilder(graph, fetch_labels(backend, shown), lang, links)
    heading, heading_prop = _heading(graph, subject)
    other = "es" if lang == "en" else "en"
    types = sorted(
        (builder.iri_value(str(t)) for t in graph.objects(subject, RDF.type)), key=lambda v: v["label"].lower()
    )
    skip = [
        RDF_TYPE,
        *TEXT_PROPS,
        EVIDENCE,
        THEME_ASSIGNMENT,
        FOLLOW_UP,
        ACTION_CATEGORY_ASSIGNMENT,
        *([heading_prop] if heading_prop else []),
    ]
    return {
        "iri": iri,
        "labels": heading,
        "types": types,
        "title": heading.get(lang) or heading.get(other) or heading.get("") or CURIES.shorten(iri),
        "other_title": heading.get(other) if heading.get(lang) else None,
        **_sections(builder, subject),
        **_action_categories(builder, iri, category_rows),
        "props": builder.properties(subject, skip=skip),
        "incoming": incoming_groups(incoming_rows, builder, iri),
        "source_text_href": links.href(iri) + "/text" if _has_source_text(graph, subject) else None,
        "type_iris": [str(t) for t in graph.objects(subject, RDF.type)],
    }


def _path_to(row: dict[str, Node]) -> tuple[tuple[str, ...], str] | None:
    """The properties a row points along (through up to two blank or owned nodes), and the IRI it
    starts from: an owned node (a follow-up, a quote) is shown as its owner."""
    s, p = row.get("s"), row.get("p")
    if s is None or p is None:
        return None
    owner, op = row.get("owner"), row.get("op")
    if isinstance(s, URIRef) and (owner is None or op is None):
        return (str(p),), str(s)
    if owner is None or op is None:
        return None
    if isinstance(owner, BNode) or (row.get("owner2") is not None and str(op) in OWNED):
        owner2, op2 = row.get("owner2"), row.get("op2")
        if not isinstance(owner2, URIRef) or op2 is None:
            return None
        return (str(op2), str(op), str(p)), str(owner2)
    if isinstance(owner, URIRef) and op is not None:
        return (str(op), str(p)), str(owner)
    return None


def incoming_groups(rows: list[dict[str, Node]], builder: PageBuilder, iri: str) -> list[dict[str, Any]]:
    """The resources pointing to this one, grouped by the path they point along, each group sorted."""
    groups: dict[tuple[str, ...], dict[str, Any]] = OrderedDict()
    for row in rows:
        found = _path_to(row)
        if found is None or found[1] == iri:
            continue
        key, who = found
        if key not in groups:
            groups[key] = {
                "key": key,
                "label": " › ".join(builder.labels.text(k, builder.lang) for k in key),
                "curie": " / ".join(CURIES.shorten(k) for k in key),
                "href": builder.links.href(key[-1]),
                "members": {},
            }
        groups[key]["members"].setdefault(who, builder.iri_value(who))
    out = []
    for group in groups.values():
        members = sorted(group["members"].values(), key=lambda v: natural_key(v["label"]))
        out.append(
            {
                **group,
                "members": members[:MAX_PER_GROUP],
                "more": max(0, len(members) - MAX_PER_GROUP),
                "count": len(members),
            }
        )
    out.sort(key=lambda g: g["label"].lower())
    return out
