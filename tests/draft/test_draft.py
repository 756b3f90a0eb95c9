"""`acuerdos draft` on each of the five sources, checked against the curated data (read straight from
its Turtle in tests/draft_gold.py), and its refusals of input it cannot draft."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from acuerdos.cli import main
from acuerdos.draft import Drafter, write_draft
from acuerdos.errors import UserError
from draft_gold import ROOT, load_gold, quotes_found, sources

SOURCES = sources()


@pytest.fixture(scope="module")
def drafter() -> Drafter:
    return Drafter.for_project(ROOT)


@pytest.mark.parametrize("entry", SOURCES, ids=[e["file"] for e in SOURCES])
def test_each_source_drafts_the_curated_decisions_with_quotes_found(
    entry: dict[str, str], drafter: Drafter, tmp_path: Path
) -> None:
    gold = load_gold(entry)
    draft = drafter.draft(ROOT / "data/sources" / entry["file"])
    texts = {d.text for d in draft.decisions}
    missed = sorted(set(gold.decisions) - texts)
    extra = sorted(texts - set(gold.decisions))
    assert len(missed) <= 2 and not extra, (missed, extra)
    for d in draft.decisions:
        if d.text in gold.decisions:
            assert d.kind == gold.decisions[d.text].kind, d.iri
    files = [p for p in write_draft(draft, tmp_path, ROOT / "data", "test") if p.suffix == ".ttl"]
    found, total = quotes_found(files, draft.source.text)
    assert total > 0 and found == total
    graph = rdflib.Graph()
    for path in files:
        graph.parse(path)
    draft_status = rdflib.URIRef("https://w3id.org/acuerdos/kind/curation-status/draft")
    decisions = set(graph.subjects(rdflib.URIRef("https://w3id.org/acuerdos/ontology#adoptedAt"), None))
    assert decisions and all((d, None, draft_status) in graph for d in decisions)


def test_a_draft_is_never_written_into_data(drafter: Drafter) -> None:
    draft = drafter.draft(ROOT / "data/sources" / SOURCES[0]["file"])
    with pytest.raises(UserError, match="never written into data"):
        write_draft(draft, ROOT / "data" / "documents", ROOT / "data", "test")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"  \n\n \n", "empty"),
        (b"%PDF-1.4\x00\x01binary", "binary"),
        ("Acta de la reunión, 8 de junio de 2017. Acuerdos: 1. Enviar.".encode("latin-1"), "not UTF-8"),
        ("Minuta, 11 de mayo de 2017\n\nSe conversó de muchos temas sin decidir nada.\n".encode(), "no decisions"),
        (b"Acuerdos:\n\no Enviar el documento.\n", "no date"),
    ],
)
def test_unusable_input_is_refused_with_a_clear_message(
    content: bytes | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source.txt"
    if content is not None:
        source.write_bytes(content)
    assert main(["draft", str(source), "--out", str(tmp_path / "out")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
