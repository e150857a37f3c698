"""Decoding and whitespace helpers shared by the parsers."""

from __future__ import annotations

import codecs
import html
import re
from html.entities import html5 as _HTML5_ENTITIES
import unicodedata

from archive_search.errors import RejectedUploadError
from archive_search.index_mapping import INVISIBLE_CLASS

# Visible spaces only: the zero-width space and no-break space (U+200B, U+FEFF) are kept as sent, inside a word
# too; the index's analyzers drop every invisible character (index_mapping.INVISIBLE_RANGES) as queries do.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_VISIBLE = re.compile(f"[^\\s\x00-\x1f\x7f-\x9f{INVISIBLE_CLASS}]")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Every line break and separator: a one-line field (title, author, tag...) shows each as a space.
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# A body keeps its lines: CR LF, CR, NEL and the line separator end a line, the paragraph separator a paragraph.
_BODY_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
# Bidi embeddings and overrides (LRE, RLE, LRO, RLO) end at PDF; isolates (LRI, RLI, FSI) at PDI (UAX #9).
_EMBEDDINGS, _ISOLATES, _PDF, _PDI = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068", "\u202c", "\u2069"
_FALLBACK_ERRORS = "archive-search-cp1252"
_LATIN1_ERRORS = "archive-search-latin1"
# Charsets web pages declare; never "unicode_escape", "utf_7" or other codecs a page could abuse.
_WEB_CHARSET = re.compile(
    r"^(?:iso8859_\d{1,2}|cp12[5][0-8]|cp8[56]\d|cp874|koi8_[a-z]|mac_[a-z]+|shift_jis|euc_jp|euc_kr|gb2312|gbk"
    r"|gb18030|big5|big5hkscs|iso2022_jp|tis_620)$"
)
# Checked longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that mean Windows-1252 in practice (the WHATWG encoding standard maps them all to it), and labels that
# cannot describe a file whose declaration we could read as ASCII.
_WESTERN = frozenset({"cp1252", "iso8859_1", "latin_1", "ascii", "iso8859_15"})
_IGNORED_DECLARATIONS = frozenset(
    {"utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7"}
)


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined keep their Latin-1 meaning (C1 controls, later cleaned).
        return chr(byte)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_CP1252_TABLE[byte] for byte in bad), error.end


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """The five bytes Windows-1252 leaves undefined keep their Latin-1 meaning (C1 controls, cleaned later)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(chr(byte) for byte in error.object[error.start : error.end]), error.end


codecs.register_error(_FALLBACK_ERRORS, _cp1252_fallback)
codecs.register_error(_LATIN1_ERRORS, _latin1_fallback)
_CP1252_TABLE = tuple(_cp1252_char(byte) for byte in range(256))
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: a byte-order mark wins; then UTF-8; then the declared charset; then Windows-1252.

    Legacy files are Windows-1252 or Latin-1 (the same for text: Latin-1's 0x80-0x9F are unused control codes,
    where Windows-1252 has curly quotes and dashes). A file that is mostly UTF-8 but has a few stray bytes (quotes
    pasted from Word) keeps its UTF-8 and reads only the stray bytes as Windows-1252, with a UTF-8 byte-order mark
    or without. A declared charset (an HTML meta tag) is only used for files that are not valid UTF-8.
    Bytes are never replaced by U+FFFD: RejectedUploadError names the first that a UTF-16/32 file (by its mark) or
    a declared charset cannot decode, and where it is.
    """
    encoding = bom_encoding(data)
    bom_length = len(next(bom for bom, name in _BOMS if name == encoding)) if encoding is not None else 0
    if encoding is not None and encoding != "utf-8":
        text = _strict(data, bom_length, encoding, "its byte-order mark")
    else:
        try:
            text = data[bom_length:].decode("utf-8")
        except UnicodeDecodeError:
            # Sound with a UTF-8 mark too: the mark says UTF-8, and the same stray bytes are read the same way.
            text = _decode_legacy(data, bom_length, declared)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _strict(data: bytes, start: int, codec: str, why: str) -> str:
    """data[start:] decoded as codec; RejectedUploadError naming the first bytes it cannot decode and where."""
    try:
        return data[start:].decode(codec)
    except UnicodeDecodeError as exc:
        at = start + exc.start
        bad = " ".join(f"0x{byte:02X}" for byte in data[at : start + exc.end][:8])
        line = data[:at].count(b"\n") + 1
        raise RejectedUploadError(
            f"the file is {codec} by {why}, but byte {at} (line {line}) holds {bad}, which is not valid {codec} "
            f"({exc.reason})",
            fix="open the file in an editor, check the text around there and save it again as UTF-8",
        ) from None


