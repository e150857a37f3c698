"""A tolerant parser for what readers type: words, "phrases", -exclusions and OR.

Nothing a reader types is ever passed to OpenSearch as query syntax: the parser turns the text into plain
words and phrases, and the query builder puts each of them into `match`/`match_phrase` clauses, which
analyse text and cannot fail on it. Every input parses; what cannot be understood is dropped.

Grammar, loosely:
    query   := item*
    item    := ["-" | "NOT"] term  |  term ("OR" | "|") term ...
    term    := word | '"' words '"'        (an unclosed quote runs to the end)

`OR` is an operator unless the query's cased letters are all capitals (a pasted wire headline such as
"OIL OR GAS PRICES"); `|` always is, and joins only a word or phrase to the next. `NOT` before a word or phrase
excludes it as `-` does, where OR is an operator and `-` excludes (`oil NOT gas` is `oil -gas`; session 34's
review: it listed the articles on oil and gas first), and so does `AND NOT` (session 53). Lower-case `or` and
`not`, and `AND` in any case but before NOT, are words like any other. The text is folded first (fold_query_text):
NFC, so composed and decomposed accents parse alike; the look-alikes of the characters that join a word's parts (a
curly apostrophe, a Unicode hyphen, a full-width ampersand) and typographic double quotes as their ASCII forms;
invisible characters out.
"""

from __future__ import annotations

import functools
import html
import html.entities
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from archive_search.index_mapping import DIACRITIC_RANGES, DIGIT_FORMS, INVISIBLE_CLASS, JOINER_VARIANTS
from archive_search.parsing.text import PHRASING_ELEMENTS
from archive_search.typed_dates import YEAR, numeric_date

