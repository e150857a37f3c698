"""The search page's own limits are the API's: it must neither cut what the API accepts nor send what it refuses."""

from __future__ import annotations

import re

import pytest

from archive_search.facets import UNDATED
from archive_search.index_mapping import INVISIBLE_RANGES
from archive_search.query_parser import STOPWORDS
from archive_search.search import MAX_PAGE, MAX_QUERY_CHARS, SPELLINGS
from archive_search.suggest import MAX_SUGGEST_CHARS
from tests.unit.conftest import REPO_ROOT

WIDGET = (REPO_ROOT / "web" / "archive-search.js").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("constant", "api_limit"),
    [("MAX_QUERY", MAX_QUERY_CHARS), ("MAX_SUGGEST", MAX_SUGGEST_CHARS), ("MAX_PAGE", MAX_PAGE)],
)
def test_the_widget_limits_are_the_apis(constant: str, api_limit: int) -> None:
    # The page cut every query at 500 characters after the API had gone to 2,048 for pasted paragraphs: a
    # reader's paragraph lost its last three quarters without a word.
    declared = re.search(rf"^\s*var {constant} = (\d+);$", WIDGET, re.MULTILINE)

    assert declared, f"web/archive-search.js declares no {constant}"
    assert int(declared.group(1)) == api_limit


def test_the_widget_reads_the_spellings_the_api_takes() -> None:
    # An address with spelling=as_typed (a "Search instead for" link, shared) must search as the link said.
    declared = re.search(r"^\s*var SPELLINGS = \[(.*)\];$", WIDGET, re.MULTILINE)

    assert declared, "web/archive-search.js declares no SPELLINGS"
    assert tuple(re.findall(r'"([a-z_]+)"', declared.group(1))) == SPELLINGS


def test_the_widget_leaves_out_the_stopwords_the_api_never_requires() -> None:
    # The date-order note counts the words a date order requires: `the who` is none, `what is phishing` one
    declared = re.search(r"^\s*var STOPWORDS = \[(.*?)\];$", WIDGET, re.MULTILINE | re.DOTALL)

    assert declared, "web/archive-search.js declares no STOPWORDS"
    assert set(re.findall(r'"([a-z]+)"', declared.group(1))) == STOPWORDS


def test_the_widget_names_the_undated_articles_as_the_api_does() -> None:
    # The year facet's `undated` value is what `year=undated` selects (session 56)
    declared = re.search(r'^\s*var UNDATED = "([a-z]+)";$', WIDGET, re.MULTILINE)

    assert declared, "web/archive-search.js declares no UNDATED"
    assert declared.group(1) == UNDATED


def test_the_widget_reads_a_query_of_invisible_characters_as_none_as_the_api_does() -> None:
    # The API reads a q of invisible characters only as none (session 56): alone a 400, so the page must not send it
    declared = re.search(r"^\s*var INVISIBLE_RANGES = \[(.*?)\];$", WIDGET, re.MULTILINE | re.DOTALL)

    assert declared, "web/archive-search.js declares no INVISIBLE_RANGES"
    ranges = re.findall(r"\[0x([0-9a-f]+), 0x([0-9a-f]+)\]", declared.group(1))
    assert tuple((int(low, 16), int(high, 16)) for low, high in ranges) == INVISIBLE_RANGES
