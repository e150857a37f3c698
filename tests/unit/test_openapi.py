"""The checked-in OpenAPI document is the one the code builds (run `make openapi` after changing the API)."""

from __future__ import annotations

import json
import re

import pytest

from archive_search.errors import InvalidQueryError
from archive_search.openapi import openapi_document, render
from archive_search.search import FILTER_PARAMETERS, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_CHARS, SearchRequest
from archive_search.suggest import MAX_SUGGEST_CHARS, suggest_query
from tests.unit.conftest import REPO_ROOT

CHECKED_IN = REPO_ROOT / "docs" / "openapi.json"
SEARCH_DOC = (REPO_ROOT / "docs" / "search.md").read_text(encoding="utf-8")
README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_checked_in_openapi_document_is_up_to_date() -> None:
    assert CHECKED_IN.read_text(encoding="utf-8") == render(), "docs/openapi.json is stale: run `make openapi`"


def test_document_states_the_bounds_the_api_enforces() -> None:
    parameters = {p["name"]: p for p in openapi_document()["paths"]["/search"]["get"]["parameters"]}

    assert parameters["size"]["schema"]["maximum"] == MAX_PAGE_SIZE
    assert parameters["page"]["schema"]["maximum"] == MAX_PAGE
    assert set(openapi_document()["paths"]) >= {"/search", "/suggest", "/articles/{id}", "/related/{id}"}
    json.dumps(openapi_document())


# The document's parameter rules, checked against what SearchRequest.from_params does with them.
SEARCH = openapi_document()["paths"]["/search"]["get"]
SEARCH_PARAMETERS = {p["name"]: p for p in SEARCH["parameters"]}
A_VALUE = {
    "q": "kerry",
    "section": "World",
    "author": "Smith\\, John",
    "tag": "russia",
    "year": "undated",
} | dict.fromkeys(("from", "to"), "2015-05-12")


def test_search_without_q_or_a_filter_is_refused_as_the_document_says() -> None:
    needed = SEARCH["x-required-one-of"]

    assert needed == ["q", *FILTER_PARAMETERS]
    assert all(name in SEARCH["description"] for name in needed)
    with pytest.raises(InvalidQueryError, match=r"^q is required"):
        SearchRequest.from_params({})
    for name in needed:
        SearchRequest.from_params({name: A_VALUE[name]})


@pytest.mark.parametrize("blank", ["", " ", "\t"])
@pytest.mark.parametrize("name", list(SEARCH_PARAMETERS))
def test_an_empty_or_blank_parameter_is_the_same_as_one_left_out(name: str, blank: str) -> None:
    if name == "q":
        with pytest.raises(InvalidQueryError, match=r"^q is required"):
            SearchRequest.from_params({"q": blank})
    else:
        assert SearchRequest.from_params({"q": "x", name: blank}) == SearchRequest.from_params({"q": "x"})
    assert "empty or blank" in SEARCH["description"]
    assert SEARCH_PARAMETERS[name]["allowEmptyValue"] is True  # what Schemathesis reads


@pytest.mark.parametrize("name", ["page", "size"])
def test_whole_number_bounds_and_defaults_are_the_ones_enforced(name: str) -> None:
    schema = SEARCH_PARAMETERS[name]["schema"]
    low, high = schema["minimum"], schema["maximum"]

    assert getattr(SearchRequest.from_params({"q": "x"}), name) == schema["default"]
    for accepted in (low, high):
        assert getattr(SearchRequest.from_params({"q": "x", name: str(accepted)}), name) == accepted
    for refused in (low - 1, high + 1):
        with pytest.raises(InvalidQueryError, match=f"^{name}"):
            SearchRequest.from_params({"q": "x", name: str(refused)})


def test_sort_values_and_dates_are_the_ones_enforced() -> None:
    sort = SEARCH_PARAMETERS["sort"]["schema"]
    assert [SearchRequest.from_params({"q": "x", "sort": s}).sort for s in sort["enum"]] == sort["enum"]
    assert SearchRequest.from_params({"q": "x"}).sort == sort["default"]
    for name in ("from", "to"):
        pattern = re.compile(SEARCH_PARAMETERS[name]["schema"]["pattern"])
        for raw in ("2015-05-12", "2015-5-12", "12/05/2015", "2015-05-12T00:00"):
            if pattern.search(raw):
                SearchRequest.from_params({"q": "x", name: raw})
            else:
                with pytest.raises(InvalidQueryError, match=f"^{name}"):
                    SearchRequest.from_params({"q": "x", name: raw})


