"""Screenshots of a built site in headless Chromium, at a phone's width (390 px) and a desktop's (1280 px).

    python scripts/screenshots.py OUTPUT_DIR SHOTS_DIR

For each page (index.html and every report): the top of the page, and the first table that is wider
than the screen (on the phone also scrolled sideways, to see the header and first column kept in view).
Needs the development extras (selenium) and chromium with chromium-driver.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

FIRST_WIDE_TABLE = """
var wraps = document.querySelectorAll('.grid-wrap'), wide = null;
for (var i = 0; i < wraps.length; i++) { if (wraps[i].scrollWidth > wraps[i].clientWidth + 1) { wide = wraps[i]; break; } }
wide = wide || wraps[0];
if (wide) { wide.scrollIntoView(); window.scrollBy(0, -10); }
return wide ? [wide.scrollWidth, wide.clientWidth] : null;
"""


def main(out_dir: str, shots_dir: str) -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    out, shots = Path(out_dir), Path(shots_dir)
    shots.mkdir(parents=True, exist_ok=True)
    try:
        for page in [out / "index.html", *sorted(out.glob("*/[0-9]*.html"))]:
            if not page.is_file():
                continue
            name = "index" if page.parent == out else f"{page.parent.name}-{page.stem}"
            for width in (390, 1280):
                driver.set_window_size(width, 900)
                driver.get(page.as_uri())
                driver.save_screenshot(str(shots / f"{name}-{width}.png"))
                if page.parent == out:
                    continue
                table = driver.execute_script(FIRST_WIDE_TABLE)
                driver.save_screenshot(str(shots / f"{name}-{width}-table.png"))
                if width == 390 and table:
                    driver.execute_script("var w = document.querySelector('.grid-wrap'); var all = document.querySelectorAll('.grid-wrap');"
                                          "for (var i = 0; i < all.length; i++) { if (all[i].scrollWidth > all[i].clientWidth + 1) { w = all[i]; break; } }"
                                          "w.scrollLeft = 250; w.scrollTop = 150;")
                    driver.save_screenshot(str(shots / f"{name}-{width}-table-scrolled.png"))
                print(f"{name} {width}px: 宽表 {table}")
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
