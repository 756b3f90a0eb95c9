"""Counts that tell a curator what the graph holds: meetings, decisions per kind, participants, themes."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from ..namespaces import PREFIXES

_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

_QUERIES = {
    "meetings": """
        SELECT ?recorded (COUNT(DISTINCT ?m) AS ?n) WHERE {
          ?m a acu:Meeting .
          BIND(EXISTS { ?doc acu:records ?m } AS ?recorded)
        } GROUP BY ?recorded""",
    "decisions": """
        SELECT ?kind (COUNT(DISTINCT ?d) AS ?n) WHERE {
          ?d a ?kind . ?kind rdfs:subClassOf* acu:Decision .
          FILTER NOT EXISTS { ?sub rdfs:subClassOf+ ?kind . ?d a ?sub . FILTER(?sub != ?kind) }
        } GROUP BY ?kind ORDER BY ?kind""",
    "participants": """
        SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?m a acu:Meeting ; acu:participant ?a }""",
    "themes": """
        SELECT ?scheme (COUNT(DISTINCT ?t) AS ?n) WHERE {
          ?x acu:themeAssignment/acu:theme ?t . ?t skos:inScheme ?scheme
        } GROUP BY ?scheme ORDER BY ?scheme""",
    "followups": """
        SELECT (COUNT(?f) AS ?n) WHERE { ?d acu:followUp ?f }""",
    # the union default graph repeats a triple stated in two files: count each once
    "triples": """
        SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }""",
}


@dataclass
class Stats:
    triples: int = 0
    meetings_recorded: int = 0
    meetings_mentioned: int = 0
    decisions: dict[str, int] = field(default_factory=dict)
    participants: int = 0
    themes: dict[str, int] = field(default_factory=dict)
    followups: int = 0

    def lines(self) -> list[str]:
        out = [
            f"triples              {self.triples}",
            f"meetings recorded    {self.meetings_recorded}",
            f"meetings mentioned   {self.meetings_mentioned}",
            f"participants         {self.participants} distinct agents",
            "decisions            " + (", ".join(f"{k} {v}" for k, v in self.decisions.items()) or "none"),
            "themes used          " + (", ".join(f"{k} {v}" for k, v in self.themes.items()) or "none"),
            f"follow-up links      {self.followups}",
        ]
        return out


def _local(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def compute(store: ox.Store) -> Stats:
    """Run the counting queries over the union of the named graphs."""

    def run(name: str) -> list[list[str]]:
        solutions = store.query(_PROLOGUE + _QUERIES[name], use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)  # every counting query is a SELECT
        return [["" if term is None else term.value for term in row] for row in solutions]

    stats = Stats(triples=int(run("triples")[0][0]))
    for recorded, n in run("meetings"):
        if recorded == "true":
            stats.meetings_recorded = int(n)
        else:
            stats.meetings_mentioned = int(n)
    stats.decisions = {_local(kind): int(n) for kind, n in run("decisions")}
    stats.participants = int(run("participants")[0][0])
    stats.themes = {_local(scheme): int(n) for scheme, n in run("themes")}
    stats.followups = int(run("followups")[0][0])
    return stats
