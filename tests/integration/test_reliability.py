"""Nothing lost: poison uploads among innocent ones, S3 errors, redrive of the dead-letter queue, a mapping change."""

from __future__ import annotations

import json
import threading
import urllib.request
import uuid
from collections.abc import Callable
from typing import Any

import botocore.session
import pytest
from botocore.awsrequest import AWSResponse

from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
from archive_search.adapters.s3_stores import S3ArchiveStore, S3UploadSource
from archive_search.handlers import ingest
from archive_search.index_mapping import INDEX_SETTINGS, MAPPING_VERSION
from archive_search.operations import UploadsLocation, VerifyReport, reindex, verify
from archive_search_cli.local_aws import create_resources
from archive_search_cli.redrive import redrive
from archive_search_cli.stack import match_index_to_archive
from tests.integration.conftest import LocalPipeline

pytestmark = pytest.mark.integration

POISON = {
    "surrogate.json": b'{"title": "x \\ud800 y", "body": "Text."}',
    "huge-number.json": b'{"title": "Fine", "body": "Text.", "n": ' + b"9" * 5000 + b"}",
    "json-ld.html": b'<script type="application/ld+json">{"@type": "NewsArticle", "author": "\\ud800"}</script>'
    b"<h1>Title</h1><p>Text of the page.</p>",
    "no-extension": b"plain words",
    ".json": b'{"title": "Hidden", "body": "Text."}',
    "long-" + "x" * 600 + ".json": b'{"title": "Long", "body": "Text."}',
}


def _verify(pipeline: LocalPipeline) -> VerifyReport:
    return verify(
        S3ArchiveStore(pipeline.s3, pipeline.archive_bucket),
        OpenSearchIndexAdmin(pipeline.engine, pipeline.alias),
        S3UploadSource(pipeline.s3),
        UploadsLocation(pipeline.uploads_bucket, pipeline.upload_prefix, "reports/"),
    )


def _dead_letter_url(pipeline: LocalPipeline) -> str:
    queue = pipeline.spec.queues[pipeline.spec.ingest_queue_logical_id]
    assert queue.dead_letter_logical_id is not None
    return pipeline.resources.queue_urls[queue.dead_letter_logical_id]


@pytest.mark.attack("poison uploads among innocent ones")
def test_every_upload_ends_as_an_article_or_a_report_and_poison_holds_no_batch(pipeline: LocalPipeline) -> None:
    stems = [f"ok-{uuid.uuid4().hex[:8]}" for _ in range(8)]
    for n, stem in enumerate(stems):
        pipeline.upload(f"{stem}.json", json.dumps({"title": f"Innocent {n}", "body": "Ships."}).encode())
        if n < len(POISON):
            name = sorted(POISON)[n]
            pipeline.upload(name, POISON[name])

    pipeline.drain()

    report = _verify(pipeline)
    assert report.drift == 0, report
    assert report.indexed == len(stems)
    assert len(report.rejected_uploads) == len(POISON)
    dead = pipeline.worker._sqs.get_queue_attributes(
        QueueUrl=_dead_letter_url(pipeline), AttributeNames=["ApproximateNumberOfMessages"]
    )["Attributes"]["ApproximateNumberOfMessages"]
    assert dead == "0"


# (S3 operation, the Key or Prefix it is called with) -> the error S3 answers, once.
S3_FAULTS = {
    ("ListObjectsV2", "incoming/s3-faults/listed."): "SlowDown",
    ("GetObject", "incoming/s3-faults/read.json"): "InternalError",
    ("PutObject", "articles/s3-faults/written.json"): "InternalError",
    ("PutObject", "reports/s3-faults/poison.json.json"): "ServiceUnavailable",
}


class S3Faults:
    """A botocore `before-call` handler: S3's error, as botocore raises it once its own retries are spent, the first
    time each call of S3_FAULTS is made; every other call goes through to S3 as usual."""

    def __init__(self, faults: dict[tuple[str, str], str]) -> None:
        self.pending = dict(faults)
        self.answered: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def __call__(self, model: Any, context: dict[str, Any], **_: Any) -> tuple[AWSResponse, dict[str, Any]] | None:
        params = context.get("input_params", {})
        call = (model.name, params.get("Key", params.get("Prefix", "")))
        with self._lock:
            code = self.pending.pop(call, None)
            if code is None:
                return None
            self.answered.append(call)
        status = 500 if code == "InternalError" else 503
        error = {
            "Error": {"Code": code, "Message": "Please try again."},
            "ResponseMetadata": {"HTTPStatusCode": status},
        }
        return AWSResponse("https://s3.amazonaws.com", status, {}, None), error


