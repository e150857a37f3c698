"""Mapping between upload keys, article ids and report keys."""

from __future__ import annotations

import functools
import hashlib
import posixpath
import unicodedata

from archive_search.errors import RejectedUploadError

MAX_ID_LENGTH = 512
# S3's limit on a key's length, in UTF-8 bytes: a report key must fit even when the upload's key is at the limit.
MAX_KEY_BYTES = 1024
_REPORT_SUFFIX = ".json"
# ASCII characters that a non-ASCII character normalises to under NFC (KELVIN SIGN, GREEK QUESTION MARK, GREEK
# VARIA): a key can spell them otherwise. The ASCII part of _nfc_starts_of_other_characters(), so that an ASCII
# stem needs no table.
_ASCII_WITH_OTHER_SPELLINGS = frozenset("K;`")


def article_id_for_key(key: str, upload_prefix: str) -> str:
    """The article id is the upload's path below the prefix, without its extension, in NFC.

    Re-uploading the same path therefore updates the same article, whatever the format, and whichever Unicode
    spelling the path has: macOS writes file names decomposed (`cafe\u0301`), most systems composed (`caf\u00e9`),
    and both look the same to an editor and must be reachable by the URL a reader types.
    """
    if not key.startswith(upload_prefix):
        raise RejectedUploadError(
            f"the key {key!r} is outside the upload prefix {upload_prefix!r}",
            fix=f"upload under {upload_prefix}",
        )
    path = key[len(upload_prefix) :]
    stem, _ext = posixpath.splitext(path)
    if not stem or stem.endswith("/") or path.endswith("/"):
        raise RejectedUploadError(f"the key {key!r} names a folder, not a file", fix="upload a file")
    if not _ext:
        # Formats are chosen by extension; a name like `notes` or `.json` (a hidden file) has none.
        raise RejectedUploadError(
            f"the file name {posixpath.basename(path)!r} has no extension",
            fix="name the file with its format's extension, such as story.json, story.md or story.txt",
        )
    if any(folder in ("", ".", "..") for folder in stem.split("/")):
        # A URL reads `a/../b` as `b`, `./b` as `b` and `a//b` as `a/b`: GET /articles/<id> would show another
        # article, or none (session 47's new user).
        raise RejectedUploadError(
            f"the path {path!r} has an empty, `.` or `..` folder, which a web address reads as another path",
            fix="upload it under plain folder names, such as 2015/05/story.json",
        )
    # Measured as the id the engine stores: NFC can lengthen a path (U+0958 becomes two characters, 3 bytes 6).
    article_id = unicodedata.normalize("NFC", stem)
    if len(article_id.encode()) > MAX_ID_LENGTH:
        raise RejectedUploadError(
            f"the path is longer than {MAX_ID_LENGTH} bytes", fix="use a shorter file name or folder path"
        )
    return article_id


def is_folder(key: str) -> bool:
    """A key ending in `/` is a folder: the S3 console's *Create folder* writes one (empty), and deleting it there
    deletes the folder's files too, so it is neither an article nor a rejected upload to report."""
    return key.endswith("/")


def stem_of(key: str) -> str:
    """The key without its extension (as S3 spells it, not normalised)."""
    return key[: len(key) - len(extension_of(key))]


def spells_stem(key: str, key_stem: str) -> bool:
    """Whether `key` is `key_stem` (an upload prefix plus an article id, NFC) plus an extension, in any spelling."""
    return unicodedata.normalize("NFC", stem_of(key)) == key_stem


def listing_prefix(key_stem: str) -> str:
    """The longest start of `key_stem` that every canonically equivalent spelling of it shares.

    S3 lists by exact prefix; a decomposed `cafe\u0301` and a composed `caf\u00e9` share only `caf`, so the
    prefix ends before the first character another spelling could write differently (spells_stem then filters).
    """
    end = next((i for i, char in enumerate(key_stem) if _respellable(char)), None)
    return f"{key_stem}." if end is None else key_stem[:end]


def _respellable(char: str) -> bool:
    """Whether a spelling of an NFC text may write `char` otherwise: it decomposes, it is a combining mark (marks
    may be written in another order), or another character normalises to a text starting with it. Stopping at any
    non-ASCII character made a stem such as `новости/x` list the whole upload prefix, on every sync."""
    if char.isascii():
        return char in _ASCII_WITH_OTHER_SPELLINGS
    return (
        unicodedata.normalize("NFD", char) != char
        or unicodedata.combining(char) != 0
        or char in _nfc_starts_of_other_characters()
    )


@functools.cache
def _nfc_starts_of_other_characters() -> frozenset[str]:
    """The first character of the NFC of each character NFC changes: OHM SIGN's Ω, a CJK compatibility ideograph's
    unified ideograph, the Tibetan and Devanagari letters that begin a composition exclusion. Built on the first
    non-ASCII stem, once per process (0.08 s here)."""
    starts = set()
    for code_point in range(0x110000):
        char = chr(code_point)
        decomposition = unicodedata.decomposition(char)
        if decomposition and not decomposition.startswith("<"):  # canonical, not compatibility
            composed = unicodedata.normalize("NFC", char)
            if composed != char:
                starts.add(composed[0])
    return frozenset(starts)


def extension_of(key: str) -> str:
    return posixpath.splitext(key)[1].lower()


def upload_key_of_report(report_key: str, upload_prefix: str, report_prefix: str) -> str | None:
    """The upload a report at report_key was written for (report_key_for's inverse); None for a key report_key_for
    does not make, or one it cut short and hashed (that report's own `upload` field names it)."""
    if not (report_key.startswith(report_prefix) and report_key.endswith(_REPORT_SUFFIX)):
        return None
    key = f"{upload_prefix}{report_key[len(report_prefix) : -len(_REPORT_SUFFIX)]}"
    return key if report_key_for(key, upload_prefix, report_prefix) == report_key else None


def report_key_for(key: str, upload_prefix: str, report_prefix: str) -> str:
    """Where the editor finds the rejection report of an upload: beside it, under the report prefix.

    A key too long to take the prefix and suffix within S3's 1,024 bytes is cut short and made unique by a
    hash of the whole key (`reports/<start of the path>~<16 hex digits>.json`), so it can always be written.
    """
    report_key = f"{report_prefix}{key[len(upload_prefix) :]}{_REPORT_SUFFIX}"
    if len(report_key.encode()) <= MAX_KEY_BYTES:
        return report_key
    digest = "~" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    room = MAX_KEY_BYTES - len(f"{report_prefix}{digest}{_REPORT_SUFFIX}".encode())
    start = key[len(upload_prefix) :].encode()[:room].decode(errors="ignore")
    return f"{report_prefix}{start}{digest}{_REPORT_SUFFIX}"
