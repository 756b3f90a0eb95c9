"""Every named query returns rows with its example (SIB's practice) and with its defaults, runs
as it is when pasted into an endpoint, and labels its rows in the language asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from acuerdos.namespaces import Base
from acuerdos.project import Project
from acuerdos.queries import load_query_file
from acuerdos.rdf.rows import Rows

NAMES = sorted(p.stem for p in Project(Path(__file__).resolve().parents[2]).queries.glob("*.rq"))


@pytest.mark.parametrize("name", NAMES)
def test_example_returns_rows(name: str, q_registry, q_backend) -> None:
    query = q_registry.get(name)
    rows = query.run(q_backend, query.example)
    assert rows, f"{name}: its example {query.example} returns no rows"
    assert isinstance(rows, Rows) and rows.variables == query.variables
    first = query.variables[0]
    assert all(first in row for row in rows), f"{name}: some rows lack ?{first}"
    iris = [t for row in rows for t in row.values() if isinstance(t, URIRef)]
    assert iris, f"{name}: rows carry no IRI a user can open"


@pytest.mark.parametrize("name", NAMES)
def test_defaults_return_rows_and_equal_the_pasted_body(name: str, q_registry, q_backend) -> None:
    query = q_registry.get(name)
    bound = query.run(q_backend, {})
    assert bound, f"{name}: returns no rows with its defaults"
    pasted = q_backend.select(query.body)  # the file as it is, without the registry
    assert _canon(pasted) == _canon(bound), f"{name}: the body run as it is differs from the bound defaults"


@pytest.mark.parametrize("name", NAMES)
def test_labels_follow_the_language_asked_for(name: str, q_registry, q_backend) -> None:
    query = q_registry.get(name)
    for lang in ("en", "es"):
        rows = query.run(q_backend, query.example, lang=lang)
        tags = {
            t.language
            for row in rows
            for k, t in row.items()
            if isinstance(t, Literal) and t.language and (k.endswith("label") or k in ("category", "detail", "group"))
        }
        assert tags <= {lang}, (
            f"{name}: labels in {tags - {lang}} when {lang} was asked for (fallback only for missing labels)"
        )
    english = query.run(q_backend, query.example, lang="en")
    spanish = query.run(q_backend, query.example, lang="es")
    assert len(english) == len(spanish), f"{name}: the language changes the number of rows"
    if any(k.endswith("_label") or k == "label" for k in query.variables):
        assert _canon(english) != _canon(spanish), f"{name}: the same rows in Spanish and English"


@pytest.mark.parametrize(
    "name",
    [
        "decisions-by-theme",
        "decision-card",
        "search-decisions",
        "follow-up-of-decision",
        "conference-structure",
        "meeting-follow-up-status",
    ],
)
def test_rdflib_and_oxigraph_agree(name: str, q_registry, q_backend, rdflib_backend) -> None:
    query = q_registry.get(name)
    on_oxigraph = query.run(q_backend, query.example, lang="es")
    on_rdflib = query.run(rdflib_backend, query.example, lang="es")
    assert _canon(on_rdflib) == _canon(on_oxigraph)


def test_a_declared_class_is_asked_of_the_graph_before_the_select(q_registry, recording) -> None:
    rows = q_registry.get("decisions-by-theme").run(recording, {"theme": "theme/gcm-objective/10"})
    assert rows
    assert [op for op, _ in recording.seen] == ["ask", "select"]
    assert "<https://w3id.org/acuerdos/theme/gcm-objective/10>" in recording.seen[0][1]


def test_a_query_file_runs_without_header(tmp_path, q_backend) -> None:
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    query = load_query_file(path, Base())
    assert query.params == {} and query.title == "count"
    assert int(query.run(q_backend)[0]["n"]) > 10000


def _canon(rows) -> list[tuple]:
    """Rows compared as sets of (variable, value) with GROUP_CONCAT lists sorted (their order is free)."""
    out = []
    for row in rows:
        items = []
        for key, term in row.items():
            text = str(term)
            if "; " in text or (" " in text and text.startswith(("http", "document/"))):
                text = "|".join(sorted(text.replace("; ", "|").split("|" if "; " in text else " ")))
            items.append((key, text))
        out.append(tuple(sorted(items)))
    return sorted(out)
