"""JSON uploads: an object with title and body, and optional metadata; unknown fields are ignored."""

from __future__ import annotations

import json
from typing import Any

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.text import decode

OPTIONAL_TEXT_FIELDS = ("author", "published", "section", "summary", "url")


def parse_json(data: bytes) -> ParsedUpload:
    try:
        document = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise RejectedUploadError(
            f"the file is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
            fix="check the JSON syntax (quotes, commas, brackets)",
        ) from None
    if not isinstance(document, dict):
        raise RejectedUploadError(
            f"the JSON must be an object with title and body, not a {_json_type(document)}",
            fix='upload {"title": "...", "body": "..."}',
        )
    fields: dict[str, Any] = {}
    for name in ("title", "body", *OPTIONAL_TEXT_FIELDS):
        value = document.get(name)
        if value is None:
            continue
        if isinstance(value, int | float) and not isinstance(value, bool) and name == "published":
            raise RejectedUploadError(
                "published must be a date such as 2015-05-12, not a number", fix="write the date as text"
            )
        if not isinstance(value, str):
            raise RejectedUploadError(f"{name} must be text, not a {_json_type(value)}", fix=f"give {name} as a string")
        fields[name] = value
    tags = document.get("tags")
    if tags is not None:
        if isinstance(tags, str):
            tags = [t for t in (part.strip() for part in tags.split(",")) if t]
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise RejectedUploadError("tags must be a list of strings", fix='write "tags": ["politics", "usa"]')
        fields["tags"] = tuple(tags)
    return ParsedUpload(title=fields.pop("title", ""), body=fields.pop("body", ""), source_format="json", **fields)


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return "string"
