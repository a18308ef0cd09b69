"""The report page in a browser: headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) with the
network cut off, and the data the page embeds."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium reaches out on its own, and this closed network refuses it.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip


def embedded_data(page: str) -> dict:
    found = re.findall(r'<script type="application/json" id="data">(.*?)</script>', page, flags=re.S)
    assert len(found) == 1
    return json.loads(found[0])


@contextmanager
def chromium_browser() -> Iterator[object]:
    """Headless Chromium for the length of the block; skipped (failed under CI) where it is not installed."""
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _missing(what: str) -> None:
    """Chromium is part of the test set-up: under CI its absence fails; elsewhere the browser tests skip."""
    message = f"{what}: `make test` installs Debian's chromium package"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class OfflinePage:
    """A page opened from file:// with every other request aborted and recorded, and its errors collected."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.requests_off_file: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self._note(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.resolve().as_uri(), wait_until="load")

    def _note(self, url: str) -> None:
        if not url.startswith(("file:", "about:")):
            self.requests_off_file.append(url)

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()  # the request event has recorded it

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def text(self, selector: str) -> str:
        return " ".join(self.page.locator(selector).all_text_contents())

    def close(self) -> None:
        self.context.close()
