"""Browser fixtures: Debian's chromium driven by Playwright against `archive-search serve` with our own articles.

Playwright never downloads a browser here: it launches the system chromium (`make install-browser` installs it).
Screenshots go to one temporary folder per run, printed at the end of the run.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import ServedStack

WEB_FIXTURES = Path(__file__).parents[2] / "fixtures" / "web"
FIXTURE_FOLDER = "site"  # uploaded as incoming/site/<name>.json: article ids with a slash, as real ones have
MARROWBY_ARTICLES = 24  # every fixture but the canary and the two quillwort articles mentions the town of Marrowby
OTHER_ARTICLES = 3
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

_screenshot_dir: list[Path] = []


def article_id(name: str) -> str:
    return f"{FIXTURE_FOLDER}/{name}"


@pytest.fixture(scope="session")
def site(served_stack: ServedStack, tmp_path_factory: pytest.TempPathFactory) -> ServedStack:
    """The served stack with tests/fixtures/web uploaded and searchable."""
    folder = tmp_path_factory.mktemp("web-upload")
    shutil.copytree(WEB_FIXTURES, folder / FIXTURE_FOLDER)
    uploaded = served_stack.upload(str(folder))
    assert uploaded.returncode == 0, uploaded.stderr
    served_stack.wait_for(
        "/health", until=lambda b: (b.get("documents") or 0) >= MARROWBY_ARTICLES + OTHER_ARTICLES, timeout=120
    )
    served_stack.wait_for("/search?q=marrowby&size=1", until=lambda b: b["total"] >= MARROWBY_ARTICLES, timeout=60)
    served_stack.wait_for("/search?q=xsscanary&size=1", until=lambda b: b["total"] >= 1, timeout=60)
    return served_stack


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="archive-search-screenshots-"))
    _screenshot_dir.append(folder)
    print(f"\nbrowser screenshots: {folder}", file=sys.stderr)
    return folder


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for folder in _screenshot_dir:
        shots = sorted(p.name for p in folder.glob("*.png"))
        terminalreporter.write_line(f"browser screenshots ({len(shots)}): {folder}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make install-browser` (Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@dataclass
class PageProblems:
    """What the page reported that a reader would never see: script errors and blocked content."""

    errors: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", self._console)

    def _console(self, message: Any) -> None:
        text = message.text
        # A failed request (the API down, a 404 while a route is missing) is handled by the page, not a problem.
        if message.type == "error" and "Failed to load resource" not in text:
            self.errors.append(f"console: {text}")


@dataclass
class Browsing:
    """Opens pages of the served site in fresh browser contexts and takes screenshots."""

    browser: Any
    base_url: str
    screenshots: Path
    problems: PageProblems = field(default_factory=PageProblems)
    contexts: list[Any] = field(default_factory=list)

    def open(self, path: str = "/", viewport: dict[str, int] | None = None) -> Any:
        context = self.browser.new_context(viewport=viewport or DESKTOP, base_url=self.base_url)
        context.set_default_timeout(15_000)
        self.contexts.append(context)
        page = context.new_page()
        self.problems.watch(page)
        page.goto(path)
        page.wait_for_selector(".as-form")
        return page

    def screenshot(self, page: Any, name: str, full_page: bool = True) -> Path:
        path = self.screenshots / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsing(browser: Any, site: ServedStack, screenshot_dir: Path) -> Iterator[Browsing]:
    session = Browsing(browser, site.api_url, screenshot_dir)
    try:
        yield session
    finally:
        session.close()
    assert not session.problems.errors, session.problems.errors
