"""Themes curators assign by judgement, as rules: the words that show the structure they read.

The curated reasons of judged themes follow a few patterns ("one conference passing a document to
the other", "a task of the two Technical Secretariats", "inviting the other conference to one's
meetings is international cooperation"), and the schemes' Spanish definitions say the same ("sharing
… of contacts and calendars"; "cooperation … including financial and technical support"). Each rule
below names the theme, the words that show the pattern, and the reason it rests on. A rule is not
trusted blindly: its confidence is its precision on the curated decisions the drafter reads
(smoothed towards ``PRIOR``, so a rule those decisions never show sits at the threshold), and a rule
under the threshold proposes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .reference import CuratedDecision, fold

PRIOR = 0.6  # a rule's confidence before any curated decision shows it
WEIGHT = 2  # how many curated decisions the prior counts as


@dataclass(frozen=True)
class Rule:
    theme: str
    pattern: re.Pattern[str]  # on the folded text (lower case, no accents)
    reason: str  # the curators' reason pattern or the scheme's definition it rests on


def _rule(theme: str, pattern: str, reason: str) -> Rule:
    return Rule(f"theme/{theme}", re.compile(pattern), reason)


_SHARE = r"\b(?:intercambi\w*|compartir\w*|compartan|envi(?:a|e|o|ar|ara|ando|aran|en)\w*|remit\w*|dar a conocer)\b"
_SHARED = (
    r"\b(?:informacion|calendario|cronograma|contactos?|documentos?|cuestionario|declaracion|avances"
    r"|buenas practicas)\b"
)
_CALENDAR = r"\b(?:calendario|cronograma)\b"

RULES = (
    _rule(
        "regional/information-exchange",
        rf"{_SHARE}[^.;:]{{0,60}}?{_SHARED}",
        "sharing information, documents, contacts or calendars between conferences or States (the scheme's "
        "definition; curators: “one conference passing a document to the other”)",
    ),
    _rule(
        "regional/information-exchange",
        rf"{_CALENDAR}[^.;]{{0,40}}\bactualizad\w*|\bactualiz\w*[^.;]{{0,40}}{_CALENDAR}|\bportal de informacion\b"
        r"|\bmutuamente actualizad\w*|\bcomunicacion e intercambio\b",
        "a calendar or portal kept up to date for the other party (curators: “shared information on calendars”)",
    ),
    _rule(
        "gcm-objective/23",
        r"\b(?:colaborar con|colaboracion entre|dialogo|dialogar|alianzas?|acercamiento|agenda comun"
        r"|invit\w* a la (?:csm|crm)|invitacion a la (?:csm|crm)|apoyo financiero y tecnico"
        r"|mantener (?:una|la) comunicacion)\b",
        "dialogue, collaboration or partnership between States, conferences and other actors, or their "
        "financial and technical support (the objective's definition; curators: “inviting the other "
        "conference to one's meetings is international cooperation”)",
    ),
    _rule(
        "regional/rules-and-procedures",
        r"\b(?:acta|firmad[oa]s?|firme|ad referendum|aprobacion final|procedimientos?|por lo menos cada"
        r"|participen en las reuniones)\b",
        "the record of a meeting, its signature, an approval route or a rule of how often and who meets "
        "(the scheme's definition: “procedimientos de decisión … incluida la participación de sus miembros”)",
    ),
    _rule(
        "regional/gcm-process",
        r"\binsumos?\b|\bconsulta regional\b|\bconsultas? tematicas?\b",
        "inputs and consultations of the Global Compact's preparation (curators: “the ‘propuesta de "
        "insumos’ is the bi-regional input to the GCM”)",
    ),
    _rule(
        "regional/secretariat",
        r"^\W*(?:las?|los)\s+(?:sts?|secretarias?\s+tecnicas?)\b",
        "the Technical Secretariat is who the decision tasks (curators: “a task of the two Technical Secretariats”)",
    ),
    _rule(
        "regional/budget-and-finance",
        r"\bapoyo financiero\b",
        "an activity funded by a partner (curators: “the financing of an activity of the conference”)",
    ),
)


def rule_confidence(
    rule: Rule, decisions: list[CuratedDecision], carries: Callable[[CuratedDecision, str], bool]
) -> float:
    """The rule's precision on ``decisions``, smoothed towards PRIOR."""
    having = [d for d in decisions if rule.pattern.search(_folded(d.text))]
    right = sum(carries(d, rule.theme) for d in having)
    return round((right + WEIGHT * PRIOR) / (len(having) + WEIGHT), 2)


def _folded(text: str) -> str:
    folded = fold(text)
    return folded if len(folded) == len(text) else text.lower()


def rule_hits(rules: dict[Rule, float], text: str) -> list[tuple[Rule, float, str]]:
    """(rule, confidence, the words of ``text`` that fired it) of each rule that fires."""
    folded = _folded(text)
    hits = []
    for rule, confidence in rules.items():
        m = rule.pattern.search(folded)
        if m:
            hits.append((rule, confidence, text[m.start() : m.end()].strip()))
    return hits
