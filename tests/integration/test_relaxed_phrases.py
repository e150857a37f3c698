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
    # A phrase holding a word the search respelt is named as read, as searched, when no article holds it so
    # (session 55's review: `"bank centrl"`, searched as `"bank central"`, was named nowhere)
    assert search('"bank centrl"')["relaxed_phrases"] == ["bank central"]
    assert search('"centrl bank"')["relaxed_phrases"] == []
    # A quoted word alone is no phrase to relax
    assert search('"depot"')["relaxed_phrases"] == search('"zzqx"')["relaxed_phrases"] == []


def test_a_phrase_holding_a_dotted_initialism_is_held_in_its_undotted_spelling(pipeline: LocalPipeline) -> None:
    # Given articles writing "UN Security Council" and "EU constitution", one "U.K. economy", and one holding the
    # words apart
    un = _json_upload(pipeline, "Vote", "The UN Security Council voted on Iraq.")
    eu = _json_upload(pipeline, "Treaty", "Voters reject the EU constitution in France.")
    uk = _json_upload(pipeline, "Growth", "The U.K. economy grew.")
    apart = _json_upload(
        pipeline, "Talks", "UN and EU envoys met: the council of the constitution on security, the economy of the UK."
    )
    pipeline.drain()

    # Then a dotted initialism in a phrase is read as its undotted spelling, which synonyms equate, and the other way
    # round: the articles writing it rank first and the phrase is named by none (session 55's review: `"U.N.
    # security council"` and `"E.U. constitution"` were said held by no article)
    for q, held in (
        ('"U.N. security council"', un),
        ('"E.U. constitution"', eu),
        ('"UK economy"', uk),
        ('"u.k. economy"', uk),
    ):
        body = search(q)
        assert body["relaxed_phrases"] == [], q
        assert body["results"][0]["id"] == held, q
    assert apart in ids('"E.U. constitution"')
