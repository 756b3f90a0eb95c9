"""Splitting a source text into its decisions, as printed.

The text is read line by line (blank lines carry no meaning: the extractions put one between printed
lines and several at a page break). A heading such as "Acuerdos:", "han acordado:", "CONCLUSIONES",
"RECOMENDACIONES" or "OBJETIVOS ESPECÍFICOS" opens a list; in it, every numbered, lettered or bulleted
line starts a decision, and a line that neither starts one nor ends the list continues the one open.
A list ends at a heading in capitals, an annex, or a paragraph that is neither part of an item nor a
sub-heading (a signature, the narrative going on). Outside lists, a sentence that says "se acuerda"
is a decision of the narrative. Everything else (preamble, "considerando" paragraphs, the record of the
discussion) stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import normalise

# Headings that open a list of decisions, and the class of what they list.
_OPENERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\W*CONCLUSIONES\W*$", re.I), "Conclusion"),
    (re.compile(r"^\W*RECOMENDACIONES\W*$", re.I), "Recommendation"),
    (re.compile(r"^\W*OBJETIVO GENERAL\W*$", re.I), "GeneralObjective"),
    (re.compile(r"^\W*OBJETIVOS ESPEC[IÍ]FICOS\W*$", re.I), "SpecificObjective"),
    (
        re.compile(
            r"\b(?:decisi[oó]n|acuerdo|resoluci[oó]n)\b.*\bse (?:indica|establece|dispone|señala)\s*:\s*$", re.I
        ),
        "Agreement",
    ),
    (re.compile(r"\bactividad(?:es)?(?: estructural(?:es)?)?\s*:\s*$", re.I), "Decision"),
    (re.compile(r"^\W*(ACORDARON|APROBARON|RESOLVIERON|DECIDIERON|ACUERDAN|RESUELVEN)\b"), "Agreement"),
    (re.compile(r"^\W*(?:\d+\.\s*)?Acuerdos\b[^.]*:?\s*$", re.I), "Agreement"),
    (re.compile(r"\b(?:han|hemos) (?:acordado|aprobado|resuelto|decidido)\s*[:.]?\s*$", re.I), "Agreement"),
    (re.compile(r"\b(?:acordaron|aprobaron|resolvieron|decidieron)\s*:\s*$", re.I), "Agreement"),
    (re.compile(r"\b(?:los )?acuerdos\b[^.]*:\s*$", re.I), "Agreement"),
]
_ANNEX = re.compile(r"^\s*(Anexo|ANEXO|Annex)\s+\w+\s*$")
_JUNK = re.compile(r"^\s*\[bookmark:[^\]]*\]\s*$")
# Item markers: "- 2. ", "2. ", "10.Agradecer", "1) ", "a) ", "a. ", "- ", "o ", "• ".
_BULLET_NUMBER = re.compile(r"^(?P<indent>\s*)[-−–•·]\s+(?P<num>\d+)\.\s+")
_NUMBER = re.compile(r"^(?P<indent>\s*)(?P<num>\d{1,2})(?:\.(?!\d)|\))\s*(?=\S)")
_LETTER = re.compile(r"^(?P<indent>\s*)(?P<num>[a-z])[.)]\s+(?=\S)")
_BULLET = re.compile(r"^(?P<indent>\s*)(?:[-−–•·▪◦]|o(?=\s+[A-ZÁÉÍÓÚÑ]))\s+(?=\S)")
_END = re.compile(r"[.;:]\W*$")
# A bullet of the narrative: someone says or does something ("La Viceministra invita a…").
_NARRATIVE = re.compile(
    r"^(?:(?:El|La|Los|Las)\s+)?[A-ZÁÉÍÓÚ]\w*(?:\s+[A-ZÁÉÍÓÚ]\w*)?\s+(?:invita|menciona|propone|indica|comenta|señala|consulta|agradece|informa|"
    r"hace un repaso|reitera|anuncia|destaca y)\b"
)
_AGREED = re.compile(r"(?:^|(?<=[,;] ))(?:[Ss]e acuerda|[Ss]e acordó|[Ss]e decidió)\b")


@dataclass
class Item:
    """One decision as printed: where its text is in the source, its number, its class, its children."""

    kind: str
    number: str | None
    start: int  # offset in the source text of the decision's first character (after the marker)
    end: int
    level: int = 0
    heading: str | None = None
    children: list[Item] = field(default_factory=list)
    parent: Item | None = field(default=None, repr=False)
    trailer_end: int | None = None  # where a closing paragraph after the sub-items ends
    cached: str = ""  # the text as last read (while the list is read)
    marker: int | None = None  # offset of the printed marker ("10.", "a)"), when it prints a number

    def text(self, source: str) -> str:
        return normalise(source[self.start : self.trailer_end or self.end])

    def number_quote(self, source: str, words: int = 3) -> str | None:
        """The printed number with the first words after it ("10.Agradecer a los"): the quote that shows
        the number is the source's, not ours."""
        if self.marker is None:
            return None
        after = source[self.start : self.end].split()[:words]
        end = self.start
        for word in after:
            end = source.index(word, end) + len(word)
        return normalise(source[self.marker : end])


