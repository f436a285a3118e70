"""``ips-emulator db current`` and ``db history``: migrations an operator can inspect."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from sqlalchemy import create_engine

from ips_emulator.cli import main
from ips_emulator.storage.migrations.runner import upgrade

VERSIONS = Path(__file__).resolve().parents[1] / "src/ips_emulator/storage/migrations/versions"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def lines(*args: str) -> list[str]:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_a_fresh_sqlite_file_has_no_revision_and_is_not_created(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert lines("db", "current", "--database-url", url) == [
        "none: no schema yet (ips-emulator db upgrade creates it)"
    ]
    history = lines("db", "history", "--database-url", url)
    assert not (tmp_path / "fresh.db").exists()
    # One line per migration file, newest first, the head marked, none current.
    assert len(history) == len(list(VERSIONS.glob("[0-9]*.py")))
    assert history[-1] == "<base> -> 0001: initial schema"
    assert history[-2].startswith("0001 -> 0002")
    assert history[0].split(": ", 1)[0].endswith(" (head)")
    assert not any("current" in line for line in history)


def test_after_upgrade_the_database_is_at_the_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'up.db'}"
    assert lines("db", "upgrade", "--database-url", url) == [f"schema up to date: {url}"]
    history = lines("db", "history", "--database-url", url)
    head = history[0].split(" -> ", 1)[1].split(" ", 1)[0]
    assert lines("db", "current", "--database-url", url) == [f"{head} (head)"]
    assert f" -> {head} (head, current): " in history[0]
    assert sum("current" in line for line in history) == 1


def test_a_database_behind_the_head_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    upgrade(engine, "0001", create_empty=False)
    engine.dispose()
    assert lines("db", "current", "--database-url", url) == ["0001 (upgrade pending)"]
    history = lines("db", "history", "--database-url", url)
    assert history[-1] == "<base> -> 0001 (current): initial schema"
    assert history[0].split(": ", 1)[0].endswith(" (head)")
    run("db", "upgrade", "--database-url", url)
    assert lines("db", "current", "--database-url", url)[0].endswith(" (head)")
