"""What a search found an article by is marked in its snippet, near spellings included (session 23's review: an
article found by `government` for `goverment` showed its body's start unmarked)."""

from __future__ import annotations

import pytest

from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import search
from tests.integration.test_search_api import _json_upload

pytestmark = pytest.mark.integration


def test_a_near_spelling_that_found_an_article_is_marked_in_its_snippet(pipeline: LocalPipeline) -> None:
    # Given one article holding a common misspelling and several holding the word, late in a long body
    filler = "Officials met in the capital on Monday to discuss the harbour plan. " * 6
    _json_upload(pipeline, "Budget", "The goverment set out its budget.")
    right = {
        _json_upload(pipeline, f"Policy {n}", f"{filler}The governments announced a new policy.") for n in range(3)
    }
    pipeline.drain()

    results = search("goverment")["results"]

    # Then each article found by the near spelling shows it marked, not the body's unmarked start
    snippets = {hit["id"]: hit["snippet"] for hit in results if hit["id"] in right}
    assert set(snippets) == right
    assert all("<mark>governments</mark>" in snippet for snippet in snippets.values()), snippets
