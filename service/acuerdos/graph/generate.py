"""Synthetic records in the project's own vocabulary, for measuring the graph at scale.

``generate(project, target, triples, seed)`` writes a project folder ``target`` that holds the
project's ontology, shapes, queries and data (the real record, so that every named query's
example still answers), and beside it a generated record of the two conferences over thirty
years (1996 to 2025), until the graph holds about ``triples`` triples:

- meetings of every kind each year (vice-ministerial and plenary meetings, consultation-group,
  troika, virtual and working meetings, workshops, ad-hoc groups; some joint), each recorded by a
  generated source document (``data/sources/``) whose text holds every quote;
- the conferences' structure changing over time: each year's presidency and troika
  (``org:Membership`` as of the plenary), networks and working groups that appear, are attested
  year after year, and end;
- decisions with printed numbers, lettered sub-items, sections, who must act and who is
  addressed, deadlines and scheduled dates (with the meeting they schedule), texts and their
  translations, the quote of each;
- themes assigned both ways (named in the text, or by judgement with a reason), an action category
  for every decision (specific when it sets a date or asks for a report, else general), and follow-up
  chains: a meeting holds what an earlier decision scheduled, later decisions act on or reiterate
  earlier ones.

Everything is drawn from ``random.Random(seed)``: the same arguments write the same bytes. The
output validates against the shapes; ``violations`` (a rate, 0 to 1) breaks that share of the
generated decisions on purpose (a missing translation, a deadline before the meeting, a
duplicated number, no theme), to exercise validation. Theme assignments, follow-ups and quotes
get the IRIs ontology/README.md derives for them.
"""

from __future__ import annotations

import datetime
import hashlib
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..namespaces import CANONICAL_BASE, Base
from ..project import Project
from .load import load_store