# Lucene's English stop set (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), the engine's `_english_`, `vs` and the question
# words.
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
        # and `vs`, a connector of the reader's (`chelsea vs arsenal`), never what is looked for: scored, it ranked an
        # earnings table writing it ten times second, above the articles about both teams (session 36)
        "vs",
        # and the question words (the SMART stop list's), which say a reader asks, not what about: `what is
        # phishing` required `what` beside `phishing` or a word near it (`pushing`), the main phishing article 37th;
        # on CISI's 40 judged queries holding one, nDCG@10 +0.004 (session 37)
        "how",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "why",
    }
)
MAX_UNITS = 1024  # a 2,048-character query holds fewer; relevance.py bounds what reaches the engine
# Engine tokens ("pieces") a term may hold, and all the terms searched as phrases, OR-alternatives or exclusions
# together (a quoted phrase, a joined word, a run of ideographs): the engine counts each token of each field a
# clause, and refuses a query of more than 1,024. A word is one piece; an ideograph (Han, Hiragana) is a token of
# its own for the standard tokenizer, so a pasted Chinese paragraph (no spaces) is 2,048 of them.
MAX_TERM_PIECES = 16
MAX_PHRASE_PIECES = 64
# Each exclusion is a clause on every text field (with its synonyms, byline and tags): at most this many are applied;
# the others are reported (ParsedQuery.unapplied), not dropped in silence.
MAX_EXCLUSIONS = 8
# The first word of a character's Unicode name is a coarse script ("LATIN", "KATAKANA", "DIGIT"): the standard
# tokenizer (Unicode UAX #29) breaks where it changes ("aア1" is three tokens), and makes each character of these
# scripts (Han ideographs, Hiragana, ideographic numbers, Tangut…) a token of its own. Katakana, Hangul and Thai
# runs stay one token each.
_CHARACTER_TOKEN_SCRIPTS = frozenset({"CJK", "IDEOGRAPHIC", "HIRAGANA", "HANGZHOU", "TANGUT", "KHITAN", "NUSHU"})
# A pasted sentence is text, not syntax: in a query of more words than this, `-` before a word is punctuation (news
# copy writes "the economy -which stagnated"), not an exclusion that would drop the very article pasted from.
MAX_OPERATOR_WORDS = 10
NOT_OPERATOR = "NOT"
AND_OPERATOR = "AND"  # only before NOT (_not_operators); alone a word
_SIGNED_NUMBER = re.compile(r"-[.,]?\d")  # -0.1%, -5C, -.5, any script's digits: a minus sign, never an exclusion
_SIMPLE_LOWER = {"\u0130": "i"}  # the one character whose lower() is longer than one (SpecialCasing.txt)
_WORDLIKE = re.compile(r"\w")
# A run of `|` is a token of its own, spaced or not: "anti-war|AT&T" is two alternatives, not one joined word.
_TOKEN = re.compile(r'-?"[^"]*"?|\|+|[^\s"|]+')
_INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")
# Double quotation marks as phones, word processors and other languages type them quote a phrase like '"'.
QUOTE_VARIANTS = "\u201c\u201d\u201e\u201f\u2e42\u00ab\u00bb\u275d\u275e\u301d\u301e\u301f\uff02"
# Full-width ASCII forms (U+FF01-U+FF5E), as East Asian keyboards type them, read as ASCII: the index's asciifolding
# reads them so, and so must stopwords, OR and synonyms (a full-width "the", "OR" or "US").
_ASCII_PIECE = re.compile(r"[A-Za-z]+|[0-9]+|_+")
_FULL_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
# What the standard tokenizer does not split at between two letters (UAX #29 MidLetter, MidNumLet and ExtendNumLet,
# as the engine's tokenizer reads them; apostrophes are JOINERS): `.`, `:`, `_`, the middle dots, the one-dot
# leader, the undertie, and their small and full-width forms.
GLUE = re.compile(
    "[.:_\u00b7\u0387\u05f4\u2024\u2027\u203f\u2040\u2054\ufe13\ufe33\ufe34\ufe4d-\ufe4f\ufe52\ufe55"
    "\uff0e\uff1a\uff3f]+"
)
# Mathematical alphanumeric symbols (U+1D400-U+1D7FF: the bold, italic and script letters "fancy text" generators
# paste) read as the letters and digits they style, as full-width ones are (they found nothing and offered nothing:
# session 22's review).
_MATH_STYLED = {
    chr(c): plain
    for c in range(0x1D400, 0x1D800)
    if len(plain := unicodedata.normalize("NFKC", chr(c))) == 1 and plain.isascii() and plain.isalnum()
}
JOINERS = "&-/'"  # what joins a joined word (`AT&T`, `anti-war`); their look-alikes are folded to these first
_JOINERS = str.maketrans(
    _FULL_WIDTH
    | _MATH_STYLED
    | DIGIT_FORMS
    | {variant: joiner for joiner, variants in JOINER_VARIANTS.items() for variant in variants}
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
    # Exclusions as typed (-word, -"a phrase") that are not applied: beyond MAX_EXCLUSIONS, or beyond the engine
    # tokens MAX_PHRASE_PIECES leaves (an exclusion is never cut: cut, it would exclude more than asked).
    unapplied: tuple[str, ...] = ()
    # The query as typed without its exclusions and operators, which a whole headline may equal (relevance:
    # the article whose headline was typed ranks first).
    typed: str = ""
    # The same with its exclusions, as typed: a wire headline's own ` -SOURCE` reads as one (`... MONEY GROWTH
    # -BUNDESBANK`), and the headline pasted whole is this text (relevance.pasted_headline).
    whole: str = ""
    # A query a reader types, of at most MAX_OPERATOR_WORDS words (_exclusions_apply), not a pasted sentence or
    # paragraph: its `-` excludes, and a dotted abbreviation in it is also searched closed up (relevance).
    typed_by_reader: bool = True

    @property
    def is_empty(self) -> bool:
        return not self.required and not self.excluded

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _clean(text: str) -> str:
    """Words only: characters that carry no letter or digit are dropped, whitespace is collapsed."""
    return " ".join(word for word in text.split() if _WORDLIKE.search(word))


def _term(raw: str, typed: bool) -> Term | None:
    if raw.startswith('"'):
        text = _clean(raw.strip('"').replace('"', " "))
    else:
        text = _clean(_ANY_CASE_US.sub("U.S", raw) if typed else raw)
    # An ideograph is a word of its own to the engine: a run of them reads as the words of a phrase (adjacent).
    if not text.isascii():
        text = " ".join("".join(f" {c} " if _script(c) in _CHARACTER_TOKEN_SCRIPTS else c for c in text).split())
    if not text:
        return None
    return Term(text, phrase=len(text.split()) > 1)


def engine_lower(text: str) -> str:
    """text lower-cased as the engine's `lowercase` filter does it: each character by its simple mapping (Java's
    Character.toLowerCase). Not Python's casefold(), which the index never applies (it turns a final sigma into
    sigma, the micro sign into mu, splits the Armenian ech-yiwn), nor lower()'s special case (capital I with dot
    becomes i and a combining dot, where the engine has i)."""
    return "".join(lower if len(lower := c.lower()) == 1 else _SIMPLE_LOWER.get(c, c) for c in text)


def is_word_character(c: str) -> bool:
    """A letter, digit or combining mark (a Devanagari vowel sign, an Arabic haraka: part of its word, though
    Python's \\w does not count marks), or the underscore."""
    return unicodedata.category(c)[0] in "LNM" or c == "_"


def pieces(text: str) -> int:
    """How many tokens, at most, the engine's standard tokenizer makes of text: a run of word characters of one
    script is one, each character of a script tokenized character by character is one (it joins some runs: "U.S."
    and "a1" are one token each, counted two; an overcount is safe)."""
    return len(_piece_ends(text))


def last_pieces(text: str, limit: int) -> str:
    """text from its `limit`-th last piece (pieces) on, or text when it holds no more. Cut where a token that
    whitespace ends is ended, when a piece follows (`10.7 billion` cut after `10` is ` billion`: `7` is a word no
    article holds, and a pasted lead lost its title); else where the piece ends, and past what is neither a word
    character nor whitespace, so that a word cut out of a joined word is no exclusion or alternative (`aa-ab` cut
    after `aa` is `ab`, not `-ab`). A token after whitespace keeps its sign (`aa -ab` is ` -ab`)."""
    ends = _piece_ends(text)
    if len(ends) <= limit:
        return text
    cut = ends[-limit - 1]
    blank = _BLANK.search(text, cut)
    if blank and blank.start() < ends[-1] - 1:
        return text[blank.start() :]
    while cut < len(text) and not text[cut].isspace() and not is_word_character(text[cut]):
        cut += 1
    return text[cut:]


_BLANK = re.compile(r"\s")


def _piece_ends(text: str) -> list[int]:
    """Where each piece of text ends (see pieces)."""
    if text.isascii():  # the common case, without a Unicode name lookup per character: LATIN, DIGIT, LOW (LINE) runs
        return [piece.end() for piece in _ASCII_PIECE.finditer(text)]
    ends: list[int] = []
    previous = None
    for i, c in enumerate(text):
        if not is_word_character(c):
            previous = None
            continue
        if previous is not None and unicodedata.category(c)[0] == "M":
            ends[-1] = i + 1  # a combining mark belongs to its letter
            continue
        script = _script(c)
        script = _ALPHABET if script in _ONE_TOKEN_ALPHABETS else script
        if script != previous or script in _CHARACTER_TOKEN_SCRIPTS:
            ends.append(i + 1)
        else:
            ends[-1] = i + 1
        previous = script
    return ends


# Alphabets whose letters the standard tokenizer keeps in one token whatever the mix (checked with `_analyze`): a
# word typed with a look-alike letter of another alphabet (`m\u043eurinho`, a Cyrillic o) is one token, and was
# counted three pieces, so never respelt nor expanded (relevance.typo_tolerant): with `chelsea` beside it, it found 78
# news-dev articles holding `chelsea` or its near spellings and offered nothing, where `mourinho chelsea` finds 67
# (session 51).
_ONE_TOKEN_ALPHABETS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN"})
_ALPHABET = "ALPHABET"


def _script(c: str) -> str:
    return unicodedata.name(c, "?").split(" ", 1)[0]


def fold_query_text(text: str) -> str:
    """The text NFC-normalised, each joiner look-alike (index_mapping.JOINER_VARIANTS) as its ASCII joiner, each
    double quotation mark (QUOTE_VARIANTS) as '"', each subscript digit as its digit (DIGIT_FORMS), and
    the invisible characters (INVISIBLE_CLASS) dropped, as the index's `invisible`, `joiners` and `digit_forms` char
    filters read articles. Idempotent. Offsets into the result are what the
    engine reports for it (spelling.py works on it)."""
    # Invisible characters out first: one between a letter and its accent would keep them from composing.
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text)).translate(_JOINERS)


