"""The command line finds its project as git finds a repository: the current folder or one above
it, then $ACUERDOS_HOME; it says so when there is none, and never writes into another checkout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from acuerdos.errors import UserError
from acuerdos.process import child_env, free_port, stop, wait_for_http
from acuerdos.project import Project
from checkouts import acuerdos, small_checkout


def test_the_project_is_the_nearest_folder_above_with_ontology_and_data(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout")
    inner = root / "data" / "sources"
    assert Project.find(inner) == Project(root)
    assert Project.find(tmp_path, home=root) == Project(root)


def test_the_current_folder_wins_over_acuerdos_home(tmp_path: Path) -> None:
    here, home = small_checkout(tmp_path / "here"), small_checkout(tmp_path / "home")
    assert Project.find(here / "queries", home=home) == Project(here)


def test_no_project_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no acuerdos project here"):
        Project.find(tmp_path)
    with pytest.raises(UserError, match="holds no ontology/ and data/"):
        Project.find(tmp_path, home=tmp_path)


def test_the_command_line_says_it_found_no_project(tmp_path: Path) -> None:
    result = acuerdos("stats", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("acuerdos: error: no acuerdos project here"), result.stderr


def test_build_writes_into_the_checkout_it_runs_in(tmp_path: Path) -> None:
    """Two checkouts: building in the second writes the second's dist/, even with the first as ACUERDOS_HOME."""
    first, second = small_checkout(tmp_path / "first"), small_checkout(tmp_path / "second")
    (second / "data" / "extra.ttl").write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://w3id.org/acuerdos/state/MX> rdfs:comment "Only in the second."@en .\n',  # valid: build validates
        encoding="utf-8",
    )
    assert acuerdos("build", cwd=first).returncode == 0
    before = (first / "dist" / "manifest.json").read_bytes()
    result = acuerdos("build", cwd=second / "data", env={"ACUERDOS_HOME": str(first)})
    assert result.returncode == 0, result.stderr
    assert (first / "dist" / "manifest.json").read_bytes() == before
    graphs = json.loads((second / "dist" / "manifest.json").read_text(encoding="utf-8"))["graphs"]
    assert "https://w3id.org/acuerdos/graph/data/extra" in graphs


def test_acuerdos_home_is_used_outside_any_checkout(tmp_path: Path) -> None:
    home = small_checkout(tmp_path / "home")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = acuerdos("stats", cwd=outside, env={"ACUERDOS_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("triples")


@pytest.mark.service
def test_serve_warns_when_the_projects_dist_is_older_than_its_files(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0")
    assert acuerdos("build", cwd=root).returncode == 0

    def warnings() -> list[str]:
        port = free_port()
        log = tmp_path / "serve.log"
        env = child_env()  # no ACUERDOS_* setting: the project is found from the current folder
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "acuerdos.cli",
                    "serve",
                    "--port",
                    str(port),
                    "--workers",
                    "1",
                    "--log-level",
                    "warning",
                ],
                cwd=root,
                env=env,
                stdout=out,
                stderr=out,
            )
        try:
            wait_for_http(f"http://127.0.0.1:{port}/health", process=process)
        finally:
            stop(process)
        return [line for line in log.read_text().splitlines() if line.startswith("acuerdos: warning")]

    assert warnings() == []
    (root / "data" / "sources" / "000_minimal.txt").write_text("Otra acta.\n", encoding="utf-8")
    [warning] = warnings()
    assert "is older than the project's files" in warning and "run `acuerdos build`" in warning
