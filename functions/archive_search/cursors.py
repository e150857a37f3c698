"""Paging cursors: opaque to clients, signed so that only cursors this API issued are ever read.

A cursor is `<payload>.<signature>`, both base64url without padding. The payload is JSON
`{"a": [sort values of the last hit], "p": page number, "f": fingerprint of the search}`, or, for a page inside
the semantically reranked window of a relevance search (search.py), `{"a": [], "o": offset in the window, ...}`
(the rerank's order exists only in the answer, so the cursor says where in it the next page starts); the signature is
HMAC-SHA256 over the payload with the key from CURSOR_SIGNING_KEY, cut to 128 bits. Both parts are read only in the
one spelling _b64 writes (no padding, no other alphabet, canonical last character). The signature is checked
before the payload is parsed, so a forged or edited cursor (a page of `Infinity`, `1e400`, `-5`, sort values
built to upset the engine) is refused without being read; the payload is still checked for shape, as a second
line should the key leak. Every refusal is an InvalidQueryError whose message starts with `cursor`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
from dataclasses import dataclass
from typing import Any

from archive_search.errors import InvalidQueryError

MAX_CURSOR_CHARS = 1000
MIN_KEY_BYTES = 32
# search_after needs one value per sort clause: the sort field (score or date) and the article's source_key.
SORT_VALUES = 2
# Far beyond any archive (a page of 1 result, 10 million deep), small enough that page arithmetic stays exact.
MAX_CURSOR_PAGE = 10_000_000
_SIGNATURE_BYTES = 16
MAX_WINDOW = 100  # search.RERANK_WINDOW: the deepest a reranked window reaches
NOT_ISSUED = "cursor is not one this API issued; start again without it"


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the last hit's sort values, the page it opens, the search it belongs to."""

    after: list[str | int | float]
    page: int
    fingerprint: str
    window_offset: int | None = None  # inside the reranked window: where the next page starts (after is empty)


class CursorSigner:
    """Encodes and checks cursors with one key (bytes of at least MIN_KEY_BYTES)."""

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise ValueError(f"a cursor signing key needs at least {MIN_KEY_BYTES} bytes")
        self._key = key

    def encode(self, cursor: Cursor) -> str:
        data: dict[str, Any] = {"a": cursor.after, "p": cursor.page, "f": cursor.fingerprint}
        if cursor.window_offset is not None:
            data["o"] = cursor.window_offset
        payload = json.dumps(data, separators=(",", ":"))
        text = _b64(payload.encode())
        return f"{text}.{_b64(self._sign(text))}"

    def decode(self, text: str, fingerprint: str) -> Cursor:
        """The cursor `text` stands for, if this API issued it for the search with `fingerprint`.

        Raises InvalidQueryError (message starting with `cursor`) for anything else.
        """
        payload, dot, signature = text.partition(".")
        if len(text) > MAX_CURSOR_CHARS or not dot or not hmac.compare_digest(_unb64(signature), self._sign(payload)):
            raise InvalidQueryError(NOT_ISSUED)
        cursor = _parsed(_unb64(payload))
        if cursor.fingerprint != fingerprint:
            raise InvalidQueryError("cursor belongs to another search (q, filters, sort, size or spelling changed)")
        return cursor

    def _sign(self, payload: str) -> bytes:
        return hmac.new(self._key, payload.encode("ascii", "replace"), hashlib.sha256).digest()[:_SIGNATURE_BYTES]


def _parsed(raw: bytes) -> Cursor:
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise InvalidQueryError(NOT_ISSUED) from None
    if not isinstance(data, dict):
        raise InvalidQueryError(NOT_ISSUED)
    after, page, fingerprint = data.get("a"), data.get("p"), data.get("f")
    offset = data.get("o")
    if offset is not None:
        if not isinstance(offset, int) or isinstance(offset, bool) or not 0 < offset < MAX_WINDOW or after != []:
            raise InvalidQueryError(NOT_ISSUED)
        after = [None, None]  # checked as sort values below would refuse them; the window needs none
    if (
        not isinstance(page, int)
        or isinstance(page, bool)
        or not 2 <= page <= MAX_CURSOR_PAGE
        or not isinstance(fingerprint, str)
        or not isinstance(after, list)
        or len(after) != SORT_VALUES
        or not (offset is not None or all(_sort_value(value) for value in after))
    ):
        raise InvalidQueryError(NOT_ISSUED)
    return Cursor(after=[] if offset is not None else after, page=page, fingerprint=fingerprint, window_offset=offset)


def _sort_value(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, int | str)


def _no_constant(name: str) -> None:
    """json.loads calls this for NaN, Infinity and -Infinity, which JSON itself does not allow."""
    raise ValueError(name)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    """The bytes of `text` only if it is exactly what _b64 writes for them. The decoder alone is lenient: it takes
    padding, skips characters outside the alphabet (whitespace, `!`), reads `+` and `/` as `-` and `_`, and ignores
    the unused low bits of the last character, so many texts decode to one signature and an edited cursor passed."""
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):  # ValueError: characters outside ASCII
        raise InvalidQueryError(NOT_ISSUED) from None
    if _b64(data) != text:
        raise InvalidQueryError(NOT_ISSUED)
    return data
