"""What a draft resolves names against: the reference data's agents, places, memberships and themes,
and the curated decisions of the graph (for follow-up proposals and the theme lexicon)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS, SKOS, Namespace

from ..namespaces import CANONICAL_BASE, ONTOLOGY_NS

ACU = Namespace(ONTOLOGY_NS)
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
TIME = Namespace("http://www.w3.org/2006/time#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
_AGENT_CLASSES = {"State", "InternationalOrganisation", "Conference", "CivilSocietyNetwork"}


def fold(text: str) -> str:
    """Lower case without accents: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def local(iri: str) -> str:
    """The part of an IRI under the canonical base ("state/CL")."""
    return iri[len(CANONICAL_BASE) :] if iri.startswith(CANONICAL_BASE) else iri


@dataclass
class CuratedDecision:
    """A decision of the graph, as the lexicons and follow-up proposals see it."""

    iri: str
    kind: str
    text: str
    number: str | None
    date: dt.date | None
    source_file: str | None
    themes: dict[str, str] = field(default_factory=dict)  # theme -> basis (local names)
    must_act: set[str] = field(default_factory=set)
    addressee: set[str] = field(default_factory=set)
    conferences: int = 0  # how many conferences the meeting brings together
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (theme, reason) of "named in text" ones
    action_category: str | None = None  # kind/action-category/…
    meeting: str = ""  # the meeting that adopted it (local part)


@dataclass
class Reference:
    """Names of agents (IRI -> names), places, memberships, theme labels, curated decisions."""

    names: dict[str, set[str]]
    acronyms: dict[str, set[str]]
    kinds: dict[str, str]
    places: dict[str, set[str]]
    members: dict[str, list[tuple[str, dt.date | None]]]  # conference -> [(state, since)]
    theme_labels: dict[str, set[str]]
    decisions: list[CuratedDecision]
    graph: rdflib.Graph = field(repr=False)
    collectives: dict[tuple[str, str], str] = field(default_factory=dict)  # (conference, role) -> collective
    numbered: dict[str, dict[int, str]] = field(default_factory=dict)  # scheme -> notation -> theme
    broader: dict[str, set[str]] = field(default_factory=dict)  # theme -> its broader themes (skos:broader)
    action_scheme: dict[str, tuple[int, set[str]]] = field(default_factory=dict)  # category -> (notation, labels@es)
    meeting_labels: dict[str, str] = field(default_factory=dict)  # meeting -> its Spanish label (place and date)

    def names_of_kind(self, kind: str) -> set[str]:
        """The names and acronyms of the agents of a class ("CivilSocietyNetwork")."""
        return {n for iri, k in self.kinds.items() if k == kind for n in self.names[iri] | self.acronyms[iri]}

    def members_on(self, conference: str, day: dt.date) -> list[str]:
        """The member states of a conference on a day (those whose membership had begun)."""
        return [s for s, since in self.members.get(conference, []) if since is None or since <= day]

    def group(self, conference: str, role: str, day: dt.date) -> list[str]:
        """How the data names a conference's members of a role: the collective when the reference
        declares one (``collective/crm/member-states``), else the member states on ``day``."""
        collective = self.collectives.get((conference, role))
        if collective is not None:
            return [collective]
        return self.members_on(conference, day) if role == "member-state" else []

    def label(self, iri: str, lang: str = "en") -> str:
        for o in self.graph.objects(rdflib.URIRef(CANONICAL_BASE + iri), RDFS.label):
            if getattr(o, "language", None) == lang:
                return str(o)
        return iri


def _year_of(graph: rdflib.Graph, membership: rdflib.term.Node) -> dt.date | None:
    for interval in graph.objects(membership, ORG.memberDuring):
        for beginning in graph.objects(interval, TIME.hasBeginning):
            for year in graph.objects(beginning, TIME.inXSDgYear):
                return dt.date(int(str(year)[:4]), 1, 1)
            for day in graph.objects(beginning, TIME.inXSDDate):
                return dt.date.fromisoformat(str(day))
    return None


def load_reference(root: Path, exclude_files: set[str] = frozenset()) -> Reference:  # type: ignore[assignment]
    """Read data/reference, the theme schemes and the curated data (less the files excluded)."""
    graph = rdflib.Graph()
    files = sorted((root / "data" / "reference").glob("*.ttl")) + sorted((root / "ontology" / "schemes").glob("*.ttl"))
    files.append(root / "ontology" / "action-categories.ttl")
    for folder in ("documents", "curation/themes", "curation/follow-up", "curation/action-category"):
        files += [p for p in sorted((root / "data" / folder).glob("*.ttl")) if p.name not in exclude_files]
    for path in files:
        graph.parse(path, format="turtle")
    names: dict[str, set[str]] = {}
    acronyms: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for subject, cls in graph.subject_objects(RDF.type):
        c = str(cls)
        is_body = (subject, ORG.unitOf, None) in graph or (
            c.startswith(ONTOLOGY_NS)
            and c[len(ONTOLOGY_NS) :]
            in {"AdHocGroup", "WorkingGroup", "ConsultationGroup", "TechnicalSecretariat", "ConferenceBody"}
        )
        agent = (
            is_body or c == str(FOAF.Person) or (c.startswith(ONTOLOGY_NS) and c[len(ONTOLOGY_NS) :] in _AGENT_CLASSES)
        )
        if not agent or not str(subject).startswith(CANONICAL_BASE):
            continue
        iri = local(str(subject))
        kinds[iri] = c.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        for p in (RDFS.label, SKOS.altLabel, FOAF.name, SKOS.prefLabel):
            names.setdefault(iri, set()).update(str(o) for o in graph.objects(subject, p))
        acronyms.setdefault(iri, set()).update(str(o) for o in graph.objects(subject, ACU.acronym))
    places = {
        local(str(s)): {str(o) for o in graph.objects(s, RDFS.label)}
        | {str(o) for o in graph.objects(s, SKOS.altLabel)}
        for s in graph.subjects(RDF.type, SCHEMA.Place)
    }
    members: dict[str, list[tuple[str, dt.date | None]]] = {}
    role = rdflib.URIRef(CANONICAL_BASE + "kind/role/member-state")
    for m in graph.subjects(ORG.role, role):
        org, member = graph.value(m, ORG.organization), graph.value(m, ORG.member)
        if org is not None and member is not None:
            members.setdefault(local(str(org)), []).append((local(str(member)), _year_of(graph, m)))
    theme_labels: dict[str, set[str]] = {}
    for s in graph.subjects(RDF.type, SKOS.Concept):
        if "/theme/" in str(s) or str(s).startswith(CANONICAL_BASE + "theme/"):
            theme_labels[local(str(s))] = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label)
                                            for o in graph.objects(s, p)}  # fmt: skip
    numbered, broader = _scheme_structure(graph)
    return Reference(
        names, acronyms, kinds, places, members, theme_labels, _decisions(graph), graph,
        _collectives(graph), numbered, broader, _action_scheme(graph), _meeting_labels(graph),
    )  # fmt: skip


