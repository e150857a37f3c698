"""A local stand-in for API Gateway's HTTP API: requests become v2 events for the real search handler."""

from __future__ import annotations

import base64
import logging
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from archive_search_cli.worker import FakeLambdaContext

logger = logging.getLogger(__name__)
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


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


def make_server(host: str, port: int, handler: Handler) -> ThreadingHTTPServer:
    class RequestHandler(BaseHTTPRequestHandler):
        server_version = "archive-search-local"

        def do_GET(self) -> None:
            self._invoke()

        def do_OPTIONS(self) -> None:
            self._invoke()

        def _invoke(self) -> None:
            started = time.perf_counter()
            event = http_api_event(self.command, self.path, dict(self.headers.items()))
            result = handler(event, FakeLambdaContext(function_name="SearchFunction"))
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