_CAPITAL_US = re.compile(r"(?<!\w)US(?!\w)")
_ANY_CASE_US = re.compile(r"(?<![\w.])us(?!\w|\.\w)", re.IGNORECASE)  # not a web address part (us.gov)


def read_us_as_country(text: str) -> str:
    """text with each capital "US" (a word of its own) written "U.S": the country. The index reads a capital "US" so
    where lower-case text surrounds it, and as both "U.S" and "us" in text all in capitals (index_mapping's
    `country_us` and `all_caps_us`), so the country is found wherever an article writes it; "us" is left as typed."""
    return _CAPITAL_US.sub("U.S", text)


def fold_within(sent: str, limit: int) -> tuple[str, int, str]:
    """(sent with its whitespace and control characters collapsed to single spaces and folded by fold_query_text, a
    name's letters typed with spaces around their `&` closed up (`R & D`: R&D), the length counted against
    `limit`, sent as pasted_text reads it, which the callers read too). The length is that of the text as sent or
    NFC-composed, whichever is shorter, every character counted (blanks and invisible ones too, as the OpenAPI
    document's maxLength counts them): NFC composes a decomposed paste and lengthens some text (at most threefold).
    Text over `limit` is returned as sent, both times: the caller refuses it, unread."""
    length = len(sent) if len(sent) > 4 * limit else min(len(sent), len(unicodedata.normalize("NFC", sent)))
    if length > limit:
        return sent, length, sent
    pasted = pasted_text(sent)
    folded = fold_query_text(collapsed(pasted))
    folded = collapsed(_EDGE_CONNECTORS.sub("", folded)) if _LETTER_OR_DIGIT.search(folded) else folded
    return _SPACED_AMPERSAND.sub(_closed_ampersand, folded), length, pasted


def pasted_text(sent: str) -> str:
    """sent as the text a reader saw where they copied it: each character reference decoded (`&quot;`, `&amp;`,
    `&eacute;`, `&#8217;`, `&#x27;`: the HTML standard's names, html.entities.html5, and numbers), then the tags of
    pasted markup dropped (`<b>blair</b>`, our own snippets' `<mark>`), a phrasing element's (HTML standard,
    "phrasing content") closed up, another's (`<p>`, `<br/>`) as a space. A reference is read only with its `;`, as
    escaped text writes it: the standard's legacy names without one (`&para`, `&reg`, `&times`, `&yen`) begin words
    (`R&D&regulation` is no `®ulation`), and a name it does not know is text (`tax&regulation;`, `&quota;`). A tag is
    markup when it closes (`</b>`), closes itself (`<br/>`), has an attribute with a value (`<a href="…">`) or its
    element is closed in the query: a tag without one of these is a wire's ticker or company (`<IBM>`, `<T>` for
    AT&T, `<Cons Papers Inc>`, which the index reads as words) and stays, as do `<` and `>` between words (`a < b`).
    Session 54: `&quot;tony blair&quot;` was respelt `&quota;…` and found immigration quotas; `Q&amp;A` found
    nothing; `<b>blair</b>` searched the word `b`."""
    decoded = _CHARACTER_REFERENCE.sub(_referenced, sent) if "&" in sent else sent
    if "<" not in decoded:
        return decoded
    closed = {match.group(1).lower() for match in _CLOSING_TAG.finditer(decoded)}
    return _TAG.sub(lambda match: _tag_as_text(match, closed), decoded)


# A character reference with its semicolon: decimal, hexadecimal or a name (the longest of the standard's is 31
# letters: `CounterClockwiseContourIntegral`).
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")


def _referenced(match: re.Match[str]) -> str:
    """The character a reference names, or the reference as typed when the standard names none so (html.entities.
    html5's names with their `;`): html.unescape reads a legacy name's prefix, `&regulation;` as `®ulation;` and
    `&quota;` as `"a;` (session 54's review)."""
    reference = match.group()
    if reference[1] == "#":
        return html.unescape(reference)
    return html.entities.html5.get(reference[1:], reference)


# Greedy, one way to match: a lazy run before an optional `/` took quadratic time on a `<a` and 2,000 blanks.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:[\s/][^<>]*)?)>")
_CLOSING_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9]*)\s*>")
_ATTRIBUTE_VALUE = re.compile(r"\s[^\s=<>]+\s*=")


def _tag_as_text(match: re.Match[str], closed: set[str]) -> str:
    closing, name, attributes = match.groups()
    self_closing = attributes.rstrip().endswith("/")
    markup = closing or self_closing or _ATTRIBUTE_VALUE.search(attributes) or name.lower() in closed
    if not markup:
        return match.group()
    return "" if name.lower() in PHRASING_ELEMENTS else " "


# An underscore (or another connector, Unicode's Pc) not between two letters or digits: the engine's tokenizer keeps
# it in the token, where it drops any other punctuation at a word's edge, so `_oil_` found nothing and offered
# nothing, where `.oil.` or `*oil*` finds what `oil` finds (session 51's attacker). Within a word it stays
# (`oil_prices`: glued_parts); a query without a letter or digit is left as typed.
_CONNECTORS = "_\u203f\u2040\u2054\ufe33\ufe34\ufe4d-\ufe4f\uff3f"
_EDGE_CONNECTORS = re.compile(
    rf"(?<![^\W_])(?<![{_CONNECTORS}])[{_CONNECTORS}]+|[{_CONNECTORS}]+(?![^\W_])(?![{_CONNECTORS}])"
)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


# A name's letters typed with spaces around their `&` (`R & D`, `M & S`, `AT & T`): one a single letter, the other
# one or two. Read as two words, `R & D` listed 256 news-dev articles, rugby team sheets first and the two writing
# R&D 9th and 20th; `M & S` 2,268 (session 43's review). Punctuation may follow (`AT & T's`, `P & O-owned`: its
# second review). Words (`US & UK`, `marks & spencer`) stay words.
_SPACED_AMPERSAND = re.compile(r"(?<![\w&])([^\W\d_]{1,2})( ?& ?)([^\W\d_]{1,2})(?![\w&])")


