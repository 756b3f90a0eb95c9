"""Tests that start a process (the service, an Oxigraph server, a query worker) are marked `service`."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_STARTS_A_PROCESS = {"service_url", "remote_service_url", "oxigraph_url", "running_service", "bad_service", "pooled"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents and _STARTS_A_PROCESS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.service)
