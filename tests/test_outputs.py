"""Writing outputs: the umask is respected, a report's files are replaced together, and a refusal of the
system (disk full, read-only folder, no permission) is a message naming the folder, not an internal error."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.commands import outputs
from generator.commands.cli import main
from generator.commands.outputs import journal_path, recover, write_atomic, write_set

from .conftest import DATA

SOURCE = DATA / "jianghan-gov-office" / "2020-budget.yaml"


@pytest.fixture
def umask_022():  # type: ignore[no-untyped-def]
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    write_atomic(tmp_path / "a.html", b"a")
    write_set(tmp_path / "r", {tmp_path / "r.html": b"h", tmp_path / "r.pdf": b"p"})
    assert [mode(tmp_path / n) for n in ("a.html", "r.html", "r.pdf")] == [0o644] * 3
    os.umask(0o077)
    write_atomic(tmp_path / "a.html", b"b")
    assert mode(tmp_path / "a.html") == 0o600


def build(tmp_path: Path, *args: str) -> Result:
    unit = tmp_path / "data" / "jianghan-gov-office"
    if not unit.is_dir():
        unit.mkdir(parents=True)
        (unit / "2020-budget.yaml").write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    return CliRunner().invoke(main, ["build", str(unit), "--format", "html", "-o", str(tmp_path / "out"), *args])


def test_built_report_stamp_and_fonts_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    assert build(tmp_path, "-j", "1").exit_code == 0
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert any(p.name.endswith(".stamp") for p in files) and any(p.suffix == ".woff2" for p in files)
    assert {p.name: mode(p) for p in files} == {p.name: 0o644 for p in files}


def test_a_failure_before_the_renames_keeps_the_old_set(tmp_path: Path) -> None:
    stem = tmp_path / "r"
    write_set(stem, {tmp_path / "r.html": b"old html", tmp_path / "r.pdf": b"old pdf"})
    real = outputs._write_temp
    calls = []

    def full(path: Path, content: bytes) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, content)

    outputs._write_temp = full  # type: ignore[assignment]
    try:
        with pytest.raises(outputs.OutputError, match=f"无法写入 {tmp_path}：磁盘空间不足"):
            write_set(stem, {tmp_path / "r.html": b"new html", tmp_path / "r.pdf": b"new pdf"})
    finally:
        outputs._write_temp = real  # type: ignore[assignment]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.pdf"]
    assert (tmp_path / "r.html").read_bytes() == b"old html"


def test_a_kill_between_renames_is_completed_by_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stem = tmp_path / "r"
    write_set(stem, {tmp_path / "r.html": b"old html", tmp_path / "r.pdf": b"old pdf"})
    real = os.replace

    def killed(src: str, dst: str) -> None:
        if str(dst).endswith(".pdf"):
            raise KeyboardInterrupt  # stopped after the new HTML has replaced the old one
        real(src, dst)

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_set(stem, {tmp_path / "r.html": b"new html", tmp_path / "r.pdf": b"new pdf"})
    monkeypatch.setattr(os, "replace", real)
    assert (tmp_path / "r.html").read_bytes() == b"new html" and (tmp_path / "r.pdf").read_bytes() == b"old pdf"
    assert journal_path(stem).exists()
    recover(stem)
    assert (tmp_path / "r.html").read_bytes() == b"new html" and (tmp_path / "r.pdf").read_bytes() == b"new pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.pdf"]


def test_a_stale_journal_of_another_folder_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").write_bytes(b"keep")
    journal_path(tmp_path / "r").write_text(f'[["{tmp_path / "elsewhere"}", "/tmp/x"], ["a"], 3]', encoding="utf-8")
    recover(tmp_path / "r")
    assert (tmp_path / "elsewhere").read_bytes() == b"keep" and not journal_path(tmp_path / "r").exists()


@pytest.mark.parametrize(("code", "cause"), [(errno.ENOSPC, "磁盘空间不足"), (errno.EROFS, "文件夹是只读的"), (errno.EACCES, "没有写入权限")])
def test_system_refusals_name_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, cause: str) -> None:
    real = os.open

    def refuse(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    for jobs in ("1", "2"):
        result = build(tmp_path, "-j", jobs, "--force")
        assert result.exit_code == 1, result.output
        assert f"无法写入 {tmp_path / 'out'}" in result.output and cause in result.output, result.output
        assert "内部错误" not in result.output


def test_read_only_output_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("permissions do not stop the superuser")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = build(tmp_path, "-j", "1")
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1 and "没有写入权限" in result.output and "内部错误" not in result.output