def _closed_ampersand(match: re.Match[str]) -> str:
    first, _, second = match.groups()
    return f"{first}&{second}" if min(len(first), len(second)) == 1 else match.group()


def collapsed(sent: str) -> str:
    """sent with its whitespace and control characters collapsed to single spaces, none at either end."""
    return " ".join(_CONTROL.sub(" ", sent).split())


# C0 and C1 control characters and DEL, which no stored text holds (ingest cleans them out): blanks in a query, as
# the tabs and line breaks among them are. Read otherwise, `a<NUL>b` found 3,677 news-dev articles and `a b` 80
# (session 35's review).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def capitals_typed(parsed: ParsedQuery) -> bool:
    """Whether capitals in the query may be an abbreviation: not when it has two or more words with letters of case
    and all of them are in capitals (`HK HOTELS SOARS`, `CIA FBI`); numbers and scripts without case aside, so `CIA
    1963` is read as typed capitals (session 24's review: it was read as a headline in capitals)."""
    cased = [word for word in parsed.words if any(c.isupper() or c.islower() for c in word)]
    return len(cased) < 2 or not all(word.isupper() for word in cased)


def _joined_to(
    tokens: list[str], i: int, operator_word: str | None, operators: frozenset[int], excludes: bool
) -> int | None:
    """The token an OR or a bar after token i joins it to, in an OR-group: a word or phrase, not an exclusion, a token
    without a word, nor the query's end (`oil+gas|-zebra`, `oil+gas OR —`, `oil+gas OR` join nothing: oil and gas;
    session 46's reviews); None when none is."""
    after = i + 1
    while after < len(tokens) and (tokens[after] == operator_word or tokens[after].startswith("|")):
        after += 1
    joined = (
        after > i + 1
        and after < len(tokens)
        and _WORDLIKE.search(tokens[after]) is not None
        and not (excludes and (after in operators or _is_exclusion(tokens[after])))
    )
    return after if joined else None


# A search parses its query a dozen times (relevance, spelling, the tiers ask for it apart): 8 ms each for a
# 2,000-character paste, 99 of its 158 ms in this process (session 46's review, cProfile). A ParsedQuery is frozen.
@functools.lru_cache(maxsize=64)
def parse_query(text: str) -> ParsedQuery:
    """Any string -> a ParsedQuery; never raises.

    A capital "US" is the country (read_us_as_country); in a query a reader types (at most MAX_OPERATOR_WORDS
    words), an unquoted "us" in any case is the country too: nobody searches for the pronoun, and readers type in
    lower case. Inside quotes and in a pasted paragraph, "us" is the pronoun. An exclusion is counted once however
    it is spelt (-zebra -Zébra -ZEBRA, -US -us), and one beyond MAX_EXCLUSIONS of an applied one's stem (-prices
    -price) is not reported unapplied (stem_key)."""
    text = fold_query_text(text)
    required: list[list[Term]] = []
    excluded: list[Term] = []
    unapplied: list[str] = []
    excluded_keys: set[str] = set()  # each exclusion as the index compares it: one slot however it is spelt
    join_next = after_term = negate_next = False
    tokens = _tokens(text)
    # A query whose cased letters are all capitals ("OIL OR GAS PRICES") is a pasted headline: OR is a word there.
    # Digits and scripts without case ("2015 OR 2016") do not make a headline.
    operator_word = _operator_word(tokens)
    operators = _not_operators(tokens, operator_word)
    excludes = _exclusions_apply(tokens, operator_word, operators)
    keywords = not excludes and not any(
        fold_as_index(token) in STOPWORDS for i, token in enumerate(tokens) if i not in operators
    )
    budget = MAX_PHRASE_PIECES
    typed: list[str] = []
    whole: list[str] = []

    def bounded(term: Term, counted: bool, whole: bool) -> Term | None:
        # A single-piece required word is bounded where it is scored (relevance.MAX_SCORED_WORDS); every other
        # term's pieces come out of the query's budget, first come first served. A phrase searched for may be cut
        # (its first words still rank the article holding it first); an exclusion cut would exclude more than
        # the reader asked, so one that does not fit is dropped whole.
        nonlocal budget
        if not counted and term.text.isascii() and term.text.isalpha():
            return term  # one piece: most words of a paste
        ends = _piece_ends(term.text)
        if not counted and len(ends) <= 1:
            return term
        limit = min(MAX_TERM_PIECES, budget)
        if len(ends) <= limit:
            budget -= len(ends)
            return term
        if whole or limit == 0:
            return None
        budget -= limit
        text = term.text[: ends[limit - 1]]
        return Term(text, phrase=len(text.split()) > 1)

    # Reading "US" adds no space, quote or bar: the tokens of the text as read are the tokens as typed.
    for i, (raw, read) in enumerate(zip(tokens, _tokens(read_us_as_country(text)), strict=True)):
        if raw == operator_word or raw.startswith("|"):
            # Only a word or phrase just before joins: "ferry -zebra|quay" keeps quay a word of its own.
            join_next = after_term
            continue
        if excludes and i in operators:
            negate_next, join_next, after_term = True, False, False
            continue
        if keywords and i in operators and raw == NOT_OPERATOR:
            unapplied.append(f"{raw} {tokens[i + 1]}")
        whole.append(raw)
        if keywords and _is_exclusion(raw) and _WORDLIKE.search(raw):
            # Beyond MAX_OPERATOR_WORDS `-` is punctuation, searched as a word; in a list of keywords (no stopword:
            # no sentence) it was likely meant to exclude, and is reported (session 34's review: `-mourinho` after
            # eleven club names ranked four Mourinho articles in the first eight, `unapplied_exclusions` empty).
            unapplied.append(raw)
        negated = excludes and (_is_exclusion(raw) or negate_next)
        negate_next = False
        text_read = read[1:] if excludes and _is_exclusion(raw) else read
        # Words with punctuation or a symbol between them and no space are words apart (words_apart), but in an
        # excluded word (`opec NOT oil+gas` excludes what `-oil+gas` does) or an OR-group's alternative (`coal|oil+gas`:
        # coal, or oil and gas; session 45's review). A quoted phrase stays one phrase (`"oil+prices"`).
        alternative = join_next or _joined_to(tokens, i, operator_word, operators, excludes) is not None
        pieces = (
            [words_apart(text_read)]
            if text_read.startswith('"')
            else [text_read]
            if negated or alternative
            else words_apart(text_read).split()
        )
        term = _term(pieces[0], typed=excludes) if pieces else None
        if negated:
            if term is not None and (key := fold_as_index(term.text)) not in excluded_keys:
                excluded_keys.add(key)
                if len(excluded) < MAX_EXCLUSIONS and bounded(term, counted=True, whole=True) is not None:
                    excluded.append(term)
                elif stem_key(key) not in {stem_key(fold_as_index(applied.text)) for applied in excluded}:
                    # One the stemmed fields read as an applied one is kept out by it: `-price` beside `-prices` was
                    # named unapplied (session 53's attacker).
                    unapplied.append(raw)
            join_next = after_term = False
            continue
        typed.append(raw)
        for each in [term, *(_term(piece, typed=excludes) for piece in pieces[1:])]:
            kept = bounded(each, counted=join_next, whole=False) if each is not None else None
            if kept is not None and join_next:
                required[-1].append(kept)
            elif kept is not None:
                required.append([kept])
            join_next, after_term = False, kept is not None
    required = required[:MAX_UNITS]
    words = tuple(word for unit in required for term in unit for word in term.words)
    return ParsedQuery(
        required=tuple(Unit(tuple(dict.fromkeys(unit))) for unit in required),
        excluded=tuple(excluded),
        words=words,
        unapplied=_each_once(unapplied),
        typed=" ".join(typed),
        whole=" ".join(whole),
        typed_by_reader=excludes,
    )


