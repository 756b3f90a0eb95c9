"""The answers of the named queries, checked against expectations derived independently of them.

Two routes, never the query's own SPARQL:
- the source texts: passages read in data/sources/*.txt (checked to be there, normalised), which
  name a decision, an actor, a date or a meeting; the query must return what the passage says;
- the data walked in Python with rdflib (triples and loops, no SPARQL): the query must return
  exactly that set.

Passages are quoted whole, as the sources print them (so a line may be long), to be found with grep.
"""

# ruff: noqa: E501

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Literal, Namespace, URIRef
from rdflib.namespace import ORG

from acuerdos.namespaces import CANONICAL_BASE, ONTOLOGY_NS
from acuerdos.project import Project
from acuerdos.text import normalise

B = CANONICAL_BASE
ACU = Namespace(ONTOLOGY_NS)
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SOURCES = Project(Path(__file__).resolve().parents[2]).sources

WASHINGTON, VIRTUAL, PANAMA, SAN_SALVADOR, PLENARY = (
    "002_f5bb05e1187ef2b1.txt",
    "000_549d0ada5a26f028.txt",
    "001_eee5ef25a9d85a71.txt",
    "003_cf39b047b5400d31.txt",
    "004_76b324cd6c8e24c4.txt",
)


def iri(path: str) -> URIRef:
    return URIRef(B + path)


RELATED = iri("kind/follow-up/related")  # the same matter, not carried out: never counted as follow-up


