"""The reference documentation is generated from the code and covers every key, option and fact."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import jsonschema

from generator.model import BudgetReport, FinalReport
from generator.present.profile import Profile
from generator.read.sources import load_file
from generator.reference.facts import example_facts, fact_meaning
from generator.reference.fields import stale_descriptions, undocumented
from generator.reference.options import option_meaning, table_options
from generator.reference.schema import data_schema
from generator.reference.write import example_files, pages

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference"


def test_every_model_field_is_documented() -> None:
    assert undocumented(BudgetReport, FinalReport, Profile) == []
    assert stale_descriptions(BudgetReport, FinalReport, Profile) == []


def test_every_fact_of_the_examples_is_documented() -> None:
    facts = example_facts(example_files(ROOT))
    assert len(facts) > 200
    assert [name for name in facts if not fact_meaning(name)] == []


def test_every_table_option_is_documented() -> None:
    options = table_options()
    assert {"landscape", "code_columns", "total_at"} <= {o.key for o in options}
    assert [f"{o.table}.{o.key}" for o in options if not option_meaning(o)] == []


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def test_examples_validate_against_the_schema_and_name_it() -> None:
    schema = data_schema()
    for path in example_files(ROOT):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../docs/reference/data.schema.json", path
        jsonschema.validate(_plain(load_file(path)[0]), schema)


def test_schema_rejects_unknown_keys_and_text_amounts() -> None:
    schema = data_schema()
    raw = _plain(load_file(ROOT / "data" / "jianghan-gov-office" / "2020-budget.yaml")[0])
    assert isinstance(raw, dict)
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors(raw))
    assert list(validator.iter_errors({**raw, "bogus": 1}))
    assert list(validator.iter_errors({**raw, "three_public": {**raw["three_public"], "reception": "2.9万元"}}))


def test_committed_reference_is_current() -> None:
    """docs/reference is what ``disclosure reference`` writes now (run it after changing a model, a fact or an example)."""
    for name, text in pages(ROOT).items():
        assert (REFERENCE / name).read_text(encoding="utf-8") == text, f"docs/reference/{name} 已过时：请运行 disclosure reference"


def test_schema_command_prints_the_schema() -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "schema"], capture_output=True, text=True, encoding="utf-8", check=True)
    assert json.loads(result.stdout) == json.loads((REFERENCE / "data.schema.json").read_text(encoding="utf-8"))
