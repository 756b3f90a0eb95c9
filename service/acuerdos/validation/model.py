"""What validation reports: one ``Result`` per problem, the ``ValidationOutcome`` and its report.

Plain strings only, so that the report, the tests and the reference engine in the tests compare
results without knowing which engine produced them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..namespaces import CURIES, Base

SEVERITIES = ("Violation", "Warning", "Info")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}
_TYPED = re.compile(r'(".*")\^\^<(.+)>', re.S)
_UNKNOWN_FILE = "(file unknown)"


@dataclass(frozen=True)
class Result:
    """One validation result, in plain strings.

    ``focus``, ``value`` are N-Triples terms (``<iri>``, ``_:id``, ``"lexical"@es``); ``path`` is a
    SHACL path written with prefixes (``acu:adoptedAt/schema:startDate``, ``^acu:records``);
    ``shape`` is the IRI of the shape that produced the result (sh:sourceShape); ``severity`` is
    ``Violation``, ``Warning`` or ``Info``; ``message`` is the English message, ``messages`` all of
    them by language tag; ``component`` the constraint component (``MinCount``, ``SPARQL``…).
    """

    focus: str
    shape: str
    severity: str
    message: str
    path: str | None = None
    value: str | None = None
    component: str = ""
    messages: tuple[tuple[str, str], ...] = ()

    def message_in(self, lang: str) -> str:
        return dict(self.messages).get(lang, self.message)


class Shortener:
    """IRIs written short for a curator: with a prefix, or as a path under the base."""

    def __init__(self, base: Base) -> None:
        self.base = base

    def iri(self, iri: str) -> str:
        short = CURIES.shorten(iri)
        if short != iri:
            return short
        local = self.base.local(iri)
        return f"<{local}>" if local is not None else f"<{iri}>"

    def term(self, text: str) -> str:
        """An N-Triples term, shortened."""
        if text.startswith("<") and text.endswith(">"):
            return self.iri(text[1:-1])
        typed = _TYPED.fullmatch(text)
        if typed:
            return f"{typed.group(1)}^^{self.iri(typed.group(2))}"
        return text


@dataclass
class ValidationOutcome:
    """What validation found; ``conforms`` ignores warnings and infos (they never fail validation)."""

    results: list[Result]
    base: Base = field(default_factory=Base)
    triples: int = 0
    seconds: float = 0.0
    engine: str = "pyshacl-turbo"
    files: dict[str, str] = field(default_factory=dict)  # focus → file it comes from
    labels: dict[str, str] = field(default_factory=dict)  # focus → readable name

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)

    @property
    def exit_code(self) -> int:
        return 0 if self.conforms else 1

    def counts(self) -> dict[str, int]:
        found = Counter(r.severity for r in self.results)
        return {s: found.get(s, 0) for s in SEVERITIES}

    def by_focus(self) -> dict[str, list[Result]]:
        grouped: dict[str, list[Result]] = defaultdict(list)
        for r in self.results:
            grouped[r.focus].append(r)
        return dict(grouped)

    def _summary(self) -> str:
        counts = self.counts()
        return ", ".join(
            f"{n} {name}{'' if n == 1 else 's'}"
            for name, n in (
                ("violation", counts["Violation"]),
                ("warning", counts["Warning"]),
                ("info", counts["Info"]),
            )
        )

    def report(self, lang: str = "en") -> str:
        """A curator's report: a summary line, then each file, worst first, with its focus nodes."""
        words = self._summary()
        verdict = "conforms" if self.conforms else "does NOT conform"
        head = f"The data {verdict}: {words} ({self.triples} triples checked, {self.engine}, {self.seconds:.2f} s)."
        if not self.results:
            return head
        lines = [head]
        short = Shortener(self.base)
        current_file = None
        for focus, results in self._ordered_groups():
            where = self.files.get(focus, _UNKNOWN_FILE)
            if where != current_file:
                lines += ["", f"== {where}"]
                current_file = where
            title = self.labels.get(focus)
            name = short.term(focus)
            lines.append(f"  {name}" + (f"  \u201c{title}\u201d" if title and title != name else ""))
            for r in sorted(results, key=lambda r: (_RANK[r.severity], r.path or "", r.shape)):
                lines += _result_lines(r, focus, lang, short)
        lines += ["", f"Summary: {words}."]
        return "\n".join(lines)

    def _ordered_groups(self) -> list[tuple[str, list[Result]]]:
        """Focus nodes grouped by file: the file with the worst result first, then by name."""
        groups = self.by_focus()
        worst_in_file: dict[str, int] = {}
        for focus, results in groups.items():
            where = self.files.get(focus, _UNKNOWN_FILE)
            worst = min(_RANK[r.severity] for r in results)
            worst_in_file[where] = min(worst, worst_in_file.get(where, worst))

        def order(item: tuple[str, list[Result]]) -> tuple[int, str, int, str]:
            focus, results = item
            where = self.files.get(focus, _UNKNOWN_FILE)
            return (worst_in_file[where], where, min(_RANK[r.severity] for r in results), focus)

        return sorted(groups.items(), key=order)


def _result_lines(r: Result, focus: str, lang: str, short: Shortener) -> list[str]:
    tag = r.severity.upper() if r.severity == "Violation" else r.severity.lower()
    where_in = f"{r.path}: " if r.path else ""
    detail = []
    if r.value is not None and r.value != focus:
        detail.append(f"value {short.term(r.value)}")
    detail.append(f"shape {short.term('<' + r.shape + '>')}")
    return [f"    {tag}: {where_in}{r.message_in(lang)}", f"      ({'; '.join(detail)})"]
