"""Local S3 and SQS: moto in server mode, with the resources the template declares."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import boto3
from botocore.config import Config
from moto.server import ThreadedMotoServer
from moto.sqs.models import Queue, SQSBackend

from archive_search_cli.template import LOCAL_PSEUDO_PARAMETERS, LocalStackSpec

REGION = LOCAL_PSEUDO_PARAMETERS["AWS::Region"]
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
# Connections a client keeps open: above the threads that share one client (`upload`'s 16 at a time, the archive's
# 16 reads of `verify` and `reindex`). botocore keeps 10, and warned "Connection pool is full" all through a run.
POOL_CONNECTIONS = 32


def use_local_credentials() -> None:
    """moto accepts any credentials; set dummy ones so boto3 never reaches for real ones."""
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", REGION),
        ("AWS_REGION", REGION),
    ):
        os.environ.setdefault(name, value)


def aws_client(service: str, endpoint_url: str | None) -> Any:
    """A client for moto on this machine (dummy credentials), or for AWS with the user's own credentials and region."""
    config = Config(max_pool_connections=POOL_CONNECTIONS)
    if urlparse(endpoint_url or "").hostname not in LOCAL_HOSTS:
        return boto3.client(service, endpoint_url=endpoint_url, config=config)
    use_local_credentials()
    return boto3.client(service, endpoint_url=endpoint_url, region_name=REGION, config=config)


APPROXIMATE_COUNTS = (
    "approximate_number_of_messages",
    "approximate_number_of_messages_delayed",
    "approximate_number_of_messages_not_visible",
)
COUNT_CACHE_SECONDS = 1.0


def _speed_up_moto_sqs() -> None:
    """Keep moto's SQS linear and safe when thousands of notifications are queued (a mass upload).

    moto recomputes every queue attribute, message counts included, for each message it sends and for
    each message it checks for retention on receive: O(queued messages) per message, so a 3,698-file
    upload crawled at a few files a second. Counts are approximate in SQS too, so they are cached
    briefly for moto's own reads, and the retention check reads the one attribute it needs. GetQueueAttributes
    still counts afresh: callers wait on those counts for a queue to empty.
    """

    def retained(self: SQSBackend, queue_name: str, message: Any) -> bool:
        queue: Any = self.get_queue(queue_name)
        return int(queue.message_retention_period) + message.sent_timestamp / 1000 > time.time()

    SQSBackend.is_message_valid_based_on_retention_period = retained  # type: ignore[method-assign]
    Queue.delete_message = _under_messages_lock(Queue.delete_message)  # type: ignore[method-assign]
    SQSBackend.receive_message = _receive_under_messages_lock(SQSBackend.receive_message)  # type: ignore[method-assign]
    SQSBackend.get_queue_attributes = _counting_afresh(SQSBackend.get_queue_attributes)  # type: ignore[method-assign]
    for name in APPROXIMATE_COUNTS:
        count = getattr(Queue, name)
        if isinstance(count, property) and count.fget is not None:
            setattr(Queue, name, property(_briefly_cached(name, count.fget)))


def _under_messages_lock(delete_message: Any) -> Any:
    """moto's DeleteMessage rebuilds the message list without the lock SendMessage appends under.

    With the S3 notifications of an upload arriving while the worker deletes handled messages, that race
    silently lost a notification (1 of 3,698 in a run of news-dev).
    """

    def locked(queue: Any, receipt_handle: str) -> None:
        with queue._messages_lock:
            delete_message(queue, receipt_handle)

    return locked


def _receive_under_messages_lock(receive_message: Any) -> Any:
    """moto's ReceiveMessage walks the queue's pending messages while other receives add and remove theirs.

    When retried messages became visible again, concurrent receives raised `Set changed size during iteration`
    halfway through, after marking some messages received that they never returned: those waited out another
    visibility timeout (360 s) and used up one of their receives (the engine-outage scenario hit it 3 times).
    Receives of one queue now take turns; a long poll's wait releases the lock (it is the queue's Condition).
    """

    def locked(backend: SQSBackend, queue_name: str, *args: Any, **kwargs: Any) -> Any:
        queue: Any = backend.get_queue(queue_name)
        with queue._messages_lock:
            return receive_message(backend, queue_name, *args, **kwargs)

    return locked


