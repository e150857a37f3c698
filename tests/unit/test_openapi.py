"""The checked-in OpenAPI document is the one the code builds (run `make openapi` after changing the API)."""

from __future__ import annotations

import json

from archive_search.openapi import openapi_document, render
from archive_search.search import MAX_PAGE, MAX_PAGE_SIZE
from tests.unit.conftest import REPO_ROOT

CHECKED_IN = REPO_ROOT / "docs" / "openapi.json"


def test_checked_in_openapi_document_is_up_to_date() -> None:
    assert CHECKED_IN.read_text(encoding="utf-8") == render(), "docs/openapi.json is stale: run `make openapi`"


def test_document_states_the_bounds_the_api_enforces() -> None:
    parameters = {p["name"]: p for p in openapi_document()["paths"]["/search"]["get"]["parameters"]}

    assert parameters["size"]["schema"]["maximum"] == MAX_PAGE_SIZE
    assert parameters["page"]["schema"]["maximum"] == MAX_PAGE
    assert set(openapi_document()["paths"]) >= {"/search", "/suggest", "/articles/{id}", "/related/{id}"}
    json.dumps(openapi_document())
