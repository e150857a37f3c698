"""The OpenSearch adapter's error translation: what each client error becomes (no network; the client's own
exception classes, as opensearch-py raises them)."""

from __future__ import annotations

import pytest
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout, RequestError, TransportError

from archive_search.adapters.opensearch_index import translated_errors
from archive_search.errors import EngineRefusedRequestError, InvalidQueryError, SearchUnavailableError


@pytest.mark.parametrize(
    "error",
    [
        RequestError(400, "search_phase_execution_exception", {"error": {"caused_by": {"type": "too_many_clauses"}}}),
        RequestError(400, "too_long_http_line_exception", "An HTTP line is larger than 4096 bytes."),
        RequestError(400, "parsing_exception", "unknown query [no_such_query]"),
    ],
)
def test_an_engine_400_is_a_refusal_of_our_request_not_a_reader_fault(error: RequestError) -> None:
    with pytest.raises(EngineRefusedRequestError) as raised, translated_errors():
        raise error

    assert not isinstance(raised.value, InvalidQueryError)
    assert error.error in str(raised.value), "the log keeps the engine's reason"


@pytest.mark.parametrize(
    "error",
    [
        EngineConnectionError("N/A", "refused", OSError()),
        ConnectionTimeout("TIMEOUT", "timed out", OSError()),
        TransportError(429, "rejected_execution_exception", {}),
        TransportError(503, "unavailable", {}),
    ],
)
def test_an_unreachable_or_overloaded_engine_is_unavailable(error: Exception) -> None:
    with pytest.raises(SearchUnavailableError), translated_errors():
        raise error


@pytest.mark.parametrize("cause", ["too_many_nested_clauses", "too_many_clauses"])
def test_an_engine_500_for_a_limit_our_request_exceeds_is_a_refusal_not_an_outage(cause: str) -> None:
    # As the engine answers a query of more than 1,024 clauses in all (each bool of fewer)
    body = {"error": {"root_cause": [{"type": cause}], "type": "search_phase_execution_exception"}, "status": 500}
    with pytest.raises(EngineRefusedRequestError) as raised, translated_errors():
        raise TransportError(500, "search_phase_execution_exception", body)

    assert cause in str(raised.value), "the log keeps the engine's reason"


@pytest.mark.parametrize(
    "info",
    [
        {"error": {"root_cause": [{"type": "too_many_clauses"}, {"type": "node_closed_exception"}]}},
        {"error": {"root_cause": []}},
        {"error": "internal"},
        "<html>Internal Server Error</html>",
    ],
)
def test_any_other_engine_500_is_unavailable(info: object) -> None:
    with pytest.raises(SearchUnavailableError), translated_errors():
        raise TransportError(500, "search_phase_execution_exception", info)
