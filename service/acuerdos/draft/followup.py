"""Proposed follow-up links: a later decision that names or carries out an earlier one of the graph.

Four kinds of evidence, strongest first, each quoting the later decision's own words:

* an explicit reference to a printed decision number and its meeting ("el acuerdo 9 de la reunión
  de Washington", "la conclusión 13 de la reunión del 20 de junio de 2017"): the meeting is found by
  a date of its start or a word of its name, the decision by its printed number;
* a reference to an earlier meeting's agreements ("en seguimiento a lo acordado en la reunión del 30
  de marzo de 2017", "conforme a lo acordado en Panamá"): that meeting's decision closest in content;
* an event both decisions date: the later one names a day an earlier decision scheduled something
  for ("la IV Reunión … del 6 al 7 de julio de 2017" for "su próxima reunión … los días 7 y 8 de
  julio"), or a document both name ("la Declaración Especial");
* content: the draft decision shares most of its content words (stems) with the earlier one, more
  so when it says it carries something on ("dar seguimiento", "reitera", "Acta final", "continuar").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import MONTHS
from .reference import CuratedDecision, Reference, fold
from .themes import stem_set

_CUE = re.compile(r"\b(?:dar seguimiento|seguimiento|reitera|reiterar|reafirmar|continuar|acta final|enmendar|"
                  r"en cumplimiento|conforme a lo acordado|como se acordó|retomando)\b", re.I)  # fmt: skip
THRESHOLD = 0.7
_KINDS = r"(?:acuerdos?|conclusi[oó]n(?:es)?|recomendaci[oó]n(?:es)?|decisi[oó]n(?:es)?|resoluci[oó]n(?:es)?)"
_NUMBERED = re.compile(
    rf"\b{_KINDS}\s+(?:n[uú]mero\s+|n[°º.]\s*)?(?P<num>\d{{1,2}}(?:[.-]\d{{1,2}}|-?[a-z]\b)?)\b(?P<tail>[^.;]{{0,100}})",
    re.I,
)
_AGREED = re.compile(
    r"\b(?:(?:en|dar|dando)\s+seguimiento\s+a|conforme\s+a|de\s+acuerdo\s+(?:a|con)|seg[uú]n|en\s+cumplimiento\s+de"
    r"|como\s+se\s+acord[oó]\s+en)\s+(?:los\s+acuerdos\s+(?:de|adoptados\s+en)|lo\s+acordado\s+en)\s+(?P<tail>[^.;]{0,100})",
    re.I,
)
_DATE = re.compile(
    r"\b(?P<d1>\d{1,2})(?:\s*(?:y|al|-|a)\s*(?P<d2>\d{1,2}))?\s+de\s+(?P<month>" + "|".join(MONTHS) + r")\b"
    r"(?:\s+(?:de|del)\s+(?P<year>\d{4}))?",
    re.I,
)
_DOCUMENT = re.compile(
    r"\b(?:Declaraci[oó]n|Plan|Memor[aá]ndum|Estrategia|Protocolo|Lineamientos|Gu[ií]a)\s+[A-ZÁÉÍÓÚ]\w+(?:\s+[A-ZÁÉÍÓÚ]\w+)*"
)
_NAME_WORD = re.compile(r"\b[A-ZÁÉÍÓÚ][\wáéíóúñ.]{3,}")
_COMMON = {fold(m) for m in MONTHS} | {
    "reunion",
    "reuniones",
    "conferencia",
    "acuerdo",
    "acuerdos",
    "troikas",
    "paises",
}


@dataclass(frozen=True)
class FollowUpProposal:
    earlier: str  # the earlier decision's IRI (local part)
    kind: str  # follow-up kind (local name)
    confidence: float
    quote: str  # the later decision's words that name or carry out the earlier one
    method: str = "content"  # "number", "meeting", "date", "document" or "content"


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b))) if a and b else 0.0


def _days(text: str, year: int) -> list[tuple[tuple[int, int, int], str]]:
    """((year, month, day), words) of each day ``text`` names; a date without its year is taken in ``year``."""
    out = []
    for m in _DATE.finditer(text):
        y, month = int(m.group("year") or year), MONTHS[m.group("month").lower()]
        first, last = int(m.group("d1")), int(m.group("d2") or m.group("d1"))
        out += [((y, month, d), m.group(0)) for d in range(first, min(last, 31) + 1)]
    return out


def _meetings_named(tail: str, earlier: list[CuratedDecision], reference: Reference) -> tuple[set[str], int]:
    """The earlier meetings ``tail`` names, by the day they began or else by a word of their name
    (when only one meeting has it), and where in ``tail`` the words that name them end."""
    for m in _DATE.finditer(tail):
        days = {day[1:] for day, _ in _days(m.group(0), 0)}
        year = int(m.group("year") or 0)
        dated = {
            d.meeting for d in earlier if d.date and (d.date.month, d.date.day) in days and year in (0, d.date.year)
        }
        if dated:
            return dated, m.end()
    labels = {
        m: set(re.findall(r"\w+", fold(reference.meeting_labels.get(m, "")))) for m in {d.meeting for d in earlier}
    }
    for w in _NAME_WORD.finditer(tail):
        word = fold(w.group(0)).rstrip(".")
        named = {m for m, words in labels.items() if word in words} if word not in _COMMON else set()
        if len(named) == 1:
            return named, w.end()
    return set(), 0


def _explicit(text: str, earlier: list[CuratedDecision], reference: Reference) -> list[FollowUpProposal]:
    """Decisions named by number and meeting, and a named meeting's decision closest in content."""
    out = []
    for m in _NUMBERED.finditer(text):
        meetings, end = _meetings_named(m.group("tail"), earlier, reference)
        number = m.group("num").replace(".", "-").lower()
        words = text[m.start() : m.start("tail") + end]
        out += [FollowUpProposal(d.iri, "acts-on", 0.9, words, "number")
                for d in earlier if d.meeting in meetings and (d.number or "").lower() == number]  # fmt: skip
    mine = set(stem_set(text))
    for m in _AGREED.finditer(text):
        meetings, end = _meetings_named(m.group("tail"), earlier, reference)
        words = text[m.start() : m.start("tail") + end]
        scored = sorted((_overlap(mine, set(stem_set(d.text))), d.iri) for d in earlier if d.meeting in meetings)
        out += [FollowUpProposal(iri, "acts-on", 0.75, words, "meeting") for score, iri in scored[-1:] if score >= 0.3]
    return out


