"""A batch split across machines: each builds its share, the summaries merge into the whole batch's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.commands.cli import main
from generator.commands.shards import parse_shard, select

from .conftest import DATA


def test_shares_cover_every_file_once() -> None:
    files = [Path(f"d{i}/2023-budget.yaml") for i in range(7)]
    shares = [select(files, (k, 3)) for k in (1, 2, 3)]
    assert sorted(sum(shares, []), key=str) == sorted(files, key=str)
    assert [len(s) for s in shares] == [3, 2, 2]
    assert select(files, None) == files


@pytest.mark.parametrize("text", ["0/3", "4/3", "a/b", "2", "-1/2"])
def test_a_bad_shard_is_a_usage_error(text: str) -> None:
    with pytest.raises(click.BadParameter):
        parse_shard(text)


def test_two_machines_build_the_batch_and_the_summaries_merge(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for unit in ("jianghan-gov-office", "jiangan-gov-office", "putuo-finance"):
        shutil.copytree(DATA / unit, data / unit)
    (data / "broken").mkdir()
    (data / "broken" / "2023-budget.yaml").write_text("kind: budget: x\n", encoding="utf-8")
    runner = CliRunner()
    summaries = []
    for k in (1, 2):
        summary = tmp_path / f"s{k}.json"
        runner.invoke(main, ["build", str(data), "-o", str(tmp_path / f"out{k}"), "--format", "html", "-j", "1",
                             "--shard", f"{k}/2", "--summary", str(summary)])
        summaries.append(summary)
    shares = [json.loads(s.read_text(encoding="utf-8")) for s in summaries]
    sources = [r["source"] for share in shares for r in share["reports"]]
    assert len(sources) == 4 and len(set(sources)) == 4  # every file built once, by one machine
    merged = runner.invoke(main, ["summary", *map(str, summaries)])
    assert merged.exit_code == 1  # the broken file failed on one of the machines
    assert "共 4 个：生成 3，跳过 0，失败 1" in merged.output
    alone = runner.invoke(main, ["summary", str(summaries[0])])
    assert "缺少第 2/2 份的汇总" in alone.output and alone.exit_code == 1
