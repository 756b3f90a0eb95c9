"""Variants: the body a query runs instead of its own when an optional parameter is given (header
key ``variants``, files in queries/variants/). Each variant answers exactly as the query's own
body for every value of its parameter the header gives, alone and with the query's example, in
both languages; the query's own body runs when the parameter is absent; a variant that does not fit
its query is refused, naming the file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from acuerdos.errors import UserError
from acuerdos.queries import load_registry
from acuerdos.store import LocalBackend

from .conftest import BASE

QUESTION = """\
#+ title: A question
#+ title_es: Una pregunta
#+ description: What it answers.
#+ description_es: Lo que responde.
#+ params:
#+   year:
#+     type: integer
#+     example: 2017
#+     description: a year
#+     description_es: un año
#+ example: {}
#+ variants:
#+   year: a-question-year.rq
SELECT ?x WHERE {
  VALUES ?year { UNDEF }
  VALUES ?lang { "en" }
  BIND(COALESCE(?year, 0) AS ?x)
}
"""
VARIANT = """\
SELECT ?x WHERE {
  VALUES ?year { UNDEF }
  VALUES ?lang { "en" }
  BIND(?year AS ?x)
}
"""


def _folder(tmp_path: Path, question: str = QUESTION, variant: str | None = VARIANT) -> Path:
    folder = tmp_path / "queries"
    (folder / "variants").mkdir(parents=True)
    (folder / "a-question.rq").write_text(question, encoding="utf-8")
    if variant is not None:
        (folder / "variants" / "a-question-year.rq").write_text(variant, encoding="utf-8")
    return folder


def _with_variants(q_registry) -> list:
    return [query for query in q_registry if query.variants]


def test_some_query_has_a_variant(q_registry) -> None:
    assert _with_variants(q_registry), "no query declares a variant: this file tests nothing"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_variant_answers_as_its_query(lang: str, q_registry, q_backend: LocalBackend) -> None:
    for query in _with_variants(q_registry):
        own = dataclasses.replace(query, variants=())  # the query's own body, whatever is given
        for variant in query.variants:
            values = query.params[variant.param].example
            assert values, f"{query.name}: parameter {variant.param!r} has no example to compare with"
            for value in values:
                for params in ({variant.param: value}, {**query.example, variant.param: value}):
                    expected = own.run(q_backend, params, lang=lang)
                    answered = query.run(q_backend, params, lang=lang)
                    assert expected, f"{query.name} {params}: no rows, nothing compared"
                    assert [dict(r) for r in answered] == [dict(r) for r in expected], f"{query.name} {params} {lang}"


def test_a_variant_runs_only_when_its_parameter_is_given(tmp_path: Path) -> None:
    query = load_registry(_folder(tmp_path), BASE).get("a-question")
    assert "COALESCE" in query.bind({})
    given = query.bind({"year": "2017"})
    assert "COALESCE" not in given and "BIND(?year AS ?x)" in given


@pytest.mark.parametrize(
    ("question", "variant", "message"),
    [
        (QUESTION, None, "no such variant file"),
        (QUESTION, VARIANT.replace("SELECT ?x", "SELECT ?y"), "same variables"),
        (QUESTION, VARIANT.replace("  VALUES ?year { UNDEF }\n", ""), "parameter 'year'"),
        (QUESTION.replace("year: a-question-year.rq", "month: a-question-year.rq"), VARIANT, "not an optional"),
        (QUESTION.replace("year: a-question-year.rq", "year: ../elsewhere.rq"), VARIANT, "file name"),
    ],
)
def test_a_variant_that_does_not_fit_is_refused(
    tmp_path: Path, question: str, variant: str | None, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        load_registry(_folder(tmp_path, question, variant), BASE)
