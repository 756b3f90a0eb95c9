"""The curated data of each source, read straight from its Turtle files (not through the draft
package), and the scores of a draft against it: used by bench/bench_draft.py and tests/draft/."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
import yaml
from rdflib import RDF, Namespace

from acuerdos.text import normalise

BASE = "https://w3id.org/acuerdos/"
ACU = Namespace(BASE + "ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
SCHEMA = Namespace("https://schema.org/")
ROOT = Path(__file__).resolve().parents[1]


def short(term: rdflib.term.Node) -> str:
    s = str(term)
    return s[len(BASE) :] if s.startswith(BASE) else s


@dataclass
class GoldDecision:
    iri: str
    text: str
    kind: str
    number: str | None
    must_act: set[str]
    addressee: set[str]
    dates: tuple[dt.date, dt.date] | None  # deadline as (d, d), or scheduled start/end
    themes: dict[str, str] = field(default_factory=dict)  # theme -> basis
    action_category: str | None = None


@dataclass
class Gold:
    source: str
    data: str
    slug: str
    decisions: dict[str, GoldDecision]  # by normalised text
    follow_ups: set[tuple[str, str]]  # (earlier decision, later decision), later in this source
    day: dt.date  # the date of the meeting the source records


def _began(g: rdflib.Graph, membership: rdflib.term.Node) -> int:
    """The year a membership began (0 when the data gives none)."""
    for interval in g.objects(membership, ORG.memberDuring):
        for instant in g.objects(interval, TIME.hasBeginning):
            for value in (*g.objects(instant, TIME.inXSDgYear), *g.objects(instant, TIME.inXSDDate)):
                return int(str(value)[:4])
    return 0


def collective_members() -> dict[str, list[tuple[str, int]]]:
    """Each collective of data/reference and its members with the year each joined, walked from the
    memberships of its conference with its role."""
    g = rdflib.Graph()
    for name in ("collectives.ttl", "conferences.ttl"):
        g.parse(ROOT / "data/reference" / name)
    out: dict[str, list[tuple[str, int]]] = {}
    for c in g.subjects(RDF.type, ACU.Collective):
        conference, role = g.value(c, ACU.collectiveOf), g.value(c, ACU.collectiveRole)
        out[short(c)] = [
            (short(g.value(m, ORG.member)), _began(g, m))
            for m in g.subjects(ORG.organization, conference)
            if (m, ORG.role, role) in g
        ]
    return out


def expand(iris: set[str], day: dt.date, members: dict[str, list[tuple[str, int]]]) -> set[str]:
    """A set of agents with each collective replaced by its members in the year of ``day``: the
    "Países Miembros" of a decision, whether written as the collective or as its states."""
    out = {i for i in iris if i not in members}
    for c in iris & set(members):
        out |= {m for m, year in members[c] if year <= day.year}
    return out


def _date(g: rdflib.Graph, d: rdflib.term.Node) -> tuple[dt.date, dt.date] | None:
    deadline = g.value(d, ACU.deadline)
    if deadline is not None:
        day = dt.date.fromisoformat(str(deadline)[:10])
        return day, day
    start, end = g.value(d, ACU.scheduledStart), g.value(d, ACU.scheduledEnd)
    if start is None:
        return None
    first = dt.date.fromisoformat(str(start)[:10])
    return first, dt.date.fromisoformat(str(end)[:10]) if end is not None else first


def sources() -> list[dict[str, str]]:
    return yaml.safe_load((ROOT / "data/sources/sources.yaml").read_text(encoding="utf-8"))["sources"]


def load_gold(entry: dict[str, str]) -> Gold:
    slug = Path(entry["data"]).stem
    g = rdflib.Graph().parse(ROOT / entry["data"])
    themes = rdflib.Graph().parse(ROOT / "data/curation/themes" / f"{slug}.ttl")
    categories = rdflib.Graph().parse(ROOT / "data/curation/action-category" / f"{slug}.ttl")
    decisions: dict[str, GoldDecision] = {}
    for d in set(g.subjects(ACU.adoptedAt, None)):
        text = g.value(d, ACU.text)
        if text is None:
            continue
        number = g.value(d, ACU.number)
        gd = GoldDecision(
            short(d), normalise(str(text)), short(g.value(d, RDF.type)).split("#")[-1],
            str(number) if number is not None else None,
            {short(o) for o in g.objects(d, ACU.mustAct)}, {short(o) for o in g.objects(d, ACU.addressee)},
            _date(g, d),
        )  # fmt: skip
        for a in themes.objects(d, ACU.themeAssignment):
            gd.themes[short(themes.value(a, ACU.theme))] = short(themes.value(a, ACU.basis))
        for a in categories.objects(d, ACU.actionCategoryAssignment):
            gd.action_category = short(categories.value(a, ACU.actionCategory))
        decisions[gd.text] = gd
    iris = {d.iri for d in decisions.values()}
    follow_ups: set[tuple[str, str]] = set()
    for path in sorted((ROOT / "data/curation/follow-up").glob("*.ttl")):
        f = rdflib.Graph().parse(path)
        for earlier, link in f.subject_objects(ACU.followUp):
            later = short(f.value(link, ACU.followedUpBy))
            if later in iris:
                follow_ups.add((short(earlier), later))
    document = next(g.subjects(ACU.sourceFile, rdflib.Literal(entry["file"])))
    day = dt.date.fromisoformat(str(g.value(g.value(document, ACU.records), SCHEMA.startDate))[:10])
    return Gold(entry["file"], entry["data"], slug, decisions, follow_ups, day)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def sets(got: set[object], want: set[object]) -> Score:
    return Score(len(got & want), len(got - want), len(want - got))


def quotes_found(turtle_files: list[Path], source_text: str) -> tuple[int, int]:
    """(found, total) of the oa:exact quotes of the draft's files in the normalised source."""
    normalised = normalise(source_text)
    found = total = 0
    for path in turtle_files:
        g = rdflib.Graph().parse(path)
        for exact in g.objects(None, OA.exact):
            total += 1
            found += str(exact) in normalised
    return found, total
