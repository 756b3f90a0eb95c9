"""Proposed themes of a decision, from trigger words learned from the curated data and the schemes.

Three sources of evidence, each with a confidence:

* the theme schemes' labels (Spanish and English, alternative labels) found in the text;
* trigger words learned from the curated decisions: the words curators quoted when a theme was
  "named in text" (the quoted words of the assignment's reason), and the Spanish stems
  (snowballstemmer) that, across the curated decisions, come with a theme most of the time (a small
  classifier: each stem's precision for each theme, kept when it is high and seen often enough);
* the meeting: a theme nearly every decision of a joint CRM-CSM meeting carries (inter-regional
  cooperation) is proposed for each decision of such a meeting.

A theme is proposed when its best evidence reaches the threshold; the words that triggered it are
kept, for the quote the review shows.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

import snowballstemmer  # type: ignore[import-untyped]

from .reference import CuratedDecision, fold

_STEM = snowballstemmer.stemmer("spanish")
_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñü]{2,}")
_STOP_WORDS = (
    "las los del con por para una unos unas que como sus este esta estos estas ese esa ambos ambas dicho "
    "dicha entre sobre ser son sea sean han haber cada otro otra otros otras muy mas más también así mismo "
    "marco relación caso cual cuales donde cuando hacia desde hasta según lograr tener hacer de la el en y a "
    "al lo le se su o e u un"
)
_STOP = set(_STOP_WORDS.split(" "))
_QUOTED = re.compile(r"[\"“«]([^\"”»]{2,80})[\"”»]")
THRESHOLD = 0.6
MIN_SUPPORT = 3
STEM_THRESHOLD = 0.7


def stems(text: str) -> list[tuple[str, str]]:
    """(stem, word) of each content word."""
    out = []
    for w in _WORD.findall(text):
        lw = w.lower()
        if lw not in _STOP:
            out.append((_STEM.stemWord(fold(lw)), w))
    return out


@functools.lru_cache(maxsize=4096)
def stem_set(text: str) -> frozenset[str]:
    """The stems of ``text``, once per text."""
    return frozenset(s for s, _ in stems(text))


def common_stems(text: str) -> set[str]:
    """The stems of the words that are not names: lower-case words, and the first word."""
    seq = stems(text)
    return {s for i, (s, w) in enumerate(seq) if w.islower() or (i == 0 and not w.isupper())}


@dataclass(frozen=True)
class ThemeProposal:
    theme: str
    confidence: float
    words: tuple[str, ...]
    method: str  # "label", "quoted", "stem" or "meeting"


def _stem_triggers(seen: list[tuple[CuratedDecision, set[str]]], context: set[str]) -> dict[str, dict[str, float]]:
    """Common words (not names) that come with a theme in most curated decisions that have them; the
    themes nearly every decision of a kind of meeting carries are left to the meeting's evidence."""
    support: Counter[str] = Counter()
    together: dict[str, Counter[str]] = {}
    for d, words in seen:
        support.update(words)
        for w in words:
            together.setdefault(w, Counter()).update(t for t in d.themes if t not in context)
    triggers: dict[str, dict[str, float]] = {}
    for w, n in support.items():
        if n < MIN_SUPPORT:
            continue
        for theme, k in together[w].items():
            precision = (k + 0.1) / (n + 1)
            if precision >= STEM_THRESHOLD:
                triggers.setdefault(w, {})[theme] = round(precision, 2)
    return triggers


def _phrase_key(text: str) -> tuple[str, ...]:
    return tuple(s for s, _ in stems(text))


class ThemeModel:
    """Trigger phrases and stems with their confidence per theme, and meeting priors."""

    def __init__(self, labels: dict[str, set[str]], decisions: list[CuratedDecision]) -> None:
        seen = [(d, {s for s, _ in stems(d.text)}) for d in decisions if d.themes]
        self.phrases: dict[tuple[str, ...], dict[str, tuple[float, str]]] = {}
        for theme, names in labels.items():
            for key in {_phrase_key(name) for name in names if len(name) >= 4}:
                if key:
                    prior = 0.9 if len(key) > 1 else 0.7
                    self._learn_phrase(key, theme, seen, "label", prior)
        for d in decisions:
            for theme, reason in d.reasons:
                if d.themes.get(theme) == "kind/basis/named-in-text":
                    for key in {_phrase_key(q) for q in _QUOTED.findall(reason)}:
                        if 0 < len(key) <= 6:
                            self._learn_phrase(key, theme, seen, "quoted", None)
        frequent = Counter(t for d, _ in seen for t in d.themes)
        self.context_themes = {t for t, k in frequent.items() if k > 0.3 * len(seen)}
        self.stems = _stem_triggers([(d, common_stems(d.text)) for d, _ in seen], self.context_themes)
        joint = [d for d, _ in seen if d.conferences > 1]
        counts = Counter(t for d in joint for t in d.themes)
        self.joint_priors = {t: round(k / len(joint), 2) for t, k in counts.items() if k >= 0.75 * len(joint)}

    def _learn_phrase(
        self,
        key: tuple[str, ...],
        theme: str,
        seen: list[tuple[CuratedDecision, set[str]]],
        method: str,
        prior: float | None,
    ) -> None:
        """Keep a phrase as a trigger of a theme, with its precision on the curated decisions that have
        it (or ``prior`` when fewer than two do)."""
        having = [d for d, words in seen if set(key) <= words]
        if len(having) >= 2 or prior is None:
            if not having:
                return
            confidence = round((sum(theme in d.themes for d in having) + 0.1) / (len(having) + 1), 2)
        else:
            confidence = prior
        if confidence >= THRESHOLD and confidence > self.phrases.setdefault(key, {}).get(theme, (0.0, ""))[0]:
            self.phrases[key][theme] = (confidence, method)

    def _phrase_hits(self, seq: list[tuple[str, str]]) -> list[tuple[str, float, tuple[str, ...], str]]:
        just = [s for s, _ in seq]
        hits = []
        for key, themes in self.phrases.items():
            k = len(key)
            at = next((i for i in range(len(just) - k + 1) if tuple(just[i : i + k]) == key), None)
            if at is not None:
                words = tuple(w for _, w in seq[at : at + k])
                hits += [(theme, confidence, words, method) for theme, (confidence, method) in themes.items()]
        return hits

    def propose(self, text: str, conferences: int = 1) -> list[ThemeProposal]:
        """The themes whose best evidence in ``text`` (and its meeting) reaches the threshold."""
        seq = stems(text)
        hits = self._phrase_hits(seq)
        common = common_stems(text)
        surface = {s: w for s, w in reversed(seq)}
        for s in dict.fromkeys(s for s, _ in seq if s in common):
            hits += [(theme, confidence, (surface[s],), "stem") for theme, confidence in self.stems.get(s, {}).items()]
        if conferences > 1:
            hits += [(theme, prior, (), "meeting") for theme, prior in self.joint_priors.items()]
        best: dict[str, ThemeProposal] = {}
        for theme, confidence, words, method in hits:
            if confidence >= THRESHOLD and (theme not in best or confidence > best[theme].confidence):
                best[theme] = ThemeProposal(theme, confidence, words, method)
        return sorted(best.values(), key=lambda t: -t.confidence)
