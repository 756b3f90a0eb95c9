"""Proposed follow-up links: a later decision that names or carries out an earlier one of the graph.

An earlier decision (adopted before the meeting) is proposed when the draft decision shares enough
of its content words (stems) with it, more so when the draft says it carries something on ("dar
seguimiento", "reitera", "Acta final", "continuar"). The quote is the draft decision's own text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .reference import Reference
from .themes import stem_set

_CUE = re.compile(r"\b(?:dar seguimiento|seguimiento|reitera|reiterar|reafirmar|continuar|acta final|enmendar|"
                  r"en cumplimiento|conforme a lo acordado|como se acordó|retomando)\b", re.I)  # fmt: skip
THRESHOLD = 0.7


@dataclass(frozen=True)
class FollowUpProposal:
    earlier: str  # the earlier decision's IRI (local part)
    kind: str  # follow-up kind (local name)
    confidence: float
    quote: str


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b))) if a and b else 0.0


def propose_follow_ups(text: str, day: dt.date, reference: Reference, limit: int = 2) -> list[FollowUpProposal]:
    mine = set(stem_set(text))
    cue = bool(_CUE.search(text))
    scored = []
    for d in reference.decisions:
        if d.date is None or d.date >= day:
            continue
        score = _overlap(mine, set(stem_set(d.text))) + (0.1 if cue else 0.0)
        if score >= THRESHOLD:
            scored.append((score, d.iri))
    scored.sort(reverse=True)
    kind = "reiterates" if re.search(r"\breiter|\breafirm", text, re.I) else "acts-on"
    return [FollowUpProposal(iri, kind, round(min(score, 0.99), 2), text) for score, iri in scored[:limit]]
