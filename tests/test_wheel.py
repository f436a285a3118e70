"""The wheel works on its own: built from the sdist, installed in a new venv outside this
checkout with the locked dependencies, it serves French, migrates a database and runs the
README's pytest example, from an empty directory.

uv does the building and installing: only it reads uv.lock, and the dependencies are
installed exactly as locked (hashes checked). It is the one ``make install`` puts in
.venv-tools, else one on PATH; without either the test fails, it never skips.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from lxml import etree

import ips_emulator
from tests.helpers import NS_2008, asset_logs_param, auth_header, envelope, post

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
VERSION = PROJECT["version"]
NAME = f"ips_emulator-{VERSION}"
CATALOGS = sorted(p.parent.parent.name for p in ROOT.glob("locales/*/LC_MESSAGES/*.po"))
FRENCH = "ApiTestCo/blakexslttest.jpg a été traité dans IPS"


def find_uv() -> str:
    pinned = ROOT / ".venv-tools" / "bin" / "uv"
    found = str(pinned) if pinned.is_file() else shutil.which("uv")
    assert found, "uv not found: `make install` puts the pinned one in .venv-tools"
    return found


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without what would tie a child to this checkout or
    this test run (its venv, its pytest options, the emulator settings of the suite)."""
    dropped = ("VIRTUAL_ENV", "PYTHONPATH", "PYTEST_ADDOPTS", "PYTEST_PLUGINS", "UV_PROJECT")
    env = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("IPS_")}
    # As the Makefile: this machine's CPython only; bytecode compiled at install, as pip does.
    return {**env, "UV_PYTHON_DOWNLOADS": "never", "UV_COMPILE_BYTECODE": "1", **extra}


def run(command: list[str | Path], cwd: Path, timeout: float = 300) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=clean_env(),
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def pytest_closure(lock: dict[str, object]) -> set[str]:
    """pytest and what it needs, by the names uv.lock gives them."""
    packages = {p["name"]: p for p in lock["package"]}  # type: ignore[attr-defined]
    names, todo = set(), ["pytest"]
    while todo:
        name = todo.pop()
        if name not in names:
            names.add(name)
            todo += [d["name"] for d in packages[name].get("dependencies", [])]
    return names


def locked_requirements(uv: str, folder: Path) -> list[Path]:
    """The runtime dependencies, and pytest for the README example, as uv.lock pins them
    (with hashes): one requirements file each."""
    export = [uv, "export", "--frozen", "--no-emit-project", "--no-dev", "--directory", ROOT]
    runtime = folder / "runtime.txt"
    run([*export, "--output-file", runtime], cwd=folder)
    everything = run([*export, "--extra", "dev"], cwd=folder)
    wanted = pytest_closure(tomllib.loads((ROOT / "uv.lock").read_text()))
    # Each entry: "name==version [; marker] \" at the margin, then its indented hashes.
    entries = re.findall(r"^(([A-Za-z0-9._-]+)==.*?)(?=^\S|\Z)", everything, re.M | re.S)
    chosen = {_norm(name): block for block, name in entries if _norm(name) in wanted}
    assert set(chosen) == wanted, sorted(wanted - set(chosen))
    tools = folder / "pytest.txt"
    tools.write_text("".join(chosen.values()))
    return [runtime, tools]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Installed:
    sdist: Path
    wheel: Path
    venv: Path
    empty: Path  # a directory with nothing in it, outside the checkout

    def bin(self, name: str) -> Path:
        return self.venv / "bin" / name


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    uv, base = find_uv(), tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    # uv builds the sdist, then the wheel from the unpacked sdist (not from the checkout).
    run([uv, "build", "--directory", ROOT, "--out-dir", dist], cwd=base)
    (sdist,), (wheel,) = dist.glob("*.tar.gz"), dist.glob("*.whl")
    venv = base / "venv"
    run([uv, "venv", "--python", sys.executable, venv], cwd=base)
    python = ["--python", venv / "bin" / "python"]
    requirements = locked_requirements(uv, base)
    files = [arg for path in requirements for arg in ("-r", path)]
    run([uv, "pip", "install", *python, "--require-hashes", *files], cwd=base)
    run([uv, "pip", "install", *python, "--no-deps", wheel], cwd=base)
    empty = base / "empty"
    empty.mkdir()
    return Installed(sdist, wheel, venv, empty)


