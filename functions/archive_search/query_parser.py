"""A tolerant parser for what readers type: words, "phrases", -exclusions and OR.

Nothing a reader types is ever passed to OpenSearch as query syntax: the parser turns the text into plain
words and phrases, and the query builder puts each of them into `match`/`match_phrase` clauses, which
analyse text and cannot fail on it. Every input parses; what cannot be understood is dropped.

Grammar, loosely:
    query   := item*
    item    := ["-"] term  |  term ("OR" | "|") term ...
    term    := word | '"' words '"'        (an unclosed quote runs to the end)

`OR` is an operator unless the query's cased letters are all capitals (a pasted wire headline such as
"OIL OR GAS PRICES"); `|` always is, and joins only a word or phrase to the next. Lower-case `or`, and `AND`/`NOT`
in any case, are words like any other. The text is folded first (fold_query_text): NFC, so composed and decomposed
accents parse alike; the look-alikes of the characters that join a word's parts (a curly apostrophe, a Unicode
hyphen, a full-width ampersand) and typographic double quotes as their ASCII forms; invisible characters out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from archive_search.index_mapping import INVISIBLE_CLASS, JOINER_VARIANTS

MAX_UNITS = 1024  # a 2,048-character query holds fewer; relevance.py bounds what reaches the engine
_WORDLIKE = re.compile(r"\w")
# A run of `|` is a token of its own, spaced or not: "anti-war|AT&T" is two alternatives, not one joined word.
_TOKEN = re.compile(r'-?"[^"]*"?|\|+|[^\s"|]+')
_INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")
# Double quotation marks as phones, word processors and other languages type them quote a phrase like '"'.
QUOTE_VARIANTS = "\u201c\u201d\u201e\u201f\u2e42\u00ab\u00bb\u275d\u275e\u301d\u301e\u301f\uff02"
_JOINERS = str.maketrans(
    {variant: joiner for joiner, variants in JOINER_VARIANTS.items() for variant in variants}
    | dict.fromkeys(QUOTE_VARIANTS, '"')
)


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
    """The text NFC-normalised, each joiner look-alike (index_mapping.JOINER_VARIANTS) as its ASCII joiner, each
    double quotation mark (QUOTE_VARIANTS) as '"', and the invisible characters (INVISIBLE_CLASS) dropped, as the
    index's `invisible` and `joiners` char filters read articles. Idempotent. Offsets into the result are what the
    engine reports for it (spelling.py works on it)."""
    # Invisible characters out first: one between a letter and its accent would keep them from composing.
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text)).translate(_JOINERS)


def fold_within(typed: str, limit: int) -> tuple[str, int]:
    """(typed folded by fold_query_text, the length counted against `limit`): the shorter of the text as sent and
    as folded, since NFC composes a decomposed paste and lengthens some text (at most threefold). Text over four
    times the limit is not folded (composing never shortens it that much) and is counted as sent."""
    if len(typed) > 4 * limit:
        return typed, len(typed)
    folded = fold_query_text(typed)
    return folded, min(len(typed), len(folded))


def parse_query(text: str) -> ParsedQuery:
    """Any string -> a ParsedQuery; never raises."""
    text = fold_query_text(text)
    required: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = after_term = False
    tokens = _TOKEN.findall(text)
    # A query whose cased letters are all capitals ("OIL OR GAS PRICES") is a pasted headline: OR is a word there.
    # Digits and scripts without case ("2015 OR 2016") do not make a headline.
    operator_word = None if " ".join(t for t in tokens if t != "OR").isupper() else "OR"
    for raw in tokens:
        if raw == operator_word or raw.startswith("|"):
            # Only a word or phrase just before joins: "ferry -zebra|quay" keeps quay a word of its own.
            join_next = after_term
            continue
        negated = raw.startswith("-") and len(raw) > 1
        term = _term(raw[1:] if negated else raw)
        positive = term is not None and not negated
        if term is not None and negated:
            excluded.append(term)
        elif term is not None and join_next:
            required[-1].append(term)
        elif term is not None:
            required.append([term])
        join_next, after_term = False, positive
    required = required[:MAX_UNITS]
    excluded = excluded[:MAX_UNITS]
    words = tuple(word for unit in required for term in unit for word in term.words)
    return ParsedQuery(
        required=tuple(Unit(tuple(dict.fromkeys(unit))) for unit in required),
        excluded=tuple(dict.fromkeys(excluded)),
        words=words,
    )


def without_exclusions(text: str) -> str:
    """The text with each excluded term (-word, -"a phrase") blanked, its UTF-16 length kept so that offsets the
    engine reports into the result point into text: what the term suggesters look at (nobody wants a word respelt
    that they asked to keep out)."""

    def blank(token: re.Match[str]) -> str:
        kept = token.group()
        return same_width_blank(token) if kept.startswith("-") and len(kept) > 1 else kept

    return _TOKEN.sub(blank, text)


def same_width_blank(match: re.Match[str]) -> str:
    """Spaces as many as the match's UTF-16 code units: blanking it keeps every engine offset after it."""
    return " " * (len(match.group().encode("utf-16-le", "surrogatepass")) // 2)
