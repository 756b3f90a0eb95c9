"""A page chosen before labels (`page: inner`, queries.paging): the header and the '# page' line are
checked when a query is read, and every page of such a query, in process (web.query_api.run_page,
what the service runs) and through the service over HTTP (the API's limit and offset), is the slice
of its long form's whole answer (tests/queries/long/, the query as it was: labels for every row,
then ORDER BY), for several page sizes and offsets, in both languages."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest
from rdflib.query import Result

from acuerdos.errors import UserError
from acuerdos.queries import load_query_file
from acuerdos.queries.paging import paged
from acuerdos.queries.registry import parse_query
from acuerdos.queries.writers import json_value
from acuerdos.store import LocalBackend
from acuerdos.web.query_api import run_page

from .conftest import BASE, PROJECT
from .test_derived import cases

LONG = Path(__file__).parent / "long"
INNER = sorted(q.stem for q in PROJECT.queries.glob("*.rq") if "\n#+ page: inner\n" in q.read_text(encoding="utf-8"))
SIZES = (1, 2, 3, 7, 100)

HEAD = "#+ title: t\n#+ title_es: t\n#+ description: d\n#+ description_es: d\n#+ example: {}\n"
INNER_SELECT = """SELECT ?s ?label WHERE {
  { SELECT ?s WHERE { ?s a ?c }
    ORDER BY ?s
    # page
  }
  OPTIONAL { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }
}
ORDER BY ?s
"""


def _read(text: str):
    return parse_query(text, name="t", path=Path("t.rq"), base=BASE, label="t.rq", required=True)


def test_the_inner_page_goes_at_the_mark_and_the_default_at_the_end() -> None:
    query = _read(HEAD + "#+ page: inner\n" + INNER_SELECT)
    assert query.page_inner
    text = query.bind({})
    assert "# page" in text  # a comment: the query as written gives the whole answer
    windowed = paged(text, True, 101, 200)
    assert windowed is not None
    assert "ORDER BY ?s\n    LIMIT 101\nOFFSET 200\n  }" in windowed and windowed.rstrip().endswith("ORDER BY ?s")
    plain = _read(HEAD + INNER_SELECT.replace("    # page\n", ""))
    assert not plain.page_inner
    assert (paged(plain.bind({}), False, 11, 0) or "").rstrip().endswith("ORDER BY ?s\nLIMIT 11\nOFFSET 0")
    assert paged("SELECT * WHERE { ?s ?p ?o } LIMIT 5", False, 11, 0) is None  # its own LIMIT: paged by the caller


def test_braces_and_keywords_in_strings_are_not_syntax() -> None:
    """A '}' or 'ORDER BY' in a string of the sub-select neither closes it nor orders it."""
    body = INNER_SELECT.replace("?s a ?c }", '?s a ?c FILTER(STR(?c) != "} ORDER BY ?c {") }')
    assert _read(HEAD + "#+ page: inner\n" + body).page_inner
    unordered = body.replace("    ORDER BY ?s\n", '    # "ORDER BY" in a comment\n', 1)
    with pytest.raises(UserError, match="after its ORDER BY"):
        _read(HEAD + "#+ page: inner\n" + unordered)


@pytest.mark.parametrize(
    ("header", "body", "message"),
    [
        ("#+ page: inner\n", INNER_SELECT.replace("    # page\n", ""), "exactly one '# page' line"),
        ("#+ page: inner\n", INNER_SELECT.replace("    # page\n", "    # page\n    # page\n"), "not 2"),
        ("", INNER_SELECT, "the header does not say 'page: inner'"),
        ("#+ page: middle\n", INNER_SELECT, "'page' must be one of end, inner"),
        ("#+ page: inner\n", INNER_SELECT.replace("    # page\n", "") + "# page\n", "must close a sub-select"),
        (
            "#+ page: inner\n",
            INNER_SELECT.replace("    ORDER BY ?s\n", ""),
            "must close a sub-select, after its ORDER BY",
        ),
        ("#+ page: inner\n", INNER_SELECT.rstrip().rsplit("\n", 1)[0] + "\n", "the outer query needs its own ORDER BY"),
    ],
)
def test_a_wrong_page_mark_is_refused_naming_the_file(header: str, body: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        _read(HEAD + header + body)
    assert message in caught.value.message and (caught.value.where or "").startswith("t.rq:")


def test_each_inner_paged_query_has_its_long_form() -> None:
    assert INNER, "no query pages inside"
    for name in INNER:
        assert (LONG / f"{name}.rq").is_file(), f"{name}: its earlier form is not in tests/queries/long/"


def _windows(total: int) -> list[tuple[int, int]]:
    """(limit, offset) pairs that walk the whole answer for each page size, and one past its end."""
    return [(size, offset) for size in SIZES for offset in range(0, total + 1, size)] + [(2, total + 5)]


@pytest.mark.parametrize("name", INNER)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_in_process_is_the_slice_of_the_whole_answer(
    name: str, lang: str, q_registry, q_backend: LocalBackend
) -> None:
    query, long = q_registry.get(name), load_query_file(LONG / f"{name}.rq", BASE)
    for params in cases(query):
        whole = [dict(r) for r in long.run(q_backend, params, lang=lang)]
        assert whole or params != query.example, f"{name}: the example answers nothing"
        for limit, offset in _windows(len(whole)):
            rows, _variables, more = run_page(query, q_backend, params, lang, limit, offset)
            assert [dict(r) for r in rows] == whole[offset : offset + limit], f"{name} {params} {limit}@{offset}"
            assert more == (len(whole) > offset + limit)


def _whole_over_http(client: httpx.Client, text: str) -> list[dict]:
    """The whole answer of a query text from the service's /sparql, as the query API writes rows in
    JSON (the same store: an aggregate such as GROUP_CONCAT lists its values in the store's order)."""
    answer = client.post("/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.text
    result = Result.parse(io.BytesIO(answer.content), format="json")
    names = [str(v) for v in result.vars or []]
    return [{v: json_value(row[v]) for v in names if row[v] is not None} for row in result]


@pytest.mark.parametrize("name", INNER)
def test_every_page_over_http_is_the_slice_of_the_whole_answer(name: str, service_url: str) -> None:
    query, long = load_query_file(PROJECT.queries / f"{name}.rq", BASE), load_query_file(LONG / f"{name}.rq", BASE)
    with httpx.Client(base_url=service_url, timeout=60) as client:
        for lang in ("en", "es"):
            for params in (query.example, {}):
                whole = _whole_over_http(client, long.bind(params, lang=lang))
                for limit, offset in _windows(len(whole))[:: 2 if len(whole) > 40 else 1]:
                    asked = [(k, v) for k, values in params.items() for v in values]
                    asked += [("lang", lang), ("limit", str(limit)), ("offset", str(offset))]
                    answer = client.get(f"/queries/{name}", params=asked, headers={"Accept": "application/json"})
                    assert answer.status_code == 200, answer.text
                    body = answer.json()
                    assert body["rows"] == whole[offset : offset + limit], f"{name} {lang} {params} {limit}@{offset}"
                    assert (body["next"] is not None) == (len(whole) > offset + limit)
