"""Turn an uploaded file into a validated ParsedUpload, whatever its format.

The extension picks the parser. Two cheap content checks correct a misleading one: a .md or .json file that
starts with `<!doctype html>` or `<html>`, or a .txt file that starts with an HTML tag, is parsed as HTML, and a
.txt file that starts with `{` as JSON. Binary files (PDF, Word, images) are rejected with what they are.
No other guessing: a file without a known extension is rejected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from archive_search.errors import RejectedUploadError
from archive_search.keys import extension_of
from archive_search.models import ParsedUpload
from archive_search.parsing.html_page import parse_html
from archive_search.parsing.json_upload import parse_json
from archive_search.parsing.legacy_text import parse_legacy_text
from archive_search.parsing.markdown_upload import parse_markdown
from archive_search.parsing.sniff import binary_kind, looks_like_html, looks_like_json_object
from archive_search.parsing.validate import validated

logger = logging.getLogger(__name__)
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
PARSERS: dict[str, Callable[[bytes], ParsedUpload]] = {
    ".json": parse_json,
    ".txt": parse_legacy_text,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
}
SUPPORTED_EXTENSIONS = tuple(PARSERS)


def parse_upload(key: str, data: bytes) -> ParsedUpload:
    """Parse an upload by its extension; raise RejectedUploadError with a reason an editor can act on.

    Only RejectedUploadError leaves this function: whatever else a parser raises on these bytes (a library's
    error on input nobody foresaw) is the upload's fault too, so it becomes a rejection rather than a failure
    that the queue would retry until the message is dead-lettered.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise RejectedUploadError(
            f"the file is above the limit of {MAX_UPLOAD_BYTES} bytes",
            fix="split the article or remove embedded media",
        )
    if not data.strip():
        raise RejectedUploadError("the file is empty", fix="upload the article's text")
    extension = extension_of(key)
    parser = PARSERS.get(extension)
    if parser is None:
        raise RejectedUploadError(
            f"files ending in {extension or '(no extension)'!r} are not supported",
            fix=f"upload one of: {', '.join(SUPPORTED_EXTENSIONS)}",
        )
    kind = binary_kind(data)
    if kind is not None:
        raise RejectedUploadError(
            f"the file is {kind}, not text",
            fix=f"export the article as text and upload it as one of: {', '.join(SUPPORTED_EXTENSIONS)}",
        )
    try:
        return validated(_sniffed(extension, data, parser)(data))
    except RejectedUploadError:
        raise
    except Exception as exc:  # the parsers' boundary: see the docstring
        logger.exception("parser failed on an upload", extra={"key": key})
        raise RejectedUploadError(
            f"the file could not be read as {extension} ({exc.__class__.__name__})",
            fix="check the file opens in an editor and re-save it as UTF-8",
        ) from None


def _sniffed(extension: str, data: bytes, parser: Callable[[bytes], ParsedUpload]) -> Callable[[bytes], ParsedUpload]:
    # Legacy text never starts with a tag, so any leading HTML tag decides; Markdown and JSON need a whole page.
    if parser is not parse_html and looks_like_html(data, fragment=extension == ".txt"):
        return parse_html
    if extension == ".txt" and looks_like_json_object(data):
        return parse_json
    return parser