YEARS = range(1996, 2026)
MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
HEADER = """@base <https://w3id.org/acuerdos/> .
@prefix acu: <https://w3id.org/acuerdos/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
# (conference, Spanish name, English name, founded, kind slug of its annual meeting)
CONFERENCES = {
    "crm": ("la Conferencia Regional sobre Migración (CRM)", "the Regional Conference on Migration (RCM)", 1996),
    "csm": ("la Conferencia Suramericana sobre Migraciones (CSM)", "the South American Conference on Migration", 2000),
}
# meeting kind slug → (Spanish, English, document kind, decision class and slug)
KINDS = {
    "vice-ministerial-meeting": ("Reunión Viceministerial", "Vice-Ministerial Meeting", "final-act", "Agreement"),
    "plenary-meeting": ("Reunión plenaria", "Plenary meeting", "final-act", "Agreement"),
    "grcm-meeting": (
        "Reunión del Grupo Regional de Consulta",
        "Regional Consultation Group meeting",
        "report",
        "Conclusion",
    ),
    "troika-meeting": ("Reunión de la troika", "Troika meeting", "minutes", "Agreement"),
    "virtual-meeting": ("Reunión virtual", "Virtual meeting", "minutes", "Agreement"),
    "working-meeting": ("Reunión de trabajo", "Working meeting", "final-act", "Agreement"),
    "ad-hoc-group-meeting": ("Reunión del grupo ad hoc", "Ad hoc group meeting", "report", "Recommendation"),
    "workshop": ("Taller regional", "Regional workshop", "conclusions", "Conclusion"),
}
CLASS_SLUG = {
    "Agreement": ("agreement", "Acuerdo"),
    "Conclusion": ("conclusion", "Conclusión"),
    "Recommendation": ("recommendation", "Recomendación"),
}
DOC_KIND = {
    "final-act": ("ACTA FINAL", "Final act"),
    "report": ("INFORME", "Report"),
    "minutes": ("MINUTA", "Minutes"),
    "conclusions": ("CONCLUSIONES", "Conclusions"),
}
ACTIONS = [
    ("elabore un informe", "prepare a report"),
    ("organice un taller", "organise a workshop"),
    ("presente una propuesta", "submit a proposal"),
    ("actualice el directorio de puntos focales", "update the directory of focal points"),
    ("comparta buenas prácticas", "share good practices"),
    ("coordine una posición común", "coordinate a common position"),
    ("realice un diagnóstico regional", "carry out a regional assessment"),
    ("difunda los resultados", "disseminate the results"),
]
ORGANISATIONS = ["iom", "unhcr", "unicef", "oas", "ilo", "eclac", "unodc", "undp", "unfpa", "paho"]
NETWORKS = [
    ("consular-protection", "Protección Consular", "Consular Protection"),
    ("trafficking", "Trata de Personas", "Trafficking in Persons"),
    ("children", "Niñez Migrante", "Migrant Children"),
    ("labour", "Migración Laboral", "Labour Migration"),
    ("data", "Información Migratoria", "Migration Information"),
    ("return", "Retorno y Reintegración", "Return and Reintegration"),
    ("gender", "Género y Migración", "Gender and Migration"),
    ("climate", "Migración y Cambio Climático", "Migration and Climate Change"),
]
BREAKS = ["no-translation", "deadline-before-meeting", "duplicate-number", "no-theme"]


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(day: datetime.date) -> str:
    return f'"{day.isoformat()}"^^xsd:date'


def _es(day: datetime.date) -> str:
    return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"


def _en(day: datetime.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


@dataclass
class Turtle:
    """Turtle statements with a running count of the triples they state."""

    lines: list[str] = field(default_factory=list)
    triples: int = 0

    def block(self, subject: str, pairs: list[tuple[str, list[str]]]) -> None:
        pairs = [(p, objects) for p, objects in pairs if objects]
        body = " ;\n    ".join(f"{p} {' , '.join(objects)}" for p, objects in pairs)
        self.lines.append(f"{subject} {body} .")
        self.triples += sum(len(objects) for _, objects in pairs)

    def quote(self, resource: str, document: str, n: int, exact: str) -> str:
        """The quote resource ``{resource}/evidence/{document slug}-{n}`` (its IRI, written)."""
        iri = f"<{resource[1:-1]}/evidence/{document[len('<document/') : -1]}-{n}>"
        self.lines.append(
            f"{iri} a oa:SpecificResource ; oa:hasSource {document} ;\n"
            f"    oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact {_q(exact)} ] ."
        )
        self.triples += 5
        return iri

    def text(self, comment: str) -> str:
        return f"# {comment}\n{HEADER}\n" + "\n".join(self.lines) + "\n"


@dataclass
class Reference:
    """What the generated record draws on, read from the project's reference data."""

    members: dict[str, list[tuple[str, str, str]]]  # conference → (code, Spanish, English)
    places: list[tuple[str, str, str]]  # (IRI, Spanish, English)
    themes: list[tuple[str, str, str]]  # regional themes: (IRI path, Spanish, English)
    objectives: list[tuple[str, str]]  # GCM objectives: (IRI path, English)


def _reference(project: Project) -> Reference:
    store = load_store(project, Base(CANONICAL_BASE), derived=False)

    def rows(query: str) -> list[list[str]]:
        prefixes = (
            "PREFIX acu: <https://w3id.org/acuerdos/ontology#> PREFIX org: <http://www.w3.org/ns/org#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            "PREFIX schema: <https://schema.org/> "
        )
        result = store.query(prefixes + query, use_default_graph_as_union=True)
        return [[term.value for term in row] for row in result]  # type: ignore[union-attr]

    members: dict[str, list[tuple[str, str, str]]] = {}
    for conference in CONFERENCES:
        found = rows(
            f"""SELECT ?code ?es ?en WHERE {{ ?m org:organization <{CANONICAL_BASE}conference/{conference}> ;
                  org:role <{CANONICAL_BASE}kind/role/member-state> ; org:member ?s . ?s acu:iso3166Alpha2 ?code ;
                  rdfs:label ?es , ?en FILTER(LANG(?es) = "es" && LANG(?en) = "en") }} ORDER BY ?code"""
        )
        members[conference] = [(code, es, en) for code, es, en in found]
    places = rows(
        """SELECT ?p ?es ?en WHERE { ?p a schema:Place ; schema:containedInPlace/a acu:State ;
             rdfs:label ?es , ?en FILTER(LANG(?es) = "es" && LANG(?en) = "en") } ORDER BY ?p"""
    )
    themes = rows(
        f"""SELECT ?t ?es ?en WHERE {{ ?t skos:inScheme <{CANONICAL_BASE}scheme/regional-themes> ;
              skos:prefLabel ?es , ?en FILTER(LANG(?es) = "es" && LANG(?en) = "en") }} ORDER BY ?t"""
    )
    objectives = rows(
        f"""SELECT ?t ?en WHERE {{ ?t skos:inScheme <{CANONICAL_BASE}scheme/gcm-objectives> ;
              skos:prefLabel ?en FILTER(LANG(?en) = "en") }} ORDER BY ?t"""
    )
    local = len(CANONICAL_BASE)
    return Reference(
        members,
        [(p[local:], es, en) for p, es, en in places],
        [(t[local:], es, en) for t, es, en in themes],
        [(t[local:], en) for t, en in objectives],
    )


