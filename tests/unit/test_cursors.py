"""Cursors are read only in the one spelling this API writes: any other text for the same bytes is refused."""

from __future__ import annotations

import base64

import pytest

from archive_search.cursors import Cursor, CursorSigner
from archive_search.errors import InvalidQueryError
from archive_search.search import SearchRequest

KEY = b"k" * 32
FINGERPRINT = "f" * 16
SIGNER = CursorSigner(KEY)
ISSUED = SIGNER.encode(Cursor(after=[7.5, "incoming/a.json"], page=2, fingerprint=FINGERPRINT))
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _lenient(text: str) -> bytes:
    """How Python's decoder reads base64url text when asked no questions (what the cursors once did)."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def same_top_bits(text: str) -> str:
    """`text` with its last character swapped for another that differs only in the bits the decoder drops: a 16-byte
    signature is 22 characters, whose last one carries 2 bits of data and 4 unused ones."""
    last = ALPHABET.index(text[-1])
    return text[:-1] + ALPHABET[last ^ 1]


def _other_alphabet(text: str) -> str:
    """The same bytes in standard base64's alphabet (`+`, `/`), which the urlsafe decoder also reads."""
    return text.replace("-", "+").replace("_", "/")


def _edits(part: str) -> list[str]:
    """Other spellings of `part`; for a (22-character) signature, the lenient decoder reads each as the same bytes."""
    return [
        part + "==",
        part + "======",
        same_top_bits(part),
        part[:4] + "  " + part[4:] + "==",
        part[:4] + "!!" + part[4:] + "==",
        part + "\n\n==",
    ]


def test_an_issued_cursor_is_read() -> None:
    assert SIGNER.decode(ISSUED, FINGERPRINT) == Cursor(after=[7.5, "incoming/a.json"], page=2, fingerprint=FINGERPRINT)


@pytest.mark.parametrize("edited", _edits(ISSUED.split(".")[1]))
def test_a_signature_spelt_another_way_is_refused(edited: str) -> None:
    payload, signature = ISSUED.split(".")
    assert _lenient(edited) == _lenient(signature)  # the same bytes, so only the spelling can refuse it

    with pytest.raises(InvalidQueryError, match=r"^cursor"):
        SIGNER.decode(f"{payload}.{edited}", FINGERPRINT)


@pytest.mark.parametrize("edited", _edits(ISSUED.split(".")[0]))
def test_a_payload_spelt_another_way_is_refused(edited: str) -> None:
    # Already refused by the signature, which is over the payload's text; here so the whole kind stays covered.
    signature = ISSUED.split(".")[1]

    with pytest.raises(InvalidQueryError, match=r"^cursor"):
        SIGNER.decode(f"{edited}.{signature}", FINGERPRINT)


def test_a_signature_in_the_standard_alphabet_is_refused() -> None:
    # Issue cursors until a signature holds `-` or `_`, so that the standard alphabet spells it differently.
    issued = (SIGNER.encode(Cursor([1.0, "x"], page, FINGERPRINT)).split(".") for page in range(2, 200))
    payload, signature = next(parts for parts in issued if {"-", "_"} & set(parts[1]))
    standard = _other_alphabet(signature)
    assert standard != signature
    assert _lenient(standard) == _lenient(signature)

    with pytest.raises(InvalidQueryError, match=r"^cursor"):
        SIGNER.decode(f"{payload}.{standard}", FINGERPRINT)


@pytest.mark.parametrize("spaced", [ISSUED + " ", " " + ISSUED, ISSUED + "\n"])
def test_a_cursor_parameter_is_taken_as_sent(spaced: str) -> None:
    request = SearchRequest.from_params({"q": "x", "cursor": spaced})

    assert request.cursor == spaced  # not trimmed into the issued text: the signer refuses it
    with pytest.raises(InvalidQueryError, match=r"^cursor"):
        SIGNER.decode(spaced, FINGERPRINT)
