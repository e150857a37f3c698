"""The search API keeps its contract: Schemathesis builds requests from docs/openapi.json (valid ones and ones the
document forbids) and sends them to `archive-search serve`. No answer may be a server error, and every answer must
be one the document describes: a documented status, content type, headers and body.

Every check Schemathesis runs by default applies, except two whose premise this API does not share:
- positive_data_acceptance (a request the schema allows must succeed): some rules of /search cannot be written as a
  parameter schema (q or a filter is required, `x-required-one-of`; from not after to; a cursor must be one this API
  signed for this search), so such a request rightly gets a 400. Its status, body and message are still checked
  against the document.
- unsupported_method (a method the document does not list gets 405): such requests never reach the function. API
  Gateway answers them itself, with a 404 of its own (the local gateway answers the same).

API_FUZZ_EXAMPLES sets the examples per operation: 25 on every change, 1,000 in `make reliability`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance, unsupported_method

from tests.conftest import FIXTURES
from tests.e2e.conftest import ServedStack

pytestmark = [pytest.mark.e2e, pytest.mark.attack("Schemathesis: the OpenAPI document against the local API")]
OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))
UPLOADS = FIXTURES / "uploads"
NOT_OUR_PREMISES = [positive_data_acceptance, unsupported_method]  # see the module's docstring

schema = schemathesis.openapi.from_path(OPENAPI)


@pytest.fixture(scope="module")
def api(served_stack: ServedStack, tmp_path_factory: pytest.TempPathFactory) -> ServedStack:
    """The served stack with an article of each format, so searches find something to describe."""
    folder = tmp_path_factory.mktemp("contract") / "contract"
    shutil.copytree(UPLOADS, folder)
    uploaded = served_stack.upload(str(folder))
    assert uploaded.returncode == 0, uploaded.stderr
    served_stack.wait_for("/search?q=harbour&size=1", until=lambda body: body["total"] >= 1, timeout=120)
    return served_stack


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_is_documented_and_none_is_a_server_error(
    case: schemathesis.Case, api: ServedStack, record_property: Callable[[str, object], None]
) -> None:
    case.call_and_validate(base_url=api.api_url, timeout=30, excluded_checks=NOT_OUR_PREMISES)
    record_property("cases", 1)