def _each_once(exclusions: list[str]) -> tuple[str, ...]:
    """The exclusions as typed (`-gas`, `NOT gas`), each once however it is spelt, as it takes one slot (`-gas -GAS
    -gás` was named three times in `unapplied_exclusions`: session 52's review), its plural too (`-coal -coals`:
    stem_key); the first spelling is kept."""
    firsts: dict[str, str] = {}
    for typed in exclusions:
        firsts.setdefault(stem_key(fold_as_index(typed.removeprefix(f"{NOT_OPERATOR} ").lstrip("-").strip('"'))), typed)
    return tuple(firsts.values())


def stem_key(word: str) -> str:
    """A folded word (or phrase, by its end) as the stemmed fields' stemmer (porter2, snowball's English) reads its
    plural or `-ed` form, only where that stemmer surely reads it as the word without the ending: without an `s`
    that follows a vowel not just before it (`prices`: price; not `gas`, `skis`, `press`, `campus`, `businesses`,
    which is busi to it, nor `-ies` after two letters: `flies` is fli), or without the `d` of an `ed` after a vowel
    where the stemmer gives the `e` back (`rated`, `priced`, `used`, `tied`: rate, price, use, tie; not `dyed`, which
    is dy to it, `cried`, nor `need` nor `agreed`). Not a word of the stemmer's exceptions (`news` is news, `bias`
    bias). Any other word is its own key: an exclusion it does not keep out stays named unapplied (`-news` beside
    `-new` was hidden: session 53's review). Checked against the engine's `_analyze` with the body's analyzer: of
    1,717 pairs (news-dev's 400 commonest words in `s` and in `ed` with `s`, `d` and `ed` taken off, the review's
    pairs), 472 share a key, each a stem to the engine too (session 53)."""
    head, _, last = word.rpartition(" ")
    if last in _PORTER2_EXCEPTIONS or len(last) <= MIN_STEM_CHARS or not _VOWEL.search(last[:-2]):
        return word
    plural = (
        last.endswith("s") and not last.endswith(("ss", "us", "sses")) and (not last.endswith("ies") or len(last) == 4)
    )
    ied = last.endswith("ied")  # porter2 reads `ied` as `ie` after one letter (`tied`: tie), else as `i`
    past = last.endswith("ed") and not last.endswith("eed") and (len(last) == 4 if ied else _e_restored(last[:-2]))
    stem = last[:-1] if plural or past else last
    return word if stem in _PORTER2_EXCEPTIONS else f"{head} {stem}" if head else stem


def _e_restored(stem: str) -> bool:
    """Whether porter2 puts an `e` back on what is left of a word without its `ed` (step 1b): after `at`, `bl` or
    `iz`, or on a short word (its R1 empty, ending in a short syllable), not after a double consonant."""
    if stem.endswith(("at", "bl", "iz")):
        return True
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] in "bdfgmnprt":
        return False
    vowel = [c in "aeiou" or (c == "y" and i > 0 and stem[i - 1] not in "aeiouy") for i, c in enumerate(stem)]
    r1 = next((i + 2 for i in range(len(stem) - 1) if vowel[i] and not vowel[i + 1]), len(stem))
    short_syllable = (len(stem) >= 3 and not vowel[-3] and vowel[-2] and not vowel[-1] and stem[-1] not in "wxy") or (
        len(stem) == 2 and vowel[0] and not vowel[1]
    )
    return r1 >= len(stem) and short_syllable


_VOWEL = re.compile("[aeiouy]")
# porter2's exceptional forms, stemmed by a list rather than by its rules (snowball's English stemmer): a word that is
# one, or becomes one without its ending (`skys`: sky), is its own key.
_PORTER2_EXCEPTIONS = frozenset(
    [
        "skis",
        "skies",
        "dying",
        "lying",
        "tying",
        "idly",
        "gently",
        "ugly",
        "early",
        "only",
        "singly",
        "sky",
        "news",
        "howe",
        "atlas",
        "cosmos",
        "bias",
        "andes",
        "inning",
        "outing",
        "canning",
        "herring",
        "earring",
        "proceed",
        "exceed",
        "succeed",
    ]
)


