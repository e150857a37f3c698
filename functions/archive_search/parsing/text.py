"""Decoding and whitespace helpers shared by the parsers."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); legacy pages that are not UTF-8 are Windows-1252.

    Windows-1252 maps curly quotes and dashes in 0x80-0x9F that Latin-1 would turn into control
    characters; the five bytes it leaves undefined fall back to their Latin-1 meaning.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = "".join(_cp1252_char(byte) for byte in data)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def clean_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def paragraphs(text: str) -> list[str]:
    """Split at blank lines; join the lines inside a paragraph with single spaces."""
    result = []
    for block in _BLANK_LINES.split(text.strip()):
        joined = clean_line(" ".join(line.strip() for line in block.splitlines()))
        if joined:
            result.append(joined)
    return result