@dataclass
class _Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if body.strip() and not _JUNK.match(body):
            out.append(_Line(pos, pos + len(body.rstrip()), body.rstrip()))
        pos += len(raw)
    return out


def _opener(line: str) -> str | None:
    for pattern, kind in _OPENERS:
        if pattern.search(line.strip()):
            return kind
    return None


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _marker(line: str) -> tuple[int, str | None, int, str] | None:
    """(indent, printed number or None, length of the marker, style) of an item line."""
    for pattern, style in ((_BULLET_NUMBER, "bullet"), (_NUMBER, "number"), (_LETTER, "letter"), (_BULLET, "bullet")):
        m = pattern.match(line)
        if m:
            num = m.groupdict().get("num")
            return len(m.group("indent").expandtabs()), num, m.end(), style if num is None else style + "-num"
    return None


class _Zone:
    """The items of one list, while it is read."""

    def __init__(self, kind: str, heading: str) -> None:
        self.kind, self.heading = kind, heading
        self.items: list[Item] = []
        self.open: Item | None = None
        self.top_indent: int | None = None
        self.top_style: str | None = None


def segment(text: str) -> list[Item]:
    """The decisions of ``text``, top-level items with their sub-items, in the order printed."""
    lines = _lines(text)
    items: list[Item] = []
    zone: _Zone | None = None
    narrative: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        kind = _opener(line.text)
        if kind and (zone is None or _marker(line.text) is None or kind != "Agreement"):
            _close(zone, items)
            zone, i = _Zone(kind, line.stripped), i + 1
        elif zone is None:
            narrative.append(line)
            i += 1
        elif _ANNEX.match(line.text) or (_capitals(line.text) and _marker(line.text) is None):
            _close(zone, items)
            zone, i = None, i + 1
        else:
            nxt = _zone_line(text, lines, i, zone)
            if nxt < 0:  # the list ended before this line: read it again as narrative
                _close(zone, items)
                zone = None
            i = abs(nxt)
    _close(zone, items)
    items.extend(_narrative(text, narrative))
    items.sort(key=lambda it: it.start)
    return items


def _close(zone: _Zone | None, items: list[Item]) -> None:
    """Keep a finished list's items, less the bullets that record the discussion."""
    if zone is not None:
        items.extend(it for it in zone.items if not (it.kind == "Agreement" and _NARRATIVE.match(it.cached)))


def _paragraph_end(lines: list[_Line], i: int) -> int:
    """Index of the last line of the paragraph starting at line i (up to a line ending a sentence)."""
    j = i
    while j + 1 < len(lines) and not _END.search(lines[j].text) and _marker(lines[j + 1].text) is None:
        if _capitals(lines[j + 1].text) or _opener(lines[j + 1].text):
            break
        j += 1
    return j


