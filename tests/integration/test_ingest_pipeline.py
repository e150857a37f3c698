"""Uploads travel S3 -> SQS -> the real ingest handler -> archive bucket + OpenSearch, as in AWS."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any, cast

import pytest
from aws_lambda_powertools.utilities.typing import LambdaContext

from archive_search.handlers import ingest
from archive_search_cli.main import main as cli
from archive_search_cli.worker import FakeLambdaContext, sqs_event
from tests.conftest import LEGACY_PAGE
from tests.integration.conftest import LocalPipeline

pytestmark = pytest.mark.integration


def _unique(stem: str) -> str:
    return f"{stem}-{uuid.uuid4().hex[:8]}"


def _archived(pipeline: LocalPipeline, article_id: str) -> Any:
    try:
        body = pipeline.s3.get_object(Bucket=pipeline.archive_bucket, Key=f"articles/{article_id}.json")["Body"]
    except pipeline.s3.exceptions.NoSuchKey:
        return None
    return json.loads(body.read())


def _indexed(pipeline: LocalPipeline, article_id: str) -> Any:
    found = pipeline.engine.get(index=pipeline.alias, id=article_id, ignore=[404])
    return found["_source"] if found.get("found") else None


def _report(pipeline: LocalPipeline, key: str) -> Any:
    report_key = "reports/" + key.removeprefix(pipeline.upload_prefix) + ".json"
    try:
        body = pipeline.s3.get_object(Bucket=pipeline.uploads_bucket, Key=report_key)["Body"]
    except pipeline.s3.exceptions.NoSuchKey:
        return None
    return json.loads(body.read())


def test_legacy_page_is_archived_and_indexed_without_chrome(pipeline: LocalPipeline) -> None:
    stem = _unique("kerry")
    pipeline.upload(f"{stem}.txt", LEGACY_PAGE.read_bytes())

    assert pipeline.drain() >= 1

    archived = _archived(pipeline, stem)
    indexed = _indexed(pipeline, stem)
    assert archived is not None and indexed is not None
    assert archived["title"] == "U.S: Secretary of State John Kerry to meet Russian President Putin"
    assert archived["author"] == indexed["author"] == "Estera Popowska"
    assert archived["credit"] == "AFP"
    for chrome in ("site-wide search", "SomaNet News Archive"):
        assert chrome not in indexed["title"] and chrome not in indexed["body"]


def test_url_encoded_keys_in_folders_become_ids_with_slashes(pipeline: LocalPipeline) -> None:
    folder = _unique("2015/05")
    pipeline.upload(f"{folder}/kerry visit é.json", json.dumps({"title": "Kerry in Sochi", "body": "Talks."}).encode())

    pipeline.drain()

    assert _indexed(pipeline, f"{folder}/kerry visit é")["title"] == "Kerry in Sochi"


def test_reupload_updates_and_delete_removes_everywhere(pipeline: LocalPipeline) -> None:
    stem = _unique("story")
    pipeline.upload(f"{stem}.json", json.dumps({"title": "First headline", "body": "Text."}).encode())
    pipeline.drain()
    pipeline.upload(f"{stem}.json", json.dumps({"title": "Corrected headline", "body": "Text."}).encode())
    pipeline.drain()
    assert _indexed(pipeline, stem)["title"] == "Corrected headline"
    assert _archived(pipeline, stem)["title"] == "Corrected headline"

    pipeline.delete(f"{stem}.json")
    pipeline.drain()

    assert _indexed(pipeline, stem) is None
    assert _archived(pipeline, stem) is None


def test_delete_removes_the_upload_that_holds_the_file_named(
    pipeline: LocalPipeline, moto_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a folder upload holding 2015/05/kerry.json and another article uploaded alone as kerry.json
    folder, alone = tmp_path / "batch", tmp_path / "alone"
    (folder / "2015" / "05").mkdir(parents=True)
    alone.mkdir()
    nested = folder / "2015" / "05" / "kerry.json"
    nested.write_text(json.dumps({"title": "Kerry in Sochi", "body": "Text."}), encoding="utf-8")
    (alone / "kerry.json").write_text(json.dumps({"title": "Kerry at home", "body": "Text."}), encoding="utf-8")
    target = ["--endpoint-url", moto_url, "--bucket", pipeline.uploads_bucket, "--prefix", pipeline.upload_prefix]
    assert cli(["upload", *target, str(folder)]) == 0
    assert cli(["upload", *target, str(alone / "kerry.json")]) == 0
    assert "incoming/kerry.json -> article kerry" in capsys.readouterr().out
    pipeline.drain()

    # When the folder's file is named alone (its upload by name is the other article)
    assert cli(["delete", *target, str(nested)]) == 0

    # Then the upload made from it is deleted, not the other article of its name (session 54's new user)
    pipeline.drain()
    assert _indexed(pipeline, "kerry")["title"] == "Kerry at home"
    assert _indexed(pipeline, "2015/05/kerry") is None

    # A name never uploaded is reported; the other article, which that file does not hold, is kept unless --force
    assert cli(["delete", *target, str(tmp_path / "never.json")]) == 1
    assert "incoming/never.json: not uploaded" in capsys.readouterr().err
    assert cli(["delete", *target, str(nested)]) == 1
    assert "incoming/kerry.json: holds another file than the one named, kept" in capsys.readouterr().err
    assert cli(["delete", *target, "--force", str(nested)]) == 0
    pipeline.drain()
    assert _indexed(pipeline, "kerry") is None


def test_rejected_upload_leaves_a_report_that_a_good_upload_clears(pipeline: LocalPipeline) -> None:
    stem = _unique("broken")
    key = pipeline.upload(f"{stem}.json", b'{"title": "No body here"')
    pipeline.drain()

    report = _report(pipeline, key)
    assert report is not None
    assert report["status"] == "rejected" and "not valid JSON" in report["reason"] and report["how_to_fix"]
    assert _indexed(pipeline, stem) is None

    pipeline.upload(f"{stem}.json", json.dumps({"title": "Fixed", "body": "Now with a body."}).encode())
    pipeline.drain()

    assert _report(pipeline, key) is None
    assert _indexed(pipeline, stem)["title"] == "Fixed"


def test_an_article_dated_after_its_upload_and_an_s3_error_saved_as_text_are_reported(pipeline: LocalPipeline) -> None:
    # Session 56: each was archived (the error under the title `<?xml version="1.0" encoding="UTF-8"?>`)
    future, error = _unique("future"), _unique("denied")
    future_key = pipeline.upload(
        f"{future}.json", json.dumps({"title": "Budget", "body": "Text.", "published": "2099-04-01"}).encode()
    )
    error_key = pipeline.upload(
        f"{error}.txt",
        b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message>'
        b"<RequestId>4442587FB7D0A2F9</RequestId><HostId>vWnKq9zv6lM1</HostId></Error>",
    )
    pipeline.drain()

    assert "the publication date 2099-04-01 is in the future" in _report(pipeline, future_key)["reason"]
    assert "error response (AccessDenied" in _report(pipeline, error_key)["reason"]
    assert _indexed(pipeline, future) is None and _indexed(pipeline, error) is None
    assert _archived(pipeline, future) is None and _archived(pipeline, error) is None


def test_duplicate_and_stale_notifications_converge_on_what_s3_holds(pipeline: LocalPipeline) -> None:
    stem = _unique("replayed")
    pipeline.upload(f"{stem}.json", json.dumps({"title": "Old", "body": "v1"}).encode())
    first = pipeline.worker  # keep the v1 notification queued, then change the object twice
    pipeline.upload(f"{stem}.json", json.dumps({"title": "New", "body": "v2"}).encode())
    pipeline.delete(f"{stem}.json")
    pipeline.upload(f"{stem}.json", json.dumps({"title": "Newest", "body": "v3"}).encode())

    first.poll_once()  # whatever order the notifications come in, each reads S3's current state
    pipeline.drain()

    assert _indexed(pipeline, stem)["title"] == "Newest"
    assert _archived(pipeline, stem)["title"] == "Newest"


def test_a_malformed_message_fails_alone_and_its_batch_mates_are_ingested(pipeline: LocalPipeline) -> None:
    stem = _unique("batch-mate")
    pipeline.upload(f"{stem}.json", json.dumps({"title": "Batch mate", "body": "Still indexed."}).encode())
    good = pipeline.worker._sqs.receive_message(QueueUrl=pipeline.queue_url, MaxNumberOfMessages=10)["Messages"]
    bad = {"MessageId": "not-a-notification", "ReceiptHandle": "r", "Body": "this is not JSON"}
    queue_arn = f"arn:aws:sqs:us-east-1:123456789012:{pipeline.queue_url.rsplit('/', 1)[-1]}"

    response = ingest.handler(sqs_event([bad, *good], queue_arn), cast(LambdaContext, FakeLambdaContext()))

    assert response["batchItemFailures"] == [{"itemIdentifier": "not-a-notification"}]
    pipeline.engine.indices.refresh(index=pipeline.alias)
    assert _indexed(pipeline, stem)["title"] == "Batch mate"


def test_a_path_a_web_address_reads_as_another_is_rejected_and_holds_up_no_other_upload(
    pipeline: LocalPipeline,
) -> None:
    # Given uploads whose paths hold `..`, `.` or an empty folder, beside a good one (session 47's new user:
    # `/articles/a/../pathb`, as any client sends it, showed the article `pathb`)
    folder = _unique("dots")
    keys = [
        pipeline.upload(f"{folder}/a/../pathb.json", json.dumps({"title": "B", "body": "Bee."}).encode()),
        pipeline.upload(f"{folder}/./pathc.json", json.dumps({"title": "C", "body": "Sea."}).encode()),
        pipeline.upload(f"{folder}//pathd.json", json.dumps({"title": "D", "body": "Dee."}).encode()),
    ]
    good = pipeline.upload(f"{folder}/pathe.json", json.dumps({"title": "E", "body": "Eee."}).encode())
    pipeline.drain()

    # Then each is reported for its path, none indexed, and the good one is
    for key in keys:
        report = _report(pipeline, key)
        assert report is not None and "an empty, `.` or `..` folder" in report["reason"], key
        assert _indexed(pipeline, key.removeprefix(pipeline.upload_prefix).removesuffix(".json")) is None
    assert _report(pipeline, good) is None
    assert _indexed(pipeline, f"{folder}/pathe")["title"] == "E"