def _shared(text: str, day: dt.date, earlier: list[CuratedDecision]) -> list[FollowUpProposal]:
    """Earlier decisions that schedule something for a day this one names, or name a document it names."""
    mine = {when: words for when, words in _days(text, day.year) if (when[1], when[2]) != (day.month, day.day)}
    documents = {fold(m.group(0)): m.group(0) for m in _DOCUMENT.finditer(text)}
    out = []
    for d in earlier:
        assert d.date is not None
        theirs = {when for when, _ in _days(d.text, d.date.year)}
        same = [mine[when] for when in mine if when in theirs and dt.date(*when) > d.date]
        if same:
            out.append(FollowUpProposal(d.iri, "acts-on", 0.7, same[0], "date"))
        named = [documents[k] for k in documents if k in {fold(m.group(0)) for m in _DOCUMENT.finditer(d.text)}]
        if named:
            out.append(FollowUpProposal(d.iri, "acts-on", 0.6, named[0], "document"))
    return out


def propose_follow_ups(text: str, day: dt.date, reference: Reference, limit: int = 3) -> list[FollowUpProposal]:
    earlier = [d for d in reference.decisions if d.date is not None and d.date < day]
    mine = set(stem_set(text))
    cue = bool(_CUE.search(text))
    kind = "reiterates" if re.search(r"\breiter|\breafirm", text, re.I) else "acts-on"
    found = _explicit(text, earlier, reference) + _shared(text, day, earlier)
    for d in earlier:
        score = _overlap(mine, set(stem_set(d.text))) + (0.1 if cue else 0.0)
        if score >= THRESHOLD:
            found.append(FollowUpProposal(d.iri, kind, round(min(score, 0.99), 2), text))
    best: dict[str, FollowUpProposal] = {}
    for f in found:  # the strongest kind of evidence first: it names the earlier decision in fewer words
        best.setdefault(f.earlier, f)
    return sorted(best.values(), key=lambda f: -f.confidence)[:limit]
