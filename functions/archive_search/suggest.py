"""GET /suggest: as-you-type title suggestions for a partial query whose last word may be cut short.

Titles that start with what was typed come first (`title.start` holds every prefix of the whole title,
punctuation folded to spaces); then titles holding every typed word as the start of one of their words
(`title.prefix`, edge n-grams per word), a joined word's parts adjacent; a code is typed as its letter and digit
runs (F16 as F 16), so a title writing F-16 is found too, those holding its runs adjacent first. Highlighting is
done here, on the title text, so that exactly the typed prefix of each word is marked, and the rest is
HTML-escaped. An exclusion (`-word`, `-"a phrase"`, as /search's parser reads them) is no prefix to match: the
titles holding it are left out, but for a wire headline typed whole with its ` -SOURCE`
(relevance.pasted_headline), which starts with all that was typed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from archive_search.errors import InvalidQueryError
from archive_search.index_mapping import DIGIT_GROUP_PATTERN, MAX_WORD_PREFIX, TITLE_START_CHARS
from archive_search.parsing.validate import MAX_TITLE_CHARS
from archive_search.ports import ArticleIndex
from archive_search.query_parser import (
    JOINERS,
    STOPWORDS,
    Term,
    capitals_typed,
    fold_as_index,
    fold_within,
    is_word_character,
    last_pieces,
    parse_query,
    stem_key,
    symbols_blanked,
    without_exclusions,
    without_possessive,
)
from archive_search.relevance import (
    BYLINE_FIELD,
    BYLINE_PARTS_FIELD,
    HEADLINE_FIELD,
    MIN_CLOSED_UP_LETTERS,
    TEXT_FIELDS,
    abbreviation_closed_up,
    abbreviation_dotted,
    abbreviation_form,
    any_of,
    code_runs,
    has_synonyms,
    is_joined,
    pasted_headline,
    short_joined,
    unit_runs,
)
from archive_search.spelling import (
    MAX_SPELLED_CHARS,
    MAX_SPELLED_WORDS,
    TITLE_SUGGESTER,
    TITLE_WORDS_FIELD,
    nearest_candidates,
)

MAX_SUGGESTIONS = 8
MAX_CODE_PHRASES = 8
MAX_JOINED_PHRASES = 8  # a joined word's parts adjacent (_title_prefixes); the rest need only each part
MAX_ABBREVIATIONS = 8  # searched in either spelling (two clauses each); the rest as typed
# A reader may type (or paste) a whole title, and ingest accepts titles this long.
MAX_SUGGEST_CHARS = MAX_TITLE_CHARS
# The engine tokens (query_parser.pieces) of q read, its last ones: each is a clause in several fields of each
# request, and the engine refuses more than 1,024 in all. 128 numbers or 160 two-letter words (500 characters) were
# 1,025 or more in the last fallback's request (build_article_titles: 4 fields twice), and /suggest answered 503
# (session 53's attacker); the worst input of each kind passed up to 112 pieces. No news-dev headline has more than
# 13, so a headline typed whole is read whole, and a pasted paragraph of 48 still reads as one, not as a reader's
# keywords (at 24, some pasted Reuters leads read a `-` as an exclusion and offered nothing); the last ones, since
# the reader types the end of the text.
MAX_SUGGEST_PIECES = 48
# Where an excluded word keeps a title out, as /search's exclusion does: stemmed (`-price` keeps out "prices"), as
# written (a part of a joined word: `-neill`, O'Neill) and closed up (`-walmart`, Wal-Mart).
EXCLUDED_WORD_FIELDS = ["title", "title.exact", "title.closed"]
EXCLUDED_PHRASE_FIELDS = ["title", "title.exact"]
# Where the last fallback finds the typed words (build_article_titles): as /search reads them, the byline too (`kalbag`:
# 18 articles by Chaitanya Kalbag, none naming him), and the word being typed as the start of a word as written.
ARTICLE_FIELDS = [*TEXT_FIELDS, BYLINE_FIELD]
ARTICLE_PREFIX_FIELDS = ["title.exact", "summary.exact", "body.exact", BYLINE_PARTS_FIELD]
# The shortest word being typed asked for as a word's start there: `body.exact` keeps no prefixes, so a start of one or
# two letters is a walk over most of the body terms, on a keystroke; a shorter word is no word the articles must hold.
MIN_ARTICLE_PREFIX_CHARS = 3
_JOINERS = re.compile(f"([{re.escape(JOINERS)}])")  # the joiners kept among the pieces
_POSSESSIVE = re.compile(r"'[sS](?![^\W_])")  # as the word parts drop it (O'Driscoll's: o, driscoll)
# A possessive's `'s` after a word of two letters or more, as /search reads one (query_parser.without_possessive):
# `o's` is O'Sullivan being typed.
_TYPED_POSSESSIVE = re.compile(r"(?<=[^\W_]{2})'[sS](?![^\W_])")


@dataclass(frozen=True)
class TitleSuggestion:
    id: str
    title: str
    highlighted: str


@dataclass(frozen=True)
class TitleSuggestions:
    """What /suggest offers for q: `suggestions`, best first; `altered_query`, the text the titles were matched
    against when it is not q as typed (its misspelt words respelt: title_respelt; words no title holds left out:
    title_relaxed), else None; `words_not_in_titles`, the typed words left out, which the articles of the titles
    offered hold in their text instead (in q's order, as typed)."""

    suggestions: list[TitleSuggestion]
    altered_query: str | None = None
    words_not_in_titles: list[str] = field(default_factory=list)


def suggest_query(text: str) -> str:
    """The typed text, whitespace collapsed, folded as /search folds it (query_parser.fold_query_text), ending in one
    space if it ended in whitespace: the reader finished the last word (build_suggest). Raises InvalidQueryError
    when longer than MAX_SUGGEST_CHARS both as sent and NFC-composed (query_parser.fold_within)."""
    folded, length, pasted = fold_within(text, MAX_SUGGEST_CHARS)
    if length > MAX_SUGGEST_CHARS:
        raise InvalidQueryError(f"q is {length} characters long; the limit for suggestions is {MAX_SUGGEST_CHARS}")
    return f"{folded} " if folded and pasted[-1:].isspace() else folded


def words_of(text: str) -> list[str]:
    """The runs of letters, digits and marks in text: a word keeps its marks (मोदी, Ọ̀yọ́), as the index's tokenizer
    keeps them."""
    return ["".join(run) for is_word, run in groupby(text, is_word_character) if is_word]


def spaced_runs(word: str) -> str | None:
    """A code's runs (relevance.code_runs: `F16` -> `F 16`) or a number and its unit apart (relevance.unit_runs:
    `15pct` -> `15 pct`, as "15 PCT" headlines write it; session 35's third review), else None."""
    return code_runs(word) or unit_runs(word)


def with_code_runs(text: str) -> str:
    """text with each code as its letter and digit runs (`F16` -> `F 16`, relevance.code_runs): the word prefixes
    hold F-16 and F16 alike as the prefixes of `f` and `16` (mapping 10's word parts), so typed as runs a code finds
    a title however it hyphenates it; typed `F16` found only the titles writing F16."""
    spelt: list[str] = []
    for is_word, chars in groupby(text, is_word_character):
        run = "".join(chars)
        spelt.append((spaced_runs(run) or run) if is_word else run)
    return "".join(spelt)


def typed_words(q: str) -> list[str]:
    """The typed words as the index compares them (fold_as_index), with the runs of each code (F16: f16, f, 16),
    which mark a title's F-16 as typing F 16 does. A possessive's `'s` is no word (the word prefixes drop it:
    `japan's` marked the S of "JAPAN SAYS"), nor is a part of a name's letters (relevance.short_joined: `S&P`
    marked the S of "SIX" and "U.S."; the name is marked whole, highlight_title's `names`; session 49's attacker)."""
    kept = [token for token in q.split() if not short_joined(token)]
    words = words_of(_TYPED_POSSESSIVE.sub("", " ".join(kept)))
    runs = [run for word in words for run in (spaced_runs(word) or "").split()]
    return [fold_as_index(word) for word in [*words, *runs]]


def searched_text(q: str) -> str:
    """q (as suggest_query returns it) without its exclusions (query_parser.without_exclusions), whitespace
    collapsed, ending in one space if a word ended there: `oil -pri` is `oil `, oil being finished."""
    blanked = without_exclusions(q)
    collapsed = " ".join(blanked.split())
    return f"{collapsed} " if collapsed and blanked[-1:].isspace() else collapsed


def last_word_typed(q: str) -> bool:
    """Whether the reader is still typing q's last word: q ends in a letter, digit or mark. Whitespace or punctuation
    after a word finishes it (`Low `, `Low,`, `Low-`, `AT&T.`), as the docs say; a joined word being typed (`Low-c`)
    is typed to its last letter. Only whitespace did: `Low,` and `Low-` ranked "LOWER TAX OFFSETS ..." above
    "Low-cost airlines hit Eurotunnel", which `Low ` ranks first (session 51's attacker). An apostrophe after a
    letter does not: a possessive or a name is being typed (`Japan'` ranks "Japan's ageing workforce" first, `O'`
    the O'Neills)."""
    return bool(q) and (is_word_character(q[-1]) or (q[-1] in "'\u2019" and is_word_character(q[-2:-1] or " ")))


def title_exclusions(excluded: Sequence[Term]) -> list[dict[str, Any]]:
    """The clauses a suggested title must match none of: an excluded word, or an excluded phrase or joined word
    (`-"price war"`, `-anti-war`) with its words adjacent and in order; an abbreviation in either spelling, as
    /search excludes it (relevance.abbreviation_form: `-H.K.` keeps out "HK HOTELS SOARS", `-HK` "H.K. STOCK ...")."""
    clauses = []
    for term in excluded:
        if term.phrase or is_joined(term.text):
            clauses.append({"multi_match": {"query": term.text, "type": "phrase", "fields": EXCLUDED_PHRASE_FIELDS}})
            continue
        clauses.append({"multi_match": {"query": term.text, "fields": EXCLUDED_WORD_FIELDS}})
        if form := abbreviation_form(term.text):
            clauses.append({"multi_match": {"query": form, "fields": EXCLUDED_WORD_FIELDS}})
    return clauses


def _abbreviations(q: str) -> dict[str, str]:
    """The typed abbreviations of q (whitespace-separated, as typed), each with its other spelling, as /search reads
    them (relevance.typed_abbreviations): a dotted one closed up (`I.B.M.`: `ibm`), two or three capitals dotted
    (`HK`: `h.k`) unless every word is in capitals, also those /search finds through its synonyms (`US`: `u.s`),
    which the title prefixes cannot (`US trade` offered no "U.S. TRADE ..." title, session 28), and those typed in
    any case (synonym_dotted: `us car sales`, session 51). `U.S.` is not closed up: `us` starts too many words
    ("Usher", "used": 8 of the 10 known-item prefixes typing `U.S.` ranked their title lower, docs/search.md)."""
    dotted = capitals_typed(parse_query(q))
    forms = {
        token: abbreviation_closed_up(token)
        or (abbreviation_dotted(token, with_synonyms=True) if dotted else None)
        or synonym_dotted(token)
        or synonym_closed_up(token)
        for token in q.split()
    }
    return dict([(token, form) for token, form in forms.items() if form][:MAX_ABBREVIATIONS])


def synonym_dotted(word: str) -> str | None:
    """The dotted spelling of an abbreviation /search finds through its synonyms (`u.s`, `u.k`, `u.n`, `e.u`,
    `u.s.a`), typed in any case: /search reads an unquoted `us` typed in any case as the country
    (query_parser.parse_query) and `uk`, `un`, `eu` through the synonyms, case aside. Only capitals among lower-case
    words were dotted (_abbreviations), and the word prefixes hold a title's U.S. as `u.s`: `us car sales` and `US
    CAR SALES` offered nothing where `US car sales` offers "U.S. CAR SALES ..." (session 51's attacker). None for
    any other word (`it`, a stopword: abbreviation_dotted; `ibm`, which has no synonyms); punctuation around the word
    aside (`us,`), not a quotation mark (`"us`: a phrase's pronoun, as /search reads it)."""
    parts = words_of(without_possessive(word))
    if len(parts) != 1 or '"' in word:
        return None
    dotted = abbreviation_dotted(parts[0].upper(), with_synonyms=True)
    return dotted if dotted and has_synonyms(dotted) else None


def synonym_closed_up(word: str) -> str | None:
    """The closed-up spelling of a dotted abbreviation /search finds through its synonyms (`E.U.` -> `eu`, `U.N.`
    -> `un`, `U.K.` -> `uk`), as headlines mostly write them: /suggest has no synonyms, and no headline writes
    `E.U.` or `U.N.`, so they offered nothing where `EU ` offers the EU titles (session 52's attacker). Not `U.S.`,
    which hundreds of headlines write dotted and whose `us` starts "Usher", "used" (_abbreviations)."""
    closed = abbreviation_closed_up(word, with_synonyms=True)
    return closed if closed and has_synonyms(closed) and closed != _US else None


_US = "us"


def word_parts(word: str) -> str:
    """A word's parts as the word prefixes index them, spaced (index_mapping's word_parts: runs of letters with
    their marks and runs of digits, a possessive's `'s` dropped): `O'Driscoll/Gregan` -> `O Driscoll Gregan`,
    `U2's` -> `U 2`, `U.S.-Japan` -> `U S Japan`. The index puts each part at a position of its own after the
    word's first, so the parts, not the tokens the search analyzer makes of the word (`o'driscoll`, `gregan`), are
    adjacent there."""
    parts = (
        "".join(run)
        for kind, run in groupby(_POSSESSIVE.sub("", word), lambda c: unicodedata.category(c)[0].replace("M", "L"))
        if kind in "LN"
    )
    return " ".join(parts)


def joined_words(tokens: Sequence[str]) -> list[str]:
    """The joined words among tokens (not codes, whose runs adjacent rank first: build_suggest)."""
    return [token for token in tokens if is_joined(token) and not code_runs(token)]


def _finished_joined(q: str) -> list[dict[str, Any]]:
    """The should clauses ranking first the titles that hold a finished joined word of q (one a space or another word
    follows) as whole words: `AT&T ` offers "AT&T profits rise" before "Change at the top", which its parts as
    word starts find too. The word as the title is written (`title.exact`), which cannot say that "EU-US" holds `us`
    (the index reads it `U.S`): a should clause, not a must."""
    tokens = q.split()
    finished = tokens[:-1] if last_word_typed(q) else tokens
    return [
        {"match_phrase": {"title.exact": {"query": word_parts(token), "boost": 2}}}
        for token in joined_words(finished)[:MAX_JOINED_PHRASES]
    ]


def _title_prefixes(q: str, forms: dict[str, str], plain: list[str], closed_up: bool = False) -> list[dict[str, Any]]:
    """The clauses a suggested title must match: every typed word it must hold (`plain`: _plain_words) the start of
    one of its words, an abbreviation (`forms`: _abbreviations(q)) in either spelling, as /search finds it
    (relevance.typed_abbreviations: `HK stock` offered nothing where `H.K. stock` offers "H.K. STOCK EXCHANGE MULLS
    ...", session 26; the word prefixes hold `h.k`, not `hk`)."""
    # A token without a letter or digit (`<`, `(`, `—`, `_` after `IBM`) is no prefix: alone among the plain words,
    # its match held no term, or one no title holds (`IBM <` offered nothing where `IBM` offers "IBM <IBM> FORMS
    # ...", session 30).
    either = [
        {"bool": {"should": [{"match": {"title.prefix": {"query": text}}} for text in (token, form)], "boost": 2}}
        for token, form in forms.items()
    ]
    # A joined word's parts adjacent, as /search reads a joined word, as word starts (the prefixes of a word sit at
    # its position): `anti-wa` finds "Anti-war ..." and not "Antiques fair in Wales" (session 31's review: `AT&T`
    # offered "Tories urge ..." for its `at` and `t`). A finished one's whole parts rank first (build_suggest). A
    # part in capitals also dotted, as /search finds it: `US-Japan` offered nothing where five titles write
    # "U.S.-JAPAN" (session 32's review); the phrase alone holds such a word, which the prefixes of `us` would not.
    joined = {token: _joined_forms(token) for token in joined_words(plain)[:MAX_JOINED_PHRASES]}
    # A name's letters (relevance.short_joined: AT&T, R&D, P&O) are held whole or not at all (_joined_held), not as
    # word starts.
    strict = {token for token in joined if short_joined(token)}
    phrases = [_joined_held(token, spellings) for token, spellings in joined.items()]
    rest = [token for token in plain if len(joined.get(token, ())) < 2 and token not in strict]
    # `closed_up`: a word of letters may be a joined word typed closed up (`walmart`, `wifi`, `kilroysilk`: "Wal-Mart",
    # "wi-fi", "Kilroy-Silk"), which /search finds and the word prefixes, holding the parts, did not (session 37's
    # review): the start of a headline's joined word closed up too, for the first few (each a clause of its own).
    closable = [token for token in rest if closed_up and _closable(token)][:MAX_JOINED_PHRASES]
    rest = [token for token in rest if token not in closable]
    # The plain words' prefix match scores twice (boost 2): see build_suggest on the engine's clause count.
    words = [{"match": {"title.prefix": {"query": with_code_runs(" ".join(rest)), "operator": "and", "boost": 2}}}]
    return (words if rest else []) + [_prefix_or_closed_up(token) for token in closable] + phrases + either


def _plain_words(q: str, forms: dict[str, str]) -> tuple[list[str], list[str]]:
    """The typed tokens of q matched as word starts (no abbreviation: `forms`, each with a letter or a digit), as
    (those a title must hold, the finished stopwords it need not). A stopword finished is no word a title must hold
    (/search never requires one): `the world cup`, `oil or gas` and `chelsea v arsenal` offered nothing (session 50's
    attacker); the titles holding it rank first (build_suggest). The word being typed may be the start of another
    (`the` of "Theatre"), and a query of stopwords alone must hold them; not beside an abbreviation, which is a word
    (`the eu`, `for the uk`, `the EU constitution` offered nothing: every title had to hold `the`; session 51's
    review)."""
    tokens = q.split()
    typing = len(tokens) - 1 if last_word_typed(q) else None
    kept = [(i, token) for i, token in enumerate(tokens) if token not in forms and any(c.isalnum() for c in token)]
    capitals = capitals_typed(parse_query(q))
    optional = {i for i, token in kept if i != typing and _optional(token, capitals)}
    if len(optional) == len(kept) and not any(token in forms for token in tokens):
        return [token for _, token in kept], []
    return [token for i, token in kept if i not in optional], [token for i, token in kept if i in optional]


def _optional(typed: str, capitals: bool) -> bool:
    """Whether a typed token is a stopword (query_parser.STOPWORDS, the operator `OR` too, and `v`, as British
    headlines write `vs`), punctuation around it aside; in capitals among words that are not (`capitals`:
    query_parser.capitals_typed), an abbreviation (`IT`)."""
    words = words_of(typed)
    if len(words) != 1 or fold_as_index(words[0]) not in _OPTIONAL_WORDS:
        return False
    return typed == _OR or not (capitals and len(words[0]) > 1 and words[0].isupper())


_OPTIONAL_WORDS = STOPWORDS | {"v"}
_OR = "OR"


def _closable(token: str) -> bool:
    """Whether a typed token may be a joined word closed up: letters only, MIN_CLOSED_UP_LETTERS or more."""
    return len(token) >= MIN_CLOSED_UP_LETTERS and all(c.isalpha() for c in token)


def _prefix_or_closed_up(token: str) -> dict[str, Any]:
    """A title holds the token as the start of a word, or of a joined word closed up (`title.closed`: `walm` starts
    `walmart`, Wal-Mart), or that word whole as /search reads it (stemmed there: `tmobile` is T-Mobile's `tmobil`)."""
    return any_of(
        [
            {"match": {"title.prefix": {"query": token, "boost": 2}}},
            {"prefix": {"title.closed": {"value": _prefix_value(token)}}},
            {"match": {"title.closed": token}},
        ]
    )


def _prefix_value(word: str) -> str:
    """word folded as the index folds it, cut to MAX_WORD_PREFIX letters, as a `prefix` query's value: the engine
    refuses one of more than 1,000 UTF-8 bytes ("input automaton is too large"), and /suggest answered 500 for 334
    CJK letters, or 31 `ﷺ` (18 letters each, folded), typed as one word no title holds (session 43's review)."""
    return fold_as_index(word)[:MAX_WORD_PREFIX]


def _joined_held(token: str, spellings: Sequence[str]) -> dict[str, Any]:
    """A title holds a joined word typed: its parts adjacent as word starts, or, for a name's letters joined by `&`
    or `/` (relevance.short_joined: `AT&T`, `P&O`), the word joined (`title.closed`) or, of three letters or more,
    closed up (`ATT`): its parts as word starts are any two words in a row (session 35's review: `AT&T ` offered
    "Tories urge 'change at the top'", `P&O ` "PHILIPPINES' ONGPIN OPTIMISTIC ...")."""
    closed = short_joined(token)
    if closed is None:
        return any_of([{"match_phrase": {"title.prefix": form}} for form in spellings])
    whole = [{"match": {"title.exact": closed}}] if len(closed) >= MIN_CLOSED_UP_LETTERS else []
    return any_of([{"match": {"title.closed": closed}}, *whole])


def _joined_forms(token: str) -> list[str]:
    """A joined word's parts (word_parts), and the same with each part in capitals dotted where it has a dotted
    spelling (relevance.abbreviation_dotted, synonyms too: `US-Japan` -> `US Japan`, `U S Japan`)."""
    dotted = "".join(
        abbreviation_dotted(piece, with_synonyms=True) or synonym_dotted(piece) or piece
        for piece in _JOINERS.split(token)
    )
    return list(dict.fromkeys([word_parts(token), word_parts(dotted)]))


# A comma after a digit that only digits being typed follow, at the end of the typed text (index_mapping's
# DIGIT_GROUP_PATTERN reads a comma with three digits after it).
_TYPED_GROUP = re.compile(r"(?<=\d),(?=\d{0,2}$)")


# A possessive ending the typed text: `'s` after a letter, nothing after it but whitespace.
_ENDS_POSSESSIVE = re.compile(r"[^\W\d_]{2}'[sS]\s*$")


def groups_closed(typed: str) -> str:
    """searched_text(typed) with its digit groups closed up, a group being typed at the end too, as the index closes
    up the whole number (mapping 20's `digit_groups`): `45,0` starts "45,000 jobs", indexed `45000`, as `450` does;
    and the groups before it, which the engine would close up only after this (`1,500,0` is `15000`, not `1,5000`:
    session 48's review)."""
    return _TYPED_GROUP.sub("", re.sub(DIGIT_GROUP_PATTERN, "", searched_text(typed)))


def _title_start_key(text: str) -> str:
    """text as the title start analyzers read it (index_mapping's title_start: folded, each run of what is no letter
    or digit a space, trimmed)."""
    return _NOT_LETTER_OR_DIGIT.sub(" ", fold_as_index(text)).strip()


_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


def build_suggest(
    typed: str, size: int = MAX_SUGGESTIONS, context: Sequence[str] = (), closed_up: bool = False
) -> dict[str, Any]:
    """The engine request for suggest_titles: the typed text's words as title prefixes, its exclusions as must_not
    clauses of the same request (/suggest answers every keystroke: one round trip). `context`: words typed that no
    title holds (title_relaxed), which the articles of the titles offered hold. `closed_up`: a word of letters may
    also start a joined word closed up (_title_prefixes)."""
    q = groups_closed(typed)
    words = words_of(q)
    complete = " ".join(words[:-1]) if last_word_typed(q) else " ".join(words)
    # The engine counts a clause for each token of each clause, at most one a character of q (a run of ideographs
    # is a token each): the prefix match, the complete words and the title start stay below its 1,024 for the
    # longest q. The prefix match scores twice (boost 2): as a second copy among the should clauses, a 500-ideograph
    # title typed to its end was 1,497 clauses, and /suggest answered 503.
    should: list[dict[str, Any]] = [{"match": {"title.start": {"query": q, "boost": 10}}}]
    if _ENDS_POSSESSIVE.search(q) and len(ended := f"{_title_start_key(q)} ") <= TITLE_START_CHARS:
        # Typed to a possessive, the title start is the word with its `'s` ended ("Japan's ageing ..."), not a word
        # starting with an s ("JAPAN SAYS ...", which the start `japan s` ranked first; session 49's attacker).
        should.append({"term": {"title.start": {"value": ended, "boost": 10}}})
    forms = _abbreviations(q)
    plain, optional = _plain_words(q, forms)
    if forms:
        # A title starting with the typed text, its abbreviations in their other spelling (`US trade`: "U.S. TRADE"),
        # after those starting with it as typed (`UK econ`: "UK economy ..." before "U.K. ECONOMY ...").
        respelt = " ".join(forms.get(token, token) for token in q.split())
        should.append({"match": {"title.start": {"query": respelt, "boost": 5}}})
    # A finished abbreviation also closed up, as a whole word (`E.U. `: the "EU ..." titles before "Europe ...").
    typing = q.split()[-1] if last_word_typed(q) else None
    complete = " ".join([complete, *(form for token, form in forms.items() if "." not in form and token != typing)])
    if complete.strip():
        should.append({"match": {"title.exact": {"query": complete, "boost": 0.5}}})
    if optional:
        # Scored as a word a title must hold is (_title_prefixes), the titles holding them first.
        should.append({"match": {"title.prefix": {"query": " ".join(optional), "boost": 2}}})
    # A code's runs adjacent in a title's words (F-16, F16), before titles that only hold words starting with them
    # (Fighter 16): the word prefixes cannot tell. The first few codes (their runs are clauses).
    codes = [runs for word in words if (runs := spaced_runs(word))][:MAX_CODE_PHRASES]
    should += [{"match_phrase": {"title.exact": {"query": runs, "boost": 2}}} for runs in codes]
    should += _finished_joined(q)
    if adjacent := adjacent_words(q, forms):
        should.append(_adjacent_clause(*adjacent))
    query: dict[str, Any] = {"must": _title_prefixes(q, forms, plain, closed_up), "should": should}
    if context:
        query["filter"] = [{"match": {"body.exact": {"query": " ".join(context), "operator": "and"}}}]
    parsed = parse_query(typed)
    if excluded := title_exclusions(parsed.excluded):
        # Never the title typed whole with its ` -SOURCE`, as /search reads it (relevance.pasted_headline): typing
        # `... MONEY GROWTH -BUNDESBANK` to its end lost the title, which `-B` still offered (session 30).
        if pasted := pasted_headline(parsed):
            start = {"match": {"title.start": {"query": pasted}}}
            excluded = [{"bool": {"should": excluded, "minimum_should_match": 1, "must_not": [start]}}]
        query["must_not"] = excluded
    return _titles_request(query, size)


# A title holding the last words typed side by side, the one being typed as a word's start, ranks above those holding
# them apart: as much as about three of those words score where they are (a typed word's title.prefix score is 5 to
# 8 on news-dev), below a title starting with the text (title.start's boost 10).
ADJACENT_BOOST = 20


def adjacent_words(q: str, forms: dict[str, str]) -> tuple[str, str] | None:
    """The last words of q (as build_suggest reads it) a title should hold side by side, as (the finished words,
    spaced as the exact title field holds them: word_parts, a code as its runs; the start of the word being typed,
    or "" when every word is finished), or None when there are fewer than two. From the last but one word that is
    not a stopword (query_parser.STOPWORDS; the word being typed counts, whatever it is) to the end, the stopwords
    between kept (`house of l`, `bank of e`; `the world c` is `world c`); none before an abbreviation
    (`forms`: _abbreviations), which a title may write in its other spelling (`US tr` offered "US casino 'tricks'
    ..." before "U.S. TRADE ..."). `world c` offered "CAESARS WORLD <CAW> ..." before the World Cup titles, 8th,
    and `house of l` "No seasonal lift for house market": the last word's start anywhere in the title
    (session 55's reviewer)."""
    # A possessive's `s` is no word being typed (`japan's` offered "Japan says" first: session 55's merge).
    tokens = [without_possessive(token) for token in q.split()]
    typing = words_of(tokens[-1])[-1:] if tokens and last_word_typed(q) else []
    finished_tokens = tokens[:-1] if typing else tokens
    if typing:
        finished_tokens.append(tokens[-1][: tokens[-1].rindex(typing[0])])
    words: list[str] = []
    for token in reversed(finished_tokens):
        if token in forms:
            break
        words[:0] = with_code_runs(word_parts(token)).split()
    window: list[str] = []
    content = len(typing)
    for word in reversed(words):
        if content == 2:
            break
        window.insert(0, word)
        content += fold_as_index(word) not in _OPTIONAL_WORDS
    while window and fold_as_index(window[0]) in _OPTIONAL_WORDS:
        window.pop(0)
    if len(window) + len(typing) < 2:
        return None
    return " ".join(window), _prefix_value(typing[0]) if typing else ""


def _adjacent_clause(finished: str, typing: str) -> dict[str, Any]:
    """The should clause of build_suggest scoring ADJACENT_BOOST for a title holding the word starts `finished` then
    `typing` side by side, in order (the engine's intervals query on `title.prefix`, whose word starts sit at their
    word's position: one term a word, where a prefix rule on the exact field walks the terms starting with it and
    refuses more than 128), and the finished words whole (`title.exact`): `iraq w` is no "Iraqis win ...". Not the
    exact field's positions for the finished words: it reads a title's `US` as `U.S`, two positions (`interest r`
    missed "US interest rates increased to 2%")."""
    text = f"{finished} {typing}".strip()
    adjacent = {"intervals": {"title.prefix": {"match": {"query": text, "mode": "ordered", "max_gaps": 0}}}}
    whole = {"match": {"title.exact": {"query": finished, "operator": "and"}}}
    return {"constant_score": {"filter": {"bool": {"filter": [adjacent, whole]}}, "boost": ADJACENT_BOOST}}


def _titles_request(query: dict[str, Any], size: int) -> dict[str, Any]:
    """The request for up to `size` titles of the bool `query`, best first, each headline once: the archive holds 62
    headlines twice or more (`Kilro` offered "Kilroy launches 'Veritas' party" twice, the fifth Kilroy title behind
    it; session 52's attacker)."""
    return {
        "query": {"bool": query},
        "_source": ["title"],
        "size": size,
        "track_total_hits": False,
        "collapse": {"field": HEADLINE_FIELD},
        "sort": [{"_score": "desc"}, {"source_key": "asc"}],
    }


def build_article_titles(typed: str) -> dict[str, Any]:
    """The engine request for the last fallback of suggest_titles: the titles of the articles holding every typed
    word in their headline, summary, body or byline, the finished ones as /search reads them (stemmed, with its
    synonyms: `blairs` is Blair's, `hopes` "hope") and the one being typed so too or as the start of a word as
    written (the exact fields: the stemmed ones hold `unit` for "United", which `unite` does not start), when it has
    MIN_ARTICLE_PREFIX_CHARS or more (a shorter one is not required, only scored), scored as
    /search weights the fields (relevance.TEXT_FIELDS), the words whole first; one request, a headline held twice
    once. `manchester united`, `manchester un`, `blair hopes`, `kerry` offered nothing where /search finds 763, 146,
    42 and 10 articles: no title holds the words together, or only bodies hold them, so no earlier reading matched a
    title (session 52's attacker)."""
    text = groups_closed(typed)
    typing = words_of(text)[-1] if last_word_typed(text) else ""
    finished = text[: text.rindex(typing)] if typing else text
    # A stopword finished (`OR` too) is no word an article must hold, as in a title (_plain_words).
    parsed = parse_query(typed)
    capitals = capitals_typed(parsed)
    required = " ".join(token for token in finished.split() if not _optional(token, capitals))
    whole = {"query": text, "type": "most_fields", "fields": ARTICLE_FIELDS}
    must = [{"multi_match": {**whole, "query": required, "operator": "and"}}] if words_of(required) else []
    if len(typing) >= MIN_ARTICLE_PREFIX_CHARS:
        starts = [{"prefix": {name: _prefix_value(typing)}} for name in ARTICLE_PREFIX_FIELDS]
        must.append(any_of([*starts, {"multi_match": {**whole, "query": typing}}]))
    # Stopwords alone are words an article must hold, as a title must (_plain_words).
    must = must or [{"multi_match": {**whole, "operator": "and"}}]
    query: dict[str, Any] = {"must": must, "should": [{"multi_match": whole}]}
    if excluded := title_exclusions(parsed.excluded):
        query["must_not"] = excluded
    return _titles_request(query, MAX_SUGGESTIONS)


def suggest_titles(index: ArticleIndex, q: str) -> TitleSuggestions:
    """Up to MAX_SUGGESTIONS titles for q (as suggest_query returns it), the typed start of each word marked; none
    for a q of exclusions alone (`-oil`: nothing to complete). When no title matches, q's words of letters also as
    the start of a headline's joined word closed up (`walmart`: Wal-Mart); then q with its misspelt words respelt
    (title_respelt), the respelt start of each word marked; then without the words no title holds (title_relaxed);
    then the titles of the articles holding every word (build_article_titles), each word said to be in no title: up
    to six requests more, only then. The answer says how q was read (TitleSuggestions): the page offered "Blair ..."
    titles for `tony blair` without saying `tony` was in no title (session 34). Of a longer q only its last
    MAX_SUGGEST_PIECES pieces are read (session 53: more made the engine refuse the request)."""
    # Its symbols as the title fields read them (query_parser.symbols_blanked: an emoji ends a word); `manchester😀`
    # offered nothing, `tony😀 blair` kept the titles holding "blair" to articles holding the emoji (session 43).
    # Only its last MAX_SUGGEST_PIECES pieces: the clauses of every request below are bounded by theirs.
    unsymbolled = last_pieces(symbols_blanked(q), MAX_SUGGEST_PIECES)
    q = read_as_typed = " ".join(unsymbolled.split()) + (" " if unsymbolled[-1:].isspace() else "")
    searched = searched_text(q)
    if not words_of(searched):
        return TitleSuggestions([])
    dropped: list[str] = []
    response = index.search(build_suggest(q), size=MAX_SUGGESTIONS, offset=0)
    if not response["hits"]["hits"] and any(_closable(token) for token in words_of(searched)):
        # Before any respelling: `walmart` is no misspelt word but Wal-Mart closed up (`osul` was respelt `soul`).
        response = index.search(build_suggest(q, closed_up=True), size=MAX_SUGGESTIONS, offset=0)
    if not response["hits"]["hits"] and (respelt := title_respelt(index, q)):
        q, searched = respelt, searched_text(respelt)
        response = index.search(build_suggest(q), size=MAX_SUGGESTIONS, offset=0)
    if not response["hits"]["hits"] and (relaxed := title_relaxed(index, q)):
        (q, dropped), searched = relaxed, searched_text(relaxed[0])
        response = index.search(build_suggest(q, context=dropped), size=MAX_SUGGESTIONS, offset=0)
    if not response["hits"]["hits"] and not any(short_joined(token) for token in searched_text(read_as_typed).split()):
        # Last, the titles of the articles holding the words (session 52); not for a name's letters (`P&O`), which
        # only a headline's name whole is (_joined_held), where the articles' words would be any `p` and `o`.
        q, searched = read_as_typed, searched_text(read_as_typed)
        response = index.search(build_article_titles(q), size=MAX_SUGGESTIONS, offset=0)
        dropped = [word for token in searched.split() if (word := _EDGE_PUNCTUATION.sub("", token))]
    if not response["hits"]["hits"]:
        return TitleSuggestions([])
    # An abbreviation's closed-up spelling is marked too (`I.B.M.` marks "IBM"); a dotted one is not (its letters
    # alone would mark every word starting with them).
    # A finished word is marked only where a title word is that word or its plural or `-ed` form as the stemmer reads
    # it (`patent ` marks "patents"), not the start of a longer word (`bank of e` marked the "BANK" of "BANKAMERICA"
    # and the "of" of "off"; session 55's reviewer); the one being typed where a word starts with it. Only a space
    # finishes a word here: `at&` is AT&T being typed, whose "ATT" titles it marks.
    tokens = searched.split()
    typing = tokens[-1:] if not searched[-1:].isspace() else []
    forms = _abbreviations(searched)
    closed_forms = {token: form for token, form in forms.items() if "." not in form}
    typed = typed_words(" ".join(typing)) + [closed_forms[token] for token in typing if token in closed_forms]
    finished = tokens[: len(tokens) - len(typing)]
    whole = typed_words(" ".join(finished)) + [closed_forms[token] for token in finished if token in closed_forms]
    # A name's letters, closed up, are marked where a title word is the name whole (`AT&T` marks "ATT" and "AT&T").
    names = [closed for token in joined_words(tokens) if (closed := short_joined(token))]
    stems = {stem_key(word) for word in whole}
    suggestions: list[TitleSuggestion] = []
    for hit in response["hits"]["hits"]:
        title = str(hit.get("_source", {}).get("title", ""))
        highlighted = highlight_title(title, typed, names, stems)
        suggestions.append(TitleSuggestion(id=hit["_id"], title=title, highlighted=highlighted))
    # Named when respelt or relaxed, in the text matched (without the symbols: `mourino😀` is `mourinho`).
    altered = None if q == read_as_typed else _shown(q.rstrip())
    return TitleSuggestions(suggestions, altered, [_EDGE_PUNCTUATION.sub("", word) for word in dropped])


# What a typed token is cut to when it is named: `"tony` (session 35's second review: `"tony blair"` named `"tony`
# left out and the titles matched against `blair"`).
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def _shown(text: str) -> str:
    """The text the titles were matched against, as the answer names it: without a quotation mark left unpaired
    by a word left out."""
    return text.replace('"', "").strip() if text.count('"') % 2 else text


# A word typed whole, no exclusion, no code: the words title_respelt may respell, of 4 letters or more (a shorter one
# has a dozen spellings one edit away and no phrase to be read by there, as /search reads it: spelling._as_phrases)
# and no more than /search looks up (spelling.MAX_SPELLED_CHARS: the suggesters' edit distances on a longer one take
# seconds).
_RESPELLABLE = re.compile(rf"(?<![-\w'])[^\W\d_]{{4,{MAX_SPELLED_CHARS}}}(?![\w'])")


def title_respelt(index: ArticleIndex, q: str) -> str | None:
    """q with each word no headline holds and no headline or article word starts with (a typo, not a word typed in
    part) respelt as the nearest headline word (spelling.nearest_candidates: within the edits /search allows, a likely
    edit first), or None when none is: the first MAX_SPELLED_WORDS words, one request. /suggest found nothing for a
    name typed one letter wrong that /search reads (session 33's review: `mourino`, `venger`, `parmelat`,
    `hodorkovsky`, `volker`, each written in news-dev headlines)."""
    # Not an excluded word, however it is written (`-venger`, `-"venger"`, `-(venger)`): the exclusions blanked, at
    # their places (a query whose blanking moved them is read as typed).
    blanked = without_exclusions(q)
    text = blanked if len(blanked) == len(q) else q
    found = [(match.start(), match.group()) for match in _RESPELLABLE.finditer(text)][:MAX_SPELLED_WORDS]
    if not found:
        return None
    # A word that some headline word or some article's word starts with may be one the reader is still typing
    # (`spok`, `wedn`, `domes`: the review of session 33 saw 92 of 120 such starts of common words respelt).
    starts = {
        str(i): any_of([{"match": {"title.prefix": {"query": word}}}, {"prefix": {"body.exact": _prefix_value(word)}}])
        for i, (_, word) in enumerate(found)
    }
    body = {
        "query": {"match_all": {}},
        "track_total_hits": False,
        "aggs": {"starts": {"filters": {"filters": starts}}},
        "suggest": {
            str(i): {"text": word, "term": {"field": TITLE_WORDS_FIELD, **TITLE_SUGGESTER}}
            for i, (_, word) in enumerate(found)
        },
    }
    answer = index.search(body, size=0, offset=0)
    begun = answer["aggregations"]["starts"]["buckets"]
    respelt = q
    for i, (start, word) in reversed(list(enumerate(found))):
        if begun[str(i)]["doc_count"]:
            continue
        options = [option for entry in answer["suggest"][str(i)] for option in entry.get("options") or []]
        if candidates := nearest_candidates(word, options):
            # A word typed whole is respelt as a whole word, not the start of one (`wrold` offered "WorldCom ..."
            # titles before the "World ..." ones: session 33's third review).
            end = start + len(word)
            respelt = respelt[:start] + candidates[0] + (" " if end == len(respelt) else "") + respelt[end:]
    return respelt if respelt != q else None


_TYPED_TOKEN = re.compile(r"\S+")


def title_relaxed(index: ArticleIndex, q: str) -> tuple[str, list[str]] | None:
    """q without the words no title holds a word starting with (`title.prefix`), and the words left out, or None when
    every word some title holds, or none: the first MAX_SPELLED_WORDS words, one request. /suggest offered nothing
    for `tony blair`, `tony bl` or `andy mur` where headlines write `Blair ...` and `Murray ...` but no headline
    `Tony` or `Andy` (session 34's review); only the titles of the articles holding the words left out are offered
    (build_suggest): ranked first, any other title was offered too (`rooney goal`: "Blair stresses prosperity goals",
    the session's third review). Only a word no title holds is left out: leaving out the one fewest titles hold, where
    each is some title's, left out the name the reader meant (`mourinho ban` offered "Banker loses sexism claim")."""
    blanked = without_exclusions(q)
    tokens = [
        match
        for match in _TYPED_TOKEN.finditer(q)
        if len(blanked) != len(q) or blanked[match.start() : match.end()].strip()  # not an exclusion
        if words_of(match.group())
    ][:MAX_SPELLED_WORDS]
    if len(tokens) < 2:
        return None
    held = {str(i): {"match": {"title.prefix": {"query": token.group()}}} for i, token in enumerate(tokens)}
    body = {"query": {"match_all": {}}, "track_total_hits": False, "aggs": {"held": {"filters": {"filters": held}}}}
    buckets = index.search(body, size=0, offset=0)["aggregations"]["held"]["buckets"]
    dropped = [token for i, token in enumerate(tokens) if not buckets[str(i)]["doc_count"]]
    # Nor stopwords alone: `received a précis` was read `a`, which marked the A of "Advice" (session 50's attacker).
    capitals = capitals_typed(parse_query(q))
    if not dropped or all(token in dropped or _optional(token.group(), capitals) for token in tokens):
        return None
    relaxed = q
    for token in reversed(dropped):
        relaxed = relaxed[: token.start()] + relaxed[token.end() :]
    # The words left: the last one finished when the reader finished it, or when a word after it was dropped.
    finished = q[-1:].isspace() or dropped[-1] is tokens[-1]
    relaxed = " ".join(relaxed.split())
    return relaxed + (" " if finished else ""), [token.group() for token in dropped]


def highlight_title(title: str, typed: list[str], names: Sequence[str] = (), finished: Collection[str] = ()) -> str:
    """The title, HTML-escaped, with <mark> around the typed start of each word that matches a typed word: the
    shortest start of the word that folds to the typed word, with the marks on its last letter (Straße typed
    `stra` marks Stra, `ﬁnance` typed `fin` marks ﬁn, Ọ̀yọ́ typed `oyo` is marked whole); around the typed start
    of a joined word a typed word starts closed up, where none of its parts is marked (`walm` marks "Wal-M" of
    Wal-Mart); and around each word, joined or not, that is one of `names` whole, its joiners aside (a name's
    letters: `att` marks "ATT" and "AT&T", not the start of "ATTACK"), or one of the `finished` words (stem_key's
    keys) as the stemmer reads it (`patent` marks "patents", not the start of "patently")."""
    marks: list[tuple[int, int]] = []
    position = 0
    for is_word, run in groupby(title, is_word_character):
        word = "".join(run)
        start, position = position, position + len(word)
        if is_word and (cut := _whole_name(word, names, finished) or _typed_start(word, typed)):
            marks.append((start, start + cut))
    closable = [t for t in typed if _closable(t)]
    for joined in _JOINED_TITLE_WORD.finditer(title):
        unmarked = not any(joined.start() <= start < joined.end() for start, _ in marks)
        cut = _typed_start(joined.group(), closable, skip=JOINERS) or _whole_name(joined.group(), names, finished)
        if unmarked and cut:
            marks.append((joined.start(), joined.start() + cut))
    out: list[str] = []
    last = 0
    for start, end in sorted(marks):
        out.append(f"{html.escape(title[last:start])}<mark>{html.escape(title[start:end])}</mark>")
        last = end
    out.append(html.escape(title[last:]))
    return "".join(out)


# A headline's word joined by `-`, `&`, `/` or an apostrophe (Wal-Mart, Kilroy-Silk, O'Neill), as relevance reads
# one closed up (title.closed).
_JOINED_TITLE_WORD = re.compile(f"[^\\W\\d_]+(?:[{re.escape(JOINERS)}][^\\W\\d_]+)+")


def _whole_name(word: str, names: Sequence[str], finished: Collection[str] = ()) -> int:
    """len(word) when word, its joiners aside and folded as the index folds it, is one of `names`, or its stem_key one
    of `finished`; else 0."""
    if not names and not finished:
        return 0
    folded = fold_as_index("".join(c for c in word if c not in JOINERS))
    return len(word) if folded in names or stem_key(folded) in finished else 0


def _typed_start(word: str, typed: list[str], skip: str = "") -> int:
    """How many characters of `word` the longest typed word it starts with covers, as the index folds them (the
    `skip` characters, a joined word's joiners, fold to nothing), its last letter's marks kept with it; 0 when none."""
    folded = ["" if c in skip else fold_as_index(c) for c in word]
    whole = "".join(folded)
    longest = max((len(t) for t in typed if t and whole.startswith(t)), default=0)
    if not longest:
        return 0
    cut, covered = 0, 0
    while covered < longest:
        covered += len(folded[cut])
        cut += 1
    while cut < len(word) and (unicodedata.category(word[cut])[0] == "M" or not folded[cut]):
        cut += 1  # a letter keeps its marks, and what folds to nothing goes with what comes before
    return cut
