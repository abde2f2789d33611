"""The sdist and wheel `python -m build` makes carry everything the app needs, and a wheel
installed into a fresh venv runs: offline, with the test venv's packages as its dependencies."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from confnote import __version__

ROOT = Path(__file__).resolve().parents[2]
APP_CHECK = Path(__file__).with_name("installed_app_check.py")
PACKAGED = [
    "confnote/assets/demo-conference.json",
    "confnote/assets/note-template.md",
    "confnote/ui/app.tcss",
    "confnote/py.typed",
]


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@dataclass(frozen=True)
class Installed:
    bin: Path
    home: Path

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        """Run in an empty folder, so the checkout's ``confnote/`` cannot be imported."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CONFNOTE"))}
        env |= {"HOME": str(self.home), "XDG_CONFIG_HOME": str(self.home / "config")}
        env |= {"XDG_DATA_HOME": str(self.home / "data"), "XDG_STATE_HOME": str(self.home / "st")}
        return subprocess.run(
            [str(arg) for arg in args],
            cwd=self.home,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def clean_copy(destination: Path) -> Path:
    """The checkout's files as a fresh clone would have them: no egg-info, caches or venv."""
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("needs a git checkout to tell the project's files from build leftovers")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # not deleted in the working tree
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """sdist first, then the wheel built from the unpacked sdist, as `python -m build` does."""
    source = clean_copy(tmp_path_factory.mktemp("clone"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel], [sdist] = out.glob("*.whl"), out.glob("*.tar.gz")
    return Built(wheel, sdist)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A venv holding only the wheel; a .pth lends it this venv's packages, pip stays offline."""
    where = tmp_path_factory.mktemp("fresh")
    venv.create(where / "venv", with_pip=False, symlinks=True)
    python = where / "venv" / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    pip += ["--no-deps", "--no-index", "--no-compile", str(built.wheel)]
    subprocess.run(pip, check=True, capture_output=True, timeout=300)
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    lent = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "lent-by-the-test-venv.pth").write_text("\n".join(sorted(lent)) + "\n")
    home = where / "home"
    home.mkdir()
    return Installed(python.parent, home)


def test_the_wheel_and_the_sdist_carry_the_assets_and_real_metadata(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        [metadata_name] = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = HeaderParser().parsestr(wheel.read(metadata_name).decode())
    assert set(PACKAGED) <= names
    with tarfile.open(built.sdist) as sdist:
        top = f"confnote-{__version__}"
        assert {f"{top}/{name}" for name in PACKAGED} <= set(sdist.getnames())
    assert metadata["Version"] == __version__
    assert "Topic :: Office/Business :: Scheduling" in metadata.get_all("Classifier", [])
    assert "conference" in metadata["Keywords"]
    assert "example.invalid" not in str(metadata)


def imported_distributions() -> set[str]:
    """The installed distributions that confnote's own modules import (lazily or not)."""
    names: set[str] = set()
    for module in (ROOT / "confnote").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    third_party = names - set(sys.stdlib_module_names) - {"confnote"}
    providers = packages_distributions()
    return {_canonical(dist) for name in third_party for dist in providers.get(name, [name])}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_wheel_requires_every_library_the_package_imports(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        [metadata_name] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = HeaderParser().parsestr(wheel.read(metadata_name).decode())
    required = {
        _canonical(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0])
        for requirement in metadata.get_all("Requires-Dist", [])
        if "extra ==" not in requirement
    }
    # Textual brings Rich, whose API confnote uses directly for rendering.
    assert imported_distributions() - required <= {"rich"}


def test_installed_confnote_prints_its_version(installed: Installed) -> None:
    result = installed.run(installed.bin / "confnote", "--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"confnote {__version__}")


def test_installed_confnote_help_loads_neither_textual_nor_sqlalchemy(
    installed: Installed,
) -> None:
    # -X importtime lists every module imported, one per stderr line ending in its name.
    result = installed.run(
        installed.bin / "python", "-X", "importtime", installed.bin / "confnote", "--help"
    )
    assert result.returncode == 0, result.stderr
    assert "print where data, config and backups live" in result.stdout
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "confnote.cli" in loaded
    assert {name.split(".")[0] for name in loaded} & {"textual", "sqlalchemy"} == set()


def test_installed_app_offers_the_packaged_demo_and_loads_it(installed: Installed) -> None:
    result = installed.run(installed.bin / "python", APP_CHECK, installed.home / "new.db")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    package = Path(lines[0].removeprefix("package "))
    assert package.is_relative_to(installed.bin.parent), "not the installed copy"
    assert lines[1:] == ["demo available True", "loaded Demo Conf (confnote tour)"]