def source(name: str) -> str:
    return normalise((SOURCES / name).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------
# The Python route: the data walked with rdflib
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _graph():
    from helpers import union

    return union()


def subclasses(graph, cls: URIRef) -> set[URIRef]:
    found, todo = {cls}, [cls]
    while todo:
        for sub in graph.subjects(RDFS.subClassOf, todo.pop()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def decisions(graph) -> set[URIRef]:
    return {s for c in subclasses(graph, ACU.Decision) for s in graph.subjects(RDF.type, c)}


def text_of(graph, decision) -> str:
    return str(graph.value(decision, ACU.text) or "")


def decisions_with_passage(graph, passage: str) -> set[URIRef]:
    """The decisions whose printed text holds a passage of a source."""
    return {d for d in decisions(graph) if passage in text_of(graph, d)}


def matching_themes(graph, theme: URIRef) -> set[URIRef]:
    """The theme, its narrower themes (transitively) and the themes mapped to one of those by
    exactMatch/closeMatch (either way), broadMatch (from the mapped theme) or narrowMatch (to it)."""
    narrower, todo = {theme}, [theme]
    while todo:
        for sub in graph.subjects(SKOS.broader, todo.pop()):
            if sub not in narrower:
                narrower.add(sub)
                todo.append(sub)
    found = set(narrower)
    for target in narrower:
        found |= set(graph.subjects(SKOS.exactMatch, target)) | set(graph.objects(target, SKOS.exactMatch))
        found |= set(graph.subjects(SKOS.closeMatch, target)) | set(graph.objects(target, SKOS.closeMatch))
        found |= set(graph.subjects(SKOS.broadMatch, target)) | set(graph.objects(target, SKOS.narrowMatch))
    return found


def assignments(graph, resource) -> list[tuple[URIRef, URIRef | None]]:
    return [
        (graph.value(a, ACU.theme), graph.value(a, ACU.basis)) for a in graph.objects(resource, ACU.themeAssignment)
    ]


def meeting_date(graph, meeting) -> date | None:
    value = graph.value(meeting, SCHEMA.startDate) or graph.value(meeting, ACU.notBefore)
    return value.toPython() if value is not None else None


def members(graph, organisation, roles=None) -> set[URIRef]:
    out = set()
    for m in graph.subjects(ORG.organization, organisation):
        if roles is None or graph.value(m, ORG.role) in roles:
            out.add(graph.value(m, ORG.member))
    return out


def run(registry, backend, name: str, lang: str = "en", **params):
    return registry.get(name).run(backend, {k: str(v) for k, v in params.items()}, lang=lang)


def column(rows, name: str) -> set:
    return {row[name] for row in rows if name in row}


def fold(text: str) -> str:
    """Accents, case, hyphens and doubled r away; whitespace folded (unicodedata, not SPARQL)."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = re.sub(r"[-\u2010\u2011\u2013\u2014\u00ad]", "", text)
    return " ".join(text.replace("rr", "r").split())


@pytest.fixture(scope="module")
def g(q_graph):
    return q_graph


# --------------------------------------------------------------------------------------------
# 1. Decisions that touch a theme
# --------------------------------------------------------------------------------------------

# Every decision text in the five sources that speaks of extra-regional (or extra-continental)
# migrants or migration, read in the sources (the normalised text joins "extra-\nregionales").
EXTRA_REGIONAL_PASSAGES = [
    (
        WASHINGTON,
        "Las dos Conferencias se comprometieron a intercambiar entre ellas información sobre sus discusiones y acuerdos sobre migrantes extra-regionales.",
    ),
    (
        WASHINGTON,
        "Se destaca que este encuentro no es solo para el seguimiento de consulta sobre el PMM sino también para hablar sobre otros temas que comparten las regiones como el flujo de migrantes extra-regionales.",
    ),
    (
        PANAMA,
        "La CRM invitará a la CSM a participar en su próxima reunión del Grupo Ad Hoc sobre migrantes extra-regionales",
    ),
    (
        PANAMA,
        "que ayuden a la mejor gestión de los migrantes extra-regionales, como un medio para poner en marcha un mecanismo bi-regional de alerta temprana.",
    ),
    (
        SAN_SALVADOR,
        "la ST enviará una invitación a la CSM para participar en la reunión del Grupo Ad Hoc sobre migrantes extra-regionales.",
    ),
    (SAN_SALVADOR, "Agradecer a la RROCM por la presentación del video documental acerca de migración extra-regional"),
    (
        SAN_SALVADOR,
        "Agradecer a México por los avances en cuanto a la realización de la próxima IV Reunión del Grupo Ad Hoc sobre migrantes extra-regionales",
    ),
    (PLENARY, "relacionados con la gobernanza migratoria, incluida la migración irregular y extrarregional."),
]
EXTRA_REGIONAL = re.compile(r"extra[- ]?r?regional|extra[- ]?continental", re.I)


@pytest.mark.parametrize("file, passage", EXTRA_REGIONAL_PASSAGES, ids=lambda x: x[:40] if len(x) > 30 else x)
def test_q1_every_source_passage_on_extra_regional_migration_is_answered(
    file, passage, g, q_registry, q_backend
) -> None:
    assert passage in source(file), "the expected passage is not in the source: fix the test"
    carrying = decisions_with_passage(g, passage)
    assert carrying, f"data defect: no decision's text holds {passage!r} ({file})"
    answer = column(
        run(q_registry, q_backend, "decisions-by-theme", theme=iri("theme/regional/extra-regional-migration")),
        "decision",
    )
    assert carrying <= answer, f"not in the answer: {sorted(carrying - answer)}"


def test_q1_answers_the_nine_decisions_and_the_recommendation_under_section_7(g, q_registry, q_backend) -> None:
    """Exactly ten: the nine decisions whose printed text speaks of extra-regional migrants, and the
    recommendation of the Quito 2011 troikas the report recalls under its section 7, "Flujos
    Migratorios Extra-regionales" (002 lines 222-236), whose own words do not name them."""
    report = source(WASHINGTON)
    section = report[report.index("7. Flujos Migratorios Extra-regionales") : report.index("8. Acuerdos y cierre")]
    recalled = "las Secretarías Técnicas elaborarán y compartirán con las Troikas una propuesta"
    assert recalled in " ".join(section.split()), "the recommendation is not in section 7: fix the test"
    nine = {d for d in decisions(g) if EXTRA_REGIONAL.search(text_of(g, d))}
    assert set().union(*(decisions_with_passage(g, passage) for _, passage in EXTRA_REGIONAL_PASSAGES)) <= nine
    (recommendation,) = decisions_with_passage(g, recalled)
    rows = run(q_registry, q_backend, "decisions-by-theme", theme=iri("theme/regional/extra-regional-migration"))
    assert len(nine) == 9 and column(rows, "decision") == nine | {recommendation}


def test_q1_every_decision_whose_text_names_it_is_answered(g, q_registry, q_backend) -> None:
    named = {
        d
        for d in decisions(g)
        if EXTRA_REGIONAL.search(text_of(g, d) + " " + str(g.value(d, ACU.unofficialTranslation) or ""))
    }
    rows = run(q_registry, q_backend, "decisions-by-theme", theme=iri("theme/regional/extra-regional-migration"))
    assert named and named <= column(rows, "decision")
    # and every row is backed by the printed text of its source
    for row in rows:
        file = g.value(row["source"], ACU.sourceFile)
        assert str(row["quote"]) in source(str(file)), row["decision"]


THEMES = [
    "regional/extra-regional-migration",
    "gcm-objective/10",
    "gcm-objective/14",
    "gcm-objective/6",
    "gcm-objective/23",
    "gcm-principle/human-rights",
    "regional/consular-protection",
    "regional/governance-and-administration",
    "regional/labour-migration",
    "regional/information-exchange",
]


@pytest.mark.parametrize("theme", THEMES)
def test_q1_equals_the_theme_closure_walked_in_python(theme, g, q_registry, q_backend) -> None:
    wanted = matching_themes(g, iri("theme/" + theme))
    expected = {(d, t) for d in decisions(g) for t, _b in assignments(g, d) if t in wanted}
    rows = run(q_registry, q_backend, "decisions-by-theme", theme=iri("theme/" + theme))
    assert {(r["decision"], r["assigned_theme"]) for r in rows} == expected
    for row in rows:
        if row.get("basis") == iri("kind/basis/assigned-by-judgement"):
            assert row.get("reason"), f"{row['decision']}: assigned by judgement without a reason"


def test_q1_related_match_is_not_a_match(g, q_registry, q_backend) -> None:
    # information-exchange is only skos:relatedMatch objective 1: its decisions are not objective 1's
    related = {d for d in decisions(g) for t, _ in assignments(g, d) if t == iri("theme/regional/information-exchange")}
    own = {
        d for d in decisions(g) for t, _ in assignments(g, d) if t in matching_themes(g, iri("theme/gcm-objective/1"))
    }
    answer = column(run(q_registry, q_backend, "decisions-by-theme", theme=iri("theme/gcm-objective/1")), "decision")
    assert answer == own
    assert related - own, "the test needs a decision on information exchange not otherwise on objective 1"
    assert not (related - own) & answer


# --------------------------------------------------------------------------------------------
# 2. What an actor must do
# --------------------------------------------------------------------------------------------

NOT_MEMBERSHIP = {iri("kind/role/observer-state"), iri("kind/role/observer-organisation")}


def collectives_of(graph, actor) -> set:
    """The collectives the actor belongs to: its conference's, for the role it holds there."""
    return {
        c
        for m in graph.subjects(ORG.member, actor)
        for c in graph.subjects(ACU.collectiveOf, graph.value(m, ORG.organization))
        if graph.value(c, ACU.collectiveRole) == graph.value(m, ORG.role)
    }


def obligations(graph, actor, include_bodies: bool, expand_collectives: bool = False) -> set[tuple]:
    targets = {actor: None}
    if include_bodies:
        for m in graph.subjects(ORG.member, actor):
            if graph.value(m, ORG.role) not in NOT_MEMBERSHIP:
                targets.setdefault(graph.value(m, ORG.organization), graph.value(m, ORG.organization))
    if expand_collectives:
        for c in collectives_of(graph, actor):
            targets.setdefault(c, c)
    out = set()
    for prop, role in ((ACU.mustAct, "must act"), (ACU.addressee, "addressed")):
        for target, via in targets.items():
            for d in graph.subjects(prop, target):
                out.add((d, role, via))
    return out


@pytest.mark.parametrize(
    "actor", ["state/PA", "state/CL", "state/MX", "body/crm/ppt", "organisation/iom", "conference/csm"]
)
@pytest.mark.parametrize("include_bodies", [False, True])
def test_q2_equals_the_links_walked_in_python(actor, include_bodies, g, q_registry, q_backend) -> None:
    rows = run(q_registry, q_backend, "actor-obligations", actor=iri(actor), include_bodies=str(include_bodies).lower())
    got = {(r["decision"], str(r["role"]), r.get("via")) for r in rows}
    assert got == obligations(g, iri(actor), include_bodies)


@pytest.mark.parametrize("actor", ["state/PA", "state/AR", "organisation/iom"])
def test_q2_a_collective_is_expanded_only_on_request(actor, g, q_registry, q_backend) -> None:
    # the 2022 objectives name "los países de ambos procesos regionales" (004 line 102), conclusion 22
    # "los Organismos Observadores" (003 line 249): collectives, each state or organisation only on request
    rows = run(q_registry, q_backend, "actor-obligations", actor=iri(actor), expand_collectives="true")
    got = {(r["decision"], str(r["role"]), r.get("via")) for r in rows}
    assert got == obligations(g, iri(actor), False, expand_collectives=True)
    direct = column(run(q_registry, q_backend, "actor-obligations", actor=iri(actor)), "decision")
    collective = {d for d, _, via in got if via is not None and (via, RDF.type, ACU.Collective) in g}
    assert collective and not collective & direct


@pytest.mark.parametrize(
    "state, file, passage, deadline",
    [
        ("PA", PANAMA, "Chile y Panamá presentarán, en el marco de cada una de las Conferencias", None),
        ("CL", PANAMA, "Chile y Panamá presentarán, en el marco de cada una de las Conferencias", None),
        ("PA", VIRTUAL, "Se realizará reunión en cancillería de Panamá el 8 de junio entre Panamá y Chile", None),
        (
            "CL",
            PANAMA,
            "Chile enviará, a más tardar el día 20 de junio sus comentarios y respuestas al cuestionario",
            date(2017, 6, 20),
        ),
    ],
)
def test_q2_states_named_as_acting_in_the_source_must_act(
    state, file, passage, deadline, g, q_registry, q_backend
) -> None:
    assert passage in source(file)
    carrying = decisions_with_passage(g, passage)
    assert len(carrying) == 1, f"data defect: {len(carrying)} decisions hold {passage!r}"
    rows = run(q_registry, q_backend, "actor-obligations", lang="es", actor=iri(f"state/{state}"))
    mine = [r for r in rows if r["decision"] in carrying and str(r["role"]) == "debe actuar"]
    assert mine, f"{state} is not said to act on {passage!r}"
    if deadline:
        assert mine[0]["deadline"].toPython() == deadline


# --------------------------------------------------------------------------------------------
# 3. Deadlines, and what is past due
# --------------------------------------------------------------------------------------------

DATED_PASSAGES = [  # (source, passage of the decision, the date the passage gives, deadline?)
    (
        PANAMA,
        "la PPT de la CRM y de la CSM presentarán una propuesta acordada entre ambas PPTs, a más tardar el lunes 12 de junio",
        date(2017, 6, 12),
        True,
    ),
    (PANAMA, "Chile enviará, a más tardar el día 20 de junio sus comentarios", date(2017, 6, 20), True),
    (PANAMA, "Participar en el evento paralelo que se organiza el 20 de junio en Ginebra", date(2017, 6, 20), False),
    (
        VIRTUAL,
        "Se realizará reunión en cancillería de Panamá el 8 de junio entre Panamá y Chile",
        date(2017, 6, 8),
        False,
    ),
    (
        SAN_SALVADOR,
        "Que los Países Miembros remitan, a más tardar el 15 de julio, información sobre políticas públicas sobre mujer migrante",
        date(2017, 7, 15),
        True,
    ),
    (
        PANAMA,
        "Realizar una reunión CRM-CSM en los márgenes de la reunión sobre el PMM a realizarse en Guadalajara los días 4 al 6 de diciembre",
        date(2017, 12, 4),
        False,
    ),
]


def test_q3_the_monday_of_the_source_is_12_june_2017() -> None:
    assert date(2017, 6, 12).strftime("%A") == "Monday"  # "a más tardar el lunes 12 de junio"


@pytest.mark.parametrize("file, passage, when, is_deadline", DATED_PASSAGES, ids=lambda x: str(x)[:30])
def test_q3_dates_printed_in_the_sources_are_found_in_their_month(
    file, passage, when, is_deadline, g, q_registry, q_backend
) -> None:
    assert passage in source(file)
    carrying = decisions_with_passage(g, passage)
    assert len(carrying) == 1, f"data defect: {len(carrying)} decisions hold {passage!r}"
    first = when.replace(day=1)
    last = date(when.year + (when.month == 12), when.month % 12 + 1, 1).fromordinal(
        date(when.year + (when.month == 12), when.month % 12 + 1, 1).toordinal() - 1
    )
    rows = run(q_registry, q_backend, "decisions-by-deadline", **{"from": first.isoformat(), "to": last.isoformat()})
    row = next((r for r in rows if r["decision"] in carrying), None)
    assert row is not None, f"{passage!r} is not among the dates of {first:%B %Y}"
    assert row["due"].toPython() == when
    assert (str(row["date_kind"]) == "deadline") == is_deadline


def due_dates(graph):
    for d in decisions(graph):
        deadline = graph.value(d, ACU.deadline)
        start = graph.value(d, ACU.scheduledStart)
        end = graph.value(d, ACU.scheduledEnd) or start
        yield (
            d,
            (deadline.toPython() if deadline else None),
            (start.toPython() if start else None),
            (end.toPython() if end else None),
        )


@pytest.mark.parametrize(
    "first, last",
    [
        ("2017-01-01", "2017-12-31"),
        ("2017-06-01", "2017-06-30"),
        ("2017-09-10", "2017-09-20"),
        ("2019-01-01", "2022-12-31"),
    ],
)
def test_q3_period_equals_the_dates_walked_in_python(first, last, g, q_registry, q_backend) -> None:
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    expected = {
        d
        for d, deadline, start, end in due_dates(g)
        if (deadline and a <= deadline <= b) or (start and start <= b and end >= a)
    }
    rows = run(q_registry, q_backend, "decisions-by-deadline", **{"from": first, "to": last})
    assert column(rows, "decision") == expected
    assert len(rows) == len(expected), "one row per decision"


@pytest.mark.parametrize("as_of", ["2017-04-01", "2017-07-01", "2018-01-01", "2030-01-01"])
def test_q3_past_due_equals_python(as_of, g, q_registry, q_backend) -> None:
    day = date.fromisoformat(as_of)
    expected = {
        d
        for d, deadline, start, end in due_dates(g)
        if (deadline or end or start) and (deadline or end or start) < day and not followed_up(g, d)
    }
    assert column(run(q_registry, q_backend, "overdue-decisions", as_of=as_of), "decision") == expected


def test_q3_a_videoconference_no_source_records_is_past_due(g, q_registry, q_backend) -> None:
    # Act of 30 March, agreement 9: a videoconference in the last week of April. The minutes of
    # 11 May record a CRM-CSM virtual meeting but never say it is that videoconference, so the link
    # is only `related` (issue 10) and the agreement has no recorded follow-up: past due.
    scheduled = "Sostener una videoconferencia durante la última semana de abril entre ambas troikas"
    assert scheduled in source(WASHINGTON) and "videoconferencia" not in source(VIRTUAL)
    agreement = decisions_with_passage(g, scheduled)
    overdue = column(run(q_registry, q_backend, "overdue-decisions", as_of="2018-01-01"), "decision")
    assert agreement and agreement <= overdue
    expert_lists = decisions_with_passage(g, "a más tardar el lunes 12 de junio")
    assert expert_lists <= column(run(q_registry, q_backend, "overdue-decisions", as_of="2017-07-01"), "decision"), (
        "no later source records the expert lists of 12 June: past due with no follow-up"
    )


# --------------------------------------------------------------------------------------------
# 4. Follow-up
# --------------------------------------------------------------------------------------------


def followed_up(graph, decision) -> bool:
    """A follow-up that is not only `related` (the same matter, not carried out)."""
    return any(graph.value(link, ACU.followUpKind) != RELATED for link in graph.objects(decision, ACU.followUp))


def follow_up_chain(graph, decision) -> set[tuple]:
    starts = {decision} | set(graph.subjects(ACU.partOf, decision))
    seen, todo, links = set(starts), list(starts), set()
    while todo:
        node = todo.pop()
        for link in graph.objects(node, ACU.followUp):
            by = graph.value(link, ACU.followedUpBy)
            links.add((node, by, graph.value(link, ACU.followUpKind)))
            if by not in seen:
                seen.add(by)
                todo.append(by)
    return links


@pytest.mark.parametrize(
    "decision",
    [
        "2017-03-30-washington/agreement-1",
        "2017-03-30-washington/agreement-4",
        "2017-03-30-washington/agreement-8",
        "2017-05-11-virtual/agreement-8",
        "2017-06-08-panama/agreement-9",
    ],
)
def test_q4_follow_up_chain_equals_python(decision, g, q_registry, q_backend) -> None:
    rows = run(q_registry, q_backend, "follow-up-of-decision", decision=iri("decision/" + decision))
    assert {(r["from"], r["by"], r.get("follow_up_kind")) for r in rows} == follow_up_chain(
        g, iri("decision/" + decision)
    )


@pytest.mark.parametrize(
    "scheduled_file, scheduled, held_file, held, meeting",
    [
        (
            VIRTUAL,
            "Se realizará reunión en cancillería de Panamá el 8 de junio entre Panamá y Chile",
            PANAMA,
            "reunidos el día 8 de junio de 2017 en la sede de la Cancillería de Panamá",
            "meeting/2017-06-08-panama",
        ),
    ],
)
def test_q4_a_meeting_the_sources_record_holds_what_was_scheduled(
    scheduled_file, scheduled, held_file, held, meeting, g, q_registry, q_backend
) -> None:
    assert scheduled in source(scheduled_file) and held in source(held_file)
    (decision,) = decisions_with_passage(g, scheduled)
    rows = run(q_registry, q_backend, "follow-up-of-decision", decision=decision)
    assert any(r["by"] == iri(meeting) and r["from"] == decision and r.get("by_date") for r in rows)
    assert all(r.get("quote") and str(r["quote"]) in source(str(g.value(r["source"], ACU.sourceFile))) for r in rows)


@pytest.mark.parametrize(
    "meeting",
    [
        "2017-03-30-washington",
        "2017-05-11-virtual",
        "2017-06-08-panama",
        "2017-06-20-san-salvador",
        "2022-05-31-iii-plenary",
    ],
)
def test_q4_status_of_a_meetings_decisions_equals_python(meeting, g, q_registry, q_backend) -> None:
    expected = {}
    for d in g.subjects(ACU.adoptedAt, iri("meeting/" + meeting)):
        parts = {d} | set(g.subjects(ACU.partOf, d))
        links = sum(
            1 for p in parts for link in g.objects(p, ACU.followUp) if g.value(link, ACU.followUpKind) != RELATED
        )
        dated = any(
            g.value(d, p) is not None
            for p in (ACU.deadline, ACU.scheduledStart, ACU.scheduledEnd, ACU.schedules, ACU.dateText)
        )
        expected[d] = ("followed up" if links else "scheduled" if dated else "no recorded follow-up", links)
    rows = run(q_registry, q_backend, "meeting-follow-up-status", meeting=iri("meeting/" + meeting))
    assert {r["decision"]: (str(r["status"]), int(r["links"])) for r in rows} == expected


@pytest.mark.parametrize(
    "decision, by, kind, basis",
    [  # the six links the audit of issue 10 re-examined, and the four the later text states
        ("2017-03-30-washington/agreement-9", "meeting/2017-05-11-virtual", "related", "assigned-by-judgement"),
        (
            "2017-06-08-panama/agreement-4",
            "decision/2017-06-20-san-salvador/conclusion-27",
            "related",
            "assigned-by-judgement",
        ),
        (
            "2017-03-30-washington/report-agreement-9",
            "decision/2017-06-20-san-salvador/conclusion-8",
            "related",
            "assigned-by-judgement",
        ),
        ("2017-06-08-panama/agreement-11", "meeting/2018-05-i-plenary-montevideo", "related", "assigned-by-judgement"),
        (
            "2017-06-08-panama/agreement-11",
            "decision/2017-06-20-san-salvador/conclusion-6",
            "related",
            "assigned-by-judgement",
        ),
        (
            "2017-06-08-panama/agreement-12",
            "decision/2017-06-20-san-salvador/conclusion-6",
            "related",
            "assigned-by-judgement",
        ),
        ("2017-03-30-washington/agreement-10", "decision/2017-05-11-virtual/agreement-4", "acts-on", "named-in-text"),
        ("2021-12-crm-vice-ministerial/decision-4-d", "meeting/2022-05-31-iii-plenary", "acts-on", "named-in-text"),
    ],
)
def test_q4_each_link_shows_its_kind_and_basis(decision, by, kind, basis, q_registry, q_backend) -> None:
    rows = run(q_registry, q_backend, "follow-up-of-decision", decision=iri("decision/" + decision))
    found = [r for r in rows if r["from"] == iri("decision/" + decision) and r["by"] == iri(by)]  # a row per quote
    assert found and all(r["follow_up_kind"] == iri("kind/follow-up/" + kind) for r in found)
    assert all(r["basis"] == iri("kind/basis/" + basis) and r.get("basis_label") and r.get("reason") for r in found)
    assert {str(r["link"]) for r in found} == {f"{B}decision/{decision}/follow-up/{by}"}  # its own IRI, to cite


# --------------------------------------------------------------------------------------------
# 5. The timeline of CRM-CSM cooperation
# --------------------------------------------------------------------------------------------

TIMELINE = [  # the joint meetings the sources tell of, in the order of their dates (year-month as printed)
    (
        WASHINGTON,
        "retomando el compromiso de la última reunión de troikas celebrada en Quito, Ecuador, en 2011",
        "meeting/2011-quito-troikas",
        "2011",
    ),
    (
        PLENARY,
        "En 2017, se sostuvo un primer encuentro entre troikas de la CSM y la CRM en Washington D.C.",
        "meeting/2017-03-30-washington",
        "2017-03",
    ),
    (
        VIRTUAL,
        "Minuta Reunión Virtual para discusión sobre consultas temáticas del Pacto Mundial CRM-CSM 11 de mayo de 2017",
        "meeting/2017-05-11-virtual",
        "2017-05",
    ),
    (
        PANAMA,
        "reunidos el día 8 de junio de 2017 en la sede de la Cancillería de Panamá",
        "meeting/2017-06-08-panama",
        "2017-06",
    ),
    (
        PLENARY,
        "En mayo de 2018 se llevó a cabo en Montevideo, Uruguay, la I Reunión Plenaria entre la CRM y la CSM.",
        "meeting/2018-05-i-plenary-montevideo",
        "2018-05",
    ),
    (
        PLENARY,
        "En septiembre de 2021, se sostuvo la II Reunión Plenaria entre la CRM y la CSM",
        "meeting/2021-09-ii-plenary",
        "2021-09",
    ),
    (
        PLENARY,
        "En febrero de 2022, se sostuvo un encuentro entre las Presidencias Pro Tempore y las Troikas de la CRM y CSM",
        "meeting/2022-02-ppt-troikas",
        "2022-02",
    ),
    (
        PLENARY,
        "III REUNIÓN PLENARIA ENTRE LA CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM) Y LA CONFERENCIA SURAMERICANA SOBRE MIGRACIONES (CSM) NOTA CONCEPTUAL 31 de mayo de 2022",
        "meeting/2022-05-31-iii-plenary",
        "2022-05",
    ),
]


def test_q5_timeline_holds_every_joint_meeting_of_the_sources_in_order(q_registry, q_backend) -> None:
    rows = run(q_registry, q_backend, "crm-csm-timeline")
    order = [r["meeting"] for r in rows]
    positions = []
    for file, passage, meeting, when in TIMELINE:
        assert passage in source(file)
        assert iri(meeting) in order, f"{meeting} is missing from the timeline"
        row = rows[order.index(iri(meeting))]
        assert str(row["date"]).startswith(when), f"{meeting}: date {row.get('date')}, the source says {when}"
        positions.append(order.index(iri(meeting)))
    assert positions == sorted(positions), "the timeline is not in date order"


def test_q5_timeline_equals_python(g, q_registry, q_backend) -> None:
    joint = {
        m
        for m in g.subjects(RDF.type, ACU.Meeting)
        if {iri("conference/crm"), iri("conference/csm")} <= set(g.objects(m, ACU.conference))
    }
    rows = run(q_registry, q_backend, "crm-csm-timeline")
    assert column(rows, "meeting") == joint
    for row in rows:
        meeting = row["meeting"]
        assert int(row["participants"]) == len(set(g.objects(meeting, ACU.participant)))
        assert row["recorded"].toPython() == (next(g.subjects(ACU.records, meeting), None) is not None)
    every = run(q_registry, q_backend, "crm-csm-timeline", joint_only="false")
    assert column(every, "meeting") == set(g.subjects(RDF.type, ACU.Meeting))


@pytest.mark.parametrize(
    "meeting, file, passage, states",
    [
        (
            "2017-06-08-panama",
            PANAMA,
            "Los Países Miembros de la Conferencia Regional sobre Migración (El Salvador, Panamá y México) y de la Conferencia Suramericana sobre Migraciones (Chile)",
            "SV PA MX CL",
        ),
        (
            "2017-05-11-virtual",
            VIRTUAL,
            "Canadá, Chile, Costa Rica, El Salvador, Estados Unidos, Guatemala, Honduras, México, Panamá, Paraguay, Uruguay, ST CRM, ST CSM",
            "CA CL CR SV US GT HN MX PA PY UY",
        ),
        (
            "2017-03-30-washington",
            WASHINGTON,
            "(El Salvador, Honduras y Panamá) y de la Conferencia Suramericana sobre Migraciones (Paraguay y Chile), además de Perú y México",
            "SV HN PA PY CL PE MX",
        ),
    ],
)
def test_q5_participants_printed_in_the_sources_are_counted(
    meeting, file, passage, states, g, q_registry, q_backend
) -> None:
    assert passage in source(file)
    participants = set(g.objects(iri("meeting/" + meeting), ACU.participant))
    assert {iri("state/" + s) for s in states.split()} <= participants, f"data defect: participants of {meeting}"
    row = next(r for r in run(q_registry, q_backend, "crm-csm-timeline") if r["meeting"] == iri("meeting/" + meeting))
    assert int(row["participants"]) >= len(states.split())


# --------------------------------------------------------------------------------------------
# 6. Members and structure of a conference as of a date
# --------------------------------------------------------------------------------------------

CRM_2022 = "Canadá, Estados Unidos, México, Guatemala, Belice, El Salvador, Honduras, Nicaragua, Costa Rica, Panamá y República Dominicana"
CSM_2022 = "Argentina, Bolivia, Brasil, Chile, Colombia, Ecuador, Guyana, Paraguay, Perú, Surinam, Uruguay y Venezuela"


def structure(registry, backend, conference: str, as_of: str) -> dict[str, set]:
    rows = run(registry, backend, "conference-structure", conference=iri("conference/" + conference), as_of=as_of)
    out: dict[str, set] = defaultdict(set)
    for row in rows:
        out[str(row["category"])].add((row["item"], row["organization"]))
        for doc in str(row["documents"]).split():
            date_of = _graph().value(URIRef(doc), DCTERMS.date)
            assert date_of is None or date_of.toPython() <= date.fromisoformat(as_of), f"{doc} is later than {as_of}"
    return out


def test_q6_crm_on_31_may_2022(q_registry, q_backend) -> None:
    assert f"La CRM está integrada por 11 países: {CRM_2022}." in source(PLENARY)
    assert (
        "la CRM consta de cuatro grupos de trabajo dedicados a la Protección, Migración Laboral, Gestión Fronteriza, y Migración Irregular y Masiva"
        in source(PLENARY)
    )
    assert "Bajo la Presidencia Pro-Témpore de El Salvador" in source(PLENARY)
    got = structure(q_registry, q_backend, "crm", "2022-05-31")
    crm = iri("conference/crm")
    codes = ["CA", "US", "MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "DO"]
    assert {(iri("state/" + c), crm) for c in codes} == {x for x in got["Member State"] if x[1] == crm}
    groups = {"protection", "labour-migration", "border-management", "irregular-and-mass-migration"}
    assert {(iri("body/crm/working-group/" + w), crm) for w in groups} == got["Working group"]
    assert got["Pro Tempore Presidency holder"] == {(iri("state/SV"), iri("body/crm/ppt"))}


def test_q6_csm_on_31_may_2022(q_registry, q_backend) -> None:
    assert f"Los Países Miembros de la CSM son: {CSM_2022}." in source(PLENARY)
    assert "el fortalecimiento de las seis redes de Trabajo" in source(PLENARY)
    got = structure(q_registry, q_backend, "csm", "2022-05-31")
    csm = iri("conference/csm")
    codes = ["AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE", "SR", "UY", "VE"]
    assert {(iri("state/" + c), csm) for c in codes} == {x for x in got["Member State"] if x[1] == csm}
    assert len(got["Working network"]) == 6
    assert got["Pro Tempore Presidency holder"] == {(iri("state/CL"), iri("body/csm/ppt"))}


def test_q6_crm_on_30_march_2017(q_registry, q_backend) -> None:
    assert (
        "cuenta con 3 redes de funcionarios de enlace: de protección consular, de trata y tráfico y de niñez"
        in source(WASHINGTON)
    )
    assert (
        "dos grupos de trabajo ad-hoc, uno sobre migrantes extra-regionales y otro sobre trabajo con la sociedad civil"
        in source(WASHINGTON)
    )
    assert (
        "Los Países Miembros de las troikas de la Conferencia Regional sobre Migración (El Salvador, Honduras y Panamá)"
        in source(WASHINGTON)
    )
    got = structure(q_registry, q_backend, "crm", "2017-03-30")
    crm = iri("conference/crm")
    networks = {"consular-protection", "smuggling-trafficking", "children"}
    assert {(iri("body/crm/network/" + n), crm) for n in networks} == got["Liaison officer network"]
    assert {
        (iri("body/crm/ad-hoc-group/extra-regional-migrants"), crm),
        (iri("body/crm/ad-hoc-group/civil-society"), crm),
    } <= got["Ad hoc group"]
    assert {x[0] for x in got["Troika member"]} == {iri("state/SV"), iri("state/HN"), iri("state/PA")}
    assert not got.get("Working group"), "the four working groups are stated only in 2022"


def test_q6_csm_troika_on_30_march_2017(q_registry, q_backend) -> None:
    assert "de la Conferencia Suramericana sobre Migraciones (Paraguay y Chile)" in source(WASHINGTON)
    got = structure(q_registry, q_backend, "csm", "2017-03-30")
    assert {x[0] for x in got["Troika member"]} == {iri("state/PY"), iri("state/CL")}
    assert not got.get("Working network"), "the six networks are stated only in 2022"


# --------------------------------------------------------------------------------------------
# 7. The meetings a state took part in
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state, meetings",
    [
        (
            "PA",
            {
                "2017-03-30-washington": (WASHINGTON, "(El Salvador, Honduras y Panamá)"),
                "2017-05-11-virtual": (VIRTUAL, "Honduras, México, Panamá, Paraguay"),
                "2017-06-08-panama": (PANAMA, "(El Salvador, Panamá y México)"),
                "2017-06-20-san-salvador": (SAN_SALVADOR, "Guatemala, Honduras, México, Panamá y República Dominicana"),
            },
        ),
        (
            "CL",
            {
                "2017-03-30-washington": (WASHINGTON, "(Paraguay y Chile)"),
                "2017-05-11-virtual": (VIRTUAL, "Canadá, Chile, Costa Rica"),
                "2017-06-08-panama": (PANAMA, "Conferencia Suramericana sobre Migraciones (Chile)"),
            },
        ),
    ],
)
def test_q7_meetings_and_what_the_state_must_do_there(state, meetings, g, q_registry, q_backend) -> None:
    rows = run(q_registry, q_backend, "state-meetings", state=iri("state/" + state))
    for meeting, (file, passage) in meetings.items():
        assert passage in source(file)
        assert iri("meeting/" + meeting) in column(rows, "meeting"), f"{state} is not a participant of {meeting}"
    at = set(g.subjects(ACU.participant, iri("state/" + state)))
    assert column(rows, "meeting") == at
    expected = {
        (m, d) for m in at for d in g.subjects(ACU.adoptedAt, m) if (d, ACU.mustAct, iri("state/" + state)) in g
    }
    assert {(r["meeting"], r["decision"]) for r in rows if "decision" in r} == expected
    bare = {m for m in at if not any(m == x for x, _ in expected)}
    assert {r["meeting"] for r in rows if "decision" not in r} == bare


# --------------------------------------------------------------------------------------------
# 8. GCM coverage
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("basis", [None, "kind/basis/named-in-text", "kind/basis/assigned-by-judgement"])
def test_q8_counts_equal_python(basis, g, q_registry, q_backend) -> None:
    counts: dict[tuple, set] = defaultdict(set)
    objectives = set(g.subjects(SKOS.inScheme, iri("scheme/gcm-objectives")))
    for objective in objectives:
        wanted = matching_themes(g, objective)
        for d in decisions(g):
            if not any(t in wanted and (basis is None or b == iri(basis)) for t, b in assignments(g, d)):
                continue
            meeting = g.value(d, ACU.adoptedAt)
            when = meeting_date(g, meeting) or g.value(g.value(d, ACU.recordedIn), DCTERMS.date).toPython()
            for conference in g.objects(meeting, ACU.conference):
                counts[(objective, conference, when.year)].add(d)
    params = {"basis": iri(basis)} if basis else {}
    rows = run(q_registry, q_backend, "gcm-coverage", **params)
    assert {(r["objective"], r["conference"], int(r["year"])): int(r["decisions"]) for r in rows} == {
        k: len(v) for k, v in counts.items()
    }


# --------------------------------------------------------------------------------------------
# 9. Full-text search
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        "migracion",
        "MIGRACIÓN",
        "extrarregional",
        "extra-regional",
        "niñez",
        "ninez",
        "biometric",
        "trata de personas",
        "Guadalajara",
        "Pacto  Mundial",
        "xyzzy",
    ],
)
def test_q9_search_equals_python(term, g, q_registry, q_backend) -> None:
    needle = fold(term)
    expected = {
        d
        for d in decisions(g)
        if needle in fold(text_of(g, d)) or needle in fold(str(g.value(d, ACU.unofficialTranslation) or ""))
    }
    rows = run(q_registry, q_backend, "search-decisions", q=term)
    assert column(rows, "decision") == expected
    assert len(rows) == len(expected)


