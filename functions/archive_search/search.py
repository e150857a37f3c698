"""GET /search: parameter validation, the engine request (query, filters, facets, sort, cursor) and the response."""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import logging
import math
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol

from archive_search.cursors import MAX_CURSOR_CHARS, MAX_CURSOR_PAGE, NOT_ISSUED, Cursor, CursorSigner
from archive_search.errors import InvalidQueryError
from archive_search.facets import FACET_NAMES, UNDATED, facet_aggregations, read_facets
from archive_search.index_mapping import JOINER_VARIANTS
from archive_search.models import SearchHit, SearchPage, Suggestion
from archive_search.parsing.text import closed_bidi
from archive_search.parsing.validate import MAX_LABEL_CHARS
from archive_search.ports import SearchableIndex, TextEncoder
from archive_search.query_parser import (
    GLUE,
    JOINERS,
    STOPWORDS,
    ParsedQuery,
    engine_lower,
    excluded_words,
    excludes,
    fold_as_index,
    fold_query_text,
    fold_within,
    parse_query,
    symbols_apart,
)
from archive_search.relevance import (
    BYLINE_CLOSED_FIELD,
    BYLINE_FIELD,
    BYLINE_PARTS_FIELD,
    CLOSED_BODY_FIELD,
    CLOSED_FIELDS,
    CLOSED_MATCH,
    COMPLETE_FIELDS,
    COMPLETE_MATCH_MAX_WORDS,
    EXACT_BODY_FIELD,
    FEW_ARTICLES,
    FUZZY_MAX_EXPANSIONS,
    FUZZY_MAX_WORDS,
    MAX_SCORED_WORDS,
    STEM_SHARE,
    NearSpelling,
    Ranking,
    abbreviation_clauses,
    alternative_groups,
    apart_parts,
    as_read,
    code_runs,
    common,
    complete_match,
    content_words,
    every_phrase,
    glued_parts,
    has_thai,
    headlined,
    held_joined,
    in_byline_or_tags,
    is_joined,
    joined_parts,
    name_spellings,
    names_request,
    narrowed,
    near_spellings_request,
    query_units,
    quoted_phrases,
    read_as_written,
    read_near_spellings,
    stem_apart,
    stem_apart_request,
    stem_candidates,
    stem_relatives,
    text_query,
    typed_in_capitals,
    typo_spelling,
    typo_spellings,
    typo_tolerant,
    with_freshness,
    written_as_names,
    written_number,
)
from archive_search.rerank import EMBEDDING_FIELD, doc_value, embedding_of, rerank, window_size
from archive_search.spelling import (
    MANY_ARTICLES,
    MIN_SIDE_BY_SIDE,
    TITLE_WORDS_FIELD,
    Vocabulary,
    apart_splits,
    closed_up_spellings,
    closed_up_suggester,
    closed_up_words,
    did_you_mean,
    german_letters,
    german_spelling,
    has_digit,
    held_elsewhere,
    likely_edit,
    offer_phrases,
    outweighs_typos,
    possible_readings,
    read_written_forms,
    respellings,
    respelt,
    short_word,
    short_word_phrases,
    spelling_suggester,
    spelling_variant,
    split_key,
    split_readings,
    split_spellings,
    unknown_spellings,
    unknown_words,
    vowel_by_ear,
    with_spellings,
    with_splits,
    word_splits,
    written_forms_request,
)
from archive_search.typed_dates import MONTH_NAMES

