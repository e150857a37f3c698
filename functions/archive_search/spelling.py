"""did_you_mean: a better spelling of the query, offered when it would find more.

The search request carries two term suggesters (title and body words, unstemmed) in `missing` mode: they only
propose a word for a query word that occurs in no article. Such a word is also the only one typo expansion is for
(`unknown_words`: /search then asks again with it expanded). A word is respelt when neither field knows it; the
respelt query is then counted exactly as /search would run it (same ranking switches, same filters) and offered
only if it finds more articles than the query as typed did, with that count.

The engine reports where each word is as offsets in UTF-16 code units (Java strings), which differ from Python's
code points after any character outside the Basic Multilingual Plane (an emoji): replacements are made on the
UTF-16 form of the query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archive_search.models import Suggestion

# prefix_length 0: a typo in the first letters ("owrld", "cerdict") is corrected like any other. With the first
# letter fixed (1, the engine's default) a quarter of the misspelt known-item queries could not be corrected:
# misspelt MRR@10 0.704 -> 0.816 (tfidf) and 0.413 -> 0.488 (random words), engine time p50 unchanged (12.5 ->
# 13 ms), since in `missing` mode only words no article holds are looked up (make bench-relevance; docs/search.md).
_SUGGESTER = {"suggest_mode": "missing", "min_word_length": 4, "prefix_length": 0, "sort": "score", "size": 1}


def spelling_suggester(q: str) -> dict[str, Any]:
    return {
        "text": q,
        "spell_body": {"term": {"field": "body.exact", **_SUGGESTER}},
        "spell_title": {"term": {"field": "title.exact", **_SUGGESTER}},
    }


def _unknown(q: str, suggest: dict[str, Any] | None, titles: bool = True) -> list[tuple[int, int, str, str]]:
    """Each word of q that no article body (and with `titles`, no headline) holds, with a known word near it:
    (UTF-16 offset, length, as typed, the nearest known word)."""
    if not suggest:
        return []
    body_entries = suggest.get("spell_body") or []
    title_entries = {(e["offset"], e["length"]): e for e in suggest.get("spell_title") or []} if titles else {}
    units = q.encode("utf-16-le", "surrogatepass")
    found: list[tuple[int, int, str, str]] = []
    for entry in body_entries:
        key = (entry["offset"], entry["length"])
        title_entry = title_entries.get(key)
        # In missing mode an entry without options means the field knows the word, or that no known word is near it.
        if not entry.get("options") or (title_entry is not None and not title_entry.get("options")):
            continue
        offset, length = key
        original = units[2 * offset : 2 * (offset + length)].decode("utf-16-le", "surrogatepass")
        found.append((offset, length, original, str(entry["options"][0]["text"])))
    return found


def unknown_words(q: str, suggest: dict[str, Any] | None) -> dict[str, str]:
    """The words of q (case-folded) that no article body holds but a known word is near, each with the nearest
    known word (the suggester's first option): the ones typo expansion is for. Headlines are not consulted: "no
    options" from their suggester cannot tell a known word from one with nothing near it in the few words headlines
    hold, and expanding a headline-only word costs little."""
    return {original.casefold(): known for _, _, original, known in _unknown(q, suggest, titles=False)}


def respelt(q: str, suggest: dict[str, Any] | None) -> str | None:
    """q with each word no article contains replaced by the most likely known word, or None."""
    replacements = _unknown(q, suggest)
    if not replacements:
        return None
    units = q.encode("utf-16-le", "surrogatepass")
    for offset, length, original, word in sorted(replacements, reverse=True):
        start, end = 2 * offset, 2 * (offset + length)
        units = units[:start] + _same_case(original, word).encode("utf-16-le", "surrogatepass") + units[end:]
    corrected = units.decode("utf-16-le", "surrogatepass")
    return corrected if corrected.casefold() != q.casefold() else None


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def did_you_mean(
    q: str, suggest: dict[str, Any] | None, count_for: Callable[[str], int], total: int
) -> Suggestion | None:
    """The respelt query and what searching for it finds (`count_for`), if that is more than `total` (what q found)."""
    corrected = respelt(q, suggest)
    if corrected is None:
        return None
    found = count_for(corrected)
    return Suggestion(q=corrected, total=found) if found > total else None