@pytest.mark.parametrize(
    "term, file, passage",
    [
        ("extrarregional", PANAMA, "que ayuden a la mejor gestión de los migrantes extra-regionales"),
        ("migracion", WASHINGTON, "circulación de personas, migración y cambio climático, política migratorias"),
        (
            "MIGRACIÓN y cambio climatico",
            WASHINGTON,
            "circulación de personas, migración y cambio climático, política migratorias",
        ),
        (
            "biometric information",
            PANAMA,
            "su experiencia en relación al acuerdo bilateral que existe para el intercambio de información biométrica sobre migrantes",
        ),
    ],
)
def test_q9_search_finds_what_the_source_prints(term, file, passage, g, q_registry, q_backend) -> None:
    assert passage in source(file)
    carrying = decisions_with_passage(g, passage)
    assert carrying
    assert carrying <= column(run(q_registry, q_backend, "search-decisions", q=term), "decision")


# --------------------------------------------------------------------------------------------
# 10. A decision card
# --------------------------------------------------------------------------------------------


def test_q10_card_of_agreement_9_of_panama_says_what_the_act_prints(g, q_registry, q_backend) -> None:
    printed = (
        "9. Proponer conjuntamente entre CRM y CSM listados de expertos que puedan representar a "
        "Latinoamérica como ponentes en las consultas temáticas."
    )
    assert printed in source(PANAMA)
    rows = run(
        q_registry, q_backend, "decision-card", lang="es", decision=iri("decision/2017-06-08-panama/agreement-9")
    )
    card: dict[str, list] = defaultdict(list)
    for row in rows:
        card[str(row["field"])].append(row["value"])
    (text,) = card["texto"]
    assert str(text).startswith(printed[3:]) and str(text) in source(PANAMA)
    assert str(text).endswith(
        "enviadas a nombre de ambas Conferencias por parte de las PPTs al Secretariado de Naciones Unidas."
    )
    assert card["cita de la fuente"] == [text] or str(text) in map(str, card["cita de la fuente"])
    assert card["número"] == [Literal("9")]
    assert card["adoptada en"] == [iri("meeting/2017-06-08-panama")]
    assert card["fecha de la reunión"][0].toPython() == date(2017, 6, 8)  # "reunidos el día 8 de junio de 2017"
    assert card["plazo"][0].toPython() == date(2017, 6, 12)  # "a más tardar el lunes 12 de junio"
    assert {iri("body/crm/ppt"), iri("body/csm/ppt")} <= set(
        card["debe actuar"]
    )  # "la PPT de la CRM y de la CSM presentarán"
    assert iri("organisation/un-secretariat") in card["dirigida a"]  # "al Secretariado de Naciones Unidas"
    assert card["traducción no oficial"] and card["tipo"] == [ACU.Agreement]
    themes = {(row["value"], row.get("reason")) for row in rows if str(row["field"]) == "tema"}
    assert {t for t, _ in themes} == {t for t, _ in assignments(g, iri("decision/2017-06-08-panama/agreement-9"))}


