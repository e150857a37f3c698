"""/suggest on the real node: an abbreviation /search reads through its synonyms typed in any case, and a word that
punctuation after it finishes (session 51's attacker)."""

from __future__ import annotations

import pytest

from tests.integration.conftest import LocalPipeline
from tests.integration.test_query_semantics import suggested
from tests.integration.test_search_api import _json_upload

pytestmark = pytest.mark.integration


def test_suggest_reads_us_in_any_case_as_search_does(pipeline: LocalPipeline) -> None:
    # Given headlines writing the country U.S. and US, and one starting with "Us"
    sales = _json_upload(pipeline, "U.S. CAR SALES RECOVER FROM JANUARY BLAHS", "Dealers sold more.")
    late = _json_upload(pipeline, "U.S. CAR SALES UP 6.7 PCT IN LATE FEBRUARY", "Dealers sold more.")
    closed = _json_upload(pipeline, "US trade gap widens", "Imports rose.")
    dotted = _json_upload(pipeline, "U.S. TRADE DATA SEEN AS KEY TO DOLLAR", "Markets waited.")
    inside = _json_upload(pipeline, "Japan rejects U.S. trade demands", "Talks ended.")
    usher = _json_upload(pipeline, "Usher tours with a trade show", "Tickets sold.")
    pipeline.drain()

    # Then `us` typed in lower case, anywhere, or in a query all in capitals, finds the titles writing U.S., as
    # /search finds them (`us car sales` offered nothing where `US car sales` offered them)
    for typed in ("us car sales", "us car sal", "car sales us", "Us car", "US CAR SALES", "us, car"):
        assert set(suggested(typed)) == {sales, late}, typed
    assert suggested("US car sales") == suggested("us car sales")
    # as typed first, then the other spelling; the start of a word ("Usher") is still offered
    found = suggested("us trade")
    assert set(found) == {closed, dotted, inside, usher}
    assert found[:2] == [closed, dotted]
    assert set(suggested("U.S. trade")) == {dotted, inside}


def test_suggest_reads_a_word_that_punctuation_follows_as_finished(pipeline: LocalPipeline) -> None:
    # Given a headline starting with a longer word, and two starting with the word joined to another
    lower = _json_upload(pipeline, "LOWER TAX OFFSETS LOWER SHELL U.K. UPSTREAM PROFIT", "Shell reported.")
    cost = _json_upload(pipeline, "Low-cost airlines hit Eurotunnel", "Fewer took the train.")
    budget = _json_upload(pipeline, "Low-budget film wins Cesar", "The jury chose it.")
    pipeline.drain()

    # Then a comma, a hyphen or any mark after `Low` finishes it as a space does: the titles with the word Low first
    # (`Low,` and `Low-` put "LOWER TAX OFFSETS ..." first)
    finished = suggested("Low ")
    assert finished[-1] == lower and set(finished) == {lower, cost, budget}
    for typed in ("Low,", "Low-", "Low.", "Low:", "Low/", "Low&"):
        assert suggested(typed) == finished, typed
    # but an apostrophe after a letter is a possessive or a name being typed, as `Lower` may follow
    assert lower in suggested("Low'")
    # and a joined word being typed is completed as that word
    assert suggested("Low-c") == [cost]