# Punctuation and symbols the engine's standard tokenizer keeps inside a word (Unicode word boundaries, UAX #29:
# letters by their word-break property that are punctuation or symbols by category), besides the joiners and glue:
# modifier letters (U+02C2, U+A789), Armenian marks (`ինչ՞ու`), the Arabic decimal separator, circled and squared Latin
# letters (`Ⓐ`). Read off the engine by analyzing each punctuation or symbol code point between two letters; the
# integration test test_words_apart_where_the_engine_reads_them_apart does so again, so the list cannot drift. Until
# session 46 every modifier symbol (Sk) was kept, and most of them (`^`, `¨`, tone bars) the engine reads as a
# word's end (session 46's review). An emoji's skin tone (U+1F3FB-1F3FF) the engine keeps as a part of the emoji
# before it: read with it, as a word's end (`oil👍🏻prices`), even alone.
_KEPT_IN_WORDS = re.compile(
    "[\u02c2-\u02c5\u02d2-\u02d6\u02de\u02df\u02ed\u02ef-\u02ff\u055b\u055c\u055e\u066b\u1fcd-\u1fcf"
    "\u24b6-\u24e9\ua720\ua721\ua789\ua78a\uab5b\U0001f130-\U0001f149\U0001f150-\U0001f169"
    "\U0001f170-\U0001f189]"
)


def _separates(character: str) -> bool:
    """Punctuation or a symbol, but a joiner (JOINERS), glue (GLUE) or a quote or bar (the parser's token ends): one
    the engine's tokenizer may read as a word's end (`+`, `,`, `—`, `^`, `•`, an emoji), by the characters around it
    (_apart_between)."""
    return (
        unicodedata.category(character)[0] in "PS"
        and character not in JOINERS
        and character not in '"|'
        and not GLUE.fullmatch(character)
    )


# Between two digits the engine keeps one numeric separator (UAX #29 MidNum: `1,000`, `1;2`, the Arabic thousands
# separator), and reads every other punctuation or symbol as a number's end (`1987+1988`; session 46's
# review); read off the engine as _KEPT_IN_WORDS is.
_NUMERIC_SEPARATORS = frozenset(",;\u0589\u060c\u060d\u066c\u07f8\ufe10\ufe14\ufe50\ufe54")
# Katakana to the engine (UAX #29 Katakana): a word of them keeps the sound marks and circled or squared katakana
# typed inside it (`ア゛イ`, as session 45 kept it), which end a word of letters.
_KATAKANA = re.compile(
    "[\u3031-\u3035\u309b\u309c\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u32d0-\u32fe\u3300-\u3357\uff66-\uff9d]"
)


def _in_word(character: str) -> bool:
    return unicodedata.category(character)[0] in "LMN"


def _apart_between(run: str, before: str, after: str) -> str:
    """A run of punctuation and symbols (_separates) between two characters of words, with each the engine reads as a
    word's end there blanked (same UTF-16 width): none when it keeps the run inside one word (one numeric separator
    between digits, katakana between katakana, a character it reads as a letter: _KEPT_IN_WORDS)."""
    if before.isdecimal() and after.isdecimal() and run in _NUMERIC_SEPARATORS:
        return run
    katakana = bool(_KATAKANA.match(before) and _KATAKANA.match(after))
    kept = _KATAKANA if katakana else _KEPT_IN_WORDS
    return "".join(c if kept.match(c) else _blank(c) for c in run)


def words_apart(token: str) -> str:
    """A token with each run of punctuation and symbols between two characters of words (letters, marks, digits)
    that all separate words (_separates) read as a space, the same UTF-16 width: `oil+prices`, `oil,prices`,
    `world—cup`, `wrld🏆cpu`, `g8+summit`, `मोदी,शाह` are two words, as the engine's tokenizer reads them. By date
    `oil+prices` listed the 1,128 news-dev articles holding either word, where `oil prices` lists 298, and `wrld+cup`
    was not read as `world+cup`, whose words the spelling suggesters read apart (session 45); so are numbers
    (`1987+1988`, session 46). Not one numeric separator between two digits (`1,000`), katakana between katakana,
    nor a run at the token's edge (`c++`, `yahoo!`)."""
    out: list[str] = []
    at = 0
    while at < len(token):
        end = at
        while end < len(token) and _separates(token[end]):
            end += 1
        if end == at:
            out.append(token[at])
            at += 1
            continue
        before, after = token[at - 1 : at], token[end : end + 1]
        between = before and after and _in_word(before) and _in_word(after)
        out.append(_apart_between(token[at:end], before, after) if between else token[at:end])
        at = end
    return "".join(out)


def symbols_apart(text: str) -> str:
    """text with each token's words apart (words_apart), as a search reads them, but an excluded word (`-oil+gas`: the
    spelling's text has its exclusions blanked first). Same UTF-16 width (spelling.py reads offsets in it)."""

    def apart(token: re.Match[str]) -> str:
        excluded = token.group().startswith("-") and not token.group().startswith('-"')
        return token.group() if excluded else words_apart(token.group())

    return _TOKEN.sub(apart, text)


def _operator_word(tokens: list[str]) -> str | None:
    """ "OR" when OR is an operator in this query, else None: a query whose cased letters are all capitals ("OIL
    OR GAS PRICES", or "OR" alone) is a pasted headline, where OR is a word. Digits and scripts without case
    ("2015 OR 2016") do not make a headline, nor do the operators' own capitals: `NOT 1987` alone read NOT as a
    word, and the year's articles were listed (session 53's review)."""
    others = " ".join(t for t in tokens if t not in ("OR", NOT_OPERATOR, AND_OPERATOR))
    return None if not others or others.isupper() else "OR"


def _tokens(text: str) -> list[str]:
    """The query's tokens (_TOKEN); a `-` glued to the token before it (`"TARGET"-DENIAL`, a headline's quoted word
    joined to the next) joins them and excludes nothing: it is left out of the token (session 21's review: the
    headline typed whole excluded its own article)."""
    tokens: list[str] = []
    before: tuple[re.Match[str], str] | None = None
    for found in _TOKEN.finditer(text):
        tokens.append(_unglued(found, before))
        before = found, tokens[-1]
    return tokens


