"""Whatever order, duplication or concurrency the notifications come with, the index equals what S3 holds."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, cast

import pytest
from aws_lambda_powertools.utilities.typing import LambdaContext

from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
from archive_search.adapters.s3_stores import S3ArchiveStore, S3UploadSource
from archive_search.errors import RejectedUploadError
from archive_search.handlers import ingest
from archive_search.operations import UploadsLocation, verify
from archive_search.parsing import parse_upload
from archive_search_cli.worker import FakeLambdaContext, sqs_event
from tests.integration.conftest import LocalPipeline

pytestmark = [
    pytest.mark.integration,
    pytest.mark.attack("duplicated and shuffled notifications from concurrent workers"),
]
SEED = 20261128
STEMS = [f"converge/story-{n}" for n in range(8)]


def _mutations(rng: random.Random, count: int) -> list[tuple[str, str, bytes | None]]:
    """(stem, extension, body or None for a delete); some bodies are invalid, some stems get a second format."""
    steps: list[tuple[str, str, bytes | None]] = []
    for n in range(count):
        stem = rng.choice(STEMS)
        extension = rng.choice([".json", ".json", ".json", ".txt"])
        roll = rng.random()
        if roll < 0.2:
            steps.append((stem, extension, None))
        elif roll < 0.3:
            steps.append((stem, ".json", b'{"title": "broken'))
        elif extension == ".txt":
            steps.append((stem, ".txt", f"Legacy headline {n}\n\n(By Ann Writer)\n\nText {n}.".encode()))
        else:
            steps.append((stem, ".json", json.dumps({"title": f"Headline {n}", "body": f"Text {n}."}).encode()))
    return steps


def _expected_titles(pipeline: LocalPipeline) -> dict[str, str]:
    """What S3 holds now: for each stem, the title of its newest upload if that upload is valid."""
    latest = S3UploadSource(pipeline.s3).latest_uploads(pipeline.uploads_bucket, pipeline.upload_prefix)
    expected = {}
    for stem, version in latest.items():
        body = pipeline.s3.get_object(Bucket=pipeline.uploads_bucket, Key=version.key)["Body"].read()
        try:
            expected[stem.removeprefix(pipeline.upload_prefix)] = parse_upload(version.key, body).title
        except RejectedUploadError:
            continue  # an invalid upload has no article
    return expected


def _indexed_titles(pipeline: LocalPipeline) -> dict[str, str]:
    pipeline.engine.indices.refresh(index=pipeline.alias)
    hits = pipeline.engine.search(index=pipeline.alias, body={"query": {"match_all": {}}, "size": 100})
    return {hit["_id"]: hit["_source"]["title"] for hit in hits["hits"]["hits"]}


def test_shuffled_duplicated_concurrent_notifications_converge(
    pipeline: LocalPipeline, record_property: Callable[[str, object], None]
) -> None:
    rng = random.Random(SEED)
    captured: list[dict[str, Any]] = []
    lock = threading.Lock()

    def recording_handler(event: dict[str, Any], context: Any) -> Any:
        with lock:
            captured.extend(event["Records"])
        return ingest.handler(event, context)

    pipeline.worker._handler = recording_handler

    # Given editors changing the same articles while four workers consume the live queue
    stop = threading.Event()

    def consume() -> None:
        while not stop.is_set():
            pipeline.worker.poll_once(wait_seconds=0)

    workers = [threading.Thread(target=consume) for _ in range(4)]
    for worker in workers:
        worker.start()
    for stem, extension, body in _mutations(rng, 80):
        key = f"{stem}{extension}"
        if body is None:
            pipeline.delete(key)
        else:
            pipeline.upload(key, body)
    stop.set()
    for worker in workers:
        worker.join()
    pipeline.drain()
    expected = _expected_titles(pipeline)
    assert expected, "the random walk should leave some valid articles"
    assert _indexed_titles(pipeline) == expected, "live processing alone must converge"

    # When every notification is replayed late, shuffled and duplicated, by concurrent workers
    replay = [record for record in captured for _ in range(rng.randint(1, 3))]
    rng.shuffle(replay)
    batches = [replay[i : i + 10] for i in range(0, len(replay), 10)]
    context = cast(LambdaContext, FakeLambdaContext())
    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(lambda batch: ingest.handler(sqs_event_from(batch), context), batches))

    # Then nothing failed, and the index and archive equal what S3 holds
    assert all(response["batchItemFailures"] == [] for response in responses)
    assert _indexed_titles(pipeline) == expected
    report = verify(
        S3ArchiveStore(pipeline.s3, pipeline.archive_bucket),
        OpenSearchIndexAdmin(pipeline.engine, pipeline.alias),
        S3UploadSource(pipeline.s3),
        UploadsLocation(pipeline.uploads_bucket, pipeline.upload_prefix, "reports/"),
    )
    assert report.drift == 0, report
    record_property("cases", len(captured) + len(replay))  # notifications handled


def sqs_event_from(records: list[dict[str, Any]]) -> dict[str, Any]:
    messages = [{"MessageId": r["messageId"], "ReceiptHandle": r["receiptHandle"], "Body": r["body"]} for r in records]
    return sqs_event(messages, records[0]["eventSourceARN"])
