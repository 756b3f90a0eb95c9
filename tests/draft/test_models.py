"""The drafter's theme and action-category models on small hand-made schemes and curated decisions:
what each kind of evidence proposes, and what it must not; a date is read from whole words."""

from __future__ import annotations

import datetime as dt

from acuerdos.draft.action import ActionModel, heads
from acuerdos.draft.dates import find_dates
from acuerdos.draft.reference import CuratedDecision
from acuerdos.draft.themes import ThemeModel

SESSIONS = {"scheme/gcm-thematic-sessions": {n: f"theme/gcm-session/{n}" for n in range(1, 7)}}
ACK, NOTE = "kind/action-category/acknowledgement", "kind/action-category/takes-note"
GENERAL, SPECIFIC = "kind/action-category/general-action", "kind/action-category/specific-action"
SCHEME = {ACK: (1, {"Agradecer"}), NOTE: (2, {"Tomar nota"}), GENERAL: (5, {"Instar", "Intercambiar"}),
          SPECIFIC: (6, {"Enviar"})}  # fmt: skip


def _decision(text: str, themes: frozenset[str] = frozenset(), category: str | None = None) -> CuratedDecision:
    judged = {t: "kind/basis/assigned-by-judgement" for t in themes}
    return CuratedDecision(f"decision/x/{text}", "Agreement", text, None, None, None, judged, action_category=category)


def _themes(model: ThemeModel, text: str) -> dict[str, str]:
    return {t.theme: t.method for t in model.propose(text)}


def test_numbered_sessions_are_named_by_their_numbers() -> None:
    model = ThemeModel({}, [], SESSIONS)
    found = _themes(model, "Para las sesiones temáticas cuatro, cinco y seis, ambas Conferencias")
    assert found == {f"theme/gcm-session/{n}": "numbered" for n in (4, 5, 6)}
    assert set(_themes(model, "en el marco de la tercera sesión temática del PMM")) == {"theme/gcm-session/3"}
    assert len(_themes(model, "alrededor de los temas definidos para las seis sesiones temáticas")) == 6
    assert _themes(model, "las sesiones temáticas de mayo") == {}  # no number, no session


def test_a_label_is_found_with_words_between_and_with_its_prefix_hyphenated() -> None:
    model = ThemeModel({"theme/regional/extra": {"migración extrarregional"}}, [])
    assert "theme/regional/extra" in _themes(model, "incluida la migración irregular y extra-regional")
    assert "theme/regional/extra" not in _themes(model, "la migración de retorno, laboral, temporal y extrarregional")


def test_the_narrowest_theme_named_is_proposed_not_its_broader_one() -> None:
    labels = {"theme/info": {"intercambio de información"}, "theme/bio": {"información biométrica"}}
    model = ThemeModel(labels, [], broader={"theme/bio": {"theme/info"}})
    assert set(_themes(model, "considerar el intercambio de información biométrica")) == {"theme/bio"}
    assert set(_themes(model, "intercambio de información sobre flujos")) == {"theme/info"}


def test_a_theme_comes_with_the_one_it_keeps_company_with_in_the_curated_decisions() -> None:
    together = [_decision(f"Decisión {i}", frozenset({"theme/trata", "theme/trafico"})) for i in range(4)]
    others = [_decision(f"Otro tema {i}", frozenset({"theme/otro"})) for i in range(10)]
    model = ThemeModel({"theme/trata": {"trata de personas"}}, together + others)
    proposed = {t.theme: t for t in model.propose("Intercambiar información sobre trata de personas")}
    assert proposed["theme/trata"].method == "label"
    assert proposed["theme/trafico"].method == "company" and proposed["theme/trafico"].via == "theme/trata"
    assert "theme/otro" not in proposed


def test_each_clause_leads_with_its_verb() -> None:
    text = "Agradecer a la ST su informe. Así mismo, invitar a los Países Miembros a ponerse al día y se insta a la OIM"
    assert [w for _, w in heads(text)] == ["Agradecer", "invitar", "insta"]
    assert [w for _, w in heads("La ST enviará el documento a los países")] == ["enviará"]