def test_the_wheel_holds_catalogs_types_and_license(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    mo = {f"ips_emulator/_data/locales/{c}/LC_MESSAGES/ips_emulator.mo" for c in CATALOGS}
    assert len(CATALOGS) == 12
    assert mo <= names, sorted(mo - names)
    assert "ips_emulator/py.typed" in names
    assert f"{NAME}.dist-info/licenses/LICENSE" in names
    assert "ips_emulator/_data/wsdl/IpsApi-2014-04-03.wsdl" in names
    assert not [n for n in names if n.endswith(".po") or "hatch_build" in n]


def test_the_sdist_holds_what_the_wheel_is_built_from(installed: Installed) -> None:
    with tarfile.open(installed.sdist) as sdist:
        names = {name.removeprefix(f"{NAME}/") for name in sdist.getnames()}
    needed = {"pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "src/hatch_build.py"}
    needed |= {f"locales/{c}/LC_MESSAGES/ips_emulator.po" for c in CATALOGS}
    needed |= {f"wsdl/{p.name}" for p in (ROOT / "wsdl").glob("*.wsdl")}
    assert needed <= names, sorted(needed - names)
    assert not [n for n in names if n.endswith(".mo")]  # built, never shipped as source


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(process: subprocess.Popen[bytes], url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server exited with {process.returncode}"
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:  # not listening yet
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def test_the_installed_server_answers_in_french(installed: Installed) -> None:
    port, database = free_port(), installed.empty.parent / "serve.db"
    command = [installed.bin("ips-emulator"), "serve", "--port", str(port)]
    command += ["--database-url", f"sqlite:///{database}"]
    process = subprocess.Popen(
        command, cwd=installed.empty, env=clean_env(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}/scene7"
        wait_until_up(process, f"{base}/webservice/IpsApi-2008-01-15.wsdl")
        body = envelope(asset_logs_param(), auth_header(locale="fr-FR"))
        answer = post(f"{base}/services/IpsApiService", body)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
    assert answer.status == 200, answer.content
    messages = [m.text for m in answer.root.iterfind(f".//{{{NS_2008}}}logMessage")]
    assert messages == [FRENCH, f"{FRENCH}."], etree.tostring(answer.root)


def test_the_installed_command_migrates_a_new_database(installed: Installed) -> None:
    database = installed.empty.parent / "upgraded.db"
    url = f"sqlite:///{database}"
    out = run([installed.bin("ips-emulator"), "db", "upgrade", "--database-url", url],
              cwd=installed.empty)  # fmt: skip
    assert f"schema up to date: {url}" in out
    check = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("
    check += "'select version_num from alembic_version').fetchone()[0])"
    assert run([installed.bin("python"), "-c", check, database], cwd=installed.empty).strip()


def readme_pytest_example() -> str:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## In your test suite: the pytest plugin", 1)[1]
    (code,) = re.findall(r"```python\n(.*?)```", section.split("\n## ", 1)[0], re.S)
    return str(code)


def test_the_readme_pytest_example_passes_through_the_installed_plugin(
    installed: Installed,
) -> None:
    suite = installed.empty.parent / "suite"
    suite.mkdir()
    (suite / "test_readme.py").write_text(readme_pytest_example())
    out = run([installed.bin("python"), "-m", "pytest", "-p", "no:cacheprovider", "-v"],
              cwd=suite)  # fmt: skip
    assert "test_readme.py::test_french_logs_then_an_outage PASSED" in out
    # The plugin came from the installed wheel's entry point.
    assert re.search(rf"^plugins: .*\bips-emulator-{re.escape(VERSION)}\b", out, re.M), out


def test_the_installed_version_is_pyprojects(installed: Installed) -> None:
    code = "import ips_emulator, importlib.metadata as m, sys; "
    code += "print(ips_emulator.__version__, m.version('ips-emulator'), ips_emulator.__file__)"
    version, distribution, module = run([installed.bin("python"), "-c", code],
                                        cwd=installed.empty).split()  # fmt: skip
    assert version == distribution == VERSION
    assert Path(module).is_relative_to(installed.venv)  # the wheel's, not this checkout


def test_version_is_the_distributions() -> None:
    assert ips_emulator.__version__ == importlib.metadata.version("ips-emulator") == VERSION
