"""The one backend protocol: the in-process LocalBackend answers as the pooled embedded store does,
and a release runs on its own (no built release: the store does not start)."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from acuerdos.project import Release
from acuerdos.settings import Settings
from acuerdos.store import Backend, LocalBackend, ResultGraph, StoreError, open_backend
from acuerdos.store.embedded import EmbeddedEngine
from acuerdos.store.errors import QueryRefused, QueryTimeout, UpstreamError, WrongQueryForm

BASE = "https://w3id.org/acuerdos/"
CRM = URIRef(BASE + "conference/crm")
LABELS = f"SELECT ?label WHERE {{ <{CRM}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }} ORDER BY ?label"
COUNT_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
DESCRIBE = f"CONSTRUCT {{ <{CRM}> ?p ?o }} WHERE {{ <{CRM}> ?p ?o }}"


def test_no_built_release_does_not_start(tmp_path):
    with pytest.raises(StoreError) as caught:
        open_backend(Settings(dist=tmp_path), Release(tmp_path), "none")
    assert str(caught.value) == f"no built release in {tmp_path}: run `acuerdos build` (or give --dist DIR)"


@pytest.fixture(scope="module")
def local(built_dist) -> LocalBackend:
    return LocalBackend(EmbeddedEngine.from_dump(str(Release(built_dist).nquads)).store, version="local", limit=50)


@pytest.fixture(scope="module")
def pooled(built_dist):
    version = json.loads(Release(built_dist).manifest.read_text(encoding="utf-8"))["version"]
    backend = open_backend(
        Settings(dist=built_dist, workers=1, result_limit=50, query_timeout=120), Release(built_dist), version
    )
    yield backend
    backend.close()


def test_local_backend_reads_rdflib_terms(local):
    rows = local.select(LABELS)
    assert rows.variables == ["label"] and not rows.truncated
    assert {row["label"] for row in rows} == {
        Literal("Conferencia Regional sobre Migración", lang="es"),
        Literal("Regional Conference on Migration", lang="en"),
    }
    capped = local.select("SELECT * WHERE { ?s ?p ?o }", limit=7)
    assert len(capped) == 7 and capped.truncated
    graph = local.construct(DESCRIBE)
    assert isinstance(graph, ResultGraph) and not graph.truncated and (CRM, None, None) in graph
    assert local.ask(f"ASK {{ <{CRM}> ?p ?o }}") is True


def test_local_backend_keeps_the_rules(local):
    with pytest.raises(QueryRefused):
        local.select("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(WrongQueryForm):
        local.ask(LABELS)


DECISIONS = (
    "SELECT ?d WHERE { ?d a ?k . ?k <http://www.w3.org/2000/01/rdf-schema#subClassOf>* "
    "<https://w3id.org/acuerdos/ontology#Decision> }"
)


@pytest.mark.service
@pytest.mark.parametrize("which", ["local", "pooled"])
def test_a_whole_read_passes_the_row_and_byte_limits(which, request, built_dist):
    """The site's own reads of a collection get every row (every decision, past a limit of 50),
    counted apart in rdflib; a user's query is still cut, and says so."""
    backend = request.getfixturevalue(which)
    graph = Graph().parse(built_dist / "acuerdos.nt", format="nt")
    expected = {str(row[0]) for row in graph.query(DECISIONS)}
    assert len(expected) > backend.limit
    cut, whole = backend.select(DECISIONS), backend.select(DECISIONS, whole=True)
    assert cut.truncated and len(cut) == backend.limit
    assert not whole.truncated and {str(r["d"]) for r in whole} == expected
    backend.max_bytes, kept = 200, backend.max_bytes  # an answer of a few rows' worth of bytes
    try:
        assert len(backend.select(DECISIONS, limit=1000)) < 10
        assert {str(r["d"]) for r in backend.select(DECISIONS, whole=True)} == expected
    finally:
        backend.max_bytes = kept


@pytest.mark.service
def test_pooled_backend_answers_as_the_local_one(local, pooled):
    assert (
        isinstance(pooled, Backend) and pooled.kind == "embedded" and len(pooled.version) == 16
    )  # the build id it was given
    assert pooled.health()["store"] == "embedded"
    # blank nodes are named afresh by each load: compare IRIs and literals
    iris = "SELECT * WHERE { ?s ?p ?o FILTER(isIRI(?s) && !isBlank(?o)) } ORDER BY ?s ?p ?o"
    for query in (LABELS, COUNT_GRAPHS, iris):
        a, b = local.select(query), pooled.select(query)
        assert (list(a), a.variables, a.truncated) == (list(b), b.variables, b.truncated)
    assert isomorphic(local.construct(DESCRIBE), pooled.construct(DESCRIBE))
    assert local.ask(f"ASK {{ <{CRM}> ?p ?o }}") == pooled.ask(f"ASK {{ <{CRM}> ?p ?o }}") is True
    for fmt in ("json", "xml", "csv", "tsv"):
        assert local.run(LABELS, fmt).body == pooled.run(LABELS, fmt).body
    assert local.run(DESCRIBE, "ntriples").count == pooled.run(DESCRIBE, "ntriples").count


@pytest.mark.service
def test_a_whole_read_of_a_remote_server_passes_the_engines_own_cap(built_dist, oxigraph_url):
    """A remote server's answer is read only up to the engine's cap, but for the site's own reads."""
    from acuerdos.store.engine import run_task
    from acuerdos.store.remote import RemoteEngine

    expected = {str(row[0]) for row in Graph().parse(built_dist / "acuerdos.nt", format="nt").query(DECISIONS)}
    engine = RemoteEngine(oxigraph_url, timeout=30, max_bytes=2000)  # a few rows' worth
    task = {"op": "select", "query": DECISIONS, "has_from": False, "limit": 10**6}
    with pytest.raises(UpstreamError, match="larger than this service reads"):
        run_task(engine, task | {"max_bytes": None})
    whole = run_task(engine, task | {"max_bytes": None, "whole": True})
    assert {row[0][1] for row in whole["rows"]} == expected and not whole["truncated"]


def test_a_whole_read_is_not_stopped_by_the_time_limit_of_users_queries(built_dist):
    """The site's own reads (the sitemap at a million triples takes seconds) get WHOLE_TIME_LIMIT;
    the same query asked as a user's is stopped at the settings' limit. The query counts every
    statement of every graph 400 times over (0.7 s at 13k triples on the development machine)."""
    statements = len(Release(built_dist).nquads.read_text(encoding="utf-8").splitlines())
    times = 400
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . VALUES ?x {{ {' '.join(map(str, range(times)))} }} }}"
    backend = open_backend(Settings(dist=built_dist, workers=1, query_timeout=0.05), Release(built_dist), "v")
    try:
        with pytest.raises(QueryTimeout):
            backend.select(query)
        (row,) = backend.select(query, whole=True)
        assert int(row["n"]) == times * statements
    finally:
        backend.close()
