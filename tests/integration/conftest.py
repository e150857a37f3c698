"""Integration fixtures: the real handlers wired to the real node and the moto server, one index per test."""

from __future__ import annotations

import os
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from opensearchpy import OpenSearch

from archive_search.handlers import ingest, search
from archive_search_cli.local_aws import LocalResources, aws_client, create_resources
from archive_search_cli.stack import configure_function_environment
from archive_search_cli.template import LocalStackSpec, local_stack_spec
from archive_search_cli.worker import QueueWorker

pytestmark = pytest.mark.integration


@dataclass
class LocalPipeline:
    """The template's resources on moto, the real ingest handler fed by a worker, the real search handler."""

    spec: LocalStackSpec
    resources: LocalResources
    s3: Any
    worker: QueueWorker
    engine: OpenSearch
    alias: str
    uploads_bucket: str
    archive_bucket: str
    upload_prefix: str

    def upload(self, name: str, body: bytes) -> str:
        key = f"{self.upload_prefix}{name}"
        self.s3.put_object(Bucket=self.uploads_bucket, Key=key, Body=body)
        return key

    def delete(self, name: str) -> None:
        self.s3.delete_object(Bucket=self.uploads_bucket, Key=f"{self.upload_prefix}{name}")

    def drain(self, timeout: float = 60) -> int:
        """Feed every queued notification to the ingest handler, waiting out the backoff of failed ones.

        Returns how many messages were handled. Done when the worker receives nothing and the queue holds no
        message, visible, in flight (a failed one waiting out its backoff) or delayed: moto counts them exactly
        (SQS itself only approximately) and queues an upload's notification before put_object returns.
        """
        handled = 0
        deadline = time.monotonic() + timeout
        while True:
            while received := self.worker.poll_once():
                handled += received
            attributes = self.worker._sqs.get_queue_attributes(
                QueueUrl=self.queue_url,
                AttributeNames=[
                    "ApproximateNumberOfMessages",
                    "ApproximateNumberOfMessagesNotVisible",
                    "ApproximateNumberOfMessagesDelayed",
                ],
            )["Attributes"]
            queued = sum(int(value) for value in attributes.values())
            if queued == 0:
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"the ingest queue still holds {queued} messages after {timeout} s")
            time.sleep(0.2)
        self.engine.indices.refresh(index=self.alias)
        return handled

    @property
    def queue_url(self) -> str:
        return self.resources.queue_urls[self.spec.ingest_queue_logical_id]


@pytest.fixture
def pipeline(opensearch_url: str, moto_url: str) -> Iterator[LocalPipeline]:
    # A clean moto per test: no objects or queued notifications left over from the previous one.
    urllib.request.urlopen(urllib.request.Request(f"{moto_url}/moto-api/reset", method="POST")).close()
    spec = local_stack_spec()
    resources = create_resources(spec, moto_url)
    for function in ("IngestFunction", "SearchFunction"):
        configure_function_environment(moto_url, opensearch_url, function)
    alias = f"test-{uuid.uuid4().hex[:10]}"
    os.environ["INDEX_ALIAS"] = alias
    ingest.ingest_service.cache_clear()
    search.app.cache_clear()
    queue_url = resources.queue_urls[spec.ingest_queue_logical_id]
    engine = OpenSearch(hosts=[opensearch_url])
    yield LocalPipeline(
        spec=spec,
        resources=resources,
        s3=aws_client("s3", moto_url),
        # Retries seconds apart rather than the template's 360 s, so a test waits out a failure quickly.
        worker=QueueWorker(moto_url, queue_url, ingest.handler, threads=1, retry_delay=lambda n: min(60, 2**n)),
        engine=engine,
        alias=alias,
        uploads_bucket=spec.uploads_bucket,
        archive_bucket=os.environ["ARCHIVE_BUCKET"],
        upload_prefix=os.environ["UPLOAD_PREFIX"],
    )
    engine.indices.delete(index=f"{alias}-*", ignore_unavailable=True)
    ingest.ingest_service.cache_clear()
    search.app.cache_clear()
