"""The search handler's cost over the engine requests it sends, in its own process (run by bench/perf.py).

    python -m bench.search_perf SPEC.json RESULT.json     # SPEC: {"opensearch_url", "alias", "queries", "profile"}

The real handler (handlers/search.py, local configuration as `archive-search serve` gives it) answers API Gateway
HTTP API v2 events, one per query, as the local gateway builds them. A first pass warms the engine, captures every
request the handler sends (Transport.perform_request: method, path, parameters, body) and times categories inside
the handler (engine requests by endpoint, query embedding, similarities; counted after WARMUP_QUERIES). Then, query
by query, the handler is timed, and right after it the same requests are replayed one after another with a plain
opensearch-py client (no compression, no retries): the raw engine time of that search; and once more with gzip
(http_compress, which the reader's path sent until 2026-11-30), to show what compression costs. All see equally
warm engine caches. If asked, a cProfile pass over PROFILED_QUERIES searches lists the functions that take the time.

Runs in a child process so that the function's environment (os.environ) and its log lines (Powertools writes one
JSON line per search to stdout) stay out of the benchmark's own process: the parent sends stdout to a log file.
"""

from __future__ import annotations

import inspect
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.instrument import Timers, engine_category, profiled
from bench.loadgen import percentile

Request = tuple[str, str, dict[str, Any] | None, Any]  # method, path, query parameters, body
WARMUP_QUERIES = 30  # searched before the breakdown starts counting (the engine's caches, the JIT)
PROFILED_QUERIES = 100


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _summary(values_ms: list[float]) -> dict[str, float | None]:
    return {
        "p50_ms": round(statistics.median(values_ms), 2) if values_ms else None,
        "p90_ms": _round(percentile(values_ms, 90)),
        "p99_ms": _round(percentile(values_ms, 99)),
        "mean_ms": round(statistics.fmean(values_ms), 2) if values_ms else None,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def run(opensearch_url: str, alias: str, queries: list[str], profile: bool) -> dict[str, Any]:
    """The measurements described in the module docstring; times in ms per search."""
    from archive_search_cli.stack import configure_function_environment

    # The search function never calls S3 or SQS: the AWS endpoint is only there because the helper sets it.
    configure_function_environment("http://127.0.0.1:9", opensearch_url, "SearchFunction")
    os.environ["INDEX_ALIAS"] = alias

    from opensearchpy import OpenSearch
    from opensearchpy.transport import Transport

    from archive_search.adapters.text_encoder import MiniLMEncoder
    from archive_search.handlers import search
    from archive_search_cli.gateway import http_api_event
    from archive_search_cli.worker import FakeLambdaContext

    headers = {"Host": "127.0.0.1", "Accept": "application/json", "User-Agent": "bench"}
    events = [http_api_event("GET", f"/search?q={quote_plus(q)}", headers) for q in queries]

    def invoke(event: dict[str, Any]) -> int:
        response = search.handler(event, FakeLambdaContext(function_name="SearchFunction"))
        return int(response["statusCode"])

    # Pass 1: the requests each search sends, and where the handler's time goes (counted after a warm-up).
    signature = inspect.signature(Transport.perform_request)
    captured: list[list[Request]] = []
    original = Transport.perform_request

    def capturing(self: Any, *args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(self, *args, **kwargs)
        bound.apply_defaults()
        a = bound.arguments
        params = dict(a["params"]) if a["params"] else None
        captured[-1].append((a["method"], a["url"], params, a["body"]))
        return original(self, *args, **kwargs)

    statuses: dict[str, int] = {}
    timers = Timers()
    warmup = min(WARMUP_QUERIES, len(events) // 5)
    Transport.perform_request = capturing  # type: ignore[method-assign]
    try:
        with (
            timers.wrapped(Transport, "perform_request", engine_category),
            timers.wrapped(MiniLMEncoder, "embed", "query embedding"),
            timers.wrapped(MiniLMEncoder, "similarities", "rerank similarities"),
        ):
            for number, event in enumerate(events):
                if number == warmup:
                    timers.reset()
                    counted_from = time.perf_counter()
                captured.append([])
                status = invoke(event)
                statuses[str(status)] = statuses.get(str(status), 0) + 1
            total = time.perf_counter() - counted_from
    finally:
        Transport.perform_request = original  # type: ignore[method-assign]
    counted = len(events) - warmup
    categories = timers.snapshot()
    covered = sum(row["seconds"] for row in categories.values())
    breakdown = {
        name: {"ms_per_search": _ms(row["seconds"] / counted), "share": round(row["seconds"] / total, 3)}
        for name, row in categories.items()
    }
    breakdown["handler's own work (routing, query building, results, JSON, logs, metrics)"] = {
        "ms_per_search": _ms((total - covered) / counted),
        "share": round((total - covered) / total, 3),
    }

    # Pass 2, query by query (drift on a shared machine hits all three alike): the handler; the same requests sent
    # raw; and sent raw again gzip-compressed both ways, to show what compression would cost the reader's path.
    raw = OpenSearch(hosts=[opensearch_url], timeout=30, max_retries=0)
    compressed = OpenSearch(hosts=[opensearch_url], timeout=30, max_retries=0, http_compress=True)
    handler_ms: list[float] = []
    handler_cpu_ms: list[float] = []
    raw_ms: list[float] = []
    compressed_ms: list[float] = []
    for event, requests in zip(events, captured, strict=True):
        cpu, started = time.process_time(), time.perf_counter()
        invoke(event)
        handler_ms.append((time.perf_counter() - started) * 1000)
        handler_cpu_ms.append((time.process_time() - cpu) * 1000)
        for client, times in ((raw, raw_ms), (compressed, compressed_ms)):
            started = time.perf_counter()
            for method, url, params, body in requests:
                client.transport.perform_request(method, url, params=params, body=body)
            times.append((time.perf_counter() - started) * 1000)

    result: dict[str, Any] = {
        "queries": len(queries),
        "statuses": statuses,
        "engine_requests_per_search": round(sum(map(len, captured)) / len(captured), 2),
        "handler": {**_summary(handler_ms), "cpu_mean_ms": round(statistics.fmean(handler_cpu_ms), 2)},
        "raw_engine": _summary(raw_ms),
        "raw_engine_compressed": _summary(compressed_ms),
        "overhead_p50_ms": round(statistics.median(h - r for h, r in zip(handler_ms, raw_ms, strict=True)), 2),
        "ratio_p50": round(statistics.median(handler_ms) / statistics.median(raw_ms), 3),
        "breakdown": breakdown,
        "handler_ms": [round(v, 2) for v in handler_ms],
        "raw_ms": [round(v, 2) for v in raw_ms],
        "raw_compressed_ms": [round(v, 2) for v in compressed_ms],
    }
    if profile:
        result["profile"] = profiled(lambda: [invoke(event) for event in events[:PROFILED_QUERIES]])
        result["profiled_queries"] = min(PROFILED_QUERIES, len(events))
    return result


def main(argv: list[str] | None = None) -> int:
    spec_path, result_path = (argv if argv is not None else sys.argv[1:])[:2]
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    result = run(spec["opensearch_url"], spec["alias"], spec["queries"], bool(spec.get("profile")))
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
