"""The document and the meeting a source records: title, date, kinds, place, mode, conferences, participants."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..text import normalise
from .dates import MONTHS
from .reference import Reference, fold

_DATE = re.compile(
    r"(?:(?:los días|el día)\s+)?(?:del\s+)?(?P<d1>\d{1,2})(?:\s*(?:-|al|y|a)\s*(?P<d2>\d{1,2}))?\s+de\s+(?P<month>"
    + "|".join(MONTHS) + r"),?\s+(?:de\s+|del\s+)?(?P<year>\d{4})", re.I)  # fmt: skip
_DOC_KINDS = [
    (r"\bminuta\b", "minutes"), (r"\bacta final\b", "final-act"), (r"\bnota conceptual\b", "concept-note"),
    (r"\binforme\b", "report"), (r"\bdeclaraci[oó]n\b", "declaration"), (r"\bconclusiones\b", "conclusions"),
    (r"\bmemor[aá]ndum\b", "memorandum"), (r"\bplan de trabajo\b", "work-plan"),
]  # fmt: skip
_MEETING_KINDS = [
    (r"\bvirtual\b|\bvideoconferencia\b", "virtual-meeting"), (r"\btroikas?\b", "troika-meeting"),
    (r"grupo regional de consulta|\bgrcm\b", "grcm-meeting"), (r"\bplenaria\b", "plenary-meeting"),
    (r"viceministerial", "vice-ministerial-meeting"), (r"reuni[oó]n de trabajo", "working-meeting"),
    (r"\btaller\b", "workshop"), (r"\bforo\b", "forum"),
]  # fmt: skip
_ONLINE = re.compile(r"\b(?:virtual|zoom|videoconferencia|en l[ií]nea)\b", re.I)
_PARTICIPANTS = re.compile(
    r"(?:Participantes\s*:(?P<list>.{0,400}?)(?:\b[A-ZÁÉÍÓÚ][a-záéíóú]+ [A-Za-záéíóú]+\s*:)|"
    r"con la participaci[oó]n de (?:representantes de )?(?P<list2>[^:]{0,400}?)(?:,\s*formul|\.\s|:)|"
    r"Los Pa[ií]ses Miembros (?P<list3>.{0,400}?)reunidos)",
    re.S,
)


_PREAMBLE = re.compile(r"\s(?:Los|Las) (?:Países|Estados|Delegaciones|Representantes)\b|\sEl Grupo\b|\sreunid[oa]s\b")


@dataclass
class Meta:
    title: str
    title_quote: str
    date: dt.date
    end: dt.date
    date_quote: str
    document_kind: str
    meeting_kind: str
    online: bool
    conferences: list[str]
    place: str | None
    place_quote: str | None
    participants: list[str] = field(default_factory=list)
    participants_quote: str | None = None


def _first_date(text: str) -> re.Match[str] | None:
    return _DATE.search(text[:4000])


def read_meta(text: str, reference: Reference) -> Meta:
    """What the opening lines say about the document and its meeting."""
    norm = normalise(text)
    m = _first_date(norm)
    if m is None:
        raise ValueError("no date")
    year, month = int(m.group("year")), MONTHS[m.group("month").lower()]
    start = dt.date(year, month, int(m.group("d1")))
    end = dt.date(year, month, int(m.group("d2") or m.group("d1")))
    head = norm[: m.start()].strip()
    cut = _PREAMBLE.search(head)
    title = (head[: cut.start()] if cut else head).strip(" ,")
    opening = fold(norm[:1500])
    doc_kind = next((k for p, k in _DOC_KINDS if re.search(p, fold(norm[:300]))), None)
    if doc_kind is None:
        doc_kind = "conclusions" if re.search(r"\bCONCLUSIONES\b", norm) else "other-document"
    meeting_kind = next(
        (k for p, k in _MEETING_KINDS if re.search(p, opening[: max(300, len(title) + 50)])), "other-meeting"
    )
    confs = [c for c, pattern in (("conference/crm", r"\bCRM\b|Conferencia Regional sobre Migraci"),
                                  ("conference/csm", r"\bCSM\b|Conferencia Su[rd]americana"))
             if re.search(pattern, norm[: max(600, len(title) + 200)])]  # fmt: skip
    place, place_quote = None, None
    window = norm[: m.end() + 600]
    for iri, names in sorted(reference.places.items()):
        for name in sorted(names, key=len, reverse=True):
            hit = re.search(r"\b" + re.escape(fold(name)) + r"\b", fold(window))
            if hit and (place_quote is None or len(name) > len(place_quote)):
                place, place_quote = iri, window[hit.start() : hit.end()]
    online = bool(_ONLINE.search(norm[:600])) or bool(re.search(r"modalidad virtual|plataforma zoom", fold(norm)))
    if online:
        place, place_quote = None, None
    meta = Meta(title, title, start, end, m.group(0), doc_kind, meeting_kind,
                online, confs or ["conference/crm"], place, place_quote)  # fmt: skip
    p = _PARTICIPANTS.search(norm[:6000])
    if p:
        meta.participants_quote = p.group(0).rstrip(" :,")
    return meta
