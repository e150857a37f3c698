"""Concurrent HTTP clients for a fixed time, and the latency figures of what they saw.

Each client is a thread that sends one GET at a time (a new connection per request, as the local gateway speaks
HTTP/1.0) and records when it started, how long it took and the status (0 for a request that raised: refused,
reset, timed out). Only requests that start after the warm-up and finish before the end of the window count.
"""

from __future__ import annotations

import http.client
import itertools
import math
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlsplit

CLIENT_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Sample:
    """One request: start (perf_counter seconds), latency (ms) and HTTP status (0 when the request raised)."""

    started: float
    latency_ms: float
    status: int


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation between closest ranks; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def summarize(samples: Sequence[Sample], window_seconds: float, clients: int) -> dict[str, Any]:
    """The load figures of one level: p50/p90/p99/max over every request (ms), requests_per_s (completed per second
    of the window), errors (non-2xx or raised), and the 503s apart (count, p50, p99): an overloaded service should
    answer them fast. `ok_p99_ms` is the p99 of the 2xx answers alone."""
    latencies = [s.latency_ms for s in samples]
    ok = [s.latency_ms for s in samples if 200 <= s.status < 300]
    unavailable = [s.latency_ms for s in samples if s.status == 503]
    statuses: dict[str, int] = {}
    for s in samples:
        statuses[str(s.status)] = statuses.get(str(s.status), 0) + 1
    return {
        "clients": clients,
        "duration_s": round(window_seconds, 2),
        "requests": len(samples),
        "requests_per_s": round(len(samples) / window_seconds, 2) if window_seconds > 0 else None,
        "p50_ms": _rounded(percentile(latencies, 50)),
        "p90_ms": _rounded(percentile(latencies, 90)),
        "p99_ms": _rounded(percentile(latencies, 99)),
        "max_ms": _rounded(max(latencies, default=None)),
        "ok_p99_ms": _rounded(percentile(ok, 99)),
        "errors": len(samples) - len(ok),
        "status_counts": statuses,
        "unavailable_503": len(unavailable),
        "p50_503_ms": _rounded(percentile(unavailable, 50)),
        "p99_503_ms": _rounded(percentile(unavailable, 99)),
    }


def _get(host: str, port: int, path: str) -> int:
    connection = http.client.HTTPConnection(host, port, timeout=CLIENT_TIMEOUT_SECONDS)
    try:
        connection.request("GET", path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def run_level(
    base_url: str,
    queries: Sequence[str],
    clients: int,
    duration_s: float,
    warmup_s: float = 2.0,
    seed: int = 0,
) -> tuple[dict[str, Any], list[Sample]]:
    """`clients` threads searching `base_url`/search?q=... for warmup_s + duration_s seconds.

    Returns the summary (see summarize) and the counted samples (for the charts). Each client walks the queries
    in its own shuffled order, so concurrent clients rarely ask the same thing at the same moment.
    """
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    paths = [f"/search?q={quote_plus(q)}" for q in queries]
    start = time.perf_counter()
    counted_from, stop_at = start + warmup_s, start + warmup_s + duration_s
    results: list[list[Sample]] = [[] for _ in range(clients)]

    def client(number: int) -> None:
        order = list(paths)
        random.Random(f"{seed}-{number}").shuffle(order)
        for path in itertools.cycle(order):
            began = time.perf_counter()
            if began >= stop_at:
                return
            try:
                status = _get(host, port, path)
            except (OSError, http.client.HTTPException):
                status = 0
            ended = time.perf_counter()
            if began >= counted_from and ended <= stop_at:
                results[number].append(Sample(began, (ended - began) * 1000, status))

    threads = [threading.Thread(target=client, args=(n,), name=f"load-{n}", daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=warmup_s + duration_s + CLIENT_TIMEOUT_SECONDS + 5)
    samples = sorted((s for per_client in results for s in per_client), key=lambda s: s.started)
    return summarize(samples, duration_s, clients), samples
