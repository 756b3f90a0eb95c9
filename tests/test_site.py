"""`Site.open` reads a release once: its manifest and base, the named queries, the shapes; it
refuses a release built for another base, and a broken query file disables the queries only."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from acuerdos.errors import UserError
from acuerdos.settings import Settings
from acuerdos.site import Site


def test_a_release_is_read_once_with_its_base(built_dist: Path) -> None:
    site = Site.open(Settings(dist=built_dist))
    manifest = json.loads((built_dist / "manifest.json").read_text(encoding="utf-8"))
    assert site.version == manifest["version"] and str(site.base) == manifest["base"]
    assert site.registry is not None and site.registry_error is None
    assert sorted(site.registry.names()) == sorted(p.stem for p in (built_dist / "queries").glob("*.rq"))
    assert len(site.shapes_graph) > 100
    assert site.sources == built_dist / "sources"


def test_a_release_for_another_base_is_refused(built_dist: Path) -> None:
    with pytest.raises(
        UserError,
        match=r"was built for base https://w3id.org/acuerdos/: run `acuerdos build --base "
        r"https://example.org/x/`",
    ):
        Site.open(Settings(dist=built_dist, base="https://example.org/x"))


def test_no_release_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="run `acuerdos build`"):
        Site.open(Settings(dist=tmp_path))


def test_a_broken_query_file_leaves_the_site_up_without_queries(built_dist: Path, tmp_path: Path) -> None:
    copy = tmp_path / "dist"
    shutil.copytree(built_dist, copy)
    (copy / "queries" / "broken.rq").write_text("# title: x\nSELECT ?x WHERE {\n", encoding="utf-8")
    site = Site.open(Settings(dist=copy))
    assert site.registry is None and site.registry_error is not None and "broken.rq" in site.registry_error


def test_every_setting_is_in_the_one_table_of_variables() -> None:
    """The table in settings.py (docs/publishing.md shows it, by cog) names every setting's variable, and no other."""
    import acuerdos.settings

    listed = set(re.findall(r"`(ACUERDOS_[A-Z_]+)`", acuerdos.settings.__doc__ or ""))
    assert listed == {"ACUERDOS_" + name.upper() for name in Settings.__dataclass_fields__}
