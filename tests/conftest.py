"""Fixtures shared by every test folder (all session-scoped, started once, stopped at the end).

- `built_dist`: a folder with the real data built into it (`acuerdos.build.build`: acuerdos.nq,
  .trig, .ttl, .nt, .jsonld, manifest.json) — what `acuerdos build` writes to dist/.
- `service_url`: the service as `make run` starts it (`python -m acuerdos.cli serve`, a real
  process with real HTTP) over `built_dist`, on 127.0.0.1 and a free port; the URL has no
  trailing slash (`f"{service_url}/sparql"`). Time limit 3 s, 2 query workers, other settings at
  their defaults (result limit 10000).
- `oxigraph_url`: the SPARQL *query* URL (`http://127.0.0.1:PORT/query`) of a real Oxigraph server
  (`oxigraph serve --union-default-graph`, in memory) loaded with `built_dist` by the Graph Store
  Protocol (`acuerdos.store.remote.load_graphs`); its Graph Store URL is the same with `/store`.
  Skipped when the `oxigraph` binary is not installed (it comes with the test extras).
- `remote_service_url`: the service answering from `oxigraph_url` (`serve --endpoint`), same settings.

Helpers: `free_port()`, `wait_for_http(url)`.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVICE = ROOT / "service"
try:  # the package is installed by `make install`; without it, use the checkout
    import acuerdos  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(SERVICE))

TEST_TIMEOUT = 3.0  # the time limit of the test services, seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    """Wait until `url` answers (any HTTP status); fail if `process` exits first or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SERVICE), env.get("PYTHONPATH")) if p)
    for name in list(env):  # the test services take their settings from the command line only
        if name.startswith("ACUERDOS_") and name not in ("ACUERDOS_HOME",):
            del env[name]
    return env


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory) -> Path:
    """The real data, built into a temporary dist folder."""
    from acuerdos.build import build
    from acuerdos.config import Paths

    out = tmp_path_factory.mktemp("dist")

    @dataclass(frozen=True)
    class _Paths(Paths):
        @property
        def dist(self) -> Path:
            return out

    build(_Paths())
    return out


@dataclass
class RunningService:
    url: str
    process: subprocess.Popen
    log: Path


def start_service(dist: Path, log: Path, *extra: str, timeout: float = TEST_TIMEOUT, workers: int = 2) -> RunningService:
    port = free_port()
    args = [sys.executable, "-m", "acuerdos.cli", "serve", "--dist", str(dist), "--port", str(port),
            "--timeout", str(timeout), "--workers", str(workers), "--log-level", "warning", *extra]
    handle = open(log, "wb")
    process = subprocess.Popen(args, env=_env(), stdout=handle, stderr=subprocess.STDOUT, cwd=str(ROOT))
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/health", process=process)
    except RuntimeError as exc:
        _stop(process)
        raise RuntimeError(f"{exc}\n{log.read_text(errors='replace')[-3000:]}") from None
    return RunningService(url, process, log)


@pytest.fixture(scope="session")
def running_service(built_dist, tmp_path_factory) -> RunningService:
    service = start_service(built_dist, tmp_path_factory.mktemp("logs") / "service.log")
    yield service
    _stop(service.process)


@pytest.fixture(scope="session")
def service_url(running_service) -> str:
    return running_service.url


def oxigraph_binary() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_url(built_dist, tmp_path_factory) -> str:
    from acuerdos.store.remote import load_graphs

    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    log = tmp_path_factory.mktemp("logs") / "oxigraph.log"
    handle = open(log, "wb")
    process = subprocess.Popen(
        [binary, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "5"],
        stdout=handle, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/", process=process)
        load_graphs(built_dist / "acuerdos.nq", base + "/store")
    except Exception:
        process.kill()
        raise
    yield base + "/query"
    process.kill()
    process.wait(timeout=5)


@pytest.fixture(scope="session")
def remote_service_url(built_dist, oxigraph_url, tmp_path_factory) -> str:
    service = start_service(built_dist, tmp_path_factory.mktemp("logs") / "remote-service.log",
                            "--endpoint", oxigraph_url)
    yield service.url
    _stop(service.process)
