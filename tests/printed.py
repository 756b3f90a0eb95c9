"""What each source document prints as its list of decisions, read from the text itself.

An independent reading of the sources: the data's decisions are compared with it, so a decision
left out, a number mistyped or an item invented shows up as a difference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"


@dataclass
class Item:
    """One printed item: its printed number (None where the text prints a bullet) and sub-items."""

    number: str | None
    subitems: list[str | None] = field(default_factory=list)


@dataclass(frozen=True)
class DecisionList:
    """Where a list of decisions stands in a source, and how its items are printed."""

    source: str
    document: str  # local part of the document IRI
    kind: str  # local name of the acu: class
    start: str  # text that opens the list
    end: str | None  # text that closes it (None: end of file)
    item: str  # regex of a top-level item; group 1 is the printed number, if any
    subitem: str | None = None  # regex of a sub-item; group 1 is its printed letter, if any

    def items(self) -> list[Item]:
        text = (SOURCES / self.source).read_text(encoding="utf-8")
        begin = text.index(self.start) + len(self.start)
        finish = text.index(self.end, begin) if self.end else len(text)
        found: list[Item] = []
        for line in text[begin:finish].splitlines():
            top = re.match(self.item, line)
            if top:
                found.append(Item(_printed(top)))
                continue
            sub = re.match(self.subitem, line) if self.subitem else None
            if sub and found:
                found[-1].subitems.append(_printed(sub))
        return found


def _printed(match: re.Match[str]) -> str | None:
    """The printed number or letter of an item, None where only a bullet is printed."""
    return next((g for g in match.groups() if g), None)


LISTS = [
    # 002, Annex 1: bulleted, numbered from 2 (the first bullet lost its number in extraction).
    DecisionList("002_f5bb05e1187ef2b1.txt", "2017-03-30-final-act", "Agreement",
                 "Acuerdos generales:", "Liduvina Magarín\nPresidencia",
                 r"^(?:- )(?:(\d+)\.\s)?\S|^(\d+)\.\s", r"^ - ()\S"),
    # 000: the "Acuerdos:" list, bullets printed as "o".
    DecisionList("000_549d0ada5a26f028.txt", "2017-05-11-minutes", "Agreement",
                 "Acuerdos:", None, r"^o ()"),
    # 001: numbered 1-14 under thematic headings.
    DecisionList("001_eee5ef25a9d85a71.txt", "2017-06-08-final-act", "Agreement",
                 "han acordado:", None, r"^\s*(\d+)\.\s"),
    # 003: 29 conclusions with lettered sub-items, then 3 recommendations.
    DecisionList("003_cf39b047b5400d31.txt", "2017-06-22-grcm-conclusions", "Conclusion",
                 "CONCLUSIONES", "RECOMENDACIONES", r"^\s*(\d+)\.", r"^\s*([a-z])[\.\)]\s"),
    DecisionList("003_cf39b047b5400d31.txt", "2017-06-22-grcm-conclusions", "Recommendation",
                 "RECOMENDACIONES", None, r"^\s*(\d+)\.\s"),
    # 004: one general objective (a paragraph) and numbered specific objectives.
    DecisionList("004_76b324cd6c8e24c4.txt", "2022-05-31-concept-note", "GeneralObjective",
                 "OBJETIVO GENERAL", "OBJETIVOS ESPECÍFICOS", r"^()Continuar"),
    DecisionList("004_76b324cd6c8e24c4.txt", "2022-05-31-concept-note", "SpecificObjective",
                 "OBJETIVOS ESPECÍFICOS", "PERFIL DE PARTICIPANTES", r"^(\d)\)\s"),
]
