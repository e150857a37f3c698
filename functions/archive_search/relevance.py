"""How a parsed query becomes an OpenSearch relevance query.

Measured with `make bench-relevance` (docs/search.md has the figures and the variants that lost):

- Every required unit (word, "phrase", or an OR of them) must match in the title, summary or body.
  Per word, the evidence is summed from: the word as written (unstemmed, accents folded), the stemmed word
  with synonyms (weight 0.3) and, for words of 4+ letters, words one or two edits away (weight 0.2: typo
  tolerance). An exact match always collects all three, a misspelt one only the last, so exact outranks fuzzy.
- Per word, the body carries the evidence; a word in a short title is weak evidence on its own (BM25's length
  normalisation inflates it, and it cost 3 points of MRR on body-word queries). The title counts through the
  whole query: all words in the title (boost 2), the words as a phrase in the title (boost 2), all words in the
  summary (boost 1). So a title match outranks a summary match, which outranks a body match.
- Freshness: the score is multiplied by 1 + w * decay(age), decay a gauss curve on `published` (1 today, 0.5
  after FRESHNESS_SCALE_DAYS). Undated articles get the factor 1. w is SEARCH_FRESHNESS_WEIGHT (0 = off).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archive_search.query_parser import ParsedQuery, Term, Unit

TEXT_FIELDS = ["title^3", "summary^2", "body"]  # phrases and exclusions
WORD_EXACT_FIELDS = ["body.exact", "summary.exact^0.05", "title.exact^0.05"]
WORD_STEMMED_FIELDS = ["body", "summary^0.05", "title^0.05"]
WORD_FUZZY_FIELDS = ["body.exact", "summary.exact", "title.exact"]
STEMMED_BOOST = 0.3
FUZZY_BOOST = 0.2
TITLE_ALL_WORDS_BOOST = 2.0
TITLE_PHRASE_BOOST = 2.0
SUMMARY_ALL_WORDS_BOOST = 1.0
MAX_FUZZY_UNITS = 8  # long queries are precise enough; fuzzy expansion of many words is costly
MIN_FUZZY_CHARS = 4  # AUTO fuzziness allows no edit below 3 characters anyway; 3-letter words drift too much
DEFAULT_FRESHNESS_WEIGHT = 0.1
FRESHNESS_SCALE_DAYS = 365


@dataclass(frozen=True)
class Ranking:
    """Tunable ranking knobs (SearchSettings.freshness_weight comes from SEARCH_FRESHNESS_WEIGHT)."""

    freshness_weight: float = DEFAULT_FRESHNESS_WEIGHT
    fuzzy: bool = True


def _phrase(term: Term, fields: list[str], slop: int = 0) -> dict[str, Any]:
    return {"multi_match": {"query": term.text, "type": "phrase", "fields": fields, "slop": slop}}


def _word_clause(term: Term, fuzzy: bool) -> dict[str, Any]:
    clauses: list[dict[str, Any]] = [
        {"multi_match": {"query": term.text, "type": "most_fields", "fields": WORD_EXACT_FIELDS, "operator": "and"}},
        {
            "multi_match": {
                "query": term.text,
                "type": "most_fields",
                "fields": WORD_STEMMED_FIELDS,
                "operator": "and",
                "boost": STEMMED_BOOST,
            }
        },
    ]
    if fuzzy and len(term.text) >= MIN_FUZZY_CHARS:
        clauses.append(
            {
                "multi_match": {
                    "query": term.text,
                    "type": "most_fields",
                    "fields": WORD_FUZZY_FIELDS,
                    "operator": "and",
                    "fuzziness": "AUTO",
                    "prefix_length": 0,
                    "max_expansions": 30,
                    "boost": FUZZY_BOOST,
                }
            }
        )
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def _unit_clause(unit: Unit, fuzzy: bool) -> dict[str, Any]:
    alternatives = [
        _phrase(term, TEXT_FIELDS) if term.phrase else _word_clause(term, fuzzy) for term in unit.alternatives
    ]
    if len(alternatives) == 1:
        return alternatives[0]
    return {"bool": {"should": alternatives, "minimum_should_match": 1}}


def text_query(parsed: ParsedQuery, ranking: Ranking) -> dict[str, Any]:
    """The query for the reader's words, without filters or freshness."""
    must_not = [
        _phrase(term, TEXT_FIELDS) if term.phrase else {"multi_match": {"query": term.text, "fields": TEXT_FIELDS}}
        for term in parsed.excluded
    ]
    if not parsed.required:
        return {"bool": {"must": [{"match_all": {}}], "must_not": must_not}}
    fuzzy = ranking.fuzzy and len(parsed.required) <= MAX_FUZZY_UNITS
    all_units = {"bool": {"must": [_unit_clause(unit, fuzzy) for unit in parsed.required]}}
    text = parsed.text
    should: list[dict[str, Any]] = [
        {"match": {"title.exact": {"query": text, "operator": "and", "boost": TITLE_ALL_WORDS_BOOST}}},
        {"match": {"summary.exact": {"query": text, "operator": "and", "boost": SUMMARY_ALL_WORDS_BOOST}}},
    ]
    matching: dict[str, Any] = all_units
    plain_words = all(len(unit.alternatives) == 1 and not unit.alternatives[0].phrase for unit in parsed.required)
    if len(parsed.words) > 1:
        should.append({"match_phrase": {"title": {"query": text, "slop": 1, "boost": TITLE_PHRASE_BOOST}}})
        # All words, stemmed, across fields: also where multi-word synonyms (united states -> US) apply.
        synonyms = {
            "multi_match": {
                "query": text,
                "type": "cross_fields",
                "fields": WORD_STEMMED_FIELDS,
                "operator": "and",
                "boost": STEMMED_BOOST,
            }
        }
        if plain_words:
            matching = {"bool": {"should": [all_units, synonyms], "minimum_should_match": 1}}
    return {"bool": {"must": [matching], "should": should, "must_not": must_not}}


def with_freshness(query: dict[str, Any], ranking: Ranking) -> dict[str, Any]:
    if ranking.freshness_weight <= 0:
        return query
    return {
        "function_score": {
            "query": query,
            "functions": [
                {"weight": 1},
                {
                    "filter": {"exists": {"field": "published"}},
                    "gauss": {"published": {"origin": "now", "scale": f"{FRESHNESS_SCALE_DAYS}d", "decay": 0.5}},
                    "weight": ranking.freshness_weight,
                },
            ],
            "score_mode": "sum",
            "boost_mode": "multiply",
        }
    }
