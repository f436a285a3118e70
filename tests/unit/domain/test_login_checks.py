"""The KDF budget and the remembered failures of ``domain.login_checks``."""

from __future__ import annotations

import uuid

import pytest

from ips_emulator.domain.login_checks import KdfBudget, login_matches
from ips_emulator.domain.passwords import hash_password
from ips_emulator.errors import AuthenticationError


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_budget_refills_at_its_share_of_real_time_up_to_the_burst() -> None:
    clock = Clock()
    budget = KdfBudget(share=0.25, burst=1.0, now=clock)
    assert budget.available()
    budget.spend(1.5)  # one long run may overdraw; the debt is paid back first
    assert not budget.available()
    clock.now += 2.0  # +0.5: still 0.5 short
    assert not budget.available()
    clock.now += 2.1  # +0.525
    assert budget.available()
    clock.now += 1000.0  # never more than the burst
    budget.spend(1.0)
    assert not budget.available()


def test_spent_budget_refuses_new_checks_but_not_remembered_answers() -> None:
    clock = Clock()
    budget = KdfBudget(share=0.25, burst=1.0, now=clock)
    stored = hash_password("right")
    wrong = f"wrong-{uuid.uuid4()}"
    assert login_matches("a@b.c", "right", stored, budget)
    assert not login_matches("a@b.c", wrong, stored, budget)
    budget.spend(10.0)
    assert login_matches("a@b.c", "right", stored, budget)  # verified before: no KDF
    assert not login_matches("A@b.c ", wrong, stored, budget)  # the same user, remembered
    with pytest.raises(AuthenticationError) as refused:
        login_matches("a@b.c", f"other-{uuid.uuid4()}", stored, budget)
    assert "Too many password checks" in str(refused.value)
    with pytest.raises(AuthenticationError):
        login_matches("nobody@b.c", wrong, None, budget)  # unknown users alike


def test_unknown_user_never_matches() -> None:
    assert not login_matches("nobody@b.c", "", None, KdfBudget())


def test_the_unmatchable_hash_asks_the_work_of_a_real_one() -> None:
    from ips_emulator.domain import passwords

    dummy, real = passwords.unmatchable_hash(), hash_password("x")
    assert dummy.split("$")[:4] == real.split("$")[:4]  # scheme, N, r, p: the same work
    assert dummy != passwords.unmatchable_hash()  # its salt and digest are random


def test_the_first_unknown_login_costs_one_scrypt_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from ips_emulator.domain import passwords

    runs: list[str] = []
    monkeypatch.setattr(passwords.hashlib, "scrypt", lambda *a, **k: runs.append("") or b"")
    assert not login_matches(f"{uuid.uuid4()}@b.c", "pw", None, KdfBudget())
    assert len(runs) == 1  # the check only: no dummy hash made on the way
