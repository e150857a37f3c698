"""A tolerant parser for what readers type: words, "phrases", -exclusions and OR.

Nothing a reader types is ever passed to OpenSearch as query syntax: the parser turns the text into plain
words and phrases, and the query builder puts each of them into `match`/`match_phrase` clauses, which
analyse text and cannot fail on it. Every input parses; what cannot be understood is dropped.

Grammar, loosely:
    query   := item*
    item    := ["-"] term  |  term ("OR" | "|") term ...
    term    := word | '"' words '"'        (an unclosed quote runs to the end)

`OR` is an operator unless the whole query is in capitals (a pasted wire headline such as
"OIL OR GAS PRICES"); `|` always is. Lower-case `or`, and `AND`/`NOT` in any case, are words like any other.
The text is NFC-normalised first, so composed and decomposed accents parse alike, and the look-alikes of the
characters that join a word's parts (a curly apostrophe, a Unicode hyphen, a full-width ampersand) read as the ASCII
joiner (fold_query_text), as the index's analyzers read them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from archive_search.index_mapping import JOINER_VARIANTS

MAX_UNITS = 1024  # a 2,048-character query holds fewer; relevance.py bounds what reaches the engine
_WORDLIKE = re.compile(r"\w")
_TOKEN = re.compile(r'-?"[^"]*"?|[^\s"]+')
_JOINER_FOLD = str.maketrans({variant: joiner for joiner, variants in JOINER_VARIANTS.items() for variant in variants})


@dataclass(frozen=True)
class Term:
    """A word, or a phrase whose words must appear together and in order."""

    text: str
    phrase: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass(frozen=True)
class Unit:
    """What a matching article must contain: one of the alternatives (more than one when joined by OR)."""

    alternatives: tuple[Term, ...]


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple[Unit, ...] = ()
    excluded: tuple[Term, ...] = ()
    words: tuple[str, ...] = field(default=())  # every positive word, in order, for phrase and proximity boosts

    @property
    def is_empty(self) -> bool:
        return not self.required and not self.excluded

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _clean(text: str) -> str:
    """Words only: characters that carry no letter or digit are dropped, whitespace is collapsed."""
    return " ".join(word for word in text.split() if _WORDLIKE.search(word))


def _term(raw: str) -> Term | None:
    if raw.startswith('"'):
        text = _clean(raw.strip('"').replace('"', " "))
        if not text:
            return None
        return Term(text, phrase=len(text.split()) > 1)
    text = _clean(raw)
    if not text:
        return None
    return Term(text, phrase=len(text.split()) > 1)


def fold_query_text(text: str) -> str:
    """The text NFC-normalised, with each joiner look-alike (index_mapping.JOINER_VARIANTS) as its ASCII joiner.

    Every replacement is one character of the Basic Multilingual Plane for another, so word offsets (in characters
    or UTF-16 units) are the same before and after. Idempotent."""
    return unicodedata.normalize("NFC", text).translate(_JOINER_FOLD)


def parse_query(text: str) -> ParsedQuery:
    """Any string -> a ParsedQuery; never raises."""
    text = fold_query_text(text)
    required: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    or_words = ("|", "||") if text.upper() == text else ("OR", "|", "||")
    for raw in _TOKEN.findall(text):
        if raw in or_words:
            join_next = bool(required)
            continue
        negated = raw.startswith("-") and len(raw) > 1
        term = _term(raw[1:] if raw.startswith("-") and len(raw) > 1 else raw)
        if term is None:
            join_next = False
            continue
        if negated:
            excluded.append(term)
            join_next = False
            continue
        if join_next and required:
            required[-1].append(term)
        else:
            required.append([term])
        join_next = False
    required = required[:MAX_UNITS]
    excluded = excluded[:MAX_UNITS]
    words = tuple(word for unit in required for term in unit for word in term.words)
    return ParsedQuery(
        required=tuple(Unit(tuple(dict.fromkeys(unit))) for unit in required),
        excluded=tuple(dict.fromkeys(excluded)),
        words=words,
    )