def _scheme_structure(graph: rdflib.Graph) -> tuple[dict[str, dict[int, str]], dict[str, set[str]]]:
    """The numbered themes of each scheme (skos:notation) and each theme's broader ones."""
    numbered: dict[str, dict[int, str]] = {}
    for theme, notation in graph.subject_objects(SKOS.notation):
        scheme = graph.value(theme, SKOS.inScheme)
        if scheme is not None and str(notation).isdigit() and local(str(theme)).startswith("theme/"):
            numbered.setdefault(local(str(scheme)), {})[int(str(notation))] = local(str(theme))
    broader: dict[str, set[str]] = {}
    for narrow, broad in graph.subject_objects(SKOS.broader):
        broader.setdefault(local(str(narrow)), set()).add(local(str(broad)))
    return numbered, broader


def _meeting_labels(graph: rdflib.Graph) -> dict[str, str]:
    """Each meeting's Spanish label, which names its place and date ("…, Washington D.C., 30 de marzo de 2017")."""
    return {
        local(str(m)): str(label)
        for m in set(graph.objects(None, ACU.adoptedAt))
        for label in graph.objects(m, RDFS.label)
        if getattr(label, "language", None) == "es"
    }


def _action_scheme(graph: rdflib.Graph) -> dict[str, tuple[int, set[str]]]:
    """Each action category with its place on the scale (skos:notation) and its Spanish alternative labels."""
    scheme = rdflib.URIRef(CANONICAL_BASE + "scheme/action-categories")
    return {
        local(str(c)): (
            int(str(graph.value(c, SKOS.notation) or 0)),
            {str(o) for o in graph.objects(c, SKOS.altLabel) if getattr(o, "language", None) == "es"},
        )
        for c in graph.subjects(SKOS.inScheme, scheme)
    }


def _collectives(graph: rdflib.Graph) -> dict[tuple[str, str], str]:
    """Each collective by its conference and role ("conference/crm", "member-state")."""
    return {
        (local(str(conference)), local(str(role)).rsplit("/", 1)[-1]): local(str(c))
        for c in graph.subjects(RDF.type, ACU.Collective)
        for conference in graph.objects(c, ACU.collectiveOf)
        for role in graph.objects(c, ACU.collectiveRole)
    }


def _decisions(graph: rdflib.Graph) -> list[CuratedDecision]:
    out = []
    for d in set(graph.subjects(ACU.adoptedAt, None)):
        text = graph.value(d, ACU.text)
        if text is None:
            continue
        meeting = graph.value(d, ACU.adoptedAt)
        start = graph.value(meeting, SCHEMA.startDate) if meeting is not None else None
        doc = graph.value(d, ACU.recordedIn)
        source = graph.value(doc, ACU.sourceFile) if doc is not None else None
        kind = str(graph.value(d, RDF.type) or ACU.Decision).rsplit("#", 1)[-1]
        number = graph.value(d, ACU.number)
        decision = CuratedDecision(
            local(str(d)), kind, str(text), str(number) if number else None,
            dt.date.fromisoformat(str(start)[:10]) if start else None, str(source) if source else None,
        )  # fmt: skip
        for assignment in graph.objects(d, ACU.themeAssignment):
            theme, basis = graph.value(assignment, ACU.theme), graph.value(assignment, ACU.basis)
            if theme is not None:
                decision.themes[local(str(theme))] = local(str(basis)) if basis else ""
                reason = graph.value(assignment, ACU.reason)
                if reason is not None:
                    decision.reasons.append((local(str(theme)), str(reason)))
        if meeting is not None:
            decision.meeting = local(str(meeting))
            decision.conferences = len(set(graph.objects(meeting, ACU.conference)))
        category = next(
            (c for a in graph.objects(d, ACU.actionCategoryAssignment) for c in graph.objects(a, ACU.actionCategory)),
            None,
        )
        decision.action_category = local(str(category)) if category is not None else None
        decision.must_act = {local(str(o)) for o in graph.objects(d, ACU.mustAct)}
        decision.addressee = {local(str(o)) for o in graph.objects(d, ACU.addressee)}
        out.append(decision)
    out.sort(key=lambda d: d.iri)
    return out
