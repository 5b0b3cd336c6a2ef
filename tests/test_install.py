"""The wheel holds every subpackage and every data file; installed, the toolkit finds its templates as package data."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

from generator.paths import template_dirs, templates_dir

ROOT = Path(__file__).resolve().parent.parent


def load_checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("wheel_contents", ROOT / "scripts" / "wheel_contents.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_wheel_holds_every_package_and_data_file(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--disable-pip-version-check", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("disclosure-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    checker = load_checker()
    expected = checker.expected(ROOT / "generator")
    assert expected - names == set()
    for required in ("generator/templates/report.html", "generator/templates/profiles/jianghan-budget.yaml", "generator/templates/typst/report.typ",
                     "generator/templates/static/report.css", "generator/templates/new/budget.yaml", "generator/codes/function.yaml",
                     "generator/reference/descriptions.yaml", "generator/site/index.py", "generator/present/facts/final.py"):
        assert required in names
    assert checker.main(str(wheel), str(ROOT / "generator")) == 0


def test_templates_are_package_data() -> None:
    shipped = templates_dir()
    assert shipped == (ROOT / "generator" / "templates").resolve() or shipped.parent.name == "generator"
    assert (shipped / "profiles").is_dir() and template_dirs()[-1] == shipped.resolve()