MAX_QUERY_CHARS = 2048  # a pasted paragraph
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
MAX_PAGE = 100
MAX_FILTER_VALUES = 20
MAX_FILTER_VALUE_CHARS = MAX_LABEL_CHARS  # every author, section and tag ingest accepts can be selected
# Any of these (or q) makes a search; the OpenAPI document states the rule from this tuple.
FILTER_PARAMETERS = ("section", "author", "tag", "year", "from", "to")
YEAR_PATTERN = r"[0-9]{4}"  # ASCII digits, 0001 to 9999 (the years a `from`/`to` date can name)
CURSOR_REPEATED = "cursor was given more than once (or holds a comma, which no cursor does); send next_cursor once"
DATE_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"  # ASCII digits: `\d` in Python takes any script's digits
# C0 and C1 control characters but tab and line breaks (whitespace, collapsed like the stored labels'): ingest cleans
# them out of every label (parsing/validate.py), so a filter value holding one is a reader's mistake that would
# select nothing. A character class body, in the syntax both Python and the OpenAPI document's patterns read.
FILTER_CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
SNIPPET_CHARS = 200
# A snippet shows at most this many fragments of a text, chosen among BODY_FRAGMENTS_READ of the body's (search_hit):
# the fast vector highlighter returns a body's first fragments holding a match, not those holding the most query
# words (1.80 distinct words marked per article against the plain highlighter's 1.89, news-dev; session 18).
SNIPPET_FRAGMENTS = 2
BODY_FRAGMENTS_READ = 6
SORTS = ("relevance", "newest", "oldest")
# How the words of q are spelt (`spelling`): `auto` reads a word no article holds as its likeliest spelling and, in a
# short query few articles answer completely, widens the words to their near spellings; `as_typed` does neither (the
# "Search instead for" of a page that says "Showing results for": `obama`, which no news-dev article holds, was read
# `osama`, `merkel` `market`, `brexit` `brent`, and the reader had no way to search the word itself; session 39).
SPELLINGS = ("auto", "as_typed")
# Engine requests one search may send one after another: the words' document frequencies (a long query) or the
# probe (a short one: probe_search), which words a headline, byline or tag holds with the near spellings of the
# words to expand (one request since session 20: _ArchiveVocabulary.prepare), the likeliest of equally near
# spellings (words no body holds: every word in one request), the answer (in the reranked window: ids, then the
# page's articles), and for did_you_mean the respelt words' document frequencies or near spellings not listed yet,
# and its count. The template's timeouts nest on it (OPENSEARCH_TIMEOUT x this < the function's timeout). It was 4
# until session 16, which counted them again (and made the likeliest spellings one request: one a word, a paste of
# misspellings sent 13); 8 since the near spellings are listed once (session 17), a bound a search reaches no more
# since session 20 (a misspelt known-item search sends 5.8 on average, 7.8 before).
MAX_ENGINE_REQUESTS = 8
COMPLETE_COUNT = "complete_matches"
_CLOSED_UP_HELD = "closed_up_held"  # which words the closed-up suggesters looked up articles hold (prepare)
_SPLITS_HELD = "splits_held"  # how many articles hold each word's splits as a phrase (prepare)
_APART_HELD = "apart_held"  # how many articles hold both words of each word's splits (prepare)
_CUTS_HELD = "cuts_held"  # how many articles write each cut of a word some spelling is near (prepare)
_AS_READ = "complete_as_read"  # how many articles hold every word with each spelling of a misspelt one (prepare)
EVERY_WORD = "every_word"  # whether any article holds every word, sorted by date (build_search; _counter counts them)
_DATED_HELD = "dated_held"  # _counter: how many articles in the archive hold what a date order lists (dated_matches)
JOINED_HELD = "joined_held"  # the probe's count of the articles holding each joined word (probe_search)
WRITTEN_HELD = "written_held"  # whether a byline or tag holds each word (probe_search; bylined_words)
PHRASES_HELD = "phrases_held"  # how many articles hold each quoted phrase (build_search; relaxed_phrases)
RESPELT_HELD = "respelt_joined_held"  # the answer's count of the articles holding each respelt joined word (_answer)
# Fewer articles than this hold every word of a short query: its words are expanded to near spellings. A default
# page, whatever the page size asked for: with the page size (as before), a reader asking for 20 a page found 3
# articles where one asking for 10 found 2, and total changed with it.
FEW_COMPLETE_MATCHES = DEFAULT_PAGE_SIZE
# The plain highlighter reads at most this much of each text it analyses (every field but the body since mapping 15;
# a long read is about 30,000 characters): a match further on is found but not marked. Reading whole bodies of up
# to 1,000,000 characters (ingest's limit), three transcripts of 880,000 took it 3.3 s, past the search timeout (503
# for every query they matched); bounded, 0.45 s (the local node).
MAX_HIGHLIGHT_CHARS = 50_000
# The highlighter's marks are control characters, which no stored text holds (ingest cleans them out): a fragment
# holding one was written, HTML-encoded, by the highlighter; one without is a text's start (no_match_size), which
# the plain highlighter returns as stored, not encoded (a body's `<script>` reached the snippet of an article found
# by its headline), and the fast vector one (the body's) encodes. search_hit makes them <mark> and escapes the rest.
# C1 ones (start and end of selected area): the engine trims C0 controls, as spaces, off a fragment's ends.
MATCH_START, MATCH_END = "\x86", "\x87"
HIGHLIGHT = {
    "pre_tags": [MATCH_START],
    "post_tags": [MATCH_END],
    "encoder": "html",
    "max_analyzer_offset": MAX_HIGHLIGHT_CHARS,
}
# Bodies are highlighted by the fast vector highlighter, from the term vectors indexing stored (mapping 15): the plain
# one analysed each body again, 6-7 ms of the page request's 7-8 (ten news-dev articles, p50 of 989 known-item
# pages; 2 ms with this one), and the unified one walks a whole text whatever it analyses (ten 880,000-character
# bodies: 1.5-1.9 s). This one takes 20 ms on such a body; it cuts fragments at a space or punctuation within 20
# characters, else where it stands (inside a character too: _LONE_SURROGATE).
# Its fragments, the body's start (no_match_size) included, are HTML-encoded by the engine (search_hit).
BODY_HIGHLIGHTER = {"type": "fvh"}
# The forms of a body with no term vectors (as written, for codes; Thai) stay on the plain highlighter.
_LONG = {"type": "plain"}
# The byline's forms the query matches (relevance: the name as written, a joined word's parts, closed up), the first
# marking anything shown as `highlights.author`.
BYLINE_FORMS = (BYLINE_FIELD, BYLINE_PARTS_FIELD, BYLINE_CLOSED_FIELD)
LIST_FIELDS = ["title", "author", "published", "section", "url", "summary"]
SOURCE_KEY_FIELD = "source_key"
NO_STORED_FIELDS = "_none_"  # the engine's value of stored_fields reading none, `_id` and `_source` included
_DATE = re.compile(DATE_PATTERN)
_YEAR = re.compile(YEAR_PATTERN)
logger = logging.getLogger(__name__)
_FILTER_CONTROL = re.compile(f"[{FILTER_CONTROLS}]")
# Half of a surrogate pair: the fast vector highlighter cuts a fragment at a UTF-16 offset when no space or punctuation
# is within its scan (a run of emoji or of CJK Extension B), and a lone half cannot be encoded as UTF-8: the whole
# page failed to serialise (session 18's review).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A fragment cut inside a character's combining marks (é̂̃) would put them on whatever the page shows before it; one
# cut inside a bidi override or embedding would reorder what follows it on the page (session 19's review).
_COMBINING = frozenset({"Mn", "Me"})


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    page: int = 1
    size: int = DEFAULT_PAGE_SIZE
    sort: str = "relevance"
    section: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    year: tuple[str, ...] = ()  # years as YYYY and/or UNDATED, any of them (the year facet's own filter)
    date_from: str | None = None
    date_to: str | None = None
    cursor: str | None = None
    spelling: str = SPELLINGS[0]

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> SearchRequest:
        """The query-string parameters (API Gateway joins a repeated one with commas) as a request. A parameter
        that is empty or blank is the same as one left out. Raises InvalidQueryError, its message starting with the
        parameter's name, for the first bad one, and when neither q nor any filter is given (naming a filter that was
        sent but holds only blanks or invisible characters, else q)."""
        sent = params.get("q") or ""
        # NFC (a decomposed "Fernández" finds what the composed one finds), joiner look-alikes as the ASCII joiner
        # (O\u00b4Neill, anti\u2010war), invisible characters out.
        # Control characters are blanks (a q of NUL only is no q: session 35's second review), and markup alone and
        # invisible characters are dropped: a q holding nothing else is no q, as such a filter is no filter (session
        # 56's review: `q=%E2%80%8B` was a 200 finding nothing, where `author=%E2%80%8B` is a 400 naming it).
        q, length, _pasted = fold_within(sent, MAX_QUERY_CHARS)
        if length > MAX_QUERY_CHARS:
            raise InvalidQueryError(f"q is {length} characters long; the limit is {MAX_QUERY_CHARS}")
        # Taken exactly as sent (a blank one is left out): a cursor is only ever the text next_cursor gave.
        cursor = params.get("cursor") or None
        if cursor is not None and not cursor.strip():
            cursor = None
        if cursor is not None and "," in cursor:
            # No cursor holds a comma (base64url and a dot): API Gateway joined a repeated `cursor` with one.
            raise InvalidQueryError(CURSOR_REPEATED)
        if cursor is not None and len(cursor) > MAX_CURSOR_CHARS:
            raise InvalidQueryError(NOT_ISSUED)
        # A cursor carries its page, so a `page` beside it is not read at all: a client counting pages sends
        # `page=101` with its first cursor, past MAX_PAGE (session 54).
        page = 1 if cursor is not None else _bounded_int(params, "page", 1, 1, MAX_PAGE)
        size = _bounded_int(params, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        sort = _plain_param(params, "sort").lower() or SORTS[0]
        if sort not in SORTS:
            raise InvalidQueryError(f"sort must be one of {', '.join(SORTS)}, got {params.get('sort')!r}")
        spelling = _plain_param(params, "spelling").lower() or SPELLINGS[0]
        if spelling not in SPELLINGS:
            raise InvalidQueryError(f"spelling must be one of {', '.join(SPELLINGS)}, got {params.get('spelling')!r}")
        date_from = _date(params, "from")
        date_to = _date(params, "to")
        if date_from and date_to and date_from > date_to:
            raise InvalidQueryError(f"from ({date_from}) must not be after to ({date_to})")
        request = cls(
            q=q,
            page=page,
            size=size,
            sort=sort,
            section=_values(params, "section"),
            author=_values(params, "author"),
            tag=_values(params, "tag"),
            year=_years(params),
            date_from=date_from,
            date_to=date_to,
            cursor=cursor,
            spelling=spelling,
        )
        if not q and not request.has_filters:
            for name in FILTER_PARAMETERS:
                if params.get(name):  # sent, yet it selects nothing: say which, not that a filter is missing
                    raise InvalidQueryError(
                        f"{name} holds no value once blanks and invisible characters are dropped "
                        f"(got {params[name]!r}); give a value, or q"
                    )
            raise InvalidQueryError(
                "q is required: give the words to search for (e.g. ?q=kerry+putin) "
                f"or at least one filter ({', '.join(FILTER_PARAMETERS)})"
            )
        return request

    @property
    def has_filters(self) -> bool:
        return bool(self.section or self.author or self.tag or self.year or self.date_from or self.date_to)

    @property
    def effective_sort(self) -> str:
        """Without words there is no relevance: browsing is newest first unless oldest is asked for."""
        return self.sort if self.q or self.sort != "relevance" else "newest"

    def filters(self) -> dict[str, Any]:
        """The filters as they appear in the log line."""
        return {
            "section": list(self.section),
            "author": list(self.author),
            "tag": list(self.tag),
            "year": list(self.year),
            "from": self.date_from,
            "to": self.date_to,
        }

    def fingerprint(self) -> str:
        """What a cursor is bound to: the same words, filters, sort, size and spelling. A filter's values are a set,
        matched case-insensitively (the `folded` normalizer): `section=Africa,World` and `section=world,Africa` are
        one search, and a cursor of either reads on in the other; so are `Économie` and `economie`. The default
        spelling adds nothing, so the cursors issued before `spelling` existed read on; nor does an empty `year`, so
        those issued before it existed (session 56) read on too."""
        filters = {
            name: sorted({fold_as_index(value) for value in values}) if isinstance(values, list) else values
            for name, values in self.filters().items()
            if name != "year" or values
        }
        spelling = [] if self.spelling == SPELLINGS[0] else [self.spelling]
        material = json.dumps([self.q, self.effective_sort, self.size, filters, *spelling], sort_keys=True)
        return hashlib.sha256(material.encode()).hexdigest()[:16]


_INTEGER = re.compile(r"-?[0-9]{1,12}")


# What a parameter of one value (page, size, sort, from, to) may be surrounded by: ASCII spaces and line ends (a URL
# pasted with its newline). Not other blanks: a full-width space or a control character beside a number is a 400
# (the third attack round), and `sort` and the dates, which took any Unicode blank, read as page and size do
# (`page=2%0A` was a 400 where `sort=newest%0A` was not; session 26).
_PARAM_SPACE = " \t\r\n"


def _plain_param(params: Mapping[str, str], name: str) -> str:
    return (params.get(name) or "").strip(_PARAM_SPACE)


def _bounded_int(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = _plain_param(params, name)
    if not raw:
        return default
    # ASCII digits only: int() would also take "1_0", "+5", full-width and Arabic-Indic digits.
    if not _INTEGER.fullmatch(raw):
        raise InvalidQueryError(f"{name} must be a whole number between {low} and {high}, got {raw!r}")
    value = int(raw)
    if not low <= value <= high:
        raise InvalidQueryError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _date(params: Mapping[str, str], name: str) -> str | None:
    raw = _plain_param(params, name)
    if not raw:
        return None
    if not _DATE.fullmatch(raw):
        raise InvalidQueryError(f"{name} must be a date as YYYY-MM-DD, got {raw!r}")
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        # Written right, but no day of the calendar (`2015-02-29`, `2015-04-31`, month 13): said so and why, not
        # that the form is wrong (session 48's new user).
        raise InvalidQueryError(f"{name} is no day of the calendar: {raw!r} ({_no_day(raw)})") from None


def _no_day(raw: str) -> str:
    """Why a YYYY-MM-DD that date.fromisoformat refuses is no day: `February 2015 has days 1 to 28`."""
    year, month, _ = (int(part) for part in raw.split("-"))
    if not 1 <= month <= 12:
        return "a month is 01 to 12"
    if year == 0:
        return "years start at 0001"
    return f"{MONTH_NAMES[month - 1].title()} {year} has days 1 to {calendar.monthrange(year, month)[1]}"


def _values(params: Mapping[str, str], name: str) -> tuple[str, ...]:
    """A filter's values, OR within the facet; see split_filter_values for the syntax."""
    # NFC, as every stored label is (parsing/validate.py): a decomposed "Fernández" selects the composed label.
    # Whitespace collapsed, as in every stored label (parsing/text.py). Invisible characters dropped and joiner
    # look-alikes read as their joiner, as the `folded` normalizer reads labels (fold_query_text).
    control = _FILTER_CONTROL.search(params.get(name) or "")
    if control:
        raise InvalidQueryError(
            f"{name} values cannot hold control characters (found U+{ord(control.group()):04X}): no article's {name} "
            "holds one"
        )
    raw = split_filter_values(name, params.get(name) or "")
    folded = (" ".join(fold_query_text(v).split()) for v in raw)
    values = tuple(dict.fromkeys(v for v in folded if v))
    if len(values) > MAX_FILTER_VALUES:
        raise InvalidQueryError(f"{name} takes at most {MAX_FILTER_VALUES} values, got {len(values)}")
    if any(len(v) > MAX_FILTER_VALUE_CHARS for v in values):
        raise InvalidQueryError(f"{name} values are at most {MAX_FILTER_VALUE_CHARS} characters long")
    return values


def _years(params: Mapping[str, str]) -> tuple[str, ...]:
    """The `year` values (read as the other filters' values are: comma-separated, `year=2004&year=undated` alike), each
    a year as YYYY (0001-9999) or `undated` in any case, in the order given; InvalidQueryError naming `year` else."""
    # ASCII as sent, as a date is (_date): read as a label is (_values), a full-width 1987 was 1987 where a date in
    # full-width digits is refused (session 56's review).
    for value in split_filter_values("year", params.get("year") or ""):
        if not value.isascii():
            raise InvalidQueryError(f"{_YEAR_VALUES}, got {value!r}")
    years = tuple(dict.fromkeys(value.lower() for value in _values(params, "year")))
    for value in years:
        if value != UNDATED and not (_YEAR.fullmatch(value) and value != "0000"):
            raise InvalidQueryError(f"{_YEAR_VALUES}, got {value!r}")
    return years


_YEAR_VALUES = f"year values are years as YYYY in ASCII digits (0001 to 9999) or {UNDATED}"


def split_filter_values(name: str, raw: str) -> list[str]:
    """`Smith\\, John,Ana Lima` -> ["Smith, John", "Ana Lima"]: `\\,` is a comma inside a value, `\\\\` a backslash.

    The comma separates values because API Gateway (payload 2.0) joins a repeated parameter's values with commas,
    so `author=a&author=b` arrives as `a,b`; with commas escaped inside each value, repeating the parameter and
    listing values in one parameter mean the same, and any value round-trips: escape `\\` as `\\\\`, then `,` as `\\,`.
    A backslash before anything else, or at the end, is an InvalidQueryError naming the parameter: it is either a
    value that was not escaped or a typo, and guessing would select the wrong articles.
    """
    values: list[str] = []
    current: list[str] = []
    chars = iter(raw)
    for char in chars:
        if char == ",":
            values.append("".join(current))
            current = []
        elif char == "\\":
            escaped = next(chars, "")
            if escaped not in (",", "\\"):
                raise InvalidQueryError(
                    f"{name}: a backslash must be followed by a comma (\\, is a comma inside a value) or another "
                    f"backslash (\\\\ is a backslash), got {raw!r}"
                )
            current.append(escaped)
        else:
            current.append(char)
    values.append("".join(current))
    return values


# --- the engine request ------------------------------------------------------------------------------------------


def _sort_clause(sort: str) -> list[Any]:
    # source_key is unique per article (its id is the key's path: keys.article_id_for_key): it makes the order
    # total, which search_after needs.
    if sort == "newest":
        return [{"published": {"order": "desc", "missing": "_last"}}, {SOURCE_KEY_FIELD: "asc"}]
    if sort == "oldest":
        return [{"published": {"order": "asc", "missing": "_last"}}, {SOURCE_KEY_FIELD: "asc"}]
    return [{"_score": "desc"}, {SOURCE_KEY_FIELD: "asc"}]


def filter_clauses(request: SearchRequest) -> dict[str, dict[str, Any]]:
    """One filter per facet (so each facet's counts can leave its own filter out) plus the tag filter."""
    clauses: dict[str, dict[str, Any]] = {}
    if request.section:
        clauses["section"] = {"terms": {"section": list(request.section)}}
    if request.author:
        clauses["author"] = {"terms": {"author.folded": list(request.author)}}
    if request.year:
        clauses["year"] = {"bool": {"should": [_year_clause(year) for year in request.year], "minimum_should_match": 1}}
    if request.date_from or request.date_to:
        # A range holds no undated article (`year=undated` beside it selects none).
        bounds = {"gte": request.date_from, "lte": request.date_to}
        clauses["date"] = {"range": {"published": {k: v for k, v in bounds.items() if v}}}
    if request.tag:
        clauses["tag"] = {"terms": {"tags": list(request.tag)}}
    return clauses


def _year_clause(year: str) -> dict[str, Any]:
    if year == UNDATED:
        return {"bool": {"must_not": [{"exists": {"field": "published"}}]}}
    return {"range": {"published": {"gte": f"{year}-01-01", "lte": f"{year}-12-31"}}}


def scored_words(index: SearchableIndex, q: str) -> list[str]:
    """The content words of q to score, most informative first when there are more than the query may hold.

    A pasted paragraph keeps its MAX_SCORED_WORDS rarest words the archive knows (document frequency of the exact
    word, one engine request), then the ones it does not know; a shorter query is kept as typed.
    """
    words = content_words(parse_query(q))
    if len(words) <= MAX_SCORED_WORDS:
        return words
    freqs = index.doc_freqs(words)
    order = {word: i for i, word in enumerate(words)}
    return sorted(words, key=lambda w: (freqs.get(w, 0) == 0, freqs.get(w, 0), order[w]))[:MAX_SCORED_WORDS]


def written_apart(
    index: SearchableIndex, request: SearchRequest, words: Sequence[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a short query (COMPLETE_MATCH_MAX_WORDS scored words at most) and its excluded words that are
    matched as written, not by their stem, and the plurals or singulars matched with them (relevance.stem_apart;
    Ranking.as_written, Ranking.written_twins), as folded: what the body's term statistics say the stemmer merges
    with other words (two `_termvectors` requests, no search, of the words and their stem_relatives) and, only for
    those, how a few bodies write them and how many hold their own forms (one search request,
    relevance.stem_apart_request). A long query keeps its stems: the judged collections' questions (relevance.py)
    are read as before."""
    parsed = parse_query(request.q)
    if not words or len(words) > COMPLETE_MATCH_MAX_WORDS:
        return frozenset(), frozenset()
    excluded = [term.text for term in parsed.excluded if not term.phrase]
    asked = stem_candidates([*words, *excluded])
    if not asked:
        return frozenset(), frozenset()
    listed = list(dict.fromkeys([*asked, *(form for word in asked for form in stem_relatives(word))]))
    held, stems = index.doc_freqs(listed, EXACT_BODY_FIELD), index.doc_freqs(listed)
    dominated = [word for word in asked if 0 < held.get(word, 0) < STEM_SHARE * stems.get(word, 0)]
    if not dominated:
        return frozenset(), frozenset()
    answer = index.search(
        stem_apart_request(dominated, held, stems), size=0, offset=0, preference=request.fingerprint()
    )
    return stem_apart(dominated, answer, held, stems)


def widened_alternatives(index: SearchableIndex, q: str, ranking: Ranking) -> frozenset[str]:
    """The words of a short query's first OR-group that match their near spellings too: those fewer than
    FEW_COMPLETE_MATCHES articles' bodies hold, as a plain word is expanded when few articles hold every word (one
    `_termvectors` request, only for such a query): `goverment`, in a few bodies, is still found as `government`.
    Every typo_tolerant alternative was widened: `film OR movie` found 1,311 articles on news-dev where `film movie`
    found 306, most holding `firm` (session 21's review)."""
    parsed = parse_query(q)
    groups = alternative_groups(parsed)
    if not groups or not ranking.fuzzy or len(content_words(parsed)) > FUZZY_MAX_WORDS:
        return frozenset()
    # Nor a word matched as written: read as a name (relevance.stem_apart), no typo of its near spellings.
    words = [term.text for term in groups[0] if not term.phrase and typo_tolerant(term.text)]
    words = [word for word in words if not read_as_written(word, ranking)]
    if not words:
        return frozenset()
    freqs = index.doc_freqs(words)
    return frozenset(word for word in words if freqs.get(word, 0) < FEW_COMPLETE_MATCHES)


@dataclass(frozen=True)
class Expansion:
    """What typo expansion applies to a search: `typos` as typo_words() chose them, `near` what each of them
    expands to (relevance.read_near_spellings), and `widened` the OR-group words no article holds
    (widened_alternatives). Empty: the words as typed."""

    typos: Mapping[str, str | None] = field(default_factory=dict)
    near: Mapping[str, Sequence[NearSpelling]] = field(default_factory=dict)
    widened: frozenset[str] = frozenset()  # OR-group words matched within a typo too (widened_alternatives)
    apart: frozenset[str] = frozenset()  # joined words no article holds, searched as their parts (probe_search)
    every_word: bool = False  # sorted by date: only the articles holding every word, if any does (dated_every_word)
    # q as read (altered_query) when a respelt word joins a name or a quoted phrase there (regroups): searched as
    # typed in place of q (reading), the typos kept for altered_query.
    read: str | None = None
    held_read: frozenset[str] = frozenset()  # words some article holds, read as their likely spelling (_typos_read)
    # The spelling did_you_mean offers for a likely typo some article holds not read so (_typos_read).
    offered: Mapping[str, str] = field(default_factory=dict)
    bylined: frozenset[str] = frozenset()  # words a byline or tag holds (probe_search): no likely typo to offer
    # The near spellings of the spellings respelt words are searched as, by spelling, when widened as the spelling
    # typed would be (_spelt_widened, relevance.text_query).
    spelt_near: Mapping[str, Sequence[NearSpelling]] = field(default_factory=dict)

    def held_spellings(self) -> dict[str, str]:
        """The words some article holds that the search read as another spelling, each with it (held_read)."""
        return {word: str(self.typos[word]) for word in self.held_read}

    def searched(self, words: Sequence[str]) -> list[str]:
        """The words as the search reads them: a respelt one (`typos`) as its spelling, the others as typed. Sorted by
        date, the articles holding every one of these are listed (`oil prces`, read as `oil prices`, lists what `oil
        prices` lists: session 26; until then any word's 1,129 articles of news-dev, cocoa first, against 298). Not
        within a typo each: `kerry putn` then listed 2 articles holding `kerr` and `putting` (session 24's review)."""
        return as_read(words, self.typos)

    def read_apart(self) -> frozenset[str]:
        """The words searched apart, as read (a respelt one as its spelling): `kery/putin`, read `kerry/putin`."""
        return frozenset(self.typos.get(word) or word for word in self.apart)

    def parts(self) -> dict[str, list[str]]:
        """The parts of each of the words searched apart (relevance.apart_parts), keyed as `searched` reads it."""
        return apart_parts(self.typos, self.apart)


NO_EXPANSION = Expansion()


def regroups(q: str, read: str) -> bool:
    """Whether q read as `read` (altered_query) groups its words otherwise: a respelt word joins a synonym name of
    several words (`united nayions`: `united nations`) or is in a quoted phrase (`"state of the unoin"`). Searched
    word by word, the name's words were each found anywhere: `united nayions` by date listed 240 news-dev articles,
    the United States ones first, where `united nations` lists 61; the phrase's two articles ranked 60th and 74th
    (session 32's review). So does a word read as several (spelling.split_spellings): `bankofengland`, read `bank
    of england`, found 3,682 of 3,698 articles, any article holding `of` (session 52). So does a word read as a
    joined word (`lastminute` as `last-minute`: its parts adjacent, not anywhere; session 54's review)."""
    typed, as_read = parse_query(q), parse_query(read)
    return (
        _groups(as_read) != _groups(typed)
        or len(content_words(as_read)) != len(content_words(typed))
        or _joined_count(as_read) != _joined_count(typed)
    )


def _joined_count(parsed: ParsedQuery) -> int:
    return sum(1 for unit in content_words(parsed) if is_joined(unit))


def _groups(parsed: ParsedQuery) -> list[str]:
    names = [unit for unit in content_words(parsed) if " " in unit]
    phrases = [alternative.text for unit in parsed.required for alternative in unit.alternatives if alternative.phrase]
    return [fold_as_index(text) for text in names + phrases]


def reading(
    request: SearchRequest, words: list[str] | None, expansion: Expansion
) -> tuple[SearchRequest, list[str] | None, Expansion]:
    """The search as it runs: of q, or of the query as read (Expansion.read) as typed, with no typo expansion (a
    short query: its words are its content words) but its joined words no article holds still apart, as read
    (dropped, `united nayions bush-blair` found 61 news-dev articles where `united nations bush-blair` finds 271:
    session 32's second review)."""
    if expansion.read is None:
        return request, words, expansion
    as_read = Expansion(every_word=expansion.every_word, apart=expansion.read_apart())
    return replace(request, q=expansion.read), content_words(parse_query(expansion.read)), as_read


def text_clause(
    request: SearchRequest,
    ranking: Ranking,
    words: list[str] | None = None,
    expansion: Expansion = NO_EXPANSION,
    counting: bool = False,
) -> dict[str, Any]:
    """The query for request.q as /search runs it (with freshness when sorted by relevance), no filters; `counting`:
    for a count (relevance.text_query)."""
    request, words, expansion = reading(request, words, expansion)
    # No q: browsing (filters only) finds every article; a q with nothing searchable in it finds none (text_query).
    parsed = parse_query(request.q)
    query = (
        text_query(
            parsed,
            ranking,
            words,
            expansion.typos,
            near_spellings=expansion.near,
            counting=counting,
            widened=expansion.widened,
            apart=expansion.apart,
            spelt_near=expansion.spelt_near,
        )
        if request.q
        else {"match_all": {}}
    )
    if request.effective_sort == "relevance":
        query = with_freshness(query, ranking)
    elif expansion.every_word:
        searched = expansion.searched(scored_or_typed(parsed, words))
        if every := dated_matches(request, ranking, searched, expansion.parts()):
            query = {"bool": {"must": [query], "filter": [every]}}
    return query


def scored_or_typed(parsed: ParsedQuery, words: list[str] | None) -> list[str]:
    """The words scored_words() chose, or the query's content words as typed."""
    return words if words is not None else content_words(parsed)


def dated_every_word(request: SearchRequest, ranking: Ranking, words: list[str]) -> bool:
    """Whether a search sorted by date lists only the articles holding every word (complete_matches) when some
    article in the archive does (Expansion.every_word; _relaxed): a short query of several words, whose complete
    matches rank first by relevance (relevance.complete_match) and could not in a date order. `oil prices` by date
    listed the 1,128 news-dev articles holding either word, its first page about cocoa and share prices (session 24).
    Decided in the whole archive, as the probe counts complete matches, so that a filter only narrows and each facet
    counts what selecting it lists. A longer query, one no article answers completely, and one with a word no article
    holds as searched (Expansion.searched) still list any word's articles by date. A query with quoted phrases
    lists the articles holding every phrase too (dated_matches)."""
    if request.effective_sort == "relevance" or not request.q:
        return False
    parsed = parse_query(request.q)
    # A joined word no article holds is held as its parts (Expansion.parts), which the probe tells later: `nato-led`
    # by date listed the 281 news-dev articles holding either part, where `nato led` lists 1 (session 32's review).
    parts = {word: spelt for word in words if (spelt := joined_parts(word))}
    return complete_match(parsed, ranking, words, parts=parts) is not None or bool(
        every_phrase(parsed, ranking.synonyms)
    )


def dated_matches(
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    parts: Mapping[str, Sequence[str]] = MappingProxyType({}),
) -> dict[str, Any] | None:
    """Sorted by date (dated_every_word), what an article must hold to be listed when any article in the archive
    does: every quoted phrase (relevance.every_phrase) and, in a short query, every word (complete_matches). By
    relevance the articles holding the phrases rank first; by date they could not, and `"state of the union"`
    newest first listed 104 news-dev articles holding any of its words, none of the first ten the 2 holding the
    phrase (session 31's review). None when the query has neither. `parts`: as complete_matches."""
    every = [*every_phrase(parse_query(request.q), ranking.synonyms)]
    if complete := complete_matches(request, ranking, words, parts):
        every.append(complete)
    return {"bool": {"must": every}} if every else None


def typo_words(
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    suggest: dict[str, Any] | None,
    complete: int | None,
    vocabulary: Vocabulary | None = None,
    as_read: Mapping[str, int] | None = None,
) -> dict[str, str | None]:
    """The scored words to expand to their near spellings, from the probe's answer (probe_search): none unless the
    query is short and typo tolerance on; then every word of 4+ letters when some word is in no article (the term
    suggesters' answer, `suggest`, says which), or when fewer than FEW_COMPLETE_MATCHES articles hold every word
    (`complete`, None when not counted; one word too) in the relevance order, so that a name spelt another way
    (Gaddafi, Gadaffi) is found next; else none. A word no article holds, body or headline (`vocabulary`, see
    spelling.respellings), comes with the nearest known word, searched in its place; a headline's own word (`bold`,
    near `told` in many bodies) is only expanded, so its exact match ranks first. A shorter word no article holds
    comes with the spelling it is read as (spelling._as_phrases), and is searched as that alone, never expanded; not
    when it has none. `as_read`: for each spelling of the query's one word no article holds, how many articles hold
    every word with it (_complete_as_read), when counted: the count of the spelling it is read as applies."""
    held = partial(held_elsewhere, request.q, suggest, vocabulary)
    # A counted spelling is the one read: the respellings are read first then (the vocabulary asks nothing more).
    read = respellings(request.q, suggest, vocabulary) if as_read else None
    count = next((as_read[spelling] for spelling in (read or {}).values() if as_read and spelling in as_read), None)
    expanded = _words_to_expand(request, ranking, words, suggest, complete, held, count)
    joined = _joined(ranking, words)
    short = _short_words(ranking, words)
    german = _german_words(ranking, words)
    unknown = (expanded or joined or short or german) and unknown_words(request.q, suggest)
    spelt: dict[str, str] = {}
    if unknown:
        spelt = read if read is not None else respellings(request.q, suggest, vocabulary)
    typos = {word: spelt.get(word) for word in expanded}
    # A word read as its split is so read in any order (by date too: `parttime` was read `part time` by relevance
    # and searched as typed by date; session 54's review).
    typos |= {word: split for word, split in split_readings(request.q, suggest).items() if word in words}
    # A short word no article holds is searched as the spelling it is read as, if any (spelling._as_phrases), never
    # within a typo: it has a dozen near spellings.
    typos |= {word: spelling for word in short if (spelling := spelt.get(word))}
    # So is a German word no article holds (spelling._unknown reads it only as a likely edit: `Müllerr`, Muller).
    typos |= {word: spelling for word in german if (spelling := spelt.get(word))}
    return typos | {word: spelling for word in joined if (spelling := _respelt_joined(word, spelt))}


def _german_words(ranking: Ranking, words: list[str]) -> list[str]:
    """The words of a short query (with typo tolerance on) with a German letter (spelling.german_letters), never
    expanded to near spellings, which one no article holds may be read as a likely edit of (`Schröderr`: Schroder,
    as before session 54)."""
    if not ranking.fuzzy or len(words) > FUZZY_MAX_WORDS:
        return []
    return [word for word in words if german_letters(word) and not short_word(word)]


def _short_words(ranking: Ranking, words: list[str]) -> list[str]:
    """The words of a short query (with typo tolerance on) too short to expand to near spellings (typo_tolerant),
    which a word no article holds may be read as another (spelling.SHORT_WORD_CHARS letters or fewer)."""
    if not ranking.fuzzy or len(words) > FUZZY_MAX_WORDS:
        return []
    return [word for word in words if short_word(word)]


def _joined(ranking: Ranking, words: list[str]) -> list[str]:
    """The joined and glued words of a short query (with typo tolerance on) that are searched as their respelling
    when no article holds them or a part of them (typo_words, relevance.text_query): `wal-mrat`, `oill.gass`."""
    return _joined_words(words) if ranking.fuzzy else []


def _joined_words(words: list[str]) -> list[str]:
    """The joined and glued words of a short query."""
    if len(words) > FUZZY_MAX_WORDS:
        return []
    return [word for word in words if is_joined(word) or glued_parts(word)]


_JOINED_PARTS = re.compile(f"([{re.escape(JOINERS)}]|{GLUE.pattern})")


def _respelt_joined(word: str, spelt: Mapping[str, str]) -> str | None:
    """A joined or glued word respelt (spelling.respellings, keyed as the query's words): whole (`o'sulivan` ->
    `o'sullivan`) or part by part (`wal-mrat` -> `wal-mart`, `oill.gass` -> `oil.gas`: the suggesters read a glued
    word's parts apart); None when nothing of it is."""
    if spelling := spelt.get(word):
        return spelling
    respelt = "".join(spelt.get(part, part) for part in _JOINED_PARTS.split(word))
    return respelt if respelt != word else None


def _words_to_expand(
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    suggest: dict[str, Any] | None,
    complete: int | None,
    held: Callable[[], Collection[str]] = tuple,
    as_read: int | None = None,
) -> list[str]:
    """The words typo_words() expands, without asking which spelling each is searched as. `held`: the words no body
    holds that an article holds as typed all the same (spelling.held_elsewhere), which are no reason to expand; asked
    only when the answer decides. `as_read`: the complete matches of the query as it may be read (_complete_as_read);
    when they are not few, only the words no article holds are expanded."""
    eligible = _expandable(ranking, words)
    if not eligible:
        return []
    misspelt = unknown_words(request.q, suggest).keys()
    unknown = misspelt & set(eligible)
    # Few articles hold every word as typed because a word is misspelt, while many hold them as read: the words
    # spelt right are searched as typed, as the query `altered_query` shows finds them (`tony blare`, read `tony
    # blair`, found 353 news-dev articles where `tony blair` finds 211: `tory`, `tone` and `tiny` articles, and
    # "Tory" marked in the Blair articles' snippets; session 33's review). So too beside a short word read as
    # another (`french opn`, read `french open`).
    short = misspelt & {*_short_words(ranking, words), *_german_words(ranking, words)}
    if (unknown or short) and as_read is not None and as_read >= FEW_COMPLETE_MATCHES:
        return [word for word in eligible if word in unknown]
    # Words every one of which some article holds are expanded only where the tiers rank the articles holding them
    # as typed first: in a date order the near spellings (`apple` -> `apply`, `ample`) filled the first pages. So are
    # words held only closed up or in a byline or tag (`walmart`, `obrien`: near spellings such as `walman` and
    # `oeien` led the newest first; session 22's review); not a headline's alone, which may be its typo (`PRESSUE`).
    if complete is not None and complete < FEW_COMPLETE_MATCHES and request.effective_sort == "relevance":
        return _unless_name_in_capitals(request, eligible, unknown)
    return eligible if unknown and unknown - set(held()) else []


def _unless_name_in_capitals(request: SearchRequest, words: Sequence[str], unknown: Collection[str] = ()) -> list[str]:
    """`words`, or, when one some article holds is typed in capitals (relevance.typed_in_capitals), only the words
    `unknown` (no article holds them: `OPCE output` is still read `OPEC output`): a name typed in capitals that
    articles hold (`EADS`, 2 news-dev articles) is no typo of a word near it (`ends`, 1,098), neither widened to
    its near spellings nor offered as one, nor read so (session 43's review)."""
    capitals = typed_in_capitals(parse_query(request.q))
    if not capitals & set(words) - set(unknown):
        return list(words)
    # Nor are the query's other words some article holds: few articles answer it because of the name, and the words
    # widened alone outranked it (`CBBC children`: the two CBBC articles 15th and past the 20th, 7th as typed;
    # session 43's second review).
    return [word for word in words if word in unknown]


def probe_search(request: SearchRequest, ranking: Ranking, words: list[str]) -> dict[str, Any] | None:
    """The small request that decides typo expansion before the results are asked for (typo_words), or None when
    the query cannot be expanded nor a short word in it read as another (_short_words): the term suggesters (a word
    no article holds; did_you_mean reads them too) and how many articles hold every word, counted up to
    FEW_COMPLETE_MATCHES (the engine stops there; in a date order up to 1, only to read a likely typo when none does:
    _typos_read) in the whole archive (complete_matches): counted under the filters, selecting a section where few
    articles held every word turned expansion on, and the section's facet count was not what selecting it found.

    Asked apart so that an expanded search pays for one window, not two: the results of a first request without
    expansion were thrown away whenever expansion ran (more than half of the known-item searches; the probe takes
    about 1-4 ms where that window took 13-14, news-dev, the local node)."""
    relaxable = _relaxable(relaxable_words(request.q, words))
    # A short word is read only beside another (spelling._as_phrases): `tax cyt`, `war in irq`.
    short = len(words) > 1 and _short_words(ranking, words)
    german = _german_words(ranking, words)
    if not _expandable(ranking, words) and not _joined(ranking, words) and not relaxable and not short and not german:
        return None
    probe: dict[str, Any] = {"suggest": spelling_suggester(request.q), "track_total_hits": False}
    complete = complete_matches(request, ranking, words)
    if complete is not None:
        probe["query"] = complete
        # By date only whether any article does (_typos_read): the engine stops at the first.
        probe["track_total_hits"] = FEW_COMPLETE_MATCHES if request.effective_sort == "relevance" else 1
    if relaxable:
        # Whether any article holds each joined word, in the whole archive (a global aggregation: the query above
        # selects the complete matches): one that none holds is searched as its parts too (apart_words).
        probe["aggs"] = _joined_held(ranking, relaxable)
    if expandable := _expandable(ranking, words):
        # And whether a byline or tag holds each word: such a word is no typo to offer a respelling of (bylined).
        written: dict[str, Any] = {
            f"{_BY} {i}": {"bool": {"should": in_byline_or_tags(word)}} for i, word in enumerate(expandable)
        }
        # And whether a body holds each word that may be two typed without a space (bodyless_words).
        written |= {
            f"{_BODY} {i}": {"match": {EXACT_BODY_FIELD: {"query": word, "operator": "and"}}}
            for i, word in enumerate(expandable)
            if word_splits(word)
        }
        probe["aggs"] = {
            **probe.get("aggs", {}),
            WRITTEN_HELD: {"global": {}, "aggs": {"held": {"filters": {"filters": written}}}},
        }
    return probe


def bylined_words(ranking: Ranking, words: list[str], probed: Mapping[str, Any]) -> frozenset[str]:
    """Expansion.bylined: the words probe_search counted that a byline or tag holds, which are no typos (`David Hume`,
    a byline, was offered `David Home` as typed; session 52)."""
    held = _held_counts(probed, WRITTEN_HELD)
    return frozenset(word for i, word in enumerate(_expandable(ranking, words)) if held.get(f"{_BY} {i}"))


_BY = "by"  # probe_search's count of a word's articles holding it in a byline or tag (bylined_words)


def bodyless_words(ranking: Ranking, words: list[str], probed: Mapping[str, Any]) -> list[str]:
    """The words probe_search counted that may be two typed without a space (spelling.word_splits) and no body holds
    as a word, whether or not a known word is near: a word held only closed up (`bluechip`, `lastminute`: the
    hyphenated "blue-chip", "last-minute") may be written apart in more articles ("blue chip": 9 news-dev bodies
    against 3), which spelling.split_spellings weighs (session 54)."""
    held = _held_counts(probed, WRITTEN_HELD)
    return [word for i, word in enumerate(_expandable(ranking, words)) if held.get(f"{_BODY} {i}") == 0]


_BODY = "body"  # probe_search's count of a word's articles holding it in a body, as written (bodyless_words)


def _joined_held(ranking: Ranking, relaxable: list[str], name: str = JOINED_HELD) -> dict[str, Any]:
    """The aggregation counting, in the whole archive, the articles holding each joined word (_held_counts reads
    it)."""
    held = {str(i): held_joined(word, ranking) for i, word in enumerate(relaxable)}
    return {name: {"global": {}, "aggs": {"held": {"filters": {"filters": held}}}}}


def _held_counts(answer: Mapping[str, Any], name: str = JOINED_HELD) -> dict[str, int]:
    """How many articles hold each word an aggregation of filters by the word's place in the list counted, by that
    place: the joined words _joined_held(name) asked of, or the words probe_search counts as written (WRITTEN_HELD,
    its byline-or-tag counts keyed `by i`)."""
    buckets = (((answer.get("aggregations") or {}).get(name) or {}).get("held") or {}).get("buckets") or {}
    return {key: int(bucket.get("doc_count", 0)) for key, bucket in buckets.items()}


def _relaxable(words: list[str]) -> list[str]:
    """The joined words of a short query that have parts to search when no article holds them (joined_parts), with
    typo tolerance off too: searched as typed (`spelling=as_typed`), `kerry-putin`, which no news-dev article holds
    joined, found nothing where `kerry putin` finds 25 (session 39's review)."""
    return [word for word in _joined_words(words) if joined_parts(word)]


def relaxable_words(q: str, words: list[str]) -> list[str]:
    """The scored words and the joined words of q's OR-groups, whichever no article holds is searched as its parts
    (_relaxable, apart_words)."""
    grouped = [term.text for group in alternative_groups(parse_query(q)) for term in group if not term.phrase]
    return list(dict.fromkeys([*words, *(text for text in grouped if is_joined(text))]))


def apart_words(ranking: Ranking, words: list[str], probed: Mapping[str, Any]) -> frozenset[str]:
    """The joined words no article holds, from the probe's answer (probe_search): searched as their parts too
    (relevance.text_query's `apart`), so that `bush-blair` relaxes as any query does instead of finding nothing
    (session 23's review)."""
    held = _held_counts(probed)
    return frozenset(word for i, word in enumerate(_relaxable(words)) if held.get(str(i)) == 0)


def held_apart(index: SearchableIndex, ranking: Ranking, words: list[str], preference: str | None) -> frozenset[str]:
    """apart_words asked on its own (one small request, none without a joined word to relax): did_you_mean's count
    of a spelling, which has no probe, searches it as /search will. Counted with the joined word whole, `kerry-putin
    (elecion OR vote)` offered `kerry-putin (election OR vote)` as finding 517 news-dev articles, and following it
    found 534 (session 26's review)."""
    relaxable = _relaxable(words)
    if not relaxable:
        return frozenset()
    body = {"query": {"match_all": {}}, "track_total_hits": False, "aggs": _joined_held(ranking, relaxable)}
    return apart_words(ranking, words, index.search(body, size=0, offset=0, preference=preference))


def complete_matches(
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    parts: Mapping[str, Sequence[str]] = MappingProxyType({}),
) -> dict[str, Any] | None:
    """The articles typo_words counts as holding every word of a short query (relevance.complete_match), or None
    when there is no such tier: in the whole archive, whatever the filters and exclusions, so that a filter or an
    exclusion only narrows the results and never turns expansion on (counted after the exclusions, `opec -oil`
    found 47 articles where `opec` found 11, none of them, most holding `open`; after the tag filter, `rain` in a
    tag holding one such article found `rail` too; session 19's review). The probe and did_you_mean's count both
    count these, so the count offered is what following it finds. `parts`: the joined words searched apart, each
    held as its parts (relevance.apart_parts)."""
    complete = complete_match(parse_query(request.q), ranking, words, expanded=True, parts=parts)
    return None if complete is None else {"bool": {"must": complete}}


def _expandable(ranking: Ranking, words: list[str]) -> list[str]:
    """The words typo expansion may apply to: with typo tolerance on, in a short query, the typo_tolerant ones."""
    if not ranking.fuzzy or len(words) > FUZZY_MAX_WORDS:
        return []
    return [word for word in words if typo_tolerant(word) and not read_as_written(word, ranking)]


def _query(request: SearchRequest, ranking: Ranking, words: list[str] | None, expansion: Expansion) -> dict[str, Any]:
    query = text_clause(request, ranking, words, expansion)
    # Tags have no facet: their filter narrows everything (the facets' filters go to post_filter).
    tag = filter_clauses(request).get("tag")
    return {"bool": {"must": [query], "filter": [tag]}} if tag else query


def _highlight(
    request: SearchRequest, ranking: Ranking, words: list[str] | None, expansion: Expansion, closed: bool = True
) -> dict[str, Any]:
    """Each body highlighted once, stemmed, and as written only when a code matched there; the headline also as
    written (it is short): there a part of a joined word (`neill` in O'Neill) is marked. `closed`: each also where a
    joined word was found closed up (`walmart`: Wal-Mart), which a page none of whose articles matched so skips.

    The highlight query is the text query without the freshness function_score around it: through one, the
    highlighter no longer reads a synonym's phrase as a phrase and marks each of its words anywhere ("of" and
    "state" all over a text, for `US`, whose synonyms include "united states of america")."""
    request, words, expansion = reading(request, words, expansion)
    parsed = parse_query(request.q)
    summary = {"fragment_size": SNIPPET_CHARS, "number_of_fragments": SNIPPET_FRAGMENTS}
    fields: dict[str, Any] = {
        "title": {"number_of_fragments": 0},
        "title.exact": {"number_of_fragments": 0},
        "body": {
            "fragment_size": SNIPPET_CHARS,
            "number_of_fragments": BODY_FRAGMENTS_READ,
            "no_match_size": SNIPPET_CHARS,
            **BODY_HIGHLIGHTER,
        },
        "summary": summary,
        "summary.exact": summary,
        # The byline, where the query's name or a word of it matched it (BYLINE_FIELDS): a result found by its
        # byline showed no mark at all (session 53's attack report: `Peter Torday`, 10 of the top 10).
        **{form: {"number_of_fragments": 0} for form in BYLINE_FORMS},
    }
    if closed:
        # A joined word found closed up (`walmart`: Wal-Mart) is marked in the body's own fragments, from the
        # closed-up field's term vectors (mapping 17; an older index marks it nowhere, as before).
        fields["title.closed"] = {"number_of_fragments": 0}
        fields["body"]["matched_fields"] = ["body", CLOSED_BODY_FIELD]
        fields["summary.closed"] = summary
    # The body as written holds every spelling of a code (F16 for F-16: relevance.code_runs). It holds the near
    # spellings of typo expansion too, but marking them there cost three times the rest of the page (ten news-dev
    # articles: 142 ms with it, 43 without; session 15): the stemmed body marks the words as typed, for a word no
    # article holds the spelling searched in its place, and the near spellings listed as words of its own form
    # (relevance.text_query; session 23).
    # So does it a number's plural, searched with the number (relevance.written_number: `747` finds `747s`).
    # And a word matched as written alone (relevance.read_as_written), which the stemmed body does not mark.
    if any(code_runs(w) or written_number(w) != w or read_as_written(w, ranking) for w in parsed.words):
        fields["body.exact"] = {"fragment_size": SNIPPET_CHARS, "number_of_fragments": SNIPPET_FRAGMENTS, **_LONG}
    if has_thai(request.q):  # Thai words are marked where the Thai fields matched them (relevance.THAI_FIELDS)
        fields["title.thai"] = {"number_of_fragments": 0}
        fields["summary.thai"] = {"fragment_size": SNIPPET_CHARS, "number_of_fragments": SNIPPET_FRAGMENTS}
        fields["body.thai"] = {"fragment_size": SNIPPET_CHARS, "number_of_fragments": SNIPPET_FRAGMENTS, **_LONG}
    highlight: dict[str, Any] = {**HIGHLIGHT, "require_field_match": True, "fields": fields}
    if request.q:
        highlight["highlight_query"] = text_query(
            parsed,
            ranking,
            words,
            expansion.typos,
            highlighting=True,
            near_spellings=expansion.near,
            widened=expansion.widened,
            apart=expansion.apart,
            spelt_near=expansion.spelt_near,
        )
    return highlight


def build_search(
    request: SearchRequest,
    ranking: Ranking,
    words: list[str] | None = None,
    expansion: Expansion = NO_EXPANSION,
) -> dict[str, Any]:
    """The engine request for one page of /search; `words` as scored_words() chose them (default: as typed),
    `expansion` the words to expand to near spellings (typo_words()) and their spellings."""
    parsed = parse_query(request.q)
    filters = filter_clauses(request)
    filters.pop("tag", None)
    # Facet filters go to post_filter, so that each facet's counts can be computed without its own filter
    # (disjunctive facets).
    body: dict[str, Any] = {
        "query": _query(request, ranking, words, expansion),
        "_source": LIST_FIELDS,
        "track_total_hits": True,
        "sort": _sort_clause(request.effective_sort),
        "aggs": facet_aggregations(filters, request),
        "highlight": _highlight(request, ranking, words, expansion),
    }
    if filters:
        body["post_filter"] = {"bool": {"filter": list(filters.values())}}
    body["aggs"].update(_every_word_held(request, ranking, words, expansion))
    body["aggs"].update(_phrases_held(parsed, ranking))
    scored = scored_or_typed(parsed, words)
    # did_you_mean reads the term suggesters; a query that may be expanded has them from its probe (probe_search).
    if parsed.words and not expansion.typos and not _expandable(ranking, scored) and not _joined(ranking, scored):
        body["suggest"] = spelling_suggester(request.q)
    return body


def _phrases_held(parsed: ParsedQuery, ranking: Ranking, expansion: Expansion = NO_EXPANSION) -> dict[str, Any]:
    """The aggregation counting the articles in the archive holding each quoted phrase (relevance.every_phrase, keyed
    by its place), and a phrase holding a word the search respelt as read too (_phrase_read, keyed `{place} read`),
    whatever the filters, as the every-word probe counts: none for a query without one."""
    if not (phrases := every_phrase(parsed, ranking.synonyms)):
        return {}
    held = {str(i): phrase for i, phrase in enumerate(phrases)}
    for i, text in enumerate(quoted_phrases(parsed)[: len(phrases)]):
        if (read := _phrase_read(text, expansion)) is not None:
            held[f"{i} read"] = every_phrase(parse_query(f'"{read}"'), ranking.synonyms)[0]
    return {PHRASES_HELD: {"global": {}, "aggs": {"held": {"filters": {"filters": held}}}}}


def _phrase_read(text: str, expansion: Expansion) -> str | None:
    """A quoted phrase with the words the search respelt in their spelling (`bank centrl`: `bank central`), as it was
    searched; None when it holds none."""
    respelt = {word: spelling for word, spelling in expansion.typos.items() if spelling and spelling != word}
    if not respelt.keys() & set(query_units(parse_query(text))):
        return None
    return with_spellings(text, respelt)


def relaxed_phrases(parsed: ParsedQuery, aggregations: Mapping[str, Any], expansion: Expansion) -> list[str]:
    """The quoted phrases of several words no article in the archive holds (_phrases_held counted them), as typed:
    the search ranks the articles holding a phrase first and does not filter by it, so these were searched as their
    words, which the reader is told (SearchPage.relaxed_phrases): `"some phrase"` answered news-dev's 1,472
    articles holding either word with no word of it said (session 55). One holding a word the search respelt as
    read (_phrase_read), which it was searched as and altered_query shows: `"bank centrl"` is named `bank central`,
    which no article holds either (session 55's review), and `"united nayions"` none (`united nations` is held)."""
    buckets = ((aggregations.get(PHRASES_HELD) or {}).get("held") or {}).get("buckets") or {}
    named: list[str] = []
    for i, text in enumerate(quoted_phrases(parsed)):
        read = _phrase_read(text, expansion)
        key = str(i) if read is None else f"{i} read"
        if len(text.split()) > 1 and key in buckets and not buckets[key].get("doc_count"):
            named.append(read or text)
    return named


def _every_word_held(
    request: SearchRequest, ranking: Ranking, words: list[str] | None, expansion: Expansion
) -> dict[str, Any]:
    """Sorted by date (Expansion.every_word), the aggregation telling whether any article holds every word as
    searched (Expansion.searched), whatever the filters (_relaxed); else none."""
    if not expansion.every_word:
        return {}
    request, words, expansion = reading(request, words, expansion)
    searched = expansion.searched(scored_or_typed(parse_query(request.q), words))
    if (complete := dated_matches(request, ranking, searched, expansion.parts())) is None:
        return {}
    return {EVERY_WORD: {"global": {}, "aggs": {"held": {"filter": complete}}}}


def _answer(
    index: SearchableIndex,
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    body: dict[str, Any],
    size: int,
    offset: int,
    vocabulary: _ArchiveVocabulary,
    base: Expansion = NO_EXPANSION,
) -> tuple[dict[str, Any], Expansion]:
    """The engine's answer to `body` and the typo expansion it applied. Typo expansion is paid only when the words
    need it (typo_words(): a word no article holds, or few complete matches), which a query that may be expanded
    asks first in a small request (probe_search); then what the vocabulary is asked of misspelt words and the near
    spellings of the words to expand (`vocabulary`), and `body` is sent with the words expanded or as it is; the
    probe's `suggest` is the answer's, for did_you_mean. `base`: the expansion `body` was built with (its OR-group
    words widened, widened_alternatives), kept in any it applies.

    Every page of one search is asked of one copy of the index (its fingerprint as the engine's preference): with a
    replica (two or more data nodes), copies score apart by the deleted documents each still holds, so pages from
    either copy overlapped and left hits out, and a cursor's scores, read after on the other copy, skipped some."""
    same_copy = request.fingerprint()
    probe = probe_search(request, ranking, words)
    if probe is None:
        response = index.search(body, size=size, offset=offset, preference=same_copy)
        return _relaxed(index, request, ranking, words, body, size, offset, response, base)
    probed = index.search(probe, size=0, offset=0, preference=same_copy)
    counted = int(probed["hits"]["total"]["value"]) if "query" in probe else None
    # Few complete matches widen the words only in the relevance order (_words_to_expand); by date the count only
    # says whether a likely typo may be read (below).
    complete = counted if request.effective_sort == "relevance" else None
    suggest = probed.get("suggest")
    # What the search will ask of the vocabulary, in one request: which misspelt words a headline, byline or tag
    # holds, and the near spellings of the words to expand and of the spellings did_you_mean may count them with
    # (three requests until session 20: 5 + 5 + 5 ms p50 of a misspelt search's 47, news-dev, the node on one core).
    # A word no article holds that a known word is near may be two typed without a space (`worldcup`): its cuts are
    # counted with the vocabulary's other questions, and where one outweighs the spellings near it (spelling.
    # split_spellings) the word is read as it, the questions asked again for that reading (one request more, only
    # then; session 51); so is a word nothing is near, whose cuts the closed-up request counts (session 52).
    cut: list[str] = []
    bodyless = bodyless_words(ranking, words, probed)
    for again in (False, True):
        unknown = unknown_spellings(request.q, suggest)
        expanded = _words_to_expand(request, ranking, words, suggest, complete)
        # Sorted by date no word is widened to its near spellings, but a likely typo is read as by relevance when no
        # article holds every word (`manchester untied` listed the articles holding `untied aid` first, and said
        # nothing; session 43): its near spellings listed with the vocabulary's other questions.
        dated = (
            _unless_name_in_capitals(request, _expandable(ranking, words))
            if complete is None and counted == 0 and not unknown
            else []
        )
        # No article holds every word, and no word is near a known one: a word may be a joined word closed up and
        # misspelt (`wallmart shares`), which only the closed-up suggesters know, asked in the same request (by date
        # only when that request is sent anyway, else did_you_mean asks when nothing is found: asked apart,
        # `wallmart untied` by date in a section sent 9 requests; session 43's second review).
        closed_up = request.q if (complete == 0 or dated) and not unknown else None
        read_clauses = (
            _complete_as_read(
                request,
                ranking,
                words,
                possible_readings(request.q, suggest),
                [*expanded, *_short_words(ranking, words), *_german_words(ranking, words)],
            )
            if complete is not None or counted == 0
            else None
        )
        cut = [] if again else list(dict.fromkeys([*(typed for typed, _ in unknown), *bodyless]))
        vocabulary.prepare(
            [typed for typed, _ in unknown],
            [*expanded, *dated, *(c for _, spelt in unknown for c in spelt)],
            unknown,
            closed_up,
            read_clauses,
            short_word_phrases(request.q, suggest),
            cut,
        )
        split = (
            None if again else split_spellings(request.q, suggest, vocabulary.cuts_held, vocabulary.closed_up, bodyless)
        )
        if split is None:
            break
        suggest = split
    typos = typo_words(request, ranking, words, suggest, complete, vocabulary, vocabulary.complete_as_read)
    # A byline's name is written on purpose: `kathleen hays` found 2,945 articles within a typo of `hays` (`has`),
    # marked in her own snippets, where 26 hold the words (session 55's review, F8).
    vocabulary.as_written(bylined_words(ranking, words, probed))
    held_read: dict[str, str] = {}
    read_held = 0
    offered: dict[str, str] = {}
    # The words a likely typo may be among (_typos_read), when no article holds every word as read.
    spellings_read = {word: spelling for word, spelling in typos.items() if spelling}
    if spellings_read:
        # Beside a word no article holds (or a short or joined word) read as its spelling: in the same step
        # (`manchestr untied` was read `manchester untied`, which following read `manchester united`; session 44).
        readable = dict.fromkeys(
            _unless_name_in_capitals(request, _held_beside_respelt(typos, vocabulary.complete_as_read))
        )
    else:
        # Every word held: those expanded by relevance, the `dated` ones by date.
        readable = typos if complete == 0 and not unknown else dict.fromkeys(dated)
    if readable:
        held_read, offered, read_held = _typos_read(
            request, ranking, as_read(words, spellings_read), readable, vocabulary, beside=True
        )
        typos = {**typos, **held_read}
        if read_held >= FEW_COMPLETE_MATCHES:
            # Many articles hold every word as read: the words spelt right are searched as typed, as the query
            # `altered_query` shows finds them (_words_to_expand): `white hose`, read `white house`, found 549 news-dev
            # articles, 55 of them holding neither word, where `white house` finds 494 (session 50's attacker).
            typos = {word: spelling for word, spelling in typos.items() if spelling}
    # A joined word respelt (`wal-mrat`: wal-mart) is searched as its respelling, not its parts.
    relaxable = relaxable_words(request.q, words)
    apart = frozenset(word for word in apart_words(ranking, relaxable, probed) if word not in typos)
    expansion = base
    if typos or apart:
        # A word typed alone, which nothing beside it tells apart, is asked whether the bodies write it as a name
        # (one request; beside other words it would take the count a did_you_mean needs: `recieve award`).
        names = request.effective_sort == "relevance" and len(words) == 1
        as_read_counts = {"": read_held} if held_read else vocabulary.complete_as_read
        spelt = _spelt_widened(request, ranking, typos, as_read_counts)
        spellings = vocabulary.expansion(typos, names, spelt) if typos else base
        expansion = replace(
            spellings,
            widened=base.widened,
            apart=apart,
            every_word=base.every_word,
            held_read=frozenset(held_read),
            offered=offered,
        )
        if (read := altered_query(request.q, suggest, vocabulary, expansion)) and regroups(request.q, read):
            # By date it lists what the query read lists: `worldcup` (read `world cup`) listed any word's 1,182
            # articles, where `world cup` lists the 73 holding both (session 52).
            words_read = content_words(parse_query(read))
            every_word = expansion.every_word or dated_every_word(replace(request, q=read), ranking, words_read)
            expansion = replace(expansion, read=read, every_word=every_word)
        body = {**body, "query": _query(request, ranking, words, expansion)}
        body["aggs"] = {
            **body["aggs"],
            **_every_word_held(request, ranking, words, expansion),
            **_phrases_held(parse_query(request.q), ranking, expansion),
        }
        if "highlight" in body:
            body["highlight"] = _highlight(request, ranking, words, expansion)
    # A joined word respelt as one no article holds either finds nothing as a phrase: it is searched as its
    # spelling's parts, as the same joined word typed so is (session 31's review: `kery/putin`, read `kerry/putin`,
    # found nothing where `kerry/putin` finds 25; session 32's: beside another word, `kery/putin iraq` lost 21 of
    # them). The answer counts the articles holding each respelling; one more request, only when one holds none.
    respelt = [word for word, spelling in typos.items() if spelling and word not in apart and is_joined(word)]
    spelt = [str(typos[word]) for word in respelt]
    if respelt:
        body = {**body, "aggs": {**body["aggs"], **_joined_held(ranking, spelt, RESPELT_HELD)}}
    response = index.search(body, size=size, offset=offset, preference=same_copy)
    held = _held_counts(response, RESPELT_HELD)
    respelt_apart = frozenset(
        word for i, word in enumerate(respelt) if held.get(str(i)) == 0 and joined_parts(spelt[i])
    )
    if respelt_apart:
        expansion = replace(expansion, apart=expansion.apart | respelt_apart)
        aggs = {name: agg for name, agg in body["aggs"].items() if name != RESPELT_HELD}
        aggs.update(_every_word_held(request, ranking, words, expansion))
        body = {**body, "query": _query(request, ranking, words, expansion), "aggs": aggs}
        if "highlight" in body:
            body["highlight"] = _highlight(request, ranking, words, expansion)
        response = index.search(body, size=size, offset=offset, preference=same_copy)
    read = altered_query(request.q, suggest, vocabulary, expansion) if expansion.every_word else None
    response, expansion = _relaxed(index, request, ranking, words, body, size, offset, response, expansion, read)
    return {**response, "suggest": suggest}, replace(expansion, bylined=bylined_words(ranking, words, probed))


def _spelt_widened(
    request: SearchRequest,
    ranking: Ranking,
    typos: Mapping[str, str | None],
    complete_as_read: Mapping[str, int] | None,
) -> list[str]:
    """The spellings respelt words (`typos`: typo_words', a word no article holds or a short one with its spelling)
    are searched as that are widened to what each may stand for, as the query altered_query shows widens it typed:
    in the relevance order, when fewer than FEW_COMPLETE_MATCHES articles hold every word as read (the vocabulary's
    count by spelling, `complete_as_read`, or under "" _typos_read's when it read a likely typo: `manchestr untied`
    is `manchester united`, which 10 articles hold, not widened; uncounted, when the words spelt right are widened:
    _words_to_expand). Before session
    56 only the spelling was searched: `herald of fre enterprise` found 414 news-dev articles, `herald of free
    enterprise`, which it said it searched, 452. Not a joined word's (searched as its respelling, or its parts)."""
    spellings = [
        spelling for word, spelling in typos.items() if spelling and not is_joined(word) and " " not in spelling
    ]
    if not (spellings and ranking.fuzzy and request.effective_sort == "relevance"):
        return []
    counts = [
        complete_as_read[spelling] for spelling in ["", *spellings] if complete_as_read and spelling in complete_as_read
    ]
    widened = counts[0] < FEW_COMPLETE_MATCHES if counts else any(spelling is None for spelling in typos.values())
    return list(dict.fromkeys(spellings)) if widened else []


def _held_beside_respelt(typos: Mapping[str, str | None], complete_as_read: Mapping[str, int] | None) -> list[str]:
    """The words a likely typo may be among (_typos_read) in a query whose one word no article holds is read as its
    spelling: the words expanded as typed (`typos`: typo_words'), when no article holds every word so read (the
    vocabulary's count, `complete_as_read`: _complete_as_read; None when not counted). Else none."""
    respelt = [spelling for spelling in typos.values() if spelling]
    if len(respelt) != 1 or complete_as_read is None or complete_as_read.get(respelt[0]) != 0:
        return []
    return [word for word, spelling in typos.items() if spelling is None]


class WordListing(Protocol):
    """What _typos_read asks of the archive (_ArchiveVocabulary): the near spellings listed for a word, and the
    answer to aggregations over every article."""

    def near_spellings(self, word: str) -> tuple[NearSpelling, ...]: ...

    def aggregations(self, aggs: Mapping[str, Any]) -> dict[str, Any]: ...


def _typos_read(
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    typos: Mapping[str, str | None],
    vocabulary: WordListing,
    beside: bool = False,
) -> tuple[dict[str, str], dict[str, str], int]:
    """(read, offered, held) for a short query no article holds every word of, each word held by some (as the probe
    counts them; in a date order too since session 43). `read`: the one word to read as a word it is likely a typo of
    (relevance.typo_spellings: `untied`, which 3 of news-dev's articles hold, for `united`, 466), with that spelling:
    one written as a phrase with a query word next to it (stopwords aside), in the order typed, in MIN_SIDE_BY_SIDE
    articles or more and in most of those holding both as written, some article holding every word as read (of
    several, the one most articles write so): `manchester untied` is `manchester united` (48 of the 49 articles
    holding both write it, none holds `untied` with `manchester`), `white hose` `white house` (not `home`, which more
    articles hold), as a word no article holds is read as its spelling; `spelling=as_typed` searches it as typed; {}
    when none is. `offered`: for each word, the spelling written so with a word next to it in the most articles
    (MIN_SIDE_BY_SIDE or more), a phrase or not, which did_you_mean offers (typos_respelt). `typos`: the words
    expanded (typo_words), each listed by the vocabulary; one more request, only when one is a likely typo. `beside`:
    a word many articles hold may be read or offered as a word it is a slip for beside the others (typo_spellings'
    `beside`: `trace deficit` is `trade deficit`, and `whte horse`, which no article holds, `white house` as `white
    horse` is: the second review of session 47 saw the two read apart when only words as typed were read so).
    `held`: how many articles hold every word as read (0 when none is read)."""
    parsed = parse_query(request.q)
    excluded = excluded_words(parsed)
    readings: list[tuple[str, str, list[str]]] = []  # (word, spelling, the keys of its counts beside each neighbour)
    aggs: dict[str, Any] = {}
    for word in typos:
        # The words just before and after it, each as a phrase in the order typed: `executive chef` is not
        # `executive chief`, which no article writes (`chief executive`, 300; the session's review).
        at = words.index(word)
        neighbours = [(words[at - 1], True)] if at else []
        neighbours += [(words[at + 1], False)] if at + 1 < len(words) else []
        for spelling in typo_spellings(word, vocabulary.near_spellings(word), beside):
            clauses = complete_match(parsed, ranking, as_read(words, {word: spelling}), True)
            if clauses is None or not neighbours or excludes(excluded, spelling):
                continue
            i = len(readings)
            aggs[f"{i} read"] = {"filter": {"bool": {"must": clauses}}}
            keys = []
            for j, (other, before) in enumerate(neighbours):
                both = {"bool": {"filter": [_phrase_held(other), _phrase_held(spelling)]}}
                ordered = _phrase_held(f"{other} {spelling}" if before else f"{spelling} {other}")
                keys.append(f"{i} beside {j}")
                aggs[keys[-1]] = {"filter": both, "aggs": {"written": {"filter": ordered}}}
            readings.append((word, spelling, keys))
    if not aggs:
        return {}, {}, 0
    answer = vocabulary.aggregations(aggs)
    phrases: dict[int, int] = {}
    offered: dict[str, tuple[int, str]] = {}
    for i, (word, spelling, keys) in enumerate(readings):
        # As written, both words held (the stemmed fields hold `downing` as `down`), and side by side.
        pairs = [(int(answer[key]["written"]["doc_count"]), int(answer[key]["doc_count"])) for key in keys]
        most = max((written for written, _ in pairs), default=0)
        phrase = max((written for written, both in pairs if 2 * written >= both), default=0)
        if answer[f"{i} read"]["doc_count"] and phrase >= MIN_SIDE_BY_SIDE:
            phrases[i] = phrase
        # Else the spelling written so most often is the one offered: `suger prices` was offered `super prices`,
        # which more articles hold than `sugar`.
        if most >= MIN_SIDE_BY_SIDE and most > offered.get(word, (0, ""))[0]:
            offered[word] = (most, spelling)
    spellings = {word: spelling for word, (_, spelling) in offered.items()}
    if not phrases:
        return {}, spellings, 0
    chosen = max(phrases, key=lambda i: (phrases[i], -i))
    word, spelling, _ = readings[chosen]
    return {word: spelling}, spellings, int(answer[f"{chosen} read"]["doc_count"])


def _complete_as_read(
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    unknown: Sequence[tuple[str, Sequence[str]]],
    expanded: Collection[str],
) -> dict[str, list[dict[str, Any]]] | None:
    """For each spelling of the query's one word no article holds, what an article holds to hold every word with the
    word read so (relevance.complete_match of the words as_read, as the probe counts them, in the whole archive):
    asked only when a word spelt right would be expanded beside one misspelt word (_words_to_expand; `expanded`, with
    the short words, which are read as another spelling and not expanded: _short_words), in the vocabulary's request
    (no request added); by relevance, and by date when no article holds every word as typed (the count tells
    whether a likely typo beside it is read: _held_beside_respelt; session 44). Each spelling apart: counted as any
    of them, `asian buake` was read
    `asian quake` and searched unwidened for the 10 articles holding `asian` and one of quake, brake, blake or burke,
    where 9 hold `asian quake` (session 33's third review)."""
    spellings = {word: candidates for typed, candidates in unknown if (word := _one_word(typed) or "") in expanded}
    if len(spellings) != 1 or not set(expanded) - spellings.keys():
        return None
    parsed = parse_query(request.q)
    ((word, candidates),) = spellings.items()
    read = {
        spelling: complete_match(parsed, ranking, as_read(words, {word: spelling}), True) for spelling in candidates
    }
    return {spelling: clauses for spelling, clauses in read.items() if clauses is not None} or None


def _relaxed(
    index: SearchableIndex,
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    body: dict[str, Any],
    size: int,
    offset: int,
    response: dict[str, Any],
    expansion: Expansion,
    as_read: str | None = None,
) -> tuple[dict[str, Any], Expansion]:
    """The answer of a search sorted by date that no article in the archive answers completely (Expansion.
    every_word; _every_word_held counts them): asked again for any word's articles, as a search by relevance
    relaxes. Else the response as it is. `as_read`: the query as the search read it (altered_query), whose words
    are then listed as read, as searching it lists them, not within a typo each (session 26's review: `kery putin`,
    read as `kerry putin`, listed 417 news-dev articles, the 1987 ones holding `key` or `putting` first, where
    `kerry putin` lists 25)."""
    held = ((response.get("aggregations") or {}).get(EVERY_WORD) or {}).get("held") or {}
    if not expansion.every_word or held.get("doc_count", 0) > 0:
        return response, expansion
    relaxed = replace(expansion, every_word=False)
    if as_read is None:
        query = _query(request, ranking, words, relaxed)
    else:
        read = replace(request, q=as_read)
        # A joined word searched apart stays apart as read (`kery/putin`, read `kerry/putin`, which no article holds).
        as_searched = Expansion(widened=relaxed.widened, apart=relaxed.read_apart())
        query = _query(read, ranking, scored_words(index, as_read), as_searched)
    body = {**body, "query": query}
    return index.search(body, size=size, offset=offset, preference=request.fingerprint()), relaxed


class _Timed:
    """The index as one search uses it, adding up the engine's `took` (ms) of every search request it sends: the
    probe, the near spellings, the vocabulary's questions, the results, the page's articles and did_you_mean's count
    (took_ms and the SearchLatency metric; until session 19 the vocabulary's and the count's were left out, about
    10 ms p50 of a misspelt search's 28 on news-dev). Term statistics (doc_freqs, `_termvectors` requests) are no
    search and not counted: two for the stem check of a short query's scored words (written_apart), one for a paste's
    scored_words and one for a short query's OR-group (widened_alternatives). The
    stem check's search request (relevance.stem_apart_request) is counted (docs/search.md, Session 55)."""

    def __init__(self, index: SearchableIndex) -> None:
        self._index = index
        self.took = 0
        self.sent = 0  # search requests, MAX_ENGINE_REQUESTS at most (_spelling keeps within it)

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        self.sent += 1
        response = self._index.search(body, size=size, offset=offset, preference=preference)
        self.took += int(response.get("took", 0))
        return response

    def doc_freqs(self, words: Sequence[str], field: str = "body") -> dict[str, int]:
        return self._index.doc_freqs(words, field)


def search_articles(
    index: SearchableIndex,
    request: SearchRequest,
    ranking: Ranking | None = None,
    *,
    cursors: CursorSigner | None = None,
    encoder: TextEncoder | None = None,
) -> SearchPage:
    """One page of results. Without `cursors` (a signer with the API's key) no cursor is issued or accepted; with
    an `encoder` and a relevance sort, the first window of results is reranked by meaning (rerank.py).

    Raises InvalidQueryError for a cursor this API did not issue for this search, SearchUnavailableError when the
    engine cannot answer.
    """
    ranking = ranking or Ranking()
    if request.spelling != SPELLINGS[0]:
        # As typed: no word respelt, none widened to its near spellings (typo tolerance off for this search alone);
        # did_you_mean still offers a spelling that finds more.
        ranking = replace(ranking, fuzzy=False)
    page = request.page
    offset = (page - 1) * request.size
    cursor = None
    if request.cursor:  # refused before the engine is asked anything
        if cursors is None:
            raise InvalidQueryError(NOT_ISSUED)
        cursor = cursors.decode(request.cursor, request.fingerprint())
        page, offset = cursor.page, 0
    index = timed = _Timed(index)
    words = scored_words(index, request.q)
    as_written, twins = written_apart(index, request, words)
    ranking = replace(ranking, as_written=as_written, written_twins=twins)
    every_word = dated_every_word(request, ranking, words)
    base = Expansion(widened=widened_alternatives(index, request.q, ranking), every_word=every_word)
    body = build_search(request, ranking, words, base)
    semantic = encoder is not None and ranking.semantic_weight > 0 and request.effective_sort == "relevance"
    if semantic and words and encoder is not None:
        start = cursor.window_offset if cursor is not None else offset
        if start is not None and start < window_size(request.size):
            return _reranked_page(timed, request, ranking, words, body, encoder, start, page, cursors, base)
    if cursor is not None:
        if cursor.window_offset is not None:
            raise InvalidQueryError(NOT_ISSUED)  # issued by a rerank this deployment no longer runs
        body["search_after"] = cursor.after
    vocabulary = _ArchiveVocabulary(index, request.fingerprint())
    response, expansion = _answer(index, request, ranking, words, body, request.size, offset, vocabulary, base)
    hits = response["hits"]
    total = int(hits["total"]["value"])
    raw_hits = hits["hits"]
    next_cursor = None
    seen = (page - 1) * request.size + len(raw_hits)
    if cursors is not None and raw_hits and len(raw_hits) == request.size and seen < total and page < MAX_CURSOR_PAGE:
        after = raw_hits[-1].get("sort")
        if after is not None:
            next_cursor = cursors.encode(Cursor(after=after, page=page + 1, fingerprint=request.fingerprint()))
    suggestion, altered = _spelling(index, request, ranking, vocabulary, response.get("suggest"), total, expansion)
    quoted = quoted_only(request.q)
    return SearchPage(
        total=total,
        took_ms=timed.took,
        results=[search_hit(raw, quoted, ranking.as_written | ranking.written_twins) for raw in raw_hits],
        page=page,
        sort=request.effective_sort,
        facets=read_facets(response.get("aggregations") or {}, request),
        did_you_mean=suggestion,
        next_cursor=next_cursor,
        unapplied_exclusions=list(parse_query(request.q).unapplied),
        altered_query=altered,
        relaxed_phrases=relaxed_phrases(parse_query(request.q), response.get("aggregations") or {}, expansion),
    )


def _spelling(
    index: _Timed,
    request: SearchRequest,
    ranking: Ranking,
    vocabulary: _ArchiveVocabulary,
    suggest: dict[str, Any] | None,
    total: int,
    expansion: Expansion,
) -> tuple[Suggestion | None, str | None]:
    """(did_you_mean, altered_query) of a search: the query as searched when the search read a word as another
    spelling, else did_you_mean (counted only then: one request fewer for most misspelt searches). A search that
    read q as did_you_mean would offer it offers nothing to follow: `presidnt putn` was searched as `president punt`
    and offered `president punt` (1,330 results against 1,328, the near spellings of the respelt words)."""
    altered = altered_query(request.q, suggest, vocabulary, expansion)
    # Read in one step beside a word some article holds read as its likely spelling too (`manchestr untied`:
    # `manchester united`), not offered as the respelling alone, which following reads as the search did.
    if altered is not None and altered in _read_in_one(request.q, suggest, vocabulary, expansion):
        return None, altered
    known: Vocabulary | None = vocabulary
    written: dict[str, str] = {}
    closed_up = None
    # The suggesters' answer for q itself: the closed-up one may replace `suggest` below, and the short words of q
    # are read from this one (offer_phrases).
    typed_suggest = suggest
    if altered is None and respelt(request.q, suggest, known) is None:
        # Only then: a closed-up joined word misspelt (`wallmart`, `wallmart shares`), which the word fields'
        # suggesters cannot know: as the vocabulary asked it (no article holds every word; only the words none
        # holds), or when nothing is found in place of a respelling, so that a search still sends at most
        # MAX_ENGINE_REQUESTS.
        if vocabulary.closed_up is None and total == 0 and parse_query(request.q).words:
            # Not asked with the vocabulary (sorted by date no probe counts the articles holding every word): asked
            # now, the same request (which words articles hold; their cuts into two words).
            vocabulary.prepare((), (), (), request.q)
        closed_up = vocabulary.closed_up
    if closed_up is not None:
        suggest, known = closed_up, None
        # The closed-up fields are stemmed: each spelling is offered as an article writes it (`vice-president`); a
        # word's split (`oil prices`) is as written.
        if stems := sorted({spelling for spelling in respellings(request.q, suggest).values() if " " not in spelling}):
            written = read_written_forms(stems, index.search(written_forms_request(stems), 0, 0))
    # A likely typo some articles hold (`goverment`), which no respelling reads, is offered as its spelling; searched
    # as typed, beside the respelling too (_offered_as_typed). Not asked by default for a word few bodies write that
    # no near spelling widened: that cost a request on every search holding a rare word, and its one offer was a
    # replaced letter (`definately`), which _typo_shaped refuses (session 52's review of the change). Sorted by date
    # no word is widened, so none is offered: session 53 offered one where the page listed few, and 26 of its 51 new
    # offers were words written on purpose (`crow` -> `crown`, `wool` in a section -> `wood`; its review).
    widened = request.spelling == SPELLINGS[0]
    held_typos, beside = (
        (expansion, {}) if widened else _offered_as_typed(index, request, ranking, vocabulary, typed_suggest)
    )
    typo = typos_respelt(request.q, replace(held_typos, bylined=expansion.bylined))
    # Beside a short word no article holds, which a search for the offer reads as a phrase with the spelling offered
    # (spelling.offer_phrases): counted in the same request, and then not offered (searched as typed, none is read).
    guard = offer_phrases(request.q, typed_suggest, typo) if typo and request.spelling == SPELLINGS[0] else []
    if guard is None:
        typo = None
    # A word typed alone is checked for a name (relevance.written_as_names), as the search asked (_answer); beside
    # other words, which tell what was meant, it is not: `heath service` is offered `health service` (session 53's
    # review: the check refused it, and all 11 `heath` phrases tried, `welch language`).
    alone = len(content_words(parse_query(request.q))) == 1
    # Beside other words, which tell what was meant, the likely typo's spelling finds more of it than the words as
    # typed do, not than their near spellings, which hold it: `goverment spending` found 1,523 articles widened
    # (`sending`, `speeding`), the typo's first, and was offered nothing, where `government spending` finds 1,357 and
    # as typed 391 (session 52). A word typed alone is compared with what it found (a rare word, `wool`, is no typo
    # of `wood` for that: session 51's set). Counted as typed, one request, while the offer's count is left.
    left = bool(typo) and index.sent + 1 + _count_requests(typo or "", ranking) <= MAX_ENGINE_REQUESTS
    beside_others = len(content_words(parse_query(request.q))) > 1
    shaped = bool(typo) and _typo_shaped(request.q, typo or "")
    as_typed = left and beside_others and shaped and bool(expansion.typos)
    as_typed = as_typed and respelt(request.q, suggest, known) is None
    found = _counter(index, request, replace(ranking, fuzzy=False), vocabulary)(request.q) if as_typed else total
    # Compared with what it found, an offer is decided as before session 54 narrowed a held word's fuzzy query
    # (_Widened): the offer and q each counted with their held words widened too, in the offer's own request.
    as_before = (
        _Widened(_query(request, replace(ranking, held_narrowed=False), scored_words(index, request.q), expansion))
        if not as_typed and ranking.fuzzy and ranking.held_narrowed and narrowed(expansion.near)
        else None
    )
    counter = _counter(
        index,
        request,
        ranking,
        vocabulary,
        _Guard(typo, guard or (), respelt_pairs(request.q, typo), respelt_words(request.q, typo) if alone else ())
        if typo
        else None,
        as_before,
    )

    counted: list[str] = []

    def count_for(offer: str) -> int:
        # A second offer (did_you_mean's respelling alone) is counted only while the requests a count may send are
        # left (_count_requests); none is offered else (0 finds no more).
        if counted and index.sent + _count_requests(offer, ranking) > MAX_ENGINE_REQUESTS:
            return 0
        counted.append(offer)
        count = counter(offer)
        return 0 if as_before is not None and not as_before.more(offer) else count

    suggestion = did_you_mean(request.q, suggest, count_for, found, known, MAX_QUERY_CHARS, written, typo, beside)
    return suggestion, None if suggestion else altered


def _typo_shaped(q: str, offer: str) -> bool:
    """Whether each word `offer` respells in q is a likely typo of its spelling (spelling.likely_edit: a letter left
    out, doubled or undoubled, two neighbours swapped), none into a stopword: what did_you_mean offers by default
    beside other words against the words as typed, or for a word few bodies write (session 52's review). A letter
    replaced is as likely a rare word written on purpose: `rape case`, `boat race`, `jute prices`, `hard ware` were
    offered `rate case`, `beat race`, `june prices`, `hard were`; `ration` `reaction` (two letters added)."""
    typed, offered = parse_query(q).words, parse_query(offer).words
    pairs = [
        (fold_as_index(engine_lower(word)), fold_as_index(engine_lower(spelling)))
        for word, spelling in zip(typed, offered, strict=False)
        if word != spelling
    ]
    return (
        len(typed) == len(offered)
        and bool(pairs)
        and all(likely_edit(word, spelling) and spelling not in STOPWORDS for word, spelling in pairs)
    )


def _read_in_one(q: str, suggest: dict[str, Any] | None, vocabulary: Vocabulary, expansion: Expansion) -> set[str]:
    """q as a search reads it in one step, which did_you_mean never offers in its place: the words no article holds
    as their spelling (spelling.respelt), and with them a likely typo read beside them (expansion.held_spellings)."""
    read = respelt(q, suggest, vocabulary)
    if read is None:
        return set()
    held = expansion.held_spellings()
    return {read, with_spellings(read, held) or read} if held else {read}


def _count_requests(q: str, ranking: Ranking) -> int:
    """The most requests one count of did_you_mean's (_counter) sends for q: the count, and which of its joined words
    articles hold (held_apart) and the near spellings of its words not listed yet (typo tolerance on) when it has
    such words."""
    words = content_words(parse_query(q))
    return 1 + bool(_relaxable(relaxable_words(q, words))) + bool(_expandable(ranking, words))


def _offered_as_typed(
    index: _Timed,
    request: SearchRequest,
    ranking: Ranking,
    vocabulary: _ArchiveVocabulary,
    suggest: dict[str, Any] | None,
) -> tuple[Expansion, dict[str, str]]:
    """What a query searched as typed (`spelling=as_typed`) offers besides its respelling: its likely typos some
    article holds (_held_typos), each with the spelling written beside the other words as read (_typos_read's
    `offered`: `white hose` was offered `white home`, which more articles hold than `house`), and those to offer with
    the respelling, in one step as the search by default reads them (`manchestr untied` was offered `manchester
    untied`, whose page offered `manchester united`; session 46's attack). One more request, only when one is a
    likely typo, and while it and the offer's count (_count_requests) are within MAX_ENGINE_REQUESTS (`wallmart
    anti-war untied` by date in a section sent 9; session 46's review)."""
    listed = _held_typos(vocabulary, request)
    likely = {word: None for word in listed.typos if typo_spellings(word, listed.near.get(word, ()))}
    if not likely or index.sent + 1 + _count_requests(request.q, ranking) > MAX_ENGINE_REQUESTS:
        return listed, {}
    spellings = respellings(request.q, suggest, vocabulary)
    words = as_read(content_words(parse_query(request.q)), spellings)
    read, offered, _ = _typos_read(request, Ranking(), words, likely, vocabulary)
    beside = {**offered, **read} if spellings else {}
    return replace(listed, offered=offered), beside


def _held_typos(vocabulary: _ArchiveVocabulary, request: SearchRequest) -> Expansion:
    """The words of a short query searched as typed (`spelling=as_typed`), which none expands, as typo expansion
    would list them (their near spellings: one request), for typos_respelt: `goverment`, which 7 news-dev articles
    hold, offered `government` by default and nothing as typed (session 39's review). Listed whatever typo tolerance
    the deployment runs (`SEARCH_FUZZY`): an offer widens no search."""
    words = _unless_name_in_capitals(request, _expandable(Ranking(), content_words(parse_query(request.q))))
    return vocabulary.expansion(dict.fromkeys(words)) if words else NO_EXPANSION


def typos_respelt(q: str, expansion: Expansion) -> str | None:
    """q with each word the search expanded as typed that is likely a typo (relevance.typo_spelling: `goverment`,
    which 5 of news-dev's articles hold, 1,095 `government`) replaced by the spelling it stands for (the one written
    beside the other words, when _typos_read found one: `expansion.offered`), or None (session 37's review:
    `goverment` was offered nothing). A word the search read as another spelling (`expansion.held_read`) is offered
    as read, as the results show it. A word typed alone that some headline and some body hold is offered nothing
    (relevance.headlined: `suez` was offered `sues`), nor one a byline or tag holds (`expansion.bylined`). Beside
    other words, a spelling no likely edit makes of the word (spelling.spelling_variant), nor a vowel spelt by ear
    (spelling.vowel_by_ear: `seperate`), is offered only when articles write it beside them (`expansion.offered`,
    _typos_read): `wool prices` was offered `wood prices`, `wool exports` `wood exports`, `rape trial` `rate trial`,
    each finding more only by the offered word's near spellings (session 56); `suger prices` is offered `sugar
    prices` (a vowel), not `super prices` (180 articles against 48)."""
    parsed = parse_query(q)
    excluded = excluded_words(parsed)
    # A number beside it says nothing of the word (`quiz 2005`: the second review).
    alone = len([word for word in content_words(parsed) if not has_digit(word)]) == 1

    def meant(word: str) -> str | None:
        if spelling := expansion.offered.get(word):
            return spelling
        if alone:
            return typo_spelling(word, expansion.near.get(word, ()))
        typed = fold_as_index(engine_lower(word))
        return next(
            (
                spelling
                for spelling in typo_spellings(word, expansion.near.get(word, ()))
                if spelling_variant(typed, spelt := fold_as_index(spelling)) or vowel_by_ear(typed, spelt)
            ),
            None,
        )

    spellings = {
        word: spelling
        for word, read in expansion.typos.items()
        if read is None
        and word not in expansion.bylined
        and not (alone and headlined(expansion.near.get(word, ())))
        and (spelling := meant(word))
        and not excludes(excluded, spelling)
    }
    return with_spellings(q, expansion.held_spellings() | spellings) if spellings else None


def altered_query(q: str, suggest: dict[str, Any] | None, vocabulary: Vocabulary, expansion: Expansion) -> str | None:
    """q as the search read it: each word it searched as another spelling (a word no article holds, as its likeliest
    spelling: typo_words; a likely typo some article holds, as the phrase it forms: _typos_read) replaced by that
    spelling, in q's own text (`oil prces` -> `oil prices`, `Wal-Mrat` -> `Wal-Mart`, `white hose` -> `white
    house`); None when it searched every word as typed. For the words no article holds, the spelling did_you_mean
    would offer (spelling.respelt), so the two never disagree; a long query, searched as typed, has none."""
    respelt_words = [word for word, spelling in expansion.typos.items() if spelling and word not in expansion.held_read]
    held = expansion.held_spellings()
    read = None
    if respelt_words:
        # The suggesters read a joined word's parts apart (`wal-mrat`: `mrat`), and respelt() replaces those.
        parts = {part for word in respelt_words for part in _JOINED_PARTS.split(word)}
        read = respelt(q, suggest, vocabulary, only=parts | set(respelt_words))
    return (with_spellings(read or q, held) or read) if held else read


def _reranked_page(
    index: _Timed,
    request: SearchRequest,
    ranking: Ranking,
    words: list[str],
    body: dict[str, Any],
    encoder: TextEncoder,
    start: int,
    page: int,
    cursors: CursorSigner | None,
    base: Expansion = NO_EXPANSION,
) -> SearchPage:
    """A page inside the reranked window: the window (keys, scores, embeddings, facets) in one request, while the
    query is embedded in the background, then the page's articles with their highlights in a second, small one.

    The window reads nothing from stored fields, not even `_id`: a hit's stored fields are read by decompressing
    the block holding its _source, and the window's 100 hits took 9.0 -> 5.0 ms mean without them (200 misspelt
    news-dev windows replayed on mapping 18, session 29). The page finds its articles by their source_key (unique
    per article, as the sort's tiebreak), read from doc values like the embedding."""
    window = window_size(request.size)
    body.pop("highlight")
    body.pop("_source")
    body["stored_fields"] = NO_STORED_FIELDS
    body["docvalue_fields"] = [EMBEDDING_FIELD, SOURCE_KEY_FIELD]
    # The words as a search reads them (`oil+prices` is `oil prices`: query_parser.symbols_apart; session 45's review).
    typed = embedding_of(encoder, symbols_apart(request.q))
    vocabulary = _ArchiveVocabulary(index, request.fingerprint())
    response, expansion = _answer(index, request, ranking, words, body, window, 0, vocabulary, base)
    hits = response["hits"]
    total = int(hits["total"]["value"])
    # A query with words no article holds is compared by meaning as respelt (the typed words mean little).
    meaning = (
        altered_query(request.q, response.get("suggest"), vocabulary, expansion)
        if expansion.held_read
        else respelt(request.q, response.get("suggest"), vocabulary)
        if expansion.typos
        else None
    )
    query_vector = embedding_of(encoder, symbols_apart(meaning)).result() if meaning else typed.result()
    ordered = rerank(hits["hits"], query_vector, encoder, ranking.semantic_weight)
    chosen = ordered[start : start + request.size]
    articles: dict[str, dict[str, Any]] = {}
    keys = [key for r in chosen if (key := _source_key(r.hit)) is not None]
    if len(keys) < len(chosen):
        # Every article this project indexes has one (index_document, since the first mapping; the sort's tiebreak
        # needs it too): a document written into the index by other means cannot be shown.
        logger.warning("%d of the page's hits have no source_key and are left out", len(chosen) - len(keys))
    if keys:
        closed = any(name.startswith(CLOSED_MATCH) for r in chosen for name in r.hit.get("matched_queries") or [])
        page_body = {
            "query": {"terms": {SOURCE_KEY_FIELD: keys}},
            "_source": [*LIST_FIELDS, SOURCE_KEY_FIELD],
            "highlight": _highlight(request, ranking, words, expansion, closed),
        }
        found = index.search(page_body, size=len(keys), offset=0)
        articles = {raw["_source"].get(SOURCE_KEY_FIELD): raw for raw in found["hits"]["hits"]}
    quoted = quoted_only(request.q)
    results = [
        search_hit({**articles[key], "_score": r.score}, quoted, ranking.as_written | ranking.written_twins)
        for r in chosen
        if (key := _source_key(r.hit)) in articles
    ]
    next_cursor = None
    end = start + request.size
    if cursors is not None and end < total and page < MAX_CURSOR_PAGE:
        fingerprint = request.fingerprint()
        if end < len(ordered):
            next_cursor = cursors.encode(Cursor(after=[], page=page + 1, fingerprint=fingerprint, window_offset=end))
        elif len(ordered) == window and hits["hits"][-1].get("sort") is not None:
            # Past the window the engine's order resumes, after the last hit the window held.
            next_cursor = cursors.encode(Cursor(after=hits["hits"][-1]["sort"], page=page + 1, fingerprint=fingerprint))
    suggestion, altered = _spelling(index, request, ranking, vocabulary, response.get("suggest"), total, expansion)
    return SearchPage(
        total=total,
        took_ms=index.took,
        results=results,
        page=page,
        sort=request.effective_sort,
        facets=read_facets(response.get("aggregations") or {}, request),
        did_you_mean=suggestion,
        next_cursor=next_cursor,
        unapplied_exclusions=list(parse_query(request.q).unapplied),
        altered_query=altered,
        relaxed_phrases=relaxed_phrases(parse_query(request.q), response.get("aggregations") or {}, expansion),
    )


def _source_key(hit: Mapping[str, Any]) -> str | None:
    """A window hit's source_key, from its doc values."""
    key = doc_value(hit, SOURCE_KEY_FIELD)
    return None if key is None else str(key)


_SUMMARY_WORDS = "summary.exact"  # the summary as written, as title.exact holds the headline
_LIKELIEST_FIELDS = (EXACT_BODY_FIELD, TITLE_WORDS_FIELD)  # where likeliest() counts the articles holding words


class _ArchiveVocabulary:
    """spelling.Vocabulary asked of the engine, each question once per search (the search's respellings, the
    rerank's respelt query and did_you_mean ask about the same words), and the near spellings of the words a search
    expands (relevance.near_spellings_request), each word's listed once (the search's and did_you_mean's count share
    most words). `preference`: the copy of the index every request of the search is asked of (_answer)."""

    def __init__(self, index: SearchableIndex, preference: str | None = None) -> None:
        self._index = index
        self._preference = preference
        self._held: dict[tuple[str, ...], set[str]] = {}
        self._written: dict[tuple[str, ...], set[str]] = {}  # held closed up, in a byline or a tag (no headline)
        self._likeliest: dict[tuple[tuple[str, ...], tuple[str, ...], int, int, int], str] = {}
        self._near: dict[str, tuple[NearSpelling, ...]] = {}
        self._candidates: dict[str, tuple[str, ...]] = {}
        self._phrases: dict[str, int] = {}  # written_as_phrases
        self.closed_up: dict[str, Any] | None = None  # spelling.closed_up_spellings of the words no article holds
        self.complete_as_read: dict[str, int] | None = None  # holding every word, by spelling (_complete_as_read)
        # Articles writing each cut of a word as a phrase, and holding the word itself anywhere (prepare's `cut`).
        self.cuts_held: dict[str, int] = {}
        self._names: set[str] = set()  # words bodies write as a name (relevance.written_as_names), as folded
        self._sampled: set[str] = set()  # the words whose writing was sampled (_sample_names)
        self._as_written: set[str] = set()  # searched as written, widened to no near spelling (as_written)

    def prepare(
        self,
        held: Sequence[str],
        near: Sequence[str],
        candidates: Sequence[tuple[str, Sequence[str]]] = (),
        closed_up: str | None = None,
        as_read: Mapping[str, list[dict[str, Any]]] | None = None,
        phrases: Sequence[str] = (),
        cut: Sequence[str] = (),
    ) -> None:
        """Asks in one request what held_beyond_bodies(held) and expansion() of the words `near` will need (what is
        not known yet); none when nothing is. `candidates`: each misspelt word as typed with its nearest spellings
        (spelling.unknown_spellings), which likeliest() reads it as when it is another word's context. `closed_up`:
        a query whose words no article may hold: the closed-up suggesters' spellings of those that none holds, in
        any field, byline or tag (`closed_up`; the suggesters propose `mshare` for `shares`, which articles hold).
        `as_read`: by spelling, clauses an article must all match, counted as complete_as_read (_complete_as_read).
        `phrases`: those written_as_phrases() will count (spelling.short_word_phrases). `cut`: words whose
        spelling.word_splits are counted as phrases, and each word's own articles (cuts_held, keyed
        spelling.split_key; spelling.split_spellings)."""
        for typed, spellings in candidates:
            if word := _one_word(typed):
                self._candidates[word] = tuple(spellings)
        held_key = tuple(held)
        aggs: dict[str, Any] = {}
        if as_read:
            every = {spelling: {"bool": {"must": clauses}} for spelling, clauses in as_read.items()}
            aggs[_AS_READ] = {"filters": {"filters": every}}
        looked_up = closed_up_words(closed_up) if closed_up is not None and self.closed_up is None else []
        splits = {word: word_splits(word[2]) for word in looked_up}
        splits_cut = {split for cut in splits.values() for split in cut}
        # The closed-up suggesters' words are counted below, cuts and all.
        cuts = [
            split
            for split in dict.fromkeys(s for word in cut for s in word_splits(word))
            if split not in self.cuts_held and split not in splits_cut
        ]
        # And each cut word's articles, whatever the field (closed up, headline, byline): a split fewer articles write
        # is no reading of it (spelling.split_spellings; keyed as it, no cut having a space).
        counted_whole = {*self.cuts_held, *(split_key(word) for *_, word in looked_up)}
        whole = [key for word in cut if (key := split_key(word)) not in counted_whole and word_splits(word)]
        if cuts or whole:
            counted_cuts = {split: _phrase_held(split) for split in cuts}
            counted_cuts |= {key: {"bool": {"should": _held_anywhere(key)}} for key in whole}
            aggs[_CUTS_HELD] = {"filters": {"filters": counted_cuts}}
        counted = [phrase for phrase in dict.fromkeys(phrases) if phrase not in self._phrases]
        if counted:
            aggs[_PHRASES] = {"filters": {"filters": {str(i): _phrase_held(p) for i, p in enumerate(counted)}}}
        if held_key and held_key not in self._held:
            aggs["held"] = _held_aggregation(held_key, _held_beyond_bodies)
            aggs["written"] = _held_aggregation(held_key, _written_beyond_bodies)
            stems = {
                str(i): _stemmed_apart(word, self._candidates.get(_one_word(word) or "", ()))
                for i, word in enumerate(held_key)
            }
            aggs[_STEMMED_APART] = {"filters": {"filters": stems}}
        missing = [word for word in dict.fromkeys(near) if word not in self._near]
        listing = near_spellings_request(missing) or {}
        suggesters = dict(listing.get("suggest") or {})
        if looked_up:
            suggesters.update(closed_up_suggester(closed_up or ""))
            aggs[_CLOSED_UP_HELD] = _held_aggregation([word for *_, word in looked_up], _held_anywhere)
            # And each word read as two typed without a space (`oilprices`), as a phrase.
            if splits_cut:
                aggs[_SPLITS_HELD] = {"filters": {"filters": {split: _phrase_held(split) for split in splits_cut}}}
            # And as two words the same articles hold, not side by side (spelling.with_splits: `mourinhoarsenal`).
            if apart_cut := {split for word in looked_up for split in apart_splits(word[2])}:
                aggs[_APART_HELD] = {"filters": {"filters": {split: _both_held(split) for split in apart_cut}}}
        answer: dict[str, Any] = {}
        if aggs or listing:
            body: dict[str, Any] = {
                "query": {"match_all": {}},
                "aggs": {**aggs, **(listing.get("aggs") or {})},
                "track_total_hits": listing.get("track_total_hits", False),
            }
            if suggesters:
                body["suggest"] = suggesters
            answer = self._index.search(body, size=0, offset=0, preference=self._preference)
        if as_read:
            buckets = answer["aggregations"][_AS_READ]["buckets"]
            self.complete_as_read = {spelling: int(bucket["doc_count"]) for spelling, bucket in buckets.items()}
        if cuts or whole:
            buckets = answer["aggregations"][_CUTS_HELD]["buckets"]
            self.cuts_held.update((split, int(buckets[split]["doc_count"])) for split in [*cuts, *whole])
        if counted:
            buckets = answer["aggregations"][_PHRASES]["buckets"]
            self._phrases.update((p, int(buckets[str(i)]["doc_count"])) for i, p in enumerate(counted))
        if "held" in aggs:
            apart = answer["aggregations"][_STEMMED_APART]["buckets"]
            stemmed = {word for i, word in enumerate(held_key) if apart[str(i)]["doc_count"] >= MANY_ARTICLES}
            self._held[held_key] = _held_words(held_key, answer, "held") | stemmed
            self._written[held_key] = _held_words(held_key, answer, "written")
        if looked_up:
            # A word the answer says nothing of counts as held: it is not respelt.
            buckets = ((answer.get("aggregations") or {}).get(_CLOSED_UP_HELD) or {}).get("buckets") or {}
            counts = [(buckets.get(str(i)) or {}).get("doc_count", 1) for i in range(len(looked_up))]
            unheld = {
                (offset, length) for (offset, length, _), count in zip(looked_up, counts, strict=True) if not count
            }
            held_splits = ((answer.get("aggregations") or {}).get(_SPLITS_HELD) or {}).get("buckets") or {}
            split_counts = {
                word: {split: int((held_splits.get(split) or {}).get("doc_count", 0)) for split in cut}
                for word, cut in splits.items()
                if (word[0], word[1]) in unheld
            }
            held_apart = ((answer.get("aggregations") or {}).get(_APART_HELD) or {}).get("buckets") or {}
            apart_counts = {
                word: {split: int((held_apart.get(split) or {}).get("doc_count", 0)) for split in apart_splits(word[2])}
                for word in looked_up
                if (word[0], word[1]) in unheld
            }
            self.closed_up = with_splits(closed_up_spellings(answer.get("suggest"), unheld), split_counts, apart_counts)
            self.cuts_held.update(
                (split, int((held_splits.get(split) or {}).get("doc_count", 0))) for split in splits_cut
            )
            self.cuts_held.update((split_key(word), count) for (*_, word), count in zip(looked_up, counts, strict=True))
        # A word with no listing (too short, a code) has none to list: it is not asked again.
        self._near.update(dict.fromkeys(missing, ()) | read_near_spellings(missing, answer))

    def expansion(self, typos: Mapping[str, str | None], names: bool = False, spelt: Sequence[str] = ()) -> Expansion:
        """The Expansion of `typos` (typo_words()), the near spellings of words not listed yet asked first. A word
        some article holds that bodies write as a name (relevance.written_as_names) stands for no word TYPO_ODDS
        times as common near it (relevance.name_spellings): asked first when `names` (the relevance order, which
        widens it), else as sampled before (a likely typo offered is checked in its count: _Guard). A word searched
        as written (as_written) is widened to none. `spelt`: spellings respelt words are searched as, widened as
        each typed would be (_spelt_widened; listed in the same request, most already with the misspelt words'
        candidates)."""
        self.prepare((), [*typos, *spelt])
        if names:
            self._sample_names([word for word, spelling in typos.items() if spelling is None])
        near = {
            word: tuple(near for near in self._near[word] if near.similarity == 1.0)
            if spelling is None and word in self._as_written
            else name_spellings(engine_lower(word), self._near[word])
            if spelling is None and self._named(word)
            else self._near[word]
            for word, spelling in typos.items()
            if self._near.get(word)
        }
        spelt_near = {spelling: self._near[spelling] for spelling in spelt if self._near.get(spelling)}
        return Expansion(typos=dict(typos), near=near, spelt_near=spelt_near)

    def as_written(self, words: Collection[str]) -> None:
        """Marks some words (as typo_words keys them) to be searched as written, widened to no near spelling by any
        expansion() of this search or of its did_you_mean counts: a byline's or a tag's word (bylined_words)."""
        self._as_written.update(words)

    def _named(self, word: str) -> bool:
        return fold_as_index(engine_lower(word)) in self._names

    def _sample_names(self, words: Sequence[str]) -> None:
        """Asks, in one request (none when no word needs it), which of some words the bodies write as a name
        (relevance.names_request): those FEW_ARTICLES or fewer bodies hold, whose near spellings a name would narrow
        (relevance.name_spellings), the words a likely typo is among (relevance.typo_spelling)."""
        asked = [
            word
            for word in dict.fromkeys(words)
            if word not in self._sampled
            and (near := self._near.get(word))
            and 0 < _body_articles(near) <= FEW_ARTICLES
            and name_spellings(engine_lower(word), near) != near
        ]
        if not asked:
            return
        self._sampled.update(asked)
        answer = self._index.search(names_request(asked), size=0, offset=0, preference=self._preference)
        self._names |= written_as_names(asked, answer)

    def near_spellings(self, word: str) -> tuple[NearSpelling, ...]:
        """The near spellings listed for a word (prepare), none when not listed."""
        return self._near.get(word, ())

    def aggregations(self, aggs: Mapping[str, Any]) -> dict[str, Any]:
        """The answer to `aggs` over the whole archive, in one request."""
        body = {"query": {"match_all": {}}, "aggs": dict(aggs), "track_total_hits": False}
        return dict(self._index.search(body, size=0, offset=0, preference=self._preference)["aggregations"])

    def held_beyond_bodies(self, words: Sequence[str], phrases: Sequence[str] = ()) -> set[str]:
        """Which of some words a headline or a summary (as title.exact and summary.exact read them), a joined word
        closed up (`walmart`), a byline or a tag holds, in one request (none when prepare() asked it), the `phrases`
        of written_as_phrases counted in it."""
        self.prepare(words, (), phrases=phrases)
        return self._held.get(tuple(words), set())

    def written_beyond_bodies(self, words: Sequence[str]) -> set[str]:
        """Which of some words a joined word closed up (`walmart`), a byline or a tag holds: asked with
        held_beyond_bodies, in the same request."""
        self.prepare(words, ())
        return self._written.get(tuple(words), set())

    def written_as_phrases(self, phrases: Sequence[str]) -> dict[str, int]:
        """spelling.Vocabulary.written_as_phrases, in one request (none when prepare() asked it)."""
        self.prepare((), (), phrases=phrases)
        return {phrase: self._phrases[phrase] for phrase in phrases}

    def likeliest(
        self,
        choices: Sequence[tuple[Sequence[str], Sequence[str]]],
        nearest: Sequence[int] | None = None,
        slips: Sequence[int] | None = None,
        beyond: Sequence[int] | None = None,
    ) -> list[str]:
        """For each (candidates, context): the candidate likeliest meant beside the context words, by naive Bayes
        over the articles: the candidate's articles (as a phrase: a joined word's spellings are its parts adjacent)
        times, for each context word, the share of them holding it too (each within the edits AUTO fuzziness
        allows: they may be misspelt too; as the near spellings listed for the search, when they are, else by a
        fuzzy query), counts smoothed by LIKELIEST_SMOOTHING; no context: the candidate most articles hold; a tie goes
        to the earlier candidate. Every context word counts: by the articles beside at least half of them, `kofi
        anan united nations` was read `kofi anna` (more articles hold `anna` beside `united` than `annan` beside any),
        where the articles holding `kofi` hold `annan` (session 30). Every word of a query in one request: one a word
        made the requests of a search unbounded (a pasted paragraph of a dozen misspellings sent thirteen one after
        another; session 16's review). Of equally near candidates, an article writing one side by side with a
        context word as typed counts for more (_likeliest_of). `nearest`, `slips`: see
        spelling.Vocabulary.likeliest."""
        nearest = list(nearest) if nearest is not None else [len(candidates) for candidates, _ in choices]
        slips = list(slips) if slips is not None else [0] * len(choices)
        beyond = list(beyond) if beyond is not None else [0] * len(choices)
        tiers = zip(choices, nearest, slips, beyond, strict=True)
        key = tuple((tuple(candidates), tuple(context), n, s, b) for (candidates, context), n, s, b in tiers)
        missing = [choice for choice in dict.fromkeys(key) if choice not in self._likeliest]
        if missing:
            aggs: dict[str, Any] = {}
            for n, (candidates, context, *_tiers) in enumerate(missing):
                holding = {"filters": {"filters": {str(i): _phrase_held(word) for i, word in enumerate(candidates)}}}
                aggs[str(n)] = holding
                for j, word in enumerate(context):
                    aggs[f"{n} {j}"] = {"filter": self._near_clause(word), "aggs": {"holding": holding}}
                    # _likeliest_of: as typed, and side by side.
                    aggs[f"{n} {j} typed"] = {"filter": _phrase_held(word), "aggs": {"holding": holding}}
                    beside = {str(i): _adjacent_held(word, spelling) for i, spelling in enumerate(candidates)}
                    aggs[f"{n} {j} adjacent"] = {"filters": {"filters": beside}}
            # The archive's articles: which context words are common (_likeliest_of).
            body = {"query": {"match_all": {}}, "aggs": aggs, "track_total_hits": True}
            found = self._index.search(body, size=0, offset=0, preference=self._preference)
            answer, total = found["aggregations"], int(found["hits"]["total"]["value"])
            for n, (candidates, context, near, slipped, far) in enumerate(missing):
                chosen = _likeliest_of(answer, n, len(candidates), context, (near, slipped, far), total)
                self._likeliest[(candidates, context, near, slipped, far)] = candidates[chosen]
        return [self._likeliest[choice] for choice in key]

    def _near_clause(self, typed: str) -> dict[str, Any]:
        """An article holds the typed word within a typo: one of its listed near spellings (no walk of the term
        dictionary: 5 ms p50 of such a request's 6 walked it, session 20) or, for a word no article holds, one of
        its nearest spellings (the listing keeps the first letter, the suggesters' candidates do not: `kremier
        leage` is `premier league`; the review of session 20); else by the fuzzy query."""
        word = _one_word(typed) or ""
        terms = [(spelling.field, spelling.term) for spelling in self._near.get(word, ())]
        terms += [(field, spelt) for spelt in self._candidates.get(word, ()) for field in _LIKELIEST_FIELDS]
        if terms:
            return {"bool": {"should": [{"term": {field: term}} for field, term in dict.fromkeys(terms)]}}
        if german_letters(typed):
            # A German word is no typo (spelling.german_letters): held as typed or as English copy spells it. Within
            # a typo, `Jörg` was `join` and `york` too, beside which `haider` was read `raider` (session 54's review).
            spellings = [typed, *([spelt] if (spelt := german_spelling(typed)) else [])]
            fields = list(_LIKELIEST_FIELDS)
            return {"bool": {"should": [{"multi_match": {"query": w, "fields": fields}} for w in spellings]}}
        return {
            "multi_match": {
                "query": typed,
                "fields": list(_LIKELIEST_FIELDS),
                "fuzziness": "AUTO",
                "max_expansions": FUZZY_MAX_EXPANSIONS,
            }
        }


def _body_articles(near: Sequence[NearSpelling]) -> int:
    """How many bodies hold a word, by its near spellings listed (its own entry in the body's field)."""
    return max((n.articles for n in near if n.similarity == 1.0 and n.field == EXACT_BODY_FIELD), default=0)


# Added to each count of likeliest(): a candidate no article holds beside a context word is unlikely, not impossible
# (Jeffreys' prior, half an article).
LIKELIEST_SMOOTHING = 0.5
# How much likelier beside the query's other words (as typed) a spelling two likely edits away must be to be read
# before the nearest ones, one edit away (_likeliest_of): `prime minsitre` is `prime minister` (odds of 130 against
# one article's typo `minsiter`, as news-dev's articles count them). A round figure, not fitted (session 36).
FURTHER_EDIT_ODDS = 20.0
# And how much more often than the archive's articles its articles must hold one of those words: an association
# (pointwise mutual information, Church and Hanks, "Word association norms, mutual information, and lexicography",
# 1990), not chance: `prime` is in 8 % of news-dev's articles and in 43 % of those holding `minister`, a lift of 5.
# Frequent words are beside anything by chance: without it `long troguh` was read `long through` (lift 1.1), not
# `long trough`; `walter salless` `walter sales`, not Walter Salles (session 36's review).
MIN_LIFT = 2.0
# What an article writing the spelling side by side with a context word counts for, in articles holding them apart.
# Chosen on session 40's review, not tested on other queries: as typed-context counts go, a weight between 2.2 and 3.6
# reads `wqll street`, `whiye house`, `third woeld`, `newa agency`, `next werk` as meant and keeps `budget ministr`
# `budget minister` (116 articles hold them apart; 3 write `budget ministry` side by side, 21 hold it apart) and
# `rugby tesm` `rugby team` (34 apart; `test` 16, 5 of them writing "Test rugby").
SIDE_BY_SIDE_WEIGHT = 3.0


def _likeliest_of(
    answer: Mapping[str, Any],
    n: int,
    candidates: int,
    context: Sequence[str],
    tiers: tuple[int, int, int],
    total: int,
) -> int:
    """The index of the likeliest candidate of likeliest()'s n-th choice in its answer: of the candidates some article
    holds (any, when none is: a joined word's spellings may be held by none), the greatest log(articles holding it) +
    the sum over the context words of log(share of those articles holding the word), smoothed; the first of equals. A
    context word no article holds beside any candidate says nothing of them and is left out: smoothed, it favoured the
    rarer candidate (`anan cricket rugby` read `adnan`, one article, not `anna`, seven; session 30's review), as a
    candidate no article holds got half of every share (`coca-cols bottling plant india` read `coca-coles`). Among the
    first `nearest` candidates, unless a further one is written with a context word as typed as a phrase in
    FURTHER_EDIT_ODDS times as many articles as hold that word with any one of them (a phrase: side by side in
    MIN_SIDE_BY_SIDE articles or more, and in most of the articles holding both) and whose articles hold it MIN_LIFT
    times as often as the archive's do: then among those (`oil prises` is `oil prices`, a letter replaced, which 173
    news-dev articles write, not `oil praises`, a letter left out, held beside `oil` by none; session 40); or unless
    none of them is held beside a context word and a further one is held by most of its articles beside a context word
    that is not common (relevance.common, in the archive's `total`): then among those (`wayne roonie` is `wayne rooney`,
    9 of whose 11 news-dev articles hold `wayne`, not `wayne ronnie`, which none holds with it; session 34's review).
    Beside a common word a further one is by chance: `sponor government` was read `sooner government` (`sponsor` is one
    edit, `sooner` two), `switcing arhived` `switching achieved` (the session's second review). `tiers`: (nearest,
    slips, beyond); the last `beyond` candidates, further than AUTO fuzziness reaches (spelling.MIN_TWO_EDIT_CHARS),
    are read only as a phrase (above); the `slips` candidates after the nearest are two likely edits from the word typed
    (spelling._two_likely_edits), each chosen before the nearest when, the context words counted as typed (their near
    spellings made `kenneth` count `kennedy`'s articles, and `kenneth carlse` was read `kenneth charles`: session 36's
    review), its score is log FURTHER_EDIT_ODDS above theirs and its articles hold one of them MIN_LIFT times as often
    as the archive's do, some article side by side: `prime minsitre` is `prime minister`, not one Reuters article's
    `prime minsiter` (session 36); `slightly overla` stays `slightly overlap`, though `overall` is beside `slightly` in
    30 articles, for none writes `slightly overall` (the session's second review); where each nearest one is a word
    one article holds (or none) and MANY_ARTICLES hold the slip, it is read unless the nearest is likelier beside the
    context words (no odds, no lift): `tommorow night` is `tomorrow night`, as `tommorow` alone is `tomorrow` (session
    41). Two edits of other kinds are only as a phrase (above): `important reiers` stays `reiners`, though
    `reuters` is beside `important` in 120 times as many news-dev articles. Else the nearest of the greatest score, each
    article writing it side by side with a context word as typed (either order; from MIN_SIDE_BY_SIDE articles) counted
    SIDE_BY_SIDE_WEIGHT times more: `george bosh` is `george bush` (12 of news-dev's articles write it), not `george
    both` (none does), though more articles hold `both` beside `george` within a typo (session 40)."""
    nearest, slips, beyond = tiers
    held = [int(answer[str(n)]["buckets"][str(i)]["doc_count"]) for i in range(candidates)]

    def beside(key: str) -> list[list[int]]:
        # For each context word (its articles counted under `key`), how many of each candidate's hold it.
        return [
            [int(answer[key.format(j)]["holding"]["buckets"][str(i)]["doc_count"]) for i in range(candidates)]
            for j in range(len(context))
        ]

    together = beside(f"{n} {{}}")
    scores = _naive_bayes(held, together)
    supported = [any(both[i] for both in together) for i in range(nearest)]
    typed = beside(f"{n} {{}} typed")
    articles = [int(answer[f"{n} {j} typed"]["doc_count"]) for j in range(len(context))]
    # For each context word as typed, how many articles write each candidate side by side with it.
    side_by_side = [
        [int(answer[f"{n} {j} adjacent"]["buckets"][str(i)]["doc_count"]) for i in range(candidates)]
        for j in range(len(context))
    ]

    def associated(i: int, phrase: bool = False, among: Sequence[int] = range(len(context))) -> bool:
        # Some context word as typed (`among` them) is beside the candidate, some article writing them side by side
        # (a `phrase`: MIN_SIDE_BY_SIDE articles or more, and most of those holding both), and its articles hold
        # that word MIN_LIFT times as often as the archive's do.
        def written(j: int) -> bool:
            count = side_by_side[j][i]
            return count >= MIN_SIDE_BY_SIDE and 2 * count >= typed[j][i] if phrase else count > 0

        return any(typed[j][i] * total >= MIN_LIFT * held[i] * articles[j] > 0 and written(j) for j in among)

    # A further spelling written as a phrase with a context word (as typed) in FURTHER_EDIT_ODDS times as many articles
    # as hold that word with any nearest spelling is read (`oil prises` is `oil prices`, 173 of the 252 news-dev
    # articles holding both writing it, not `oil praises`, a letter left out, which none holds beside `oil`; `hoing
    # kong` is `hong kong`, not `hoping`; `tomy blair iraq war` is `tony blair`, though an article holding `tommy`
    # holds `war`; session 40). Not a word beside it by chance: `precent rise` was read `recent rise` (10 of 186
    # articles), not `percent rise` (the third review).
    besides = [
        i
        for i in range(nearest, candidates)
        if associated(
            i,
            phrase=True,
            among=[
                j
                for j, counts in enumerate(typed)
                if side_by_side[j][i] >= FURTHER_EDIT_ODDS * max(counts[:nearest], default=0)
            ],
        )
    ]
    if besides:
        return max(besides, key=lambda i: (scores[i], -i))
    rare = [counts for j, counts in enumerate(together) if not common(int(answer[f"{n} {j}"]["doc_count"]), total)]
    # Not one further than AUTO fuzziness reaches (`beyond`): `koala bear` was read `kolo bear` (Kolo Toure's
    # articles), `gnome garden` `globe garden`, over a one-edit reading (session 53's review).
    mostly = [
        i for i in range(nearest, candidates - beyond) if any(both[i] and 2 * both[i] >= held[i] for both in rare)
    ]
    if mostly and not any(supported):
        return max(mostly, key=lambda i: (scores[i], -i))
    if slips:
        typed_scores = _naive_bayes(held, typed)
        best = max(typed_scores[:nearest], default=-math.inf)
        # A word one article holds may be its own typo: the slip into a word many hold is read, as without other words
        # (spelling._candidates), unless the nearest is likelier beside them (`tomorrow` is beside `night` in 10
        # news-dev articles, by a lift of 1.7; `tomrorow` in its one).
        overwhelming = [
            i
            for i in range(nearest, nearest + slips)
            if (outweighs_typos(held[:nearest], held[i]) and typed_scores[i] >= best)
            or (typed_scores[i] - math.log(FURTHER_EDIT_ODDS) >= best and associated(i))
        ]
        if overwhelming:
            return max(overwhelming, key=lambda i: (typed_scores[i], -i))
    # Of equally near spellings, an article writing one side by side with a context word counts as SIDE_BY_SIDE_WEIGHT
    # holding them apart; one article proves nothing (chance across a sentence's end, or its own typo).
    weighed = [
        [
            count + SIDE_BY_SIDE_WEIGHT * beside_it[i] if i < nearest and beside_it[i] >= MIN_SIDE_BY_SIDE else count
            for i, count in enumerate(counts)
        ]
        for counts, beside_it in zip(together, side_by_side, strict=True)
    ]
    near_scores = _naive_bayes(held, weighed)
    likeliest = max(range(nearest), key=lambda i: (near_scores[i], -i))
    # Of those held beside every context word in as many articles as the likeliest or more, which won by its own
    # articles alone, one an article writes side by side with a context word where none writes the likeliest so:
    # `ferry fars` was read `ferry fears` (141 articles, one holding `ferry`) beside the one article on "Ferry fares
    # frozen" (session 56).
    written = [
        i
        for i in range(nearest)
        if any(beside_it[i] for beside_it in side_by_side) and all(c[i] >= c[likeliest] for c in together)
    ]
    if written and not any(beside_it[likeliest] for beside_it in side_by_side):
        return max(written, key=lambda i: (near_scores[i], -i))
    return likeliest


def _naive_bayes(held: Sequence[int], together: Sequence[Sequence[float]]) -> list[float]:
    """For each candidate (`held`: its articles), log(articles) + the sum over the context words some candidate is
    beside (`together`: for each, the candidate's articles holding it) of log(share of them holding it), smoothed
    (LIKELIEST_SMOOTHING); -inf for a candidate no article holds while another is held."""
    alpha = LIKELIEST_SMOOTHING
    beside = [counts for counts in together if any(counts)]
    return [
        math.log(count + alpha) + sum(math.log((both[i] + alpha) / (count + 2 * alpha)) for both in beside)
        if count or not any(held)
        else -math.inf
        for i, count in enumerate(held)
    ]


def _one_word(typed: str) -> str | None:
    """A typed word as the search's scored words hold it (content_words), if it is one: the key of what a search
    lists of its words."""
    words = content_words(parse_query(typed))
    return words[0] if len(words) == 1 else None


def _written_beyond_bodies(word: str) -> list[dict[str, Any]]:
    """Some text holds the word as a joined word closed up or as its abbreviation's other spelling (`FBI` as
    `F.B.I.`, which is no misspelling to respell), or a byline or a tag holds it."""
    closed = {"multi_match": {"query": word, "fields": CLOSED_FIELDS, "operator": "and"}}
    return [closed, *abbreviation_clauses(word, COMPLETE_FIELDS), *in_byline_or_tags(word)]


# What a word no text holds as written finds as typed and its nearest spellings would not (_stemmed_apart).
_STEMMED_APART = "stemmed_apart"


def _stemmed_apart(word: str, spellings: Sequence[str]) -> dict[str, Any]:
    """The articles whose stemmed text holds the word as typed (another word's stem: `feder` of Federer and federal)
    that none of its nearest spellings matches: where MANY_ARTICLES hold such a stem the word is no
    misspelling to respell (Vocabulary.held_beyond_bodies). `roger feder` was read `roger fender` (2 articles), where
    as typed it finds Federer's 20 among its 415 (session 52). A typo the stemmer reads as another word (`untill`,
    `carful`, `bested`: `until`, `car`, `best`) is still respelt, and so is a stem few others hold."""
    matched = {"bool": {"should": [{"term": {field: fold_as_index(engine_lower(word))}} for field in COMPLETE_FIELDS]}}
    spelt = [{"multi_match": {"query": spelling, "fields": COMPLETE_FIELDS}} for spelling in spellings]
    return {"bool": {"must": [matched], "must_not": spelt}}


def _held_beyond_bodies(word: str) -> list[dict[str, Any]]:
    """A headline or a summary holds the word (as title.exact and summary.exact read it), or _written_beyond_bodies.
    A summary's word is no misspelling either: since the complete matches count a respelt word as its spelling
    (session 26), `Yukes`, written in one summary, ranked the twelve `Yukos` articles before it."""
    held = [{"match": {field: {"query": word, "operator": "and"}}} for field in (TITLE_WORDS_FIELD, _SUMMARY_WORDS)]
    return [*held, *_written_beyond_bodies(word)]


_PHRASES = "phrases"  # written_as_phrases' aggregation


def _adjacent_held(word: str, other: str) -> dict[str, Any]:
    """A body or a headline holds the two words side by side, in either order (_phrase_held)."""
    return {"bool": {"should": [_phrase_held(f"{word} {other}"), _phrase_held(f"{other} {word}")]}}


def _phrase_held(phrase: str) -> dict[str, Any]:
    """A body or a headline holds the words of phrase adjacent, as written (a likeliest() candidate, a word's cut)."""
    return {"multi_match": {"query": phrase, "fields": list(_LIKELIEST_FIELDS), "type": "phrase"}}


def _both_held(split: str) -> dict[str, Any]:
    """A body holds every word of split, as written (a cut of a word apart: spelling.apart_splits)."""
    return {"match": {EXACT_BODY_FIELD: {"query": split, "operator": "and"}}}


def _held_anywhere(word: str) -> list[dict[str, Any]]:
    """A body holds the word as written (body.exact), or _held_beyond_bodies."""
    return [{"match": {EXACT_BODY_FIELD: {"query": word, "operator": "and"}}}, *_held_beyond_bodies(word)]


def _held_aggregation(words: Sequence[str], clauses: Callable[[str], list[dict[str, Any]]]) -> dict[str, Any]:
    """A filter a word: an article matches one of its `clauses`."""
    present = {str(i): {"bool": {"should": clauses(word)}} for i, word in enumerate(words)}
    return {"filters": {"filters": present}}


def _held_words(words: Sequence[str], answer: Mapping[str, Any], name: str) -> set[str]:
    buckets = answer["aggregations"][name]["buckets"]
    return {word for i, word in enumerate(words) if buckets[str(i)]["doc_count"] > 0}


def _counter(
    index: SearchableIndex,
    request: SearchRequest,
    ranking: Ranking,
    vocabulary: _ArchiveVocabulary | None = None,
    guard: _Guard | None = None,
    widened: _Widened | None = None,
) -> Callable[[str], int]:
    """What /search would answer for another spelling of q, same filters (did_you_mean), in one request (two when
    q may be expanded and the near spellings of a word are not listed yet: _answer lists those of the spellings
    did_you_mean may offer beside the search's own).

    Exactly what a search for that spelling finds, so the count offered is the total the reader then sees: the
    request counts in aggregations what the query matches with and without typo expansion under the filters, and
    how many articles hold every word (in the whole archive, as the probe counts them), a joined word no article
    holds searched as its parts too (held_apart: one more request, only for a query with a joined word), with the
    term suggesters /search sends (a word only headlines hold makes /search expand however many articles hold every
    word); typo_words() decides, as /search would, which total applies. `guard`: a likely typo's spelling offered
    (search.typos_respelt), which counts 0 (is not offered) when a search for it would read a short word (its
    phrases written in MIN_SIDE_BY_SIDE articles or more, counted in the same request), when the words around a
    respelt one are written together as typed as often as offered (_guard_refuses), or when fewer articles hold
    every word as offered than as typed (`bird flu`, whose `bird` 8 news-dev articles hold and `bid` 269, was
    offered `bid flu`, which no article holds, where one holds `bird flu`; the session's attack). `widened`: q and
    each spelling counted with their held words widened too, in the same request (_Widened).
    """
    clauses = filter_clauses(request)
    tag = [clauses.pop("tag")] if "tag" in clauses else []
    facets = list(clauses.values())
    known = vocabulary or _ArchiveVocabulary(index)

    def count_for(q: str) -> int:
        other = SearchRequest(q=q, sort=request.sort, size=request.size)
        # Counted on the copy of the index the search for q will be asked of (_answer), whose total it is.
        same_copy = replace(request, q=q, page=1, cursor=None).fingerprint()
        words = scored_words(index, q)
        # The joined words no article holds searched as their parts too, as /search searches them (held_apart).
        apart = held_apart(index, ranking, relaxable_words(q, words), same_copy)
        base = Expansion(widened=widened_alternatives(index, q, ranking), apart=apart)
        expandable: dict[str, str | None] = dict.fromkeys(_expandable(ranking, words))
        dated = dated_every_word(other, ranking, words)
        complete = complete_matches(other, ranking, words)
        # A likely typo's spelling offered: counted 0 (not offered) where its search would read a short word, or
        # where fewer articles hold every word as offered than as typed.
        guarded = {}
        if guard is not None and guard.offer == q:
            typed = complete_matches(request, ranking, scored_words(index, request.q))
            guarded = _guard_aggregation(guard, typed, complete)
        as_before = _widened_aggregation(widened, tag + facets)
        if not expandable and not dated:
            query = {"query": {"bool": {"must": [text_clause(other, ranking, words, base)], "filter": tag + facets}}}
            asked = guarded | as_before
            counted = {**query, "track_total_hits": True, **({"aggs": asked} if asked else {})}
            found = index.search(counted, size=0, offset=0, preference=same_copy)
            if _guard_refuses(found, guard):
                return 0
            total = int(found["hits"]["total"]["value"])
            if widened is not None:
                widened.counted(q, total, found["aggregations"])
            return total
        # As /search: the complete matches are counted without the filters, the totals with them; sorted by date,
        # the articles holding every word too, whose count applies when some article in the archive holds every word
        # (_relaxed), expanded or not (q's words are read as typed here: a respelt query has no word to respell).
        expansions = {"plain": base}
        if expandable:
            # As _answer: a word expanded is searched as typed, not apart.
            spellings = known.expansion(expandable)
            expansions["expanded"] = replace(spellings, widened=base.widened, apart=apart - spellings.typos.keys())
        # The aggregations select the articles; a query of the same clauses had each counted twice (5 ms of 9).
        queries = {name: text_clause(other, ranking, words, e, counting=True) for name, e in expansions.items()}
        aggs: dict[str, Any] = {name: _selected([query], tag + facets) for name, query in queries.items()}
        if widened is not None:
            before = replace(ranking, held_narrowed=False)
            aggs |= {
                f"{name}{_AS_BEFORE}": _selected([text_clause(other, before, words, e, counting=True)], tag + facets)
                for name, e in expansions.items()
            }
            aggs |= as_before
        if dated and (every := dated_matches(other, ranking, words, apart_parts({}, apart))) is not None:
            # What a date order lists (every quoted phrase too: `"interest rates" economi growht europe` by date
            # offered 1,859 where following it lists 343; session 43's review), and whether any article in the
            # archive holds it, as _every_word_held asks.
            aggs[EVERY_WORD] = _selected([queries["plain"], every], tag + facets)
            aggs[_DATED_HELD] = {"filter": every}
        body: dict[str, Any] = {
            "query": {"match_all": {}},
            "track_total_hits": False,
            "aggs": aggs,
            "suggest": spelling_suggester(q),
        }
        if complete is not None:
            aggs[COMPLETE_COUNT] = {"filter": complete}
        aggs.update(guarded)
        response = index.search(body, size=0, offset=0, preference=same_copy)
        if _guard_refuses(response, guard):
            return 0
        count = response["aggregations"].get(COMPLETE_COUNT)
        held = int(count["doc_count"]) if count is not None else None
        suggest = response.get("suggest")
        elsewhere = partial(held_elsewhere, q, suggest, known)
        counts = response["aggregations"]
        expanded = expandable and _words_to_expand(other, ranking, words, suggest, held, elsewhere)
        if EVERY_WORD in counts and counts[_DATED_HELD]["doc_count"]:
            # By date no word is widened (_words_to_expand): counted so before session 54 too.
            total = int(counts[EVERY_WORD]["doc_count"])
            if widened is not None:
                widened.counted(q, total, counts)
            return total
        name = "expanded" if expanded else "plain"
        if widened is not None:
            widened.counted(q, int(counts[f"{name}{_AS_BEFORE}"]["doc_count"]), counts)
        return int(counts[name]["doc_count"])

    return count_for


_AS_BEFORE = " as before"  # an aggregation's name: counted with the held words widened (_Widened)


@dataclass
class _Widened:
    """q as searched with its held words widened to every near spelling (`query`: Ranking.held_narrowed off, as
    before session 54), counted in each offer's request (_counter), and what each offer so counted found, with q so
    counted (`counts`: offer -> (offer, q)). did_you_mean's gate compares them: a held word's fuzzy query held to
    what it may stand for (relevance.scored_spellings) finds fewer articles, and its common near spelling, which the
    widened count held, outnumbered them: session 54's review saw 45 offers appear for words written on purpose
    (`wool` -> `wood`, 33 against 32 where widened `wool` found 38; `rape case` -> `rate case`, 1,137 against 625,
    widened 1,192; `bullion`, `commuter trains`, `prayers`), 60 of 600 rare words. Compared with q widened alone,
    the offer narrowed, `goverment` lost `government` (1,143 widened; `government` 1,181 widened)."""

    query: dict[str, Any]
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def counted(self, offer: str, found: int, aggregations: Mapping[str, Any]) -> None:
        self.counts[offer] = (found, int(aggregations[_AS_BEFORE]["q"]["doc_count"]))

    def more(self, offer: str) -> bool:
        """Whether `offer`, counted (counted), finds more than q, both with their held words widened."""
        found, q = self.counts.get(offer, (0, 0))
        return found > q


def _widened_aggregation(widened: _Widened | None, filters: list[dict[str, Any]]) -> dict[str, Any]:
    """The aggregation counting q with its held words widened (_Widened) under the filters in the whole archive,
    whatever the request's own query; none without `widened`."""
    if widened is None:
        return {}
    return {_AS_BEFORE: {"global": {}, "aggs": {"q": _selected([widened.query], filters)}}}


class _Guard(NamedTuple):
    """A likely typo's spelling offered (`offer`: search.typos_respelt), the phrases a search for it would read a
    short word by (spelling.offer_phrases), the pairs of words around each respelt word as typed and as offered
    (respelt_pairs), and the words it respells (respelt_words), which _counter checks before the offer is counted."""

    offer: str
    phrases: Sequence[str]
    pairs: tuple[Sequence[str], Sequence[str]] = ((), ())
    respelt: Sequence[str] = ()


def respelt_words(q: str, offer: str) -> list[str]:
    """The words of q that `offer` respells, as typed (`sars` of `sars` -> `stars`)."""
    typed, offered = parse_query(q).words, parse_query(offer).words
    if len(typed) != len(offered):
        return []
    return [word for word, spelling in zip(typed, offered, strict=True) if word != spelling]


def respelt_pairs(q: str, offer: str) -> tuple[list[str], list[str]]:
    """(typed, offered): each word q respells in `offer` with the word typed before it and the one after it, as two
    words in the order typed, in q and in the offer (`spice girls` -> `space girls`: [`spice girls`], [`space
    girls`]); a stopword, which any word is beside, not alone but with the word past it (`spice of girls`; `the
    space`, in 8 news-dev articles, outweighed `spice girls`: the session's reviews). Empty when the two do not hold
    as many words (then nothing pairs them)."""
    typed, offered = parse_query(q).words, parse_query(offer).words
    if len(typed) != len(offered):
        return [], []

    def stopword(j: int) -> bool:
        return fold_as_index(typed[j]) in STOPWORDS

    spans: dict[tuple[int, int], None] = {}
    for i, (word, spelling) in enumerate(zip(typed, offered, strict=True)):
        if word != spelling:
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(typed) and stopword(j) and abs(j - i) <= _MAX_STOPWORDS_BESIDE:
                    j += step
                if 0 <= j < len(typed) and not stopword(j):
                    spans[(min(i, j), max(i, j))] = None
    return [" ".join(typed[a : b + 1]) for a, b in spans], [" ".join(offered[a : b + 1]) for a, b in spans]


_MAX_STOPWORDS_BESIDE = 2  # stopwords between a respelt word and the word it is paired with (`spice of the girls`)


_GUARD = "guard"  # _counter's guard, in the whole archive (as the vocabulary and the probe count)


def _guard_aggregation(guard: _Guard, typed: dict[str, Any] | None, offered: dict[str, Any] | None) -> dict[str, Any]:
    """The aggregation counting, in the whole archive (`global`: not under the offer's query and filters), the
    articles writing each of the guard's phrases, those writing any of its pairs as typed and any as offered, and
    those holding every word as typed (`typed`: complete_matches of q) and as offered (`offered`: of the offer),
    when both are counted (a short query), and how the bodies write each word respelt (relevance.names_request)."""
    counts: dict[str, Any] = dict(names_request(guard.respelt)["aggs"]) if guard.respelt else {}
    if guard.phrases:
        phrases = {str(i): _phrase_held(phrase) for i, phrase in enumerate(guard.phrases)}
        counts[_PHRASES] = {"filters": {"filters": phrases}}
    for name, pairs in zip(_PAIRS, guard.pairs, strict=True):
        if pairs:
            counts[name] = {"filter": {"bool": {"should": [_phrase_held(pair) for pair in pairs]}}}
    if typed is not None and offered is not None:
        counts["typed"], counts["offered"] = {"filter": typed}, {"filter": offered}
    return {_GUARD: {"global": {}, "aggs": counts}} if counts else {}


_PAIRS = ("typed_pairs", "offered_pairs")  # _guard_aggregation's counts of respelt_pairs


def _guard_refuses(answer: Mapping[str, Any], offer: _Guard | None = None) -> bool:
    """Whether an answer's _guard_aggregation refuses the offer: a phrase written in MIN_SIDE_BY_SIDE articles or
    more (a search for the offer reads the short word, which the count does not), the words around a respelt one
    written together as typed in as many articles as offered or more, one at least (`spice girls`, which one of
    news-dev's articles writes, where `spice` 4 hold and `space` 137, was offered `space girls`, which none writes;
    session 48), or fewer articles holding every word as offered than as typed (`bird flu`, whose `bird` 8 news-dev
    articles hold and `bid` 269, was offered `bid flu`, which no article holds, where one holds `bird flu`; the
    session's attack), or a word respelt the bodies write as a name (relevance.written_as_names: `sars` was offered
    `stars`; session 53)."""
    guard = answer.get("aggregations", {}).get(_GUARD) or {}
    if offer is not None and offer.respelt and written_as_names(offer.respelt, {"aggregations": guard}):
        return True
    buckets = guard.get(_PHRASES, {}).get("buckets", {})
    if any(int(bucket["doc_count"]) >= MIN_SIDE_BY_SIDE for bucket in buckets.values()):
        return True
    typed_pairs, offered_pairs = (int(guard.get(name, {}).get("doc_count", 0)) for name in _PAIRS)
    if typed_pairs and typed_pairs >= offered_pairs:
        return True
    return "typed" in guard and int(guard["offered"]["doc_count"]) < int(guard["typed"]["doc_count"])


def _selected(clauses: list[dict[str, Any]], filters: list[dict[str, Any]]) -> dict[str, Any]:
    """An aggregation counting the articles matching every clause under the filters."""
    return {"filter": {"bool": {"must": clauses, "filter": filters}}}


# --- hits --------------------------------------------------------------------------------------------------------


def quoted_only(q: str) -> frozenset[str]:
    """The words of q's quoted phrases (folded as the index folds them) that q does not also hold outside one: the
    words search_hit marks only where their phrase is marked whole."""
    parsed = parse_query(q)
    terms = [term for unit in parsed.required for term in unit.alternatives]
    quoted = {fold_as_index(word) for term in terms if term.phrase for word in term.words}
    loose = {fold_as_index(word) for term in terms if not term.phrase for word in term.words}
    return frozenset(word for word in quoted if not any(_same_word(word, other) for other in loose))


def search_hit(
    raw: dict[str, Any], quoted: frozenset[str] = frozenset(), written: frozenset[str] = frozenset()
) -> SearchHit:
    """The hit as the API lists it, its highlights chosen. `quoted`: the words of the query's quoted phrases typed
    nowhere else (quoted_only), which a text marking its phrase whole does not mark alone. `written`: the words
    matched as written alone (Ranking.as_written and written_twins, as folded), which only the form as written
    marks: each text's form marking most of those no text before it (title, summary, body) marks is shown, then the
    one marking the most words (`roger federer`: "Roger Federer" as written, where the stemmed form marks Roger;
    `lloyds bank`: "Lloyds Bank", where the stemmed form marks "bank" and "banks"; `federer wins` under the headline
    "Henman to face Saulnier test" its body's Federer, where the stemmed form marks "win" and "winning": session
    54's review), else the stemmed form (its body's "win" under "Federer claims Dubai crown")."""
    source = raw.get("_source", {})
    found = {
        name: _phrase_marks(name, [_html(f, encoded=name == "body") for f in fragments], quoted)
        for name, fragments in (raw.get("highlight") or {}).items()
    }
    if "body" in found:
        found["body"] = _edge_marks(found["body"])
    highlights: dict[str, list[str]] = {}
    unmarked = written
    for name in ("title", "summary", "body"):
        forms = [found.get(form) for form in (name, f"{name}.exact", f"{name}.thai")]
        if written:
            forms.sort(key=lambda fragments: _marked_words(fragments, unmarked))  # stable: the stemmed form on a tie
        fragments = next((fragments for fragments in forms if _marked(fragments)), None)
        unmarked = unmarked - _marks(fragments)
        closed = found.get(f"{name}.closed") or []
        if name == "title" and fragments and _marked(closed):
            # The whole headline, once a form: its closed-up words' marks beside the others (`walmart sales`:
            # Wal-Mart and sales). Only those: the form as written marks each word anywhere (the "United" of "United
            # Nations" for `United States officials`), which the stemmed form, read first, does not.
            together = _every_mark([fragments[0], closed[0]]) if len(fragments) == len(closed) == 1 else None
            fragments = together or fragments
        fragments = fragments or (closed if _marked(closed) else None) or found.get(name)
        if fragments:
            highlights[name] = _most_words(fragments, SNIPPET_FRAGMENTS)
    # One byline, its marks of every form together (`mark oneill`: Mark as written, O'Neill closed up)
    bylines = [found[form][0] for form in BYLINE_FORMS if _marked(found.get(form))]
    if bylines:
        highlights["author"] = _every_mark(bylines) or bylines[:1]
    # The snippet shows where the query matched: the body, else the summary (an article found by its standfirst
    # showed the body's unmarked start), else the body's start.
    shown = next((highlights[name] for name in ("body", "summary") if _marked(highlights.get(name))), None)
    shown = shown or highlights.get("body")
    snippet = _joined_fragments(shown) if shown else _plain_snippet(source)
    return SearchHit(
        id=raw["_id"],
        title=source.get("title", ""),
        author=source.get("author"),
        published=source.get("published"),
        section=source.get("section"),
        url=source.get("url"),
        snippet=snippet,
        highlights=highlights,
        score=raw.get("_score"),
    )


def _phrase_marks(name: str, fragments: list[str], quoted: frozenset[str]) -> list[str]:
    """A body's or summary's fragments (HTML with <mark>) without the marks of a quoted phrase's word alone when
    some fragment marks the phrase whole (`"prime minister"` marked "former foreign <mark>minister</mark> Shintaro
    Abe" beside "<mark>Prime Minister</mark> Nakasone": session 50's attacker). A text not holding the phrase keeps
    its words marked: they are what matched. A headline is marked word by word, its phrase too: left as it is. A
    fragment that marked only such words is left out."""
    if not quoted or name.startswith("title"):
        return fragments
    whole = {
        word
        for fragment in fragments
        for mark in _MARKED.findall(fragment)
        if " " in mark.strip()
        for word in _WORDS.findall(_fold_mark(mark))
    }
    if not whole & quoted:
        return fragments

    def alone(mark: re.Match[str]) -> str:
        text = _fold_mark(mark.group(1))
        phrase_word = " " not in text and any(_same_word(text, word) for word in whole & quoted)
        return mark.group(1) if phrase_word else mark.group()

    # A fragment left with no mark showed only the lone words (2,411 bare fragments in the snippets of a review's
    # 663 quoted queries): left out, as the highlighter leaves out a fragment matching nothing.
    stripped = [(_MARKED.sub(alone, fragment), bool(_MARKED.search(fragment))) for fragment in fragments]
    kept = [fragment for fragment, marked in stripped if _MARKED.search(fragment) or not marked]
    return kept or [fragment for fragment, _ in stripped]


# A word as the body's standard tokenizer reads it (Unicode word boundaries, UAX #29 rules WB6-WB7 and WB11-WB12):
# a run of letters and digits, and within it a character of MidLetter or MidNumLet between two letters (`U.S`,
# `www.arsenal.com`, `a:b`, `O'Neill`) or of MidNum or MidNumLet between two digits (`1.1`, `1,850,109`, `1;2`); an
# apostrophe look-alike the index reads as `'` (JOINER_VARIANTS) joins as `'` does. A mark elsewhere on `1` or
# `arsenal` is no mark on a piece of `1.1` or `www.arsenal.com`, which the engine never marks (session 53's review:
# `2.<mark>5</mark>`, `U.<mark>S</mark>.`). Checked against the engine's `_analyze` on news-dev bodies.
_APOSTROPHES = re.escape("'" + JOINER_VARIANTS["'"])
_BETWEEN_LETTERS = f"[:.\u00b7\u0387\u05f4\u2024\u2027\ufe13\ufe52\ufe55\uff0e\uff1a{_APOSTROPHES}]"
_BETWEEN_DIGITS = (
    f"[,;.\u037e\u0589\u060c\u060d\u066c\u07f8\u2024\ufe10\ufe14\ufe50\ufe52\ufe54\uff0c\uff0e\uff1b{_APOSTROPHES}]"
)
_LETTER = r"[^\W\d_]"
_TOKEN = re.compile(rf"\w+(?:(?:(?<={_LETTER}){_BETWEEN_LETTERS}(?={_LETTER})|(?<=\d){_BETWEEN_DIGITS}(?=\d))\w+)*")


def _edge_marks(fragments: list[str]) -> list[str]:
    """A body's fragments (HTML with <mark>, from the fast vector highlighter) with what another of them marks also
    marked before the first mark and after the last. The highlighter gives a fragment the matches ending within its
    200 characters, then widens its text to the next space (up to 20 characters) at either end, so a match it gave to
    the neighbouring fragment stands unmarked at the edge (`took crude <mark>oil</mark> prices`: 7 of 1,899 body
    fragments over 20 queries, session 53's attack report). The same words as one mark elsewhere in the article's
    body matched the same query (the same field, analysed alike); the middle of a fragment is as the engine marked
    it."""
    marked = {
        tuple(_token_key(token) for token in _TOKEN.findall(html.unescape(mark)))
        for fragment in fragments
        for mark in _MARKED.findall(fragment)
    }
    marked.discard(())
    if not marked:
        return fragments
    return [_marked_at_edges(fragment, marked) for fragment in fragments]


def _token_key(token: str) -> str:
    """A word as the stemmed body matches it, near enough: folded, a possessive as its word (`Iraq's`: iraq)."""
    return _POSSESSIVE.sub("", fold_as_index(token))


_POSSESSIVE = re.compile("['\u2019]s$")


def _marked_at_edges(fragment: str, marked: set[tuple[str, ...]]) -> str:
    """`fragment` (HTML with <mark>) with each run of words in `marked` (folded tokens) marked in its text before the
    first mark and after the last."""
    pieces = re.split("(<mark>.*?</mark>)", fragment, flags=re.DOTALL)
    if len(pieces) < 3:
        return fragment  # no mark: the body's start, shown for an article whose body did not match
    pieces[0], pieces[-1] = _marked_runs(pieces[0], marked), _marked_runs(pieces[-1], marked)
    return "".join(pieces)


def _marked_runs(escaped: str, marked: set[tuple[str, ...]]) -> str:
    """Unmarked text (HTML-escaped) with each run of its words in `marked` (folded tokens) as <mark>."""
    text = html.unescape(escaped)
    tokens = list(_TOKEN.finditer(text))
    folded = [_token_key(token.group()) for token in tokens]
    longest = max(map(len, marked))
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        size = next(
            (n for n in range(min(longest, len(tokens) - index), 0, -1) if tuple(folded[index : index + n]) in marked),
            0,
        )
        if size:
            spans.append((tokens[index].start(), tokens[index + size - 1].end()))
        index += size or 1
    if not spans:
        return escaped
    out, at = [], 0
    for start, end in spans:
        out += [html.escape(text[at:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        at = end
    return "".join([*out, html.escape(text[at:])])


_WORDS = re.compile(r"\w+")


def _same_word(a: str, b: str) -> bool:
    """Whether two folded words are forms of one as the stemmed fields mark them, near enough: one starts the other,
    the shorter of 3 letters or more (`rate` of `"interest rates"`, `ministers` of `"prime minister"`)."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and (len(short) >= 3 or short == long)


def _fold_mark(mark: str) -> str:
    """A mark's text (HTML-escaped) as the index folds words: `minister&#x27;s` -> `minister's`."""
    return fold_as_index(html.unescape(mark)).strip()


def _html(fragment: str, encoded: bool = False) -> str:
    """A highlighter's fragment as HTML: its marks as <mark>. The plain highlighter returns a text's start (a fragment
    without marks) as stored, escaped here; the fast vector highlighter (`encoded`) HTML-encodes it too, and its
    fragments are decoded and escaped again here, so that one the engine left unencoded (the plain highlighter's,
    on an index older than mapping 15) is escaped all the same."""
    fragment = _LONE_SURROGATE.sub("", fragment)
    fragment = closed_bidi(fragment[_leading_marks(fragment) :])
    if encoded:
        fragment = html.escape(html.unescape(fragment))
    elif MATCH_START not in fragment:
        return html.escape(fragment)
    return fragment.replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>")


def _leading_marks(text: str) -> int:
    """How many combining marks `text` starts with (none of them has its base character there)."""
    return next((i for i, char in enumerate(text) if unicodedata.category(char) not in _COMBINING), len(text))


_MARKED = re.compile("<mark>(.*?)</mark>", re.DOTALL)


def _most_words(fragments: list[str], count: int) -> list[str]:
    """At most `count` of `fragments` (HTML with <mark>), in their order, chosen for the most distinct marked words
    together: the fragment marking the most first, then each adding the most new ones (the earlier on a tie). A
    phrase marked whole counts its words: counted as one, a quoted phrase's fragment lost to those marking one of its
    words apart (session 38's review: `"weapons of mass destruction"` showed "Christmas Midnight <mark>Mass</mark>").
    """
    if len(fragments) <= count:
        return fragments
    words = [{word for mark in _MARKED.findall(fragment) for word in mark.casefold().split()} for fragment in fragments]
    chosen: list[int] = []
    seen: set[str] = set()
    for _ in range(count):
        best = max((i for i in range(len(fragments)) if i not in chosen), key=lambda i: (len(words[i] - seen), -i))
        chosen.append(best)
        seen |= words[best]
    return [fragments[i] for i in sorted(chosen)]


_SPACES = re.compile(r"\s+")


def _joined_fragments(fragments: list[str]) -> str:
    """The snippet: the fragments (HTML with <mark>) in their order, " … " between them where text is left out. The
    highlighter cuts a body inside a word and extends both fragments to its ends, so two fragments that meet share
    that one word: then they are one run of text (session 34's review: "acting Opec secretary general … general
    Adnan Shihab-Eldin", the body reading "secretary general Adnan Shihab-Eldin"). Only an _uncommon word: two
    places of a text may end and start with a common one, or with more than one word ("… price to 20 dlrs … 20
    dlrs in January", two places of a Reuters story)."""
    snippet = fragments[0]
    for fragment in fragments[1:]:
        last = _MARKED.sub(r"\1", _SPACES.split(snippet.rstrip())[-1])
        first, _, tail = fragment.lstrip().partition(" ")
        if _uncommon(last) and _MARKED.sub(r"\1", first) == last:
            snippet = f"{snippet.rstrip()} {tail}" if tail else snippet
        else:
            snippet = f"{snippet} … {fragment}"
    return snippet


def _uncommon(word: str) -> bool:
    """A word of 4 letters or more, no stopword: one two fragments are unlikely to end and start with by chance (two
    places of a text did end and start with `will`: "Carlton will … will need an operation")."""
    return len(word) >= 4 and fold_as_index(word) not in STOPWORDS


def _every_mark(texts: list[str]) -> list[str] | None:
    """One text (HTML with <mark>) marking what any of `texts`, the same text marked by different fields, marks; None
    unless some marks and all are the same text."""
    plain = {_MARKED.sub(r"\1", text) for text in texts}
    if len(plain) != 1 or not any(_MARKED.search(text) for text in texts):
        return None
    marked = [False] * len(next(iter(plain)))
    for text in texts:
        at = 0
        for piece in re.split("(<mark>.*?</mark>)", text, flags=re.DOTALL):
            inner = piece[len("<mark>") : -len("</mark>")] if piece.startswith("<mark>") else None
            length = len(inner if inner is not None else piece)
            if inner is not None:
                marked[at : at + length] = [True] * length
            at += length
    out, text = [], next(iter(plain))
    for i, char in enumerate(text):
        if marked[i] and (i == 0 or not marked[i - 1]):
            out.append("<mark>")
        out.append(char)
        if marked[i] and (i + 1 == len(text) or not marked[i + 1]):
            out.append("</mark>")
    return ["".join(out)]


def _marks(fragments: list[str] | None) -> frozenset[str]:
    """The distinct words `fragments` (HTML with <mark>) mark, as the index folds them."""
    return frozenset(_fold_mark(mark) for fragment in fragments or [] for mark in _MARKED.findall(fragment))


def _marked_words(fragments: list[str] | None, written: frozenset[str]) -> tuple[int, int]:
    """How many of the `written` words and how many distinct words `fragments` mark, negated (a sort key: most
    first)."""
    marked = _marks(fragments)
    return -len(marked & written), -len(marked)


def _marked(fragments: list[str] | None) -> bool:
    return bool(fragments) and any("<mark>" in fragment for fragment in fragments or [])


def _plain_snippet(source: dict[str, Any]) -> str:
    text = source.get("summary") or source.get("body") or ""
    cut = text[:SNIPPET_CHARS]
    if len(text) > SNIPPET_CHARS:
        cut = cut.rsplit(" ", 1)[0] + " …"
    return html.escape(closed_bidi(cut))


__all__ = [
    "DEFAULT_PAGE_SIZE",
    "FACET_NAMES",
    "MAX_PAGE",
    "MAX_PAGE_SIZE",
    "MAX_QUERY_CHARS",
    "SearchRequest",
    "build_search",
    "search_articles",
    "search_hit",
]
