"""Turn an uploaded file into a validated ParsedUpload, whatever its format.

The extension picks the parser. Two cheap content checks correct a misleading one: a .md or .json file that
starts with `<!doctype html>` or `<html>`, or a .txt file that starts with an HTML tag, is parsed as HTML, and a
.txt file that starts like a JSON object (`{"`, `{}`) as JSON. Binary files (PDF, Word, images) are rejected
with what they are, and so are, whatever their extension, RSS/Atom feeds and sitemaps (feeds.py) and a .txt file
that opens as Markdown does (sniff.markdown_opening), with the name to give it. No other guessing: a file without a
known extension is rejected.
"""

from __future__ import annotations

import importlib
import logging
import posixpath
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from archive_search.errors import RejectedUploadError
from archive_search.keys import extension_of, stem_of
from archive_search.models import ParsedUpload
from archive_search.parsing.bylines import without_address, without_agency_tail
from archive_search.parsing.error_pages import refuse_error_page, refuse_error_response
from archive_search.parsing.feeds import refuse_feed
from archive_search.parsing.site_generators import file_name_date, is_jekyll_post, refuse_unpublished_folder
from archive_search.parsing.sniff import (
    FORMAT_NAMES,
    binary_kind,
    looks_like_another_format,
    looks_like_html,
    looks_like_json_object,
    markdown_opening,
)
from archive_search.parsing.validate import validated

logger = logging.getLogger(__name__)
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# How many days after the day it was uploaded (UTC) an article's date may be: one for the zones ahead of UTC (a
# UTC+14 morning is UTC's yesterday) and one for an article filed the evening before its embargo lifts. A later date
# is a typo (`2031` for `2021`) or an article not yet published, and the archive holds published articles.
MAX_DAYS_AFTER_UPLOAD = 2
_MB = 1024 * 1024
# Each parser's module and function, imported when an upload first needs it: importing all of them took ~48 ms of
# every ingest cold start (issue 13's profile), and most batches hold one format.
HTML, JSON = "html_page.parse_html", "json_upload.parse_json"
PARSERS: dict[str, str] = {
    ".json": JSON,
    ".txt": "legacy_text.parse_legacy_text",
    ".md": "markdown_upload.parse_markdown",
    ".markdown": "markdown_upload.parse_markdown",
    ".html": HTML,
    ".htm": HTML,
}
SUPPORTED_EXTENSIONS = tuple(PARSERS)
# Each extension's format, named by the first extension its parser reads (`.markdown` is `.md`, `.htm` `.html`).
FORMAT_OF_EXTENSION: dict[str, str] = {
    extension: next(first for first, reads in PARSERS.items() if reads == target)
    for extension, target in PARSERS.items()
}
# A whole site's export, by its extension, and the export of one article to upload instead: the report named no
# export that works (session 52's new user).
_SITE_EXPORTS = {
    ".xml": (
        " (a WordPress export, WXR, is .xml: it holds the whole site, and an upload is one article)",
        "upload each post on its own: its page as .html, or `wp post get ID --format=json` as .json",
    ),
}


def parser(target: str) -> Callable[[bytes], ParsedUpload]:
    """The parser function named by a PARSERS value ("module.function" under archive_search.parsing)."""
    module, name = target.rsplit(".", 1)
    function: Callable[[bytes], ParsedUpload] = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    return function


def unsupported_extension(key: str) -> RejectedUploadError | None:
    """The rejection of a key whose extension no parser reads (`.jpg`, a bare `.`), or None for a format's key."""
    extension = extension_of(key)
    if extension in PARSERS:
        return None
    what, instead = _SITE_EXPORTS.get(extension, ("", f"upload one of: {', '.join(SUPPORTED_EXTENSIONS)}"))
    return RejectedUploadError(
        f"files ending in {extension or '(no extension)'!r} are not supported{what}", fix=instead
    )


def upload_group(key: str) -> str:
    """What a listing of uploads groups `key` under: its path stem in NFC (every spelling and supported format of
    one article's path is one upload, the newest wins), or the key itself for a file in a format no parser reads,
    which is no version of the article beside it (ingest reports it on its own)."""
    if unsupported_extension(key) is not None:
        return key
    return unicodedata.normalize("NFC", stem_of(key))


