"""The live preview: a real headless Chromium sees saved changes without reloading by hand;
bad data gives an error page that recovers; nothing but the report is served, on 127.0.0.1 only."""

from __future__ import annotations

import http.client
import shutil
import time
from pathlib import Path
from typing import Iterator

import pytest

from generator.errors import DataErrors, Pos, error
from generator.commands.preview import Preview, error_page

from .conftest import DATA, ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

# 2109901 其他卫生健康支出 (basic) and 30112 其他社会保障缴费 print the same figure; +10 keeps the data consistent
OLD_LEAF = ('basic: 2.45, project: 0}', 'amount: 2.45}')
NEW_LEAF = ('basic: 12.45, project: 0}', 'amount: 12.45}')
OLD_TOTAL, NEW_TOTAL = "2232.51", "2242.51"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    target = tmp_path / "jianghan-gov-office" / "2020-budget.yaml"
    target.parent.mkdir()
    shutil.copy(DATA / "jianghan-gov-office" / "2020-budget.yaml", target)
    return target


@pytest.fixture
def preview(report: Path) -> Iterator[Preview]:
    running = Preview(report, 0).start()
    yield running
    running.close()


def get(preview: Preview, path: str, host: str | None = None) -> tuple[int, str]:
    status, body = fetch(preview, path, host)
    return status, body.decode("utf-8")


def fetch(preview: Preview, path: str, host: str | None = None) -> tuple[int, bytes]:
    """A raw request: the path goes out exactly as written (no client-side normalising of ../)."""
    conn = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", host or f"127.0.0.1:{preview.port}")
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def edit(path: Path, old: tuple[str, ...], new: tuple[str, ...]) -> None:
    text = path.read_text(encoding="utf-8")
    for a, b in zip(old, new):
        assert a in text
        text = text.replace(a, b)
    path.write_text(text, encoding="utf-8")


# --- in a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not CHROMIUM.is_file() or not Path(CHROMEDRIVER).is_file():
        pytest.skip("Chromium 未安装（apt-get install chromium chromium-driver）")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait_for(driver, condition, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, seconds, poll_frequency=0.1, ignored_exceptions=(WebDriverException,)).until(condition)


def body_text(driver) -> str:  # type: ignore[no-untyped-def]
    return str(driver.execute_script("return document.body ? document.body.innerText : ''"))


