"""/healthz (the process answers, no database) and /readyz (the database answers too);
the PostgreSQL outage in tests/integration/test_outage.py shows /readyz at 503."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import event

from ips_emulator import EmulatorServer


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_answers_ok_while_serving(server: EmulatorServer, path: str) -> None:
    answer = requests.get(server.url + path, timeout=10)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/json"
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.json() == {"status": "ok"}


def test_liveness_does_not_touch_the_database(server: EmulatorServer) -> None:
    engine = server.app.database.engine
    checked_out = engine.pool.checkedout()  # type: ignore[attr-defined]
    connects: list[object] = []

    def count(*args: object) -> None:
        connects.append(args)

    event.listen(engine, "checkout", count)
    try:
        assert requests.get(server.url + "/healthz", timeout=10).status_code == 200
        assert connects == []
        assert requests.get(server.url + "/readyz", timeout=10).status_code == 200
        assert len(connects) == 1  # readiness asks the database, once
    finally:
        event.remove(engine, "checkout", count)
    assert engine.pool.checkedout() == checked_out  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_is_get_only(server: EmulatorServer, path: str) -> None:
    assert requests.post(server.url + path, timeout=10).status_code == 405