def test_the_most_demanding_clause_gives_the_category() -> None:
    model = ActionModel(SCHEME, [])
    thanks = model.propose("Agradecer a la OIM por su apoyo durante el proceso de transición.", dated=False)
    assert (thanks.category, thanks.method, thanks.words) == (ACK, "label", "Agradecer")
    urged = model.propose("Agradecer a Costa Rica por su informe e instar a los países a trabajar.", dated=False)
    assert (urged.category, urged.words) == (GENERAL, "instar")
    dated = model.propose("Intercambiar información de contacto antes del 12 de junio.", dated=True)
    assert (dated.category, dated.method) == (SPECIFIC, "date")
    parent = model.propose("El grupo estará encargado de:", dated=False, parts=[thanks, urged])
    assert parent.category == GENERAL


def test_verbs_are_learned_from_the_curated_decisions_and_unknown_ones_fall_back() -> None:
    curated = [_decision("Solicitar a la ST un informe.", category=SPECIFIC),
               _decision("Solicitar a la OIM su apoyo.", category=SPECIFIC),
               _decision("Se destaca la reunión.", category=NOTE)]  # fmt: skip
    model = ActionModel(SCHEME, curated)
    asked = model.propose("Solicitar a la PPT que convoque", dated=False)
    assert (asked.category, asked.method, asked.seen) == (SPECIFIC, "learned", (2, 2))
    unknown = model.propose("Reunión de troikas por lo menos cada año", dated=False)
    assert (unknown.category, unknown.method, unknown.seen) == (SPECIFIC, "prior", (2, 3))


def test_a_month_inside_a_word_is_no_date() -> None:
    text = "mejorar las áreas que necesiten mayor atención; se reunirán en mayo de 2023"
    found = find_dates(text, dt.date(2022, 5, 31))
    assert [(d.start, d.end, d.text) for d in found] == [(dt.date(2023, 5, 1), dt.date(2023, 5, 31), "en mayo de 2023")]


CALENDAR = "theme/regional/information-exchange"
SECRETARIAT = "theme/regional/secretariat"


def test_a_rule_proposes_its_theme_with_the_words_and_the_reason_and_its_curated_precision() -> None:
    labels = {CALENDAR: {"intercambio de información"}, SECRETARIAT: {"Secretaría Técnica"}}
    curated = [_decision("Se mantendrá actualizado el calendario de reuniones.", frozenset({CALENDAR})),
               _decision("Actualizar el cronograma de eventos del proceso.", frozenset({CALENDAR})),
               _decision("Se revisará el calendario actualizado de pagos.", frozenset({SECRETARIAT}))]  # fmt: skip
    model = ThemeModel(labels, curated)
    found = {t.theme: t for t in model.propose("Las STs trabajarán un cronograma actualizado de reuniones del PMM")}
    exchange = found[CALENDAR]
    assert (exchange.method, exchange.words) == ("rule", ("cronograma actualizado",))
    assert exchange.confidence == round((2 + 2 * 0.6) / (3 + 2), 2)  # 2 of the 3 curated decisions it fires on
    assert "calendar" in exchange.reason
    tasked = found[SECRETARIAT]  # no curated decision shows this rule: it stands at its prior
    assert (tasked.method, tasked.words, tasked.confidence) == ("rule", ("Las STs",), 0.6)
    assert SECRETARIAT not in _themes(model, "Solicitar a las STs de ambas Conferencias un informe")  # not who acts


def test_a_rule_the_curated_decisions_contradict_proposes_nothing() -> None:
    labels = {CALENDAR: {"intercambio de información"}}
    curated = [_decision(f"Actualizar el calendario de pagos {i}.", frozenset({"theme/otro"})) for i in range(3)]
    assert CALENDAR not in _themes(ThemeModel(labels, curated), "Mantener actualizado el calendario de reuniones")
    assert CALENDAR in _themes(ThemeModel(labels, []), "Mantener actualizado el calendario de reuniones")
    assert _themes(ThemeModel({}, []), "Mantener actualizado el calendario de reuniones") == {}  # not in the schemes


def test_a_civil_society_network_named_proposes_civil_society_participation() -> None:
    model = ThemeModel({}, [], agents={"theme/regional/civil-society-participation": {"RROCM", "Red Regional"}})
    found = model.propose("Agradecer a la RROCM por la presentación del video documental")
    assert [(t.theme, t.method, t.words) for t in found] == [
        ("theme/regional/civil-society-participation", "agent", ("RROCM",))
    ]
