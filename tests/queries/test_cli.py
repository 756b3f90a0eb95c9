"""`acuerdos query NAME|FILE [--param name=value …] [--format table|csv|json] [--lang es|en]`."""

from __future__ import annotations

import csv
import io
import json

import pytest

from acuerdos.cli import main


def test_named_query_as_table(capsys) -> None:
    assert main(["query", "decisions-by-theme", "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert "decision/2017-06-08-panama/agreement-13" in out and "Migración extrarregional" in out
    assert out.rstrip().endswith("rows)")


def test_named_query_as_csv_with_parameters(capsys) -> None:
    assert (
        main(["query", "decisions-by-deadline", "--param", "from=2017-06-01", "-p", "to=2017-06-30", "--format", "csv"])
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["due"] for r in rows} >= {"2017-06-12", "2017-06-20"}
    assert all(r["decision"].startswith("https://") for r in rows)


def test_named_query_as_sparql_json(capsys) -> None:
    assert main(["query", "search-decisions", "-p", "q=extrarregional", "-f", "json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"][0] == "decision"
    assert data["results"]["bindings"] and all(b["decision"]["type"] == "uri" for b in data["results"]["bindings"])


def test_a_query_file(tmp_path, capsys) -> None:
    path = tmp_path / "count.rq"
    path.write_text(
        "PREFIX acu: <https://w3id.org/acuerdos/ontology#>\nSELECT (COUNT(?d) AS ?n) WHERE { ?d acu:adoptedAt ?m }\n",
        encoding="utf-8",
    )
    assert main(["query", str(path), "-f", "csv"]) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) > 90


@pytest.mark.parametrize(
    "argv, message",
    [
        (["query", "no-such-question"], "unknown query 'no-such-question'"),
        (["query", "decisions-by-theme", "-p", "colour=blue"], "parameter 'colour'"),
        (["query", "decisions-by-theme", "-p", "theme"], "expected name=value"),
        (["query", "decisions-by-theme", "-p", "theme=state/PA"], "parameter 'theme'"),
        (["query", "decisions-by-deadline", "-p", "from=yesterday"], "parameter 'from'"),
        (["query", "decisions-by-theme", "-p", "theme=x> } DROP ALL #"], "parameter 'theme'"),
        (["query", "missing-file.rq"], "no such query file"),
    ],
)
def test_mistakes_give_one_line_and_exit_2(argv, message, capsys) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("acuerdos: error: ") and message in err, err


def test_malformed_sparql_in_a_file(tmp_path, capsys) -> None:
    path = tmp_path / "bad.rq"
    path.write_text(
        "PREFIX acu: <https://w3id.org/acuerdos/ontology#>\nSELECT ?d WHERE {\n  ?d acu:adoptedAt \n}\n",
        encoding="utf-8",
    )
    assert main(["query", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.rq:4: not valid SPARQL" in err, err
    path.write_text("DELETE WHERE { ?s ?p ?o }", encoding="utf-8")
    assert main(["query", str(path)]) == 2
    assert "read-only" in capsys.readouterr().err
