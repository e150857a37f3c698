"""A quoted phrase ranks the articles holding it first and does not filter (docs/search.md): one that no article
holds is searched as its words, and the response names it (`relaxed_phrases`, session 55) so that a page promising
"Quotes find a phrase" can say why its results do not hold it."""

from __future__ import annotations

import pytest

from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import ids, search
from tests.integration.test_search_api import _json_upload

pytestmark = pytest.mark.integration


def test_a_quoted_phrase_no_article_holds_is_named_and_searched_as_its_words(pipeline: LocalPipeline) -> None:
    # Given an article writing "central bank" and one holding both words apart, in another section
    held = _json_upload(pipeline, "Rates", "The central bank raised rates.", section="markets")
    apart = _json_upload(pipeline, "Town", "A bank opened by the central heating depot.", section="local")
    pipeline.drain()

    # Then a phrase some article holds is named nowhere, whatever the filters (the archive holds it)
    assert search('"central bank"')["relaxed_phrases"] == []
    assert search('"central bank"', "&section=local")["relaxed_phrases"] == []
    # and one no article holds is named as typed, its words' articles listed, in any order
    for extra in ("", "&sort=newest"):
        body = search('"bank central" "central bank"', extra)
        assert body["relaxed_phrases"] == ["bank central"], extra
        assert set(ids('"bank central"', extra)) == {held, apart}
    # A quoted word alone is no phrase to relax
    assert search('"depot"')["relaxed_phrases"] == search('"zzqx"')["relaxed_phrases"] == []
