"""Checks every parsed upload passes before it becomes an article, whatever its format."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.text import clean_line

MAX_TITLE_CHARS = 500
MAX_BODY_CHARS = 1_000_000
MAX_TAGS = 50
MIN_YEAR = 1800
MAX_YEAR = 2200
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validated(parsed: ParsedUpload) -> ParsedUpload:
    title = clean_line(_CONTROL.sub(" ", parsed.title))
    body = _CONTROL.sub(" ", parsed.body).strip()
    if not title:
        raise RejectedUploadError("the article has no title", fix="add a title")
    if len(title) > MAX_TITLE_CHARS:
        raise RejectedUploadError(
            f"the title is {len(title)} characters long, above {MAX_TITLE_CHARS}", fix="shorten the title"
        )
    if not body:
        raise RejectedUploadError("the article has no body text", fix="add the article's text")
    if len(body) > MAX_BODY_CHARS:
        raise RejectedUploadError(
            f"the body is {len(body)} characters long, above {MAX_BODY_CHARS}", fix="split the article"
        )
    tags = tuple(dict.fromkeys(clean_line(t) for t in parsed.tags if clean_line(t)))
    if len(tags) > MAX_TAGS:
        raise RejectedUploadError(f"the article has {len(tags)} tags, above {MAX_TAGS}", fix="keep fewer tags")
    return replace(
        parsed,
        title=title,
        body=body,
        author=_optional(parsed.author),
        section=_optional(parsed.section),
        summary=_optional(parsed.summary),
        url=_url(parsed.url),
        published=_published(parsed.published),
        tags=tags,
    )


def _optional(value: str | None) -> str | None:
    cleaned = clean_line(_CONTROL.sub(" ", value)) if value else ""
    return cleaned or None


def _url(value: str | None) -> str | None:
    cleaned = _optional(value)
    if cleaned and not re.match(r"^(https?://|/)\S+$", cleaned):
        raise RejectedUploadError(
            f"the url {cleaned!r} is not an http(s) address or a site path", fix="give a full https:// address"
        )
    return cleaned


def _published(value: str | None) -> str | None:
    """Normalise to an ISO date (YYYY-MM-DD); the index stores dates, the archive keeps the same."""
    cleaned = _optional(value)
    if not cleaned:
        return None
    day = _parse_date(cleaned)
    if day is None:
        raise RejectedUploadError(
            f"the date {cleaned!r} is not understood", fix="write it as YYYY-MM-DD, for example 2015-05-12"
        )
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise RejectedUploadError(
            f"the date {cleaned!r} is outside {MIN_YEAR}-{MAX_YEAR}", fix="check the year of the date"
        )
    return day.isoformat()


def _parse_date(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