def _zone_line(text: str, lines: list[_Line], i: int, zone: _Zone) -> int:
    """Read line i of a list; the index of the next line, or minus it when the list ends before line i."""
    line = lines[i]
    mark = _marker(line.text)
    if mark is not None:
        return _item_line(text, line, i, zone, mark)
    current = zone.open
    starts_lower = line.stripped[:1].islower() or line.stripped[:1] in '(“"«'
    if current is not None and (starts_lower or not _END.search(text[current.start : current.end])):
        current.end = line.end
        _refresh(text, current)
        return i + 1
    return _paragraph(text, lines, i, zone)


def _item_line(text: str, line: _Line, i: int, zone: _Zone, mark: tuple[int, str | None, int, str]) -> int:
    """A numbered, lettered or bulleted line: a new item, a sub-item, or a section heading of the narrative."""
    indent, num, length, style = mark
    if zone.top_indent is None:
        zone.top_indent, zone.top_style = indent, style
    sub = style.startswith("letter") or (indent > zone.top_indent and zone.open is not None)
    if not sub and num is not None and num.isdigit() and zone.items:
        before = zone.items[-1].number
        expected = {len(zone.items) + 1, int(before) + 1 if before and before.isdigit() else 0}
        if int(num) not in expected:  # a numbered section heading of the narrative ("5. Consenso de…")
            return -i
    parent = None
    if sub and zone.open is not None:
        parent = zone.open if zone.open.level == 0 else zone.open.parent
    item = Item(zone.kind, num, line.start + length, line.end, level=1 if parent else 0, heading=zone.heading)
    if num is not None:
        item.marker = line.start + len(line.text) - len(line.text.lstrip())
    if parent is not None:
        item.parent = parent
        parent.children.append(item)
    else:
        zone.items.append(item)
    zone.open = item
    _refresh(text, item)
    return i + 1


def _paragraph(text: str, lines: list[_Line], i: int, zone: _Zone) -> int:
    """A paragraph that starts no item: a sub-heading, the closing words of an item, a list printed as a
    paragraph, or the end of the list."""
    current = zone.open
    last = _paragraph_end(lines, i)
    following = lines[last + 1] if last + 1 < len(lines) else None
    next_is_item = following is not None and _marker(following.text) is not None
    if next_is_item and not _END.search(lines[last].text):
        return last + 1  # a sub-heading ("En relación al intercambio de información")
    if next_is_item and current is not None:
        owner = current.parent or current
        if current.parent is not None:
            owner.trailer_end = lines[last].end
        else:
            owner.end = lines[last].end
        _refresh(text, owner)
        return last + 1
    if current is None and not zone.items:  # a list printed as a paragraph (OBJETIVO GENERAL)
        item = Item(zone.kind, None, lines[i].start, lines[last].end, heading=zone.heading)
        zone.items.append(item)
        zone.open = item
        _refresh(text, item)
        return last + 1
    _drop_heading(zone)
    return -i


def _drop_heading(zone: _Zone) -> None:
    """A last item with no closing punctuation followed by narrative was a section heading."""
    last = zone.open
    if (
        last is not None
        and zone.items
        and last is zone.items[-1]
        and not last.children
        and not _END.search(last.cached)
        and len(zone.items) > 1
    ):
        zone.items.pop()


def _refresh(text: str, item: Item) -> None:
    item.cached = item.text(text)


_SENTENCE = re.compile(r"[^.]*?(?:\.(?=\s+[A-ZÁÉÍÓÚÑ¿(])|\.?$)", re.S)


def _narrative(text: str, lines: list[_Line]) -> list[Item]:
    """Decisions stated in the narrative: a sentence (or its clause) that says "se acuerda"."""
    out: list[Item] = []
    for line in lines:
        body = text[line.start : line.end]
        for m in re.finditer(r"[^.]+(?:\.(?!\w)|$)", body):
            sentence = m.group(0)
            agreed = _AGREED.search(sentence)
            if agreed is None:
                continue
            start = line.start + m.start() + agreed.start()
            end = line.start + m.end()
            item = Item("Agreement", None, start, end, heading=None)
            item.cached = normalise(text[start:end])
            out.append(item)
    return out
