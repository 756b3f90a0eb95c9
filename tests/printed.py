"""What each source document is and prints as its lists of decisions, from data/sources/sources.yaml.

An independent reading of the sources: the data's decisions are compared with it, so a decision
left out, a number mistyped or an item invented shows up as a difference. The tables of
data/sources/INDEX.md and of the README's "The data" are generated from the same file by cog
(`make cog`; `make check` fails when they drift):

    <!-- [[[cog import printed; cog.out(printed.index_table()) ]]] -->
    <!-- [[[end]]] -->
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
INDEX = SOURCES / "sources.yaml"


@dataclass
class Item:
    """One printed item: its printed number (None where the text prints a bullet) and sub-items."""

    number: str | None
    subitems: list[str | None] = field(default_factory=list)


@dataclass(frozen=True)
class DecisionList:
    """A document's decisions of one kind: where the source prints them and how, or how many there are."""

    source: str  # file name in data/sources/
    document: str  # local part of the document IRI
    kind: str  # local name of the acu: class
    counted_as: tuple[str, str]  # singular, plural
    start: str | None = None  # text that opens the printed list
    end: str | None = None  # text that closes it (None: end of file)
    item: str | None = None  # regex of a top-level item; its first non-empty group is the printed number
    subitem: str | None = None  # regex of a sub-item; its first non-empty group is its printed letter
    count: int | None = None  # where the text prints no one list: how many there are

    @property
    def printed(self) -> bool:
        """Whether the source prints these decisions as one list (else only `count` is stated)."""
        return self.item is not None

    def items(self) -> list[Item]:
        """The items of the printed list, read from the source text."""
        if self.start is None or self.item is None:
            raise ValueError(f"{self.source}: the {self.kind}s of {self.document} are not a printed list")
        text = (SOURCES / self.source).read_text(encoding="utf-8")
        begin = text.index(self.start) + len(self.start)
        finish = text.index(self.end, begin) if self.end else len(text)
        found: list[Item] = []
        for line in text[begin:finish].splitlines():
            top = re.match(self.item, line)
            if top:
                found.append(Item(_printed(top)))
                continue
            sub = re.match(self.subitem, line) if self.subitem else None
            if sub and found:
                found[-1].subitems.append(_printed(sub))
        return found

    def summary(self) -> str:
        """How the tables count these decisions: "29 conclusions (+13 sub-items)"."""
        if self.printed:
            items = self.items()
            number, subitems = len(items), sum(len(item.subitems) for item in items)
        else:
            number, subitems = self.count or 0, 0
        text = f"{number} {self.counted_as[0] if number == 1 else self.counted_as[1]}"
        return text + (f" (+{subitems} sub-item{'' if subitems == 1 else 's'})" if subitems else "")


@dataclass(frozen=True)
class Source:
    """A source document in data/sources/, as its entry in sources.yaml describes it."""

    file: str
    sha256: str
    date: str
    kind: str
    title: str
    records: str
    data: str  # path of the data file that encodes it, from the project root
    decisions: tuple[DecisionList, ...]
    also: tuple[str, ...] = ()

    def summary(self) -> str:
        """The README's "decisions" cell: each list counted, then what else the entry names."""
        return ", ".join([*(lst.summary() for lst in self.decisions), *self.also])


def _printed(match: re.Match[str]) -> str | None:
    """The printed number or letter of an item, None where only a bullet is printed."""
    return next((g for g in match.groups() if g), None)


def _decision_list(source: str, entry: dict[str, Any]) -> DecisionList:
    singular, plural = entry.pop("counted_as")
    lst = DecisionList(source=source, counted_as=(singular, plural), **entry)
    if (lst.count is not None) != (lst.start is not None and lst.item is not None):
        return lst
    raise ValueError(f"{INDEX.name}, {source}, {lst.document} {lst.kind}: give either start and item, or count")


@cache
def sources() -> tuple[Source, ...]:
    """Every source document, in the order of sources.yaml."""
    entries = yaml.safe_load(INDEX.read_text(encoding="utf-8"))["sources"]
    return tuple(
        Source(
            **{k: v for k, v in entry.items() if k not in ("decisions", "also")},
            decisions=tuple(_decision_list(entry["file"], dict(d)) for d in entry.get("decisions", [])),
            also=tuple(entry.get("also", [])),
        )
        for entry in entries
    )


def decision_lists() -> list[DecisionList]:
    """Every list of decisions of every source, printed or counted."""
    return [lst for source in sources() for lst in source.decisions]


LISTS = [lst for lst in decision_lists() if lst.printed]


# Tables generated into Markdown by cog.


def _table(header: list[str], rows: list[list[str]]) -> str:
    cells = [" | ".join(cell.replace("|", "\\|") for cell in line) for line in [header, *rows]]
    rule = "|" + "|".join("---" for _ in header) + "|\n"
    return f"| {cells[0]} |\n" + rule + "".join(f"| {line} |\n" for line in cells[1:])


def index_table() -> str:
    """The table of data/sources/INDEX.md."""
    return _table(
        ["file", "date", "kind", "what it records", "decisions"],
        [[f"`{s.file}`", s.date, s.kind, s.records, s.summary()] for s in sources()],
    )


def readme_table() -> str:
    """The table of the README's "The data"."""
    documents = Path("data/documents")
    rows = []
    for s in sources():
        data = Path(s.data)
        shown = data.relative_to(documents) if data.is_relative_to(documents) else data
        rows.append([s.title, f"`{shown}`", s.summary()])
    return _table(["source (in `data/sources/`)", "data file (`data/documents/`)", "decisions"], rows)


def action_category_table() -> str:
    """The README's counts of decisions per action category per meeting, read from the Turtle files with
    rdflib (data/documents/ for where each decision was adopted, data/curation/action-category/ for its
    category, ontology/action-categories.ttl for the scale's order and names)."""
    from rdflib import Graph, Namespace, URIRef

    acu, skos = Namespace("https://w3id.org/acuerdos/ontology#"), Namespace("http://www.w3.org/2004/02/skos/core#")
    graph = Graph()
    for path in [
        ROOT / "ontology" / "action-categories.ttl",
        *sorted((ROOT / "data" / "documents").glob("*.ttl")),
        *sorted((ROOT / "data" / "curation" / "action-category").glob("*.ttl")),
    ]:
        graph.parse(path, format="turtle")

    def english(node: URIRef) -> str:
        return next(str(o) for o in graph.objects(node, skos.prefLabel) if getattr(o, "language", None) == "en")

    scheme = URIRef("https://w3id.org/acuerdos/scheme/action-categories")
    categories = sorted(graph.subjects(skos.inScheme, scheme), key=lambda c: int(graph.value(c, skos.notation)))
    counts: dict[URIRef, dict[URIRef, int]] = {}
    for decision, assignment in graph.subject_objects(acu.actionCategoryAssignment):
        meeting = graph.value(decision, acu.adoptedAt)
        category = graph.value(assignment, acu.actionCategory)
        per_meeting = counts.setdefault(meeting, dict.fromkeys(categories, 0))
        per_meeting[category] += 1
    rows = []
    for meeting in sorted(counts):  # meeting IRIs begin with their date
        shown = f"`meeting/{meeting.split('/meeting/')[1]}`"
        rows.append([shown, *map(str, counts[meeting].values()), str(sum(counts[meeting].values()))])
    totals = [sum(counts[m][c] for m in counts) for c in categories]
    rows.append(["all", *map(str, totals), str(sum(totals))])
    return _table(["meeting", *(english(c) for c in categories), "decisions"], rows)