@pytest.mark.parametrize(
    "decision",
    ["2017-06-08-panama/agreement-13", "2017-06-20-san-salvador/conclusion-16-a", "2017-03-30-washington/agreement-8"],
)
def test_q10_card_equals_python(decision, g, q_registry, q_backend) -> None:
    d = iri("decision/" + decision)
    rows = run(q_registry, q_backend, "decision-card", decision=d)
    card: dict[str, set] = defaultdict(set)
    for row in rows:
        card[str(row["field"])].add(row["value"])
    assert card["must act"] == set(g.objects(d, ACU.mustAct))
    assert card["addressed to"] == set(g.objects(d, ACU.addressee))
    assert card["theme"] == {t for t, _ in assignments(g, d)}
    assert card["followed up by"] == {g.value(link, ACU.followedUpBy) for link in g.objects(d, ACU.followUp)}
    assert card["follows up"] == {
        s for s, _, link in g.triples((None, ACU.followUp, None)) if g.value(link, ACU.followedUpBy) == d
    }
    assert card["sub-item of"] == set(g.objects(d, ACU.partOf))


# --------------------------------------------------------------------------------------------
# 11. Themes that occur together
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme, least", [(None, 1), ("scheme/regional-themes", 2), ("scheme/gcm-objectives", 1)])
def test_q11_pairs_equal_python(scheme, least, g, q_registry, q_backend) -> None:
    pairs: Counter = Counter()
    in_scheme = set(g.subjects(SKOS.inScheme, iri(scheme))) if scheme else None
    for d in decisions(g):
        themes = sorted({t for t, _ in assignments(g, d) if in_scheme is None or t in in_scheme}, key=str)
        for i, a in enumerate(themes):
            for b in themes[i + 1 :]:
                pairs[(a, b)] += 1
    expected = {k: v for k, v in pairs.items() if v >= least}
    params = {"min_count": least} | ({"scheme": iri(scheme)} if scheme else {})
    rows = run(q_registry, q_backend, "theme-co-occurrence", **params)
    assert {(r["theme_a"], r["theme_b"]): int(r["decisions"]) for r in rows} == expected
    counts = [int(r["decisions"]) for r in rows]
    assert counts == sorted(counts, reverse=True)


