"""Shared helpers for the unit tests: no network, no OpenSearch, no moto server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures"
EVENTS = REPO_ROOT / "events"


def load_event(name: str) -> dict[str, Any]:
    """An event from events/, the same file `sam local invoke -e` takes."""
    event: dict[str, Any] = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    return event


@pytest.fixture
def legacy_page_text() -> str:
    """The legacy Kerry/Putin page as the old site exported it (UTF-8)."""
    return (FIXTURES / "legacy-page-kerry-putin.txt").read_text(encoding="utf-8")


@pytest.fixture
def sqs_s3_put_event() -> dict[str, Any]:
    return load_event("sqs-s3-put.json")


@pytest.fixture
def http_search_event() -> dict[str, Any]:
    return load_event("http-search.json")


@pytest.fixture
def http_article_event() -> dict[str, Any]:
    return load_event("http-article.json")


@pytest.fixture
def http_search_filters_event() -> dict[str, Any]:
    return load_event("http-search-filters.json")
