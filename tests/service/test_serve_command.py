"""`acuerdos serve` configured by environment variables alone, and a clean stop: no worker left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import _env, free_port, wait_for_http

pytestmark = pytest.mark.service


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()} if path.exists() else set()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


def test_serve_from_environment_and_stop(built_dist, tmp_path):
    port = free_port()
    env = _env() | {
        "ACUERDOS_PORT": str(port),
        "ACUERDOS_DIST": str(built_dist),
        "ACUERDOS_RESULT_LIMIT": "7",
        "ACUERDOS_QUERY_TIMEOUT": "4",
        "ACUERDOS_WORKERS": "2",
        "ACUERDOS_LOG_LEVEL": "warning",
    }
    with open(tmp_path / "serve.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "acuerdos.cli", "serve"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for_http(url + "/health", process=process)
        r = httpx.get(url + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert r.headers["acuerdos-truncated"] == "true" and len(r.json()["results"]["bindings"]) == 7
        workers = _children(process.pid)
        assert len(workers) >= 2
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
    assert "Traceback" not in (tmp_path / "serve.log").read_text(errors="replace")


def test_serve_reports_a_bad_setting(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "acuerdos.cli", "serve", "--endpoint", "ftp://nowhere"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "http(s) URL" in result.stderr and "Traceback" not in result.stderr