def too_large(size: int) -> RejectedUploadError | None:
    """Why a file of `size` bytes can make no article (above MAX_UPLOAD_BYTES), or None; `upload` asks before it
    sends a file. In MiB (as README gives the limit), with the file's size (it said "above the limit of 5242880
    bytes": session 54's new user)."""
    if size <= MAX_UPLOAD_BYTES:
        return None
    return RejectedUploadError(
        f"the file is {size / _MB:.1f} MiB ({size:,} bytes), above the limit of {MAX_UPLOAD_BYTES / _MB:g} MiB",
        fix="split the article or remove embedded media",
    )


def parse_upload(key: str, data: bytes, *, uploaded: datetime | None = None) -> ParsedUpload:
    """Parse an upload by its extension; raise RejectedUploadError with a reason an editor can act on.

    `uploaded` is when the file was uploaded (its storage's last-modified time, aware), now when None: an article
    dated more than MAX_DAYS_AFTER_UPLOAD days after that day is rejected (refuse_future_date).

    Only RejectedUploadError leaves this function: whatever else a parser raises on these bytes (a library's
    error on input nobody foresaw) is the upload's fault too, so it becomes a rejection rather than a failure
    that the queue would retry until the message is dead-lettered.
    """
    oversize = too_large(len(data))
    if oversize is not None:
        raise oversize
    if not data.strip():
        raise RejectedUploadError("the file is empty", fix="upload the article's text")
    unsupported = unsupported_extension(key)
    if unsupported is not None:
        raise unsupported
    extension = extension_of(key)
    target = PARSERS[extension]
    kind = binary_kind(data)
    if kind is not None:
        raise RejectedUploadError(
            f"the file is {kind}, not text",
            fix=f"export the article as text and upload it as one of: {', '.join(SUPPORTED_EXTENSIONS)}",
        )
    refuse_unpublished_folder(key)
    refuse_feed(data)
    refuse_error_response(data)
    sniffed = _sniffed(extension, data, target)
    if sniffed == PARSERS[".txt"]:
        _refuse_markdown_as_text(key, extension, data)
    try:
        parsed = _read(key, sniffed, data)
        if parsed.published is None:
            # A Jekyll post's date is in its file name when its front matter declares none (site_generators)
            parsed = replace(parsed, published=file_name_date(key))
        if sniffed != HTML:  # the HTML parser asks with the page's <title> and bylines too
            _refuse_error_page(parsed)
        checked = validated(parsed)
        refuse_future_date(checked.published, parsed.published, uploaded or datetime.now(UTC))
        return _agency_as_credit(_without_address(checked))
    except RejectedUploadError as exc:
        if sniffed != target:  # read as the format it holds already
            raise
        raise _named_as_another_format(exc, key, extension, data) from None
    except Exception as exc:  # the parsers' boundary: see the docstring
        logger.exception("parser failed on an upload", extra={"key": key})
        raise RejectedUploadError(
            f"the file could not be read as {extension} ({exc.__class__.__name__})",
            fix="check the file opens in an editor and re-save it as UTF-8",
        ) from None


def refuse_future_date(published: str | None, written: str | None, uploaded: datetime) -> None:
    """RejectedUploadError when the ISO day `published` (as the upload wrote it: `written`) is more than
    MAX_DAYS_AFTER_UPLOAD days after the UTC day of `uploaded` (an aware datetime). Every format's date passes here:
    a front matter's, a JSON field's, a meta tag's, a date line's and a Jekyll file name's. Before session 56 a date
    in 2031 was archived as written, and the article sorted first under "newest" for years."""
    if published is None:
        return
    upload_day = uploaded.astimezone(UTC).date()
    day = date.fromisoformat(published)
    if day <= upload_day + timedelta(days=MAX_DAYS_AFTER_UPLOAD):
        return
    as_written = f" ({written.strip()!r})" if written is not None and written.strip() != published else ""
    raise RejectedUploadError(
        f"the publication date {published}{as_written} is in the future: the file was uploaded on {upload_day}, "
        f"and an article may be dated at most {MAX_DAYS_AFTER_UPLOAD} days after its upload",
        fix="check the date's year, month and day; an article not yet published is uploaded once it is",
    )


