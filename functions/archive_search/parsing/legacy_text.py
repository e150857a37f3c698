"""Plain-text pages exported from the legacy site.

Shape (see tests/fixtures/legacy-page-kerry-putin.txt): a line of site chrome, the title, the site name,
a `(By Name)` byline, then paragraphs; the last paragraph often ends with an agency credit such as `(AFP)`.
"""

from __future__ import annotations

import re

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.text import clean_line, decode, paragraphs

CHROME_LINES = frozenset({"site-wide search", "somanet news archive", "search", "home"})
_BYLINE = re.compile(r"^\(\s*by\s+(?P<name>[^()]{2,120}?)\s*\)$", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(
    r"\s*\((?P<credit>AFP|AP|Reuters|Reuter|UPI|DPA|ANSA|EFE|Xinhua|PTI|IANS|BBC|CNN|TASS|Kyodo|Yonhap)\)\.?\s*$",
    re.IGNORECASE,
)


def _is_chrome(line: str) -> bool:
    return line.casefold() in CHROME_LINES


def parse_legacy_text(data: bytes) -> ParsedUpload:
    text = decode(data)
    blocks = [p for p in paragraphs(text) if not _is_chrome(p)]
    if not blocks:
        raise RejectedUploadError("the page has no text besides site navigation", fix="export the article again")

    author = None
    byline_at = next((i for i, block in enumerate(blocks) if _BYLINE.match(block)), None)
    if byline_at is not None:
        match = _BYLINE.match(blocks[byline_at])
        assert match is not None
        author = clean_line(match.group("name"))
        head, body_blocks = blocks[:byline_at], blocks[byline_at + 1 :]
        title = head[0] if head else ""
        # Anything between the title and the byline is a standfirst, kept as the summary.
        summary = " ".join(head[1:]) or None
    else:
        title, body_blocks, summary = blocks[0], blocks[1:], None

    credit = None
    if body_blocks:
        match = _TRAILING_CREDIT.search(body_blocks[-1])
        if match:
            credit = match.group("credit").upper() if len(match.group("credit")) <= 4 else match.group("credit")
            ending = body_blocks[-1][: match.start()].rstrip()
            body_blocks[-1] = ending if ending.endswith((".", "!", "?", '"')) else f"{ending}."
    return ParsedUpload(
        title=title,
        body="\n\n".join(body_blocks),
        source_format="legacy-text",
        author=author,
        summary=summary,
        credit=credit,
    )
