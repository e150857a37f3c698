"""S3 event notifications as they arrive in SQS message bodies."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import unquote_plus

from archive_search.errors import ArchiveSearchError


class MalformedNotificationError(ArchiveSearchError):
    """The message is not an S3 notification; it goes to the dead-letter queue for a human."""


@dataclass(frozen=True)
class ObjectChange:
    bucket: str
    key: str
    event_name: str


def object_changes(message_body: str) -> list[ObjectChange]:
    """The object changes in one SQS message; S3's test event has none. Keys arrive URL-encoded."""
    try:
        payload = json.loads(message_body)
    except json.JSONDecodeError as exc:
        raise MalformedNotificationError(f"the message body is not JSON: {exc.msg}") from None
    if not isinstance(payload, dict):
        raise MalformedNotificationError("the message body is not a JSON object")
    if payload.get("Event") == "s3:TestEvent":
        return []
    records = payload.get("Records")
    if not isinstance(records, list):
        raise MalformedNotificationError("the message has no Records list")
    changes = []
    for record in records:
        try:
            s3 = record["s3"]
            bucket, key = s3["bucket"]["name"], s3["object"]["key"]
        except (KeyError, TypeError) as exc:
            raise MalformedNotificationError(f"a record lacks the S3 bucket or key: {exc}") from None
        if not isinstance(bucket, str) or not isinstance(key, str):
            raise MalformedNotificationError("a record's S3 bucket or key is not text")
        changes.append(ObjectChange(bucket=bucket, key=unquote_plus(key), event_name=record.get("eventName", "")))
    return changes
