"""Integration fixtures: the real handlers wired to the real node and the moto server, one index per test."""

from __future__ import annotations

import os
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

    def drain(self) -> int:
        """Feed every queued notification to the ingest handler; returns how many messages were handled."""
        handled = 0
        while received := self.worker.poll_once():
            handled += received
        self.engine.indices.refresh(index=self.alias)
        return handled


@pytest.fixture
def pipeline(opensearch_url: str, moto_url: str) -> Iterator[LocalPipeline]:
    # A clean moto per test: no objects or queued notifications left over from the previous one.
    urllib.request.urlopen(urllib.request.Request(f"{moto_url}/moto-api/reset", method="POST")).close()
    spec = local_stack_spec()
    resources = create_resources(spec, moto_url)
    configure_function_environment(moto_url, opensearch_url)
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
        worker=QueueWorker(moto_url, queue_url, ingest.handler, threads=1),
        engine=engine,
        alias=alias,
        uploads_bucket=next(b.name for b in spec.buckets.values() if b.notifications),
        archive_bucket=os.environ["ARCHIVE_BUCKET"],
        upload_prefix=os.environ["UPLOAD_PREFIX"],
    )
    engine.indices.delete(index=f"{alias}-*", ignore_unavailable=True)
    ingest.ingest_service.cache_clear()
    search.app.cache_clear()
