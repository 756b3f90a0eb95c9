"""A draft folder read back from its files (as the curator may have edited them): its graphs and the
items a curator accepts or rejects, for `acuerdos accept` and the review page alike.

An item's id is what the curator types after ``--only`` or ``--reject``: a decision is its IRI's last
part (``agreement-3``, a sub-item ``conclusion-2-a``); a proposed theme is ``DECISION:THEME`` and a
proposed follow-up link ``DECISION:EARLIER``, each by the local part of the object's IRI
(``agreement-3:theme/regional/gcm-process``, ``agreement-3:decision/2017-05-11-virtual/agreement-1``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import Graph, Namespace, URIRef
from rdflib.term import Node

from ..text import normalise
from .messages import AcceptError

BASE = "https://w3id.org/acuerdos/"
ACU = Namespace("https://w3id.org/acuerdos/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DRAFT_STATUS = URIRef(BASE + "kind/curation-status/draft")
PROPOSED = URIRef(BASE + "kind/basis/proposed")


def local(iri: Node | None) -> str:
    """Our IRI without the base (``decision/…``), as the files write it ("" for none)."""
    return "" if iri is None else str(iri).removeprefix(BASE)


@dataclass(frozen=True)
class DraftFiles:
    """The files `acuerdos draft` writes for one document, all under ``folder``."""

    folder: Path
    slug: str
    source: Path

    @property
    def document(self) -> Path:
        return self.folder / "documents" / f"{self.slug}.ttl"

    @property
    def themes(self) -> Path:
        return self.folder / "curation" / "themes" / f"{self.slug}.ttl"

    @property
    def follow_up(self) -> Path:
        return self.folder / "curation" / "follow-up" / f"{self.slug}.ttl"

    @property
    def action_category(self) -> Path:
        """The proposed action categories (optional: a draft written before the drafter proposed them
        has none, and the curator writes the file)."""
        return self.folder / "curation" / "action-category" / f"{self.slug}.ttl"

    def turtle(self) -> dict[str, Path]:
        """Each Turtle file of the draft by its place under data/ (the action categories when written)."""
        files = {
            f"documents/{self.slug}.ttl": self.document,
            f"curation/themes/{self.slug}.ttl": self.themes,
            f"curation/follow-up/{self.slug}.ttl": self.follow_up,
        }
        if self.action_category.is_file():
            files[f"curation/action-category/{self.slug}.ttl"] = self.action_category
        return files


def find_draft(folder: Path) -> DraftFiles:
    """The draft in ``folder``, or a UserError saying what of it is missing."""
    if not folder.is_dir():
        raise AcceptError("no-folder", folder=folder)
    documents = sorted((folder / "documents").glob("*.ttl"))
    sources = sorted((folder / "sources").glob("*.txt"))
    if len(documents) != 1 or len(sources) != 1:
        raise AcceptError("not-a-draft", folder=folder, docs=len(documents), texts=len(sources))
    files = DraftFiles(folder, documents[0].stem, sources[0])
    for path in files.turtle().values():
        if not path.is_file():
            raise AcceptError("missing", path=path)
    return files


def parse(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds for a broken file: each said in one line
        raise AcceptError("unreadable", path=path, why=(str(exc).splitlines() or [type(exc).__name__])[0]) from None
    return graph


@dataclass
class ThemeItem:
    id: str
    node: Node
    theme: str
    confidence: float | None
    reason: str
    words: list[str]


@dataclass
class FollowUpItem:
    id: str
    node: Node
    earlier: str
    kind: str
    confidence: float | None
    quote: str


@dataclass
class ActionItem:
    """The proposed (or curated) action category of a decision: shown on the review page."""

    category: str
    confidence: float | None
    reason: str


@dataclass
class DecisionItem:
    id: str
    iri: URIRef
    kind: str
    number: str | None
    text: str
    parent: str | None
    must_act: list[str]
    addressee: list[str]
    date_text: str | None
    dates: dict[str, str]
    precision: str | None
    themes: list[ThemeItem] = field(default_factory=list)
    follow_ups: list[FollowUpItem] = field(default_factory=list)
    action: ActionItem | None = None

    def part_ids(self) -> list[str]:
        """The ids of its proposed themes and follow-up links."""
        return [t.id for t in self.themes] + [f.id for f in self.follow_ups]


@dataclass
class DraftGraphs:
    """The three graphs of a draft and the decisions they propose, in the order of the text."""

    files: DraftFiles
    document: Graph
    themes: Graph
    follow_up: Graph
    decisions: list[DecisionItem]
    action_category: Graph | None = None

    def graphs(self) -> dict[str, Graph]:
        """Each graph by its place under data/."""
        graphs = [self.document, self.themes, self.follow_up] + (
            [self.action_category] if self.action_category is not None else []
        )
        return dict(zip(self.files.turtle(), graphs, strict=True))

    def ids(self) -> set[str]:
        return {i for d in self.decisions for i in (d.id, *d.part_ids())}


def _one(graph: Graph, subject: Node, prop: URIRef) -> str | None:
    value = graph.value(subject, prop)
    return None if value is None else str(value)


def _float(graph: Graph, subject: Node, prop: URIRef) -> float | None:
    value = graph.value(subject, prop)
    return None if value is None else float(str(value))


def _quotes(graph: Graph, subject: Node) -> list[str]:
    return [
        str(exact)
        for evidence in graph.objects(subject, ACU.evidence)
        for selector in graph.objects(evidence, OA.hasSelector)
        for exact in graph.objects(selector, OA.exact)
    ]


def _decision(g: DraftGraphs, iri: URIRef, prefix: str) -> DecisionItem:
    doc = g.document
    kind = doc.value(iri, rdflib.RDF.type)
    parent = doc.value(iri, ACU.partOf)
    dates = {
        p: str(doc.value(iri, ACU[p]))
        for p in ("deadline", "scheduledStart", "scheduledEnd")
        if doc.value(iri, ACU[p]) is not None
    }
    item = DecisionItem(
        id=local(iri).removeprefix(prefix),
        iri=iri,
        kind=local(kind).split("#")[-1] if kind is not None else "",
        number=_one(doc, iri, ACU.number),
        text=_one(doc, iri, ACU.text) or "",
        parent=local(parent).removeprefix(prefix) if parent is not None else None,
        must_act=sorted(local(o) for o in doc.objects(iri, ACU.mustAct)),
        addressee=sorted(local(o) for o in doc.objects(iri, ACU.addressee)),
        date_text=_one(doc, iri, ACU.dateText),
        dates=dates,
        precision=local(p).split("/")[-1] if (p := doc.value(iri, ACU.datePrecision)) is not None else None,
    )
    for node in g.themes.objects(iri, ACU.themeAssignment):
        theme = local(g.themes.value(node, ACU.theme))
        item.themes.append(
            ThemeItem(
                f"{item.id}:{theme}",
                node,
                theme,
                _float(g.themes, node, ACU.confidence),
                _one(g.themes, node, ACU.reason) or "",
                _quotes(g.themes, node),
            )
        )
    for earlier, node in g.follow_up.subject_objects(ACU.followUp):
        if g.follow_up.value(node, ACU.followedUpBy) == iri:
            kind_iri = g.follow_up.value(node, ACU.followUpKind)
            item.follow_ups.append(
                FollowUpItem(
                    f"{item.id}:{local(earlier)}",
                    node,
                    local(earlier),
                    local(kind_iri).split("/")[-1] if kind_iri is not None else "",
                    _float(g.follow_up, node, ACU.confidence),
                    " ".join(_quotes(g.follow_up, node)),
                )
            )
    categories = g.action_category if g.action_category is not None else Graph()
    for node in categories.objects(iri, ACU.actionCategoryAssignment):
        category, reason = categories.value(node, ACU.actionCategory), _one(categories, node, ACU.reason) or ""
        if category is not None:
            item.action = ActionItem(local(category), _float(categories, node, ACU.confidence), reason)
    return item


def read_draft(folder: Path) -> DraftGraphs:
    """The draft in ``folder`` read from its files."""
    files = find_draft(folder)
    g = DraftGraphs(files, parse(files.document), parse(files.themes), parse(files.follow_up), [])
    if files.action_category.is_file():
        g.action_category = parse(files.action_category)
    prefix = f"decision/{files.slug}/"
    iris = [s for s in g.document.subjects(ACU.adoptedAt, None) if isinstance(s, URIRef)]
    g.decisions = [_decision(g, iri, prefix) for iri in iris]
    text = normalise(files.source.read_text(encoding="utf-8-sig"))
    g.decisions.sort(key=lambda d: (text.find(normalise(d.text)), d.parent is not None, str(d.iri)))
    return g