# --------------------------------------------------------------------------------------------
# 12. Bi-regional decisions
# --------------------------------------------------------------------------------------------


def side_of(graph, conference) -> set[URIRef]:
    return (
        {conference}
        | set(graph.subjects(ORG.unitOf, conference))
        | members(graph, conference, {iri("kind/role/member-state")})
    )


@pytest.mark.parametrize("joint_meetings", [True, False])
def test_q12_equals_python(joint_meetings, g, q_registry, q_backend) -> None:
    crm, csm = side_of(g, iri("conference/crm")), side_of(g, iri("conference/csm"))
    expected = set()
    for d in decisions(g):
        actors = set(g.objects(d, ACU.mustAct)) | set(g.objects(d, ACU.addressee))
        meeting = g.value(d, ACU.adoptedAt)
        joint = {iri("conference/crm"), iri("conference/csm")} <= set(g.objects(meeting, ACU.conference))
        if (actors & crm and actors & csm) or (joint_meetings and joint):
            expected.add(d)
    rows = run(q_registry, q_backend, "bi-regional-decisions", joint_meetings=str(joint_meetings).lower())
    assert column(rows, "decision") == expected


def test_q12_what_the_sources_make_bi_regional(g, q_registry, q_backend) -> None:
    answer = column(run(q_registry, q_backend, "bi-regional-decisions"), "decision")
    assert (
        "Reunión de trabajo entre la Conferencia Regional sobre Migración (CRM) y la Conferencia Suramericana sobre Migraciones (CSM)"
        in source(PANAMA)
    )
    panama = set(g.subjects(ACU.adoptedAt, iri("meeting/2017-06-08-panama")))
    assert len(panama) == 14 and panama <= answer
    invitation = "la ST enviará una invitación a la CSM para participar en la reunión del Grupo Ad Hoc sobre migrantes extra-regionales"
    assert invitation in source(SAN_SALVADOR)
    assert decisions_with_passage(g, invitation) <= answer
    plan = "Recibir y aceptar el Plan Estratégico para la Red de Funcionarios de Enlace en Materia de Protección de Niñas, Niños y Adolescentes Migrantes de la CRM 2017-2022."
    assert plan in source(SAN_SALVADOR)
    assert decisions_with_passage(g, plan) and not decisions_with_passage(g, plan) & answer


