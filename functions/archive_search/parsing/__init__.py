"""Turn an uploaded file into a validated ParsedUpload, whatever its format."""

from __future__ import annotations

from collections.abc import Callable

from archive_search.errors import RejectedUploadError
from archive_search.keys import extension_of
from archive_search.models import ParsedUpload
from archive_search.parsing.json_upload import parse_json
from archive_search.parsing.legacy_text import parse_legacy_text
from archive_search.parsing.validate import validated

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
PARSERS: dict[str, Callable[[bytes], ParsedUpload]] = {".json": parse_json, ".txt": parse_legacy_text}
SUPPORTED_EXTENSIONS = tuple(PARSERS)


def parse_upload(key: str, data: bytes) -> ParsedUpload:
    """Parse an upload by its extension; raise RejectedUploadError with a reason an editor can act on."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise RejectedUploadError(
            f"the file is {len(data)} bytes, above the limit of {MAX_UPLOAD_BYTES}",
            fix="split the article or remove embedded media",
        )
    if not data.strip():
        raise RejectedUploadError("the file is empty", fix="upload the article's text")
    parser = PARSERS.get(extension_of(key))
    if parser is None:
        raise RejectedUploadError(
            f"files ending in {extension_of(key) or '(no extension)'!r} are not supported",
            fix=f"upload one of: {', '.join(SUPPORTED_EXTENSIONS)}",
        )
    return validated(parser(data))