def _decode_legacy(data: bytes, start: int, declared: str | None) -> str:
    codec = _declared_codec(declared)
    if codec is not None:
        return _strict(data, start, codec, "its declared charset")
    data = data[start:]
    if _mostly_utf8(data):
        # A UTF-8 file with a few Windows-1252 bytes pasted in: keep both.
        return data.decode("utf-8", errors=_FALLBACK_ERRORS)
    return data.decode("cp1252", errors=_LATIN1_ERRORS)


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form valid UTF-8 sequences (a Windows-1252 file rarely has any)."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    valid = sum(len(match) for match in _UTF8_SEQUENCE.findall(data))
    return valid * 2 >= high


def _declared_codec(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name.replace("-", "_")
    except (LookupError, ValueError):  # unknown label, or one with a NUL byte
        return None
    if name in _WESTERN or name in _IGNORED_DECLARATIONS or not _WEB_CHARSET.match(name):
        return None
    return name


def unescape_entities(text: str) -> str:
    """Decode HTML entities that end with a semicolon (`&amp;`, `&#8217;`), leaving `AT&T` alone.

    A name decodes only when the whole `&name;` is one of HTML's: `&notes;` stays as written, where html.unescape
    would read the legacy `&not` in it (`¬es;`), as a browser does in markup but never in text we were sent.
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(_entity, text)


def _entity(match: re.Match[str]) -> str:
    entity = match.group(0)
    if entity.startswith("&#"):
        return html.unescape(entity)
    return _HTML5_ENTITIES.get(entity[1:], entity)


def clean_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def one_line(text: str) -> str:
    """The text on one line: every line break and separator (CR, LF, VT, FF, NEL, U+2028, U+2029) a space."""
    return clean_line(_LINE_BREAKS.sub(" ", text))


def body_lines(text: str) -> str:
    """Line ends as LF: CR LF, CR, NEL and U+2028 end a line; U+2029 (paragraph separator) ends a paragraph."""
    return _BODY_BREAKS.sub(lambda match: "\n\n" if match.group() == "\u2029" else "\n", text)


def closed_bidi(line: str) -> str:
    """The line with every bidi embedding, override or isolate it leaves open closed at its end.

    They are kept as sent (invisible, like U+200B), but an unclosed one reorders what is shown after the field on
    the same line of a page (the author after a title, the next result), so it ends where the field ends.
    """
    if not any(char in _EMBEDDINGS or char in _ISOLATES for char in line):
        return line
    closers: list[str] = []
    for char in line:
        if char in _EMBEDDINGS:
            closers.append(_PDF)
        elif char in _ISOLATES:
            closers.append(_PDI)
        elif char == _PDF and closers and closers[-1] == _PDF:
            closers.pop()
        elif char == _PDI and _PDI in closers:
            # A PDI closes its isolate and every embedding opened inside it.
            del closers[len(closers) - 1 - closers[::-1].index(_PDI) :]
    return line + "".join(reversed(closers))


def normalise_space(text: str) -> str:
    """All whitespace, newlines included, as single spaces."""
    return " ".join(_SPACES.sub(" ", text).split())


def paragraphs(text: str) -> list[str]:
    """Split at blank lines; join the lines inside a paragraph with single spaces."""
    result = []
    for block in _BLANK_LINES.split(text.strip()):
        joined = clean_line(" ".join(line.strip() for line in block.splitlines()))
        if joined:
            result.append(joined)
    return result


def has_visible(text: str) -> bool:
    """True when the text shows something: a character that is neither whitespace, a control character nor invisible
    (a soft hyphen, a zero-width space: index_mapping.INVISIBLE_CLASS)."""
    return bool(_VISIBLE.search(text))