def _unglued(found: re.Match[str], before: tuple[re.Match[str], str] | None) -> str:
    """A token as _tokens reads it, given the token before it and how that one was read: without a `-` glued to a
    word or phrase before it, unless that one was read as `|` or as an exclusion (`oil|-gas` and `-"oil price"-opec`
    exclude, as they did; in `"Pro"-"Choice"-Rally` no word is excluded: session 21's review)."""
    token = found.group()
    glued = before is not None and before[0].end() == found.start() and not before[1].startswith(("-", "|"))
    # A double hyphen typed for a dash (`"Pro"--Choice`) joins as one does (session 21's second review).
    return (token.lstrip("-") or token[1:]) if glued and token.startswith("-") and len(token) > 1 else token


def _is_exclusion(token: str) -> bool:
    """-word or -"a phrase", but not a signed number (-0.1%, -5C); a year is no number below zero (`-1987` is `NOT
    1987`: as a number it was a year typed, and listed the 1,595 news-dev articles of 1987: session 53's review), nor
    a date (`-1987-10-19`, typed_dates.numeric_date: as a word it asked for that day's articles; session 54)."""
    year = YEAR.fullmatch(token, 1) is not None or bool(numeric_date(token[1:].casefold()))
    return token.startswith("-") and len(token) > 1 and (year or not _SIGNED_NUMBER.match(token))


def _exclusions_apply(tokens: list[str], operator_word: str | None, operators: frozenset[int]) -> bool:
    """Whether `-` excludes in this query: only in one of at most MAX_OPERATOR_WORDS other words (what a reader
    types), not in a pasted sentence or paragraph. OR, `|`, NOT and its term (`operators`: _not_operators) and tokens
    without a letter or digit (a dash) are no words, and a keyword typed again counts once however it is spelt (`oil
    -gas` typed twelve times was a paste, `gas` not excluded: session 52's review); a stopword counts each time, the
    glue of a sentence."""
    words = [
        fold_as_index(t)
        for i, t in enumerate(tokens)
        if t != operator_word
        and i not in operators
        and i - 1 not in operators
        and not _is_exclusion(t)
        and _WORDLIKE.search(t)
    ]
    return sum(word in STOPWORDS for word in words) + len(set(words) - STOPWORDS) <= MAX_OPERATOR_WORDS


def _not_operators(tokens: list[str], operator_word: str | None) -> frozenset[int]:
    """Where tokens hold NOT excluding the next term, and the AND of an `AND NOT`: where OR is an operator, between two
    words that are no stopword (or first), in a reader's keywords: the other words in lower case (`oil NOT gas`, `oil
    AND NOT gas`), or a name's capital just before NOT (or its AND) in a query without a stopword (`Blair NOT
    Brown`, `Iraq NOT war`). Not the NOT of a headline's emphasis (`Mayor will NOT retract Nazi jibe`, `Abortion NOT
    a poll issue`, `Dance music NOT dead` lost their articles: session 34's second and third reviews), nor of a
    headline in capitals (OR is no operator there). Until session 52 any capital made NOT a word, and `Blair NOT
    Brown` ranked "Blair and Brown criticised by MPs" second."""
    if not operator_word:
        return frozenset()
    # `AND NOT` is NOT, the AND part of the operator, not the stopword before it, which kept NOT a word (`oil AND NOT
    # gas` found what `oil gas` finds; session 53's attacker): the commonest Boolean spelling.
    ands = {i - 1 for i, token in enumerate(tokens) if token == NOT_OPERATOR and i and tokens[i - 1] == AND_OPERATOR}
    words = [token for i, token in enumerate(tokens) if token not in (NOT_OPERATOR, operator_word) and i not in ands]
    keywords = all(token == token.lower() for token in words)
    if not keywords and any(fold_as_index(token.strip('-"()')) in STOPWORDS for token in words):
        return frozenset()

    def excludes(i: int) -> bool:
        first = i - 1 if i - 1 in ands else i  # where the operator starts
        after = fold_as_index(tokens[i + 1].lstrip('-"('))
        before = fold_as_index(tokens[first - 1]) if first else ""
        named = keywords or (first > 0 and tokens[first - 1].lstrip('"(')[:1].isupper())
        return named and bool(after) and after not in STOPWORDS and before not in STOPWORDS

    nots = {i for i, token in enumerate(tokens[:-1]) if token == NOT_OPERATOR and excludes(i)}
    return frozenset(nots | {i - 1 for i in nots if i - 1 in ands})


def without_exclusions(text: str) -> str:
    """The text with each excluded term (-word, -"a phrase", NOT word) blanked, its UTF-16 length kept so that
    offsets the engine reports into the result point into text: what the term suggesters look at (nobody wants a word
    respelt that they asked to keep out)."""
    tokens = _tokens(text)
    operator_word = _operator_word(tokens)
    operators = _not_operators(tokens, operator_word)
    return _blanked(text, _excluded(tokens, operators, _exclusions_apply(tokens, operator_word, operators)))


def plain_words(text: str) -> str:
    """text with every token blanked (same UTF-16 width) but those a search reads as words of their own that an
    article must hold: no excluded term (as without_exclusions), OR or bar, alternative of an OR-group (_joined_to),
    or quoted phrase. Where a repeated misspelt word is respelt as the search reads it (spelling._repeats_respelt:
    `oil prces NOT prces` was shown `oil prices NOT prices`, a text whose search excludes what the search did not;
    session 46's reviews)."""
    tokens = _tokens(text)
    operator_word = _operator_word(tokens)
    operators = _not_operators(tokens, operator_word)
    excludes = _exclusions_apply(tokens, operator_word, operators)
    blanked = set(_excluded(tokens, operators, excludes))
    for i, token in enumerate(tokens):
        if token == operator_word or token.startswith(("|", '"')):
            blanked.add(i)
        if (joined := _joined_to(tokens, i, operator_word, operators, excludes)) is not None:
            blanked |= {i, joined}
    return _blanked(text, blanked)


