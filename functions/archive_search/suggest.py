"""GET /suggest: as-you-type title suggestions for a partial query whose last word may be cut short.

Titles that start with what was typed come first (`title.start` holds every prefix of the whole title,
punctuation folded to spaces); then titles holding every typed word as the start of one of their words
(`title.prefix`, edge n-grams per word). Highlighting is done here, on the title text, so that exactly the
typed prefix of each word is marked, and the rest is HTML-escaped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from archive_search.errors import InvalidQueryError
from archive_search.parsing.validate import MAX_TITLE_CHARS
from archive_search.ports import ArticleIndex
from archive_search.query_parser import fold_within

MAX_SUGGESTIONS = 8
# A reader may type (or paste) a whole title, and ingest accepts titles this long.
MAX_SUGGEST_CHARS = MAX_TITLE_CHARS
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class TitleSuggestion:
    id: str
    title: str
    highlighted: str


def suggest_query(text: str) -> str:
    """The typed text, whitespace collapsed, folded as /search folds it (query_parser.fold_query_text). Raises
    InvalidQueryError when longer than MAX_SUGGEST_CHARS both as sent and as folded (query_parser.fold_within)."""
    folded, length = fold_within(" ".join(text.split()), MAX_SUGGEST_CHARS)
    if length > MAX_SUGGEST_CHARS:
        raise InvalidQueryError(f"q is {length} characters long; the limit for suggestions is {MAX_SUGGEST_CHARS}")
    return folded


def build_suggest(q: str, size: int = MAX_SUGGESTIONS) -> dict[str, Any]:
    words = _WORD.findall(q)
    complete = " ".join(words[:-1]) if not q[-1:].isspace() else " ".join(words)
    should: list[dict[str, Any]] = [
        {"match": {"title.start": {"query": q, "boost": 10}}},
        {"match": {"title.prefix": {"query": q, "operator": "and"}}},
    ]
    if complete:
        should.append({"match": {"title.exact": {"query": complete, "boost": 0.5}}})
    return {
        "query": {
            "bool": {
                "must": [{"match": {"title.prefix": {"query": q, "operator": "and"}}}],
                "should": should,
            }
        },
        "_source": ["title"],
        "size": size,
        "track_total_hits": False,
        "sort": [{"_score": "desc"}, {"source_key": "asc"}],
    }


def suggest_titles(index: ArticleIndex, q: str) -> list[TitleSuggestion]:
    if not _WORD.search(q):
        return []
    response = index.search(build_suggest(q), size=MAX_SUGGESTIONS, offset=0)
    typed = [_fold(word) for word in _WORD.findall(q)]
    suggestions: list[TitleSuggestion] = []
    for hit in response["hits"]["hits"]:
        title = str(hit.get("_source", {}).get("title", ""))
        suggestions.append(TitleSuggestion(id=hit["_id"], title=title, highlighted=highlight_title(title, typed)))
    return suggestions


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def highlight_title(title: str, typed: list[str]) -> str:
    """The title, HTML-escaped, with <mark> around the typed start of each word that matches a typed word."""
    out: list[str] = []
    last = 0
    for match in _WORD.finditer(title):
        word = match.group()
        folded = _fold(word)
        longest = max((len(t) for t in typed if t and folded.startswith(t)), default=0)
        if not longest:
            continue
        # Folding may change lengths (ß -> ss); mark the whole word then.
        cut = longest if len(folded) == len(word) else len(word)
        out.append(html.escape(title[last : match.start()]))
        out.append(f"<mark>{html.escape(word[:cut])}</mark>{html.escape(word[cut:])}")
        last = match.end()
    out.append(html.escape(title[last:]))
    return "".join(out)
