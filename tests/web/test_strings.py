"""The interface catalogue: the same strings in English and Spanish, and a human name for every
column and parameter of every named query (the pages show those names, not variable names)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acuerdos.namespaces import Base
from acuerdos.queries import load_registry
from acuerdos.web.i18n import STRINGS_DIR, strings
from acuerdos.web.query_pages import name_label

ROOT = Path(__file__).resolve().parents[2]
SPANISH_ONLY = {"errors"}  # English error messages are the query layer's own wording


def catalogue(lang: str) -> dict:
    return json.loads((STRINGS_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def test_both_languages_have_the_same_strings():
    en, es = catalogue("en"), catalogue("es")
    assert set(en) == set(es) - SPANISH_ONLY
    for part in en:
        assert set(en[part]) == set(es[part]), (
            f"{part}: only English {set(en[part]) - set(es[part])}, only Spanish {set(es[part]) - set(en[part])}"
        )


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "queries", Base())


def test_every_column_and_parameter_has_a_name_in_both_languages(registry):
    names = {lang: strings(lang, "names") for lang in ("en", "es")}
    missing = {
        (query.name, name)
        for query in registry
        for name in [*query.variables, *query.params]
        if not name.endswith("_label") and not (name in names["en"] and name in names["es"])
    }
    assert not missing, f"add to the part 'names' of strings/en.json and es.json: {sorted(missing)}"
    assert name_label("decision_label", "es") == "Decisión" and name_label("decision", "en") == "Decision"
