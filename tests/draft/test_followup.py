"""Follow-up proposals on a small hand-made graph: a decision named by its number and meeting, a
meeting's agreements, a day both decisions give, a document both name; each quotes the later
decision's own words, and nothing is proposed from a number whose meeting is not named."""

from __future__ import annotations

import datetime as dt

import rdflib

from acuerdos.draft.followup import propose_follow_ups
from acuerdos.draft.reference import CuratedDecision, Reference

WASHINGTON, PANAMA = "meeting/2017-03-30-w", "meeting/2017-06-08-p"
LABELS = {
    WASHINGTON: "Reunión de las Troikas de la CRM y la CSM, Washington D.C., 30 de marzo de 2017",
    PANAMA: "Reunión de trabajo CRM-CSM, Ciudad de Panamá, 8 de junio de 2017",
}
LATER = dt.date(2017, 6, 20)


def _decision(meeting: str, number: str, text: str) -> CuratedDecision:
    day = dt.date(2017, 3, 30) if meeting == WASHINGTON else dt.date(2017, 6, 8)
    d = CuratedDecision(f"decision/{meeting[8:]}/agreement-{number}", "Agreement", text, number, day, None)
    d.meeting = meeting
    return d


DECISIONS = [
    _decision(WASHINGTON, "9", "Sostener una videoconferencia entre ambas troikas sobre los insumos bi-regionales."),
    _decision(WASHINGTON, "11", "Las Secretarías Técnicas mantendrán actualizado un calendario de eventos."),
    _decision(PANAMA, "9", "Proponer listados de expertos para las consultas temáticas."),
    _decision(PANAMA, "4", "Dar a conocer la Declaración Especial que se ha estado elaborando."),
    _decision(PANAMA, "13", "La CRM invitará a la CSM a su próxima reunión del Grupo Ad Hoc, los días 7 y 8 de julio."),
]
REFERENCE = Reference({}, {}, {}, {}, {}, {}, DECISIONS, rdflib.Graph(), meeting_labels=LABELS)


def _proposed(text: str) -> dict[str, tuple[str, str]]:
    return {f.earlier: (f.method, f.quote) for f in propose_follow_ups(text, LATER, REFERENCE)}


def test_a_decision_named_by_number_and_meeting_place_or_date() -> None:
    text = "En seguimiento al acuerdo 9 de la reunión de Washington, solicitar a la ST un informe."
    assert _proposed(text) == {"decision/2017-03-30-w/agreement-9": ("number", "acuerdo 9 de la reunión de Washington")}
    text = "Conforme al acuerdo 9 del 8 de junio de 2017, enviar la lista de expertos."
    assert _proposed(text) == {"decision/2017-06-08-p/agreement-9": ("number", "acuerdo 9 del 8 de junio de 2017")}


def test_a_number_without_its_meeting_proposes_nothing() -> None:
    assert _proposed("Conforme al acuerdo 9, enviar la lista a los Países Miembros.") == {}
    assert _proposed("Reiterar el acuerdo 9 de la reunión de Lima.") == {}  # no such meeting in the graph


def test_a_meetings_agreements_give_its_decision_closest_in_content() -> None:
    text = (
        "En seguimiento a lo acordado en la reunión de Washington, las Secretarías Técnicas actualizarán el calendario."
    )
    assert _proposed(text) == {
        "decision/2017-03-30-w/agreement-11": ("meeting", "En seguimiento a lo acordado en la reunión de Washington")
    }


def test_a_day_an_earlier_decision_scheduled_and_a_document_both_name() -> None:
    text = "Agradecer a México por la IV Reunión del Grupo Ad Hoc, del 6 al 7 de julio de 2017."
    assert _proposed(text) == {"decision/2017-06-08-p/agreement-13": ("date", "6 al 7 de julio de 2017")}
    text = "Aprobar la “Declaración Especial de la CRM” una vez enmendada."
    assert _proposed(text) == {"decision/2017-06-08-p/agreement-4": ("document", "Declaración Especial")}
    assert _proposed("Realizar un taller el 30 de agosto sobre protección consular.") == {}
