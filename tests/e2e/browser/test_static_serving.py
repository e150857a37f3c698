"""The gateway serves the search page and its assets from web/, and nothing else from disk; the API keeps its routes."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archive_search_cli.gateway import WEB_ROOT, make_server, static_file_for
from tests.conftest import free_port

pytestmark = pytest.mark.e2e

TRAVERSALS = [
    "/static/../secret.txt",
    "/static/%2e%2e/secret.txt",
    "/static/%2E%2E%2Fsecret.txt",
    "/static/..%2fsecret.txt",
    "/static/sub/../../secret.txt",
    "/static/..\\secret.txt",
    "/static/%5c..%5csecret.txt",
    "/static//etc/passwd",
    "/static/%2Fetc%2Fpasswd",
    "/static/app.js%00.png",
    "/static/",
    "/static/./app.js",
]


@pytest.fixture
def web_root(tmp_path: Path) -> Path:
    web = tmp_path / "web"
    web.mkdir()
    (web / "index.html").write_text("<!doctype html><p>page</p>")
    (web / "app.js").write_text("void 0;")
    (web / "notes.md").write_text("not a served type")
    (tmp_path / "secret.txt").write_text("secret")
    (web / "escape.js").symlink_to(tmp_path / "secret.txt")
    return web


def test_page_and_assets_resolve_inside_web(web_root: Path) -> None:
    page = static_file_for("/?q=kerry&section=politics", web_root)
    assert page is not None and page.path == web_root / "index.html"
    assert page.content_type.startswith("text/html") and page.cache_control == "no-cache"

    script = static_file_for("/static/app.js", web_root)
    assert script is not None and script.path == (web_root / "app.js").resolve()
    assert script.content_type.startswith("text/javascript") and "max-age" in script.cache_control


@pytest.mark.parametrize("path", [*TRAVERSALS, "/static/escape.js", "/static/notes.md", "/static/missing.js"])
def test_nothing_outside_web_or_of_another_type_is_served(web_root: Path, path: str) -> None:
    found = static_file_for(path, web_root)

    assert found is not None and found.path is None


@pytest.mark.parametrize(
    "path", ["/search?q=x", "/suggest?q=x", "/health", "/openapi.json", "/articles/static/x", "/staticfile", "/web"]
)
def test_api_paths_are_not_static(path: str) -> None:
    assert static_file_for(path) is None


@pytest.fixture(scope="module")
def gateway() -> Iterator[tuple[int, list[str]]]:
    """The real gateway and web/ folder, with a stand-in search handler that records what reached it."""
    seen: list[str] = []

    def handler(event: dict[str, Any], _context: Any) -> dict[str, Any]:
        seen.append(event["rawPath"])
        return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": '{"routed": true}'}

    port = free_port()
    server = make_server("127.0.0.1", port, handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield port, seen
    server.shutdown()
    server.server_close()


def fetch(
    port: int, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    """A request with the path sent exactly as given (no client-side normalisation of `..`)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_the_page_is_served_with_its_security_headers(gateway: tuple[int, list[str]]) -> None:
    port, _ = gateway
    status, headers, body = fetch(port, "/")

    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert body == (WEB_ROOT / "index.html").read_bytes()
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "require-trusted-types-for 'script'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-cache"

    again, _, empty = fetch(port, "/", {"If-None-Match": headers["etag"]})
    assert (again, empty) == (304, b"")


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("archive-search.js", "text/javascript; charset=utf-8"),
        ("archive-search.css", "text/css; charset=utf-8"),
        ("favicon.svg", "image/svg+xml"),
    ],
)
def test_assets_have_their_types_and_are_cached(gateway: tuple[int, list[str]], name: str, content_type: str) -> None:
    port, _ = gateway
    status, headers, body = fetch(port, f"/static/{name}")

    assert status == 200
    assert headers["content-type"] == content_type
    assert headers["cache-control"] == "public, max-age=300"
    assert body == (WEB_ROOT / name).read_bytes()


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/pyproject.toml",
        "/static/..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e%5cpyproject.toml",
        "/static//etc/passwd",
        "/static/../cli/archive_search_cli/gateway.py",
    ],
)
def test_traversal_over_http_is_a_404(gateway: tuple[int, list[str]], path: str) -> None:
    port, seen = gateway
    before = len(seen)
    status, headers, body = fetch(port, path)

    assert status == 404
    assert b"[project]" not in body and b"root:" not in body and b"import" not in body
    assert headers["cache-control"] == "no-store"
    assert len(seen) == before  # answered by the static server, not passed on


