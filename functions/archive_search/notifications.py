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
        event_name = record.get("eventName", "")
        changes.append(
            ObjectChange(_text(bucket, "S3 bucket"), unquote_plus(_text(key, "key")), _text(event_name, "eventName"))
        )
    return changes


def _text(value: object, what: str) -> str:
    """A field S3 writes is UTF-8 text: anything else (a list, a lone surrogate from a \\ud800 escape) is no S3
    notification, and would fail every record of the batch where it is hashed or encoded."""
    if not isinstance(value, str):
        raise MalformedNotificationError(f"a record's {what} is not text")
    try:
        value.encode()
    except UnicodeEncodeError:
        raise MalformedNotificationError(
            f"a record's {what} is not valid Unicode (it holds a lone surrogate)"
        ) from None
    return value
