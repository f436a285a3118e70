"""``serve`` lets its process open as many files as its connections need, as far as the
hard limit allows (SECURITY.md "Connections")."""

from __future__ import annotations

import logging
import resource

import pytest

from ips_emulator.server import tuning


def limits(monkeypatch: pytest.MonkeyPatch, soft: int, hard: int) -> list[tuple[int, int]]:
    """Fake open-file limits: the process's own are left alone. Returns the calls to set them."""
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(resource, "getrlimit", lambda _kind: (soft, hard))
    monkeypatch.setattr(resource, "setrlimit", lambda _kind, pair: calls.append(pair))
    return calls


def test_the_soft_limit_is_raised_to_cover_the_connections(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls = limits(monkeypatch, 1024, 4096)
    tuning.allow_connections(1000)
    assert calls == [(1064, 4096)]
    assert not caplog.records


def test_a_limit_already_high_enough_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = limits(monkeypatch, 1024, 4096)
    tuning.allow_connections(100)
    assert calls == []
    calls = limits(monkeypatch, resource.RLIM_INFINITY, resource.RLIM_INFINITY)
    tuning.allow_connections(1_000_000)
    assert calls == []


def test_a_hard_limit_too_low_is_reached_and_reported(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls = limits(monkeypatch, 256, 512)
    with caplog.at_level(logging.WARNING, logger="ips_emulator.server.tuning"):
        tuning.allow_connections(1000)
    assert calls == [(512, 512)]
    assert [r.getMessage() for r in caplog.records] == [
        "connection limit 1000: this process may open only 512 files (ulimit -n); "
        "lower --connection-limit or raise the hard limit"
    ]
