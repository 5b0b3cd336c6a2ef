"""Live preview: serve one report's HTML draft on 127.0.0.1 and rebuild it whenever a source is saved.

Only the report page, its PDF (``/report.pdf``, and ``/pdf``: a page that shows it and follows
saves), its fonts and a version counter are served; the pages poll the counter and reload when
a rebuild happened. The PDF is typeset on request, once per version. Invalid data gives an error page (file:line:col and the
Chinese message of each problem) that recovers once the data is fixed. Nothing else on
the machine can be read through the server.
"""

from __future__ import annotations

import html
import re
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import click

from generator.errors import DataErrors, Issue, UserError
from generator.render.fonts import FONT_FILES, bundled_dir
from generator.paths import config_engine, template_dirs

HOST = "127.0.0.1"
VERSION_PATH = "/__version"
PAGES = ("/", "/index.html")
PDF_PATH = "/report.pdf"
PDF_PAGE = "/pdf"
FONTS_URL = "/_static/fonts"

RELOAD_SCRIPT = """<script>
(function () {
  var shown = "%d";
  setInterval(function () {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (v !== shown) { location.reload(); } }, function () {});
  }, 250);
})();
</script>"""

ERROR_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>数据有误 — {name}</title>
<style>
body {{ font-family: "Noto Sans SC", sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.6; }}
h1 {{ color: #b00; font-size: 18pt; }}
li {{ margin: 0.4em 0; }}
code {{ color: #b00; }}
</style>
{script}
</head>
<body class="preview-error">
<h1>数据有误，未能生成预览</h1>
<p>请修改以下问题并保存，本页会自动刷新。</p>
<ul>
{items}
</ul>
</body>
</html>
"""


PDF_VIEW = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>PDF 预览 — {name}</title>
<style>html, body {{ margin: 0; height: 100%; }} iframe {{ border: 0; width: 100%; height: 100%; }}</style>
{script}
</head>
<body class="preview-pdf">
<iframe src="{pdf}?v={version}" title="PDF 预览"></iframe>
</body>
</html>
"""


def problems(exc: Exception) -> list[str]:
    """Each problem as one line of text (file:line:col: 错误: message where a position is known)."""
    if isinstance(exc, DataErrors):
        return [str(issue) for issue in exc.issues]
    if isinstance(exc, UserError):
        return [f"错误：{exc}"]
    return [f"内部错误（{type(exc).__name__}: {exc}）"]


WARNINGS_PANEL = """<aside class="preview-warnings" role="note" aria-label="数据警告" style="position: sticky; top: 0; z-index: 10; \
background: #fff8e1; color: #4a3500; border-bottom: 1px solid #c9a227; padding: 0.5em 1em; font-family: sans-serif; font-size: 0.9rem;">
<p style="margin: 0 0 0.3em"><strong>数据有 {count} 个警告</strong>（正式生成时照常输出；--strict 时将停止生成；已核对的警告可在数据文件的 accept 中确认）：</p>
<ul style="margin: 0; padding-left: 1.5em">
{items}
</ul>
</aside>"""


def with_warnings(page: str, warnings: list[Issue]) -> str:
    """The draft page with a panel listing the data's warnings at its top (the page itself when there are none)."""
    if not warnings:
        return page
    items = "\n".join(f"<li><code>{html.escape(str(w.pos))}</code> {html.escape(w.message)} [{html.escape(w.rule)}]</li>" for w in warnings)
    panel = WARNINGS_PANEL.format(count=len(warnings), items=items)
    match = re.search(r"<body[^>]*>", page)
    if match is None:
        return panel + page
    return page[: match.end()] + "\n" + panel + page[match.end() :]


def error_page(exc: Exception, name: str, script: str) -> str:
    if isinstance(exc, DataErrors):
        items = [f"<li><code>{html.escape(str(i.pos))}</code> {html.escape(i.severity.value)}：{html.escape(i.message)}</li>" for i in exc.issues]
    else:
        items = [f"<li>{html.escape(line)}</li>" for line in problems(exc)]
    return ERROR_PAGE.format(name=html.escape(name), script=script, items="\n".join(items))


class Preview:
    """One data file's draft page, rebuilt on change, served on 127.0.0.1:``port`` (0 picks a free port)."""

    def __init__(self, path: Path, port: int = 0, engine: str | None = None) -> None:
        from generator.render.engines import pdf_engine

        self.path = path
        self.engine = pdf_engine(engine or config_engine(path))
        self.doc: object | None = None
        """The Document of the current version (None while the data has errors)."""
        self.pdf: tuple[int, bytes, str] | None = None
        """(version, PDF, error message) of the last PDF typeset."""
        self.pdf_wanted = False
        """Set once the PDF has been asked for: from then on each rebuild typesets it at once."""
        self.typesetting: tuple[int, Future[tuple[bytes, str]]] | None = None
        """(version, its PDF being typeset) while a rebuild's PDF is on its way."""
        self.typesetter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview-pdf")
        self.folder = path.resolve().parent
        self.version = 0
        self.page = b""
        self.problems: list[str] = []
        fonts = bundled_dir()
        self.assets = {f"{FONTS_URL}/{name}": fonts / name for name in FONT_FILES.values()} if fonts else {}
        """The report's own files (the bundled fonts), by URL path: the only files ever read for a request."""
        self.lock = threading.Lock()
        self.building = threading.Lock()
        self.stopping = threading.Event()
        self.watching = threading.Event()
        self.rebuild()
        try:
            self.server = ThreadingHTTPServer((HOST, port), _handler(self))
        except OSError as exc:
            raise UserError(f"无法在 {HOST}:{port} 上启动预览（{exc.strerror}）；可用 --port 换一个端口") from None
        self.port = self.server.server_address[1]
        self.url = f"http://{HOST}:{self.port}/"
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}
        self.threads = [threading.Thread(target=self.watch, name="preview-watch", daemon=True)]

    # building -----------------------------------------------------------------

    def rebuild(self) -> list[str]:
        """Render the draft (HTML only, in memory); any failure becomes the error page. Returns the problems."""
        from generator.build import prepare
        from generator.render.html import render_html

        with self.building:
            version = self.version + 1
            script = RELOAD_SCRIPT % (version, VERSION_PATH)
            found: list[str] = []
            doc = None
            try:
                doc, warnings = prepare(self.path, draft=True)
                if self.pdf_wanted:  # the PDF is typeset beside the HTML (the compiler leaves Python running)
                    self.typesetting = (version, self.typesetter.submit(self.typeset_step(doc)))
                text = with_warnings(render_html(doc, head_extra=script, font_href=FONTS_URL if self.assets else None), warnings)
            except Exception as exc:  # bad data, a bad profile or a bug: the server keeps running
                found = problems(exc)
                text = error_page(exc, self.path.name, script)
                doc = None
            with self.lock:
                self.page, self.version, self.problems, self.doc = text.encode("utf-8"), version, found, doc
            return found

    def current(self) -> tuple[int, bytes]:
        with self.lock:
            return self.version, self.page

    def typeset_step(self, doc: object) -> Callable[[], tuple[bytes, str]]:
        """What Python does for the PDF, done now; returns the typesetting, giving (PDF, "") or (b"", the problem):
        a layout error or a bug is reported on the page, the server keeps running."""
        from generator.build import pdf_job

        try:
            job = pdf_job(doc, self.folder, engine=self.engine)  # type: ignore[arg-type]
        except Exception as exc:
            found = "\n".join(problems(exc))
            return lambda: (b"", found)

        def typeset() -> tuple[bytes, str]:
            try:
                return job(), ""
            except Exception as exc:
                return b"", "\n".join(problems(exc))

        return typeset

    def current_pdf(self) -> tuple[bytes, str]:
        """The PDF of the current version: the one typeset beside the rebuild, or typeset now (first request)."""
        self.pdf_wanted = True
        with self.building:
            with self.lock:
                version, doc, found, cached = self.version, self.doc, self.problems, self.pdf
            if cached is not None and cached[0] == version:
                return cached[1], cached[2]
            if doc is None:
                pdf, problem = b"", "数据有误，未能生成 PDF：\n" + "\n".join(found)
            elif self.typesetting is not None and self.typesetting[0] == version:
                pdf, problem = self.typesetting[1].result()
            else:
                pdf, problem = self.typeset_step(doc)()
            with self.lock:
                self.pdf, self.typesetting = (version, pdf, problem), None
            return pdf, problem

    def pdf_page(self) -> bytes:
        with self.lock:
            version = self.version
        script = RELOAD_SCRIPT % (version, VERSION_PATH)
        return PDF_VIEW.format(name=html.escape(self.path.name), script=script, pdf=PDF_PATH, version=version).encode("utf-8")

    # watching -----------------------------------------------------------------

    def relevant(self, _change: object, name: str) -> bool:
        """The data file and its year siblings in their folder, and anything under a templates folder."""
        path = Path(name)
        if path.name.startswith(".") or path.name.endswith(("~", ".swp", ".swx", ".tmp")):
            return False  # editors' temporary and backup files
        if path.parent == self.folder:
            return path.suffix in (".yaml", ".yml")
        return True

    def folders(self) -> list[Path]:
        found = [self.folder]
        for templates in template_dirs():  # the data folder's own templates (disclosure.toml) first, then the shipped ones
            if templates.is_dir():
                found += [templates, *(p for p in sorted(templates.rglob("*")) if p.is_dir() and p.name != "__pycache__")]
        return found

    def watch(self) -> None:
        """Rebuild on every change until ``close``; runs in a background thread."""
        from watchfiles import watch

        try:
            # rust_timeout + yield_on_timeout: the first (empty) yield tells that the watch is set up
            for changes in watch(
                *self.folders(),
                watch_filter=self.relevant,
                recursive=False,
                debounce=300,
                step=30,
                rust_timeout=200,
                yield_on_timeout=True,
                stop_event=self.stopping,
                raise_interrupt=False,
            ):
                self.watching.set()
                if changes:
                    self.report(self.rebuild())
        except Exception as exc:  # e.g. too many watched files: the page stays, without live updates
            click.echo(f"无法监视文件变化（{type(exc).__name__}: {exc}），保存后预览不会自动更新。", err=True)
        finally:
            self.watching.set()

    def report(self, found: list[str]) -> None:
        stamp = time.strftime("%H:%M:%S")
        if not found:
            click.echo(f"[{stamp}] 已更新", err=True)
            return
        click.echo(f"[{stamp}] 数据有误（{len(found)} 个问题），详见预览页面：", err=True)
        for line in found:
            click.echo(f"  {line}", err=True)

    # running ------------------------------------------------------------------

    def start(self) -> "Preview":
        """Watch and serve in background threads (for tests and benchmarks); ``close`` stops both."""
        self.threads.append(threading.Thread(target=self.server.serve_forever, name="preview-http", daemon=True))
        for thread in self.threads:
            thread.start()
        self.watching.wait(5)
        return self

    def close(self) -> None:
        self.stopping.set()
        self.typesetter.shutdown(wait=False, cancel_futures=True)
        self.server.shutdown()
        self.server.server_close()
        for thread in self.threads:
            if thread.is_alive():
                thread.join(timeout=2)


REQUEST_TIMEOUT = 5
"""Seconds a connection may take to send its request before the preview closes it."""


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "disclosure-preview"
        timeout = REQUEST_TIMEOUT
        """A client that opens a connection and sends no complete request (HTTP/0.9, TLS) is dropped after this."""

        def do_GET(self) -> None:
            self.respond(send_body=True)

        def do_HEAD(self) -> None:
            self.respond(send_body=False)

        def respond(self, send_body: bool) -> None:
            path = self.path.split("?", 1)[0]
            version, page = preview.current()
            status, kind, cache, body = HTTPStatus.OK, "text/html; charset=utf-8", "no-store", page
            if path not in PAGES and path not in (VERSION_PATH, PDF_PATH, PDF_PAGE) and path not in preview.assets:
                status, kind, body = HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "未找到：预览只提供报告页面。".encode()
            elif self.headers.get("Host", "") not in preview.hosts:  # a page of another site (DNS rebinding)
                status, kind, body = HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", "仅限本机访问。".encode()
            elif path == PDF_PAGE:
                body = preview.pdf_page()
            elif path == PDF_PATH:
                pdf, problem = preview.current_pdf()
                if pdf:
                    kind, body = "application/pdf", pdf
                else:
                    status, kind, body = HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", problem.encode()
            elif path == VERSION_PATH:
                kind, body = "text/plain; charset=utf-8", str(version).encode()
            elif path in preview.assets:
                kind, cache, body = "font/otf", "max-age=3600", preview.assets[path].read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", cache)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the page polls: stay quiet
            pass

    return Handler


def serve(path: Path, port: int = 8000, engine: str | None = None) -> int:
    """``disclosure preview``: serve until Ctrl-C; opens no browser."""
    preview = Preview(path, port, engine)
    watcher = preview.threads[0]
    watcher.start()
    click.echo(f"预览地址：{preview.url}")
    click.echo(f"PDF 预览：{preview.url}pdf（{preview.engine} 排版）")
    click.echo("保存数据文件、上年数据文件或模板后，页面会自动刷新；按 Ctrl-C 停止。")
    if preview.problems:
        preview.report(preview.problems)
    try:
        preview.server.serve_forever()
    except KeyboardInterrupt:
        click.echo("\n已停止预览。", err=True)
    finally:
        preview.stopping.set()
        preview.server.server_close()
        watcher.join(timeout=2)
    return 0
