"""Counts that tell a curator what the graph holds: meetings, decisions per kind, participants, themes."""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph

from .graph import PREFIXES

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


def compute(graph: Graph) -> Stats:
    """Run the counting queries over the union graph."""
    stats = Stats(triples=len(graph))

    def run(name: str):  # noqa: ANN202 - rdflib result rows
        return graph.query(_PROLOGUE + _QUERIES[name])

    for recorded, n in run("meetings"):
        if recorded.toPython():
            stats.meetings_recorded = int(n)
        else:
            stats.meetings_mentioned = int(n)
    stats.decisions = {_local(kind): int(n) for kind, n in run("decisions")}
    stats.participants = int(next(iter(run("participants")))[0])
    stats.themes = {_local(scheme): int(n) for scheme, n in run("themes")}
    stats.followups = int(next(iter(run("followups")))[0])
    return stats