def test_a_cursor_longer_than_the_document_allows_is_refused() -> None:
    limit = SEARCH_PARAMETERS["cursor"]["schema"]["maxLength"]

    with pytest.raises(InvalidQueryError, match=r"^cursor"):
        SearchRequest.from_params({"q": "x", "cursor": "c" * (limit + 1)})


@pytest.mark.parametrize("route", ["/search", "/suggest"])
def test_q_has_the_length_limit_the_api_enforces(route: str) -> None:
    q = next(p for p in openapi_document()["paths"][route]["get"]["parameters"] if p["name"] == "q")
    limit = q["schema"]["maxLength"]
    read = SearchRequest.from_params if route == "/search" else lambda params: suggest_query(params["q"])

    assert limit == (MAX_QUERY_CHARS if route == "/search" else MAX_SUGGEST_CHARS)
    read({"q": "\u00e9" * limit})
    with pytest.raises(InvalidQueryError, match=r"^q is"):
        read({"q": "\u00e9" * (limit + 1)})
    # maxLength counts every character: blanks and invisible ones past the limit are refused, not collapsed away
    # first (Schemathesis sent a word and 2,048 form feeds, and /search answered 200)
    for padding in ("\x0c", " ", "\u200b", "\u3000"):
        read({"q": "x" + padding * (limit - 1)})
        with pytest.raises(InvalidQueryError, match=rf"^q is {limit + 1} characters long"):
            read({"q": "x" + padding * limit})


def test_the_search_page_states_the_q_limit_the_api_enforces() -> None:
    row = next(line for line in SEARCH_DOC.splitlines() if line.startswith("| `q` |"))

    assert f"≤ {MAX_QUERY_CHARS:,} chars" in row


def test_unknown_parameters_are_ignored_as_the_document_says() -> None:
    # Left as common web APIs do: an old client's or a newer page's extra parameter keeps working.
    assert "parameter the API does not know is ignored" in openapi_document()["info"]["description"]
    assert "Unknown parameters are ignored" in SEARCH_DOC
    assert SearchRequest.from_params({"q": "x", "sise": "5"}) == SearchRequest.from_params({"q": "x"})


def _search_row(doc: str) -> str:
    return next(line for line in doc.splitlines() if line.startswith("| `GET /search"))


@pytest.mark.parametrize("doc", [README, SEARCH_DOC], ids=["README.md", "docs/search.md"])
def test_the_docs_name_every_field_of_a_search_result(doc: str) -> None:
    # `score` was in the contract and in every answer, and in neither list.
    fields = openapi_document()["components"]["schemas"]["SearchResult"]["required"]

    assert [field for field in fields if not re.search(rf"\b{field}\b", _search_row(doc))] == []


def test_sort_is_read_in_any_case_as_the_docs_say() -> None:
    row = next(line for line in SEARCH_DOC.splitlines() if line.startswith("| `sort` |"))

    assert [SearchRequest.from_params({"q": "x", "sort": s}).sort for s in ("NEWEST", "Oldest")] == ["newest", "oldest"]
    assert "in any case" in row and "in any case" in _search_row(README)
    assert "in any case" in SEARCH_PARAMETERS["sort"]["description"]


def test_the_docs_say_a_head_gets_the_gateways_404() -> None:
    # The template routes GET only, and an HTTP API matches a route by method: `curl -I /health` is a 404 in AWS and
    # locally (tests/e2e/browser/test_static_serving.py), which the docs did not say.
    for doc in (README, SEARCH_DOC):
        assert "`curl -I" in doc and '404 `{"message":"Not Found"}`' in " ".join(doc.split())


def test_spelling_values_are_the_ones_enforced_and_documented() -> None:
    spelling = SEARCH_PARAMETERS["spelling"]["schema"]
    row = next(line for line in SEARCH_DOC.splitlines() if line.startswith("| `spelling` |"))

    assert [SearchRequest.from_params({"q": "x", "spelling": s}).spelling for s in spelling["enum"]] == spelling["enum"]
    assert SearchRequest.from_params({"q": "x"}).spelling == spelling["default"]
    assert all(f"`{value}`" in row for value in spelling["enum"]) and "in any case" in row
