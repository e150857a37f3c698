"""The "best possible" column of `make bench-relevance`: the MRR@10 no ranking can beat, knowing the generator."""

from __future__ import annotations

from typing import Any

from bench.relevance import Query, best_possible, build_queries, known_item_table


def _doc(doc_id: str, body: str) -> dict[str, Any]:
    return {"id": doc_id, "title": f"Notes {doc_id}", "body": body}


CORPUS = [
    _doc("short", "alpha beta gamma"),  # 3 candidate words: P(drawing alpha and beta) = 1/3
    _doc("long", "alpha beta gamma delta epsilon"),  # 5: 1/10
    _doc("other", "delta epsilon zeta"),
]


def test_the_article_with_fewer_candidate_words_is_the_likelier_target() -> None:
    queries = [
        Query("words2", "alpha beta", "long", "random", ("alpha", "beta")),
        Query("words2", "alpha beta", "short", "random", ("alpha", "beta")),
    ]

    # The likelier article ranks first whichever was meant: 1/2 for the long one, 1 for the short one.
    assert best_possible(CORPUS, queries) == {"random": {"words2": 0.75}}


def test_equally_likely_articles_count_the_expected_reciprocal_rank() -> None:
    twins = [_doc("a", "alpha beta gamma"), _doc("b", "alpha beta delta"), _doc("c", "alpha zeta delta")]
    queries = [Query("words2", "alpha beta", "a", "random", ("alpha", "beta"))]

    assert best_possible(twins, queries) == {"random": {"words2": 0.75}}  # first or second, alike


def test_a_misspelt_query_is_bounded_by_the_words_as_drawn_and_a_held_out_one_is_left_out() -> None:
    queries = [
        Query("misspelt", "alpah gamam", "short", "random", ("alpha", "gamma")),
        Query("words2", "delta epsilon", "other", "held-out"),
    ]

    # Five-letter words only for misspelt: short holds alpha and gamma (1 of 1 pair), long 1 of 3 pairs.
    assert best_possible(CORPUS, queries) == {"random": {"misspelt": 1.0}}


def test_the_generators_record_the_words_they_drew() -> None:
    corpus = [_doc(f"d{n}", "harbour ferry council budget tariff orchard glacier senate") for n in range(4)]

    for generator in ("tfidf", "random"):
        queries = build_queries(corpus, 3, 2, generator)
        drawn = [q for q in queries if q.kind in ("words3", "words2", "misspelt")]
        assert drawn and all(q.drawn for q in drawn)
        assert all(q.text == " ".join(q.drawn) for q in drawn if q.kind != "misspelt")
        assert all(q.text != " ".join(q.drawn) for q in drawn if q.kind == "misspelt")


def test_the_table_shows_the_best_possible_beside_ours() -> None:
    row = {"mrr@10": 0.5, "hit@10": 0.5, "hit@5": 0.5, "queries": 2}
    results = {"random": {"ours": {"words2": row}, "fts5": {"words2": row}, "best_possible": {"words2": 0.75}}}

    table = known_item_table(results)

    assert "random: best possible" in table
    assert "| words2 | 0.500 | 0.500 | 0.750 | mrr@10 ≥ 0.88 BELOW |" in table