def _counting_afresh(get_queue_attributes: Any) -> Any:
    """GetQueueAttributes counts the queue's messages now, not up to a second ago (the cache is for SendMessage).

    Counts cached while the queue was empty (moto computes them at CreateQueue's GetQueueAttributes and at every
    send) were still served a second later: a test pipeline uploading, handling and failing its batch within that
    second read 0 messages queued, in flight or delayed, and stopped draining before the failed ones came back.
    """

    def afresh(backend: SQSBackend, queue_name: str, attribute_names: list[str]) -> dict[str, Any]:
        backend.get_queue(queue_name).__dict__.pop("_local_count_cache", None)
        return get_queue_attributes(backend, queue_name, attribute_names)

    return afresh


def _briefly_cached(name: str, compute: Any) -> Any:
    def cached(queue: Queue) -> Any:
        cache = queue.__dict__.setdefault("_local_count_cache", {})
        value, computed_at = cache.get(name, (None, 0.0))
        now = time.monotonic()
        if value is None or now - computed_at > COUNT_CACHE_SECONDS:
            value = compute(queue)
            cache[name] = (value, now)
        return value

    return cached


@contextmanager
def moto_server(port: int, startup_timeout: float = 30.0) -> Iterator[str]:
    """moto in its own process, so its request handling does not compete with the ingest worker's."""
    use_local_credentials()
    url = f"http://127.0.0.1:{port}"
    # Its own session, as the OpenSearch node's: Ctrl-C in a terminal signals the whole foreground group, and moto
    # gone first left the ingest worker polling it while the stack stopped (a traceback a second on every Ctrl-C).
    # The stack stops it after its worker, below.
    process = subprocess.Popen(
        [sys.executable, "-m", "archive_search_cli.local_aws", "--port", str(port)], start_new_session=True
    )
    try:
        _wait_until_up(url, process, startup_timeout)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the moto server exited with status {process.returncode} (is port {url} taken?)")
        try:
            urllib.request.urlopen(f"{url}/moto-api/data.json", timeout=1).close()  # noqa: S310 - our own URL
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the moto server did not answer on {url} within {timeout:.0f} s") from None
            time.sleep(0.1)


def _serve_moto(port: int) -> None:
    _speed_up_moto_sqs()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per S3/SQS request drowns the stack's own log
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stopped.set())
    signal.signal(signal.SIGINT, lambda _signum, _frame: stopped.set())
    server.start()
    stopped.wait()
    server.stop()


@dataclass(frozen=True)
class LocalResources:
    queue_urls: dict[str, str]
    bucket_names: dict[str, str]


def create_resources(spec: LocalStackSpec, endpoint_url: str) -> LocalResources:
    """Create the template's queues and buckets (idempotently) and wire the S3 -> SQS notifications."""
    sqs = aws_client("sqs", endpoint_url)
    s3 = aws_client("s3", endpoint_url)
    queue_urls: dict[str, str] = {}
    queue_arns: dict[str, str] = {}
    # Dead-letter queues first: the queues that redrive to them need their ARNs.
    for queue in sorted(spec.queues.values(), key=lambda q: q.dead_letter_logical_id is not None):
        attributes = {"VisibilityTimeout": str(queue.visibility_timeout)}
        if queue.dead_letter_logical_id:
            attributes["RedrivePolicy"] = json.dumps(
                {
                    "deadLetterTargetArn": queue_arns[queue.dead_letter_logical_id],
                    "maxReceiveCount": queue.max_receive_count,
                }
            )
        url = sqs.create_queue(QueueName=queue.name, Attributes=attributes)["QueueUrl"]
        queue_urls[queue.logical_id] = url
        queue_arns[queue.logical_id] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]
    for bucket in spec.buckets.values():
        s3.create_bucket(Bucket=bucket.name)
        if bucket.versioned:
            s3.put_bucket_versioning(Bucket=bucket.name, VersioningConfiguration={"Status": "Enabled"})
        if bucket.notifications:
            s3.put_bucket_notification_configuration(
                Bucket=bucket.name,
                NotificationConfiguration={
                    "QueueConfigurations": [
                        {
                            "QueueArn": queue_arns[queue_id],
                            "Events": [event],
                            "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": prefix}]}},
                        }
                        for event, queue_id, prefix in bucket.notifications
                    ]
                },
            )
    return LocalResources(queue_urls, {b.logical_id: b.name for b in spec.buckets.values()})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Run moto in server mode for the local stack")
    parser.add_argument("--port", type=int, required=True)
    _serve_moto(parser.parse_args().port)
