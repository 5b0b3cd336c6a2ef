"""The published site: index page, page links and contents menu, per-page web fonts, phones, accessibility."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.commands.cli import main
from generator.render.webfonts import page_characters

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FONT_BUDGET = 1_500_000
"""At most 1.5 MB of web fonts per page."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = CliRunner().invoke(main, ["build", str(ROOT / "data"), "-o", str(out), "--format", "html,pdf,csv", "--site", "-j", "1"])
    assert result.exit_code == 0, result.output
    return out


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("*/*.html") if re.fullmatch(r"\d{4}-(budget|final)\.html", p.name))


def test_index_lists_every_report_with_every_format(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert len(pages(site)) == len(list((ROOT / "data").glob("*/*.yaml")))
    for page in pages(site):
        rel = f"{page.parent.name}/{page.name}"
        assert f'href="{rel}"' in index
        assert f'href="{page.parent.name}/{page.stem}.pdf"' in index and f'href="{page.parent.name}/{page.stem}-csv/"' in index
    assert 'type="search"' in index and "江汉区人民政府办公室" in index and "2023 年部门决算" in index
    for href in re.findall(r'href="([^"#]+)"', index):
        assert (site / href).exists(), href


def test_page_links_to_its_pdf_and_has_a_contents_menu(site: Path) -> None:
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert f'href="{page.stem}.pdf"' in text and 'href="../index.html"' in text
        menu = re.search(r'<details class="contents-menu">(.*?)</details>', text, re.S)
        assert menu is not None, page
        anchors = re.findall(r'href="#([^"]+)"', menu.group(1))
        assert len(anchors) >= 3 and all(f'id="{a}"' in text for a in anchors)


def test_web_fonts_per_page_are_subsets_under_the_budget(site: Path) -> None:
    from fontTools.ttLib import TTFont

    for page in [site / "index.html", *pages(site)]:
        text = page.read_text(encoding="utf-8")
        fonts = re.findall(r'url\("([^"]+\.woff2)"\)', text)
        assert len(fonts) == 2, page
        files = [page.parent / f for f in fonts]
        assert sum(f.stat().st_size for f in files) <= FONT_BUDGET, page
        needed = {ord(c) for c in page_characters(text) if ord(c) > 0x2000 and not c.isspace()}
        for f in files:
            cmap = TTFont(str(f)).getBestCmap()
            assert needed <= set(cmap), (f, sorted(chr(c) for c in needed - set(cmap))[:10])
    assert not (site / "_static" / "fonts").exists()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not CHROMIUM.is_file() or not Path(CHROMEDRIVER).is_file():
        pytest.skip("Chromium 未安装（apt-get install chromium chromium-driver）")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


NARROW_CELLS = """
var bad = [];
document.querySelectorAll('table td, table th').forEach(function (c) {
  var width = c.getBoundingClientRect().width, em = parseFloat(getComputedStyle(c).fontSize);
  if (width + 0.5 < 4 * em) bad.push(c.textContent.slice(0, 20) + ' ' + width.toFixed(1) + 'px < 4em (' + (4 * em).toFixed(1) + 'px)');
});
return bad;
"""

SCROLLING = """
var wide = 0, scrolls = 0;
document.querySelectorAll('.grid-wrap').forEach(function (w) {
  if (w.scrollWidth > w.clientWidth + 1) { wide++; var s = getComputedStyle(w).overflowX; if (s === 'auto' || s === 'scroll') scrolls++; }
});
return [document.documentElement.scrollWidth, wide, scrolls,
        getComputedStyle(document.querySelector('table.grid thead')).position];
"""


def test_on_a_phone_cells_keep_4em_tables_scroll_in_their_box_and_text_reflows(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    browser.set_window_size(390, 844)
    width = browser.execute_script("return window.innerWidth")
    for page in pages(site):
        browser.get(page.as_uri())
        assert browser.execute_script(NARROW_CELLS) == [], page
        page_width, wide, scrolls, head = browser.execute_script(SCROLLING)
        assert page_width <= width, f"{page}: the page itself scrolls sideways ({page_width}px > {width}px)"
        assert wide == scrolls and head == "sticky", page


def test_pages_pass_the_accessibility_audit(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    """axe-core 4: headings in order, table headers, lang, contrast, landmarks, scrollable regions … at phone and desktop widths."""
    axe_selenium = pytest.importorskip("axe_core_python.selenium")
    axe = axe_selenium.Axe()
    for size in ((390, 844), (1280, 900)):
        browser.set_window_size(*size)
        for page in [site / "index.html", *pages(site)]:
            browser.get(page.as_uri())
            result = axe.run(browser)
            assert result["testEngine"]["version"].startswith("4."), result["testEngine"]
            violations = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:100]}" for v in result["violations"]]
            assert violations == [], f"{page} at {size[0]}px: {violations}"
