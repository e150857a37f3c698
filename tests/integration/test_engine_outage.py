"""The engine stops in the middle of an ingest; once it is back, every article is indexed and nothing is lost."""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from opensearchpy import OpenSearch, TransportError

from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
from archive_search.adapters.s3_stores import S3ArchiveStore, S3UploadSource
from archive_search.handlers import ingest
from archive_search.handlers.ingest import ENGINE_CLIENT_RETRIES, REPORT_SECONDS
from archive_search.operations import UploadsLocation, verify
from archive_search_cli.opensearch_node import OpenSearchNode
from archive_search_cli.worker import FakeLambdaContext, sqs_event
from tests.conftest import free_port
from tests.integration.conftest import LocalPipeline

pytestmark = pytest.mark.integration
ARTICLES = 60


@pytest.fixture
def own_node(pipeline: LocalPipeline) -> Iterator[tuple[OpenSearchNode, LocalPipeline]]:
    """A node of this test's own, which it may stop, wired into the pipeline's ingest handler."""
    if os.environ.get("OPENSEARCH_URL"):
        pytest.fail("this test stops its own node; unset OPENSEARCH_URL to run it")
    data_dir = Path(tempfile.mkdtemp(prefix="archive-search-outage-"))
    node = OpenSearchNode(data_dir, free_port())
    node.start()
    os.environ["OPENSEARCH_ENDPOINT"] = node.url
    ingest.ingest_service.cache_clear()
    pipeline.engine = OpenSearch(hosts=[node.url])
    try:
        yield node, pipeline
    finally:
        node.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.mark.attack("engine stopped during an upload stream")
def test_articles_survive_an_engine_outage_mid_ingest(own_node: tuple[OpenSearchNode, LocalPipeline]) -> None:
    node, pipeline = own_node
    for n in range(ARTICLES):
        pipeline.upload(f"outage/a{n:03d}.json", json.dumps({"title": f"Outage {n}", "body": "Text."}).encode())

    stop = threading.Event()

    def consume() -> None:
        while not stop.is_set():
            pipeline.worker.poll_once(wait_seconds=1)

    worker = threading.Thread(target=consume)
    worker.start()
    try:
        # When the engine dies after the first batches and comes back a few seconds later
        while _indexed_count(pipeline) == 0:
            time.sleep(0.05)
        node.kill()
        time.sleep(3)
        node.start()

        # Then the failed batches are retried with backoff until every article is indexed
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if _indexed_count(pipeline) == ARTICLES:
                break
            time.sleep(1)
    finally:
        stop.set()
        worker.join()

    report = verify(
        S3ArchiveStore(pipeline.s3, pipeline.archive_bucket),
        OpenSearchIndexAdmin(pipeline.engine, pipeline.alias),
        S3UploadSource(pipeline.s3),
        UploadsLocation(pipeline.uploads_bucket, pipeline.upload_prefix, "reports/"),
    )
    dead_letters = pipeline.worker._sqs.get_queue_attributes(
        QueueUrl=pipeline.resources.queue_urls["IngestDeadLetterQueue"], AttributeNames=["ApproximateNumberOfMessages"]
    )["Attributes"]["ApproximateNumberOfMessages"]
    assert report.drift == 0, f"{report}; messages in the dead-letter queue: {dead_letters}"
    assert report.indexed == report.archived == report.uploads == ARTICLES


@pytest.mark.attack("engine frozen during an upload stream (time budget)")
def test_a_frozen_engine_fails_the_batch_before_the_function_times_out(
    own_node: tuple[OpenSearchNode, LocalPipeline],
) -> None:
    node, pipeline = own_node
    for n in range(5):
        pipeline.upload(f"frozen/a{n}.json", json.dumps({"title": f"Frozen {n}", "body": "Text."}).encode())
    sqs = pipeline.worker._sqs
    messages = sqs.receive_message(QueueUrl=pipeline.queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)["Messages"]
    ingest.ingest_service()  # a warm container, built while the engine answered

    # When the engine freezes (connections hang rather than fail) and the invocation has less time left than one
    # engine call may take (its timeout, twice, plus time to report)
    reserve = float(os.environ["OPENSEARCH_TIMEOUT"]) * (ENGINE_CLIENT_RETRIES + 1) + REPORT_SECONDS
    node._signal(signal.SIGSTOP)
    try:
        context = FakeLambdaContext(aws_request_id="frozen", timeout_seconds=reserve - 1)
        response = ingest.handler(sqs_event(messages, "arn:aws:sqs:us-east-1:123456789012:q"), context)
        remaining_ms = context.get_remaining_time_in_millis()
    finally:
        node._signal(signal.SIGCONT)

    # Then every record is reported failed (to be retried) before the invocation's time is up
    failed = sorted(item["itemIdentifier"] for item in response["batchItemFailures"])
    assert failed == sorted(m["MessageId"] for m in messages if "frozen" in m["Body"])  # not moto's s3:TestEvent
    assert failed
    assert remaining_ms > 0
    # And once the engine is back, the retries index every article
    for message in messages:
        sqs.change_message_visibility(
            QueueUrl=pipeline.queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
        )
    pipeline.drain()
    assert _indexed_count(pipeline) == 5


def _indexed_count(pipeline: LocalPipeline) -> int:
    try:
        return int(pipeline.engine.count(index=pipeline.alias)["count"])
    except TransportError:
        return 0  # restarting (refused, or shards not yet recovered), or nothing indexed yet
