"""fold_query_text: joiner look-alikes read as the ASCII joiner, the text NFC, and offsets unchanged."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from archive_search.index_mapping import INDEX_SETTINGS, JOINER_VARIANTS
from archive_search.query_parser import fold_query_text, parse_query
from archive_search.relevance import is_joined


def test_every_look_alike_of_a_joiner_makes_a_joined_word() -> None:
    for joiner, variants in JOINER_VARIANTS.items():
        for variant in variants:
            parsed = parse_query(f"ab{variant}cd")
            assert parsed.words == (f"ab{joiner}cd",), hex(ord(variant))
            assert is_joined(parsed.words[0])


def test_the_index_folds_the_same_look_alikes() -> None:
    mappings = INDEX_SETTINGS["settings"]["analysis"]["char_filter"]["joiners"]["mappings"]
    folded = {chr(int(rule[2:6], 16)): rule[-1] for rule in mappings}
    assert folded == {variant: joiner for joiner, variants in JOINER_VARIANTS.items() for variant in variants}


def test_a_decomposed_accent_is_composed() -> None:
    assert fold_query_text(unicodedata.normalize("NFD", "Fernández")) == "Fernández"


def test_the_em_dash_still_separates_words() -> None:
    assert parse_query("talks\u2014which").words == ("talks\u2014which",)
    assert not is_joined("talks\u2014which")


@given(st.text())
def test_folding_keeps_every_offset_and_is_idempotent(text: str) -> None:
    composed = unicodedata.normalize("NFC", text)
    folded = fold_query_text(text)
    assert len(folded) == len(composed)
    assert len(folded.encode("utf-16-le", "surrogatepass")) == len(composed.encode("utf-16-le", "surrogatepass"))
    assert fold_query_text(folded) == folded