# --------------------------------------------------------------------------------------------
# 13. Everything that touches a theme
# --------------------------------------------------------------------------------------------

GROUPS = [
    ("conferences", ACU.Conference),
    ("conference bodies", ACU.ConferenceBody),
    ("meetings", ACU.Meeting),
    ("agenda items", ACU.AgendaItem),
    ("document sections", ACU.DocumentSection),
    ("decisions", ACU.Decision),
]


def touching(graph, theme) -> set[tuple]:
    wanted = matching_themes(graph, theme)
    out = set()
    for group, top in GROUPS:
        for cls in subclasses(graph, top):
            for resource in graph.subjects(RDF.type, cls):
                if any(t in wanted for t, _ in assignments(graph, resource)):
                    out.add((group, resource))
    for item in set(graph.subjects(RDF.type, ACU.AgendaItem)):
        if any(t in wanted for t, _ in assignments(graph, item)):
            top_item = item
            while graph.value(top_item, DCTERMS.isPartOf) is not None:
                top_item = graph.value(top_item, DCTERMS.isPartOf)
            for meeting in graph.subjects(ACU.agendaItem, top_item):
                out.add(("meetings", meeting))
    return out


@pytest.mark.parametrize(
    "theme",
    [
        "gcm-objective/10",
        "regional/extra-regional-migration",
        "regional/consular-protection",
        "gcm-principle/human-rights",
    ],
)
def test_q13_equals_python(theme, g, q_registry, q_backend) -> None:
    rows = run(q_registry, q_backend, "theme-overview", theme=iri("theme/" + theme))
    assert {(str(r["group"]), r["resource"]) for r in rows} == touching(g, iri("theme/" + theme))


