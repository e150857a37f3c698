"""Decoding and whitespace helpers shared by the parsers."""

from __future__ import annotations

import codecs
import csv
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from html.entities import html5 as _HTML5_ENTITIES
from typing import Any

from archive_search.errors import RejectedUploadError
from archive_search.index_mapping import INVISIBLE_CLASS

# The HTML standard's phrasing elements ("phrasing content"), which sit inside a line of text, and the obsolete ones
# feeds and exports still send (`<font>`, `<tt>`): their tags join what they surround (`<b>Blair</b>'s`,
# `Beyonc<b>é</b>`), where any other element's are a break. Read by queries (query_parser.pasted_text), a legacy
# page's title (legacy_text) and the HTML extractor's element names (html_text.HTML_ELEMENTS).
PHRASING_ELEMENTS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd"}
    | {"mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"}
)
# Visible spaces only: the zero-width space and no-break space (U+200B, U+FEFF) are kept as sent, inside a word
# too; the index's analyzers drop every invisible character (index_mapping.INVISIBLE_RANGES) as queries do.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_VISIBLE = re.compile(f"[^\\s\x00-\x1f\x7f-\x9f{INVISIBLE_CLASS}]")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
_NUMERIC_REFERENCE = re.compile(r"&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));")
# What a browser reads as a numeric reference in markup, its `;` or not (`&#x110000` too): one past U+10FFFF it
# shows as U+FFFD, however many digits it has (session 22's review: only seven were read).
_MARKUP_REFERENCE = re.compile(r"&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));?")
_HIGH_SURROGATES, _LOW_SURROGATES = range(0xD800, 0xDC00), range(0xDC00, 0xE000)
_PRIVATE_USE_B = re.compile("[\U00100000-\U0010ffff]")
# Every line break and separator: a one-line field (title, author, tag...) shows each as a space.
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# A body keeps its lines: CR LF, CR, NEL and the line separator end a line, the paragraph separator a paragraph.
_BODY_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
# Terminal (ECMA-48 / VT100) escape sequences, as text copied from a terminal or a log holds them (`ESC[31m` colours
# it red): each complete one is removed whole, where blanking its ESC alone left `[31m` in the text, found by a
# search for `31m` (session 56's new user). Complete, as ECMA-48 defines them: a control sequence (CSI: `ESC [`,
# parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, a final byte 0x40-0x7E); a string (OSC, DCS, SOS, PM,
# APC: `ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _`) with its terminator (BEL or ST, `ESC \`) before the line's end;
# a character-set designation (ECMA-35: `ESC (B`, `ESC $)A`, `ESC %G`, `ESC #8`: one or two of the intermediate
# bytes # $ % ( ) * + - . /, then a digit, an upper-case letter or one of @ : ; = > ?); or a two-character escape:
# a C1 control's 7-bit form (Fe, 0x40-0x5F: `ESC D`, `ESC M`, but not the string and CSI introducers) or DEC's
# `ESC 7`, `ESC 8`, `ESC =`, `ESC >`. Anything else is a lone ESC, a space in validation, and takes nothing with
# it: not the space and letter after it (`ESC to` read as the escape `ESC SP t` lost the `t`: session 56's review),
# not a quote, a lower-case letter, another digit or `<` (markup), nor an unterminated string's text. Only the
# 7-bit forms: a C1 control (U+0080 to U+009F) also comes from a legacy page's byte that Windows-1252 leaves
# undefined, and read as the start of a string it would take the rest of the line with it; each is a space, as
# every other control. Removed from a field's value (validation), a text page's lines and Markdown's source, never
# from a page's markup (session 56's review: `ESC<b>now</b>` lost its `<`).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[]PX^_][^\x07\x1b\n\r\x0b\x0c\x85\u2028\u2029]*(?:\x07|\x1b\\)"
    r"|\x1b[#-%(-+\-./]{1,2}[0-;=-Z]"
    r"|\x1b[@-OQ-WYZ\\78=>]"
)
# Bidi embeddings and overrides (LRE, RLE, LRO, RLO) end at PDF; isolates (LRI, RLI, FSI) at PDI (UAX #9).
_EMBEDDINGS, _ISOLATES, _PDF, _PDI = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068", "\u202c", "\u2069"
# Searched for before a line is read character by character: a 4.5 MB body took 0.2 s to read so, 0.02 s to search.
_OPENS_BIDI = re.compile(f"[{_EMBEDDINGS}{_ISOLATES}]")
_FALLBACK_ERRORS = "archive-search-cp1252"
_DEFINED_FALLBACK_ERRORS = "archive-search-cp1252-defined"
_C1_ERRORS = "archive-search-c1"
_REPLACEMENT = "replacement"
_LATIN1_ERRORS = "archive-search-latin1"
# Checked longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The WHATWG Encoding Standard's labels (encoding.spec.whatwg.org, "Names and labels"), which browsers follow: each
# encoding with the Python codec that decodes it as browsers do, and its labels. Browsers remap several: ISO-8859-1,
# ASCII and Latin-1 are Windows-1252, ISO-8859-9 is Windows-1254, TIS-620 and ISO-8859-11 are Windows-874, GB2312
# is GBK (read by the GB18030 decoder), EUC-KR is Windows-949, Shift_JIS is Windows-31J (cp932) and Big5 includes
# HKSCS. UTF-8, UTF-16 and x-user-defined (None) declared in a page leave the file to the UTF-8 / Windows-1252 rule;
# the "replacement" labels (ISO-2022-KR, ISO-2022-CN, HZ) are encodings browsers refuse to show. A label that is not
# in the table (utf-7, unicode-escape) is ignored, as browsers ignore it.
_WHATWG_ENCODINGS: tuple[tuple[str | None, str], ...] = (
    (None, "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    (None, "unicodefffe utf-16be csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
    (None, "x-user-defined"),
    ("cp866", "866 cp866 csibm866 ibm866"),
    ("iso8859_2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"),
    ("iso8859_3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"),
    ("iso8859_4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"),
    ("iso8859_5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"),
    (
        "iso8859_6",
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i"
        " iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    ),
    (
        "iso8859_7",
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7"
        " iso_8859-7:1987 sun_eu_greek",
    ),
    (
        "iso8859_8",
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8"
        " iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    ),
    ("iso8859_10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    ("iso8859_13", "iso-8859-13 iso8859-13 iso885913"),
    ("iso8859_14", "iso-8859-14 iso8859-14 iso885914"),
    ("iso8859_15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    ("iso8859_16", "iso-8859-16"),
    ("koi8_r", "cskoi8r koi koi8 koi8-r koi8_r"),
    ("koi8_u", "koi8-ru koi8-u"),
    ("mac_roman", "csmacintosh mac macintosh x-mac-roman"),
    ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    ("cp1250", "cp1250 windows-1250 x-cp1250"),
    ("cp1251", "cp1251 windows-1251 x-cp1251"),
    (
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1"
        " iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    ),
    ("cp1253", "cp1253 windows-1253 x-cp1253"),
    (
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5"
        " windows-1254 x-cp1254",
    ),
    ("cp1255", "cp1255 windows-1255 x-cp1255"),
    ("cp1256", "cp1256 windows-1256 x-cp1256"),
    ("cp1257", "cp1257 windows-1257 x-cp1257"),
    ("cp1258", "cp1258 windows-1258 x-cp1258"),
    ("mac_cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    ("gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030"),
    ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    ("euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    ("iso2022_jp_ext", "csiso2022jp iso-2022-jp"),
    ("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    (
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    ),
    (_REPLACEMENT, "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement"),
)
_WEB_LABELS: dict[str, str | None] = {label: codec for codec, labels in _WHATWG_ENCODINGS for label in labels.split()}
# The Windows-1252 labels: read by the fallback rule (with its stray-UTF-8 exception), which is Windows-1252.
_WESTERN = "cp1252"
# Encodings that are not ASCII-compatible but write 7-bit bytes, so their files are valid UTF-8 too: a page
# declaring one is read by its declaration when its bytes hold the encoding's shifts (ESC, SO, SI, HZ's `~{`).
_SEVEN_BIT = frozenset({"iso2022_jp_ext", _REPLACEMENT})
_SHIFTS = re.compile(rb"[\x1b\x0e\x0f]|~\{")
# Single-byte codecs whose undefined bytes 0x80-0x9F browsers read as the C1 controls (later cleaned as controls).
# Not the multi-byte code pages (932 Shift_JIS, 936 GBK, 949 EUC-KR, 950 Big5): a byte they cannot read there is no
# C1 control but a broken character (session 22's review: it became a space).
_SINGLE_BYTE = re.compile(r"^(?:cp(?!93[26]$|949$|950$)\d+|iso8859_\d+|koi8_[ru]|mac_\w+)$")
# cp932 reads 0xA0 and 0xFD-0xFF as these private-use characters; browsers (and Shift_JIS) have no such bytes.
_CP932_SINGLE_BYTE_EXTRAS = re.compile("[\uf8f0-\uf8f3]")


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


def _c1_fallback(error: UnicodeError) -> tuple[str, int]:
    """An undefined byte 0x80-0x9F of a single-byte Windows code page is its C1 control, as browsers read it."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    if not all(0x80 <= byte <= 0x9F for byte in bad):
        raise error
    return "".join(chr(byte) for byte in bad), error.end


codecs.register_error(_C1_ERRORS, _c1_fallback)
codecs.register_error(_FALLBACK_ERRORS, _cp1252_fallback)
codecs.register_error(_LATIN1_ERRORS, _latin1_fallback)
_CP1252_TABLE = tuple(_cp1252_char(byte) for byte in range(256))
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def web_charset(label: str | None) -> str | None:
    """The Python codec for a charset label as the WHATWG Encoding Standard reads it; None for an unknown label.

    UTF-8, UTF-16 and x-user-defined give "" (known, but the declaration does not decide: the UTF-8 rule does).
    """
    if not label:
        return None
    key = label.strip(" \t\n\f\r\"'").lower()
    if key not in _WEB_LABELS:
        return None
    return _WEB_LABELS[key] or ""


def decode(data: bytes, declared: tuple[str, ...] = ()) -> str:
    """Bytes to text: a byte-order mark wins; then UTF-8; then the declared charset (`declared`: the labels an HTML
    page declares, in order; _read_declared); then Windows-1252.

    Legacy files are Windows-1252 or Latin-1 (the same for text: Latin-1's 0x80-0x9F are unused control codes,
    where Windows-1252 has curly quotes and dashes). A file that is mostly UTF-8 but has a few stray bytes (quotes
    pasted from Word) keeps its UTF-8 and reads only the stray bytes as Windows-1252, with a UTF-8 byte-order mark
    or without. A declared charset (an HTML meta tag: its label read as the WHATWG Encoding Standard reads it) is
    used for files that are not valid UTF-8, and for 7-bit files holding the shifts of a 7-bit encoding it names
    (ISO-2022-JP), which are valid UTF-8 but not UTF-8 text.
    Bytes are never replaced by U+FFFD: RejectedUploadError names the first that a UTF-16/32 file (by its mark) or
    a declared charset cannot decode, and where it is. A file that declares no charset and is not UTF-8 is read as
    Windows-1252 only when it reads as Western text (session 51: _other_script, _UNDEFINED_CP1252). A file of
    nothing but byte-order marks and whitespace is rejected as empty.
    """
    encoding = bom_encoding(data)
    bom_length = len(next(bom for bom, name in _BOMS if name == encoding)) if encoding is not None else 0
    first = declared[0] if declared else ""
    codec = web_charset(first)
    if encoding is not None and encoding != "utf-8":
        text = _strict(data, bom_length, encoding, "its byte-order mark")
    elif encoding is None and codec in _SEVEN_BIT and data.isascii() and _SHIFTS.search(data):
        text = _declared_decode(data, 0, codec, first)
    else:
        try:
            text = data[bom_length:].decode("utf-8")
        except UnicodeDecodeError:
            # Sound with a UTF-8 mark too: the mark says UTF-8, and the same stray bytes are read the same way.
            text = _read_declared(data, bom_length, declared)
    if not text.replace("\ufeff", "").strip():
        # Only a byte-order mark (UTF-8, UTF-16, UTF-32) or whitespace: empty, as a file of no bytes is said to be
        # (parse_upload). It was "no title" or "no text besides site navigation".
        raise RejectedUploadError("the file is empty", fix="upload the article's text")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def without_escape_sequences(text: str) -> str:
    """The text without its complete terminal escape sequences (_ESCAPE_SEQUENCE), each removed whole; a lone ESC
    is left for validation to make a space. For text that holds no markup (a field's value, a text page's or a
    Markdown body's source, front matter): run on a page's markup it could take a `<` that follows an ESC."""
    return _ESCAPE_SEQUENCE.sub("", text) if "\x1b" in text else text


def _strict(data: bytes, start: int, codec: str, why: str, name: str | None = None, errors: str = "strict") -> str:
    """data[start:] decoded as codec; RejectedUploadError naming the first bytes it cannot decode and where."""
    try:
        return data[start:].decode(codec, errors)
    except UnicodeDecodeError as exc:
        raise _undecodable(data, start + exc.start, start + exc.end, name or codec, why, exc.reason) from None


def _undecodable(data: bytes, at: int, end: int, name: str, why: str, reason: str) -> RejectedUploadError:
    bad = " ".join(f"0x{byte:02X}" for byte in data[at:end][:8])
    line = data[:at].count(b"\n") + 1
    return RejectedUploadError(
        f"the file is {name} by {why}, but byte {at} (line {line}) holds {bad}, which is not valid {name} ({reason})",
        fix="open the file in an editor, check the text around there and save it again as UTF-8",
    )


def _declared_decode(data: bytes, start: int, codec: str, label: str) -> str:
    name = label.strip(" \t\n\f\r\"'").lower()
    if codec == _REPLACEMENT:
        raise RejectedUploadError(
            f"the page declares the charset {name}, which browsers refuse to read (the WHATWG Encoding Standard"
            " shows such a page as one replacement character)",
            fix='save the page as UTF-8 and declare <meta charset="utf-8">',
        )
    errors = _C1_ERRORS if _SINGLE_BYTE.match(codec) else "strict"
    text = _strict(data, start, codec, "its declared charset", name, errors)
    extra = _CP932_SINGLE_BYTE_EXTRAS.search(text) if codec == "cp932" else None
    if extra is not None:
        at = start + len(text[: extra.start()].encode(codec))
        raise _undecodable(data, at, at + 1, name, "its declared charset", "a byte Shift_JIS does not use")
    return text


def _read_declared(data: bytes, start: int, labels: tuple[str, ...]) -> str:
    """Bytes that are not UTF-8 read by the charset the page declares (_decode_legacy): the first label, as browsers
    read it. A page may declare two (a Content-Type meta and a `<meta charset>`): a UTF-8 (or UTF-16) label then
    holds where the bytes are mostly UTF-8, as for a page declaring it alone, and otherwise gives way to the first
    label of another charset (session 52: `utf-8` then `iso-8859-15` was read as Windows-1252, `€4m` as `¤4m`). Of
    two labels of other charsets the first is read, as browsers read it (session 52's review: a page declaring
    `windows-1252` then `iso-8859-15`, or `iso-8859-1` then `iso-8859-15`, was rejected where browsers show it)."""
    charsets = list(dict.fromkeys(web_charset(label) for label in labels))
    if len(charsets) < 2:
        return _decode_legacy(data, start, charsets[0] if charsets else None, labels[0] if labels else "")
    if "" in charsets and _mostly_utf8(data[start:]):
        return _decode_legacy(data, start, "", "")
    first = next(label for label in labels if web_charset(label))
    return _decode_legacy(data, start, web_charset(first), first)


def _decode_legacy(data: bytes, start: int, codec: str | None, label: str) -> str:
    if codec and codec != _WESTERN:
        return _declared_decode(data, start, codec, label)
    # Declared Windows-1252 (or Latin-1, ASCII) is read as browsers read it; a file that declares nothing (or UTF-8,
    # UTF-16, x-user-defined, which do not decide) is read as Windows-1252 only when it reads as Western text.
    undeclared = codec != _WESTERN
    data = data[start:]
    if _mostly_utf8(data):
        # A UTF-8 file with a few Windows-1252 bytes pasted in: keep both.
        if not undeclared:
            return data.decode("utf-8", errors=_FALLBACK_ERRORS)
        try:
            return data.decode("utf-8", errors=_DEFINED_FALLBACK_ERRORS)
        except _UndefinedByteError as undefined:
            # UTF-8's own sequences hold such bytes (`Ł` is C5 81): only a stray one is refused.
            raise _undefined_byte(data, start, undefined.at, None) from None
    if undeclared:
        likely = _other_script(data)
        if (stray := _UNDEFINED_CP1252.search(data)) is not None:
            raise _undefined_byte(data, start, stray.start(), likely or None)
        if likely:
            raise RejectedUploadError(
                f"the file is not UTF-8 and declares no encoding; it looks like {likely}, which read as Windows-1252"
                " (Western European) would be garbled",
                fix=_resave(likely),
            )
        if likely is not None:
            raise RejectedUploadError(
                "the file is not UTF-8 and declares no encoding, and it does not read as Windows-1252 (Western"
                " European): its accented letters make up whole words (as Cyrillic, Greek or Chinese text read in"
                " the wrong encoding does)",
                fix=_resave(None),
            )
    return data.decode("cp1252", errors=_LATIN1_ERRORS)


# Session 51: the five bytes Windows-1252 leaves undefined are no Western text (its C1 controls were cleaned away,
# deleting a character: 0x8F is half of Shift_JIS's 承). In a file that declares no charset they are refused.
_UNDEFINED_CP1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
# What charset-normalizer reads: the first 32 KiB, cut at a line end (on a 1 MB Windows-1252 file it took 25 ms
# reading it all, 2 ms so).
_DETECTION_BYTES = 32_768
# charset-normalizer's guess is taken only on this evidence (docs/ingestion-formats.md, "Encodings", session 51):
# at least 8 letters of another script, 90% of them in words of two or more such letters with no a-z letter (a
# Western file read in a wrong code page gives stray letters inside a-z words: `揅AFF葦` for `“CAFFÈ”`); and, for a
# single-byte code page, whose byte structure is no evidence, the library's language coherence of at least 0.2.
_MIN_FOREIGN_LETTERS = 8
_FOREIGN_SHARE = 0.9
_MIN_COHERENCE = 0.2
# Characters that may be letters of another script: not Latin, not combining marks, not punctuation or symbols.
_MAYBE_OTHER_SCRIPT = re.compile("[^\x00-\u024f\u02b0-\u036f\u1e00-\u1eff\u2000-\u2bff]")
_TOKENS = re.compile(r"[\s!-@\[-`{-~]+")
# charset-normalizer's codec names as the charset labels an editor knows (and a page would declare).
_CODEC_NAMES = {
    "cp932": "Shift_JIS",
    "shift_jis": "Shift_JIS",
    "gb2312": "GBK",
    "gbk": "GBK",
    "gb18030": "GBK",
    "big5hkscs": "Big5",
    "cp949": "EUC-KR",
    "cp866": "IBM866",
    "mac_cyrillic": "x-mac-cyrillic",
    "euc_jis_2004": "EUC-JP",
    "euc_jisx0213": "EUC-JP",
}


def _resave(encoding: str | None) -> str:
    label = encoding.split(" (")[0] if encoding is not None else "…"
    return f're-save the file as UTF-8 (an HTML page may instead declare its charset: <meta charset="{label}">)'


def _codec_name(codec: str) -> str:
    if codec in _CODEC_NAMES:
        return _CODEC_NAMES[codec]
    if codec.startswith("iso8859_"):
        return "ISO-8859-" + codec.removeprefix("iso8859_")
    if codec.startswith("cp125"):
        return "windows-" + codec.removeprefix("cp")
    return {"big5": "Big5", "cp874": "windows-874"}.get(codec, codec.replace("_", "-").upper())


def _undefined_byte(data: bytes, start: int, at: int, likely: str | None) -> RejectedUploadError:
    line = data[:at].count(b"\n") + 1
    looks = f"; it looks like {likely}" if likely is not None else ""
    return RejectedUploadError(
        f"the file is not UTF-8 and declares no encoding, so it would be read as Windows-1252 (Western European), but"
        f" byte {start + at} (line {line}) holds 0x{data[at]:02X}, which Windows-1252 does not define{looks}",
        fix=_resave(likely),
    )


class _UndefinedByteError(Exception):
    def __init__(self, at: int) -> None:
        super().__init__(at)
        self.at = at


def _cp1252_defined_fallback(error: UnicodeError) -> tuple[str, int]:
    """_cp1252_fallback for a file that declares no charset: a stray byte Windows-1252 leaves undefined is refused."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    undefined = _UNDEFINED_CP1252.search(bad)
    if undefined is not None:
        raise _UndefinedByteError(error.start + undefined.start())
    return "".join(_CP1252_TABLE[byte] for byte in bad), error.end


codecs.register_error(_DEFINED_FALLBACK_ERRORS, _cp1252_defined_fallback)


def _other_script(data: bytes) -> str | None:
    """The encoding and script (`windows-1251 (Cyrillic)`) the file looks like when it does not read as Western
    text, on the evidence above; "" when the file does not read as Windows-1252 but no encoding passes; None when it
    reads as Windows-1252 (as every file did before session 51)."""
    # Imported by the first undeclared file that is not UTF-8 only (cold start).
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    sample = data[:_DETECTION_BYTES]
    if len(data) > _DETECTION_BYTES and (cut := sample.rfind(b"\n")) > _DETECTION_BYTES // 2:
        sample = sample[:cut]  # a multi-byte character cut in two would rule its encoding out
    for match in from_bytes(sample):  # best first
        if match.encoding.startswith(("utf_16", "utf_32")):  # UTF-16/32 with no mark is not guessed
            continue
        if not is_multi_byte_encoding(match.encoding) and match.coherence < _MIN_COHERENCE:
            continue
        decoded = str(match)
        if len(_MAYBE_OTHER_SCRIPT.findall(decoded)) < _MIN_FOREIGN_LETTERS:
            continue  # a Latin code page's reading (cp1250, mac_latin2...): the word-by-word look is skipped
        scripts = _words_of_their_own(decoded, _other_letter)
        if scripts:
            # The script its letters are in, which is surer than the library's language (Russian read as Bulgarian).
            kana = scripts["HIRAGANA"] + scripts["KATAKANA"]
            script = "Japanese" if kana else _SCRIPTS.get(scripts.most_common(1)[0][0], "")
            name = _codec_name(match.encoding)
            return f"{name} ({script})" if script else name
    if _words_of_their_own(sample.decode("cp1252", errors=_LATIN1_ERRORS), _accented_letter):
        return ""
    return None


_SCRIPTS = {"CJK": "Chinese", "HANGUL": "Korean", "CYRILLIC": "Cyrillic", "GREEK": "Greek", "HEBREW": "Hebrew"}
_SCRIPTS |= {"ARABIC": "Arabic", "THAI": "Thai"}


def _other_letter(ch: str) -> str:
    """The script of a letter of another script than Latin (the first word of its Unicode name: CYRILLIC, CJK...);
    "-" for a half-width katakana, which no Japanese news text is written in but KOI8-R read as Shift_JIS is
    (`ﾄﾖﾅﾔ`); "" for anything else."""
    if not ch.isalpha() or ch.isascii():
        return ""
    if "\uff61" <= ch <= "\uff9f":
        return "-"
    script = unicodedata.name(ch, "LATIN").split()[0]
    return "" if script in ("LATIN", "FULLWIDTH") else script


def _accented_letter(ch: str) -> str:
    return "LATIN" if ch.isalpha() and not ch.isascii() else ""


def _words_of_their_own(text: str, kind: Callable[[str], str]) -> Counter[str] | None:
    """The scripts of the letters of a kind, when at least 8 stand in words of two or more such letters with no a-z
    letter, and 90% of the kind's letters do; None otherwise. A Western text read in a wrong code page gives them
    inside a-z words (`揅AFF葦` for `“CAFFÈ”`) or alone (`“É”`); Cyrillic, Greek, Chinese... give whole words of them
    (`Бюджет`; and read as Windows-1252, `Áþäæåò`)."""
    seen: dict[str, str] = {}
    own: Counter[str] = Counter()
    other = 0
    for token in _TOKENS.split(text):
        if token.isascii():
            continue
        scripts = []
        odd = 0
        for ch in token:
            if ch not in seen:
                seen[ch] = kind(ch)
            if seen[ch] == "-":
                odd += 1
            elif seen[ch]:
                scripts.append(seen[ch])
        if len(scripts) >= 2 and not odd and not any(ch.isascii() and ch.isalpha() for ch in token):
            own.update(scripts)
        else:
            other += len(scripts) + odd
    mine = own.total()
    return own if mine >= _MIN_FOREIGN_LETTERS and mine >= _FOREIGN_SHARE * (mine + other) else None


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form valid UTF-8 sequences (a Windows-1252 file rarely has any), not counting
    those that are likelier Windows-1252: a capital and the closing quote of an opening one the file holds as a
    stray byte (_CAPITAL, _OPENING), right after an ASCII letter, with more of its opening quotes than of its closing
    ones among the stray bytes before it. `Opening of “CAFÉ” today` is 93 … C9 94: read as UTF-8, `“CAFɔ` (the quote
    lost, its opening one alone; session 49's new user). The pair is the evidence: a first form counted any such
    capital before punctuation, and UTF-8 files with `kɔ` (Twi), `guǒ` or `BΔ` and one stray byte were read as
    Windows-1252 (the session's last review). One pass, the stray quotes counted gap by gap (a 5 MB file may hold
    a million sequences)."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    quotes = dict.fromkeys((byte for pair in _OPENING.items() for byte in pair), 0)
    valid = previous = 0
    for match in _UTF8_SEQUENCE.finditer(data):
        start, end = match.span()
        gap = data[previous:start]
        for byte in quotes:
            quotes[byte] += gap.count(byte)
        previous = end
        closing = data[start + 1] if end - start == 2 else None
        coincidental = (
            closing in _OPENING
            and data[start] in _CAPITAL
            and data[start - 1 : start].isalpha()
            and quotes[_OPENING[closing]] > quotes[closing]
        )
        valid += 0 if coincidental else end - start
    return valid * 2 >= high


# A Windows-1252 capital (`Æ`-`Ë`, `Î`-`ß`: 0xC6-0xCB, 0xCE-0xDF) before a closing quote is two bytes UTF-8 reads
# as one letter. Not `Ä` and `Å` (0xC4, 0xC5: UTF-8's `ő`, `ė`, `ē` end Hungarian, Lithuanian and Latvian words),
# nor `Ì` and `Í` (0xCC, 0xCD: UTF-8's combining marks). Each closing quote with the opening one it pairs with: `”`
# after `“`, `“` after German `„`, `»` after `«`.
_CAPITAL = frozenset(range(0xC6, 0xCC)) | frozenset(range(0xCE, 0xE0))
_OPENING = {0x94: 0x93, 0x93: 0x84, 0xBB: 0xAB}


def unescape_entities(text: str) -> str:
    """Decode HTML entities that end with a semicolon (`&amp;`, `&#8217;`), leaving `AT&T` alone.

    A name decodes only when the whole `&name;` is one of HTML's: `&notes;` stays as written, where html.unescape
    would read the legacy `&not` in it (`¬es;`), as a browser does in markup but never in text we were sent.
    Numbers are read by numeric_reference.
    """
    if "&" not in text:
        return text
    parts: list[str] = []
    position = 0
    while (match := _ENTITY.search(text, position)) is not None:
        parts.append(text[position : match.start()])
        numeric = numeric_reference(text, match.start())
        if numeric is not None:
            character, position = numeric
        else:
            character, position = _HTML5_ENTITIES.get(match.group(0)[1:], match.group(0)), match.end()
        parts.append(character)
    parts.append(text[position:])
    return "".join(parts)


def numeric_reference(text: str, start: int) -> tuple[str, int] | None:
    """What the numeric character reference at `start` stands for, and where it ends; None if none starts there.

    Read as browsers read it (`&#146;` is Windows-1252's apostrophe), with one exception: two references to the
    halves of a UTF-16 surrogate pair (`&#55357;&#56832;`, as encoders that escape UTF-16 code units one at a time
    write an emoji) are the pair's character, where a browser shows two U+FFFD. A reference to no character (`&#0;`,
    half a pair alone, past U+10FFFF), which a browser shows as U+FFFD, is RejectedUploadError: the text meant is
    unknown.
    """
    match = _NUMERIC_REFERENCE.match(text, start)
    if match is None:
        return None
    read = _numeric(text, match)
    if read is None:
        raise _no_character(match)
    return read


def _numeric(text: str, match: re.Match[str]) -> tuple[str, int] | None:
    """The character and the end of the reference (a pair of them for a surrogate pair); None for no character."""
    code = _code(match)
    if code in _HIGH_SURROGATES:
        low = _NUMERIC_REFERENCE.match(text, match.end())
        if low is not None and _code(low) in _LOW_SURROGATES:
            return chr(0x10000 + (code - 0xD800) * 0x400 + _code(low) - 0xDC00), low.end()
    if code == 0 or code in _HIGH_SURROGATES or code in _LOW_SURROGATES or code > 0x10FFFF:
        return None
    # html.unescape makes a control or noncharacter (`&#11;`, Word's line break; `&#xFFFF;`) nothing, gluing the
    # words around it: the HTML parser keeps the character, and validation makes a control a space.
    return html.unescape(match.group(0)) or chr(code), match.end()


def _no_character(reference: re.Match[str]) -> RejectedUploadError:
    code = _code(reference)
    surrogate = code in _HIGH_SURROGATES or code in _LOW_SURROGATES
    what = "half of a UTF-16 surrogate pair without its other half" if surrogate else "no character"
    return RejectedUploadError(
        f"the file holds the character reference {reference.group(0)}, which stands for {what}",
        fix="write the character itself in UTF-8 (for an emoji, the emoji), or remove the reference",
    )


def joined_references(markup: str) -> tuple[str, dict[str, RejectedUploadError]]:
    """Markup with numeric references read by numeric_reference, before the HTML parser decodes them: a surrogate
    pair written as two references becomes one reference to its character; every other reference to a character
    stays for the parser.

    A reference to no character becomes a stand-in, a private-use character the markup does not hold (one for each
    spelling), returned with the rejection that names the reference. The parser keeps it where the reference was, in
    text, an attribute or a script, and the caller rejects the upload only when one is in text it keeps
    (refuse_stand_ins): what a script, a style or a comment holds is never shown, and is no reason to reject a page.
    """
    if "&#" not in markup:
        return markup, {}
    parts: list[str] = []
    stand_ins: dict[str, str] = {}
    rejections: dict[str, RejectedUploadError] = {}
    unused: Iterator[str] | None = None
    position = 0
    while (match := _MARKUP_REFERENCE.search(markup, position)) is not None:
        parts.append(markup[position : match.start()])
        read = _numeric(markup, match)
        if read is not None and not match.group(0).endswith(";"):
            parts.append(match.group(0))  # the parser reads a reference to a character without its `;` too
            position = match.end()
            continue
        if read is not None:
            character, position = read
            parts.append(f"&#x{ord(character):X};" if position > match.end() else match.group(0))
            continue
        reference, position = match.group(0), match.end()
        if reference not in stand_ins:
            unused = unused or _unused_private_use(markup)
            stand_in = next(unused, None)
            if stand_in is None:  # 65,534 spellings of references to no character: no stand-in is left for this one
                raise _no_character(match)
            stand_ins[reference], rejections[stand_in] = stand_in, _no_character(match)
        parts.append(stand_ins[reference])
    parts.append(markup[position:])
    return "".join(parts), rejections


def _unused_private_use(text: str) -> Iterator[str]:
    """The characters of Supplementary Private Use Area-B that the text does not hold, in order."""
    held = set(_PRIVATE_USE_B.findall(text))
    return (character for character in map(chr, range(0x100000, 0x10FFFE)) if character not in held)


def refuse_stand_ins(texts: Iterable[str], rejections: dict[str, RejectedUploadError]) -> None:
    """The rejection for the first stand-in (joined_references) found in the texts an upload keeps."""
    if not rejections:
        return
    stand_in = re.compile(f"[{''.join(rejections)}]")
    for text in texts:
        found = stand_in.search(text)
        if found is not None:
            raise rejections[found.group(0)]


def _code(reference: re.Match[str]) -> int:
    """The code point a numeric reference names; past U+10FFFF for any of more digits than one could have (int()
    refuses to read more than 4,300)."""
    decimal, hexadecimal = reference.group(1), reference.group(2)
    digits = (decimal if decimal is not None else hexadecimal).lstrip("0") or "0"
    if len(digits) > 8:
        return 0x110000
    return int(digits) if decimal is not None else int(digits, 16)


def list_items(text: str, field: str) -> list[str]:
    """The items of a list written as one text (`politics, usa`), read as a line of CSV is: an item in double quotes
    keeps its commas (`a, "c, d"` is `a` and `c, d`, `""` inside it a quote). Python's csv module reads it, strictly:
    a quote the editor did not close, or text after a closing quote (`"Big" Jim`), is RejectedUploadError naming
    `field`, where a lenient reading would drop the quotes silently. Blank items are no items.

    A text without a comma is split at semicolons (`a; b; c`), as some CMSs write keywords: read at commas, it would
    be one tag. With a comma anywhere, a semicolon is part of its item (`R&D; AI, science`)."""
    line = one_line(text)
    delimiter = _delimiter(line)
    try:
        items = _csv_items(line, delimiter)
    except csv.Error:
        # Spaces between a closing quote and the separator (`"Smith, John" , usa`) are no text after the quote
        # (only then: inside quotes, `"a "" , b"` keeps its space).
        try:
            items = _csv_items(re.sub(rf'"[ \t]+(?={delimiter})', '"', line), delimiter)
        except csv.Error as exc:
            raise RejectedUploadError(
                f"{field} cannot be read as a list ({exc}): an item that starts with a double quote ends at the next"
                f" one, which must be followed by a {'comma' if delimiter == ',' else 'semicolon'}",
                fix=f"put each item that holds a comma in double quotes, with the comma right after the closing "
                f'quote: a, b, "c, d"; or write {field} as a list',
            ) from None
    return [item.strip() for item in items if item.strip()]


def items_as_written(text: str) -> list[str]:
    """The items of a list written as one text whose quotes list_items cannot read, for lists no editor wrote (a
    page's keywords): an item in quotes that close right before the separator as list_items reads it, every other
    item as written, quotes and all (`wildlife, "Congo, DRC", "Big" Jim` is `wildlife`, `Congo, DRC` and
    `"Big" Jim`). A quoted item is scanned to its first quote that is not doubled, so the reading is linear."""
    line = one_line(text)
    delimiter = _delimiter(line)
    quoted = _QUOTED_ITEM[delimiter]
    items: list[str] = []
    start = 0
    while start <= len(line):
        match = quoted.match(line, start)
        if match is not None:
            items.append(match.group(1).replace('""', '"'))
            start = match.end() if match.end() > start else len(line) + 1
            continue
        end = line.find(delimiter, start)
        end = len(line) if end < 0 else end
        items.append(line[start:end])
        start = end + 1
    return [item.strip() for item in items if item.strip()]


def _csv_items(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter, skipinitialspace=True, strict=True), [])


# A quoted item of a list written as text, its quotes closed right before the separator (items_as_written).
_QUOTED_ITEM = {sep: re.compile(rf'[ \t]*"((?:[^"]|"")*+)"[ \t]*(?:{sep}|$)') for sep in (",", ";")}


def _delimiter(line: str) -> str:
    return "," if "," in line else ";"


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
    if not _OPENS_BIDI.search(line):
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


def refuse_one_line_file(text: str, what: str, expected: str, headline_chars: int | None = None) -> None:
    """RejectedUploadError for a file whose text (`what`: "the file", "the Markdown file") is one line with no text
    below it, where `expected` says what the format reads from its lines. Its title and body could not be told
    apart: a file of one 1 MB line was refused as "the title is 999999 characters long" (session 56's new user),
    which sent the editor to shorten a title they had not written. `headline_chars`: for a format that reads its
    first line as the title, the longest title; a line no longer than that, ended by a line break, is a headline
    with "no body text", as validation says (session 56's review: it was said to have no line break)."""
    line = text.strip()
    if _LINE_BREAKS.search(line) or not has_visible(line):
        return
    if headline_chars is not None and len(line) <= headline_chars and _LINE_BREAKS.search(text):
        return
    raise RejectedUploadError(
        f"{what} is one line of {len(line):,} characters, with no text below it: {expected}",
        fix="put the headline on the first line, then the article's text below it, and upload the file again",
    )


def normalise_space(text: str) -> str:
    """All whitespace, newlines included, as single spaces."""
    return " ".join(_SPACES.sub(" ", text).split())


def paragraphs(text: str) -> list[str]:
    """Split at blank lines; join the lines inside a paragraph with single spaces. A paragraph with nothing visible
    (only a zero-width space) is none."""
    result = []
    for block in _BLANK_LINES.split(text.strip()):
        joined = clean_line(" ".join(line.strip() for line in block.splitlines()))
        if joined and has_visible(joined):
            result.append(joined)
    return result


def has_visible(text: str) -> bool:
    """True when the text shows something: a character that is neither whitespace, a control character nor invisible
    (a soft hyphen, a zero-width space: index_mapping.INVISIBLE_CLASS)."""
    return bool(_VISIBLE.search(text))


def section_and_tags(sections: list[str]) -> tuple[str | None, tuple[str, ...]]:
    """An article's section and the tags its other sections become: `[World, Africa]` (Jekyll's `categories`, a
    JSON list, two `article:section` metas) -> ("World", ("Africa",)). An article has one section; the others were
    lost before, and as tags they are still found and filtered on. A repeat of the first is no tag."""
    named = [section for section in sections if section.strip()]
    if not named:
        return None, ()
    first = named[0].strip().casefold()
    return named[0], tuple(s for s in dict.fromkeys(named[1:]) if s.strip().casefold() != first)


def written_sections(value: object, key: str, *, jekyll: bool = False) -> list[str] | None:
    """The sections a `section`, `category` or `categories` value names (`key`, as written, for a rejection), its
    references decoded once: a list of texts as it is; None for any other value than a text. A text under the plural
    `categories` is a list written as text (list_items: `Politics, Local` is `Politics` and `Local`, as `[Politics,
    Local]` is; session 52, where it was one section no filter matched). A text under `section` or `category` names
    one section, commas and all (`Arts, Culture`, `Washington, D.C.`: session 52's review), unless it separates
    names by semicolons (section_names). With `jekyll` (front matter's `categories` in a file that shows it is a
    Jekyll post), a text of lower-case words with no separator is Jekyll's list written with spaces (`politics
    local`: _JEKYLL_WORD)."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [unescape_entities(item) for item in value]
    if not isinstance(value, str):
        return None
    if key.casefold() != "categories":
        return section_names(unescape_entities(value), lambda text: list_items(text, key))
    items = list_items(unescape_entities(value), key)
    # A quoted value is one name, as the editor's quotes say (`categories: '"politics local"'`).
    words = items[0].split() if jekyll and len(items) == 1 and '"' not in value else []
    if len(words) > 1 and all(_JEKYLL_WORD.fullmatch(word) and word.islower() for word in words):
        return words if _JOINING_WORDS.isdisjoint(words) else items
    return items


def section_names(text: str, split: Callable[[str], list[str]]) -> list[str]:
    """The sections a text that names a section gives (a `section` or `category` key, an HTML page's section meta or
    JSON-LD `articleSection` string): one, as written, unless it has semicolons and no comma (`Politics; Local`,
    as some CMSs write a list), which `split` reads. A comma is part of a section's name (`Science, Climate & Tech`,
    `News, Sport & Weather`): session 52 split such a text at its commas, and its review found real names cut."""
    if ";" in text and "," not in text:
        return split(text)
    return [text]


# Jekyll reads `categories: politics local` as two categories (its documented space-separated form), where Hugo and
# CMS exports write one name (`categories: Middle East`). Read as Jekyll's only in a Jekyll post (`jekyll`: the caller
# knows) and in Jekyll's shape: two or more lower-case words (letters, digits, `-`, `_`: the URL slugs Jekyll makes
# of them), none a word that joins one name (`arts and culture`, `state of the union` stay one section as written).
_JEKYLL_WORD = re.compile(r"[^\W_][\w-]*")
_JOINING_WORDS = frozenset({"and", "or", "of", "the", "in", "on", "for", "to", "a", "an", "at", "by", "with"})


# The names of an article's publication date, whatever their capitals, as generators, CMSs and APIs write them: Hugo's
# publishDate, Astro's pubDate, Ghost's published_at, Contentful's and Sanity's publishedAt, schema.org's datePublished,
# Wagtail's first_published_at, Django's pub_date, PublishedDate (session 55's attacker: the last five were ignored,
# and the article accepted undated). In the order one is kept where two say the same moment in other days
# (validate.publication_date): the names read before session 55 first, as their day was kept then.
PUBLICATION_DATE_NAMES = (
    "published",
    "pubdate",
    "publishdate",
    "published_at",
    "date",
    "publishedat",
    "datepublished",
    "publisheddate",
    "first_published_at",
    "pub_date",
    "publish_date",
    # Session 56: more CMS and framework exports' names of it (JSON's were accepted undated without a word)
    "date_published",
    "publication_date",
    "publicationdate",
    "published_date",
    "published_on",
    "publishedon",
    "publish_at",
    "publishat",
    "first_published",
    "post_date",
)
# Names of another moment of the record than its publication (when the draft was begun or last changed, or a stamp of
# what no name says): never read as the article's date, and an upload whose only date is under one of them is
# rejected naming it (session 56), where it was archived undated without a word.
OTHER_MOMENT_NAMES = (
    "created_at",
    "createdat",
    "created",
    "created_on",
    "createdon",
    "date_created",
    "datecreated",
    "creation_date",
    "creationdate",
    "timestamp",
    "time",
    "datetime",
    "updated_at",
    "updatedat",
    "updated",
    "updated_on",
    "modified",
    "modified_at",
    "modifiedat",
    "date_modified",
    "datemodified",
    "last_modified",
    "lastmodified",
    "lastmod",
)
# The metadata names an upload's fields may have, whatever their capitals, with the names static-site generators and
# CMS exports also use (front matter and JSON alike: a JSON `date` or `Title` was ignored, the date silently lost).
# WordPress's `date_gmt` is its `date` in UTC, read only where no other name gives the date.
FIELD_NAMES = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "published": (*PUBLICATION_DATE_NAMES, "date_gmt"),
    "section": ("section", "category", "categories"),
    "summary": ("summary", "description", "excerpt"),
    "url": ("url",),
}
TAG_NAMES = ("tags", "keywords")


# How a draft says it is one (Hugo's and Jekyll's `draft: true`; front matter keeps every value as written, and YAML
# 1.1's other spellings of true), and how it says it is not.
_DRAFT_VALUES = frozenset(("true", "yes", "on", "y", "1"))
_NOT_DRAFT_VALUES = frozenset(("false", "no", "off", "n", "0", ""))
_DRAFT_NAMES = ("draft", "isdraft", "is_draft")
# A CMS's status of an article not (or no longer) public: WordPress's draft, pending (review), private, future
# (scheduled), trash, auto-draft and inherit (a revision); Ghost's scheduled; Drupal's unpublished and archived
# (content moderation) or its status 0; a review step's. Any other status (publish, published, a news desk's
# `breaking` or `updated`) publishes the article: news exports use the word for other things too.
_UNPUBLISHED_STATUSES = frozenset(
    {"draft", "pending", "private", "future", "scheduled", "trash", "trashed", "auto-draft", "inherit"}
    | {"unpublished", "archived", "review", "in review", "pending review", "needs review", "hidden", "deleted"}
    | {"withdrawn", "embargoed", "0", "false"}
)
_STATUS_NAMES = ("status", "post_status")
# Who may read it (Ghost's `visibility`: members, paid or tiers; WordPress's private): not everyone.
_RESTRICTED_VISIBILITY = frozenset(("private", "members", "paid", "tiers", "hidden"))


def publishable(fields: dict[str, Any], where: str) -> dict[str, Any]:
    """`fields` (keyed in lower case) of an article that may be published, without a `published` flag of true (Jekyll's
    `published: true` is no date: the date is under `date`); RejectedUploadError naming the field when they keep it
    back: a draft (`draft: true`, `"isDraft": true`), a CMS status of an article not public (`status: pending`,
    `post_status: future`, Drupal's `"status": 0`: _UNPUBLISHED_STATUSES), `published: false` (Jekyll's unpublished
    post), a visibility not everyone has (`visibility: members`), or a draft flag neither true nor false (`draft:
    maybe`: which was meant cannot be told). A draft was published as any other article, which the editor who
    marked it never meant (session 48's new user), and so were pending, private, scheduled and trashed posts and
    `draft: Yes please` (session 51's attacker)."""
    marks: list[str] = []
    for name in _DRAFT_NAMES:
        value = fields.get(name)
        written = _flag(value)
        if value is None or written in _NOT_DRAFT_VALUES:
            continue
        if written not in _DRAFT_VALUES:
            raise RejectedUploadError(
                f"{where} gives {name}: {value!r}, neither true nor false, so whether the article is a draft cannot "
                "be told",
                fix=f"write {name}: false to publish the article, or {name}: true to keep it back",
            )
        marks.append(f"{name}: {written}")
    marks += [
        f"{name}: {fields[name]}"
        for name in _STATUS_NAMES
        if fields.get(name) is not None and _flag(fields[name]) in _UNPUBLISHED_STATUSES
    ]
    if _flag(fields.get("published")) in _NOT_DRAFT_VALUES - {""}:
        marks.append(f"published: {_flag(fields['published'])}")
    if _flag(fields.get("visibility")) in _RESTRICTED_VISIBILITY:
        marks.append(f"visibility: {fields['visibility']}")
    if marks and "draft" in marks[0].lower():
        raise RejectedUploadError(
            f"{where} marks the article a draft ({marks[0]}), and a draft is not published",
            fix="remove the draft line (or the draft status), or set it to false, when the article is ready",
        )
    if marks:
        raise RejectedUploadError(
            f"{where} marks the article as not public ({marks[0]}), and only a published article is searchable",
            fix="remove that line, or set it to what publishes the article (status: publish), when it is ready",
        )
    if _flag(fields.get("published")) in _DRAFT_VALUES:
        return {name: value for name, value in fields.items() if name != "published"}
    return fields


def _flag(value: object) -> str | None:
    """A flag's or status's value as written, in lower case (JSON's true as `true`); None for none, or for a value
    no flag is written as (a list, an object)."""
    if value is None or isinstance(value, list | dict):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    return str(value).strip().lower()


def one_of(fields: dict[str, Any], names: Iterable[str], where: str, fix: str) -> object:
    """The value given under one of a field's names (`fields` keyed in lower case); RejectedUploadError when two of
    them are given, naming both (`where`: "the front matter"; `fix` formatted with the two names)."""
    given = [name for name in names if fields.get(name) is not None]
    if len(given) > 1:
        raise RejectedUploadError(
            f"{where} gives both {given[0]} and {given[1]}, two names for one field, and only one value can be kept",
            fix=fix.format(*given),
        )
    return fields[given[0]] if given else None
