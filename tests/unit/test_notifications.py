"""S3 notifications in SQS message bodies -> object changes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from archive_search.notifications import MalformedNotificationError, ObjectChange, object_changes
from archive_search_cli.template import local_stack_spec


def _notification(*keys: str, event_name: str = "ObjectCreated:Put", bucket: str = "uploads") -> str:
    return json.dumps(
        {
            "Records": [
                {"eventName": event_name, "s3": {"bucket": {"name": bucket}, "object": {"key": key, "size": 1}}}
                for key in keys
            ]
        }
    )


def test_event_file_yields_the_uploaded_legacy_page(sqs_s3_put_event: dict[str, Any]) -> None:
    (record,) = sqs_s3_put_event["Records"]

    changes = object_changes(record["body"])

    assert changes == [
        ObjectChange(
            bucket="archive-search-local-uploads-123456789012",
            key="incoming/legacy-page-kerry-putin.txt",
            event_name="ObjectCreated:Put",
        )
    ]


def test_event_file_matches_the_template(sqs_s3_put_event: dict[str, Any]) -> None:
    # The event must describe an upload the deployed wiring would really deliver.
    spec = local_stack_spec()
    (change,) = object_changes(sqs_s3_put_event["Records"][0]["body"])
    uploads = spec.buckets["UploadsBucket"]

    assert change.bucket == uploads.name
    assert change.key.startswith(spec.function_environment["IngestFunction"]["UPLOAD_PREFIX"])
    assert sqs_s3_put_event["Records"][0]["eventSourceARN"].endswith(
        ":" + spec.queues[spec.ingest_queue_logical_id].name
    )


@pytest.mark.parametrize(
    ("encoded", "decoded"),
    [
        ("docs%2Fhello+world.md", "docs/hello world.md"),
        ("incoming/caf%C3%A9.txt", "incoming/caf\u00e9.txt"),
        ("incoming/a%2Bb.txt", "incoming/a+b.txt"),
        ("incoming/100%25+sure.json", "incoming/100% sure.json"),
        ("incoming/plain.txt", "incoming/plain.txt"),
    ],
)
def test_keys_are_url_decoded(encoded: str, decoded: str) -> None:
    (change,) = object_changes(_notification(encoded))

    assert change.key == decoded


def test_every_record_of_a_message_becomes_a_change_in_order() -> None:
    body = _notification("incoming/a.txt", "incoming/b.json", event_name="ObjectRemoved:Delete", bucket="bkt")

    assert object_changes(body) == [
        ObjectChange("bkt", "incoming/a.txt", "ObjectRemoved:Delete"),
        ObjectChange("bkt", "incoming/b.json", "ObjectRemoved:Delete"),
    ]


def test_missing_event_name_is_empty() -> None:
    body = json.dumps({"Records": [{"s3": {"bucket": {"name": "b"}, "object": {"key": "k"}}}]})

    assert object_changes(body) == [ObjectChange("b", "k", "")]


def test_s3_test_event_has_no_changes() -> None:
    body = json.dumps(
        {
            "Service": "Amazon S3",
            "Event": "s3:TestEvent",
            "Time": "2015-05-12T10:00:00.000Z",
            "Bucket": "archive-search-local-uploads-123456789012",
            "RequestId": "5582815E1AEA5ADF",
            "HostId": "8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE",
        }
    )

    assert object_changes(body) == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("not json", "not JSON"),
        ("", "not JSON"),
        ('["Records"]', "not a JSON object"),
        ("null", "not a JSON object"),
        ('{"Event": "s3:ObjectCreated:Put"}', "no Records list"),
        ('{"Records": {"s3": {}}}', "no Records list"),
        ('{"Records": [{"eventName": "ObjectCreated:Put"}]}', "lacks the S3 bucket or key"),
        ('{"Records": [{"s3": {"bucket": {"name": "b"}}}]}', "lacks the S3 bucket or key"),
        ('{"Records": [{"s3": {"object": {"key": "k"}}}]}', "lacks the S3 bucket or key"),
        ('{"Records": ["incoming/a.txt"]}', "lacks the S3 bucket or key"),
        ('{"Records": [null]}', "lacks the S3 bucket or key"),
    ],
)
def test_malformed_bodies_are_refused(body: str, message: str) -> None:
    with pytest.raises(MalformedNotificationError, match=message):
        object_changes(body)


@pytest.mark.parametrize("key", [None, 123])
def test_a_key_that_is_not_text_is_refused_as_malformed(key: object) -> None:
    body = json.dumps({"Records": [{"s3": {"bucket": {"name": "b"}, "object": {"key": key}}}]})

    with pytest.raises(MalformedNotificationError):
        object_changes(body)