@pytest.mark.attack("S3 errors on read and write")
def test_s3_errors_on_read_and_write_fail_only_their_uploads_and_heal_on_redelivery(
    pipeline: LocalPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an ingest function whose S3 client meets S3's errors on a listing, a read, an archive write and a report
    faults = S3Faults(S3_FAULTS)
    session = botocore.session.get_session()
    session.register("before-call.s3", faults)
    monkeypatch.setattr(botocore.session, "get_session", lambda: session)
    ingest.ingest_service.cache_clear()
    failed_records: list[str] = []
    pipeline.worker._handler = _recording_failures(ingest.handler, failed_records)
    innocent = [f"innocent-{n}.json" for n in range(4)]
    for name in ["listed.json", "read.json", "written.json", *innocent]:
        pipeline.upload(f"s3-faults/{name}", json.dumps({"title": name, "body": "Ships."}).encode())
    pipeline.upload("s3-faults/poison.json", b'{"title": "x \\ud800 y", "body": "Text."}')

    # When their notifications are first delivered
    while pipeline.worker.poll_once():
        pass

    # Then only the uploads S3 failed on failed, and the others of their batches are done
    assert sorted(faults.answered) == sorted(S3_FAULTS)
    assert len(failed_records) == len(S3_FAULTS)
    pipeline.engine.indices.refresh(index=pipeline.alias)
    for name in innocent:
        assert pipeline.engine.exists(index=pipeline.alias, id=f"s3-faults/{name.removesuffix('.json')}")
    # And on the queue's next delivery every upload ends as an article or a report: nothing lost
    pipeline.drain()
    report = _verify(pipeline)
    assert report.drift == 0, report
    assert report.indexed == 3 + len(innocent) and len(report.rejected_uploads) == 1
    dead = pipeline.worker._sqs.get_queue_attributes(
        QueueUrl=_dead_letter_url(pipeline), AttributeNames=["ApproximateNumberOfMessages"]
    )["Attributes"]["ApproximateNumberOfMessages"]
    assert dead == "0"


def _recording_failures(
    handler: Callable[[dict[str, Any], Any], Any], failed: list[str]
) -> Callable[[dict[str, Any], Any], Any]:
    def recording(event: dict[str, Any], context: Any) -> Any:
        response = handler(event, context)
        failed.extend(item["itemIdentifier"] for item in response["batchItemFailures"])
        return response

    return recording


@pytest.mark.attack("dead letters redriven")
def test_redrive_moves_dead_letters_back_and_they_are_ingested(pipeline: LocalPipeline) -> None:
    stem = f"dl-{uuid.uuid4().hex[:8]}"
    pipeline.upload(f"{stem}.json", json.dumps({"title": "Dead-lettered", "body": "Ships."}).encode())
    sqs = pipeline.worker._sqs
    # The notification as it would sit in the dead-letter queue after an outage outlasted its retries.
    messages = sqs.receive_message(QueueUrl=pipeline.queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)["Messages"]
    for message in messages:
        sqs.send_message(QueueUrl=_dead_letter_url(pipeline), MessageBody=message["Body"])
        sqs.delete_message(QueueUrl=pipeline.queue_url, ReceiptHandle=message["ReceiptHandle"])

    moved = redrive(sqs, _dead_letter_url(pipeline), pipeline.queue_url)
    pipeline.drain()

    assert moved == len(messages) >= 1
    assert pipeline.engine.get(index=pipeline.alias, id=stem)["_source"]["title"] == "Dead-lettered"
    assert _verify(pipeline).drift == 0


@pytest.mark.attack("reindex under live ingest (and a mapping change)")
def test_a_mapping_change_archives_uploads_until_reindex_and_loses_none(pipeline: LocalPipeline) -> None:
    # An index built by an older release (another mapping version) sits behind the alias.
    old = {**INDEX_SETTINGS, "mappings": {**INDEX_SETTINGS["mappings"], "_meta": {"mapping_version": 1}}}
    pipeline.engine.indices.create(index=f"{pipeline.alias}-v1", body={**old, "aliases": {pipeline.alias: {}}})
    stems = [f"mv-{uuid.uuid4().hex[:8]}" for _ in range(3)]
    for stem in stems:
        pipeline.upload(f"{stem}.json", json.dumps({"title": "After the deploy", "body": "Ships."}).encode())

    pipeline.drain()  # nothing fails or is dead-lettered: the archive takes every upload

    archive = S3ArchiveStore(pipeline.s3, pipeline.archive_bucket)
    assert sorted(archive.list_ids()) == sorted(stems)
    assert pipeline.engine.count(index=pipeline.alias)["count"] == 0
    result = reindex(archive, OpenSearchIndexAdmin(pipeline.engine, pipeline.alias))
    assert not result.failures
    mapping = pipeline.engine.indices.get_mapping(index=pipeline.alias)
    assert [body["mappings"]["_meta"]["mapping_version"] for body in mapping.values()] == [MAPPING_VERSION]
    assert _verify(pipeline).drift == 0


@pytest.mark.attack("reindex under live ingest (and a mapping change)")
def test_reindex_keeps_every_write_made_while_it_runs(pipeline: LocalPipeline) -> None:
    stems = [f"rx-{n:02d}-{uuid.uuid4().hex[:6]}" for n in range(30)]
    for stem in stems:
        pipeline.upload(f"{stem}.json", json.dumps({"title": "Before the rebuild", "body": "Ships."}).encode())
    pipeline.drain()
    changed, deleted, created = stems[0], stems[-1], f"rx-new-{uuid.uuid4().hex[:6]}"
    archive = S3ArchiveStore(pipeline.s3, pipeline.archive_bucket)
    writes_done = False

    def write_while_loading(_n: int) -> None:
        # Mid-load, an editor corrects one story, deletes one already read by the rebuild and adds one; ingest
        # handles them (writing the old index behind the alias) before the rebuild goes on.
        nonlocal writes_done
        if writes_done:
            return
        writes_done = True
        pipeline.upload(f"{changed}.json", json.dumps({"title": "Corrected during", "body": "Ships."}).encode())
        pipeline.delete(f"{deleted}.json")
        pipeline.upload(f"{created}.json", json.dumps({"title": "Added during", "body": "Ships."}).encode())
        pipeline.drain()

    result = reindex(
        archive, OpenSearchIndexAdmin(pipeline.engine, pipeline.alias), progress=write_while_loading, changes=archive
    )

    assert writes_done and not result.failures and not result.catch_up_failures
    pipeline.engine.indices.refresh(index=pipeline.alias)
    assert pipeline.engine.get(index=pipeline.alias, id=changed)["_source"]["title"] == "Corrected during"
    assert pipeline.engine.get(index=pipeline.alias, id=created)["_source"]["title"] == "Added during"
    assert not pipeline.engine.exists(index=pipeline.alias, id=deleted)
    assert _verify(pipeline).drift == 0


@pytest.mark.attack("a restarted local stack")
def test_a_restarted_local_stack_rebuilds_its_index_to_match_the_buckets(
    pipeline: LocalPipeline, moto_url: str
) -> None:
    pipeline.upload("before-restart.json", json.dumps({"title": "Before", "body": "Ships."}).encode())
    pipeline.drain()
    assert pipeline.engine.count(index=pipeline.alias)["count"] == 1
    # A restart: moto comes back empty (its state lived in memory) while the node kept its data.
    urllib.request.urlopen(urllib.request.Request(f"{moto_url}/moto-api/reset", method="POST")).close()
    create_resources(pipeline.spec, moto_url)
    pipeline.upload("after-restart.json", json.dumps({"title": "After", "body": "Ships."}).encode())
    pipeline.drain()

    match_index_to_archive()

    pipeline.engine.indices.refresh(index=pipeline.alias)
    assert pipeline.engine.count(index=pipeline.alias)["count"] == 1
    assert _verify(pipeline).drift == 0


@pytest.mark.attack("verify and repair at any size")
def test_verify_flags_an_index_without_replicas_that_follow_the_domain_and_reindex_fixes_it(
    pipeline: LocalPipeline,
) -> None:
    pipeline.upload("r.json", json.dumps({"title": "Replicas", "body": "Ships."}).encode())
    pipeline.drain()
    admin = OpenSearchIndexAdmin(pipeline.engine, pipeline.alias)
    assert _verify(pipeline).index_settings == []
    # An index built by an earlier release: one copy of each shard, whatever the domain's size.
    pipeline.engine.indices.put_settings(
        index=pipeline.alias, body={"index": {"auto_expand_replicas": "false", "number_of_replicas": 0}}
    )

    flagged = _verify(pipeline)
    archive = S3ArchiveStore(pipeline.s3, pipeline.archive_bucket)
    reindex(archive, admin, changes=archive)

    assert flagged.drift == 1 and "auto_expand_replicas" in flagged.index_settings[0]
    assert _verify(pipeline).drift == 0
