"""How a parsed query becomes an OpenSearch relevance query.

Measured with `make bench-relevance` (docs/search.md has the figures and the variants that lost):

- Every required unit (word, "phrase", or an OR of them) must match in the title, summary or body.
  Per word, the evidence is the body's: the word as written (unstemmed, accents folded), the stemmed word
  with synonyms (weight 0.3) and, for words of 4+ letters, words one or two edits away (weight 0.2: typo
  tolerance). An exact match always collects all three, a misspelt one only the last, so exact outranks fuzzy.
  The body is scored by query likelihood with Dirichlet smoothing (index_mapping.BODY_SIMILARITY), which ranks
  the article whose body is dense in the words above one that merely mentions them better than BM25 did.
- A word that is one of the article's keywords (keywords.py: the body's most distinctive words, headline words
  left out) adds KEYWORD_BOOST, and TOP_KEYWORD_BOOST more if it is one of the ten most distinctive: among
  articles that contain the words, the one they characterise ranks first. A word within two edits of a keyword
  adds FUZZY_KEYWORD_BOOST (a misspelt keyword), which an exact keyword also collects, so exact still wins.
  Split words are indexed in parts too (index_mapping: o'neill -> neill, 10.04secs -> secs).
- A word found only in the title or summary matches with a tiny constant score: per word, a short title is weak
  evidence (BM25 inflates it, and title words per word cost 1-3 points of MRR on body-word queries). The title
  counts through the whole query: all words in the title (BM25, boost 4, plus HEADLINE_WORD_AS_KEYWORD per word,
  what a top keyword collects), the words as a phrase in the title (boost 1), all words in the summary (boost 1).
  Headline queries rank first (MRR 1.0 in the benchmark), and two words of a headline do at least as well as
  before keywords existed (the benchmark's title_words guard).
- Multi-word synonyms (united states -> US) apply to whole plain queries as an alternative (dis_max), so they do
  not add to the score of an article that matches the words themselves.
- Freshness: the score is multiplied by 1 + w * decay(age), decay a gauss curve on `published` (1 today, 0.5
  after FRESHNESS_SCALE_DAYS). Undated articles get the factor 1. w is SEARCH_FRESHNESS_WEIGHT (0 = off).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archive_search.query_parser import ParsedQuery, Term, Unit

TEXT_FIELDS = ["title^3", "summary^2", "body"]  # phrases and exclusions
WORD_EXACT_FIELD = "body.exact"
WORD_STEMMED_FIELD = "body"
WORD_STEMMED_FIELDS = ["body", "summary^0.05", "title^0.05"]  # the whole query with multi-word synonyms (cross_fields)
WORD_HEADING_FIELDS = ["title.exact", "title", "summary.exact", "summary"]
KEYWORDS_FIELD = "keywords"
TOP_KEYWORDS_FIELD = "top_keywords"
STEMMED_BOOST = 0.3
FUZZY_BOOST = 0.2
KEYWORD_BOOST = 3.0  # a query word that is one of the article's keywords (keywords.py)
TOP_KEYWORD_BOOST = 2.0  # added when it is one of the top ones
FUZZY_KEYWORD_BOOST = 1.0  # a word within two edits of a keyword: well below what the keyword itself collects
HEADLINE_WORD_AS_KEYWORD = KEYWORD_BOOST + TOP_KEYWORD_BOOST + FUZZY_KEYWORD_BOOST
HEADING_WORD_SCORE = 0.01  # a word found only in the title or summary: it matches, but adds (almost) nothing
TITLE_ALL_WORDS_BOOST = 4.0
TITLE_PHRASE_BOOST = 1.0
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


def _fuzzy(field: str, text: str, boost: float) -> dict[str, Any]:
    options = {"query": text, "fuzziness": "AUTO", "prefix_length": 0, "max_expansions": 30, "boost": boost}
    return {"match": {field: options}}


def _all_words(field: str, text: str, boost: float = 1.0) -> dict[str, Any]:
    return {"match": {field: {"query": text, "operator": "and", "boost": boost}}}


def _word_clause(term: Term, fuzzy: bool) -> dict[str, Any]:
    fuzzy = fuzzy and len(term.text) >= MIN_FUZZY_CHARS
    heading: dict[str, Any] = {"multi_match": {"query": term.text, "fields": WORD_HEADING_FIELDS, "operator": "and"}}
    if fuzzy:
        heading = {
            "bool": {
                "should": [heading, _fuzzy("title.exact", term.text, 1.0), _fuzzy("summary.exact", term.text, 1.0)],
                "minimum_should_match": 1,
            }
        }
    clauses: list[dict[str, Any]] = [
        {"match": {WORD_EXACT_FIELD: {"query": term.text, "operator": "and"}}},
        {"match": {WORD_STEMMED_FIELD: {"query": term.text, "operator": "and", "boost": STEMMED_BOOST}}},
        {"constant_score": {"filter": heading, "boost": HEADING_WORD_SCORE}},
        {"match": {KEYWORDS_FIELD: {"query": term.text, "boost": KEYWORD_BOOST}}},
        {"match": {TOP_KEYWORDS_FIELD: {"query": term.text, "boost": TOP_KEYWORD_BOOST}}},
    ]
    if fuzzy:
        clauses.append(_fuzzy(WORD_EXACT_FIELD, term.text, FUZZY_BOOST))
        clauses.append(_fuzzy(KEYWORDS_FIELD, term.text, FUZZY_KEYWORD_BOOST))
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
        _all_words("title.exact", text, TITLE_ALL_WORDS_BOOST),
        # Headline words are not keywords (keywords.py); a headline holding every word counts as if they were
        # top keywords.
        {
            "constant_score": {
                "filter": _all_words("title.exact", text),
                "boost": HEADLINE_WORD_AS_KEYWORD * len(parsed.words),
            }
        },
        _all_words("summary.exact", text, SUMMARY_ALL_WORDS_BOOST),
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
            matching = {"dis_max": {"queries": [all_units, synonyms]}}
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
