"""The engine stops in the middle of an ingest; once it is back, every article is indexed and nothing is lost.

The long scenario (`make reliability`) is issue 11's: the engine is down for 3 minutes (OUTAGE_SECONDS) while
1,000 articles (OUTAGE_ARTICLES) are uploaded, ingest retries on the product's own schedule (the template's
visibility timeout between receives, the dead-letter queue after maxReceiveCount), and `archive-search verify`
then finds no drift, with nothing done by hand in between.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from opensearchpy import OpenSearch, TransportError

from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
from archive_search.adapters.s3_stores import S3ArchiveStore, S3UploadSource
from archive_search.handlers import ingest
from archive_search.handlers.ingest import ENGINE_CLIENT_RETRIES, REPORT_SECONDS
from archive_search.operations import UploadsLocation, verify
from archive_search_cli.opensearch_node import OpenSearchNode
from archive_search_cli.worker import FakeLambdaContext, QueueWorker, sqs_event
from tests.conftest import free_port
from tests.integration.conftest import LocalPipeline

pytestmark = pytest.mark.integration
ARTICLES = 60
OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "180"))
OUTAGE_ARTICLES = int(os.environ.get("OUTAGE_ARTICLES", "1000"))


@pytest.fixture
def own_node(pipeline: LocalPipeline, moto_url: str) -> Iterator[tuple[OpenSearchNode, LocalPipeline]]:
    """A node of this test's own, which it may stop, wired into the pipeline's ingest handler."""
    if os.environ.get("OPENSEARCH_URL"):
        pytest.fail("this test stops its own node; unset OPENSEARCH_URL to run it")
    data_dir = Path(tempfile.mkdtemp(prefix="archive-search-outage-"))
    node = OpenSearchNode(data_dir, free_port())
    node.start()
    os.environ["OPENSEARCH_ENDPOINT"] = node.url
    ingest.ingest_service.cache_clear()
    pipeline.engine = OpenSearch(hosts=[node.url])
    # Retries further apart than the other tests' 2, 4, 8, 16 s, which dead-letter a record 30 s after its first
    # failure (the fifth receive): an outage here is 3 s plus the node's restart, about 13 s on an idle machine and
    # more than twice that on one whose two cores are busy. 6, 12, 24, 48 s wait out 90 s, and after a 13 s
    # restart the records are back sooner than before (the retry 18 s after the first failure, not 30).
    pipeline.worker = QueueWorker(
        moto_url, pipeline.queue_url, ingest.handler, threads=1, retry_delay=lambda n: min(60, 3 * 2**n)
    )
    try:
        yield node, pipeline
    finally:
        node.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.mark.attack("engine stopped during an upload stream")
def test_articles_survive_an_engine_outage_mid_ingest(
    own_node: tuple[OpenSearchNode, LocalPipeline], record_property: Callable[[str, object], None]
) -> None:
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
    record_property("cases", ARTICLES)


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


class RetryTally:
    """What the ingest handler saw: records that failed (each is delivered again), and the most receives of one."""

    def __init__(self) -> None:
        self.failed_records = 0
        self.most_receives = 0
        self._lock = threading.Lock()

    def counting(self, handler: Callable[[dict[str, Any], Any], Any]) -> Callable[[dict[str, Any], Any], Any]:
        def counted(event: dict[str, Any], context: Any) -> Any:
            response = handler(event, context)
            receives = [int(r["attributes"]["ApproximateReceiveCount"]) for r in event["Records"]]
            with self._lock:
                self.failed_records += len(response["batchItemFailures"])
                self.most_receives = max([self.most_receives, *receives])
            return response

        return counted


@pytest.mark.long_scenario
@pytest.mark.attack("engine stopped for 3 minutes during an upload of 1,000 articles")
def test_a_long_outage_during_a_large_upload_heals_on_the_products_own_retry_schedule(
    own_node: tuple[OpenSearchNode, LocalPipeline], moto_url: str, record_property: Callable[[str, object], None]
) -> None:
    node, pipeline = own_node
    queue = pipeline.spec.queues[pipeline.spec.ingest_queue_logical_id]
    assert queue.dead_letter_logical_id is not None and queue.max_receive_count is not None
    dead_letter_url = pipeline.resources.queue_urls[queue.dead_letter_logical_id]
    # The worker as `archive-search serve` runs it: no shortened retry delay, so a failed notification waits out
    # the queue's visibility timeout (360 s) and is dead-lettered only after maxReceiveCount (5) receives.
    tally = RetryTally()
    worker = QueueWorker(
        moto_url,
        pipeline.queue_url,
        tally.counting(ingest.handler),
        threads=4,
        timeout_seconds=pipeline.spec.function_timeouts["IngestFunction"],
    )
    uploads_done = threading.Event()

    def upload_all() -> None:
        for n in range(OUTAGE_ARTICLES):
            body = {"title": f"Long outage {n}", "body": f"Story number {n} of the long outage."}
            pipeline.upload(f"long-outage/a{n:04d}.json", json.dumps(body).encode())
        uploads_done.set()

    uploader = threading.Thread(target=upload_all)
    worker.start()
    try:
        # Given an upload of 1,000 articles being ingested
        uploader.start()
        while (indexed_at_kill := _indexed_count(pipeline)) == 0:
            time.sleep(0.05)
        # When the engine dies and stays down for 3 minutes while the upload goes on
        node.kill()
        killed = time.monotonic()
        time.sleep(OUTAGE_SECONDS)
        assert uploads_done.is_set(), "the upload should have ended during the outage"
        node.start()
        back = time.monotonic()

        # Then the retries, on the product's own schedule, index every article with nothing done by hand
        deadline = back + queue.visibility_timeout * queue.max_receive_count
        while not (_indexed_count(pipeline) == OUTAGE_ARTICLES and _queued(pipeline, pipeline.queue_url) == 0):
            assert time.monotonic() < deadline, f"{_indexed_count(pipeline)} of {OUTAGE_ARTICLES} indexed"
            assert _queued(pipeline, dead_letter_url) == 0, "a notification was dead-lettered"
            time.sleep(2)
        converged = time.monotonic()
    finally:
        worker.stop()
        uploader.join()

    # And verify, as an operator runs it, reports no drift
    verified = subprocess.run(
        [
            sys.executable,
            "-m",
            "archive_search_cli.main",
            "verify",
            "--opensearch-url",
            node.url,
            "--alias",
            pipeline.alias,
            "--endpoint-url",
            moto_url,
            "--archive-bucket",
            pipeline.archive_bucket,
            "--uploads-bucket",
            pipeline.uploads_bucket,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    summary = json.loads(verified.stdout)
    dead_letters = _queued(pipeline, dead_letter_url)
    figure = (
        f"{OUTAGE_ARTICLES:,} articles, engine down {OUTAGE_SECONDS:.0f} s ({indexed_at_kill} indexed before): "
        f"all indexed {converged - killed:.0f} s after the engine died ({converged - back:.0f} s after it was back); "
        f"{tally.failed_records:,} failed deliveries retried, at most {tally.most_receives} receives of one "
        f"notification (dead-lettered after {queue.max_receive_count}); {dead_letters} dead-lettered; "
        f"verify: drift {summary['drift']}"
    )
    print(figure)
    record_property("figure", figure)
    record_property("cases", OUTAGE_ARTICLES)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert summary["drift"] == 0 and summary["indexed"] == summary["archived"] == OUTAGE_ARTICLES
    assert dead_letters == 0


def _queued(pipeline: LocalPipeline, queue_url: str) -> int:
    attributes = pipeline.worker._sqs.get_queue_attributes(
        QueueUrl=queue_url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    return sum(int(value) for value in attributes.values())


def _indexed_count(pipeline: LocalPipeline) -> int:
    try:
        return int(pipeline.engine.count(index=pipeline.alias)["count"])
    except TransportError:
        return 0  # restarting (refused, or shards not yet recovered), or nothing indexed yet
