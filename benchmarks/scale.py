"""PDF cost against the size of a department: the largest example, and copies of it 10 and 50 times as large.

A synthetic department of ×k repeats every project of the Xinzhou example k times (each with its own
name and forms) and multiplies the project money of its function rows and economic classes by k, so
that it passes every check. It prints, per size and PDF engine: pages, wall time and peak memory of
a whole `disclosure build --format pdf` process.

    python benchmarks/scale.py                      # ×1, ×10, ×50 with Typst; ×1, ×10 with WeasyPrint
    python benchmarks/scale.py --sizes 1,10 --engines typst
"""

from __future__ import annotations

import argparse
import copy
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "xinzhou-gov-office" / "2023-budget.yaml"


def scaled(k: int) -> object:
    yaml = YAML()
    data = yaml.load(SOURCE.read_text(encoding="utf-8"))
    if k == 1:
        return data
    projects = data["projects"]
    data["projects"] = [_renamed(p, i) for i in range(k) for p in projects]
    for row in data["expenditure"]:
        if row.get("project"):
            row["project"] = Decimal(str(row["project"])) * k
    for row in data.get("project_economic", []):
        row["amount"] = Decimal(str(row["amount"])) * k
    data.pop("whole_form", None)  # the department-wide form details the original total only
    return data


def _renamed(project: object, i: int) -> object:
    copied = copy.deepcopy(project)
    if i:
        copied["name"] = f"{copied['name']}（{i + 1}）"
        if copied.get("form_name"):
            copied["form_name"] = f"{copied['form_name']}（{i + 1}）"
    return copied


def run(path: Path, out: Path, engine: str) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "build", str(path), "-o", str(out), "--force", "--format", "pdf",
                           "--pdf-engine", engine], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(done.stdout + done.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    import pdfplumber

    with pdfplumber.open(out / path.parent.name / "2023-budget.pdf") as pdf:
        pages = len(pdf.pages)
    return seconds, max(peak, before) / 1024, pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,50")
    parser.add_argument("--engines", default="typst,weasyprint")
    parser.add_argument("--weasyprint-max", type=int, default=10, help="largest size built with WeasyPrint")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'size':>5} {'engine':>10} {'pages':>6} {'wall s':>8} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for k in sizes:
            path = Path(tmp) / f"scale-{k}" / "2023-budget.yaml"
            path.parent.mkdir()
            writer = YAML()
            writer.representer.add_representer(Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float", f"{d:.2f}"))
            with path.open("w", encoding="utf-8") as handle:
                writer.dump(scaled(k), handle)
            for engine in args.engines.split(","):
                if engine == "weasyprint" and k > args.weasyprint_max:
                    continue
                seconds, peak, pages = run(path, Path(tmp) / "out", engine)
                print(f"{'×' + str(k):>5} {engine:>10} {pages:>6} {seconds:8.1f} {peak:9.0f}", flush=True)


if __name__ == "__main__":
    main()
