"""Cheap looks at an upload's first bytes: binary files, and text files whose extension names another format."""

from __future__ import annotations

import re

from archive_search.parsing.front_matter import starts_with_front_matter_mapping
from archive_search.parsing.text import bom_encoding

# Files editors upload by mistake, by their first bytes.
MAGIC_NUMBERS = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt document is one)"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
)
_PREAMBLE = rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
_PAGE_START = re.compile(_PREAMBLE + rb"<(?:!doctype\s+html|html)[\s>/]", re.IGNORECASE | re.DOTALL)
_FRAGMENT_START = re.compile(
    _PREAMBLE + rb"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6]|script|style)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
SNIFF_BYTES = 4096
_JSON_OBJECT_START = re.compile(rb'\s*\{\s*["}]')


def binary_kind(data: bytes) -> str | None:
    """What the file is, if it is not text: "a PDF document", "a binary file"; None for text."""
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            return kind
    head = data[:SNIFF_BYTES]
    if bom_encoding(data) is None and head.count(b"\x00") > max(1, len(head) // STRAY_NUL_SHARE):
        return "a binary file (or text in UTF-16 without a byte-order mark)"
    return None


# A NUL in about one byte of this many, or fewer, is a stray one in a text (an export's or a paste's), which the text's
# clean-up blanks as it blanks the other control characters, wherever it is: one NUL in the first 4 KiB was "a binary
# file", after them nothing at all (session 51's attacker). UTF-16 text holds a NUL in every other byte of its Latin
# letters, and binary formats many more.
STRAY_NUL_SHARE = 256


def looks_like_html(data: bytes, *, fragment: bool) -> bool:
    """A whole page (`<!doctype html>`, `<html>`), or with fragment=True also a page that starts with a tag."""
    head = data[:SNIFF_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return bool((_FRAGMENT_START if fragment else _PAGE_START).match(head))


def looks_like_json_object(data: bytes) -> bool:
    """A JSON object's start: `{` and then its first key's quote, or its end (RFC 8259: an object's members are
    strings' names). A legacy page whose first line opens with a brace (`{Updated} Kerry...`, `{PHOTO: ...}`) is
    none: read as JSON, it was rejected with a JSON syntax error (session 53's attacker)."""
    head = data[:SNIFF_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return _JSON_OBJECT_START.match(head) is not None


# A Markdown article's start: front matter (`---`) or a `# Heading` line.
_MARKDOWN_START = re.compile(rb"\s*(?:---[ \t]*\r?\n|#[ \t]+\S)")
FORMAT_NAMES = {".json": "JSON", ".md": "Markdown", ".html": "HTML", ".txt": "text"}


def looks_like_another_format(own: str | None, data: bytes) -> str | None:
    """The extension of the format a text file looks like when its own format (`own`, named by its first extension
    as FORMAT_NAMES's keys are: `.md` for `.markdown`) is another (JSON saved as `.md`, an HTML fragment as `.json`,
    Markdown as `.json` or `.html`), else None. Only a hint for a rejection's reason: the file is never read as that
    format for it (session 54's new user got "the Markdown file has no title" of a JSON article named `.md`)."""
    head = data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    if _JSON_OBJECT_START.match(head):
        looks = ".json"
    elif _FRAGMENT_START.match(head):
        looks = ".html"
    elif _MARKDOWN_START.match(head):
        looks = ".md"
    else:
        return None
    return None if own in (None, looks, ".txt") else looks


def markdown_opening(data: bytes) -> str | None:
    """What Markdown opens a text file with, which no legacy page does: "front matter (between --- lines)" of
    lower-case `key: value` lines with a `title:` (front_matter.starts_with_front_matter_mapping); else None. Read as
    a legacy page, the front matter was the title (session 55's attack report, F2). A first line starting with `#`
    is no sign: legacy pages open with `# 1 seed …`, `## BREAKING ##` or `# * * *` (session 55's review N, R3)."""
    head = data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace").replace("\r\n", "\n")
    if starts_with_front_matter_mapping(head.lstrip("\n")):
        return "front matter (between --- lines)"
    return None
