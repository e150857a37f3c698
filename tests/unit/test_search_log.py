"""The search function's structured line per search (handlers/search.py: record_search)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from archive_search.handlers import search
from archive_search.models import SearchPage, Suggestion
from archive_search.search import SearchRequest


class _Recorder:
    def __init__(self) -> None:
        self.lines: list[dict[str, Any]] = []

    def info(self, message: str, extra: dict[str, Any]) -> None:
        self.lines.append({"message": message, **extra})

    def add_metric(self, **_: Any) -> None:
        pass


def _page(**fields: Any) -> SearchPage:
    return SearchPage(total=12, took_ms=7, results=[], **fields)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    recorder = _Recorder()
    monkeypatch.setattr(search, "logger", recorder)
    monkeypatch.setattr(search, "metrics", recorder)
    return recorder


def test_a_search_read_as_another_spelling_is_logged_as_read(recorder: _Recorder) -> None:
    # Since session 25 a short misspelt query searched as did_you_mean would offer it offers none (`presidnt putn`,
    # 'Gatln and': 91 of 400 misspelt news-dev title and body snippets once offered one): without altered_query in
    # the line, the log no longer showed that, or how, these searches were respelt (session 25's review)
    search.record_search(SearchRequest(q="oil prces"), _page(altered_query="oil prices"))
    search.record_search(SearchRequest(q="presidnt putn bush fires"), _page(did_you_mean=Suggestion("x", 20)))
    search.record_search(SearchRequest(q="oil prices"), _page())

    logged = [(line["search"]["did_you_mean"], line["search"]["altered_query"]) for line in recorder.lines]
    assert logged == [(None, "oil prices"), ("x", None), (None, None)]


@pytest.mark.parametrize("handler", ["search", "ingest"])
def test_an_invocation_that_publishes_no_metric_is_no_warning(handler: str) -> None:
    # `make run`'s console showed Powertools' UserWarning "No application metrics to publish" (after a /health, say),
    # which a newcomer read as a fault (session 54). Run as a process starts, with every warning shown.
    flush = f"import archive_search.handlers.{handler} as h; h.metrics.flush_metrics()"
    run = subprocess.run([sys.executable, "-W", "always", "-c", flush], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "No application metrics" not in run.stderr
