"""Plain-text pages exported from the legacy site.

Shape (see tests/fixtures/legacy-page-kerry-putin.txt): a line of site chrome, the title, the site name,
a `(By Name)` byline, then paragraphs; the last paragraph often ends with an agency credit such as `(AFP)`.
Variants handled: no byline, `By Name` without parentheses, more chrome lines at the top or the bottom
(navigation, copyright, "Back to top"), Windows line endings, HTML entities, credits such as `(Reuters)`, `- AFP`,
`(AP) ` or a last line that is only the credit.
"""

from __future__ import annotations

import re

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.bylines import byline_name, credit_only, dateline_credit, split_trailing_credit
from archive_search.parsing.text import decode, paragraphs, unescape_entities

# Lines of the old site's page furniture, wherever they appear (compared case-insensitively).
CHROME_LINES = frozenset(
    {
        "site-wide search",
        "site search",
        "search",
        "search the archive",
        "home",
        "menu",
        "skip to content",
        "skip to main content",
        "back to top",
        "top of page",
        "print",
        "print this article",
        "email",
        "email this article",
        "share",
        "share this article",
        "advertisement",
        "related articles",
        "related stories",
        "read more",
        "log in",
        "sign in",
        "subscribe",
    }
)
_SITE_NAME = re.compile(r"^somanet(?:\s+news)?(?:\s+archive)?$", re.IGNORECASE)
# Only at the top or the bottom of a page: copyright lines ("© 2016 SomaNet", "Copyright (c) 2016 ...", "Copyright
# 2016 ..."; not "Copyright law reform passes Senate"), "All rights reserved" and "Page 2 of 3".
_EDGE_CHROME = re.compile(
    r"^(?:(?:\u00a9|\(c\))\s.*|copyright\s+(?:\u00a9|\(c\)|\d{4}\b).*|all rights reserved\.?|page \d+ of \d+)$",
    re.IGNORECASE,
)
# A navigation bar ("Home | World | Sport", "News » World » Europe"): three or more menu items between separators.
_NAV_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022\u00bb>]\s+")
# A menu item is a name, not a clause: at most three words, each capitalised, a number, "&" or a connector.
_MENU_ITEM = re.compile(
    r"(?:[A-Z0-9\u00c0-\u00de][^\s.!?;:,]*|&|and|of)(?:\s+(?:[A-Z0-9\u00c0-\u00de][^\s.!?;:,]*|&|and|of)){0,2}"
)
_BYLINE_WITHIN = 6  # a byline further down than this many blocks is body text


def _is_chrome(block: str) -> bool:
    return block.casefold().rstrip(":") in CHROME_LINES or bool(_SITE_NAME.match(block))


def _is_edge_chrome(block: str) -> bool:
    if _EDGE_CHROME.match(block):
        return True
    items = _NAV_SEPARATOR.split(block)
    return len(items) >= 3 and all(_MENU_ITEM.fullmatch(item) for item in items)


def _strip_edge_chrome(blocks: list[str], title: str | None) -> list[str]:
    """Blocks without the copyright lines and navigation bars at the top and the bottom of the page.

    The block just before the byline, and `title` (the block the page's layout puts in the title's place), is the
    title whatever it looks like ("Oil · Gold · Silver"): with it dropped, the first paragraph would become the
    title.
    """
    start, end = 0, len(blocks)
    while start < end and blocks[start] != title and _is_edge_chrome(blocks[start]):
        start += 1
    if 0 < start < end and byline_name(blocks[start]):
        start -= 1
    while end > start + 1 and _is_edge_chrome(blocks[end - 1]):
        end -= 1
    return blocks[start:end]


def _title_place(blocks: list[str]) -> int | None:
    """The block the old site's layout puts the headline in: the one just before the site name ("site-wide
    search", HEADLINE, "SomaNet News Archive"), unless that is the page's first block and furniture. A headline
    there is kept whatever it says: "Subscribe", "Home" or "Oil · Gold · Silver Rally" were dropped as furniture."""
    site = next((i for i, block in enumerate(blocks[:_BYLINE_WITHIN]) if _SITE_NAME.match(block)), None)
    if not site:
        return None
    before = site - 1
    if before == 0 and _is_chrome(blocks[0]):
        return None
    return before


def parse_legacy_text(data: bytes) -> ParsedUpload:
    text = unescape_entities(decode(data))
    raw = paragraphs(text)
    title_at = _title_place(raw)
    kept = [p for i, p in enumerate(raw) if i == title_at or not _is_chrome(p)]
    blocks = _strip_edge_chrome(kept, raw[title_at] if title_at is not None else None)
    if not blocks:
        raise RejectedUploadError("the page has no text besides site navigation", fix="export the article again")

    author = None
    summary = None
    byline_at = next((i for i, block in enumerate(blocks[:_BYLINE_WITHIN]) if byline_name(block)), None)
    if byline_at is not None:
        author = byline_name(blocks[byline_at])
        head, body_blocks = blocks[:byline_at], blocks[byline_at + 1 :]
        if head:
            title = head[0]
            # Anything between the title and the byline is a standfirst, kept as the summary.
            summary = " ".join(head[1:]) or None
        else:  # the byline came first: the title follows it
            title, body_blocks = (body_blocks[0], body_blocks[1:]) if body_blocks else ("", [])
    else:
        title, body_blocks = blocks[0], blocks[1:]

    body_blocks, credit = _take_credit(body_blocks)
    return ParsedUpload(
        title=title,
        body="\n\n".join(body_blocks),
        source_format="legacy-text",
        author=author,
        summary=summary,
        credit=credit,
    )


def _take_credit(body_blocks: list[str]) -> tuple[list[str], str | None]:
    """Move a trailing agency credit out of the body; failing that, note a wire dateline's credit."""
    blocks = list(body_blocks)
    if not blocks:
        return blocks, None
    credit = credit_only(blocks[-1])
    if credit is not None:
        return blocks[:-1], credit
    blocks[-1], credit = split_trailing_credit(blocks[-1])
    if not blocks[-1]:
        blocks.pop()
    if credit is None and blocks:
        credit = dateline_credit(blocks[0])
    return blocks, credit