@pytest.mark.parametrize(
    "path", ["/search?q=kerry", "/suggest?q=ker", "/articles/2015/05/kerry", "/health", "/openapi.json", "/nope"]
)
def test_every_other_path_reaches_the_search_handler(gateway: tuple[int, list[str]], path: str) -> None:
    port, seen = gateway
    status, _, body = fetch(port, path)

    assert status == 200 and body == b'{"routed": true}'
    assert seen[-1] == path.split("?")[0]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "TRACE", "HEAD", "PROPFIND"])
def test_methods_without_a_route_get_api_gateways_404_not_a_server_error(
    gateway: tuple[int, list[str]], method: str
) -> None:
    port, seen = gateway
    before = len(seen)

    # http.server answered these with a 501 HTML page (Schemathesis found it); API Gateway answers them itself.
    status, headers, body = fetch(port, "/search?q=kerry", method=method)

    assert status == 404 and headers["content-type"] == "application/json"
    assert body == (b"" if method == "HEAD" else b'{"message":"Not Found"}')
    assert len(seen) == before


def test_requests_beyond_the_search_functions_concurrency_get_a_fast_503_with_retry_after() -> None:
    # Given a gateway allowing one invocation at a time, and a handler held busy by the first request
    busy, release = threading.Event(), threading.Event()

    def handler(_event: dict[str, Any], _context: Any) -> dict[str, Any]:
        busy.set()
        release.wait(10)
        return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": "{}"}

    port = free_port()
    server = make_server("127.0.0.1", port, handler, max_concurrency=1)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    first: list[int] = []
    waiting = threading.Thread(target=lambda: first.append(fetch(port, "/search?q=a")[0]))
    waiting.start()
    try:
        assert busy.wait(10)
        # When another reader searches meanwhile, it is answered at once, not queued behind the first
        status, headers, body = fetch(port, "/search?q=b")
        assert status == 503 and headers["retry-after"] == "5"
        assert b'"code": "unavailable"' in body
    finally:
        release.set()
        waiting.join(10)
        server.shutdown()
        server.server_close()
    # Then the first search completes normally
    assert first == [200]


def test_a_request_line_too_long_gets_the_apis_json_error(gateway: tuple[int, list[str]]) -> None:
    # http.server answered a 100,000-character cursor with its HTML error page (session 22's review)
    port, seen = gateway
    routed = len(seen)
    status, headers, body = fetch(port, "/search?q=x&cursor=" + "a" * 100_000)

    assert status == 414 and headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "http_414"
    assert len(seen) == routed  # answered before any handler ran


@pytest.mark.parametrize(
    "request_line", [b'GET a b"c HTTP/1.1', b"GET / HTTP/1.1'", b"GET / HTTP/\x01", b"GET /<&> x y z"]
)
def test_a_malformed_request_gets_valid_json_and_a_standard_status_line(
    gateway: tuple[int, list[str]], request_line: bytes
) -> None:
    # The client's text went into the body unescaped (invalid JSON) and into the status line (session 22's review)
    port, _ = gateway
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request_line + b"\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")

    # With a status line even when the version is unreadable (it was answered as HTTP/0.9, without one: session 56)
    assert head.split(b"\r\n")[0] == b"HTTP/1.0 400 Bad Request"
    assert json.loads(body)["error"]["code"] == "http_400"
