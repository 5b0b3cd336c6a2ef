"""The published Shanghai reports (../shared/samples): imported, built with no hand edit, measured by ../shared/tools/fidelity.py.

Skipped when the shared material does not lie beside the project (as in tests/conftest.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
TOOL = SHARED / "tools" / "fidelity.py"
NAMES = ["putuo-finance-2024-final", "putuo-planning-2024-final", "putuo-commerce-2025-budget"]
BAR = 0.90

pytestmark = pytest.mark.skipif(not TOOL.is_file() or not SAMPLES.is_dir(), reason="the published reports (shared/) are not beside the project")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, str]]:
    """Each sample imported (data file, import output) and built (PDF)."""
    out = {}
    for name in NAMES:
        folder = tmp_path_factory.mktemp(name)
        data = folder / "data.yaml"
        imported = _run("-m", "generator", "import", str(SAMPLES / f"{name}.pdf"), "-o", str(data))
        assert imported.returncode == 0, imported.stderr
        result = _run("-m", "generator", "build", str(data), "-o", str(folder / "out"), "--force", "--format", "pdf")
        assert result.returncode == 0, result.stdout + result.stderr
        pdfs = list((folder / "out").rglob("*.pdf"))
        assert len(pdfs) == 1
        out[name] = (data, pdfs[0], imported.stdout)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_fidelity_of_the_imported_report(built: dict[str, tuple[Path, Path, str]], name: str) -> None:
    _, pdf, _ = built[name]
    result = _run(str(TOOL), str(SAMPLES / f"{name}.txt"), str(pdf))
    m = re.search(r"fidelity numbers=([\d.]+) headings=([\d.]+)", result.stdout)
    assert m, result.stdout + result.stderr
    assert float(m.group(1)) >= BAR, result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_unplaced_lines_are_listed_and_counted(built: dict[str, tuple[Path, Path, str]], name: str) -> None:
    """Every listed line is text of the report (not a page number), and the closing note counts them."""
    _, _, output = built[name]
    listed = re.findall(r"^  第 (\d+) 页：(.*)$", output, flags=re.M)
    count = re.search(r"未能归位的文字 (\d+) 行。", output)
    assert count, output
    assert int(count.group(1)) == len(listed)
    published = re.sub(r"\s+", "", (SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))
    for _, text in listed:  # the published text file orders a line's pieces in its own way: each piece is there
        assert all(piece in published for piece in re.split(r"[\s\d.,%]+", text) if len(piece) >= 2), text
        assert not re.fullmatch(r"[-－—\s]*\d{1,3}[-－—\s]*", text)


def _load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_rounding_moves_are_noted_and_totals_not_copied(built: dict[str, tuple[Path, Path, str]]) -> None:
    """Finance 2024: 301 prints 2,082.85 over 款 that add up to 2,082.86 (91.03 among them, as printed).

    The file moves one 款 by the cent so the computed 类 is the printed one, and says so in its header."""
    data, _, _ = built["putuo-finance-2024-final"]
    text = data.read_text(encoding="utf-8")
    values = _load(data)
    econ = {e["code"]: Decimal(str(e["amount"])) for e in values["basic_economic"]}
    assert sum((v for c, v in econ.items() if c.startswith("301")), Decimal(0)) == Decimal("2082.85")
    assert econ["30199"] == Decimal("91.02")
    assert "30199 决算数：印 91.03，录为 91.02" in text
    for entry in values["expenditure"]:
        assert len(entry["code"]) == 7 and "total" not in entry


def test_budget_projects_read(built: dict[str, tuple[Path, Path, str]]) -> None:
    """Commerce 2025: four project sections; 生命健康专项 budgets 870 + 70 + 180 + 50 = 1,170 万元 (printed 合计 1170.00万)."""
    data, _, _ = built["putuo-commerce-2025-budget"]
    projects = _load(data)["projects"]
    assert [p["name"] for p in projects] == ["科技创新专项", "生命健康专项（政策资金）", "商业创新专项（政策资金）", "贸易高质量发展专项（政策资金）"]
    health = projects[1]
    assert [Decimal(str(d["amount"])) for d in health["details"]] == [Decimal(870_0000), Decimal(70_0000), Decimal(180_0000), Decimal(50_0000)]
    assert "amount" not in health
    assert health["period"] == "2025.1.1-2025.12.31"
    assert len(projects[2]["basis"]) == 3


def test_budget_previous_from_the_printed_changes(built: dict[str, tuple[Path, Path, str]]) -> None:
    """Commerce 2025: 一般公共预算拨款支出预算 371,514,655.00 元 (表 5 合计), "比2024年预算增加24,491.71万元";
    财政拨款收入 "比2024年预算执行数增加24,558.18万元"; 公务接待费 1.00 万元 "与2024年预算持平" (its sentence is
    printed with a full stop where the template has a comma: its change comes from the total's, 持平)."""
    data, _, _ = built["putuo-commerce-2025-budget"]
    previous = _load(data)["previous"]
    assert Decimal(str(previous["total"])) == Decimal(371_514_655) - Decimal("24491.71") * 10000
    assert Decimal(str(previous["income_appropriation"])) == Decimal(371_514_655) - Decimal("24558.18") * 10000
    assert {k: Decimal(str(v)) for k, v in previous["three_public"].items()} == {
        "outbound": 0,
        "vehicle_purchase": 0,
        "vehicle_operation": 0,
        "reception": Decimal(10000),
    }


def test_row_total_kept_over_its_rounded_parts(built: dict[str, tuple[Path, Path, str]]) -> None:
    """Planning 2024: 2120101 prints 合计 1092.80 = 基本 1084.02 + 项目 8.77 in the 一般公共预算 table (1092.79 in fact),
    1092.80 in the income table; the 支出决算表 prints 基本 1096.91 for all funds. The 合计 is kept: 基本 1092.80 − 8.77
    = 1084.03, other money 1096.91 − 1084.03 = 12.88."""
    data, _, _ = built["putuo-planning-2024-final"]
    row = next(e for e in _load(data)["expenditure"] if e["code"] == "2120101")
    assert Decimal(str(row["basic"])) == Decimal("1092.80") - Decimal("8.77")
    assert Decimal(str(row["project"])) == Decimal("8.77")
    assert Decimal(str(row["other_funds"]["basic"])) == Decimal("1096.91") - (Decimal("1092.80") - Decimal("8.77"))
    assert "appropriation_income" not in row
