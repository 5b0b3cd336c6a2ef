"""A folder's disclosure.toml chooses the PDF engine of its reports; the command line still overrides it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest

from generator.build import build
from generator.paths import ConfigError, config_engine

from .conftest import DATA


def producer(pdf: Path) -> str:
    with pdfplumber.open(pdf) as handle:
        return f"{handle.metadata.get('Producer', '')} {handle.metadata.get('Creator', '')}"


def test_the_folder_chooses_weasyprint(tmp_path: Path) -> None:
    shutil.copytree(DATA / "jianghan-gov-office", tmp_path / "data" / "jianghan-gov-office")
    (tmp_path / "data" / "disclosure.toml").write_text('pdf_engine = "weasyprint"\n', encoding="utf-8")
    source = tmp_path / "data" / "jianghan-gov-office" / "2020-budget.yaml"
    assert config_engine(source) == "weasyprint"
    pdf = build(source, tmp_path / "out", formats=("pdf",)).outputs[0]
    assert "weasyprint" in producer(pdf).lower()
    pdf = build(source, tmp_path / "out2", formats=("pdf",), engine="typst").outputs[0]
    assert "typst" in producer(pdf).lower()


def test_a_wrong_setting_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "disclosure.toml").write_text("pdf_engine = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="pdf_engine"):
        config_engine(tmp_path / "2020-budget.yaml")
