"""The OpenAPI document of the search API, built from the constants the handlers validate with.

`make openapi` writes it to docs/openapi.json; a unit test fails when the checked-in file differs from what
this module builds, and GET /openapi.json serves it.
"""

from __future__ import annotations

import json
from typing import Any

from archive_search.cursors import MAX_CURSOR_CHARS
from archive_search.facets import FACET_NAMES, TOP_VALUES, UNDATED
from archive_search.query_parser import MAX_EXCLUSIONS, MAX_OPERATOR_WORDS, MAX_PHRASE_PIECES
from archive_search.search import (
    DATE_PATTERN,
    DEFAULT_PAGE_SIZE,
    FILTER_CONTROLS,
    FILTER_PARAMETERS,
    MAX_FILTER_VALUE_CHARS,
    MAX_FILTER_VALUES,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY_CHARS,
    SORTS,
    SPELLINGS,
)
from archive_search.suggest import MAX_SUGGEST_CHARS, MAX_SUGGESTIONS

_STRING = {"type": "string"}
_NULLABLE_STRING = {"type": ["string", "null"]}
_ERROR = {"$ref": "#/components/schemas/Error"}
_HEALTH = {"$ref": "#/components/schemas/Health"}
_DATE = {"type": "string", "format": "date", "pattern": f"^{DATE_PATTERN}$"}
_SEARCH_NEEDS = ("q", *FILTER_PARAMETERS)
_REQUIRED_ONE_OF: dict[str, Any] = {"x-required-one-of": list(_SEARCH_NEEDS)}
SEARCH_RULES = (
    f"Give q, or at least one of {', '.join(FILTER_PARAMETERS)}, or both: without any of them the answer is a 400 "
    "whose message starts with `q is required`, or with the filter's name when one was sent that holds only blanks "
    "or invisible characters (OpenAPI cannot require one of several parameters; `x-required-one-of` lists them). "
    "A parameter that is empty or blank (`from=`, `page=`) is the same as one left out, and so is a q of "
    "invisible characters only (a zero-width space, a soft hyphen); page, size, sort, from and to may be surrounded "
    "by ASCII spaces, tabs and line ends, no other blank. Every 400 message starts with the name of the parameter at "
    "fault."
)


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """An optional query parameter. `allowEmptyValue` says in the schema what the descriptions say in words: sent
    empty (`page=`, as forms send their empty fields), it is the same as one left out."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "description": description,
        "schema": schema,
    }


def _list_filter(name: str, what: str) -> dict[str, Any]:
    return _query(
        name,
        f"{what}. Several values, separated by commas, match any of them (at most {MAX_FILTER_VALUES}, each at most "
        f"{MAX_FILTER_VALUE_CHARS} characters), ignoring case and accents. A comma "
        "inside a value is written `\\,` and a backslash `\\\\` (escape backslashes first), so any facet value "
        "round-trips: `Smith\\, John,Ana Lima` selects the two authors `Smith, John` and `Ana Lima`. Repeating the "
        "parameter means the same as listing its values (API Gateway joins repeated parameters with commas). A "
        "backslash followed by anything else is a 400, and so is a control character other than tab and line breaks "
        "(no article's value holds one).",
        {"type": "string", "pattern": f"^[^{FILTER_CONTROLS}]*$", "examples": ["Smith\\, John,Ana Lima"]},
    )


def _json_response(description: str, schema: dict[str, Any], headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}}
_ERRORS = {
    "400": _json_response("A parameter is invalid; the message starts with its name.", _ERROR),
    "404": _json_response("No such article or route.", _ERROR),
    "500": _json_response("A fault on our side (logged and alarmed); the message holds no details.", _ERROR),
    "503": _json_response(
        "The search engine is unreachable or overloaded; retry after the given seconds.", _ERROR, _RETRY_AFTER
    ),
}

SEARCH_PARAMETERS = [
    _query(
        "q",
        "Words to search for in headlines, summaries, texts, bylines and tags, or a pasted sentence or paragraph "
        "(at most "
        f"{MAX_QUERY_CHARS} characters). Articles holding every word rank first (for a short query), then those "
        'holding the rarest of them; no word is required. "quoted words" rank the articles holding them as a '
        "phrase first, -word excludes, OR (or |) between words accepts either. Optional when a filter is given: "
        "then the matching articles are listed newest first. Text pasted from escaped text or markup is read as "
        "shown: character references decoded (`&quot;`, `&amp;`, `&eacute;`) and markup's tags dropped "
        "(`<b>blair</b>`), while a wire's `<IBM>` stays.",
        # The API counts q as sent or NFC-composed, whichever is shorter, blanks and invisible characters included
        # (fold_within): within maxLength as sent, q is always accepted; over it both ways, refused (a run of
        # blanks past the limit too, found by Schemathesis). The same holds for /suggest.
        {"type": "string", "maxLength": MAX_QUERY_CHARS},
    ),
    _list_filter("section", "Only articles of these sections"),
    _list_filter("author", "Only articles by these authors (as listed in the author facet)"),
    _list_filter("tag", "Only articles with one of these tags"),
    _query(
        "year",
        f"Only articles published in these years (YYYY in ASCII digits, 0001 to 9999), or without a publication date "
        f"(`{UNDATED}`, in any case): the year facet's values. Several values, separated by commas (or the parameter "
        f"repeated), match any of them (at most {MAX_FILTER_VALUES}): `2004,{UNDATED}`. Any other value is a 400. "
        f"Beside from/to, both apply: a date range holds no article without a date.",
        {"type": "string", "pattern": f"^[^{FILTER_CONTROLS}]*$", "examples": [f"2004,{UNDATED}"]},
    ),
    _query("from", "Published on or after this date (YYYY-MM-DD); articles without a date are left out.", _DATE),
    _query(
        "to",
        "Published on or before this date (YYYY-MM-DD; not before from); articles without a date are left out.",
        _DATE,
    ),
    _query(
        "sort",
        "Order of the results, in any case (NEWEST is newest). By date (newest, oldest), articles without a "
        "publication date come last either way.",
        {"type": "string", "enum": list(SORTS), "default": SORTS[0]},
    ),
    _query(
        "spelling",
        "How the words of q are read, in any case: auto reads a word no article holds as its likeliest spelling, "
        "and in a short query no article holds every word of a likely typo a few hold as the phrase it forms with "
        "the word next to it (in any sort; altered_query says so), never a name of up to five capitals that articles "
        "hold (`EADS chief`) nor a word q excludes (`-cup`), the two read at once beside a word no article holds "
        "(`manchestr untied`), and widens a short query that few articles "
        "answer completely to near spellings; "
        'as_typed searches the words as typed, neither respelt nor widened (a page\'s "Search instead for"), and '
        "did_you_mean still offers a spelling that finds more.",
        {"type": "string", "enum": list(SPELLINGS), "default": SPELLINGS[0]},
    ),
    _query(
        "page",
        "Page number; not read beside a cursor, which carries its page (any value, such as the 101 of a client "
        "counting pages, is then no error).",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    ),
    _query(
        "size",
        "Results per page.",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
    ),
    _query(
        "cursor",
        "next_cursor of a previous response, unchanged, with the same q, filters, sort, size and spelling: reads on "
        "beyond the page limit, and page is then not read. Cursors are signed: one that this API did not issue for "
        "this search (edited, forged, from another search or signed with a retired key) is a 400 whose message "
        "starts with `cursor`.",
        {"type": "string", "maxLength": MAX_CURSOR_CHARS},
    ),
]

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {"code": _STRING, "message": _STRING},
            }
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "documents", "engine"],
        "properties": {
            "status": {"type": "string", "enum": ["ok", "degraded"]},
            "documents": {
                "type": ["integer", "null"],
                "description": "Articles the index holds; null when the engine cannot be asked.",
            },
            "engine": {"type": "string", "enum": ["ok", "unreachable"]},
        },
    },
    "SearchResult": {
        "type": "object",
        "required": ["id", "title", "url", "author", "published", "section", "snippet", "highlights", "score"],
        "properties": {
            "id": _STRING,
            "title": {"type": "string", "description": "Plain text: escape it before inserting it as HTML."},
            "url": _NULLABLE_STRING,
            "author": _NULLABLE_STRING,
            "published": {"type": ["string", "null"], "format": "date"},
            "section": _NULLABLE_STRING,
            "snippet": {"type": "string", "description": "HTML-escaped text with <mark> around matches."},
            "highlights": {
                "type": "object",
                "description": (
                    "HTML-escaped fragments with <mark> around matches, by field (title, summary, body, author); "
                    "summary and author only when they matched (author: the byline whole, as `author` writes it)."
                ),
                "additionalProperties": {"type": "array", "items": _STRING},
            },
            "score": {
                "type": ["number", "null"],
                "description": (
                    "How well the result matched, for comparing the results of one search only; null in a date sort."
                ),
            },
        },
    },
    "FacetValue": {
        "type": "object",
        "required": ["value", "count", "selected"],
        "properties": {"value": _STRING, "count": {"type": "integer"}, "selected": {"type": "boolean"}},
    },
    "SearchResponse": {
        "type": "object",
        "required": [
            "query",
            "total",
            "took_ms",
            "page",
            "size",
            "sort",
            "results",
            "facets",
            "did_you_mean",
            "next_cursor",
            "unapplied_exclusions",
            "altered_query",
            "relaxed_phrases",
        ],
        "properties": {
            "query": _STRING,
            "total": {"type": "integer"},
            "took_ms": {"type": "integer"},
            "page": {"type": "integer"},
            "size": {"type": "integer"},
            "sort": {"type": "string", "enum": list(SORTS)},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/SearchResult"}},
            "facets": {
                "type": "object",
                "description": f"Top {TOP_VALUES} values of each facet plus the selected ones. Each facet is "
                "counted without its own filter, so the other values of a chosen facet keep their counts. "
                "A year is selected when `year` names it or, without `year`, from/to cover exactly that year; "
                "any other from/to, and any beside `year`, bounds the year facet's counts as it bounds the results. "
                "The year facet lists "
                f"`{UNDATED}` after the years, with the count of the articles without a publication date, when "
                f"any of the search's articles has none or `year` names it: selecting it is `year={UNDATED}`.",
                "properties": {
                    name: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                    for name in FACET_NAMES
                },
            },
            "did_you_mean": {
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "required": ["q", "total"],
                        "properties": {"q": _STRING, "total": {"type": "integer"}},
                    },
                ]
            },
            "next_cursor": _NULLABLE_STRING,
            "altered_query": {
                "type": ["string", "null"],
                "description": "The query as the search read it, when it searched a word no article holds as its "
                "likeliest spelling (`oil prces` is searched as `oil prices`; a word of three letters only as a "
                "spelling articles write as a phrase with a word typed next to it: `world cpu` as `world cup`), or, "
                "in a short query no article holds "
                "every word of, a likely typo a few articles hold as the phrase it forms with the word next to it "
                "(`manchester untied` as `manchester united`; in any sort), in the query's own text; null when "
                "every word was searched as typed, and when did_you_mean is offered. The same q with "
                'spelling=as_typed searches the words as typed (a page\'s "Search instead for").',
            },
            "unapplied_exclusions": {
                "type": "array",
                "items": _STRING,
                "description": f'Exclusions (`-word`, `-"a phrase"`) that were not applied, so their articles '
                f"may be among the results: a search applies at most {MAX_EXCLUSIONS}, and an exclusion is applied "
                "whole or not at all (together with the query's phrases and OR-alternatives at most "
                f"{MAX_PHRASE_PIECES} engine tokens). `-` excludes only in a query of at most {MAX_OPERATOR_WORDS} "
                "other words; in a longer, pasted text it is punctuation and is not listed here. Each is given as "
                "typed, its quotes, joiners and full-width letters in their ASCII form, and once however it is "
                "spelt.",
            },
            "relaxed_phrases": {
                "type": "array",
                "items": _STRING,
                "description": "The quoted phrases of several words that no article in the archive holds (whatever "
                "the filters), as typed within their quotes, or as read when the search respelt a word of it "
                "(altered_query). A quoted phrase ranks the articles holding it first and "
                "does not filter, so these were searched as their words: the results hold some of them, not the "
                'phrase (a page says so beside its "Quotes find a phrase"). Empty when every phrase is held.',
            },
        },
    },
    "Suggestion": {
        "type": "object",
        "required": ["id", "title", "highlighted"],
        "properties": {
            "id": _STRING,
            "title": _STRING,
            "highlighted": {"type": "string", "description": "HTML-escaped title, <mark> around the typed part."},
        },
    },
    "Article": {
        "type": "object",
        "required": ["id", "title", "body", "author", "published", "section", "tags", "url", "summary", "credit"],
        "properties": {
            "id": _STRING,
            "title": _STRING,
            "body": _STRING,
            "author": _NULLABLE_STRING,
            "published": {"type": ["string", "null"], "format": "date"},
            "section": _NULLABLE_STRING,
            "tags": {"type": "array", "items": _STRING},
            "url": _NULLABLE_STRING,
            "summary": _NULLABLE_STRING,
            "credit": _NULLABLE_STRING,
        },
    },
}


def _get(
    summary: str,
    parameters: list[dict[str, Any]],
    ok: dict[str, Any],
    errors: tuple[str, ...],
    responses: dict[str, Any] | None = None,
    **extra: Any,
) -> Any:
    """One GET operation: 200 `ok`, the shared Error answers for `errors`, then `responses` of the route's own;
    `extra` adds fields (description, vendor extensions) as they are."""
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {"200": ok, **{status: _ERRORS[status] for status in errors}, **(responses or {})},
            **extra,
        }
    }


def openapi_document() -> dict[str, Any]:
    article_id = {
        "name": "id",
        "in": "path",
        "required": True,
        "description": "The article id; it may contain slashes (e.g. 2015/05/kerry).",
        "schema": _STRING,
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "SomaNet Archive Search API",
            "version": "1.0.0",
            "description": "Search the SomaNet News Archive. GET responses carry Cache-Control; errors are JSON "
            '{"error": {"code", "message"}} and never contain internals. A query parameter that is empty or blank '
            "is the same as one left out, and a query parameter the API does not know is ignored (a misspelt one "
            "too: `sise=5` leaves the default size).",
        },
        "paths": {
            "/search": _get(
                "Search articles",
                SEARCH_PARAMETERS,
                _json_response("A page of results.", {"$ref": "#/components/schemas/SearchResponse"}),
                ("400", "500", "503"),
                description=SEARCH_RULES,
                **_REQUIRED_ONE_OF,
            ),
            "/suggest": _get(
                f"As-you-type title suggestions (at most {MAX_SUGGESTIONS})",
                [
                    _query(
                        "q",
                        f"What has been typed so far; the last word may be cut short (at most {MAX_SUGGEST_CHARS} "
                        "characters). Empty gives no suggestions. An exclusion (-word, as /search reads it) is no "
                        "prefix to complete: the titles holding it are left out. Pasted escaped text or markup is "
                        "read as /search reads it (`Q&amp;A` is Q&A).",
                        {"type": "string", "maxLength": MAX_SUGGEST_CHARS},
                    )
                ],
                _json_response(
                    "Suggestions, best first.",
                    {
                        "type": "object",
                        "required": ["query", "suggestions", "altered_query", "words_not_in_titles"],
                        "properties": {
                            "query": _STRING,
                            "suggestions": {
                                "type": "array",
                                "maxItems": MAX_SUGGESTIONS,
                                "items": {"$ref": "#/components/schemas/Suggestion"},
                            },
                            "altered_query": {
                                "type": ["string", "null"],
                                "description": "The text the titles were matched against when it is not the query "
                                "as typed (a misspelt word respelt as a headline word, words no title holds left "
                                "out); null when the titles match the query as typed, or none is offered.",
                            },
                            "words_not_in_titles": {
                                "type": "array",
                                "items": _STRING,
                                "description": "Typed words no title holds, left out of the titles' match: the "
                                "articles of the titles offered hold them in their text.",
                            },
                        },
                    },
                ),
                ("400", "500", "503"),
            ),
            "/articles/{id}": _get(
                "One article",
                [article_id],
                _json_response("The article.", {"$ref": "#/components/schemas/Article"}),
                ("404", "500", "503"),
            ),
            "/related/{id}": _get(
                "Articles similar to this one",
                [article_id],
                _json_response(
                    "Similar articles, most similar first.",
                    {
                        "type": "object",
                        "required": ["id", "results"],
                        "properties": {
                            "id": _STRING,
                            "results": {"type": "array", "items": {"$ref": "#/components/schemas/SearchResult"}},
                        },
                    },
                ),
                ("404", "500", "503"),
            ),
            "/health": _get(
                "Whether the search engine answers, and how many articles it holds",
                [],
                _json_response('Healthy: `{"status": "ok", "documents": N, "engine": "ok"}`.', _HEALTH),
                ("500",),
                responses={
                    # Not the Error body: the health answer itself, degraded, unless the engine was never asked.
                    "503": _json_response(
                        'The engine is unreachable: `{"status": "degraded", "documents": null, "engine": '
                        '"unreachable"}`; or every instance of the search function is busy: an Error. Retry after '
                        "the given seconds.",
                        {"oneOf": [_HEALTH, _ERROR]},
                        _RETRY_AFTER,
                    )
                },
            ),
            "/openapi.json": _get(
                "This document", [], _json_response("The OpenAPI document.", {"type": "object"}), ("500",)
            ),
        },
        "components": {"schemas": SCHEMAS},
    }


def render() -> str:
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(render(), end="")
