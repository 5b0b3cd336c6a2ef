"""A district or province batch split across machines: one share of the files each, summaries merged after.

``disclosure build data/ --shard 2/4 --summary s2.json`` builds the second of four shares (every fourth
file of the sorted list, so each machine gets a like mix) and writes its summary; ``disclosure summary
s1.json s2.json s3.json s4.json`` prints the whole batch's summary, and fails when any report failed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click

from generator.commands.outputs import write_atomic
from generator.errors import UserError

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
STATUS = {"built": "已生成", "skipped": "未变化，跳过", "failed": "失败"}
"""How the summary words each outcome of a report."""


def parse_shard(text: str) -> tuple[int, int]:
    """ "2/4" → (2, 4): the second of four shares."""
    match = _SHARD.match(text)
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise click.BadParameter(f"应写作 K/N（第 K 份，共 N 份，1 ≤ K ≤ N），如 2/4；此处为“{text}”", param_hint="--shard")
    return int(match.group(1)), int(match.group(2))


def select(files: list[Path], shard: tuple[int, int] | None) -> list[Path]:
    """This machine's share of ``files``: every N-th of the sorted list, starting at the K-th."""
    if shard is None:
        return files
    k, n = shard
    return [f for i, f in enumerate(sorted(files, key=str)) if i % n == k - 1]


def write_summary(path: Path, outcomes: list[Any], seconds: float, out_dir: Path, shard: tuple[int, int] | None) -> None:
    data = {
        "shard": f"{shard[0]}/{shard[1]}" if shard else "",
        "output": str(out_dir),
        "seconds": round(seconds, 3),
        "reports": [{"source": str(o.source), "status": o.status, "seconds": round(o.seconds, 3), "messages": o.messages} for o in outcomes],
    }
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def merge(paths: list[Path]) -> int:
    """Print the summary of every report of the given shard summaries; 1 when any failed (or a share is missing)."""
    reports: list[dict[str, Any]] = []
    shares: dict[int, set[int]] = {}
    seconds = 0.0
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            rows = data["reports"]
            seconds = max(seconds, float(data.get("seconds", 0)))
        except (OSError, ValueError, KeyError, TypeError):
            raise UserError(f"{path}：不是 disclosure build --summary 写出的汇总文件") from None
        if data.get("shard"):
            k, n = (int(x) for x in str(data["shard"]).split("/"))
            shares.setdefault(n, set()).add(k)
        reports.extend(rows)
    if not reports:
        raise UserError("汇总文件中没有报告")
    reports.sort(key=lambda r: r["source"])
    width = max(len(r["source"]) for r in reports)
    for r in reports:
        for m in r.get("messages", []):
            click.echo(m, err=True)
    for r in reports:
        click.echo(f"{r['source']:<{width}}  {STATUS.get(r['status'], r['status']):<8}  {float(r['seconds']):6.2f} 秒")
    counts = {s: sum(1 for r in reports if r["status"] == s) for s in STATUS}
    click.echo(f"共 {len(reports)} 个：生成 {counts['built']}，跳过 {counts['skipped']}，失败 {counts['failed']}；各份中最长用时 {seconds:.2f} 秒。")
    missing = [f"{k}/{n}" for n, ks in shares.items() for k in range(1, n + 1) if k not in ks]
    if missing:
        click.echo(f"缺少第 {'、'.join(missing)} 份的汇总", err=True)
    return 1 if counts["failed"] or missing else 0
