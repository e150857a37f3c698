"""did_you_mean: a better spelling of the query, offered when it would find more.

The search request carries two term suggesters (title and body words, unstemmed) in `missing` mode: they only
propose a word for a query word that occurs in no article. Such a word is also the only one typo expansion is for
(`unknown_words`: /search then asks again with it expanded). A word is respelt when neither field knows it (the
headline suggester's silence is ambiguous, so did_you_mean asks which of those words some headline holds); the
respelt query is then counted exactly as /search would run it (same ranking switches, same filters) and offered
only if it finds more articles than the query as typed did, with that count.

The engine reports where each word is as offsets in UTF-16 code units (Java strings), which differ from Python's
code points after any character outside the Basic Multilingual Plane (an emoji): replacements are made on the
UTF-16 form of the query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from archive_search.models import Suggestion
from archive_search.query_parser import engine_lower, same_width_blank, without_exclusions

# prefix_length 0: a typo in the first letters ("owrld", "cerdict") is corrected like any other. With the first
# letter fixed (1, the engine's default) a quarter of the misspelt known-item queries could not be corrected:
# misspelt MRR@10 0.704 -> 0.816 (tfidf) and 0.413 -> 0.488 (random words), engine time p50 unchanged (12.5 ->
# 13 ms), since in `missing` mode only words no article holds are looked up (make bench-relevance; docs/search.md).
TITLE_WORDS_FIELD = "title.exact"  # headline words, unstemmed: what the title suggester knows
# The suggesters look up every word no article holds, at a cost that grows with the archive's vocabulary: a pasted
# paragraph of 62 words no article holds (a language the archive lacks) took them 1.4-3.1 s on 424 articles, past
# the engine timeout (503). Only the first words are looked up; a short query is all of them.
MAX_SPELLED_WORDS = 8
_WORD = re.compile(r"\S+")
_SUGGESTER = {"suggest_mode": "missing", "min_word_length": 4, "prefix_length": 0, "sort": "score", "size": 1}


# Longer runs of text are neither looked up nor expanded to near spellings: no dictionary word is this long, and the
# engine's edit-distance work on a 255-character token took over a second per request (a 2,048-character query of
# one such "word" timed out).
MAX_SPELLED_CHARS = 32
_LONG_RUN = re.compile(rf"\S{{{MAX_SPELLED_CHARS + 1},}}")


def spelling_suggester(q: str) -> dict[str, Any]:
    """The term suggesters for q; excluded terms, runs of more than MAX_SPELLED_CHARS and every word after the
    first MAX_SPELLED_WORDS are blanked (same UTF-16 length, so the offsets the engine reports still point into q):
    none is respelt nor expanded."""
    looked_up = 0

    def first_words(word: re.Match[str]) -> str:
        nonlocal looked_up
        looked_up += 1
        return word.group() if looked_up <= MAX_SPELLED_WORDS else same_width_blank(word)

    text = _WORD.sub(first_words, _LONG_RUN.sub(same_width_blank, without_exclusions(q)))
    return {
        "text": text,
        "spell_body": {"term": {"field": "body.exact", **_SUGGESTER}},
        "spell_title": {"term": {"field": TITLE_WORDS_FIELD, **_SUGGESTER}},
    }


@dataclass(frozen=True)
class _Unknown:
    offset: int  # UTF-16 code units
    length: int
    typed: str
    known: str  # the nearest word an article body holds
    maybe_in_titles: bool  # the headline suggester proposed nothing: a headline holds it, or nothing is near it


def _unknown(q: str, suggest: dict[str, Any] | None) -> list[_Unknown]:
    """Each word of q that no article body holds, with a known word near it."""
    if not suggest:
        return []
    title_entries = {(e["offset"], e["length"]): e for e in suggest.get("spell_title") or []}
    units = q.encode("utf-16-le", "surrogatepass")
    found: list[_Unknown] = []
    for entry in suggest.get("spell_body") or []:
        # In missing mode an entry without options means the field knows the word, or that no known word is near it.
        if not entry.get("options"):
            continue
        offset, length = entry["offset"], entry["length"]
        title_entry = title_entries.get((offset, length))
        typed = units[2 * offset : 2 * (offset + length)].decode("utf-16-le", "surrogatepass")
        if has_digit(typed):
            continue
        maybe_in_titles = title_entry is not None and not title_entry.get("options")
        found.append(_Unknown(offset, length, typed, str(entry["options"][0]["text"]), maybe_in_titles))
    return found


def has_digit(word: str) -> bool:
    """A word with a digit (2017, 1000, F-16, covid19) is a number or a code, not a misspelling: no archive word near
    it is what the reader meant (2017 is not 2007), so it is never respelt nor expanded to near spellings."""
    return any(c.isdigit() for c in word)


def unknown_words(q: str, suggest: dict[str, Any] | None) -> dict[str, str]:
    """The words of q (case-folded) that no article body holds but a known word is near, each with the nearest
    known word (the suggester's first option): the ones typo expansion is for. Headlines are not consulted: "no
    options" from their suggester cannot tell a known word from one with nothing near it in the few words headlines
    hold, and expanding a headline-only word costs little."""
    return {engine_lower(word.typed): word.known for word in _unknown(q, suggest)}


def _respellable(
    q: str, suggest: dict[str, Any] | None, titles_holding: Callable[[Sequence[str]], set[str]] | None
) -> list[_Unknown]:
    """The words of q no article holds, body or headline: a word no body holds may still be a headline's word, and
    the headline suggester's silence cannot tell that from "no headline word is near it". `titles_holding(words)`
    (the words some headline holds) settles it; without it such a word counts as a headline's."""
    replacements = _unknown(q, suggest)
    unsure = [word.typed for word in replacements if word.maybe_in_titles]
    in_titles = titles_holding(unsure) if unsure and titles_holding is not None else set(unsure)
    return [word for word in replacements if word.typed not in in_titles]


def respellings(
    q: str, suggest: dict[str, Any] | None, titles_holding: Callable[[Sequence[str]], set[str]] | None = None
) -> dict[str, str]:
    """The words of q (case-folded) that no article holds, body or headline, each with the nearest known word:
    the ones searched as that word. A headline's own word (`bold`, in one headline, near `told` in many bodies) is
    searched as typed. `titles_holding`: see _respellable."""
    return {engine_lower(word.typed): word.known for word in _respellable(q, suggest, titles_holding)}


def respelt(
    q: str, suggest: dict[str, Any] | None, titles_holding: Callable[[Sequence[str]], set[str]] | None = None
) -> str | None:
    """q with each word no article contains (body or headline) replaced by the most likely known word, or None.
    `titles_holding`: see _respellable."""
    replacements = _respellable(q, suggest, titles_holding)
    if not replacements:
        return None
    units = q.encode("utf-16-le", "surrogatepass")
    for word in sorted(replacements, key=lambda w: w.offset, reverse=True):
        start, end = 2 * word.offset, 2 * (word.offset + word.length)
        units = units[:start] + _same_case(word.typed, word.known).encode("utf-16-le", "surrogatepass") + units[end:]
    corrected = units.decode("utf-16-le", "surrogatepass")
    return corrected if corrected.casefold() != q.casefold() else None


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def did_you_mean(
    q: str,
    suggest: dict[str, Any] | None,
    count_for: Callable[[str], int],
    total: int,
    titles_holding: Callable[[Sequence[str]], set[str]] | None = None,
) -> Suggestion | None:
    """The respelt query and what searching for it finds (`count_for`), if that is more than `total` (what q found).
    `titles_holding`: see respelt."""
    corrected = respelt(q, suggest, titles_holding)
    if corrected is None:
        return None
    found = count_for(corrected)
    return Suggestion(q=corrected, total=found) if found > total else None