def test_page_follows_saved_changes(preview: Preview, browser, report: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get(preview.url)
    text = body_text(browser)
    assert "草稿" in text
    assert OLD_TOTAL in text
    browser.execute_script("window.__notReloaded = true;")

    edit(report, OLD_LEAF, NEW_LEAF)
    wait_for(browser, lambda d: NEW_TOTAL in body_text(d))
    assert browser.execute_script("return window.__notReloaded === undefined"), "the page reloaded itself"
    assert OLD_TOTAL not in body_text(browser)

    edit(report, ("kind: budget\n",), ("kind: budget: x\n",))  # line 4: invalid YAML
    wait_for(browser, lambda d: "数据有误" in body_text(d))
    text = body_text(browser)
    assert f"{report}:5:" in text
    assert "YAML 语法错误" in text

    edit(report, ("kind: budget: x\n",), ("kind: budget\n",))
    wait_for(browser, lambda d: NEW_TOTAL in body_text(d) and "草稿" in body_text(d))
    assert "数据有误" not in body_text(browser)


# --- without a browser ---------------------------------------------------------------------------


def test_serves_the_report_and_its_version(preview: Preview) -> None:
    for path in ("/", "/index.html", "/?t=1"):
        status, page = get(preview, path)
        assert status == 200 and "草稿" in page and "/__version" in page
    status, version = get(preview, "/__version")
    assert status == 200
    preview.rebuild()
    assert get(preview, "/__version")[1] == str(int(version) + 1)


def test_serves_the_reports_fonts(preview: Preview) -> None:
    if not preview.assets:
        pytest.skip("没有随附字体")
    page = get(preview, "/")[1]
    for url, file in preview.assets.items():
        assert url in page
        status, body = fetch(preview, url)
        assert status == 200 and body == file.read_bytes()


OUTSIDE = [
    "/../pyproject.toml", "/../../etc/passwd", "/etc/passwd", "/data/x.yaml", "/2020-budget.yaml",
    "/jianghan-gov-office/2020-budget.yaml", "/generator/cli.py", "/templates/report.html", "/%2e%2e/pyproject.toml",
    "//etc/passwd", "/index.html/../../pyproject.toml", "/favicon.ico",
]


def test_nothing_else_is_served(preview: Preview) -> None:
    for path in OUTSIDE:
        status, body = get(preview, path)
        assert status == 404, path
        assert "[project]" not in body and "root:" not in body


def test_other_sites_cannot_read_it(preview: Preview) -> None:
    assert get(preview, "/", host="attacker.example:80")[0] == 403


def test_listens_on_loopback_only(preview: Preview) -> None:
    assert preview.server.server_address[0] == "127.0.0.1"
    assert preview.server.socket.getsockname()[0] == "127.0.0.1"
    assert preview.url.startswith("http://127.0.0.1:")


def test_bad_data_is_an_error_page_that_recovers(preview: Preview, report: Path) -> None:
    edit(report, ("kind: budget\n",), ("kind: budget: x\n",))
    assert preview.rebuild()
    status, page = get(preview, "/")
    assert status == 200 and "数据有误" in page and f"{report}:5:13" in page and "/__version" in page
    edit(report, ("kind: budget: x\n",), ("kind: budget\n",))
    assert preview.rebuild() == []
    assert "草稿" in get(preview, "/")[1]


def test_any_failure_is_an_error_page(preview: Preview, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("generator.build.prepare", broken)
    assert preview.rebuild() == ["内部错误（RuntimeError: boom）"]
    status, page = get(preview, "/")
    assert status == 200 and "内部错误" in page


def wait_until(condition, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_rebuilds_on_templates_and_last_years_file_only(report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "generator" / "templates", templates)
    monkeypatch.setenv("DISCLOSURE_TEMPLATES", str(templates))
    preview = Preview(report, 0).start()
    try:
        with (templates / "static" / "report.css").open("a", encoding="utf-8") as css:
            css.write("\n/* 样式已修改 */\n")
        assert wait_until(lambda: "样式已修改" in get(preview, "/")[1])

        version = preview.current()[0]
        (report.parent / "2019-budget.yaml").write_text("year: 2019\n", encoding="utf-8")
        assert wait_until(lambda: preview.current()[0] > version)

        version = preview.current()[0]
        (report.parent / "notes.txt").write_text("与报告无关\n", encoding="utf-8")
        (report.parent / ".2020-budget.yaml.swp").write_text("x", encoding="utf-8")
        assert not wait_until(lambda: preview.current()[0] > version, seconds=1.0)
    finally:
        preview.close()


def test_error_page_escapes_messages() -> None:
    issue = error(Pos("<b>.yaml", 3, 7), "<script>alert(1)</script> 不正确")
    page = error_page(DataErrors([issue]), "<b>.yaml", "<script>/* reload */</script>")
    assert "&lt;b&gt;.yaml:3:7" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 不正确" in page
    assert "<script>alert" not in page


def test_a_deeply_nested_save_gives_the_error_page(report: Path) -> None:
    """A file of 30,000 nested brackets used to take the server down with the parser."""
    running = Preview(report, 0)
    try:
        report.write_text("x: " + "[" * 30_000 + "]" * 30_000 + "\n", encoding="utf-8")
        found = running.rebuild()
        assert len(found) == 1 and ":1:43: 错误: 嵌套层次过深" in found[0]
        assert "嵌套层次过深" in running.current()[1].decode("utf-8")
    finally:
        running.server.server_close()


def test_serves_the_pdf_of_each_version(preview: Preview, report: Path) -> None:
    status, page = get(preview, "/pdf")
    assert status == 200 and 'src="/report.pdf?v=1"' in page and "/__version" in page
    status, first = fetch(preview, "/report.pdf?v=1")
    assert status == 200 and first.startswith(b"%PDF")
    assert fetch(preview, "/report.pdf")[1] == first  # typeset once per version
    edit(report, OLD_LEAF, NEW_LEAF)
    assert wait_until(lambda: preview.current()[0] > 1)
    status, second = fetch(preview, "/report.pdf")
    assert status == 200 and second != first
    edit(report, ("kind: budget\n",), ("kind: budget: x\n",))
    assert wait_until(lambda: preview.problems != [])
    status, problem = get(preview, "/report.pdf")
    assert status == 503 and "数据有误" in problem and "YAML 语法错误" in problem


def test_a_silent_connection_is_closed(preview: Preview, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client that connects and never finishes its request (HTTP/0.9 style, a TLS hello) does not hold a thread."""
    import socket

    from generator.commands import preview as module

    assert module.REQUEST_TIMEOUT <= 10
    with socket.create_connection(("127.0.0.1", preview.port), timeout=module.REQUEST_TIMEOUT + 5) as sock:
        sock.sendall(b"\x16\x03\x01\x02\x00\x01")  # the start of a TLS hello, then silence
        assert sock.recv(1024) == b""  # the server closes the connection (without it, recv times out and raises)
    assert get(preview, "/")[0] == 200  # and keeps serving