def _excluded(tokens: list[str], operators: frozenset[int], excludes: bool) -> frozenset[int]:
    """Where tokens (_tokens) hold an excluded term (-word, -"a phrase") or NOT (`operators`) and its term, when `-`
    excludes in the query (`excludes`: _exclusions_apply)."""
    if not excludes:
        return frozenset()
    return frozenset(i for i, token in enumerate(tokens) if _is_exclusion(token) or {i, i - 1} & operators)


def _blanked(text: str, at: Collection[int]) -> str:
    """text with its tokens (_TOKEN) at the places `at` blanked, the same UTF-16 width."""
    places = itertools.count()
    return _TOKEN.sub(lambda token: same_width_blank(token) if next(places) in at else token.group(), text)


def symbols_blanked(text: str) -> str:
    """text with every symbol (Unicode category S: an emoji, `™`, `$`) blanked, same UTF-16 width, as the fields a
    word or a phrase is looked up in read it: their tokenizer makes a pictograph a token of its own and drops any
    other symbol, so a phrase typed glued to an emoji (`world cup😀`) is written in no article, nor is a title word
    prefix; `world cpu😀` was not read as `world cup`, `george😀 bosh` was `george both`, and /suggest offered
    nothing for `manchester😀` (session 43)."""
    return "".join(_blank(c) if unicodedata.category(c)[0] == "S" else c for c in text)


def _blank(character: str) -> str:
    """Spaces as many as a character's UTF-16 code units (two for one beyond the BMP: an emoji)."""
    return " " * (1 + (ord(character) > 0xFFFF))


def same_width_blank(match: re.Match[str]) -> str:
    """Spaces as many as the match's UTF-16 code units: blanking it keeps every engine offset after it."""
    return " " * (len(match.group().encode("utf-16-le", "surrogatepass")) // 2)


# A dotted abbreviation's possessive takes its last dot with it (`I.B.M.'s`, `U.S.'s`): the dot before the apostrophe
# made it a joined word, searched as the phrase `i.b.m s` (0 news-dev articles where I.B.M. finds 41, U.S.'s 3 where
# U.S. finds 1,644: session 24's review).
_POSSESSIVE = re.compile(r"(?<=\w\w)'[sS]$|(?<=\w\.\w)\.'[sS]$")


def without_possessive(word: str) -> str:
    """A word without its English possessive (`Gazprom's` -> `Gazprom`, `O'Neill's` -> `O'Neill`, `I.B.M.'s` ->
    `I.B.M`), as the engine's analyzers read it (english_possessive): a possessive is no joined word, so a misspelt
    one (`Gazprm's`) is respelt and expanded as the word is. Apostrophe look-alikes must be folded first
    (fold_query_text)."""
    return _POSSESSIVE.sub("", word)


# What the index's analyzers leave out of a word (mapping 9): decorating marks, the tatweel, invisible characters.
_IGNORED = re.compile(f"[{INVISIBLE_CLASS}{''.join(f'{chr(low)}-{chr(high)}' for low, high in DIACRITIC_RANGES)}]")
# Latin letters asciifolding reads as ASCII though they have no decomposition (Łódź is found by lodz).
_UNDECOMPOSED = str.maketrans(
    {"æ": "ae", "œ": "oe", "þ": "th", "\u0131": "i", **dict(zip("ðøđħłŋŧ", "dodhlnt", strict=True))}
)


# English inflectional endings: a word and the same word with one of them are one word to the stemmed fields.
INFLECTIONS = ("s", "es", "d", "ed", "ing")


def inflected(word: str, other: str) -> bool:
    """Whether one of two words is the other with an inflectional ending (INFLECTIONS): `resigns` and `resign`,
    which the stemmed fields hold as one word, never a typo of the other (session 38: `blair resigns`, `resigns` in
    few of news-dev's articles, was offered `blair resign`)."""
    longer, shorter = (word, other) if len(word) > len(other) else (other, word)
    return any(longer == shorter + ending for ending in INFLECTIONS)


def excluded_words(parsed: ParsedQuery) -> frozenset[str]:
    """The words a query excludes one by one (`-cup`, `-cup's`: possessive dropped, as the analyzers drop it; not a
    phrase's words), folded (fold_as_index), for excludes()."""
    return frozenset(fold_as_index(without_possessive(term.text)) for term in parsed.excluded if not term.phrase)


def excludes(excluded: Collection[str], spelling: str) -> bool:
    """Whether a word is one the query excludes (`excluded`: excluded_words), or the same word with another
    inflectional ending (_word_forms: `prices` beside `-priced`, which the stemmed fields hold as one): no word of
    the query is read as it (`wrld cpu -cup` was read `world cup -cup`, `manchester untied -united` `manchester
    united -united`: the query shown excluded the word it was read as; session 44's review). Near enough: the
    endings are English's regular ones, not the engine's stemmer (`ran` beside `-run` is not caught)."""
    forms = _word_forms(fold_as_index(spelling))
    return any(forms & _word_forms(word) for word in excluded)


MIN_STEM_CHARS = 3  # a word with an ending taken off is no shorter (`bus` is no `bu` + `s`)


def forms_of(words: Iterable[str]) -> set[str]:
    """Every folded word of `words` with each inflectional ending taken off (_word_forms): two words share a form when
    the stemmed fields hold them as one word (`governments` and `government`, `received` and `receives`), near
    enough (English's regular endings, not the engine's stemmer)."""
    return {form for word in words for form in _word_forms(fold_as_index(word))}


def _word_forms(word: str) -> set[str]:
    """A folded word, and it with each inflectional ending (INFLECTIONS) taken off, from MIN_STEM_CHARS letters on;
    `d` only after `e` (`priced`: `price`; `band` is no `ban` + `d`: the second review)."""
    forms = {word}
    for ending in INFLECTIONS:
        if (
            word.endswith(ending)
            and (ending != "d" or word.endswith("ed"))
            and len(word) - len(ending) >= MIN_STEM_CHARS
        ):
            forms.add(word[: -len(ending)])
    return forms


def fold_as_index(text: str) -> str:
    """text as the index compares it, near enough: accents, marks and case out, compatibility forms (ﬁ) and the
    letters asciifolding reads as ASCII spelt out. Character by character, so a word's fold is its characters'."""
    decomposed = _IGNORED.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_UNDECOMPOSED)
