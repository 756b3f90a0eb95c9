"""An answer written out: CSV and SPARQL JSON as the SPARQL 1.1 results formats say, plain JSON
values, and the table `acuerdos query` prints."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from rdflib import BNode, Literal, URIRef

from acuerdos.namespaces import Base
from acuerdos.queries.writers import json_value, to_csv, to_sparql_json, to_table
from acuerdos.rdf.rows import Rows

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
BASE = Base("https://example.org/a/")
ROWS = Rows(
    [
        {"item": URIRef("https://example.org/a/state/PA"), "label": Literal("Panamá", lang="es"), "n": Literal(3)},
        {"item": URIRef("https://example.com/other"), "label": Literal('say "hi", then\nleave')},
        {"item": BNode("b1"), "n": Literal("2017-06-12", datatype=XSD_DATE)},
    ],
    ["item", "label", "n"],
)


def test_sparql_json_types_every_term() -> None:
    doc = to_sparql_json(ROWS)
    assert doc["head"] == {"vars": ["item", "label", "n"]}
    first, second, third = doc["results"]["bindings"]
    assert first["item"] == {"type": "uri", "value": "https://example.org/a/state/PA"}
    assert first["label"] == {"type": "literal", "value": "Panamá", "xml:lang": "es"}
    assert first["n"] == {"type": "literal", "value": "3", "datatype": str(XSD_INTEGER)}
    assert second["label"] == {"type": "literal", "value": 'say "hi", then\nleave'} and "n" not in second
    assert third["item"]["type"] == "bnode" and third["n"]["datatype"] == str(XSD_DATE)
    assert "truncated" not in doc


def test_sparql_json_says_when_the_answer_was_cut() -> None:
    cut = Rows(ROWS, ROWS.variables, truncated=True)
    assert to_sparql_json(cut)["truncated"] is True


def test_csv_holds_the_plain_values_under_a_header_of_variables() -> None:
    text = to_csv(ROWS)
    assert text.startswith("item,label,n\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["https://example.org/a/state/PA", "Panamá", "3"]
    assert rows[2] == ["https://example.com/other", 'say "hi", then\nleave', ""]
    assert rows[3][2] == "2017-06-12"


def test_json_values_keep_numbers_and_booleans() -> None:
    assert json_value(Literal(3)) == 3
    assert json_value(Literal(True)) is True
    assert json_value(Literal(Decimal("2.5"))) == 2.5
    assert json_value(Literal("3")) == "3"
    assert json_value(Literal("2017-06-12", datatype=XSD_DATE)) == "2017-06-12"
    assert json_value(URIRef("https://example.com/x")) == "https://example.com/x"
    assert json_value(None) is None


def test_the_table_shortens_iris_under_the_base_and_counts_the_rows() -> None:
    lines = to_table(ROWS, BASE, width=12).splitlines()
    assert lines[0].split() == ["item", "label", "n"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].split()[:2] == ["state/PA", "Panamá"]
    assert "https://exa…" in lines[3] and 'say "hi", t…' in lines[3], "long cells are cut, line breaks folded"
    assert lines[-1] == "(3 rows)"
    assert to_table(Rows([], ["x"]), BASE).splitlines()[-1] == "(0 rows)"