def test_q13_trafficking_in_persons_in_the_sources(g, q_registry, q_backend) -> None:
    rows = run(q_registry, q_backend, "theme-overview", theme=iri("theme/gcm-objective/10"))
    got = {(str(r["group"]), r["resource"]) for r in rows}
    assert (
        "Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata de Personas"
        in source(SAN_SALVADOR)
    )
    assert ("conference bodies", iri("body/crm/network/smuggling-trafficking")) in got
    assert "Trata de Personas y Tráfico Ilícito de Migrantes;" in source(PLENARY)
    assert ("conference bodies", iri("body/csm/network/trafficking-smuggling")) in got
    assert "· Trata de personas y tráfico ilícito de migrantes;" in source(PLENARY)  # a topic of the II Plenary
    assert ("meetings", iri("meeting/2021-09-ii-plenary")) in got
    for passage in (
        "en materia de trata de personas y tráfico ilícito de migrantes, migraciones de niños",
        "especializados en materia de tráfico ilícito de migrantes, trata de personas",
    ):
        assert passage in source(WASHINGTON)
        assert {("decisions", d) for d in decisions_with_passage(g, passage)} <= got


# --------------------------------------------------------------------------------------------
# Action categories: commitments without the thank-you notes, and the category in other answers
# --------------------------------------------------------------------------------------------

