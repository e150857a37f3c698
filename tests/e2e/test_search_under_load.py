"""Readers keep searching while editors upload: 8 clients search the local API for a minute while a stream of
uploads is ingested beside them. No answer may be an error; the latencies are reported, not asserted (this machine
is shared and small, so they are a benchmark figure, not a promise).

SEARCH_LOAD_SECONDS (60), SEARCH_LOAD_CLIENTS (8) and SEARCH_LOAD_UPLOADS_PER_SECOND (5: 18,000 an hour, far beyond a
newsroom's pace, and about what ingest keeps up with here while the searches run) set the run; `make reliability`
runs it. Every upload must be searchable once the stream ends.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from archive_search_cli.local_aws import aws_client
from tests.e2e.conftest import ServedStack

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.long_scenario,
    pytest.mark.attack("8 clients searching for 60 s while uploads stream"),
]
SECONDS = float(os.environ.get("SEARCH_LOAD_SECONDS", "60"))
CLIENTS = int(os.environ.get("SEARCH_LOAD_CLIENTS", "8"))
UPLOADS_PER_SECOND = float(os.environ.get("SEARCH_LOAD_UPLOADS_PER_SECOND", "5"))
VOCABULARY = """
harbour ferry council budget storm damage lifeboat crew festival museum library school roof bridge market fishing quay
lighthouse election mayor tide flood defence parking tram railway station hospital theatre concert choir painter poet
prize orchard harvest weather winter summer repairs tourism hotel airport
"""
WORDS = VOCABULARY.split()
SECTIONS = ("Local", "Politics", "Culture", "Sport", "Business")


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, elapsed_ms: float, error: str | None) -> None:
        with self.lock:
            self.latencies_ms.append(elapsed_ms)
            if error is not None:
                self.errors.append(error)


def _article(rng: random.Random, n: int) -> bytes:
    title = " ".join(rng.choices(WORDS, k=rng.randint(3, 7))).capitalize()
    paragraphs = [" ".join(rng.choices(WORDS, k=rng.randint(20, 60))).capitalize() + "." for _ in range(3)]
    return json.dumps(
        {
            "title": f"{title} {n}",
            "body": "\n\n".join(paragraphs),
            "author": rng.choice(["Mira Okonkwo", "Ann Writer", "José Pérez"]),
            "section": rng.choice(SECTIONS),
            "published": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "tags": rng.sample(WORDS, 2),
        }
    ).encode()


def _request(rng: random.Random) -> str:
    """What a reader asks: words, sometimes a filter, a sort, a second page, or as-you-type suggestions."""
    words = " ".join(rng.choices(WORDS, k=rng.randint(1, 3)))
    roll = rng.random()
    if roll < 0.2:
        return "/suggest?" + urllib.parse.urlencode({"q": words[: rng.randint(2, len(words))]})
    params: dict[str, str] = {"q": words}
    if roll < 0.35:
        params["section"] = rng.choice(SECTIONS)
    elif roll < 0.45:
        params["sort"] = rng.choice(["newest", "oldest"])
    elif roll < 0.5:
        params["page"] = "2"
    return "/search?" + urllib.parse.urlencode(params)


def _client(stack: ServedStack, seed: int, deadline: float, tally: Tally) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        path = _request(rng)
        started = time.perf_counter()
        error = None
        try:
            with urllib.request.urlopen(stack.api_url + path, timeout=30) as response:
                response.read()
                if not 200 <= response.status < 300:
                    error = f"{response.status} {path}"
        except urllib.error.HTTPError as exc:
            error = f"{exc.code} {path}: {exc.read()[:200]!r}"
        except OSError as exc:
            error = f"{exc.__class__.__name__} {path}: {exc}"
        tally.add((time.perf_counter() - started) * 1000, error)


def _uploader(stack: ServedStack, stop: threading.Event, uploaded: list[int]) -> None:
    s3 = aws_client("s3", stack.aws_endpoint_url)
    rng = random.Random(7)
    started = time.monotonic()
    while not stop.is_set():
        n = len(uploaded)
        s3.put_object(Bucket=stack.uploads_bucket, Key=f"incoming/load/story-{n:05d}.json", Body=_article(rng, n))
        uploaded.append(n)
        stop.wait(max(0.0, started + (n + 1) / UPLOADS_PER_SECOND - time.monotonic()))


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def test_readers_get_answers_while_uploads_stream(
    served_stack: ServedStack, record_property: Callable[[str, object], None]
) -> None:
    _, health = served_stack.get("/health")
    documents_before = health.get("documents") or 0
    tally, uploaded, stop = Tally(), list[int](), threading.Event()
    uploader = threading.Thread(target=_uploader, args=(served_stack, stop, uploaded))

    # Given a stream of uploads being ingested
    uploader.start()
    try:
        time.sleep(2)
        # When 8 readers search as fast as they get answers for a minute
        deadline = time.monotonic() + SECONDS
        clients = [
            threading.Thread(target=_client, args=(served_stack, seed, deadline, tally)) for seed in range(CLIENTS)
        ]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
    finally:
        stop.set()
        uploader.join()
    _, health = served_stack.get("/health")
    ingested = (health.get("documents") or 0) - documents_before
    stream_ended = time.monotonic()
    served_stack.wait_for(
        "/health", until=lambda body: (body.get("documents") or 0) >= documents_before + len(uploaded), timeout=600
    )
    caught_up = time.monotonic() - stream_ended

    # Then every answer was a success; how fast is reported
    requests = len(tally.latencies_ms)
    p50, p99 = _percentile(tally.latencies_ms, 0.5), _percentile(tally.latencies_ms, 0.99)
    figure = (
        f"{CLIENTS} clients, {SECONDS:.0f} s: {requests:,} requests ({requests / SECONDS:.0f}/s), "
        f"p50 {p50:.0f} ms, p99 {p99:.0f} ms, mean {statistics.fmean(tally.latencies_ms):.0f} ms; "
        f"{len(uploaded):,} uploads, {ingested:,} of them indexed meanwhile, all {caught_up:.0f} s after the stream"
    )
    print(figure)
    record_property("figure", figure)
    record_property("cases", requests)
    assert requests > 0 and ingested > 0
    assert tally.errors == [], f"{len(tally.errors)} of {requests} answers were errors, e.g. {tally.errors[:5]}"
