"""A local stand-in for API Gateway's HTTP API: requests become v2 events for the real search handler.

It also serves the website's search page (`web/`): `/` is the page, `/static/<file>` its script, styles and icon.
Every other path goes to the search handler, as API Gateway would send it: given the template's routes, only a path
one of them matches, and any other is API Gateway's own 404.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from archive_search.api import RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE
from archive_search_cli.ports import API_SERVER_NAME
from archive_search_cli.template import LAMBDA_DEFAULT_MEMORY_MB, REPO_ROOT
from archive_search_cli.worker import FakeLambdaContext

logger = logging.getLogger(__name__)
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

WEB_ROOT = REPO_ROOT / "web"
PAGE_PATHS = frozenset({"/", "/index.html"})
STATIC_PREFIX = "/static/"
# Only these kinds of file are served; anything else in web/ (or outside it) is a 404.
STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}
# The page is revalidated on every load (cheap: ETag); its assets may be reused for five minutes.
PAGE_CACHE = "no-cache"
ASSET_CACHE = "public, max-age=300"
# Defence in depth on top of the page's own meta policy: no inline script, no string-to-DOM sinks, no framing.
PAGE_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


@dataclass(frozen=True)
class StaticFile:
    """What a page path resolves to; `path` is None when nothing may be served there (a 404)."""

    path: Path | None
    content_type: str = "text/plain; charset=utf-8"
    cache_control: str = "no-store"


def static_file_for(request_path: str, web_root: Path = WEB_ROOT) -> StaticFile | None:
    """The file of web/ that a GET of `request_path` serves, or None when the path is not the page's.

    Returns None for every path outside `/`, `/index.html` and `/static/...`, so those go to the API as before.
    A `/static/` path that escapes web/ (`..`, encoded or not, absolute parts, symlinks out) or names a missing
    file or an unlisted type yields a StaticFile without a path, which the server answers with 404.
    """
    path = urlsplit(request_path).path
    if path in PAGE_PATHS:
        return StaticFile(web_root / "index.html", STATIC_TYPES[".html"], PAGE_CACHE)
    if not path.startswith(STATIC_PREFIX):
        return None
    missing = StaticFile(None)
    relative = unquote(path[len(STATIC_PREFIX) :])
    parts = relative.split("/")
    if not relative or "\\" in relative or "\0" in relative or any(part in ("", ".", "..") for part in parts):
        return missing
    root = web_root.resolve()
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return missing
    content_type = STATIC_TYPES.get(candidate.suffix.lower())
    if content_type is None:
        return missing
    cache = PAGE_CACHE if candidate.suffix.lower() == ".html" else ASSET_CACHE
    return StaticFile(candidate, content_type, cache)


def http_api_event(method: str, raw_path: str, headers: dict[str, str], body: bytes = b"") -> dict[str, Any]:
    """An API Gateway HTTP API (payload format 2.0) event for one request."""
    parts = urlsplit(raw_path)
    query: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        # API Gateway joins repeated parameters with commas.
        query[name] = f"{query[name]},{value}" if name in query else value
    now = datetime.now(UTC)
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": parts.path,
        "rawQueryString": parts.query,
        "headers": {name.lower(): value for name, value in headers.items()},
        "queryStringParameters": query or None,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "local",
            "domainName": headers.get("Host", "127.0.0.1"),
            "http": {
                "method": method,
                "path": parts.path,
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": headers.get("User-Agent", ""),
            },
            "requestId": str(uuid.uuid4()),
            "routeKey": "$default",
            "stage": "$default",
            "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(now.timestamp() * 1000),
        },
        "body": base64.b64encode(body).decode() if body else None,
        "isBase64Encoded": bool(body),
    }


# The template routes GET only (and CORS answers OPTIONS): API Gateway answers any other method itself, with its own
# 404 body, before the function is invoked. http.server would answer them with a 501 HTML page.
ROUTED_METHODS = frozenset({"GET", "OPTIONS"})
NO_ROUTE_BODY = b'{"message":"Not Found"}'

# What the search function itself answers when the engine is overloaded (api.py), for a request over the limit.
OVERLOADED: dict[str, Any] = {
    "statusCode": 503,
    "headers": {"Content-Type": "application/json", "Cache-Control": "no-store", "Retry-After": RETRY_AFTER_SECONDS},
    "body": json.dumps({"error": {"code": "unavailable", "message": UNAVAILABLE_MESSAGE}}),
}


def route_pattern(routes: Collection[str]) -> re.Pattern[str]:
    """What API Gateway's HTTP API matches of `routes` (paths such as `/search`, `/articles/{id+}`): a literal path
    exactly, not with a slash after it (a route cannot end in one: `/search/` is API Gateway's 404; session 54), a
    `{name}` as one segment, a `{name+}` (greedy, last) as the rest of the path, one character or more."""
    parts = []
    for route in routes:
        pieces = re.split(r"(\{[^{}]+\})", route)
        parts.append(
            "".join(
                (".+" if piece.endswith("+}") else "[^/]+") if piece.startswith("{") else re.escape(piece)
                for piece in pieces
            )
        )
    return re.compile("|".join(parts) or "(?!)")


def make_server(
    host: str,
    port: int,
    handler: Handler,
    web_root: Path = WEB_ROOT,
    max_concurrency: int | None = None,
    memory_mb: int = LAMBDA_DEFAULT_MEMORY_MB,
    routes: Collection[str] | None = None,
) -> ThreadingHTTPServer:
    """The local HTTP API. `routes`: the template's GET route paths (LocalStackSpec.api_routes); a GET of a path
    none matches (route_pattern) is API Gateway's own 404 and never reaches the handler, as in AWS; without them,
    every path does. `max_concurrency`: as many requests admitted at once as the search function may serve in
    AWS (the template's SearchMaxConcurrency); a request beyond them is answered at once with the API's 503 and
    Retry-After, as a reader would want from an overloaded service, instead of waiting behind the others. The
    admitted ones run the handler one after another, as one Lambda execution environment runs its events:
    Powertools' resolver holds the current event on its class, and two events at once in one process answered a
    search with another's results (session 41: `untied kingdom` got the answer of `general manger`, sent beside it)."""
    slots = threading.BoundedSemaphore(max_concurrency) if max_concurrency else None
    routed = route_pattern(routes) if routes is not None else None
    one_event_at_a_time = threading.Lock()

    class RequestHandler(BaseHTTPRequestHandler):
        server_version = API_SERVER_NAME
        # What a request line without a readable version is taken for until it is refused. http.server's default,
        # HTTP/0.9, has no status line or headers: `GARBAGE` was answered with a bare body (session 56's new user).
        default_request_version = "HTTP/1.0"

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            """What http.server answers itself (a request line over 64 KB: 414; a malformed request: 400) in the API's
            error shape, not its HTML page (session 22's review: a 100,000-character cursor got HTML); the status
            line holds the standard phrase, never the client's text."""
            phrase = self.responses.get(code, ("Error", ""))[0]
            payload = json.dumps({"error": {"code": f"http_{code}", "message": message or phrase}}).encode()
            self.send_response(code, phrase)
            self.send_header("Connection", "close")
            self.send_header("Content-Type", "application/json")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if getattr(self, "command", None) != "HEAD" and code >= 200 and code not in (204, 304):
                self.wfile.write(payload)

        def parse_request(self) -> bool:
            """http.server reads the request line as Latin-1: a query typed in UTF-8 and sent as its bytes, as curl
            sends `?q=grüße`, was searched as `grÃ¼Ã\x9fe` (session 48's new user). Read as UTF-8, as API Gateway
            reads it, each byte that is no UTF-8 as U+FFFD, as a `%FF` is (session 56: `caf\xc3\xa9\xff` was read
            as Latin-1 whole, `cafÃ©ÿ`). A request line of two words (`GET /health`) is HTTP/0.9, and so is one
            naming a version below 1.0 (`HTTP/0.9`, answered with a bare body until session 56's review): API Gateway
            speaks neither, a 400."""
            if not super().parse_request():
                return False
            if len(self.requestline.split()) == 2:
                self.send_error(400, "a request line needs an HTTP version (HTTP/1.1)")
                return False
            # super() took `HTTP/` and two whole numbers (leading zeros ignored, RFC 2145); one major 0 is below 1.0.
            if int(self.request_version[len("HTTP/") :].split(".")[0]) < 1:
                # http.server writes no status line for an HTTP/0.9 request: answered as its default version is.
                self.request_version = self.default_request_version
                self.send_error(400, "HTTP versions below 1.0 are not spoken here; send HTTP/1.1")
                return False
            self.path = self.path.encode("latin-1").decode("utf-8", "replace")
            return True

        def do_GET(self) -> None:
            static = static_file_for(self.path, web_root)
            if static is not None:
                self._serve_static(static)
            elif routed is not None and not routed.fullmatch(urlsplit(self.path).path):
                self._no_route()
            else:
                self._invoke()

        def do_HEAD(self) -> None:
            static = static_file_for(self.path, web_root)
            if static is not None:
                self._serve_static(static, with_body=False)
            else:
                self._no_route(with_body=False)

        def __getattr__(self, name: str) -> Any:
            """`do_POST`, `do_TRACE`, ...: every method without a route (http.server looks them up by name)."""
            if name.startswith("do_") and name[3:] not in ROUTED_METHODS:
                return self._no_route
            raise AttributeError(name)

        def _no_route(self, with_body: bool = True, headers: dict[str, str] | None = None) -> None:
            self.send_response(404)
            self.send_header("Content-Type", "application/json")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(NO_ROUTE_BODY)))
            self.end_headers()
            if with_body:
                self.wfile.write(NO_ROUTE_BODY)

        def _serve_static(self, static: StaticFile, with_body: bool = True) -> None:
            try:
                if static.path is None:
                    raise FileNotFoundError(self.path)
                payload = static.path.read_bytes()
            except OSError:
                # The 404 of a path nothing serves, JSON as every other (it was text/plain `not found`)
                self._no_route(with_body, {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"})
                return
            etag = '"' + hashlib.sha256(payload).hexdigest()[:32] + '"'
            status = 304 if etag in (self.headers.get("If-None-Match") or "") else 200
            self.send_response(status)
            self.send_header("Content-Type", static.content_type)
            self.send_header("Cache-Control", static.cache_control)
            self.send_header("ETag", etag)
            if static.content_type.startswith("text/html"):
                for name, value in PAGE_SECURITY_HEADERS.items():
                    self.send_header(name, value)
            else:
                self.send_header("X-Content-Type-Options", "nosniff")
            if status == 304:
                self.end_headers()
                return
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if with_body:
                self.wfile.write(payload)

        def do_OPTIONS(self) -> None:
            self._invoke()

        def _invoke(self) -> None:
            started = time.perf_counter()
            if slots is not None and not slots.acquire(blocking=False):
                result = OVERLOADED
            else:
                try:
                    event = http_api_event(self.command, self.path, dict(self.headers.items()))
                    with one_event_at_a_time:
                        context = FakeLambdaContext(function_name="SearchFunction", memory_limit_in_mb=memory_mb)
                        result = handler(event, context)
                finally:
                    if slots is not None:
                        slots.release()
            body = result.get("body") or ""
            payload = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode()
            self.send_response(int(result.get("statusCode", 200)))
            for name, value in (result.get("headers") or {}).items():
                self.send_header(name, str(value))
            for name, values in (result.get("multiValueHeaders") or {}).items():
                for value in values:
                    self.send_header(name, str(value))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            logger.info(
                "%s %s -> %s in %.0f ms",
                self.command,
                self.path,
                result.get("statusCode"),
                (time.perf_counter() - started) * 1000,
            )

        def log_message(self, format: str, *args: Any) -> None:
            """Requests are logged once, in _invoke."""

    return ThreadingHTTPServer((host, port), RequestHandler)
