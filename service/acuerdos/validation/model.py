"""What validation reports: one ``Result`` per problem, the ``ValidationOutcome`` and its report."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..config import CANONICAL_BASE
from ..errors import UserError
from .terms import SEVERITIES, Shortener


class UnsupportedShape(UserError):
    """A shape uses a SHACL feature the compiled engine does not implement."""


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

    @property
    def source_shape(self) -> str:
        return self.shape

    def message_in(self, lang: str) -> str:
        return dict(self.messages).get(lang, self.message)


@dataclass
class ValidationOutcome:
    """What validation found; ``conforms`` ignores warnings and infos."""

    results: list[Result]
    triples: int = 0
    seconds: float = 0.0
    engine: str = "compiled"
    files: dict[str, str] = field(default_factory=dict)  # focus → file it comes from
    labels: dict[str, str] = field(default_factory=dict)  # focus → readable name
    base: str = CANONICAL_BASE

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

    def shapes_violated(self) -> set[str]:
        return {r.shape for r in self.results}

    def report(self, lang: str = "en") -> str:
        """A curator's report: a summary line, then each focus node with its results."""
        counts = self.counts()
        words = ", ".join(
            f"{n} {name}{'' if n == 1 else 's'}"
            for name, n in (("violation", counts["Violation"]), ("warning", counts["Warning"]), ("info", counts["Info"]))
        )
        verdict = "conforms" if self.conforms else "does NOT conform"
        lines = [f"The data {verdict}: {words} ({self.triples} triples checked, {self.engine} engine, {self.seconds:.2f} s)."]
        if not self.results:
            return lines[0]
        rank = {s: i for i, s in enumerate(SEVERITIES)}
        groups = self.by_focus()
        worst_in_file: dict[str, int] = {}
        for focus, results in groups.items():
            where = self.files.get(focus, "(file unknown)")
            worst = min(rank[r.severity] for r in results)
            worst_in_file[where] = min(worst, worst_in_file.get(where, worst))

        def order(item: tuple[str, list[Result]]) -> tuple:
            focus, results = item
            where = self.files.get(focus, "(file unknown)")
            return (worst_in_file[where], where, min(rank[r.severity] for r in results), focus)

        short = Shortener(self.base)
        current_file = None
        for focus, results in sorted(groups.items(), key=order):
            where = self.files.get(focus, "(file unknown)")
            if where != current_file:
                lines.append("")
                lines.append(f"== {where}")
                current_file = where
            title = self.labels.get(focus)
            name = short.term(focus)
            lines.append(f"  {name}" + (f"  \u201c{title}\u201d" if title and title != name else ""))
            for r in sorted(results, key=lambda r: (rank[r.severity], r.path or "", r.shape)):
                tag = r.severity.upper() if r.severity == "Violation" else r.severity.lower()
                where_in = f"{r.path}: " if r.path else ""
                lines.append(f"    {tag}: {where_in}{r.message_in(lang)}")
                detail = []
                if r.value is not None and r.value != focus:
                    detail.append(f"value {short.term(r.value)}")
                detail.append(f"shape {short.term('<' + r.shape + '>')}")
                lines.append(f"      ({'; '.join(detail)})")
        lines.append("")
        lines.append(f"Summary: {words}.")
        return "\n".join(lines)
