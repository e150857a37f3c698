"""The local gateway serves each request with its own event, however many arrive at once (session 41)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver

from archive_search_cli.gateway import make_server
from archive_search_cli.template import local_stack_spec


def test_requests_at_once_are_each_answered_from_their_own_event() -> None:
    # Given a Powertools resolver, as the search function's, whose route reads the current event after a pause (the
    # search's engine requests), served with room for 4 requests at once
    app = APIGatewayHttpResolver()

    @app.get("/echo")
    def echo() -> dict[str, Any]:
        time.sleep(0.05)
        return {"q": app.current_event.get_query_string_value("q")}

    server = make_server("127.0.0.1", 0, lambda event, context: app.resolve(event, context), max_concurrency=4)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    def ask(q: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/echo?q={q}") as response:
            return str(json.load(response)["q"])

    try:
        # When 4 different queries are sent at once, three times over
        with ThreadPoolExecutor(4) as pool:
            queries = [f"query{n}" for n in range(12)]
            answers = list(pool.map(ask, queries))
    finally:
        server.shutdown()
        server.server_close()

    # Then each is answered from its own event (two events at once in one process answered with another's)
    assert answers == queries


def test_a_query_sent_as_its_utf8_bytes_is_read_as_utf8() -> None:
    # curl sends `?q=grüße` as its bytes, not percent-encoded: it was searched as `grÃ¼Ã\x9fe` (session 48's new user)
    app = APIGatewayHttpResolver()

    @app.get("/echo")
    def echo() -> dict[str, Any]:
        return {"q": app.current_event.get_query_string_value("q")}

    server = make_server("127.0.0.1", 0, lambda event, context: app.resolve(event, context))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        answers = []
        for raw in ("gr\u00fc\u00dfe".encode(), "caf\u00e9".encode("latin-1"), b"caf\xc3\xa9\xff", b"caf%C3%A9%FF"):
            with socket.create_connection(("127.0.0.1", server.server_address[1])) as connection:
                connection.sendall(b"GET /echo?q=" + raw + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                response = b""
                while chunk := connection.recv(65536):
                    response += chunk
            answers.append(json.loads(response.split(b"\r\n\r\n", 1)[1])["q"])
    finally:
        server.shutdown()
        server.server_close()

    # each byte that is no UTF-8 is U+FFFD, sent raw or %-encoded alike (it was read as Latin-1: `cafÃ©ÿ`)
    assert answers == ["gr\u00fc\u00dfe", "caf\ufffd", "caf\u00e9\ufffd", "caf\u00e9\ufffd"]


def _raw_exchange(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize(
    "request_line",
    [
        b"GARBAGE",
        b"GET / HTTP/\x01",
        b"GET /<&> x y z",
        b"GET /health",
        b"GET /static/app.js",
        b"GET /search?q=oil HTTP/0.9",  # named, it was still answered with a bare body (session 56's review)
        b"GET /health HTTP/00.9",
        b"GET /health HTTP/0.5",
    ],
)
def test_a_request_line_without_a_readable_version_gets_a_400_with_a_status_line(request_line: bytes) -> None:
    # http.server took such a line for HTTP/0.9 and answered with a bare body, no status line (session 56's new
    # user: `printf 'GARBAGE\r\n\r\n' | nc`); API Gateway speaks HTTP/1.x only, so `GET /health` is a 400 too
    seen: list[str] = []

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append(event["rawPath"])
        return {"statusCode": 200, "body": "{}"}

    server = make_server("127.0.0.1", 0, handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        answer = _raw_exchange(server.server_address[1], request_line + b"\r\n\r\n")
    finally:
        server.shutdown()
        server.server_close()

    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0] == b"HTTP/1.0 400 Bad Request"
    assert b"content-type: application/json" in head.lower()
    assert json.loads(body)["error"]["code"] == "http_400"
    assert seen == []


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_static_file_not_there_is_the_json_404_of_every_other_path(method: str) -> None:
    # It was text/plain `not found`, where `/nope` and API paths answer JSON (session 56's new user)
    server = make_server("127.0.0.1", 0, lambda event, context: {"statusCode": 200, "body": "{}"}, routes=["/search"])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        answers = [
            _raw_exchange(port, f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            for path in ("/static/missing.js", "/nope")
        ]
    finally:
        server.shutdown()
        server.server_close()

    for answer in answers:
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.0 404 ") and b"content-type: application/json" in head.lower()
        assert body == (b"" if method == "HEAD" else b'{"message":"Not Found"}')


def test_the_search_handler_is_told_the_memory_size_it_is_given() -> None:
    # Powertools logs it as function_memory_size: it read a fixed 512 where the template gives 1024 (session 53)
    memory: list[int] = []

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        memory.append(context.memory_limit_in_mb)
        return {"statusCode": 200, "body": "{}"}

    server = make_server("127.0.0.1", 0, handler, memory_mb=1024)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/health").close()
    finally:
        server.shutdown()
        server.server_close()
    assert memory == [1024]


@pytest.mark.parametrize(
    ("path", "routed"),
    [
        ("/search?q=kerry", True),
        ("/suggest?q=ker", True),
        ("/articles/2015/05/kerry", True),
        ("/articles/2015/05/kerry/", True),  # the id route's rest of the path: the function drops the slash
        ("/related/2015/05/kerry", True),
        ("/health", True),
        ("/openapi.json", True),
        ("/search/?q=kerry", False),  # an HTTP API route cannot end in a slash: API Gateway's own 404
        ("/suggest/?q=ker", False),
        ("/health/", False),
        ("/articles/", False),  # a greedy variable is one character or more
        ("/nope", False),
    ],
)
def test_with_the_templates_routes_a_path_none_matches_is_api_gateways_404(path: str, routed: bool) -> None:
    # `/search/` reached the function locally (its no_such_route) and is API Gateway's 404 in AWS (session 54).
    seen: list[str] = []

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append(event["rawPath"])
        return {"statusCode": 200, "body": "{}"}

    server = make_server("127.0.0.1", 0, handler, routes=local_stack_spec().api_routes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}{path}") as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    finally:
        server.shutdown()
        server.server_close()

    if routed:
        assert (status, seen) == (200, [path.split("?")[0]])
    else:
        assert (status, body, seen) == (404, b'{"message":"Not Found"}', [])
