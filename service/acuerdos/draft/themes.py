"""Proposed themes of a decision, from trigger words learned from the curated data and the schemes.

Three sources of evidence, each with a confidence:

* the theme schemes' labels (Spanish and English, alternative labels) found in the text;
* trigger words learned from the curated decisions: the words curators quoted when a theme was
  "named in text" (the quoted words of the assignment's reason), and the Spanish stems
  (snowballstemmer) that, across the curated decisions, come with a theme most of the time (a small
  classifier: each stem's precision for each theme, kept when it is high and seen often enough);
* numbers: a scheme whose concepts are numbered (skos:notation) is named by its head noun and the
  numbers ("las sesiones temáticas uno y dos", "la tercera sesión temática", "las seis sesiones
  temáticas" for all of them);
* the meeting: a theme nearly every decision of a joint CRM-CSM meeting carries (inter-regional
  cooperation) is proposed for each decision of such a meeting;
* the company a theme keeps: a theme that, in the curated decisions, comes with another most of the
  time (smuggling with trafficking, the thematic sessions with the GCM process) is proposed with it.

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
from .theme_rules import RULES, Rule, rule_confidence, rule_hits

_STEM = snowballstemmer.stemmer("spanish")
_WORD = re.compile(r"(?:(?:extra|intra|inter|bi|multi|pre|post|sub)-)?[A-Za-zÁÉÍÓÚÑáéíóúñü]{2,}", re.I)
_PREFIXED = re.compile(r"^(extra|intra|inter|bi|multi|pre|post|sub)r(?!r)")  # "extra-regional" is "extrarregional"
GAP = 2  # content words a label's words may have between them ("migración irregular y extrarregional")
_STOP_WORDS = (
    "las los del con por para una unos unas que como sus este esta estos estas ese esa ambos ambas dicho "
    "dicha entre sobre ser son sea sean han haber cada otro otra otros otras muy mas más también así mismo "
    "marco relación caso cual cuales donde cuando hacia desde hasta según lograr tener hacer de la el en y a "
    "al lo le se su o e u un"
)
_STOP = set(_STOP_WORDS.split(" "))
_QUOTED = re.compile(r"[\"“«]([^\"”»]{2,80})[\"”»]")
THRESHOLD = 0.6
MIN_SUPPORT = 4
STEM_THRESHOLD = 0.7
COMPANY_THRESHOLD = 0.75
CIVIL_SOCIETY = "theme/regional/civil-society-participation"  # the theme of the civil-society networks named
_NAMED = ("label", "quoted", "agent", "numbered", "rule")  # evidence the text itself gives


def stem_word(word: str) -> str:
    """The Spanish stem of one word, accents and case folded ("extra-regional" as "extrarregional")."""
    return str(_STEM.stemWord(_PREFIXED.sub(r"\1rr", fold(word.lower()).replace("-", ""))))


def stems(text: str) -> list[tuple[str, str]]:
    """(stem, word) of each content word."""
    return [(stem_word(w), w) for w in _WORD.findall(text) if w.lower() not in _STOP]


@functools.lru_cache(maxsize=4096)
def stem_set(text: str) -> frozenset[str]:
    """The stems of ``text``, once per text."""
    return frozenset(s for s, _ in stems(text))


def common_stems(text: str) -> set[str]:
    """The stems of the words that are not names: lower-case words, and the first word."""
    seq = stems(text)
    return {s for i, (s, w) in enumerate(seq) if w.islower() or (i == 0 and not w.isupper())}


_NUMBERS = {"uno": 1, "una": 1, "primera": 1, "dos": 2, "segunda": 2, "tres": 3, "tercera": 3, "cuatro": 4,
            "cuarta": 4, "cinco": 5, "quinta": 5, "seis": 6, "sexta": 6, "siete": 7, "ocho": 8, "nueve": 9,
            "diez": 10}  # fmt: skip
_NUM = r"(?:\d{1,2}\b|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)"
_ORD = r"(?:primera|segunda|tercera|cuarta|quinta|sexta)"
_HEADS = {"scheme/gcm-thematic-sessions": r"sesi[oó]n(?:es)?\s+tem[aá]ticas?", "scheme/gcm-objectives": r"objetivos?"}


def _numbered_pattern(head: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:\blas\s+(?P<count>{_NUM})\s+|\b(?P<ord>{_ORD}(?:\s+y\s+{_ORD})?)\s+)?\b{head}\b"
        rf"(?P<list>(?:\s+n[uú]mero)?\s+{_NUM}(?:\s*(?:,|y)\s*{_NUM})*)?",
        re.I,
    )


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


@dataclass(frozen=True)
class ThemeProposal:
    theme: str
    confidence: float
    words: tuple[str, ...]
    method: str  # "label", "quoted", "agent", "stem", "numbered", "rule", "meeting" or "company"
    via: str = ""  # the theme a "company" proposal comes with
    reason: str = ""  # what a "rule" rests on


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


def _find(just: list[str], key: tuple[str, ...]) -> list[int] | None:
    """Where the stems of ``key`` are in ``just``, in order, at most GAP words apart (the first place)."""
    for start in (i for i, s in enumerate(just) if s == key[0]):
        at = [start]
        for stem in key[1:]:
            nxt = next((j for j in range(at[-1] + 1, min(len(just), at[-1] + 2 + GAP)) if just[j] == stem), None)
            if nxt is None:
                break
            at.append(nxt)
        else:
            return at
    return None


def _company(decisions: list[CuratedDecision]) -> dict[str, dict[str, float]]:
    """For each theme, the themes that come with it in most curated decisions that have it (seen often
    enough), with the share: (together + 0.1) / (with the first + 1)."""
    alone: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    for d in decisions:
        alone.update(list(d.themes))
        together.update((a, b) for a in d.themes for b in d.themes if a != b)
    company: dict[str, dict[str, float]] = {}
    for (a, b), k in together.items():
        share = round((k + 0.1) / (alone[a] + 1), 2)
        if alone[a] >= MIN_SUPPORT and share >= COMPANY_THRESHOLD:
            company.setdefault(a, {})[b] = share
    return company


def _phrase_key(text: str) -> tuple[str, ...]:
    return tuple(s for s, _ in stems(text))


class ThemeModel:
    """Trigger phrases and stems with their confidence per theme, and meeting priors."""

    def __init__(
        self,
        labels: dict[str, set[str]],
        decisions: list[CuratedDecision],
        numbered: dict[str, dict[int, str]] | None = None,
        broader: dict[str, set[str]] | None = None,
        agents: dict[str, set[str]] | None = None,
        rules: tuple[Rule, ...] = RULES,
    ) -> None:
        self.broader = broader or {}
        seen = [(d, [s for s, _ in stems(d.text)]) for d in decisions if d.themes]
        judged = [d for d, _ in seen]
        confidences = {r: rule_confidence(r, judged, self._carries) for r in rules if r.theme in labels}
        self.rules = {r: c for r, c in confidences.items() if c >= THRESHOLD}
        self.numbered = [(_numbered_pattern(_HEADS[k]), v) for k, v in (numbered or {}).items() if k in _HEADS]
        self.company = _company([d for d, _ in seen])
        self.phrases: dict[tuple[str, ...], dict[str, tuple[float, str]]] = {}
        self._learn_phrases(labels, agents or {}, decisions, seen)
        frequent = Counter(t for d, _ in seen for t in d.themes)
        self.context_themes = {t for t, k in frequent.items() if k > 0.3 * len(seen)}
        self.stems = _stem_triggers([(d, common_stems(d.text)) for d, _ in seen], self.context_themes)
        joint = [d for d, _ in seen if d.conferences > 1]
        counts = Counter(t for d in joint for t in d.themes)
        self.joint_priors = {t: round(k / len(joint), 2) for t, k in counts.items() if k >= 0.75 * len(joint)}

    def _learn_phrases(
        self,
        labels: dict[str, set[str]],
        agents: dict[str, set[str]],
        decisions: list[CuratedDecision],
        seen: list[tuple[CuratedDecision, list[str]]],
    ) -> None:
        """The phrases that name a theme: the schemes' labels, the agents' names, the curators' quotes."""
        named = [(name, theme, "label") for theme, names in labels.items() for name in names if len(name) >= 4]
        named += [(name, theme, "agent") for theme, names in agents.items() for name in names]
        for name, theme, method in {(_phrase_key(n), t, m): None for n, t, m in named}:
            if name:
                prior = 0.8 if method == "agent" else 0.9 if len(name) > 1 else 0.7
                self._learn_phrase(name, theme, seen, method, prior)
        quoted = [(q, t) for d in decisions for t, r in d.reasons if d.themes.get(t) == "kind/basis/named-in-text"
                  for q in _QUOTED.findall(r)]  # fmt: skip
        for key, theme in {(_phrase_key(q), t): None for q, t in quoted}:
            if 0 < len(key) <= 6:
                self._learn_phrase(key, theme, seen, "quoted", None)

    def _learn_phrase(
        self,
        key: tuple[str, ...],
        theme: str,
        seen: list[tuple[CuratedDecision, list[str]]],
        method: str,
        prior: float | None,
    ) -> None:
        """Keep a phrase as a trigger of a theme, with its precision on the curated decisions that have
        it (or ``prior`` when fewer than two do)."""
        having = [d for d, words in seen if _find(words, key) is not None]
        if len(having) >= 2 or prior is None:
            if not having:
                return
            confidence = round((sum(self._carries(d, theme) for d in having) + 0.1) / (len(having) + 1), 2)
        else:
            confidence = prior
        if confidence >= THRESHOLD and confidence > self.phrases.setdefault(key, {}).get(theme, (0.0, ""))[0]:
            self.phrases[key][theme] = (confidence, method)

    def _carries(self, d: CuratedDecision, theme: str) -> bool:
        """Whether a curated decision has ``theme`` or a narrower one (curators tag the narrowest)."""
        return any(t == theme or theme in self.broader.get(t, ()) for t in d.themes)

    def _phrase_hits(self, seq: list[tuple[str, str]]) -> list[tuple[str, float, tuple[str, ...], str]]:
        just = [s for s, _ in seq]
        hits = []
        for key, themes in self.phrases.items():
            at = _find(just, key)
            if at is not None:
                words = tuple(seq[i][1] for i in at)
                hits += [(theme, confidence, words, method) for theme, (confidence, method) in themes.items()]
        return hits

    def _numbered_hits(self, text: str) -> list[tuple[str, float, tuple[str, ...], str]]:
        hits: list[tuple[str, float, tuple[str, ...], str]] = []
        for pattern, themes in self.numbered:
            for m in pattern.finditer(text):
                if m.group("count") and _number(m.group("count")) == len(themes):
                    numbers = set(themes)  # "las seis sesiones temáticas": all of them
                elif m.group("ord") or m.group("list"):
                    said = m.group("ord") or m.group("list")
                    numbers = {_number(w) for w in re.findall(rf"{_ORD}|{_NUM}", said, re.I)}
                else:
                    continue
                hits += [(themes[n], 0.9, (m.group(0),), "numbered") for n in sorted(numbers) if n in themes]
        return hits

    def _narrowest(self, best: dict[str, ThemeProposal]) -> None:
        """Drop a broader theme where a narrower one is proposed, as curators tag the narrowest."""
        for narrow in [t for t in best if any(b in best for b in self.broader.get(t, ()))]:
            for broad in self.broader[narrow]:
                best.pop(broad, None)

    def _with_company(self, best: dict[str, ThemeProposal]) -> None:
        """Add the themes that come with one the text names (not the meeting-wide ones)."""
        for found in [t for t in best.values() if t.method in _NAMED]:
            for theme, share in self.company.get(found.theme, {}).items():
                confidence = min(share, found.confidence)
                if theme not in self.context_themes and (theme not in best or confidence > best[theme].confidence):
                    best[theme] = ThemeProposal(theme, confidence, (), "company", found.theme)

    def propose(self, text: str, conferences: int = 1) -> list[ThemeProposal]:
        """The themes whose best evidence in ``text`` (and its meeting) reaches the threshold."""
        seq = stems(text)
        hits = self._phrase_hits(seq) + self._numbered_hits(text)
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
        for rule, confidence, fired in rule_hits(self.rules, text):
            if rule.theme not in best or confidence > best[rule.theme].confidence:
                best[rule.theme] = ThemeProposal(rule.theme, confidence, (fired,), "rule", reason=rule.reason)
        self._narrowest(best)
        self._with_company(best)
        return sorted(best.values(), key=lambda t: -t.confidence)
