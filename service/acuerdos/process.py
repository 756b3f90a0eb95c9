"""Running the service (as `acuerdos serve` does), an Oxigraph server, nginx or Apache as a child process,
and waiting until it answers: what the tests (tests/conftest.py) and the benchmarks
(bench/bench_service.py) share.
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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the folder holding the acuerdos package (service/)


@dataclass
class ServerProcess:
    """A server started by `start_service` or `start_oxigraph`: its URL (no trailing slash), the process,
    and the file its output goes to (None: discarded)."""

    url: str
    process: subprocess.Popen
    log: Path | None = None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    """Wait until `url` answers (any HTTP status); RuntimeError if `process` exits first or time runs out."""
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


def child_env(keep: Iterable[str] = (), environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """``environ`` (default: this process's) for a child that imports this package: PYTHONPATH leads
    to it, and the ACUERDOS_* settings are removed (but those in `keep`), so that the command line
    alone sets them."""
    keep = set(keep)
    source = os.environ if environ is None else environ
    env = {name: value for name, value in source.items() if not name.startswith("ACUERDOS_") or name in keep}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_DIR), source.get("PYTHONPATH")) if p)
    return env


def stop(process: subprocess.Popen) -> None:
    """Stop a server as Ctrl-C does (SIGINT); kill it if it has not ended within 10 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _spawn(
    args: Sequence[str], log: Path | None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.Popen:
    if log is None:
        return subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(log, "wb") as handle:  # the child writes to its own copy of the handle
        return subprocess.Popen(args, env=env, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT)


def start_service(
    dist: Path, *options: str, log: Path | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> ServerProcess:
    """`acuerdos serve` over the built files in `dist` on 127.0.0.1 and a free port, with `options`
    (more command-line options), once /health answers; `env` defaults to `child_env()`.

    If the service does not answer, it is stopped and RuntimeError says why (with the end of `log`).
    """
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "acuerdos.cli",
        "serve",
        "--dist",
        str(dist),
        "--port",
        str(port),
        "--log-level",
        "warning",
        *options,
    ]
    process = _spawn(args, log, child_env() if env is None else env, cwd)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/health", process=process)
    except RuntimeError as exc:
        stop(process)
        tail = f"\n{log.read_text(errors='replace')[-3000:]}" if log is not None else ""
        raise RuntimeError(f"{exc}{tail}") from None
    return ServerProcess(url, process, log)


def oxigraph_binary() -> str | None:
    """The `oxigraph` server command (it comes with the test extras): next to this Python, else on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def start_oxigraph(binary: str, nquads: Path, *, timeout_s: float, log: Path | None = None) -> ServerProcess:
    """An in-memory Oxigraph server (`--union-default-graph`) on a free port, loaded with the dump
    `nquads` by the Graph Store Protocol; its `.url` is the root (SPARQL at /query, graphs at /store).
    The server is killed if it does not start or load."""
    from .store.graph_store import load_graphs

    port = free_port()
    process = _spawn(
        [binary, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", f"{timeout_s:g}"], log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/", process=process)
        load_graphs(nquads, url + "/store")
    except Exception:
        process.kill()
        raise
    return ServerProcess(url, process, log)


def nginx_binary() -> str | None:
    """Debian's nginx (`make webserver` installs it): on PATH, else in /usr/sbin (not on a user's PATH)."""
    return _sbin("nginx")


def apache_binary() -> str | None:
    """Debian's Apache httpd (`make webserver` installs the package apache2-bin)."""
    return _sbin("apache2")


def _sbin(name: str) -> str | None:
    return shutil.which(name) or (f"/usr/sbin/{name}" if os.access(f"/usr/sbin/{name}", os.X_OK) else None)


def start_nginx(binary: str, server: str, folder: Path) -> ServerProcess:
    """nginx in the foreground on 127.0.0.1 and a free port, serving ``server``: a configuration to
    include in ``http { }`` (what `acuerdos export` and publishing/nginx/ hold), whose one
    ``listen 80;`` becomes that address. Its pid, logs and temporary files go to ``folder``, so it
    needs no root-owned path; run by root, its workers stay root to read a private temporary folder.
    RuntimeError, with nginx's error log, if it does not answer."""
    if server.count("listen 80;") != 1:
        raise RuntimeError("the nginx configuration must hold exactly one `listen 80;` (the line a publisher sets)")
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "server.conf").write_text(server.replace("listen 80;", f"listen 127.0.0.1:{port};"), encoding="utf-8")
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = " ".join(f"{kind}_temp_path {folder / kind};" for kind in kinds)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; {temp}\n  include {folder / 'server.conf'};\n}}\n",
        encoding="utf-8",
    )
    args = [binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")]
    return _start_web_server("nginx", args, port, folder)


APACHE_MODULES = ("mpm_event", "authz_core", "mime", "dir", "rewrite", "headers")


def start_apache(binary: str, root: Path, folder: Path) -> ServerProcess:
    """Apache httpd in the foreground on 127.0.0.1 and a free port, serving the folder ``root`` as
    a publisher would (its ``.htaccess`` allowed to do anything: ``AllowOverride All``), with only
    the modules a static export needs (Debian's, from apache2-bin). Its pid, logs and locks go to
    ``folder``. Apache will not serve as root: run by root, it serves as ``nobody``, so ``root``
    must be readable by others. RuntimeError, with Apache's error log, if it does not answer."""
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    modules = "".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so\n" for m in APACHE_MODULES)
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    (folder / "httpd.conf").write_text(
        f"ServerRoot {folder}\nDefaultRuntimeDir {folder}\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\n"
        f"PidFile {folder / 'httpd.pid'}\nErrorLog {folder / 'error.log'}\nLogLevel warn\n{modules}{user}"
        f"TypesConfig /dev/null\nDocumentRoot {root}\n"
        "<Directory />\n  AllowOverride None\n  Require all denied\n</Directory>\n"
        f"<Directory {root}>\n  AllowOverride All\n  Require all granted\n</Directory>\n",
        encoding="utf-8",
    )
    return _start_web_server("apache", [binary, "-f", str(folder / "httpd.conf"), "-DFOREGROUND"], port, folder)


def _start_web_server(name: str, args: list[str], port: int, folder: Path) -> ServerProcess:
    """Start ``args`` (a server writing its errors to ``folder``/error.log), once it answers on ``port``."""
    process = _spawn(args, folder / f"{name}.out")
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/", timeout=20, process=process)
    except RuntimeError as exc:
        stop(process)
        said = "".join(
            p.read_text(errors="replace") for p in (folder / f"{name}.out", folder / "error.log") if p.exists()
        )
        raise RuntimeError(f"{name}: {exc}\n{said[-3000:]}") from None
    return ServerProcess(url, process, folder / "error.log")