def _without_address(parsed: ParsedUpload) -> ParsedUpload:
    """The upload without the e-mail address its author is given with, in every format (bylines.without_address):
    the name beside it, or no author when the address is all it gives."""
    if parsed.author is None:
        return parsed
    author = without_address(parsed.author)
    return parsed if author == parsed.author else replace(parsed, author=author)


def _named_as_another_format(exc: RejectedUploadError, key: str, extension: str, data: bytes) -> RejectedUploadError:
    """The rejection, saying what format the file looks like when its extension names another, and the name to give
    it (looks_like_another_format); else the rejection as it is."""
    looks = looks_like_another_format(FORMAT_OF_EXTENSION.get(extension), data)
    if looks is None:
        return exc
    name = posixpath.basename(key)[: -len(extension)] + looks
    return RejectedUploadError(
        f"{exc.reason}; it looks like {FORMAT_NAMES[looks]}, not {FORMAT_NAMES[FORMAT_OF_EXTENSION[extension]]}",
        fix=f"a file is read by its extension: if it is {FORMAT_NAMES[looks]}, rename it {name} and upload it again;"
        f" else {exc.fix}",
    )


def _refuse_error_page(parsed: ParsedUpload) -> None:
    """RejectedUploadError when a legacy page, Markdown file or JSON article is a saved error, bot-check or empty
    search page (error_pages.refuse_error_page): its title is an error status title (`404 Not Found`, `Page not
    found`, `Just a moment...`, `Search results`), its short body is that page's own words, and it names no author, no
    date and no agency (a wire dateline's). Until session 55 only HTML was asked, and `404 Not Found` as text was
    published (attack report, F7). Another error title heads real briefs ("Access denied", "Service unavailable"): since
    session 56 such a page is rejected only when its text is an error page's own words ("You don't have permission to
    access this resource.")."""
    refuse_error_page(
        parsed.title,
        "",
        [paragraph for paragraph in parsed.body.split("\n\n") if paragraph],
        signed_or_dated=bool(parsed.author or parsed.published or parsed.credit),
        status_title_only=True,
    )


def _refuse_markdown_as_text(key: str, extension: str, data: bytes) -> None:
    """RejectedUploadError when a text file opens as Markdown does (sniff.markdown_opening), with the name to give it:
    read as a legacy page, its front matter became the title, and its author and date were lost. As a
    Markdown file in another extension, it is not read as Markdown for it (looks_like_another_format)."""
    opening = markdown_opening(data)
    if opening is not None:
        name = posixpath.basename(key)[: -len(extension)] + ".md"
        raise RejectedUploadError(
            f"the text file starts with {opening}, which a legacy text page never has: it looks like Markdown, not"
            " text",
            fix=f"a file is read by its extension: if it is Markdown, rename it {name} and upload it again",
        )


def _agency_as_credit(parsed: ParsedUpload) -> ParsedUpload:
    """The upload with the agency credited after its author's names (`Patti Domm, Reuter`) moved to its credit, in
    every format and for a declared author too: an agency is no writer, and read as part of the name it split one
    writer into two facet values (bylines.without_agency_tail). A credit the article gives already is kept."""
    if parsed.author is None:
        return parsed
    author, credit = without_agency_tail(parsed.author)
    if credit is None:
        return parsed
    return replace(parsed, author=author, credit=parsed.credit or credit)


def _read(key: str, target: str, data: bytes) -> ParsedUpload:
    """The upload read by the parser `target` names; a Markdown file with what its key says of it (a Jekyll post's
    categories are read as Jekyll reads them: site_generators.is_jekyll_post)."""
    if target == PARSERS[".md"] and is_jekyll_post(key):
        from archive_search.parsing.markdown_upload import parse_markdown

        return parse_markdown(data, jekyll_post=True)
    return parser(target)(data)


def _sniffed(extension: str, data: bytes, target: str) -> str:
    # Legacy text never starts with a tag, so any leading HTML tag decides; Markdown and JSON need a whole page.
    if target != HTML and looks_like_html(data, fragment=extension == ".txt"):
        return HTML
    if extension == ".txt" and looks_like_json_object(data):
        return JSON
    return target
