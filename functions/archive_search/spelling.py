"""did_you_mean: a better spelling of the query, offered when it would find more.

The search request carries two term suggesters (title and body words, unstemmed) in `missing` mode: they only
propose a word for a query word that occurs in no article. A word is respelt when neither field knows it; the
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
from archive_search.ports import ArticleIndex

_SUGGESTER = {"suggest_mode": "missing", "min_word_length": 4, "prefix_length": 1, "sort": "score", "size": 1}


def spelling_suggester(q: str) -> dict[str, Any]:
    return {
        "text": q,
        "spell_body": {"term": {"field": "body.exact", **_SUGGESTER}},
        "spell_title": {"term": {"field": "title.exact", **_SUGGESTER}},
    }


def respelt(q: str, suggest: dict[str, Any] | None) -> str | None:
    """q with each word no article contains replaced by the most likely known word, or None."""
    if not suggest:
        return None
    body_entries = suggest.get("spell_body") or []
    title_entries = {(e["offset"], e["length"]): e for e in suggest.get("spell_title") or []}
    replacements: list[tuple[int, int, str]] = []
    for entry in body_entries:
        key = (entry["offset"], entry["length"])
        title_entry = title_entries.get(key)
        # In missing mode an entry without options means the field knows the word.
        if not entry.get("options") or (title_entry is not None and not title_entry.get("options")):
            continue
        replacements.append((entry["offset"], entry["length"], str(entry["options"][0]["text"])))
    if not replacements:
        return None
    units = q.encode("utf-16-le", "surrogatepass")
    for offset, length, word in sorted(replacements, reverse=True):
        start, end = 2 * offset, 2 * (offset + length)
        original = units[start:end].decode("utf-16-le", "surrogatepass")
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
    index: ArticleIndex,
    q: str,
    suggest: dict[str, Any] | None,
    count_body_for: Callable[[str], dict[str, Any]],
    total: int,
) -> Suggestion | None:
    """The respelt query and what searching for it finds, if that is more than `total` (what q found)."""
    corrected = respelt(q, suggest)
    if corrected is None:
        return None
    found = int(index.search(count_body_for(corrected), size=0, offset=0)["hits"]["total"]["value"])
    return Suggestion(q=corrected, total=found) if found > total else None
