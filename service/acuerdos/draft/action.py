"""The proposed action category of a decision (ontology/action-categories.ttl): how much it asks
anyone to do, read from its verbs.

Each clause's leading verb (the infinitive a decision opens with, one after "y", "e", a comma or a
full stop, a verb after "se", a verb in the future) is looked up in what the curated decisions say of
it: the categories of the curated decisions led by that verb alone, and the scheme's own Spanish
labels ("Agradecer", "Tomar nota", "Continuar", "Considerar", "Intercambiar", "Enviar"), each
counted as one more such decision. The decision gets the most demanding category of its clauses, as
the scheme asks ("a conclusion that thanks and urges action is not a thank-you"); a general action
with a date becomes a specific one. With no verb known, the category most curated decisions have.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .reference import CuratedDecision, fold
from .themes import stem_word

_HEAD = re.compile(
    r"(?:^|[.;:]\s+|,\s+(?:y\s+|e\s+)?|\s(?:y|e)\s+)"
    r"(?P<v>[A-Za-záéíóúñ][a-záéíóúñ]+(?:ar|er|ir|rá|rán|aron)(?:se|lo|la|los|las|le|les)?)\b"
    r"|(?:^|[.;:,]\s+|\s(?:y|e)\s+)[Ss]e\s+(?:le\s+|les\s+)?(?P<s>[a-záéíóúñ]{4,})\b"  # "Se destaca", "se le solicita"
    r"|\b(?P<f>[a-záéíóúñ]+(?:rá|rán))\b"
)
_CLITIC = re.compile(r"(?<=[aei]r)(?:se|lo|la|los|las|le|les)$")
_NOT_VERBS = {"lugar", "regular", "particular", "similar", "anterior", "exterior", "interior", "mejor", "mayor",
              "menor", "favor", "hogar", "par", "mar", "nivel", "consular", "familiar", "ser", "estar", "haber",
              "será", "serán", "estará", "estarán", "habrá", "habrán", "deberá", "deberán", "podrá", "podrán",
              "acuerda", "acordó", "concluyó", "decidió", "espera"}  # fmt: skip
GENERAL, SPECIFIC = "kind/action-category/general-action", "kind/action-category/specific-action"


def heads(text: str) -> list[tuple[str, str]]:
    """(stem, word) of each clause's leading verb, in order, once each."""
    out: dict[str, str] = {}
    for m in _HEAD.finditer(text):
        word = m.group("v") or m.group("s") or m.group("f")
        plain = _CLITIC.sub("", word.lower())
        if plain not in _NOT_VERBS:
            out.setdefault(stem_word(plain), word)
    return list(out.items())


@dataclass(frozen=True)
class ActionProposal:
    category: str  # kind/action-category/…
    confidence: float
    words: str  # the verb it rests on, as printed ("" for the fallback)
    method: str  # "label" (a label of the scheme), "learned" (curated decisions led by the verb), "date", "prior"
    seen: tuple[int, int] = (0, 0)  # (decisions with this category, decisions) led by the verb


class ActionModel:
    """Categories of leading verbs, learned from the curated decisions and the scheme's labels."""

    def __init__(self, scheme: dict[str, tuple[int, set[str]]], decisions: list[CuratedDecision]) -> None:
        self.order = {category: notation for category, (notation, _) in scheme.items()}
        self.verbs: dict[str, Counter[str]] = {}  # stem -> categories of the curated decisions it alone leads
        self.labels: dict[str, str] = {}  # stem of a scheme label's verb -> its category
        for category, (_, labels) in scheme.items():
            for label in labels:
                self.labels[stem_word(fold(label.lower()).removeprefix("se ").split()[0])] = category
        curated = [d for d in decisions if d.action_category]
        for d in curated:
            led = heads(d.text)
            if len(led) == 1:
                self.verbs.setdefault(led[0][0], Counter())[d.action_category or ""] += 1
        counts = Counter(d.action_category for d in curated)
        self.prior = counts.most_common(1)[0] if counts else (SPECIFIC, 0)
        self.total = len(curated)

    def _known(self, stem: str) -> str | None:
        """The stem as learned, or the learned one it begins or that begins it ("insta" for "instar",
        "mantendr" for "manten": the stemmer leaves some forms of a verb apart)."""
        known = {*self.verbs, *self.labels}
        if stem in known:
            return stem
        near = [k for k in known if len(k) >= 5 and len(stem) >= 5 and (k.startswith(stem) or stem.startswith(k))]
        return max(near, key=len) if near else None

    def _of(self, stem: str, word: str) -> ActionProposal | None:
        """The category a leading verb gives: its curated decisions' and the scheme label's (one vote)."""
        known = self._known(stem)
        if known is None:
            return None
        curated = self.verbs.get(known, Counter())
        votes = curated + Counter({self.labels[known]: 1}) if known in self.labels else curated
        category, k = max(votes.items(), key=lambda kv: (kv[1], -self.order.get(kv[0], 0)))
        method = "label" if self.labels.get(known) == category else "learned"
        seen = (curated[category], sum(curated.values()))
        return ActionProposal(category, round((k + 0.1) / (sum(votes.values()) + 1), 2), word, method, seen)

    def propose(self, text: str, dated: bool, parts: Sequence[ActionProposal] = ()) -> ActionProposal:
        """The category of the most demanding clause of ``text`` (and of its sub-items, ``parts``)."""
        found = [p for p in (self._of(s, w) for s, w in heads(text)) if p is not None] + list(parts)
        if not found:
            category, k = self.prior
            return ActionProposal(str(category), round((k + 0.1) / (self.total + 1), 2), "", "prior", (k, self.total))
        best = max(found, key=lambda p: (self.order.get(p.category, 0), p.confidence))
        if best.category == GENERAL and dated:
            return ActionProposal(SPECIFIC, best.confidence, best.words, "date", best.seen)
        return best
