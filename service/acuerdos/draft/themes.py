"""Proposed themes of a decision: a lexicon from the theme schemes' labels, and a small classifier
(Bernoulli naive Bayes over Spanish stems, snowballstemmer) trained on the curated decisions.

Each proposal keeps the words that triggered it and a confidence. A label of the scheme found in the
text gives a proposal on its own (confidence 0.9); the classifier adds the themes whose probability
passes a threshold.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import snowballstemmer  # type: ignore[import-untyped]

from .reference import CuratedDecision, fold

_STEM = snowballstemmer.stemmer("spanish")
_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñü]{3,}")
_STOP_WORDS = (
    "las los del con por para una unos unas que como sus este esta estos estas ese esa ambos ambas dicho "
    "dicha entre sobre ser son sea sean han haber cada otro otra otros otras muy mas más también así mismo "
    "marco relación caso cual cuales donde cuando hacia desde hasta según lograr tener hacer"
)
_STOP = set(_STOP_WORDS.split(" "))
THRESHOLD = 0.5


def stems(text: str) -> list[tuple[str, str]]:
    """(stem, word) of each content word."""
    out = []
    for w in _WORD.findall(text):
        lw = w.lower()
        if lw in _STOP:
            continue
        out.append((_STEM.stemWord(fold(lw)), w))
    return out


@dataclass(frozen=True)
class ThemeProposal:
    theme: str
    confidence: float
    words: tuple[str, ...]
    method: str  # "label" or "classifier"


class ThemeModel:
    """Lexicon and classifier, built from labels and curated decisions."""

    def __init__(self, labels: dict[str, set[str]], decisions: list[CuratedDecision]) -> None:
        self.lexicon: list[tuple[tuple[str, ...], str]] = []
        for theme, names in labels.items():
            if not theme.startswith("theme/regional/"):
                continue
            for name in names:
                key = tuple(s for s, _ in stems(name))
                if key and len(name) >= 5:
                    self.lexicon.append((key, theme))
        self.n = len(decisions)
        self.theme_count: Counter[str] = Counter()
        self.stem_theme: dict[str, Counter[str]] = {}
        self.stem_count: Counter[str] = Counter()
        for d in decisions:
            words = {s for s, _ in stems(d.text)}
            self.stem_count.update(words)
            for t in d.themes:
                self.theme_count[t] += 1
                self.stem_theme.setdefault(t, Counter()).update(words)

    def _label_hits(self, seq: list[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
        just = [s for s, _ in seq]
        hits: dict[str, tuple[str, ...]] = {}
        for key, theme in self.lexicon:
            k = len(key)
            for i in range(len(just) - k + 1):
                if tuple(just[i : i + k]) == key:
                    hits.setdefault(theme, tuple(w for _, w in seq[i : i + k]))
                    break
        return hits

    def _probability(self, theme: str, words: set[str]) -> tuple[float, list[str]]:
        nt = self.theme_count[theme]
        n = self.n
        logit = math.log((nt + 0.5) / (n - nt + 0.5))
        contributions: list[tuple[float, str]] = []
        vocabulary = [w for w in words if self.stem_count[w] >= 2]
        for w in vocabulary:
            with_t = self.stem_theme[theme][w]
            without_t = self.stem_count[w] - with_t
            c = math.log((with_t + 0.3) / (nt + 0.6)) - math.log((without_t + 0.3) / (n - nt + 0.6))
            logit += c
            contributions.append((c, w))
        logit = max(-30.0, min(30.0, logit))
        contributions.sort(reverse=True)
        return 1 / (1 + math.exp(-logit)), [w for c, w in contributions[:4] if c > 0.5]

    def propose(self, text: str) -> list[ThemeProposal]:
        seq = stems(text)
        words = {s for s, _ in seq}
        surface: dict[str, str] = {}
        for s, w in seq:
            surface.setdefault(s, w)
        out: dict[str, ThemeProposal] = {}
        for theme, trigger in self._label_hits(seq).items():
            out[theme] = ThemeProposal(theme, 0.9, trigger, "label")
        for theme in self.theme_count:
            if theme in out or self.n == 0:
                continue
            p, top = self._probability(theme, words)
            if p >= THRESHOLD and top:
                out[theme] = ThemeProposal(theme, round(p, 2), tuple(surface[w] for w in top), "classifier")
        return sorted(out.values(), key=lambda t: -t.confidence)