ACKNOWLEDGEMENT = iri("kind/action-category/acknowledgement")


def action_category(graph, decision) -> URIRef | None:
    assignment = graph.value(decision, ACU.actionCategoryAssignment)
    return graph.value(assignment, ACU.actionCategory) if assignment is not None else None


@pytest.mark.parametrize(
    ("include", "theme", "category"),
    [
        ("false", None, None),
        ("true", None, None),
        ("false", "regional/extra-regional-migration", None),
        ("false", "regional/hospitality-and-acknowledgements", None),
        ("true", "regional/hospitality-and-acknowledgements", None),
        ("false", None, "kind/action-category/specific-action"),
        ("false", None, "kind/action-category/acknowledgement"),
    ],
)
def test_commitments_equal_python(include, theme, category, g, q_registry, q_backend) -> None:
    wanted = matching_themes(g, iri("theme/" + theme)) if theme else None
    expected = {
        d
        for d in decisions(g)
        if (include == "true" or action_category(g, d) != ACKNOWLEDGEMENT)
        and (category is None or action_category(g, d) == iri(category))
        and (wanted is None or any(t in wanted for t, _ in assignments(g, d)))
    }
    params = {"include_acknowledgements": include}
    params |= {"theme": iri("theme/" + theme)} if theme else {}
    params |= {"category": iri(category)} if category else {}
    rows = run(q_registry, q_backend, "commitments", **params)
    assert column(rows, "decision") == expected
    assert len(rows) == len(expected), "one row per decision"
    for row in rows:
        assert row["action_category"] == action_category(g, row["decision"])
        assert row.get("reason"), f"{row['decision']}: an action category without its reason"


def test_commitments_leave_out_what_the_grcm_only_thanks_for(g, q_registry, q_backend) -> None:
    """003 prints "29.Agradecer al Gobierno de El Salvador por su hospitalidad…" (thanks, nothing
    else) and "5. Agradecer a Costa Rica … e instar a los países a que … trabajen" (thanks, and a
    call to act): the first is not a commitment, the second is."""
    text = source(SAN_SALVADOR)
    only_thanks = "Agradecer al Gobierno de El Salvador por su hospitalidad en la realización y la organización de los trabajos del GRCM."
    thanks_and_acts = "Agradecer a Costa Rica por su informe acerca del Taller sobre el manejo consular de crisis y lineamientos MICIC e instar a los países a que, con apoyo de la OIM, trabajen en llevar a cabo las recomendaciones emanadas del taller"
    assert only_thanks in text and thanks_and_acts in text
    (thanks,) = decisions_with_passage(g, only_thanks)
    (acts,) = decisions_with_passage(g, thanks_and_acts)
    found = column(run(q_registry, q_backend, "commitments"), "decision")
    assert acts in found and thanks not in found
    assert thanks in column(run(q_registry, q_backend, "commitments", include_acknowledgements="true"), "decision")


def test_q1_can_leave_out_acknowledgements(g, q_registry, q_backend) -> None:
    theme = iri("theme/regional/hospitality-and-acknowledgements")
    wanted = matching_themes(g, theme)
    tagged = {d for d in decisions(g) for t, _ in assignments(g, d) if t in wanted}
    kept = {d for d in tagged if action_category(g, d) != ACKNOWLEDGEMENT}
    assert kept < tagged  # the theme has thank-you notes, and something more
    every = run(q_registry, q_backend, "decisions-by-theme", theme=theme)
    assert column(every, "decision") == tagged
    assert {(r["decision"], r["action_category"]) for r in every} == {(d, action_category(g, d)) for d in tagged}
    some = run(q_registry, q_backend, "decisions-by-theme", theme=theme, include_acknowledgements="false")
    assert column(some, "decision") == kept


@pytest.mark.parametrize("decision", ["2017-06-20-san-salvador/conclusion-5", "2017-06-08-panama/agreement-13"])
def test_card_and_follow_up_status_give_the_action_category(decision, g, q_registry, q_backend) -> None:
    d = iri("decision/" + decision)
    rows = run(q_registry, q_backend, "decision-card", decision=d)
    assert [r["value"] for r in rows if str(r["field"]) == "action category"] == [action_category(g, d)]
    meeting = g.value(d, ACU.adoptedAt)
    status = {r["decision"]: r for r in run(q_registry, q_backend, "meeting-follow-up-status", meeting=meeting)}
    label = next(o for o in g.objects(action_category(g, d), SKOS.prefLabel) if o.language == "en")
    assert str(status[d]["action_category_label"]) == str(label)
