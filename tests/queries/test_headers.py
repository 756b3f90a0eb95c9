"""Every named query has a complete header (titles, descriptions, typed parameters, an example),
a body that is valid SPARQL binding each parameter once, and the registry reports a bad header with
the file and line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from rdflib.plugins.sparql.parser import parseQuery

from acuerdos.errors import UserError
from acuerdos.namespaces import CANONICAL_BASE, Base
from acuerdos.project import Project
from acuerdos.queries import PARAM_TYPES, load_registry

BASE = Base(CANONICAL_BASE)
QUERIES = Project(Path(__file__).resolve().parents[2]).queries
FILES = sorted(QUERIES.glob("*.rq"))
NAMES = [p.stem for p in FILES]


def test_there_are_queries() -> None:
    assert len(FILES) >= 15, "one query per question (13 questions, some with two queries) and the option lists"


@pytest.mark.parametrize("name", NAMES)
def test_header_is_complete(name: str, q_registry) -> None:
    query = q_registry.get(name)  # loading refuses a missing title, description or example
    for text in (query.title, query.title_es, query.description, query.description_es):
        assert text.strip(), f"{name}: empty title or description"
    assert query.title != query.title_es, f"{name}: title_es is not a translation"
    assert query.description != query.description_es, f"{name}: description_es is not a translation"
    assert query.tags, f"{name}: no tags"
    for param in query.params.values():
        assert param.type in PARAM_TYPES, f"{name}: {param.name} has no valid type"
        assert param.description and param.description_es, f"{name}: {param.name} has no description in both languages"
        if param.type == "iri":
            assert param.classes, f"{name}: IRI parameter {param.name} declares no class"
        if param.required:
            assert param.default, f"{name}: required {param.name} has no default, so the body cannot run as it is"
    assert set(query.example) <= set(query.params) | {"lang"}


@pytest.mark.parametrize("name", NAMES)
def test_body_binds_each_parameter_and_the_language(name: str, q_registry) -> None:
    query = q_registry.get(name)
    assert query.variables, f"{name}: projects no variables"
    assert query.body.lstrip().upper().startswith("PREFIX"), f"{name}: the body must declare its prefixes"
    default = query.bind({})
    assert query.bind({}, lang="es") != query.bind({}, lang="en"), (
        f"{name}: no VALUES ?lang block: labels cannot follow the language asked for"
    )
    for param in query.params.values():
        for value in set(param.example) - set(param.default):
            bound = query.bind({param.name: value})
            assert bound != default, f"{name}: {param.name}={value} does not change the query"
            parseQuery(bound)  # a second parser (rdflib's) reads the bound text as one query


def test_options_name_existing_queries_that_give_value_and_label(q_registry) -> None:
    for query in q_registry:
        for param in query.params.values():
            if param.options and not param.options_inline:
                source = q_registry.get(param.options)
                assert {"value", "label"} <= set(source.variables), (
                    f"{query.name}.{param.name}: {param.options} lacks ?value/?label"
                )


def test_options_return_choices(q_registry, q_backend) -> None:
    for query in q_registry:
        for name, param in query.params.items():
            if param.options:
                for lang in ("en", "es"):
                    choices = q_registry.options(query, name, q_backend, lang)
                    assert choices, f"{query.name}.{name}: no choices in {lang}"
                    if param.example and param.type == "iri":
                        values = {v for v, _ in choices}
                        assert any(e in values for e in param.example) or param.options == "decisions", (
                            f"{query.name}.{name}: the example value is not among the choices"
                        )


def test_readme_lists_every_query() -> None:
    readme = (QUERIES / "README.md").read_text(encoding="utf-8")
    missing = [name for name in NAMES if f"`{name}`" not in readme]
    assert not missing, f"queries/README.md does not list {missing}"


GOOD = """\
#+ title: A question
#+ title_es: Una pregunta
#+ description: What it answers.
#+ description_es: Lo que responde.
#+ tags: [test]
#+ params:
#+   year:
#+     type: integer
#+     default: 2017
#+     description: a year
#+     description_es: un año
#+ example:
#+   year: 2017
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
SELECT ?x WHERE {
  VALUES ?year { 2017 }
  VALUES ?lang { "en" }
  BIND(?year AS ?x)
}
"""


def _write(tmp_path: Path, text: str, name: str = "a-question.rq") -> Path:
    folder = tmp_path / "queries"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_good_header_loads(tmp_path: Path) -> None:
    registry = load_registry(_write(tmp_path, GOOD), BASE)
    query = registry.get("a-question")
    assert query.params["year"].type == "integer"
    assert "VALUES ?year { 1999 }" in query.bind({"year": ["1999"]}).replace(
        '"1999"^^<http://www.w3.org/2001/XMLSchema#integer>', "1999"
    )


@pytest.mark.parametrize(
    "change, message, line",
    [
        (lambda t: t.replace("#+ title: A question\n", ""), "title", 1),
        (lambda t: t.replace("#+ description_es: Lo que responde.\n", ""), "description_es", 1),
        (lambda t: t.replace("#+ example:\n#+   year: 2017\n", ""), "example", 1),
        (lambda t: t.replace("#+     type: integer\n", ""), "type", 7),
        (lambda t: t.replace("type: integer", "type: number"), "type", 7),
        (lambda t: t.replace("#+   year: 2017\n", "#+   month: 5\n"), "month", 13),
        (lambda t: t.replace("#+ tags: [test]", "#+ tags: [test"), "YAML", 6),
        (lambda t: t.replace("#+     default: 2017", "#+     default: soon"), "integer", 7),
        (lambda t: t.replace("  VALUES ?year { 2017 }\n", ""), "VALUES ?year", 14),
        (lambda t: t.replace("BIND(?year AS ?x)", "BIND(?year AS ?x"), "SPARQL", 19),
        (lambda t: t.replace("#+ tags: [test]", "#+ tags: [test]\n#+ colour: blue"), "colour", 6),
        (lambda t: t.replace("#+   year:", "#+   lang:"), "lang", 7),
    ],
    ids=[
        "no-title",
        "no-description_es",
        "no-example",
        "param-without-type",
        "bad-type",
        "example-unknown-param",
        "bad-yaml",
        "default-of-wrong-type",
        "param-not-in-body",
        "bad-sparql",
        "unknown-key",
        "reserved-name",
    ],
)
def test_a_bad_header_is_reported_with_file_and_line(tmp_path: Path, change, message: str, line: int) -> None:
    folder = _write(tmp_path, change(GOOD))
    with pytest.raises(UserError) as caught:
        load_registry(folder, BASE)
    text = str(caught.value)
    assert text.startswith(f"a-question.rq:{line}:"), text
    assert message in text, text


def test_a_query_without_header_is_refused(tmp_path: Path) -> None:
    body = GOOD[GOOD.index("PREFIX") :]
    with pytest.raises(UserError, match=r"a-question\.rq:1: no header"):
        load_registry(_write(tmp_path, body), BASE)


def test_options_must_name_an_existing_query(tmp_path: Path) -> None:
    text = GOOD.replace("#+     default: 2017\n", "#+     default: 2017\n#+     options: no-such-list\n")
    with pytest.raises(UserError, match=r"a-question\.rq:7: .*no-such-list"):
        load_registry(_write(tmp_path, text), BASE)


def test_update_in_a_query_file_is_refused(tmp_path: Path) -> None:
    text = re.sub(r"SELECT.*", "DROP ALL", GOOD, flags=re.S)
    with pytest.raises(UserError, match="read-only"):
        load_registry(_write(tmp_path, text), BASE)


def test_a_federated_query_file_is_refused_when_loaded(tmp_path: Path) -> None:
    """Refused with the file named when the registry is read, not on the first request that runs it."""
    text = GOOD.replace("BIND(?year AS ?x)", "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?x }")
    with pytest.raises(UserError, match="SERVICE") as caught:
        load_registry(_write(tmp_path, text), BASE)
    assert caught.value.where is not None and caught.value.where.startswith("a-question.rq:")


def test_header_is_only_at_the_top(tmp_path: Path) -> None:
    text = "# a comment first\n" + GOOD
    with pytest.raises(UserError, match="no header"):
        load_registry(_write(tmp_path, text), BASE)
    assert load_registry(_write(tmp_path, "\n\n" + GOOD), BASE).get("a-question").params["year"]
    assert textwrap.dedent(GOOD) == GOOD
