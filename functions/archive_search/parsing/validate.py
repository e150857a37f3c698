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
MAX_DATE_CHARS = 100
URL = re.compile(r"^(https?://|/)\S+$")  # a full http(s) address or a path on the site
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
    if cleaned and not URL.match(cleaned):
        raise RejectedUploadError(
            f"the url {cleaned!r} is not an http(s) address or a site path", fix="give a full https:// address"
        )
    return cleaned


def _published(value: str | None) -> str | None:
    """Normalise to an ISO date (YYYY-MM-DD); the index stores dates, the archive keeps the same."""
    cleaned = _optional(value)
    if not cleaned:
        return None
    day = parse_date(cleaned)
    if day is None:
        raise RejectedUploadError(
            f"the date {cleaned!r} is not understood", fix="write it as YYYY-MM-DD, for example 2015-05-12"
        )
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise RejectedUploadError(
            f"the date {cleaned!r} is outside {MIN_YEAR}-{MAX_YEAR}", fix="check the year of the date"
        )
    return day.isoformat()


def parse_date(text: str) -> date | None:
    """A calendar date from ISO 8601, RFC 2822 (`Tue, 12 May 2015 10:00:00 GMT`) or common written forms."""
    text = clean_line(text)
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # 9 ms to import; only dates that are not ISO need it

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):  # email.utils raises any of these on bad input
        pass
    text = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text.replace(".", "").replace(",", ", ")).replace(" ,", ",")
    text = clean_line(re.sub(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+", "", text, flags=re.IGNORECASE))
    for pattern in _DATE_PATTERNS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


_DATE_PATTERNS = (
    "%d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%d %B, %Y",
    "%d %b, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y/%m/%d",
    "%d/%m/%Y",
)
