"""data/sources/sources.yaml describes exactly the source files there are, byte for byte."""

from __future__ import annotations

import hashlib
import re

import pytest

from printed import LISTS, ROOT, SOURCES, DecisionList, decision_lists, sources


def test_every_source_file_has_one_entry() -> None:
    files = sorted(p.name for p in SOURCES.glob("*.txt"))
    entries = [s.file for s in sources()]
    assert sorted(entries) == files, "sources.yaml must have one entry per text file in data/sources/, and only those"


@pytest.mark.parametrize("source", sources(), ids=lambda s: s.file)
def test_source_file_matches_its_sha256(source) -> None:
    digest = hashlib.sha256((SOURCES / source.file).read_bytes()).hexdigest()
    assert digest == source.sha256, f"data/sources/{source.file} has changed: its sha256 is {digest}"


@pytest.mark.parametrize("source", sources(), ids=lambda s: s.file)
def test_entry_names_an_existing_data_file(source) -> None:
    assert (ROOT / source.data).is_file(), f"{source.file}: its data file {source.data} does not exist"
    assert source.decisions or source.also, f"{source.file}: no decisions listed"


@pytest.mark.parametrize("lst", LISTS, ids=lambda lst: f"{lst.document}-{lst.kind}")
def test_printed_list_is_found_and_not_empty(lst: DecisionList) -> None:
    """The markers of a list stand in its source, and its item pattern matches something there."""
    for pattern in (lst.item, lst.subitem):
        if pattern is not None:
            re.compile(pattern)
    assert lst.items(), f"{lst.source}: no {lst.kind} found between {lst.start!r} and {lst.end!r}"


def test_decision_lists_are_told_apart() -> None:
    keys = [(lst.document, lst.kind) for lst in decision_lists()]
    assert len(keys) == len(set(keys)), "two lists of sources.yaml name the same document and kind"


def test_copies_in_the_shared_folder_are_the_same_bytes() -> None:
    """Where the original copies of the sources are at hand (../shared/sources beside the checkout)."""
    shared = ROOT.parent / "shared" / "sources"
    if not shared.is_dir():
        pytest.skip("no shared copy of the sources beside this checkout")
    for path in sorted(shared.glob("*.txt")):
        assert (SOURCES / path.name).read_bytes() == path.read_bytes(), f"data/sources/{path.name} differs from shared"