@dataclass
class Meeting:
    slug: str
    conferences: list[str]
    kind: str
    day: datetime.date
    decisions: int

    @property
    def iri(self) -> str:
        return f"<meeting/{self.slug}>"


@dataclass
class Open:
    """An earlier decision a later one may follow up."""

    iri: str
    day: datetime.date
    theme_en: str


class Generator:
    def __init__(self, reference: Reference, seed: int, violations: float) -> None:
        self.ref = reference
        self.rng = random.Random(seed)
        self.violations = violations
        self.open: dict[str, list[Open]] = {c: [] for c in CONFERENCES}
        self.scheduled: dict[str, list[tuple[str, str]]] = {}  # meeting slug → (decision IRI, theme)
        self.bodies: dict[str, list[tuple[str, str, str, int, int]]] = {}  # conference → networks
        self.sources = 0
        self.broken = 0
        self.decisions = 0

    # -- the plan -------------------------------------------------------------------------

    def plan(self, budget: int) -> list[Meeting]:
        """The meetings, in date order, sized for about ``budget`` generated triples (measured: about
        44 triples per decision with its two quotes, its curation and its action category, 10 more per
        meeting)."""
        count, meetings = max(1, budget // 300), []
        for _ in range(3):  # a plan, then two corrections of its size
            meetings = self._meetings(count, random.Random(self.rng.random()))
            estimate = sum(10 + 44 * m.decisions for m in meetings)
            count = max(1, round(count * budget / max(1, estimate)))
        return meetings

    def _meetings(self, count: int, rng: random.Random) -> list[Meeting]:
        meetings: list[Meeting] = []
        slots = [(year, c) for year in YEARS for c in CONFERENCES if year >= CONFERENCES[c][2]]
        per_slot = max(1, round(count / len(slots)))
        for n in range(count):
            year, conference = slots[(n // per_slot) % len(slots)] if n < per_slot * len(slots) else rng.choice(slots)
            k = n % per_slot
            if k == 0:
                kind = "vice-ministerial-meeting" if conference == "crm" else "plenary-meeting"
            elif k == 1 and conference == "crm":
                kind = "grcm-meeting"
            else:
                kind = rng.choice(
                    ["troika-meeting", "virtual-meeting", "working-meeting", "ad-hoc-group-meeting", "workshop"]
                )
            conferences = ["crm", "csm"] if kind == "working-meeting" and year >= 2000 else [conference]
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(0, 360))
            decisions = rng.randint(12, 22) if k == 0 else rng.randint(5, 12)
            slug = f"{day.isoformat()}-gen-{conference}-{kind.split('-')[0]}-{n + 1}"
            meetings.append(Meeting(slug, conferences, kind, day, decisions))
        meetings.sort(key=lambda m: (m.day, m.slug))
        return meetings

    def networks(self) -> Turtle:
        """The generated networks of each conference (declared once; attested year by year)."""
        out = Turtle()
        for conference in CONFERENCES:
            founded = CONFERENCES[conference][2]
            chosen = []
            for slug, es, en in NETWORKS:
                start = self.rng.randint(founded + 1, 2018)
                end = self.rng.randint(start + 3, 2030)
                iri = f"<body/{conference}/network/gen-{slug}>"
                cls = "acu:LiaisonOfficerNetwork" if conference == "crm" else "acu:WorkingNetwork"
                acronym = conference.upper()
                out.block(
                    iri,
                    [
                        ("a", [cls]),
                        (
                            "rdfs:label",
                            [_q(f"Red de {es} de la {acronym}") + "@es", _q(f"{acronym} {en} Network") + "@en"],
                        ),
                        ("org:unitOf", [f"<conference/{conference}>"]),
                    ],
                )
                chosen.append((iri, f"Red de {es} de la {acronym}", en, start, end))
            self.bodies[conference] = chosen
        return out

    # -- one meeting ----------------------------------------------------------------------

    def meeting(self, meeting: Meeting, later: list[Meeting]) -> tuple[Turtle, Turtle, Turtle, str, str]:
        """(document data, themes, follow-ups, source file name, source text) of one meeting."""
        rng = self.rng
        data, themes, follow = Turtle(), Turtle(), Turtle()
        lead = meeting.conferences[0]
        kind_es, kind_en, doc_kind, decision_class = KINDS[meeting.kind]
        conf_es = " y ".join(CONFERENCES[c][0] for c in meeting.conferences)
        conf_en = " and ".join(CONFERENCES[c][1] for c in meeting.conferences)
        place, place_es, place_en = rng.choice(self.ref.places)
        document = f"<document/{meeting.slug}-{doc_kind}>"
        self.sources += 1
        source_file = f"{self.sources % 1000:03d}_{hashlib.sha256(meeting.slug.encode()).hexdigest()[:16]}.txt"
        text: list[str] = []

        title = f"{DOC_KIND[doc_kind][0]}. {kind_es} de {conf_es}, {place_es}, {_es(meeting.day)}"
        text.append(title)
        members = sorted({m for c in meeting.conferences for m in self.ref.members[c]})
        present = sorted(rng.sample(members, k=min(len(members), rng.randint(3, len(members)))))
        opening = (
            f"Los Países Miembros de {conf_es} ({', '.join(es for _, es, _ in present)}), reunidos el día "
            f"{_es(meeting.day)} en {place_es}, han acordado:"
        )
        text.append(opening)
        virtual = meeting.kind == "virtual-meeting"
        data.block(
            meeting.iri,
            [
                ("a", ["acu:Meeting"]),
                (
                    "rdfs:label",
                    [
                        _q(f"{kind_es} de {conf_es}, {place_es}, {_es(meeting.day)}") + "@es",
                        _q(f"{kind_en} of {conf_en}, {place_en}, {_en(meeting.day)}") + "@en",
                    ],
                ),
                ("acu:meetingKind", [f"<kind/meeting/{meeting.kind}>"]),
                ("acu:status", ["<kind/status/held>"]),
                ("acu:conference", [f"<conference/{c}>" for c in meeting.conferences]),
                ("schema:startDate", [_date(meeting.day)]),
                ("schema:endDate", [_date(meeting.day + datetime.timedelta(days=rng.randint(0, 2)))]),
                ("schema:location", [] if virtual else [f"<{place}>"]),
                (
                    "schema:eventAttendanceMode",
                    ["schema:OnlineEventAttendanceMode" if virtual else "schema:OfflineEventAttendanceMode"],
                ),
                ("acu:participant", [f"<state/{code}>" for code, _, _ in present]),
                ("acu:presidedBy", [f"<body/{lead}/ppt>"]),
                ("acu:evidence", [data.quote(meeting.iri, document, 1, opening)]),
            ],
        )
        data.block(
            document,
            [
                ("a", ["acu:SourceDocument"]),
                (
                    "rdfs:label",
                    [
                        _q(f"{DOC_KIND[doc_kind][1]} de la {kind_es.lower()}, {_es(meeting.day)} ({meeting.slug})")
                        + "@es",
                        _q(f"{DOC_KIND[doc_kind][1]} of the {kind_en.lower()}, {_en(meeting.day)} ({meeting.slug})")
                        + "@en",
                    ],
                ),
                ("dcterms:title", [_q(title) + "@es"]),
                ("acu:documentKind", [f"<kind/document/{doc_kind}>"]),
                ("dcterms:date", [_date(meeting.day)]),
                ("dcterms:language", ['"es"']),
                ("acu:sourceFile", [_q(source_file)]),
                ("acu:sha256", ["SHA256"]),
                ("acu:records", [meeting.iri]),
                ("acu:evidence", [data.quote(document, document, 1, title)]),
            ],
        )
        if meeting.kind in ("vice-ministerial-meeting", "plenary-meeting"):
            self._structure(meeting, document, data, text, present)
        for earlier, theme_en in self.scheduled.pop(meeting.slug, []):
            self._follow_up(
                follow,
                earlier,
                meeting.iri,
                "holds",
                f"The meeting that the decision scheduled on {theme_en} took place.",
            )

        slug, word = CLASS_SLUG[decision_class]
        chosen = rng.sample(self.ref.themes, k=min(len(self.ref.themes), max(1, meeting.decisions // 4)))
        number = 0
        for position, (theme, theme_es, theme_en) in enumerate(chosen, start=1):
            section = f"<document/{meeting.slug}-{doc_kind}/section-{position}>"
            heading = f"En relación a {theme_es.lower()}"
            text.append(heading)
            data.block(
                section,
                [
                    ("a", ["acu:DocumentSection"]),
                    ("rdfs:label", [_q(heading) + "@es", _q(f"On {theme_en.lower()}") + "@en"]),
                    ("dcterms:isPartOf", [document]),
                    ("acu:position", [str(position)]),
                    ("acu:evidence", [data.quote(section, document, 1, heading)]),
                ],
            )
            for _ in range(rng.randint(2, 5)):
                number += 1
                self._decision(
                    meeting,
                    later,
                    document,
                    section,
                    decision_class,
                    slug,
                    word,
                    number,
                    (theme, theme_es, theme_en),
                    present,
                    data,
                    themes,
                    follow,
                    text,
                )
        source = "\n".join(text) + "\n"
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
        data.lines = [line.replace("SHA256", f'"{digest}"') for line in data.lines]
        return data, themes, follow, source_file, source

    def _structure(self, meeting: Meeting, document: str, data: Turtle, text: list[str], present: list) -> None:
        """The presidency and troika as of the annual meeting, and the networks it attests."""
        rng = self.rng
        conference = meeting.conferences[0]
        acronym = conference.upper()
        day = meeting.day
        holder, troika = present[0], rng.sample(present, k=min(3, len(present)))
        sentence = f"La Presidencia Pro Tempore de la {acronym} queda a cargo de {holder[1]}."
        text.append(sentence)
        iri = f"<membership/{conference}/ppt/{day.isoformat()}/{holder[0]}>"
        data.block(
            iri,
            [
                ("a", ["org:Membership"]),
                (
                    "rdfs:label",
                    [
                        _q(f"{holder[1]}, Presidencia Pro Tempore de la {acronym} ({_es(day)})") + "@es",
                        _q(f"{holder[2]}, {acronym} Pro Tempore Presidency ({_en(day)})") + "@en",
                    ],
                ),
                ("org:member", [f"<state/{holder[0]}>"]),
                ("org:organization", [f"<body/{conference}/ppt>"]),
                ("org:role", ["<kind/role/presidency-holder>"]),
                ("acu:asOf", [_date(day)]),
                ("acu:evidence", [data.quote(iri, document, 1, sentence)]),
            ],
        )
        sentence = f"La troika de la {acronym} queda integrada por {', '.join(es for _, es, _ in troika)}."
        text.append(sentence)
        for code, es, en in troika:
            iri = f"<membership/{conference}/troika/{day.isoformat()}/{code}>"
            data.block(
                iri,
                [
                    ("a", ["org:Membership"]),
                    (
                        "rdfs:label",
                        [
                            _q(f"{es}, miembro de la troika de la {acronym} ({_es(day)})") + "@es",
                            _q(f"{en}, member of the {acronym} troika ({_en(day)})") + "@en",
                        ],
                    ),
                    ("org:member", [f"<state/{code}>"]),
                    ("org:organization", [f"<body/{conference}/troika>"]),
                    ("org:role", ["<kind/role/troika-member>"]),
                    ("acu:asOf", [_date(day)]),
                    ("acu:evidence", [data.quote(iri, document, 1, sentence)]),
                ],
            )
        for body, label_es, _, start, end in self.bodies[conference]:
            if start <= day.year <= end:
                sentence = f"Se recibe el informe anual de la {label_es}."
                text.append(sentence)
                data.block(
                    body,
                    [("acu:attestedOn", [_date(day)]), ("acu:evidence", [data.quote(body, document, 1, sentence)])],
                )

    def _decision(
        self,
        meeting: Meeting,
        later: list[Meeting],
        document: str,
        section: str,
        decision_class: str,
        slug: str,
        word: str,
        number: int,
        theme: tuple[str, str, str],
        present: list,
        data: Turtle,
        themes: Turtle,
        follow: Turtle,
        text: list[str],
    ) -> None:
        rng = self.rng
        conference = meeting.conferences[0]
        theme_iri, theme_es, theme_en = theme
        iri = f"<decision/{meeting.slug}/{slug}-{number}>"
        self.decisions += 1
        broken = self.violations > 0 and rng.random() < self.violations
        breaking = BREAKS[self.broken % len(BREAKS)] if broken else ""
        self.broken += broken
        actor = rng.choice(
            [(f"<state/{c}>", es, en) for c, es, en in present]
            + [
                (
                    f"<body/{conference}/technical-secretariat>",
                    f"la Secretaría Técnica de la {conference.upper()}",
                    f"the {conference.upper()} Technical Secretariat",
                ),
                (
                    f"<body/{conference}/ppt>",
                    f"la Presidencia Pro Tempore de la {conference.upper()}",
                    f"the {conference.upper()} Pro Tempore Presidency",
                ),
            ]
        )
        action_es, action_en = rng.choice(ACTIONS)
        sentence_es = f"Solicitar a {actor[1]} que {action_es} en materia de {theme_es.lower()}"
        sentence_en = f"Request {actor[2]} to {action_en} on {theme_en.lower()}"
        pairs: list[tuple[str, list[str]]] = []
        roll = rng.random()
        next_meeting = next((m for m in later if conference in m.conferences and m.day > meeting.day), None)
        if roll < 0.3:
            due = meeting.day + datetime.timedelta(days=rng.randint(20, 300))
            if breaking == "deadline-before-meeting":
                due = meeting.day - datetime.timedelta(days=10)
            words = f"a más tardar el {_es(due)}"
            sentence_es += f", {words}"
            sentence_en += f", by {_en(due)}"
            pairs += [("acu:deadline", [_date(due)]), ("acu:dateText", [_q(words) + "@es"])]
        elif roll < 0.45 and next_meeting is not None:
            words = f"en la próxima reunión del {_es(next_meeting.day)}"
            sentence_es += f", {words}"
            sentence_en += f", at the next meeting on {_en(next_meeting.day)}"
            pairs += [
                ("acu:scheduledStart", [_date(next_meeting.day)]),
                ("acu:schedules", [next_meeting.iri]),
                ("acu:dateText", [_q(words) + "@es"]),
            ]
            self.scheduled.setdefault(next_meeting.slug, []).append((iri, theme_en.lower()))
        sentence_es += "."
        sentence_en += "."
        printed = "1" if breaking == "duplicate-number" and number > 1 else str(number)
        text.append(f"{number}. {sentence_es}")
        addressees = [f"<organisation/{o}>" for o in rng.sample(ORGANISATIONS, k=rng.choice([0, 0, 1, 2]))]
        self._statement(
            data,
            iri,
            decision_class,
            word,
            printed,
            number,
            meeting,
            document,
            section,
            sentence_es,
            sentence_en,
            [actor[0]],
            addressees,
            pairs,
            breaking,
            f"{number}. ",
        )
        self._themes(themes, iri, theme_iri, theme_en, breaking)
        dated = any(p in ("acu:deadline", "acu:scheduledStart") for p, _ in pairs)
        self._action_category(themes, iri, "specific-action" if dated else "general-action", sentence_es)
        subitems = rng.choice([0, 0, 0, 2, 3]) if number % 3 == 0 else 0
        for letter in "abcdefg"[:subitems]:
            sub = f"<decision/{meeting.slug}/{slug}-{number}-{letter}>"
            self.decisions += 1
            code, es, en = rng.choice(present)
            item_es = f"{es} informará sobre sus avances en materia de {theme_es.lower()}."
            item_en = f"{en} will report on its progress on {theme_en.lower()}."
            text.append(f"{letter}) {item_es}")
            self._statement(
                data,
                sub,
                decision_class,
                word,
                letter,
                "abcdefg".index(letter) + 1,
                meeting,
                document,
                section,
                item_es,
                item_en,
                [f"<state/{code}>"],
                [],
                [("acu:partOf", [iri])],
                "",
                f"{letter}) ",
            )
            self._themes(themes, sub, theme_iri, theme_en, "")
            self._action_category(themes, sub, "specific-action", item_es)
        pool = self.open[conference]
        if pool and rng.random() < 0.35:
            earlier = pool.pop(rng.randrange(len(pool)))
            if earlier.day < meeting.day:
                kind = rng.choice(["acts-on", "acts-on", "reiterates"])
                self._follow_up(
                    follow,
                    earlier.iri,
                    iri,
                    kind,
                    f"A later decision returns to the earlier one on {earlier.theme_en}.",
                )
        pool.append(Open(iri, meeting.day, theme_en.lower()))
        del pool[:-300]

    def _statement(
        self,
        data: Turtle,
        iri: str,
        decision_class: str,
        word: str,
        printed: str,
        position: int,
        meeting: Meeting,
        document: str,
        section: str,
        text_es: str,
        text_en: str,
        must_act: list[str],
        addressees: list[str],
        extra: list[tuple[str, list[str]]],
        breaking: str,
        printed_as: str,
    ) -> None:
        label_es = f"{word} {printed} de {KINDS[meeting.kind][0].lower()} del {_es(meeting.day)} ({meeting.slug})"
        label_en = (
            f"{decision_class} {printed} of the {KINDS[meeting.kind][1].lower()} of {_en(meeting.day)} ({meeting.slug})"
        )
        data.block(
            iri,
            [
                ("a", [f"acu:{decision_class}"]),
                ("rdfs:label", [_q(label_es) + "@es", _q(label_en) + "@en"]),
                ("acu:number", [_q(printed)]),
                ("acu:position", [str(position)]),
                ("acu:adoptedAt", [meeting.iri]),
                ("acu:recordedIn", [document]),
                ("acu:inSection", [section]),
                ("acu:text", [_q(text_es) + "@es"]),
                ("acu:unofficialTranslation", [] if breaking == "no-translation" else [_q(text_en) + "@en"]),
                ("acu:mustAct", must_act),
                ("acu:addressee", addressees),
                *extra,
                # the number as the text prints it ("4. Celebrar…", "b) Chile…"): acu:numberEvidence
                ("acu:numberEvidence", [number_quote := data.quote(iri, document, 2, printed_as + _opening(text_es))]),
                ("acu:evidence", [data.quote(iri, document, 1, text_es), number_quote]),
            ],
        )

    def _themes(self, themes: Turtle, iri: str, theme: str, theme_en: str, breaking: str) -> None:
        if breaking == "no-theme":
            return
        assignments = [(theme, "<kind/basis/named-in-text>", "")]
        if self.rng.random() < 0.6:
            objective, objective_en = self.rng.choice(self.ref.objectives)
            if objective != theme:
                reason = f"Work on {theme_en.lower()} serves this objective of the Global Compact: {objective_en}."
                assignments.append((objective, "<kind/basis/assigned-by-judgement>", reason))
        links = []
        for theme_path, basis, reason in assignments:
            link = f"<{iri[1:-1]}/theme/{theme_path[len('theme/') :].replace('/', '-')}>"
            links.append(link)
            themes.block(
                link,
                [
                    ("a", ["acu:ThemeAssignment"]),
                    ("acu:theme", [f"<{theme_path}>"]),
                    ("acu:basis", [basis]),
                    ("acu:reason", [_q(reason) + "@en"] if reason else []),
                ],
            )
        themes.block(iri, [("acu:themeAssignment", links)])

    def _action_category(self, curation: Turtle, iri: str, category: str, text_es: str) -> None:
        """The decision's action category (a deadline, a date or a report to give: specific; else
        general), at ``{decision}/action-category`` as the shapes require, with the curation's themes."""
        link = f"<{iri[1:-1]}/action-category>"
        curation.block(iri, [("acu:actionCategoryAssignment", [link])])
        curation.block(
            link,
            [
                ("a", ["acu:ActionCategoryAssignment"]),
                ("acu:actionCategory", [f"<kind/action-category/{category}>"]),
                ("acu:basis", ["<kind/basis/assigned-by-judgement>"]),
                ("acu:reason", [_q(f'"{text_es}": {category.replace("-", " ")}.') + "@en"]),
            ],
        )

    def _follow_up(self, follow: Turtle, earlier: str, later: str, kind: str, reason: str) -> None:
        link = f"<{earlier[1:-1]}/follow-up/{later[1:-1]}>"
        follow.block(earlier, [("acu:followUp", [link])])
        follow.block(
            link,
            [
                ("a", ["acu:FollowUp"]),
                ("acu:followedUpBy", [later]),
                ("acu:followUpKind", [f"<kind/follow-up/{kind}>"]),
                ("acu:basis", ["<kind/basis/assigned-by-judgement>"]),
                ("acu:reason", [_q(reason) + "@en"]),
            ],
        )


def _opening(text: str) -> str:
    """The first four words of a text, as a quote of where its number is printed."""
    return " ".join(text.split()[:4])


def _copy(project: Project, target: Path) -> None:
    for name in ("ontology", "shapes", "queries", "data", "publishing"):
        if (project.root / name).is_dir():
            shutil.copytree(project.root / name, target / name, dirs_exist_ok=True)
    if project.version_file.is_file():
        shutil.copy2(project.version_file, target / "VERSION")


def generate(project: Project, target: Path, triples: int, seed: int = 1, violations: float = 0.0) -> dict[str, int]:
    """Write ``target`` as a project holding the real record and a generated one, about ``triples``
    triples in all; what was written (meetings, decisions, triples, broken decisions)."""
    target.mkdir(parents=True, exist_ok=True)
    _copy(project, target)
    generated = Project(target)
    existing = _count(generated)
    generator = Generator(_reference(project), seed, violations)
    meetings = generator.plan(max(0, triples - existing))
    total = existing
    folders = {
        "data": generated.data / "documents" / "generated",
        "themes": generated.data / "curation" / "themes" / "generated",
        "follow": generated.data / "curation" / "follow-up" / "generated",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    networks = generator.networks()
    (generated.data / "reference" / "generated-networks.ttl").write_text(
        networks.text("Generated: the networks of each conference (acuerdos generate)."), encoding="utf-8"
    )
    total += networks.triples
    for index, meeting in enumerate(meetings):
        data, themes, follow, source_file, source = generator.meeting(meeting, meetings[index + 1 :])
        (generated.sources / source_file).write_text(source, encoding="utf-8")
        for key, turtle in (("data", data), ("themes", themes), ("follow", follow)):
            if turtle.lines:
                (folders[key] / f"{meeting.slug}.ttl").write_text(
                    turtle.text(f"Generated: {meeting.slug} (acuerdos generate, seed {seed})."), encoding="utf-8"
                )
            total += turtle.triples
    return {"meetings": len(meetings), "decisions": generator.decisions, "triples": total, "broken": generator.broken}


def _count(project: Project) -> int:
    return len(load_store(project, Base(CANONICAL_BASE), derived=False))
