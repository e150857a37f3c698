"""Keyword selection (the body's most distinctive words, headline words left out) and its term-vector requests."""

from __future__ import annotations

from archive_search.adapters.opensearch_index import BULK_MAX_BYTES, TERM_VECTOR_BATCH, _term_vector_batches
from archive_search.index_mapping import keyword_fields
from archive_search.keywords import KEYWORDS_PER_ARTICLE, TOP_KEYWORDS, TermCounts, select_keywords


def test_frequent_in_the_article_and_rare_in_the_archive_ranks_first() -> None:
    terms = {
        "ferret": TermCounts(term_freq=4, doc_freq=3),
        "market": TermCounts(term_freq=4, doc_freq=900),
        "otter": TermCounts(term_freq=1, doc_freq=3),
    }

    assert select_keywords(terms, title_terms=set(), doc_count=1000) == ["ferret", "otter", "market"]


def test_headline_words_stopwords_short_words_and_non_words_are_left_out() -> None:
    terms = {
        "ferret": TermCounts(5, 2),
        "otter": TermCounts(5, 2),
        "the": TermCounts(40, 2),
        "ox": TermCounts(9, 1),
        "1987": TermCounts(9, 1),
        "o'neill": TermCounts(9, 1),
        "neill": TermCounts(9, 1),
    }

    assert select_keywords(terms, title_terms={"otter"}, doc_count=100) == ["neill", "ferret"]


def test_at_most_keywords_per_article_and_ties_in_word_order() -> None:
    terms = {f"word{chr(ord('a') + n)}": TermCounts(2, 5) for n in range(KEYWORDS_PER_ARTICLE + 5)}

    keywords = select_keywords(terms, title_terms=set(), doc_count=50)

    assert keywords == sorted(terms)[:KEYWORDS_PER_ARTICLE]


def test_an_empty_archive_ranks_by_frequency_alone() -> None:
    terms = {"ferret": TermCounts(3, 0), "otter": TermCounts(7, 0)}

    assert select_keywords(terms, title_terms=set(), doc_count=0) == ["otter", "ferret"]


def test_term_vector_requests_are_bounded_by_count_and_bytes() -> None:
    small = [{"doc": {"title": "t", "body": "word"}} for _ in range(TERM_VECTOR_BATCH * 2 + 20)]
    large = [{"doc": {"title": "", "body": "x" * (BULK_MAX_BYTES // 2 + 1)}} for _ in range(2)]
    huge = [{"doc": {"title": "", "body": "x" * (BULK_MAX_BYTES + 1)}}]
    by_id = [{"_id": str(n)} for n in range(3)]

    sizes = [len(batch) for batch in _term_vector_batches([*small, *large, *huge, *by_id])]

    # The first large doc still fits beside the last 20 small ones; the second does not.
    assert sizes == [TERM_VECTOR_BATCH, TERM_VECTOR_BATCH, 21, 1, 1, 3]


def test_the_top_keywords_are_the_first_ones() -> None:
    keywords = [f"word{chr(ord('a') + n)}" for n in range(KEYWORDS_PER_ARTICLE)]

    fields = keyword_fields(keywords)

    assert fields == {"keywords": keywords, "top_keywords": keywords[:TOP_KEYWORDS]}
