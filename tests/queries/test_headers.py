"""Every named query has a complete header (titles, descriptions, typed parameters, an example),
a body that is valid SPARQL binding each parameter once, and the registry reports a bad header with
the file and line."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from acuerdos.config import Paths
from acuerdos.errors import UserError
from acuerdos.queries import PARAM_TYPES, load_registry, parse_query_file

QUERIES = Paths().queries
FILES = sorted(QUERIES.glob("*.rq"))
NAMES = [p.stem for p in FILES]


def test_there_are_queries() -> None:
    assert len(FILES) >= 15, "one query per question (13 questions, some with two queries) and the option lists"


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_header_is_complete(path: Path) -> None:
    query = parse_query_file(path)  # raises on a missing title, description or example
    for text in (query.title, query.title_es, query.description, query.description_es):
        assert text.strip(), f"{path.name}: empty title or description"
    assert query.title != query.title_es, f"{path.name}: title_es is not a translation"
    assert query.description != query.description_es, f"{path.name}: description_es is not a translation"
    assert query.tags, f"{path.name}: no tags"
    for param in query.params.values():
        assert param.type in PARAM_TYPES, f"{path.name}: {param.name} has no valid type"
        assert param.description and param.description_es, f"{path.name}: {param.name} has no description in both languages"
        if param.type == "iri":
            assert param.classes, f"{path.name}: IRI parameter {param.name} declares no class"
        if param.required:
            assert param.default, f"{path.name}: required {param.name} has no default, so the body cannot run as it is"
    assert query.has_lang, f"{path.name}: no VALUES ?lang block: labels cannot follow the language asked for"
    assert set(query.example) <= set(query.params) | {"lang"}


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_body_binds_each_parameter_once_and_is_valid_sparql(path: Path) -> None:
    query = parse_query_file(path)
    bound = sorted(name for _s, _e, name in query.slots)
    assert bound == sorted([*query.params, "lang"])
    assert query.variables, f"{path.name}: projects no variables"
    assert query.body.lstrip().upper().startswith("PREFIX"), f"{path.name}: the body must declare its prefixes"


def test_options_name_existing_queries_that_give_value_and_label(q_registry) -> None:
    for query in q_registry:
        for param in query.params.values():
            if param.options and not param.options_inline:
                source = q_registry.get(param.options)
                assert {"value", "label"} <= set(source.variables), f"{query.name}.{param.name}: {param.options} lacks ?value/?label"


def test_options_return_choices(q_registry, q_store) -> None:
    for query in q_registry:
        for name, param in query.params.items():
            if param.options:
                for lang in ("en", "es"):
                    choices = q_registry.options(query, name, q_store, lang)
                    assert choices, f"{query.name}.{name}: no choices in {lang}"
                    if param.example and param.type == "iri":
                        values = {v for v, _ in choices}
                        assert any(e in values for e in param.example) or param.options == "decisions", (
                            f"{query.name}.{name}: the example value is not among the choices")


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
    registry = load_registry(_write(tmp_path, GOOD))
    query = registry.get("a-question")
    assert query.params["year"].type == "integer"
    assert "VALUES ?year { 1999 }" in query.bind({"year": ["1999"]}).replace('"1999"^^<http://www.w3.org/2001/XMLSchema#integer>', "1999")


@pytest.mark.parametrize("change, message, line", [
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
], ids=["no-title", "no-description_es", "no-example", "param-without-type", "bad-type", "example-unknown-param",
        "bad-yaml", "default-of-wrong-type", "param-not-in-body", "bad-sparql", "unknown-key", "reserved-name"])
def test_a_bad_header_is_reported_with_file_and_line(tmp_path: Path, change, message: str, line: int) -> None:
    folder = _write(tmp_path, change(GOOD))
    with pytest.raises(UserError) as caught:
        load_registry(folder)
    text = str(caught.value)
    assert text.startswith(f"a-question.rq:{line}:"), text
    assert message in text, text


def test_a_query_without_header_is_refused(tmp_path: Path) -> None:
    body = GOOD[GOOD.index("PREFIX"):]
    with pytest.raises(UserError, match=r"a-question\.rq:1: no header"):
        load_registry(_write(tmp_path, body))


def test_options_must_name_an_existing_query(tmp_path: Path) -> None:
    text = GOOD.replace("#+     default: 2017\n", "#+     default: 2017\n#+     options: no-such-list\n")
    with pytest.raises(UserError, match=r"a-question\.rq:7: .*no-such-list"):
        load_registry(_write(tmp_path, text))


def test_update_in_a_query_file_is_refused(tmp_path: Path) -> None:
    text = re.sub(r"SELECT.*", "DROP ALL", GOOD, flags=re.S)
    with pytest.raises(UserError, match="read-only"):
        load_registry(_write(tmp_path, text))


def test_header_is_only_at_the_top(tmp_path: Path) -> None:
    text = "# a comment first\n" + GOOD
    with pytest.raises(UserError, match="no header"):
        load_registry(_write(tmp_path, text))
    assert load_registry(_write(tmp_path, "\n\n" + GOOD)).get("a-question").params["year"]
    assert textwrap.dedent(GOOD) == GOOD
