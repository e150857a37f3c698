"""An article's keywords: the words of its body a reader is most likely to remember.

A reader who remembers an article by its body recalls the words that stand out in it: frequent in this article,
rare in the archive (tf-idf). The KEYWORDS_PER_ARTICLE highest are indexed with the article, and a query word that
is one of an article's keywords adds a fixed bonus to its score (relevance.KEYWORD_BOOST), more for one of its
TOP_KEYWORDS. Words of the headline are left out: the headline is scored by its own fields, and counting its words
again here would make a headline match outweigh everything else. On the known-item benchmark this lifted two-word
queries by 0.05 MRR, three-word queries by 0.018 and misspelt ones by 0.10 (docs/search.md).

The term and document frequencies come from the index itself (adapters.opensearch_index), so keywords reflect
the archive as it was when the article was indexed; `archive-search reindex` recomputes every article's.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

KEYWORDS_PER_ARTICLE = 15
TOP_KEYWORDS = 10  # the most distinctive of them, which count more (relevance.TOP_KEYWORD_BOOST)
MIN_KEYWORD_CHARS = 3
# Only matters while the archive is nearly empty: afterwards such words have a document frequency near the number
# of articles and drop out by themselves.
_STOPWORD_TEXT = """
    about after again all also and any are because been before being between both but can could did does doing
    down during each few for from further had has have having her here hers herself him himself his how into its
    itself just more most not now off once only other our ours out over own same she should some such than that
    the their theirs them themselves then there these they this those through too under until very was were what
    when where which while who whom why will with would you your yours said says told
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class TermCounts:
    """How often a term occurs in the article's body, and in how many of the archive's articles."""

    term_freq: int
    doc_freq: int


def select_keywords(body_terms: Mapping[str, TermCounts], title_terms: Collection[str], doc_count: int) -> list[str]:
    """The article's keywords, most distinctive first: words (letters only) of its body, not of its title."""
    scored = [
        (-counts.term_freq * _idf(counts.doc_freq, doc_count), term)
        for term, counts in body_terms.items()
        if len(term) >= MIN_KEYWORD_CHARS and term.isalpha() and term not in title_terms and term not in STOPWORDS
    ]
    scored.sort()
    return [term for _score, term in scored[:KEYWORDS_PER_ARTICLE]]


def _idf(doc_freq: int, doc_count: int) -> float:
    """BM25's inverse document frequency: positive for any counts, even in an empty archive."""
    doc_freq = min(doc_freq, doc_count)
    return math.log(1 + (doc_count - doc_freq + 0.5) / (doc_freq + 0.5))
