"""How a parsed query becomes an OpenSearch relevance query.

Every choice below was measured with `make bench-relevance` on real test collections (real queries, human
judgments) beside plain BM25, with known-item queries as regression guards; docs/search.md has the figures.

- **Any word may match; complete matches first.** The reader's words are scored as one bag (`most_fields` over
  title, summary and body, stemmed, synonyms applied): an article that holds some of the words is still found, and
  the rarer a word, the more it counts, so a query that no article answers completely relaxes by dropping its most
  common words first. For a short query (at most COMPLETE_MATCH_MAX_WORDS content words) the articles holding every
  word get COMPLETE_MATCH_BOOST on top, which ranks them first. Before them all comes the article whose whole
  headline the reader typed (case, accents and punctuation aside: HEADLINE_FIELD), so that `Hewitt falls to Dent`
  finds that article before `Hewitt falls to Dent in Adelaide`, which holds the same words and more.
- **Stopwords are never required** (STOPWORDS: Lucene's English list, `vs` and the question words) and carry no
  score; a query made only of stopwords ("the who") is searched as typed. Lower-case `and`/`or`/`not` are words
  (query_parser.py).
- **Words joined by `&`, `-`, `/` or `'`** (`AT&T`, `anti-war`) match as the joined word: their parts adjacent
  (a phrase), not any article holding one of the parts, or closed up (`e-mail` finds `email`; `email` finds
  `e-mail` too, through the closed-up fields). A code of letters and digits (`F16`, `F-16`) also matches
  its other spellings (code_runs).
- **Bounded by construction.** At most MAX_SCORED_WORDS distinct content words are scored (a pasted paragraph keeps
  its most informative ones: the caller ranks them by document frequency), at most MAX_PHRASES phrases,
  MAX_ALTERNATIVE_GROUPS OR-groups (each at most MAX_ALTERNATIVES, all of them at most MAX_ALTERNATIVE_PIECES
  engine tokens) and query_parser.MAX_EXCLUSIONS exclusions (the others are reported as unapplied); typo
  tolerance only for short queries and one-token words.
  tests/integration shows the worst case stays below the engine's 1,024-clause limit.
- **Body and title scored by DFR** (index_mapping.TEXT_SIMILARITY) rather than BM25 or Dirichlet smoothing.
- **Title counts, but less than the body per word** (TITLE_WEIGHT): a headline holding every word adds
  TITLE_ALL_WORDS_BOOST, and the words as a phrase in the headline TITLE_PHRASE_BOOST.
- **Bylines and tags are searched**: an article whose byline holds every word (`Mark O'Neill`, `Peston`, `Neill`),
  or that is tagged with the query or one of its words (`brexit`, `premier league`), is found and gets
  BYLINE_BOOST (TAG_BOOST), as a headline holding every word does; a word of a byline or of a tag (`league` of
  Premier League) counts as held for the complete-match tier and for exclusions (`-Peston` keeps out his
  articles, as searching for Peston finds them).
- **Typo tolerance** (`Ranking.fuzzy`): for short queries, the content words of 4+ letters in `typo_words` also
  match words one or two edits away (prefix of one letter kept; the nearest FUZZY_MAX_EXPANSIONS a field, scored
  by the engine's fuzzy query, and listed once by the term suggester, `near_spellings_request`, for the near
  tier and the highlights), weighted FUZZY_BOOST, and the articles holding every word within a typo rank next
  after the complete matches (when every word is in some article, within a typo only as what it may stand for:
  held_variants); a word no article holds is searched as its likeliest spelling alone (what
  `altered_query` says was searched), its other near spellings finding articles only in the near tier
  (session 27); an OR-group's words are expanded by the fuzzy query alone. The caller expands only
  when the words need it (search.typo_words, from the answer of search.probe_search: a word no article holds, or
  fewer complete matches than a default page): expansion was half the engine's time on every search (issue 13's
  profile).
- **Freshness** (`Ranking.freshness_weight`): the score is multiplied by 1 + w * decay(age), decay a gauss curve on
  `published` (1 today, 0.5 after FRESHNESS_SCALE_DAYS). Undated articles get the factor 1. 0 turns it off.
- **Synonyms** (`Ranking.synonyms`): US / U.S. / United States and the like (index_mapping.SYNONYMS), applied at
  search time; off uses the analyzer without them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from archive_search.index_mapping import SYNONYM_FREE_NAMES, SYNONYMS, THAI_RANGE
from archive_search.parsing.validate import MAX_TITLE_CHARS
from archive_search.query_parser import (
    GLUE,
    INFLECTIONS,
    JOINERS,
    STOPWORDS,
    YEAR,
    ParsedQuery,
    Term,
    capitals_typed,
    engine_lower,
    fold_as_index,
    forms_of,
    inflected,
    is_word_character,
    pieces,
    without_possessive,
)
from archive_search.spelling import (
    FEW_ARTICLES,
    MANY_ARTICLES,
    MAX_SPELLED_CHARS,
    german_letters,
    german_spelling,
    has_digit,
    likely_edit,
    osa_distance,
    spelling_variant,
)
from archive_search.typed_dates import TypedDate, numeric_date, short_year, typed_apart, typed_dates

TITLE_WEIGHT = 0.25
SUMMARY_WEIGHT = 0.2
# The body as written (accents folded, joined words also in parts) and stemmed: an exact form counts twice.
EXACT_BODY_FIELD = "body.exact"
TEXT_FIELDS = ["title^3", "summary^2", "body"]  # phrases and exclusions
EXACT_TEXT_FIELDS = ["title.exact", "summary.exact", "body.exact"]  # as written, with the parts of joined words
# Joined words closed up (index_mapping: closed_joined): a word typed so is held there (`walmart`: Wal-Mart).
CLOSED_BODY_FIELD = "body.closed"
# What the names of the clauses that match a scored word closed up start with (matched_queries): a page highlights
# the closed-up forms only when one of its articles matched one (search._reranked_page; they cost 1-2 ms of a page of
# 50 judged articles, about 20 %, session 21).
CLOSED_MATCH = "closed-up"
CLOSED_FIELDS = ["title.closed", "summary.closed", CLOSED_BODY_FIELD]
COMPLETE_FIELDS = ["title", "summary", "body"]
PLAIN_ANALYZER = "article_text"  # the stemmed fields' index analyzer: no synonyms
COMPLETE_MATCH_MAX_WORDS = 4
COMPLETE_MATCH_BOOST = 100.0
TITLE_ALL_WORDS_BOOST = 2.0
TITLE_PHRASE_BOOST = 1.0
TITLE_BONUS_MAX_WORDS = 8  # a headline holds a few words; synonyms multiply a long phrase's engine clauses
BYLINE_FIELD = "author"  # as written (index_mapping: exact_words), one phrase a name
BYLINE_PARTS_FIELD = "author.parts"  # the same with a joined word's parts (O'Neill: neill), for one word
BYLINE_CLOSED_FIELD = "author.closed"  # its joined words closed up (O'Neill: oneill), for one word
BYLINE_BOOST = TITLE_ALL_WORDS_BOOST
BYLINE_NAME_WORDS = 4  # a name typed whole ranks its bylines with the headline typed whole (byline_typed)
TAG_WORDS_FIELD = "tags.words"  # a tag's words (index_mapping: tag_words): `league` is held by Premier League
TAG_BOOST = TITLE_ALL_WORDS_BOOST
FUZZY_BOOST = 0.2
FUZZY_FIELDS = ("body.exact", "title.exact")
NEAR_MATCH_BOOST = 50.0
# A word this share of the archive's articles holds (and MANY_ARTICLES: in a small archive every word is a large share)
# is beside any other word by chance (1 in 10 of them): never a near spelling (read_near_spellings).
CHANCE_SHARE = 0.1
# FEW_ARTICLES (spelling.py): fewer articles holding a word may share it as a typo (`goverment`: 5 of news-dev's 3,698,
# `monye` 1), a word meant otherwise: its common near spellings stay (_by_chance). `moore` (27) is a name, not `more`:
# the second review of session 34 saw `michael moore` find 2,148 articles with `more` its near spelling.
# How many times as many articles must hold a near spelling of a word few hold for the word to be read as its typo
# (typo_spelling). A round figure, not fitted: at 100, `enviroment` (2 of news-dev's articles, `environment` 90),
# `aquisition` and `agressive` were no typos (session 37's second review).
TYPO_ODDS = 10
TIER_HEADLINE, TIER_PHRASES, TIER_COMPLETE, TIER_NEAR = "tier:headline", "tier:phrases", "tier:complete", "tier:near"
TIER_AS_TYPED = "tier:as-typed"
TIER_DATED = "tier:dated"  # within the complete tier, a date typed held by publication (dates_published)
# A short query's every word in the headline or the tags (titled): first among the complete matches, after those
# published at a date typed (session 54).
TIER_TITLED = "tier:titled"
# Each tier outweighs every lower one together: an article whose headline was typed ranks first; the joined words
# as typed (not only closed up) decide last.
TIER_WEIGHTS = {
    TIER_HEADLINE: 64,
    TIER_PHRASES: 32,
    TIER_COMPLETE: 16,
    TIER_DATED: 8,
    TIER_TITLED: 4,
    TIER_NEAR: 2,
    TIER_AS_TYPED: 1,
}
HEADLINE_FIELD = "title.whole"  # the whole headline, folded, punctuation as a space (index_mapping: headline)
HEADLINE_BOOST = 4 * COMPLETE_MATCH_BOOST  # above the other tiers' boosts together in the engine's own order
AS_TYPED_BOOST = NEAR_MATCH_BOOST / 2  # below the near tier's, in the engine's own order too
# Between the near tier's and a quoted phrase's (COMPLETE_MATCH_BOOST) in the engine's own order.
TITLED_BOOST = 0.75 * COMPLETE_MATCH_BOOST
# What a short query's words as typed with its stopwords score more where an article holds them so (stopword_phrase).
# A bonus, weighed with the rest and the meaning: as a tier (the quoted phrases'), a reviewer's 178 queries built
# where it was weak found names better (29 of 38 changed; `bank of japan`, `state of the union`) but a topic said as
# a phrase worse (11 of 20: `war in iraq` listed articles using the phrase once in passing); at 10, 28 and 4; at 25,
# 29 and 11 (session 38).
TYPED_PHRASE_BOOST = 10.0
# The longest query read as a passage an article may hold (passage_phrase): beyond it the words alone find the article
# a paste comes from (40 consecutive words of 100 news-dev articles: 98 first without the phrase, 99 with it), and the
# phrase is engine work for nothing on long questions (CISI's judged queries, median 66 words, none held word for
# word: 13 -> 15 ms p50 uncapped, 13 -> 14 capped, on a busy machine; session 39).
PASSAGE_MAX_WORDS = 32
# The longest passage marked whole in the highlights: half a snippet's fragment (search.SNIPPET_CHARS, 200), so that
# the fragment holding it shows it. A 30-word passage (220 characters) was marked nowhere, and the snippet showed
# other fragments (session 39); longer ones are marked word by word, as before.
PASSAGE_MARKED_CHARS = 100
# Words besides its exclusions a query needs to be read as a headline pasted whole with its ` -SOURCE`
# (pasted_headline): `apple -pie` is no headline "Apple pie" typed, and keeps it out.
PASTED_HEADLINE_MIN_WORDS = 3
FUZZY_MAX_WORDS = 4
_ANY_FREQUENCY = 2**31 - 1  # a suggester's max_term_freq above 1 counts articles: no word too frequent
MIN_FUZZY_CHARS = 4  # AUTO fuzziness allows no edit below 3 characters anyway; 3-letter words drift too much
FUZZY_MAX_EXPANSIONS = 20
NEAR_HELD = "near_spellings_held"
NEAR_WRITTEN = "near_spellings_written"  # how a few bodies write each word listed (written_as_names)
NAMES_FIELD = "body.exact"
NAME_SAMPLE = 3
MIN_NAME_ARTICLES = 2  # one article's capital may be its own typo's (written_as_names)
# The marks of written_as_names' highlights: characters no stored text holds (as spelling's written forms).
_AS_WRITTEN_START, _AS_WRITTEN_END = "\ue000", "\ue001"
_AS_WRITTEN_MARK = re.compile(f"{_AS_WRITTEN_START}([^{_AS_WRITTEN_END}]+){_AS_WRITTEN_END}")
NEAR_CANDIDATES = 100  # near spellings a suggester lists, for the FUZZY_MAX_EXPANSIONS the fuzzy query would keep
MAX_SCORED_WORDS = 24
MAX_SYNONYM_UNITS = 8  # each scored on its own with its synonyms; more are scored as typed
MAX_SYNONYM_ALTERNATIVES = 4  # OR-group words scored with their synonyms (US | Japan); more as typed
MAX_QUERY_TERM_WEIGHT = 4
MAX_PHRASES = 8
MAX_ALTERNATIVE_GROUPS = 4
MAX_ALTERNATIVES = 6
MAX_ALTERNATIVE_PIECES = MAX_ALTERNATIVE_GROUPS * MAX_ALTERNATIVES  # as costly as 24 one-word alternatives
DEFAULT_FRESHNESS_WEIGHT = 0.1
DEFAULT_SEMANTIC_WEIGHT = 0.5
FRESHNESS_SCALE_DAYS = 365
# What news copy writes glued to a number, a number and its unit of money, measure or order (`5bn`, `£5m`, `15pc`,
# `10km`, `21st`), and the plural of a number (`1960s`, `747s`): no code (code_runs).
# Not `k` nor `g`: "8-K" filings, 3G and 4G networks are codes.
NUMBER_UNITS = frozenset(
    {"s", "bn", "b", "mn", "m", "mln", "bln", "tn", "trn", "pc", "pct", "km", "kg", "mg", "lb", "lbs", "oz", "ft"}
    | {"mph", "kph", "cm", "mm", "ml", "kw", "mw", "gw", "kwh", "gwh", "st", "nd", "rd", "th"}
)
# A joined word closed up shorter than this is almost always another word (M&S: `Ms`, R&D: `RD`, Q&A, P&O): it is not
# searched so (closed_up; session 23's review).
MIN_CLOSED_UP_LETTERS = 3
_JOINER_SPLIT = re.compile(f"[{re.escape(JOINERS)}]")
MAX_GLUED_PARTS = 8
GLUED_PARTS_WEIGHT = 0.5  # the glued token as typed counts more than its parts
# A code of letters and digits is written with a hyphen or without (F-16 and F16, COVID-19 and covid19, MH17 and
# MH-17, in any script): the standard tokenizer makes F16 one token and F-16 two, so each spelling found only itself.
# The exact fields hold a code's letter and digit runs as adjacent parts however it is written (word_parts: F16 ->
# f16, f, 16; F-16 -> f, 16), so the phrase of those runs there finds every spelling. Short codes only: each run is
# a clause a field.
MAX_CODE_RUNS = 4
_CODE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # letters and digits, hyphens between: no run may be cut two ways
_CODE_RUN = re.compile(r"[^\W\d_]+|\d+")
CODE_FIELDS = [EXACT_BODY_FIELD, f"title.exact^{TITLE_WEIGHT}", f"summary.exact^{SUMMARY_WEIGHT}"]
UNIT_FIELDS = ["body", f"title^{TITLE_WEIGHT}", f"summary^{SUMMARY_WEIGHT}"]  # stemmed: `2.5` one token
# Thai words, which the fields above hold only as whole runs of Thai (index_mapping.THAI_RANGE): a query's Thai is
# also matched word by word in the Thai fields. At most MAX_THAI_CHARS of it a clause (a word is 4-6 letters: some
# 40 words, each a clause a field), so a pasted Thai paragraph stays inside the clause budget.
_THAI_RUN = re.compile(f"[{THAI_RANGE}]+")
THAI_FIELDS = ["body.thai", f"title.thai^{TITLE_WEIGHT}", f"summary.thai^{SUMMARY_WEIGHT}"]
MAX_THAI_CHARS = 200


@dataclass(frozen=True)
class Ranking:
    """Ranking switches an operator may turn off (SearchSettings reads them from SEARCH_* variables)."""

    freshness_weight: float = DEFAULT_FRESHNESS_WEIGHT
    fuzzy: bool = True
    synonyms: bool = True
    complete_match_first: bool = True
    headline_first: bool = True  # TIER_TITLED: a short query's words in the headline or tags first (session 54)
    # A held word's fuzzy query held to what it may stand for (scored_spellings, session 54); off, widened to every
    # near spelling as before, which did_you_mean's gate counts q with (search._spelling).
    held_narrowed: bool = True
    semantic_weight: float = DEFAULT_SEMANTIC_WEIGHT  # rerank.py; 0 = lexical ranking only
    as_written: frozenset[str] = frozenset()  # words matched as written, not by their stem (stem_apart), as folded
    written_twins: frozenset[str] = frozenset()  # their plurals or singulars matched with them (stem_apart), folded


def read_as_written(word: str, ranking: Ranking) -> bool:
    """Whether `word` is matched in the fields as written alone (Ranking.as_written, stem_apart decides)."""
    return bool(ranking.as_written) and fold_as_index(engine_lower(word)) in ranking.as_written


def written_forms(word: str, ranking: Ranking) -> list[str]:
    """The forms a word matched as written (read_as_written) is searched in: itself and its plural_or_singular
    when stem_apart found that no other name (Ranking.written_twins: `federation` finds "Federations" too)."""
    twin = plural_or_singular(fold_as_index(engine_lower(word)))
    return [word, twin] if twin in ranking.written_twins else [word]


def is_joined(word: str) -> bool:
    """True for a word whose parts are joined by &, -, / or ' (AT&T, anti-war, 24/7, O'Neill, मोदी-शाह), also
    after an abbreviation's dot (U.S.-Japan)."""
    return any(
        c in JOINERS
        and (is_word_character(word[i - 1]) or (word[i - 1] == "." and i > 1 and is_word_character(word[i - 2])))
        and is_word_character(word[i + 1])
        for i, c in enumerate(word[1:-1], start=1)
    )


def closed_up(word: str) -> str | None:
    """A joined word of letters with its joiners taken out, lower-cased (`e-mail` -> `email`, `Wal-Mart` ->
    `walmart`, `O'Neill's` -> `oneill`), as articles may write it; None for a word that is not joined or holds
    anything but letters, marks and joiners (`24/7`, `F-16`, `U.S.-Japan`: numbers, codes and abbreviations have
    rules of their own), and below MIN_CLOSED_UP_LETTERS (`M&S` found 109 articles on news-dev, 108 of them
    holding `Ms`: session 23's review). What the closed-up fields hold the other way round
    (index_mapping.JOINED_WORD_PATTERN)."""
    word = _without_possessives(word)
    if not is_joined(word) or _CONTRACTION.search(word):
        return None
    parts = _JOINER_SPLIT.split(word)
    letters = all(part and all(c.isalpha() or unicodedata.category(c).startswith("M") for c in part) for part in parts)
    closed = "".join(parts)
    return closed if letters and len(closed) >= MIN_CLOSED_UP_LETTERS else None


def _without_possessives(word: str) -> str:
    """A word as a unit (_unit_word) without its possessive, also after one letter (`AT&T's`, `R&D's`), which
    without_possessive keeps (it wants two: the third review of session 35 saw `AT&T's` lose the ATT articles)."""
    word = without_possessive(_unit_word(word))
    return word[:-2] if word.endswith("'s") else word


# A contraction closed up is another word (`we'll` well, `I'll` ill, `we're` were, `can't` cant: session 35's second
# review saw `we'll` mark "as well as"); a name's apostrophe is not one (O'Neill, D'Arcy).
_CONTRACTION = re.compile(r"'(?:ll|re|ve|d|m|t)$")
_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # single letters, each followed by a dot (the last's dropped)


def abbreviation_closed_up(word: str, with_synonyms: bool = False) -> str | None:
    """A dotted abbreviation closed up, lower-cased (`I.B.M.`, `i.b.m` -> `ibm`, `B.T.` -> `bt`), as articles mostly
    write it: the standard tokenizer keeps `I.B.M.` one token, so it found only itself (`I.B.M.` found nothing on
    news-dev, `IBM` 41 articles: session 23's review). None for any other word, for a stopword closed up (`I.T.`:
    `it`) and, unless `with_synonyms` (/suggest, which has no synonyms), for an abbreviation with synonyms (`U.S.`,
    `U.K.`, `U.N.`: found through them; `us` is the pronoun). Unlike a joined word's (closed_up), two letters are
    searched so: an abbreviation's letters are the same abbreviation closed up (BT, EC), where `M&S` is seldom `MS`."""
    unit = without_possessive(_unit_word(word))  # `I.B.M.'s` is I.B.M.
    if not _ABBREVIATION.fullmatch(unit) or (has_synonyms(unit) and not with_synonyms):
        return None
    closed = unit.replace(".", "")
    return None if fold_as_index(closed) in STOPWORDS else closed


# Two or three capitals a reader types (`IBM`, `CIA`, the `JP` of JP Morgan) are also searched dotted, as some
# articles write them: the standard tokenizer keeps `C.I.A.` one token (`c.i.a`), so `CIA` found 3 of TIME's 6
# articles naming the agency (the other 3 write `C.I.A.`) and `EF Hutton` ranked the 28 news-dev articles writing
# `E.F. Hutton` among those holding `Hutton` alone (session 24). Longer runs of capitals are mostly words (`CUBA`,
# `TEST`) and seldom dotted.
MAX_DOTTED_LETTERS = 3
_CAPITALS = re.compile(rf"[^\W\d_]{{2,{MAX_DOTTED_LETTERS}}}")
# Times of day, not the abbreviations a reader types in capitals (`PM Modi`: prime minister; `AM` radio).
_NOT_DOTTED = frozenset({"am", "pm"})


def abbreviation_dotted(word: str, with_synonyms: bool = False) -> str | None:
    """Two or three capitals as a dotted abbreviation, lower-cased (`IBM` -> `i.b.m`, `JP` -> `j.p`); None for any
    other word, for a stopword (`IT`), a time of day (`AM`, `PM`) and, unless `with_synonyms`, an abbreviation with
    synonyms (`US`, `UK`, `UN`: /search finds them through the synonyms; /suggest's title prefixes have none); a
    possessive is read as its word (`CIA's`)."""
    word = without_possessive(word)
    if not (_CAPITALS.fullmatch(word) and word.isupper()):
        return None
    unit = _unit_word(word)
    dotted = ".".join(unit)
    if fold_as_index(unit) in STOPWORDS or unit in _NOT_DOTTED:
        return None
    if not with_synonyms and (has_synonyms(unit) or has_synonyms(dotted)):
        return None
    return dotted


def abbreviation_form(word: str) -> str | None:
    """An abbreviation's other spelling (abbreviation_closed_up, abbreviation_dotted: `I.B.M.` -> `ibm`, `IBM` ->
    `i.b.m`), or a German word's as English copy writes it (spelling.german_spelling: `pöhl` -> `poehl`), which
    searching for it finds too; None for any other word."""
    return abbreviation_closed_up(word) or abbreviation_dotted(word) or german_spelling(_unit_word(word))


def _abbreviated(text: str, dotted: bool = True) -> list[str]:
    """A phrase with its abbreviations in their other spelling (`E.F. Hutton` -> `ef Hutton`; `EF Hutton` -> `e.f
    Hutton` when `dotted`: capitals_typed), as a list: none when it holds none. One with synonyms too when a synonym
    rule names both spellings (_equated: `U.N. security council` -> `un security council`), as a phrase is matched
    without synonyms: `"U.N. security council"` did not hold the BBC's "UN Security Council", and the page said no
    article held it (session 55's review)."""
    words = text.split()
    spelt = [
        abbreviation_closed_up(word) or (abbreviation_dotted(word) if dotted else None) or _equated(word, dotted)
        for word in words
    ]
    forms = [form or word for form, word in zip(spelt, words, strict=True)]
    return [" ".join(forms)] if forms != words else []


def _equated(word: str, dotted: bool) -> str | None:
    """An abbreviation with synonyms in its other spelling (closed up; dotted when `dotted`) where a synonym rule
    names both (index_mapping.SYNONYMS: `U.N.` and `un`, `EU` and `e.u`, `U.K.` and `uk`); None for any other word,
    and for `U.S.`, whose `us` the rules leave the pronoun (the index reads the country's "US" as `u.s`)."""
    form = abbreviation_closed_up(word, with_synonyms=True) or (
        abbreviation_dotted(word, with_synonyms=True) if dotted else None
    )
    unit = without_possessive(_unit_word(word))
    if form is None or not any({unit, form} <= rule for rule in _SYNONYM_RULES):
        return None
    return form


def glued_parts(word: str) -> list[str]:
    """The parts of a word glued by `.`, `:`, `_`, `·` or a look-alike (GLUE: `kerry.putin`, `kerry_putin`,
    `bbc.co.uk`), which the engine's standard tokenizer keeps as one token (Unicode word boundaries, UAX #29).
    Single letters in a row stay one abbreviation (`u.s.economy`: `u.s`, `economy`); a lone letter and a part of
    digits only are dropped, so an abbreviation (`u.s`) or a number (`10:30`, `3.5`) is no glued pair of words. A
    stopword part is no part to search, as a stopword typed apart is none (`PGLO.AS`, a ticker 3 news-dev articles
    hold, found 2,861 holding `as`; `bank.of.england` 3,682, where `bank of england` finds 1,088: session 48's
    attack), unless every part is one (`to.be`)."""
    parts: list[str] = []
    letters: list[str] = []
    for part in [*GLUE.split(word), ""]:
        if len(part) == 1 and not part.isdecimal():
            letters.append(part)
            continue
        if len(letters) > 1:
            parts.append(".".join(letters))
        letters = []
        if len(part) > 1 and not part.isdecimal():
            parts.append(part)
    if len(parts) < 2:
        return []
    return [part for part in parts if fold_as_index(part) not in STOPWORDS] or parts


def glued_number(word: str) -> bool:
    """Whether a word is numbers glued by `:` or a look-alike (GLUE: `10:30`, `3:1`), which the engine cuts into its
    numbers: matched as them adjacent, not as any of them (session 35's third review: `10:30` found 1,309 news-dev
    articles holding 10 or 30, none writing 10:30). Not `2.5`, which the engine keeps whole."""
    parts = GLUE.split(_unit_word(word))
    return len(parts) > 1 and all(part.isdecimal() for part in parts) and ":" in word


def _adjacent(term: Term) -> bool:
    """Whether a term's words are matched adjacent, as a phrase: a quoted one, a joined word, glued numbers."""
    return term.phrase or is_joined(term.text) or glued_number(term.text)


def joined_parts(word: str) -> list[str]:
    """The parts of a joined word searched as words when no article holds the joined word (text_query's `apart`:
    `bush-blair`, `kerry/putin`), as a glued word's are (glued_parts): none for a code (`F-16`: code_runs), a lone
    letter, a number or a stopword (`AT&T`, `and/or`); none unless two or more are left."""
    if not is_joined(word) or code_runs(_unit_word(word)) is not None:
        return []
    parts = [
        part
        for part in _JOINER_SPLIT.split(without_possessive(_unit_word(word)))
        if len(part) > 1 and not part.isdecimal() and fold_as_index(part) not in STOPWORDS
    ]
    return parts[:MAX_GLUED_PARTS] if len(parts) > 1 else []


def held_joined(word: str, ranking: Ranking) -> dict[str, Any]:
    """An article holds the joined word, its parts adjacent or closed up (search.probe_search asks of each)."""
    return _word_present(word, ranking)


def code_runs(word: str) -> str | None:
    """The letter and digit runs of a code, spaced (`f16` and `f-16` -> `f 16`, `b-52s` -> `b 52 s`): a word of
    letters and digits, hyphens between them, with runs of both, at most MAX_CODE_RUNS; else None (`anti-war`,
    `2015-05-12`, `10.04secs`, `1960s` are no codes)."""
    if not _CODE.fullmatch(word):
        return None
    if _number_and_unit(word):
        # A number and its unit (`5bn`, `5m`), a decade (1960s): the unit spaced is the tail of other numbers in
        # the fields as written, which cut `4.5bn` into `4 5 bn` (session 35's review: `5bn` found 77 news-dev
        # articles, 64 of them writing 4.5bn, 17.5bn and the like; 13 write 5bn). Closed up it is one word. Other
        # digits-first codes stay codes: `8K` finds the "8-K" filings (its second review: a first form, taking
        # every digit run and letters for a number and its unit, lost them).
        return None
    runs = _CODE_RUN.findall(word)
    digits = sum(run[0].isdecimal() for run in runs)
    return " ".join(runs) if len(runs) <= MAX_CODE_RUNS and 0 < digits < len(runs) else None


def unit_runs(word: str) -> str | None:
    """A number and its unit (NUMBER_UNITS, not a plural's `s`) spaced, as the wire writes it (`15pct` -> `15 pct`,
    `100mln` -> `100 mln`); None for any other word."""
    pair = _number_and_unit(word)
    return f"{pair[0]} {pair[1]}" if pair and pair[1].casefold() != "s" else None


def _number_and_unit(word: str) -> tuple[str, str] | None:
    """(number, unit) of a word that is a run of digits and a unit of NUMBER_UNITS (`5bn`, `1960s`), else None."""
    runs = _CODE_RUN.findall(word) if _CODE.fullmatch(word) else []
    return (runs[0], runs[1]) if len(runs) == 2 and runs[0].isdecimal() and runs[1].casefold() in NUMBER_UNITS else None


def _code(text: str, boost: float = 1.0) -> list[dict[str, Any]]:
    """The clauses finding a word or phrase however its codes (code_runs) are written (`F16 fighter` finds `F-16
    fighter`), and a number and its unit (unit_runs) written apart (`15pct` finds "15 pct", which Reuters writes:
    session 35's third review saw it find nothing, once no code), as a list: none when it holds neither. A number
    and its unit are matched apart in the stemmed fields, which keep `2.5` whole (not the tail of `2.15 pct`)."""
    words = text.split()
    runs = [code_runs(_unit_word(word)) for word in words]
    units = [unit_runs(_unit_word(word)) for word in words]
    clauses = []
    if any(runs):
        spelt = " ".join(run or word for run, word in zip(runs, words, strict=True))
        clauses.append({"multi_match": {"query": spelt, "type": "phrase", "fields": CODE_FIELDS, "boost": boost}})
    if any(units):
        apart = " ".join(unit or word for unit, word in zip(units, words, strict=True))
        clauses.append(_phrase(apart, UNIT_FIELDS, boost))
    return clauses


def _best_of(clauses: list[dict[str, Any]]) -> dict[str, Any]:
    """The best-scoring of the clauses: the clause itself when there is one."""
    return clauses[0] if len(clauses) == 1 else {"dis_max": {"queries": clauses}}


def any_of(clauses: list[dict[str, Any]]) -> dict[str, Any]:
    """One of the clauses: the clause itself when there is one."""
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses, "minimum_should_match": 1}}


def typo_tolerant(word: str) -> bool:
    """Whether a word may be expanded to its near spellings: 4+ letters, at most MAX_SPELLED_CHARS (the engine's
    edit-distance work on longer runs took seconds), one engine token (each token of `aa%bb%cc%dd` or `united
    states` was expanded on its own, up to FUZZY_MAX_EXPANSIONS clauses a field and tier each: past the engine's
    clause limit beside a few OR-groups) and without a digit (a number is no misspelling: spelling.has_digit) or a
    German letter (spelling.german_letters)."""
    short_enough = MIN_FUZZY_CHARS <= len(word) <= MAX_SPELLED_CHARS and pieces(word) == 1
    return short_enough and not has_digit(word) and not german_letters(word)


def _unit_word(raw: str) -> str:
    """A word as synonym rules and query units compare it: lower-cased as the engine does (engine_lower), edge
    punctuation dropped ("U.S." -> "u.s"); combining marks are part of the word (मोदी keeps its vowel sign)."""
    word = engine_lower(raw)
    start, end = 0, len(word)
    while start < end and not is_word_character(word[start]):
        start += 1
    while end > start and not is_word_character(word[end - 1]):
        end -= 1
    return word[start:end]


def _synonym_terms() -> frozenset[tuple[str, ...]]:
    """Every alternative of every synonym rule, as the words a reader would type (edge punctuation dropped)."""
    return frozenset(
        tuple(_unit_word(word) for word in alternative.split()) for rule in SYNONYMS for alternative in rule.split(",")
    )


SYNONYM_TERMS = _synonym_terms()
# Each synonym rule's alternatives, as _synonym_terms reads them: the spellings the rule equates.
_SYNONYM_RULES = [frozenset(_unit_word(alternative) for alternative in rule.split(",")) for rule in SYNONYMS]
# The names query_units keeps whole: the synonyms' and those holding a synonym's word that have none (`south
# america`: index_mapping.SYNONYM_FREE_NAMES), searched as the name, not its `america` as the U.S.
_SYNONYM_FREE_TERMS = frozenset(tuple(name.split()) for name in SYNONYM_FREE_NAMES)
_UNIT_TERMS = SYNONYM_TERMS | _SYNONYM_FREE_TERMS
_LONGEST_SYNONYM = max(len(term) for term in _UNIT_TERMS)


def query_units(parsed: ParsedQuery) -> list[str]:
    """The query's words in order (phrases' words too, not OR-groups'), case-folded, edge punctuation dropped; the
    words of a synonym that has several ("united states of america"), or of a name holding a synonym's word that has
    none ("south america"), kept together as one unit. A year typed `'87` is `1987` (typed_dates.short_year)."""
    words = [
        word
        for unit in parsed.required
        if len(unit.alternatives) == 1
        for raw in unit.alternatives[0].words
        if (word := short_year(raw) or without_possessive(_unit_word(raw)))
    ]
    units: list[str] = []
    i = 0
    while i < len(words):
        for length in range(min(_LONGEST_SYNONYM, len(words) - i), 1, -1):
            if tuple(words[i : i + length]) in _UNIT_TERMS:
                units.append(" ".join(words[i : i + length]))
                i += length
                break
        else:
            units.append(words[i])
            i += 1
    return units


def word_counts(parsed: ParsedQuery) -> Counter[str]:
    """How often each unit occurs in the query (a word a long request repeats is central to it)."""
    return Counter(query_units(parsed))


def content_words(parsed: ParsedQuery) -> list[str]:
    """The query's distinct units, stopwords out unless there is nothing else, an OR-group included: what
    `text_query` scores. A word is a stopword as the index reads it (`Å` is `a`, `thé` is `the`: scored, `Å tkaeover`
    matched 3,676 of 3,698 articles and lost did_you_mean; session 22's review). Beside an OR-group a stopword is
    never scored: `ipod OR halo the` matched every article holding `the` (3,698, where `ipod OR halo` finds 49), its
    later pages and marks only `the` (session 51's attacker)."""
    distinct = list(dict.fromkeys(query_units(parsed)))
    content = [w for w in distinct if fold_as_index(w) not in STOPWORDS]
    grouped = any(len(unit.alternatives) > 1 for unit in parsed.required)
    return content if content or grouped else distinct


def closed_pairs(parsed: ParsedQuery, words: Sequence[str]) -> dict[str, tuple[str, str]]:
    """The word each two of `words` typed side by side make written together (`play station`: `playstation`), with
    the two: both letters only, none a stopword, neither quoted nor an OR-group's; at most one pair a word. An
    article holding that word holds the two (text_query, complete_match): `play station`, `holly wood`, `micro soft`
    ranked articles holding `station` or `hotly` first and none of the PlayStation, Hollywood or Microsoft ones
    (session 52), as a joined word typed closed up finds it written with its joiner (closed_up)."""
    scored = set(words)
    pairs: dict[str, tuple[str, str]] = {}
    previous: str | None = None
    for unit in parsed.required:
        term = unit.alternatives[0]
        if len(unit.alternatives) > 1 or term.phrase:
            previous = None
            continue
        for raw in term.words:
            word = without_possessive(_unit_word(raw))
            if word not in scored or not word.isalpha() or word == previous:
                previous = None
                continue
            if previous is not None:
                pairs[previous + word] = (previous, word)
                word = ""  # the second of a pair starts none
            previous = word or None
    return pairs


def has_synonyms(unit: str) -> bool:
    return tuple(unit.split()) in SYNONYM_TERMS


def _phrase(text: str, fields: list[str], boost: float = 1.0, synonyms: bool = False) -> dict[str, Any]:
    """The words adjacent and in order; as typed, or with synonyms when asked (fields must all be stemmed ones). A
    joined word of letters in parts of one or two (short_joined: `P&O`) is matched where an article writes it
    joined (the `.closed` fields), as its parts adjacent are any two short words in a row."""
    if (closed := short_joined(text)) is not None:
        joined = [f"{name}.closed{weight}" for name, weight in (_field_weight(field) for field in fields)]
        # Named as a closed-up match, so that the page marks it where it matched (search._highlight).
        named = f"{CLOSED_MATCH} {hashlib.sha256(text.encode()).hexdigest()[:12]}"
        return {"multi_match": {"query": closed, "fields": joined, "boost": boost, "_name": named}}
    options = {"query": text, "type": "phrase", "fields": fields, "boost": boost}
    return {"multi_match": options if synonyms else {**options, "analyzer": PLAIN_ANALYZER}}


def _field_weight(field: str) -> tuple[str, str]:
    """A field of a multi_match and its weight (`title^3` -> (`title`, `^3`))."""
    name, caret, weight = field.partition("^")
    return name, caret + weight


# Each part of a joined word this long or shorter is no word of its own (`P&O`, `AT&T`, `M&S`, `R&D`).
SHORT_PART_LETTERS = 2


def short_joined(word: str) -> str | None:
    """A name's letters joined by `&` or `/`, each part one or two letters (`P&O`, `AT&T`, `R&D`, `S/P`), closed up,
    lower-cased (`po`, `att`); None for any other word. Its parts adjacent are any two short words in a row: `P&O`
    found 11 news-dev articles, 10 of them rugby line-ups naming "P O'Connell" (whose `O` the fields as written hold
    apart), and `AT&T` ranked "at T in the Park" above the ATT headlines (session 35's review); the closed-up fields
    hold it as an article writes it joined. Not a word joined by an apostrophe or a hyphen, which joins words
    (`we'll` closed up is `well`, `hi-t` is typed on the way to hi-tech: the second review)."""
    unit = _without_possessives(word)
    if " " in unit or not is_joined(unit) or any(joiner in unit for joiner in "-'"):
        return None
    parts = _JOINER_SPLIT.split(unit)
    if all(0 < len(part) <= SHORT_PART_LETTERS and part.isalpha() for part in parts):
        return "".join(parts)
    return None


def _joined_synonyms(word: str, ranking: Ranking) -> bool:
    """Whether a joined word is matched with its parts' synonyms: `US-Japan` finds the articles writing
    `U.S.-Japan` (as a phrase of the synonyms, parts still adjacent), as `US` alone finds `U.S.`."""
    return ranking.synonyms and any(has_synonyms(_unit_word(part)) for part in _JOINER_SPLIT.split(word))


def _scored(
    text: str,
    ranking: Ranking,
    boost: float,
    synonyms: bool = False,
    closed: bool = False,
    phrase: bool = False,
    written: bool = False,
) -> dict[str, Any]:
    """Words scored on the body as written and stemmed, and on the headline and summary, each in the better of its
    stemmed form and its form as written (with synonyms only when asked, on the stemmed fields). The form as
    written also holds the parts of words joined by an apostrophe, dot or digits (`Dal'Mirno`, `l'ordre`), which
    the stemmed fields keep whole: `Mirno` finds a headline that holds it only so. `closed`: also a joined word
    closed up (CLOSED_FIELDS: `walmart` finds Wal-Mart, `email` e-mail, `oneill` O'Neill), for the query's scored
    words only: a clause a field and token, which OR-groups split into many tokens cannot afford. `phrase`: the
    words are one name (a synonym's, `united nations`), matched adjacent in every form, not each word anywhere
    (session 31's review: `"united nations"` by date listed 740 news-dev articles, 1987 ones holding `United
    States` first, where 64 hold the name or `UN`); a name is no joined word, and the closed-up fields hold no
    positions to match one in. `written`: words of letters matched as written alone (stem_apart), never stemmed."""
    analyzer = {} if synonyms and ranking.synonyms else {"analyzer": PLAIN_ANALYZER}
    match = "match_phrase" if phrase else "match"
    # With synonyms the engine already reads a name's words as a phrase, beside its synonyms (a match query's
    # multi-word synonym paths are phrases), which the fast vector highlighter marks; as a match_phrase it marks none.
    stemmed = "match" if not analyzer else match
    closed = closed and not phrase

    def closed_up(field: str) -> dict[str, Any]:
        # Each its own name: the engine keeps one query a name, and reports a hit that matched another as none.
        name = f"{CLOSED_MATCH} {field} {hashlib.sha256(text.encode()).hexdigest()[:12]}"
        return {match: {f"{field}.closed": {"query": text, "_name": name}}}

    # A number is scored where the stemmed fields hold it whole, and its plural (`747s`), which they keep apart, a
    # little: not in the fields as written, which hold the parts of `2.5` and `15,388` (written_number).
    words = text.split()
    # Nor numbers glued by a colon (`3:1`), whose phrase there is the parts of `3.1` too: the stemmed fields'.
    if phrase:
        as_written = "" if glued_number(text) else text
    else:
        as_written = " ".join(word for word in words if written_number(word) == word and not glued_number(word))
    plurals = [] if phrase else [plural for word in words if (plural := written_number(word)) != word]

    def either(field: str, weight: float) -> dict[str, Any]:
        forms = [] if written else [{stemmed: {field: {"query": text, **analyzer}}}]
        if as_written:
            forms.append({match: {f"{field}.exact": {"query": as_written}}})
        if closed:
            forms.append(closed_up(field))
        return {"dis_max": {"queries": forms, "boost": weight}}

    body = {stemmed: {"body": {"query": text, **analyzer}}}
    as_typed: list[dict[str, Any]] = [{match: {EXACT_BODY_FIELD: {"query": as_written}}}] if as_written else []
    if closed:  # the better of the two forms, as a multi_match of both fields scores them, the closed-up one named
        as_typed = [{"dis_max": {"queries": [*as_typed, closed_up("body")]}}]
    if plurals:
        options: dict[str, Any] = {"query": " ".join(plurals), "fields": EXACT_TEXT_FIELDS}
        as_typed.append({"multi_match": {**options, "boost": NUMBER_PLURAL_WEIGHT}})
    stemmed_body = [] if written else [body]
    should = [*as_typed, *stemmed_body, either("title", TITLE_WEIGHT), either("summary", SUMMARY_WEIGHT)]
    return {"bool": {"should": [*should, *_thai(text)], "boost": boost}}


# A number's plural (`747s`, `90s`: written_number) scores a tenth of the number: as the rarer word it outscored the
# number itself (session 35's second review: `90` ranked six articles on "the 90s" among the first ten, where 130
# news-dev articles write 90).
NUMBER_PLURAL_WEIGHT = 0.1


def written_number(word: str) -> str:
    """A word as the fields as written are searched for it beside the stemmed ones: a number as its plural (`747` as
    `747s`, `1960` as `1960s`), which the stemmed fields keep whole; any other word as it is. Those fields hold the
    parts of a number written with a point or a comma too, which the number typed is not: `5%` found the 1,127
    news-dev articles writing 2.5, 5,000 and the like, where 316 write 5 (session 35's review). A number is decimal
    digits (isdecimal, as the engine's tokenizer reads numbers), not every character Python calls a digit: `²` as `²s`
    was the word `s`, the part of every `U.S.` (session 52's review: `²`, `①`, `1987²` found 1,840 U.S. articles)."""
    number = _unit_word(word)  # as typed in an OR-group: `5%`, `$5`
    return f"{number}s" if number.isdecimal() else word


def has_thai(text: str) -> bool:
    """Whether text holds Thai (index_mapping.THAI_RANGE), which the Thai fields match word by word."""
    return _THAI_RUN.search(text) is not None


def _thai(text: str, every: bool = False) -> list[dict[str, Any]]:
    """The Thai words of text matched in the Thai fields (`every`: all of them), as a list: none without Thai."""
    thai = " ".join(_THAI_RUN.findall(text))[:MAX_THAI_CHARS]
    if not thai:
        return []
    options: dict[str, Any] = {"query": thai, "fields": THAI_FIELDS}
    return [{"multi_match": {**options, "operator": "and"} if every else options}]


def _fuzzy(field: str, word: str, spellings: Sequence[NearSpelling] = ()) -> dict[str, Any]:
    """The engine's fuzzy query of `word` in `field`; held to the field's listed `spellings` (read_near_spellings),
    when given, which leave out the words it would also match by chance (_by_chance)."""
    options = {
        "query": word,
        "fuzziness": "AUTO",
        "prefix_length": 1,
        "max_expansions": FUZZY_MAX_EXPANSIONS,
        "boost": FUZZY_BOOST,
    }
    fuzzy = {"match": {field: options}}
    if terms := [near.term for near in spellings if near.field == field]:
        return {"bool": {"must": [fuzzy], "filter": [{"terms": {field: terms}}]}}
    return fuzzy


def _near(spellings: Sequence[NearSpelling]) -> list[dict[str, Any]]:
    """The clauses that match a word's near spellings (the near tier, the highlights): each field's terms, each
    weighted FUZZY_BOOST x its similarity, as the engine's fuzzy query weights its expansions."""
    by_field: dict[str, list[dict[str, Any]]] = {}
    for near in spellings:
        term = {"term": {near.field: {"value": near.term, "boost": round(FUZZY_BOOST * near.similarity, 4)}}}
        by_field.setdefault(near.field, []).append(term)
    return [{"bool": {"should": terms}} for terms in by_field.values()]


@dataclass(frozen=True)
class NearSpelling:
    """A word an article may hold for a typed one: `term` of `field` (FUZZY_FIELDS), as the engine analysed it, and
    its `similarity`, 1 - edits / the shorter length in letters (the boost the engine's fuzzy query gives it), 1.0
    for the typed word itself, and the `articles` whose field holds it (0 when not counted)."""

    field: str
    term: str
    similarity: float
    articles: int = 0


def auto_edits(word: str) -> int:
    """The edits the engine's AUTO fuzziness allows a word of this length: none below 3 letters, one up to 5, two."""
    return 0 if len(word) < 3 else 1 if len(word) <= 5 else 2


def _near_texts(words: Sequence[str]) -> dict[str, tuple[str, int, list[str]]]:
    """Each near-spellings suggester's name: its field, edit distance and words (near_spellings_request); the
    edits as AUTO allows them for the word as the engine reads it (`cæsar` is `caesar`, six letters: two)."""
    tolerant = [w for w in dict.fromkeys(words) if typo_tolerant(w)]
    texts = {}
    for field in FUZZY_FIELDS:
        for edits in (1, 2):
            if chosen := [w for w in tolerant if auto_edits(fold_as_index(engine_lower(w))) == edits]:
                texts[f"near {field} {edits}"] = (field, edits, chosen)
    return texts


def near_spellings_request(words: Sequence[str]) -> dict[str, Any] | None:
    """The engine request (no hits) that lists the near spellings of the typo_tolerant `words` in each of
    FUZZY_FIELDS, for read_near_spellings, or None when no word is: what the engine's fuzzy query would expand each
    word to, asked once instead of at every clause that matches them (the near tier, the highlights: an expanded
    window took 32 ms p50 with fuzzy clauses there too, 19 ms with terms; news-dev, session 17).

    One term suggester per field and edit distance: every word, however frequent (`max_term_freq`), `always` (its
    neighbours even when an article holds it), its first letter kept (`prefix_length`, as the fuzzy query), no
    threshold of similarity, NEAR_CANDIDATES of them, so that read_near_spellings can keep the fuzzy query's own
    choice among equally near ones; and whether the field holds each word itself, which the fuzzy query counts among
    its FUZZY_MAX_EXPANSIONS (a filters aggregation over every article)."""
    texts = _near_texts(words)
    if not texts:
        return None
    suggest = {
        name: {
            "text": " ".join(chosen),
            "term": {
                "field": field,
                "suggest_mode": "always",
                "max_edits": edits,
                "prefix_length": 1,
                "min_word_length": 3,  # as the engine reads it (قَطَر is قطر): AUTO allows an edit from 3
                "accuracy": 0.0,
                "max_term_freq": _ANY_FREQUENCY,
                "size": NEAR_CANDIDATES,
                "sort": "score",
            },
        }
        for name, (field, edits, chosen) in texts.items()
    }
    held = {
        f"{name} {i}": {"match": {field: {"query": word}}}
        for name, (field, _, chosen) in texts.items()
        for i, word in enumerate(chosen)
    }
    return {
        "query": {"match_all": {}},
        "suggest": suggest,
        "aggs": {NEAR_HELD: {"filters": {"filters": held}}},
        "track_total_hits": True,  # the archive's articles: which spellings are held by chance (_by_chance)
    }


def names_request(words: Sequence[str]) -> dict[str, Any]:
    """The engine request (no hits) that samples how the bodies holding each word write it, for written_as_names:
    the first NAME_SAMPLE articles by index order, their marks in the body as written (`body.exact`, whose term
    vectors the highlighter reads). Asked apart, only for the words it decides: highlighting costs 5-7 ms of a
    request's `took` (session 53, 8 queries' near-spelling listings on exp49-corpus), too much for every listing."""
    marks = {"pre_tags": [_AS_WRITTEN_START], "post_tags": [_AS_WRITTEN_END], "fragment_size": 40}
    written = {
        f"{NEAR_WRITTEN} {i}": {
            "filter": {"term": {NAMES_FIELD: word}},
            "aggs": {
                "one": {
                    "top_hits": {
                        "size": NAME_SAMPLE,
                        "sort": ["_doc"],
                        "_source": False,
                        "highlight": {
                            **marks,
                            "number_of_fragments": NAME_SAMPLE,
                            "fields": {NAMES_FIELD: {"highlight_query": {"term": {NAMES_FIELD: word}}}},
                        },
                    }
                }
            },
        }
        for i, word in enumerate(_name_words(words))
    }
    return {"query": {"match_all": {}}, "aggs": written, "track_total_hits": False}


def _name_words(words: Sequence[str]) -> list[str]:
    """The words of names_request, as the body field reads them."""
    return [fold_as_index(engine_lower(word)) for word in dict.fromkeys(words)]


def written_as_names(words: Sequence[str], answer: Mapping[str, Any]) -> frozenset[str]:
    """The words of names_request(words) that the bodies sampled write as a name: capitalised or in
    capitals within a sentence of lower-case text, in MIN_NAME_ARTICLES articles or more, and never otherwise (a
    sentence's first word, and text in capitals throughout, say nothing). Such a word is written on purpose, no typo
    of a word near it (`sars`, which 4 news-dev articles write `SARS` or `Sars`, was widened to `says` and `stars`
    and offered `stars`; `coke`, written `Coke` by 2, offered `come`; session 53), as a name typed in capitals is
    none (typed_in_capitals); an article's own typo is written as the word it misspells (`the goverment`), and a name
    one article writes may be a typo too (`monye markets` is still offered `money markets`)."""
    aggs = answer.get("aggregations") or {}
    names = set()
    for i, word in enumerate(_name_words(words)):
        hits = ((aggs.get(f"{NEAR_WRITTEN} {i}") or {}).get("one") or {}).get("hits", {}).get("hits") or []
        cased = [_cased(hit) for hit in hits]
        if sum(1 for forms in cased if forms and all(forms)) >= MIN_NAME_ARTICLES and all(all(f) for f in cased):
            names.add(word)
    return frozenset(names)


# A word the stemmer merges with others is matched as written (stem_apart) when fewer than this share of the articles
# holding its stem hold it as typed: `federer` 20 of `feder`'s 415 (federal, federation), `lloyds` 15 of 40 (Lloyd),
# `universal` 29 of 161 (university); a name's own plural or possessive is most of its stem's (`reuters` 397 of 429,
# `james` all), as an ordinary word's often is (`prices` 651 of 990, `talks` 330 of 568; news-dev, session 54).
STEM_SHARE = 0.5
_LETTERS = re.compile(r"[^\W\d_]+")


def stem_candidates(words: Sequence[str]) -> list[str]:
    """The words stem_apart may decide: words of letters, as the body field as written reads them, once each, of
    MAX_SPELLED_CHARS letters at most: each is counted with its prefixes (stem_relatives), so a longer word (no name
    is) made the request grow with the square of its length (a 2,000-letter word: 2 M characters, session 54)."""
    return list(
        dict.fromkeys(
            w
            for word in words
            if len(w := fold_as_index(engine_lower(word))) <= MAX_SPELLED_CHARS and _LETTERS.fullmatch(w)
        )
    )


# The share of the articles writing a word that write its plural or singular too (plural_or_singular) from which
# the two are one word, not two names the stemmer merges: `oscars` 25 of 35 with `oscar`, `elections` 54 of 95,
# `stocks` 78 of 171; `philips` 1 of 11 with `philip`, `lloyds` 0 of 15, `federation` 4 of 61, `allied`, `universal`
# 1 of 19 and 29 with `allies`, `university` (news-dev, session 54).
SAME_WORD_SHARE = 0.25
_INFLECTED = "inflected_held"  # stem_apart_request's count of the articles holding a word and plural_or_singular


def plural_or_singular(word: str) -> str:
    """A word's plural or singular as the stemmer most often merges it with it: without its final `s`, else with
    one (`philips` -> `philip`, `federer` -> `federers`)."""
    return word[:-1] if word.endswith("s") else f"{word}s"


MIN_ROOT_CHARS = 4  # the shortest root family_root reads (`fed`, the Federal Reserve, is no form of `federer`)
_FAMILY = "family_held"  # stem_apart_request's count of the stem's articles holding a word of the typed word's root


def stem_relatives(word: str) -> list[str]:
    """The words search.written_apart counts beside a word, for family_root and stem_apart: its prefixes of
    MIN_ROOT_CHARS letters or more (`pirate` of `pirates`, `christian` of `christianity`) and its
    plural_or_singular."""
    return [word[:end] for end in range(MIN_ROOT_CHARS, len(word))] + [plural_or_singular(word)]


def family_root(word: str, held: Mapping[str, int], stems: Mapping[str, int]) -> str:
    """The root of a word's own forms: its shortest prefix (stem_relatives) MIN_NAME_ARTICLES bodies or more hold as
    written (`held`; one may be its own typo: news-dev's one `alli`) and as many by its stem as hold the word
    (`stems`: the same stem, as the engine reads both), else the word.
    Every word beginning with it is the typed word's family, not another word its stem merges with it: `pirates`
    `pirate` (pirated), `christianity` `christian` (christians), `democrat` itself (democrats, democratic); `allied`
    itself (`alli` is no word: allies is the other word), `federation` (federal is not of it)."""
    count = stems.get(word, 0)
    return next(
        (
            root
            for root in stem_relatives(word)[:-1]
            if held.get(root, 0) >= MIN_NAME_ARTICLES and stems.get(root, 0) == count
        ),
        word,
    )


def _twins(words: Sequence[str], held: Mapping[str, int]) -> list[str]:
    """The plurals or singulars (plural_or_singular) of `words` the bodies hold as written, once each; only of words
    FEW_ARTICLES or more bodies hold, the fewest stem_apart reads as another name beside (a sample's highlighting
    costs a few ms of `took`)."""
    twins = (plural_or_singular(word) for word in words if held.get(word, 0) >= FEW_ARTICLES)
    return list(dict.fromkeys(twin for twin in twins if held.get(twin, 0) > 0))


def stem_apart_request(words: Sequence[str], held: Mapping[str, int], stems: Mapping[str, int]) -> dict[str, Any]:
    """names_request of `words` and their plurals or singulars the bodies hold (`held`, as written), with, for each
    word, the count of the articles whose body holds it and its plural_or_singular as written (two clauses), and
    when its family_root is shorter, the count of its stem's articles holding, as written, a word beginning with
    the root (two clauses), for stem_apart."""
    request = names_request([*words, *_twins(words, held)])
    for i, word in enumerate(_name_words(words)):
        both = [{"term": {NAMES_FIELD: word}}, {"term": {NAMES_FIELD: plural_or_singular(word)}}]
        request["aggs"][f"{_INFLECTED} {i}"] = {"filter": {"bool": {"filter": both}}}
        stem = {"match": {"body": {"query": word, "analyzer": PLAIN_ANALYZER}}}
        family = [stem, {"prefix": {NAMES_FIELD: family_root(word, held, stems)}}]
        request["aggs"][f"{_FAMILY} {i}"] = {"filter": {"bool": {"filter": family}}}
    return request


def _written_as_name(aggs: Mapping[str, Any], i: int) -> bool:
    """Whether the sampled articles of names_request's i-th word write it as a name, at least half of those whose
    marks say (not just after a capitalised word: the tail of a longer name, stem_apart)."""
    hits = ((aggs.get(f"{NEAR_WRITTEN} {i}") or {}).get("one") or {}).get("hits", {}).get("hits") or []
    cased = [forms for hit in hits if (forms := _cased(hit, heading=True))]
    return bool(cased) and 2 * sum(1 for forms in cased if all(forms)) >= len(cased)


def stem_apart(
    words: Sequence[str], answer: Mapping[str, Any], held: Mapping[str, int], stems: Mapping[str, int]
) -> tuple[frozenset[str], frozenset[str]]:
    """Of words fewer than STEM_SHARE of the articles holding their stem hold as written (search.written_apart;
    `held` and `stems` count each word and its stem_relatives as written and by stem), asked
    stem_apart_request(words, held, stems): those the bodies write as a name and whose own family is fewer than
    STEM_SHARE of their stem's articles, and the plurals or singulars matched with them (Ranking.as_written,
    Ranking.written_twins).

    Written as a name: in at least half of the sampled articles whose marks say (written_as_names' marks, not those
    just after a capitalised word: the tail of a longer name, `United States`, `Capital Economics`, says which name,
    not that the word is one). At least half, not always as written_as_names asks: a company's name is also a word
    (`Universal` and "a universal rule", `Allied` and "allied forces"), still not its stem's other words.

    Its family: the articles of its stem holding a word beginning with its family_root (`democrat`: democrats,
    democratic, all of `democrat`'s 239 news-dev articles; `christianity` 37 of `christian`'s 43; `pirates` all 24),
    or, when its plural_or_singular is another name, the word alone: a name too in the sample, and beside it in
    fewer than SAME_WORD_SHARE of the word's articles, FEW_ARTICLES or more (`philips` beside `philip` in 1 of 11,
    `lloyds` `lloyd` in 0 of 15; fewer say nothing: `arabs` 0 of 1 beside `arab`, `christians` 1 of 7 beside
    `christian`, the same words). Only a word whose family is so few of its stem's articles is matched as written, never
    by its stem: `federer` (20 of `feder`'s 415: federal, federation), `universal` (29 of `univers`'s 161),
    `federation` (63: Federations its own), `allied` (19 of 68: allies), `philips`, `lloyds`; `democrat`,
    `christianity`, `pirates`, `boots`, `greens` keep their stems (session 54's review found them losing their own
    forms: `christianity` 43 -> 1, `democrat` lost Democrats). A word so matched finds its plural_or_singular too
    unless that is another name (`federation` Federations; `philips` not Philip)."""
    aggs = answer.get("aggregations") or {}
    twins = _twins(words, held)
    names = _name_words([*words, *twins])
    found, matched = set(), set()
    for i, word in enumerate(_name_words(words)):
        written = int((aggs.get(f"{NEAR_WRITTEN} {i}") or {}).get("doc_count") or 0)
        both = int((aggs.get(f"{_INFLECTED} {i}") or {}).get("doc_count") or 0)
        twin = plural_or_singular(word)
        apart = both < SAME_WORD_SHARE * written
        other_name = twin in twins and apart and _written_as_name(aggs, names.index(twin))
        family = written if other_name else int((aggs.get(f"{_FAMILY} {i}") or {}).get("doc_count") or 0)
        if family < STEM_SHARE * stems.get(word, 0) and _written_as_name(aggs, i):
            found.add(word)
            if held.get(twin, 0) > 0 and not other_name:
                matched.add(twin)
    return frozenset(found), frozenset(matched)


def name_spellings(word: str, spellings: Sequence[NearSpelling]) -> tuple[NearSpelling, ...]:
    """The near spellings (read_near_spellings) of a word bodies write as a name (written_as_names) it may stand for:
    itself, its other ways of writing it (spelling.spelling_variant) that fewer than TYPO_ODDS times as many
    articles hold as hold it in any field (`schroeder`, 15 of news-dev's articles, for `schroder`, 2), and a word
    one likely edit makes of it (spelling.likely_edit: a letter left out, doubled or undoubled, two swapped), however
    common. A word TYPO_ODDS times as common near a rare word makes it look like a typo (typo_spelling); near a name
    it is another word (`says` for `sars`; `come`, `core` for `coke`: session 53), not searched for it, and so is a
    word no likelier edit makes of it (`mars`, `sara`). A likely edit's word stays: `heath` (Edward Heath, 7 bodies)
    is the commonest typo of `health` (151), and found 13 without it where 183 before (session 53's review); `sars`
    keeps `stars` (3 bodies against 101) likewise. Neither is offered for the word typed alone (search._Guard)."""
    typed = max((near.articles for near in spellings if near.similarity == 1.0), default=0)
    folded = fold_as_index(word)
    return tuple(
        near
        for near in spellings
        if near.similarity == 1.0
        or likely_edit(folded, fold_as_index(near.term))
        or (near.articles < TYPO_ODDS * typed and spelling_variant(folded, fold_as_index(near.term)))
    )


def _cased(hit: Mapping[str, Any], heading: bool = False) -> list[bool]:
    """For each mark of a written_as_names hit within a sentence of lower-case text, whether it starts with a
    capital. `heading`: not a mark just after a capitalised word (the tail of a longer name: stem_apart)."""
    fragments = [text for texts in (hit.get("highlight") or {}).values() for text in texts]
    return [
        match.group(1)[:1].isupper()
        for fragment in fragments
        if any(c.islower() for c in _AS_WRITTEN_MARK.sub("", fragment))
        for match in _AS_WRITTEN_MARK.finditer(fragment)
        if (before := fragment[: match.start()].rstrip())
        and (before[-1].isalnum() or before[-1] in ",;(")
        and not (heading and before[-1].isalnum() and before.split()[-1][:1].isupper())
    ]


def read_near_spellings(words: Sequence[str], answer: Mapping[str, Any]) -> dict[str, tuple[NearSpelling, ...]]:
    """The near spellings of `words` in the engine's answer to near_spellings_request(words), by word: the word
    itself (as each field analyses it) and the others the engine's fuzzy query would choose: the nearest within
    auto_edits, the first in alphabetical order among equally near, FUZZY_MAX_EXPANSIONS with the word itself when
    the field holds it. The suggester lists the more frequent first: for `care`, `case`, `came` and `core` where
    the fuzzy query keeps `cara`, `cared` and `carer`, which raised the total of `obamma helth care` by a third; and
    keeping 20 besides a word the field holds added `case` again (session 17's reviews). A word held only by
    articles deleted since the index last merged counts for the fuzzy query and not here: one spelling more then."""
    suggest = answer.get("suggest") or {}
    held = ((answer.get("aggregations") or {}).get(NEAR_HELD) or {}).get("buckets") or {}
    total = int((((answer.get("hits") or {}).get("total")) or {}).get("value") or 0)
    near: dict[str, list[NearSpelling]] = {}
    for name, (field, _, chosen) in _near_texts(words).items():
        # The engine reports where each word is in UTF-16 code units (spelling's module docstring).
        starts, at = [], 0
        for word in chosen:
            starts.append(at)
            at += len(word.encode("utf-16-le", "surrogatepass")) // 2 + 1
        for entry in suggest.get(name) or []:
            i = bisect_right(starts, int(entry["offset"])) - 1
            token = str(entry["text"])
            options = [(float(o["score"]), str(o["text"]), int(o.get("freq") or 0)) for o in entry.get("options") or []]
            near_enough = [
                (score, text, freq)
                for score, text, freq in options
                if round((1 - score) * min(len(token), len(text))) <= auto_edits(token)
            ]
            typed = int((held.get(f"{name} {i}") or {}).get("doc_count") or 0)
            room = FUZZY_MAX_EXPANSIONS - (1 if typed else 0)
            kept = sorted(near_enough, key=lambda option: (-option[0], option[1]))[:room]
            near.setdefault(chosen[i], []).extend(
                [
                    NearSpelling(field, token, 1.0, typed),
                    *(
                        NearSpelling(field, text, score, freq)
                        for score, text, freq in kept
                        if not _by_chance(text, freq, typed, total)
                    ),
                ]
            )
    return {word: tuple(spellings) for word, spellings in near.items()}


def held_variants(word: str, spellings: Sequence[NearSpelling]) -> list[NearSpelling]:
    """The near spellings (`spellings`, read_near_spellings) of a word some article holds that may be what the word
    stands for: another way of writing it (spelling.spelling_variant: `schroeder` for `schroder`, `gaddafi` for
    `gadaffi`, `environment` for `enviroment`, `trial` for `trail`), or one edit away and its likely meaning
    (typo_spelling: `calendar` for `calender`), with that meaning's other forms (query_parser.forms_of), as a search
    for it finds them; not another word near it (`always` for `airways`, `robert` for `robbery`, `pushing` for
    `phishing`, `schnyder` for `schroder`). Without the meaning's forms (session 55) `goverments`, one news-dev
    article's, found 113 articles where `governments` finds 1,181 (`government`, 1,095 bodies, left out) and
    `recieved` 253 where `received` finds 446 (`receive`, `receives`)."""
    typed = fold_as_index(word)
    meant = _typo_spellings(typed, spellings)
    meant_forms = forms_of(near.term for near in meant)
    return [
        near
        for near in spellings
        if near.similarity < 1.0
        and (near in meant or spelling_variant(typed, near.term) or not meant_forms.isdisjoint(forms_of([near.term])))
    ]


def read_within_typo(word: str, spellings: Sequence[NearSpelling], misspelt: bool) -> list[NearSpelling]:
    """The near spellings (`spellings`, read_near_spellings) a short query's word counts as in the near tier, and is
    marked as: of a word some article's body or headline holds, what it may stand for (held_variants); of one none
    holds, in a query with a word no article holds (`misspelt`), every one listed.

    A word the archive holds is seldom a typo. Until session 54 it counted as every near spelling beside a word no
    article holds (`saddam husein` ranked articles holding `salaam` and `hussein` among the complete matches'
    neighbours), for its reader might have slipped twice: of the 1,600 words the known-item misspelt generator
    misspelt on news-dev (seed 7, both generators) 41 made a word some article holds (by its own word split), 36 of
    them a spelling variant of the word drawn, which held_variants keeps."""
    if misspelt and not word_held(spellings):
        return list(spellings)
    return held_variants(word, spellings)


def word_held(spellings: Sequence[NearSpelling]) -> bool:
    """Whether some article's body or headline holds the word whose near spellings (read_near_spellings) these are."""
    return any(near.similarity == 1.0 and near.articles > 0 for near in spellings)


def scored_spellings(word: str, spellings: Mapping[str, Sequence[NearSpelling]]) -> tuple[NearSpelling, ...]:
    """The near spellings (`spellings` by word, read_near_spellings) a word's fuzzy query is held to: of a word some
    article's body or headline holds, itself and what it may stand for (held_variants), as the near tier and the
    marks read it (read_within_typo); of one none holds, every one listed. Before session 54 a held word's other near
    spellings, one or two edits away, found articles holding only them, in which nothing was marked: `kofi annan`
    found 15 news-dev articles, 6 of them holding only `koji`, `koei` or `koki`; `lagoon`, which one article of a
    reader's archive holds, 55, 54 of them on Nigel Lawson."""
    listed = spellings.get(word, ())
    if not word_held(listed):
        return tuple(listed)
    variants = held_variants(word, listed)
    return tuple(near for near in listed if near.similarity == 1.0 or near in variants)


def narrowed(spellings: Mapping[str, Sequence[NearSpelling]]) -> bool:
    """Whether scored_spellings holds the fuzzy query of some word of `spellings` (by word, read_near_spellings) to
    fewer near spellings than listed: only then does a search find fewer articles than before session 54."""
    return any(len(scored_spellings(word, spellings)) < len(listed) for word, listed in spellings.items())


def _fuzzy_held(word: str, spellings: Mapping[str, Sequence[NearSpelling]], ranking: Ranking) -> Sequence[NearSpelling]:
    """The near spellings a word's fuzzy query is held to: scored_spellings, or every one listed without
    Ranking.held_narrowed."""
    return scored_spellings(word, spellings) if ranking.held_narrowed else spellings.get(word, ())


def headlined(spellings: Sequence[NearSpelling]) -> bool:
    """Whether a word some headline and some body hold (its own entries among `spellings`, read_near_spellings): a
    headline is edited, and such a word typed alone is written on purpose, offered no other word (search.
    typos_respelt). `quiz`, `suez`, `wight`, `tate`, `iceland`, `gongs` (each in a news-dev headline and 1-9 bodies)
    were offered `quit`, `sues`, `weight`, `take`, `ireland`, `gangs`; of the archive's own typos the reviews met
    (`goverment`, `minsiter`, `recieve`, `seperate`, `definately`, `enviroment`, `monye`) none is in a headline
    (session 48's attack). Beside other words it may still be a slip (`capital flops` is `capital flows`, `mars
    poppins` `mary poppins`: the session's review, which saw a first form, for any query, lose such readings)."""
    held = {near.field for near in spellings if near.similarity == 1.0 and near.articles > 0}
    return all(field in held for field in FUZZY_FIELDS)


def typo_spelling(word: str, spellings: Sequence[NearSpelling]) -> str | None:
    """The word a word some article holds is likely a typo of (`government` for `goverment`), among its near
    spellings (`spellings`, read_near_spellings): one edit or a spelling variant away (held_variants), held TYPO_ODDS
    times as often in a field where FEW_ARTICLES or fewer hold the word, and no field holds it, as typed or without
    its inflectional ending, in more; the one most articles hold. None when the word is no likely typo
    (`robbery`, 5 of news-dev's articles, beside `robert`, 178: two edits of other kinds; `many`, 878)."""
    return next(iter(typo_spellings(word, spellings)), None)


def typo_spellings(word: str, spellings: Sequence[NearSpelling], beside: bool = False) -> list[str]:
    """Every word a word some article holds is likely a typo of (typo_spelling), most articles first (the nearer of
    equals). `beside`: also the words it may be a slip for beside other words, however many articles hold it: one
    edit or a spelling variant away and held TYPO_ODDS times as often as the word is in any field (`trace` for
    `trade`, `counties` for `countries`), for the caller that reads or offers one only where the articles write it
    beside the query's other words (search._typos_read)."""
    typed = fold_as_index(word)
    meant = sorted(
        _typo_spellings(typed, spellings, beside),
        key=lambda near: (not _likely(typed, near), -near.articles, -near.similarity),
    )
    return list(dict.fromkeys(near.term for near in meant))


def _likely(typed: str, near: NearSpelling) -> bool:
    """Whether a near spelling is a likely edit of typed (spelling.likely_edit): typo_spellings puts such spellings
    first, as spelling.nearest_candidates puts a likely edit before any other (each is held TYPO_ODDS times as often
    as typed, so never one article's word). `pohl` (one article's Reinhard Pohl) was offered `poll` (178 news-dev
    articles, a letter replaced) before `poehl` (17, a letter left out: the likelier edit; session 51)."""
    return likely_edit(typed, fold_as_index(near.term))


def _typo_spellings(typed: str, spellings: Sequence[NearSpelling], beside: bool = False) -> list[NearSpelling]:
    held = {near.field: near.articles for near in spellings if near.similarity == 1.0}
    # A word more than FEW_ARTICLES hold in any field, as typed or without its inflectional ending (the stemmed
    # fields hold them as one), is written on purpose, whatever another field holds: `many`, in 878 of news-dev's
    # bodies and few headlines, was offered as `may`, which more headlines hold; `hints` (8 articles; `hint` 20 more)
    # as `hits` (session 47's attack). Not every word sharing its stem: `definately` is no `define`.
    forms = Counter(held)
    for near in spellings:
        if near.similarity < 1.0 and _other_ending(typed, near.term):
            forms[near.field] += near.articles
    most = max(forms.values(), default=0)
    return [
        near
        for near in spellings
        if near.similarity < 1.0
        and (
            (most <= FEW_ARTICLES and held.get(near.field, 0) > 0 and near.articles >= TYPO_ODDS * held[near.field])
            or (beside and near.articles >= TYPO_ODDS * max(most, 1))
        )
        and (osa_distance(typed, near.term) == 1 or spelling_variant(typed, near.term))
        and not inflected(typed, near.term)
    ]


def _other_ending(word: str, other: str) -> bool:
    """Whether a word is another with a plural, past or -ing ending (`hints` of `hint`): not `d` alone, which makes
    other words of short ones (`bard` of `bar`: session 47's review); not the other way round, where a typo that
    lost an `e` would count its meaning's forms (`syndicat`: `syndicated`, `syndicates`; the second review)."""
    return any(word == other + ending for ending in INFLECTIONS if ending != "d")


def _by_chance(term: str, articles: int, typed: int, total: int) -> bool:
    """Whether a near spelling held by `articles` of the archive's `total` is a word any article may hold beside the
    query's others, not what the reader meant by a word `typed` articles hold: a stopword, or a word CHANCE_SHARE of
    the archive and MANY_ARTICLES hold, near a word no article holds (searched as its spelling: `kerry putn`, read
    `kerry putin`, which no article holds, ranked first an article holding `kerry` and `put`, 597 of news-dev's 3,698
    articles, "put" and "putting" marked) or FEW_ARTICLES or more do (`andy murray`, which 6 articles hold both
    words of, found 3,682, the snippets marking `and`; `form guide` 3,660, `for` and `from`; session 34's review).
    Near a word fewer articles hold, it may be what their typo meant (`monye`, one article's, is `money`: without it,
    4 of 2,400 known-item searches, misspelt or of body words, ranked their target lower or lost it). A stopword's
    inflections too: the stemmed body, where snippets are marked, reads `ands` (near `andy`) as `and`, `being` (near
    `boeing`) as `be`."""
    if term in STOPWORDS or any(term.endswith(end) and term[: -len(end)] in STOPWORDS for end in ("s", "ing")):
        return True
    return common(articles, total) and (typed == 0 or typed >= FEW_ARTICLES)


def common(articles: int, total: int) -> bool:
    """Whether a word `articles` of the archive's `total` hold is beside any other word by chance: CHANCE_SHARE of
    the archive and MANY_ARTICLES hold it (in a small archive every word is a large share)."""
    return total > 0 and articles >= max(CHANCE_SHARE * total, MANY_ARTICLES)


def _word_present(word: str, ranking: Ranking, other: str | None = None, dated: bool = True) -> dict[str, Any]:
    """An article holds the word: in its text (a joined word as its parts adjacent, a code however it is written;
    an abbreviation also in its `other` spelling, typed_abbreviations, or a dotted one closed up), its byline, or as
    one of its tags; a year also by its date, when `dated` (_published_in, _quoted_years)."""
    metadata = in_byline_or_tags(word)
    if is_joined(word):
        text = _phrase(word, COMPLETE_FIELDS, synonyms=_joined_synonyms(word, ranking))
        return any_of([text, *_closed_up(word, COMPLETE_FIELDS), *_code(word), *metadata])
    # A synonym's words (`united nations`) are one name: adjacent, as _scored matches them, and no joined word; so
    # are glued numbers (`10:30`).
    name = " " in word or glued_number(word)
    options: dict[str, Any] = {"query": word, "fields": COMPLETE_FIELDS, **({"type": "phrase"} if name else {})}
    if not name:
        options["operator"] = "and"
    if not (ranking.synonyms and has_synonyms(word)):
        options["analyzer"] = PLAIN_ANALYZER
    closed = [] if name else [{"multi_match": {"query": word, "fields": CLOSED_FIELDS, "operator": "and"}}]
    # A part of a joined or glued word (`neill` in O'Neill, `putin` in kerry.putin), which only the fields as written
    # hold and searching for the word finds there (session 24's review: by date `neill manager` hid the three
    # articles about Martin O'Neill, the Celtic manager, and listed five by Mark O'Neill, a byline).
    # One word only: a synonym's words (`united states`) would be held anywhere in the text, not together.
    part = [] if name else [_as_written(written_number(word))]
    # An abbreviation's other spelling too, also as a part (`H.K.` as the `hk` of a `HWHH.HK` ticker, as `HK` is)
    form = other or abbreviation_closed_up(word)
    abbreviation = [*_spelt(form, COMPLETE_FIELDS), _as_written(form)] if form else []
    stemmed = [{"multi_match": options}]
    if read_as_written(word, ranking):
        stemmed = [_as_written(form) for form in written_forms(word, ranking)[1:]]
    clauses = [*stemmed, *closed, *part, *abbreviation, *_code(word), *_thai(word, every=True)]
    return any_of([*clauses, *metadata, *(_published_in(word) if dated else [])])


def _quoted_years(parsed: ParsedQuery) -> frozenset[str]:
    """The years the reader typed only inside quotes (`"1987"`): a phrase asks for the text as written, so such a
    year is held by the articles writing it, not by those published in it (`"1987"` alone listed the 1,595
    news-dev articles of 1987 where `1987` does: session 53's review)."""
    inside = {word for phrase in _QUOTED.findall(parsed.typed) for word in _DIGITS.findall(phrase)}
    outside = set(_DIGITS.findall(_QUOTED.sub(" ", parsed.typed)))
    return frozenset(word for word in inside - outside if YEAR.fullmatch(word))


_QUOTED = re.compile(r'"([^"]*)"?')
_DIGITS = re.compile(r"\d+")


def _typed_dates(parsed: ParsedQuery, words: Sequence[str]) -> list[TypedDate]:
    """The distinct dates typed in a query, in order, each of its scored `words` (content_words, each in its place as
    read: as_read), but one whose year is typed only inside quotes (_quoted_years: the text as written) or whose words
    were typed apart (typed_apart: `may be 1987` is no May 1987, though `be` is no scored word). None for a query of
    more than MAX_SCORED_WORDS content words, whose scored words are the rarest (search.scored_words), not in place:
    it has no complete tier to read them."""
    content = content_words(parsed)
    # `words` other than content's (a caller's mistake) would misread the dates: none is read, not a 500.
    if len(content) > MAX_SCORED_WORDS or len(words) != len(content):
        return []
    quoted = _quoted_years(parsed)
    units = query_units(parsed)
    stopwords = {unit for unit in units if fold_as_index(unit) in STOPWORDS}
    # Read among the units as typed, repeats too, each as read: among the distinct content words `may be 1987 may
    # 1987` was no date (its flags taken by each word's first place) and `oil june oil 1987` June 1987 (session 56).
    read = dict(zip(content, words, strict=True))
    typed = [read[unit] for unit in units if unit not in stopwords]
    apart = {n for n, flag in enumerate(typed_apart(units, stopwords)) if flag}
    return list(dict.fromkeys(date for date in typed_dates(typed, apart) if date.year not in quoted))


def dates_published(parsed: ParsedQuery, words: Sequence[str]) -> list[dict[str, Any]]:
    """For each date typed (_typed_dates), the clause the articles published then match: within the complete tier
    they rank first (TIER_DATED), above those only writing it: the March stories on February's figures wrote
    `February 1987`, and ranked above the 22 news-dev articles published in February 1987 (session 54)."""
    return [any_of([period.published() for period in date.periods]) for date in _typed_dates(parsed, words)]


def _date_held(date: TypedDate, ranking: Ranking) -> dict[str, Any]:
    """An article holds a date typed (typed_dates) when published then or writing it: a month with its year (`feb
    1987` as `february 1987` too), a day beside its year held as a year is (`Oct 19` and 1987, written or by date),
    and a date typed as one word (`1987-10`) as written too. A month with its year is held also by its words, as
    session 34 held it (the month's name written, the year written or by date): `june 2005` found no article of June
    2005, and without that the BBC's articles writing both fell below 1987's June wire stories (session 54's last
    review). Those published then rank first among them (TIER_DATED): `february 1987` had ranked first the March
    stories on February's figures, the 22 news-dev articles published in February 1987 from the 41st."""
    clauses: list[dict[str, Any]] = []
    if len(date.words) > 1 and all(period.day is None for period in date.periods):
        clauses.append({"bool": {"must": [_word_present(word, ranking) for word in date.words]}})
    for period in date.periods:
        options: dict[str, Any] = {"fields": COMPLETE_FIELDS, "type": "phrase", "analyzer": PLAIN_ANALYZER}
        written = [{"multi_match": {"query": text, **options}} for text in period.written()]
        if period.day is not None:
            year = str(period.year)
            in_year = any_of([{"multi_match": {"query": year, **options}}, *_published_in(year)])
            written = [{"bool": {"must": [any_of(written), in_year]}}]
        clauses += [period.published(), *written]
    if len(date.words) == 1:
        clauses.append(_word_present(date.words[0], ranking, dated=False))
    return any_of(clauses)


def _published_in(word: str) -> list[dict[str, Any]]:
    """A year typed is held by the articles published in it, as by those writing it: `1987 coffee quota` ranked
    first the two news-dev articles writing "1987" (a tea export report, a Brazil debt story) above the 25 on coffee
    quotas, all published in 1987, which a wire story's text rarely writes (session 34's review)."""
    if not YEAR.fullmatch(word):
        return []
    return [{"range": {"published": {"gte": f"{word}||/y", "lte": f"{word}||/y", "format": "yyyy"}}}]


def _published_on(word: str) -> list[dict[str, Any]]:
    """The articles published on the day or in the month one word names (typed_dates.numeric_date: `1987-10-19`)."""
    return [period.published() for period in numeric_date(_unit_word(word))]


def _as_written(word: str) -> dict[str, Any]:
    """The word in the fields as written, where a part of a joined or glued word is a token of its own."""
    return {"multi_match": {"query": word, "fields": EXACT_TEXT_FIELDS, "operator": "and"}}


def abbreviation_clauses(word: str, fields: list[str]) -> list[dict[str, Any]]:
    """The clause finding the other spelling of an abbreviation as typed (abbreviation_form: `I.B.M.` finds `IBM`,
    `IBM` finds `I.B.M.`) on stemmed fields, as a list: none for any other word."""
    return _spelt(abbreviation_form(word), fields)


def _spelt(form: str | None, fields: list[str]) -> list[dict[str, Any]]:
    if form is None:
        return []
    return [{"multi_match": {"query": form, "fields": fields, "analyzer": PLAIN_ANALYZER}}]


def _not_closed_up_only(word: str, ranking: Ranking, other: str | None, neither: bool) -> dict[str, Any]:
    """An article does not hold a joined word closed up only, nor an abbreviation in its `other` spelling only
    (TIER_AS_TYPED): it holds it as typed (in the text, a joined word's parts adjacent, a code however it is written;
    a byline or a tag), or not in the other form either. So the tier demotes only the articles holding the other
    form alone, which may be another word; the others keep their order (a judged TIME query's `NEWLY-CREATED`, which
    no article writes closed up). Without `neither`, only the articles holding it as typed: a dotted abbreviation's
    (`B.B.C.`), which few articles write, where the articles holding neither form in their text (`bbc` a part of
    `bbc.co.uk`, a tag) ranked above the BBC's own headlines, which `BBC` ranks first (session 52's review:
    "France v Wales (Sat)" first); those writing `H.K.` still rank first for `H.K. stocks`."""
    if is_joined(word):
        text = _phrase(word, COMPLETE_FIELDS, synonyms=_joined_synonyms(word, ranking))
    elif read_as_written(word, ranking):
        text = any_of([_as_written(form) for form in written_forms(word, ranking)])
    else:
        text = {"multi_match": {"query": word, "fields": COMPLETE_FIELDS, "analyzer": PLAIN_ANALYZER}}
    metadata = [{"match_phrase": {BYLINE_PARTS_FIELD: word}}, _tagged(word)]
    closed = [*_closed_up(word, COMPLETE_FIELDS), *_spelt(other, COMPLETE_FIELDS)]
    held_neither = [{"bool": {"must_not": closed}}] if neither else []
    return {"bool": {"should": [text, *_code(word), *metadata, *held_neither]}}


def _closed_up(word: str, fields: list[str], boost: float = 1.0) -> list[dict[str, Any]]:
    """The clause finding a joined word closed up (closed_up: `e-mail` finds `email`), on stemmed fields, as a
    list: none when the word has no such form."""
    closed = closed_up(word)
    if closed is None:
        return []
    return [{"multi_match": {"query": closed, "fields": fields, "analyzer": PLAIN_ANALYZER, "boost": boost}}]


def _joined_scored(word: str, ranking: Ranking, boost: float) -> dict[str, Any]:
    """A joined word scored as its parts adjacent or closed up, whichever an article holds better: the two forms
    are scored alike, so typing either finds both and favours neither. On the fields a plain word is scored on
    (_scored): the body as written and stemmed, the headline and summary in the better of their forms. Scored on
    the stemmed fields alone, a joined word counted half a plain word in the body: where no article held every
    word, `hewlett-packard profits` ranked articles holding `profits` alone above five of the seven Hewlett-Packard
    ones (session 31's review)."""
    synonyms = _joined_synonyms(word, ranking)
    closed = closed_up(word)
    joined = short_joined(word)  # found joined only (_phrase): not as its parts in the fields as written

    def forms(field: str, weight: float, exact: str | None = None) -> dict[str, Any]:
        queries = [_phrase(word, [field], synonyms=synonyms)]
        if exact is not None and joined is None:
            queries.append({"match_phrase": {exact: {"query": word}}})
        if closed is not None:
            queries.append({"match": {field: {"query": closed, "analyzer": PLAIN_ANALYZER}}})
            queries.append({"match": {f"{field}.closed": {"query": closed}}})
        return {"dis_max": {"queries": queries, "boost": weight}}

    # Closed up also where the joined word is written (`{field}.closed`: every joined word closed up), which scores it
    # as the rare word it is where its parts are common words: a news-dev article writing AT&T seven times ranked
    # 63rd for `AT&T profits`, below articles holding `profits` alone, its phrase being `at` and `t` (session 32).
    written: list[dict[str, Any]] = [
        {"match_phrase": {EXACT_BODY_FIELD: word}}
        if joined is None
        else {"match": {CLOSED_BODY_FIELD: {"query": joined, "_name": f"{CLOSED_MATCH} body {joined}"}}}
    ]
    if closed is not None:
        written.append({"match": {EXACT_BODY_FIELD: {"query": closed}}})
        if joined is None:
            written.append({"match": {CLOSED_BODY_FIELD: {"query": closed}}})
    should = [
        {"dis_max": {"queries": written}},
        forms("body", 1.0),
        forms("title", TITLE_WEIGHT, "title.exact"),
        forms("summary", SUMMARY_WEIGHT, "summary.exact"),
    ]
    return {"bool": {"should": should, "boost": boost}}


def _tagged(*texts: str, boost: float = 1.0) -> dict[str, Any]:
    """The article has a tag holding one of the texts (its words adjacent and in order; case and accents aside),
    scored `boost` whatever its length: `league` is held by the tag Premier League."""
    held = [{"match_phrase": {TAG_WORDS_FIELD: text}} for text in dict.fromkeys(texts)]
    return {"constant_score": {"filter": {"bool": {"should": held}}, "boost": boost}}


def in_byline_or_tags(text: str) -> list[dict[str, Any]]:
    """The clauses of an article holding a word or phrase beyond its text: its byline or one of its tags holds it
    (a phrase's words adjacent and in order; a word also as a part of the byline's joined word, `Neill`, or as that
    word closed up, `oneill`)."""
    if len(text.split()) > 1:
        return [{"match_phrase": {BYLINE_FIELD: text}}, _tagged(text)]
    return [{"match_phrase": {BYLINE_PARTS_FIELD: text}}, {"match": {BYLINE_CLOSED_FIELD: text}}, _tagged(text)]


def exclusions(parsed: ParsedQuery, ranking: Ranking) -> list[dict[str, Any]]:
    """The clauses an article must match none of: what each `-term` of the query keeps out (text_query's must_not),
    but never from the article whose headline the query is, pasted whole with its ` -word` (pasted_headline)."""
    excluded = [_excluded(term, ranking) for term in parsed.excluded]
    pasted = pasted_headline(parsed)
    if not excluded or pasted is None:
        return excluded
    return [{"bool": {"should": excluded, "minimum_should_match": 1, "must_not": [_headline(pasted)]}}]


def pasted_headline(parsed: ParsedQuery) -> str | None:
    """The query as typed with its exclusions (ParsedQuery.whole), when it may be a headline pasted whole: a wire
    headline names its source after ` -` (`SIGN OF SLOWING IN GERMAN MONEY GROWTH -BUNDESBANK`), which reads as an
    exclusion, and pasting it left out its own article (session 23's review: all five such headlines of news-dev).
    None without exclusions, beyond a headline's length, or for fewer than PASTED_HEADLINE_MIN_WORDS other words
    (`apple -pie` keeps out the headline "Apple pie", as asked)."""
    words = typed_words(parsed)
    if not parsed.excluded or len(words) < PASTED_HEADLINE_MIN_WORDS or len(parsed.whole) > MAX_TITLE_CHARS:
        return None
    return parsed.whole


def byline_typed(parsed: ParsedQuery) -> dict[str, Any] | None:
    """The clause of an article whose byline holds the query as typed, its words adjacent and in order (a name of
    BYLINE_NAME_WORDS words at most, two at least: `Mark O'Neill` in "Mark O'Neill" or "Norma Cohen and Mark
    O'Neill"; not starting or ending with a stopword), which ranks with the headline typed whole (text_query);
    quoted or not. None for one word, more words
    or an OR-group. As one more byline word, `Mark O'Neill` ranked his 15 news-dev articles 6th to 20th, below a Martin
    O'Neill's with a "question mark", and `Linda Sieg` a Linda Kasabian's with a "siege" above her 11 (session 51's
    attacker)."""
    words = typed_words(parsed)
    if not 2 <= len(words) <= BYLINE_NAME_WORDS or any(len(unit.alternatives) > 1 for unit in parsed.required):
        return None
    # A name neither starts nor ends with a stopword: `cohen and`, `and michael` are pieces of two writers' byline
    # (the session's review).
    if any(fold_as_index(_unit_word(word)) in STOPWORDS for word in (words[0], words[-1])):
        return None
    return any_of([{"match_phrase": {BYLINE_FIELD: name}} for name in [" ".join(words), *_apostrophe_names(words)]])


# A name's word typed without its apostrophe is this long at least (`oneill`, `obrien`, `darcy`), and starts with the
# letter of the Irish O' or the D' of Italian, French and Irish names (D'Afflisio, D'Alema, D'Arcy): the byline
# clause for it is asked only of such words, not of every word of four letters.
MIN_APOSTROPHE_NAME = 4
APOSTROPHE_NAME_STARTS = "od"


def _apostrophe_names(words: list[str]) -> list[str]:
    """The name typed, with an apostrophe where a byline may write one the reader left out: after the O or D starting
    a word (`oneill`, `ONeill`: O'Neill; `dafflisio`: D'Afflisio), or between an O or D and the word after it (`o
    neill`). The byline's field keeps `O'Neill` one word, which neither typed form is, so `mark oneill` ranked
    Mark O'Neill's articles from the 5th, `Mark O'Neill` from the first (session 52's review); a byline's hyphen the
    field reads as a space (`jean loup fievet` finds Jean-Loup Fievet). One such word a name: each a phrase."""
    names = []
    for i, word in enumerate(words):
        if len(word) >= MIN_APOSTROPHE_NAME and word.isalpha() and word[0].lower() in APOSTROPHE_NAME_STARTS:
            names.append([*words[:i], f"{word[0]}'{word[1:]}", *words[i + 1 :]])
        if word.lower() in APOSTROPHE_NAME_STARTS and i + 1 < len(words) and words[i + 1].isalpha():
            names.append([*words[:i], f"{word}'{words[i + 1]}", *words[i + 2 :]])
    return [" ".join(name) for name in names if len(name) > 1]  # `o neill` is `O'Neill`, one word: no name


def typed_words(parsed: ParsedQuery) -> list[str]:
    """The words of the query as typed, its exclusions and operators out (ParsedQuery.typed)."""
    return [word for word in parsed.typed.split() if any(is_word_character(c) for c in word)]


def _headline(text: str) -> dict[str, Any]:
    """The article's whole headline is text (HEADLINE_FIELD: case, accents and punctuation aside)."""
    return {"match": {HEADLINE_FIELD: {"query": text}}}


def _excluded(term: Term, ranking: Ranking) -> dict[str, Any]:
    """What `-term` keeps out: what searching for the term finds. A joined word (-anti-war) is the joined word, not
    its parts; a word or phrase with synonyms (-US, -"united nations") is each of them, as searching for it finds."""
    if not term.phrase and not is_joined(word := without_possessive(term.text)):
        term = Term(word)  # a possessive is no joined word (`-I.B.M.'s` is -I.B.M., `-CIA's` -CIA): query_units
    key = tuple(_unit_word(word) for word in term.text.split())
    synonyms = ranking.synonyms and key in SYNONYM_TERMS
    if _adjacent(term):
        clause = _phrase(term.text, TEXT_FIELDS, synonyms=not term.phrase and _joined_synonyms(term.text, ranking))
    else:
        clause = {"multi_match": {"query": term.text, "fields": TEXT_FIELDS, "analyzer": PLAIN_ANALYZER}}
    if synonyms:
        clause["multi_match"].pop("analyzer", None)  # the fields' search analyzer applies the synonyms
    code = _code(term.text)  # -F16 keeps out F-16 too, as searching for F16 finds it
    # -1987 keeps out the articles published in 1987 too, which a query holds the year by (_published_in): `coffee
    # NOT 1987` listed 36 of 1987 among its 45 (session 34's second review); -1987-10-19 those of that day. A phrase
    # always has several words (parse_query reads `-"1987"` as the word -1987): no one word _published_in reads.
    dated = [] if term.phrase else [*_published_in(term.text), *_published_on(term.text)]
    if _adjacent(term):
        closed = [] if term.phrase else _closed_up(term.text, TEXT_FIELDS)
        # -"EF Hutton" keeps out E.F. Hutton, as searching for the phrase finds it
        abbreviated = [_phrase(text, TEXT_FIELDS) for text in _abbreviated(term.text)] if term.phrase else []
        return any_of([clause, *closed, *abbreviated, *code, *in_byline_or_tags(term.text), *dated])
    # Searching for a word finds it also as a part of a joined or glued word (`neill` in O'Neill, `putin` in
    # kerry.putin), which only the fields as written hold, and closed up (`walmart`: Wal-Mart): so does excluding it.
    as_written = {"multi_match": {"query": written_number(term.text), "fields": [*EXACT_TEXT_FIELDS, *CLOSED_FIELDS]}}
    abbreviation = abbreviation_clauses(term.text, TEXT_FIELDS)  # -I.B.M. keeps out IBM, as searching for it finds it
    if form := abbreviation_form(term.text):
        # ... also as a part, where the fields as written hold it (`-H.K.` the `HWHH.HK` that `H.K.` finds as `hk`)
        abbreviation.append({"multi_match": {"query": form, "fields": EXACT_TEXT_FIELDS}})
    metadata = in_byline_or_tags(term.text)
    # A word matched as written (stem_apart) keeps out only what searching for it finds: `-federer` no "Federation".
    stemmed = [clause]
    if read_as_written(term.text, ranking):
        fields = [*EXACT_TEXT_FIELDS, *CLOSED_FIELDS]
        stemmed = [{"multi_match": {"query": form, "fields": fields}} for form in written_forms(term.text, ranking)[1:]]
    return any_of([*stemmed, as_written, *abbreviation, *code, *_thai(term.text, every=True), *metadata, *dated])


def alternative_groups(parsed: ParsedQuery) -> list[list[Term]]:
    """The OR-groups searched: at most MAX_ALTERNATIVE_GROUPS of MAX_ALTERNATIVES alternatives, holding at most
    MAX_ALTERNATIVE_PIECES engine tokens in all, a glued word's parts counted too (a phrase or joined word is one
    phrase clause a field, counted one; a joined word closed up one more). Each token is a clause on six fields,
    twice in a short query (the complete-match tier), so 24 alternatives such as `ee.ff.gg` or `ee%ff%gg` took the
    engine past its clause limit (500); an alternative that does not fit is left out whole, so the groups are the
    same wherever used."""
    groups: list[list[Term]] = []
    budget = MAX_ALTERNATIVE_PIECES
    for unit in [unit for unit in parsed.required if len(unit.alternatives) > 1][:MAX_ALTERNATIVE_GROUPS]:
        kept = []
        for term in unit.alternatives[:MAX_ALTERNATIVES]:
            if term.phrase:
                cost = 1 + len(_abbreviated(term.text))  # the phrase, and with its abbreviations' other spelling
            elif is_joined(term.text):
                cost = 1 if closed_up(term.text) is None else 2  # the phrase, and closed up
            else:
                cost = pieces(term.text) + len(_glued(term.text)) + (abbreviation_form(term.text) is not None)
            if cost <= budget:
                budget -= cost
                kept.append(term)
        if kept:
            groups.append(kept)
    return groups


def _glued(word: str) -> list[str]:
    return glued_parts(word)[:MAX_GLUED_PARTS]


def _synonym_alternatives(groups: Sequence[Sequence[Term]]) -> frozenset[str]:
    """The OR-groups' words scored with their synonyms, as the same word alone is (`US | Japan` found fewer articles
    than `US`: the group's `US` missed every `U.S.`): the first MAX_SYNONYM_ALTERNATIVES such words, since each
    multiplies its clauses by its synonyms' (the worst case stays inside the engine's clause limit)."""
    words = [
        term.text
        for group in groups
        for term in group
        if not (term.phrase or is_joined(term.text)) and has_synonyms(_unit_word(term.text))
    ]
    return frozenset(list(dict.fromkeys(words))[:MAX_SYNONYM_ALTERNATIVES])


def _alternatives(
    group: Sequence[Term],
    ranking: Ranking,
    with_synonyms: frozenset[str],
    fuzzy: Collection[str] = (),
    dotted: bool = True,
    apart: Mapping[str, Sequence[str]] = MappingProxyType({}),
    every: bool = False,
) -> dict[str, Any]:
    """An OR-group: one of its words or phrases (a phrase as typed: the reader gave the alternatives); scored like
    a word, with its synonyms when in `with_synonyms` (_synonym_alternatives). `fuzzy`: the typo_tolerant words
    that also match their near spellings (`yukoss OR parmalatt` found nothing, though either word alone finds its
    articles): text_query's `widened`. `dotted`: capitals are also searched as a dotted abbreviation
    (capitals_typed), as a dotted one is closed up. `apart`: the joined words no article holds, with their parts
    (apart_parts), scored as the parts typed apart, or each part held when `every` (complete_match); as the words
    of a query outside a group are (`bush-blair OR schroeder` found what `schroeder` finds: session 32's review)."""
    options = []
    for term in group:
        if _adjacent(term):
            closed = [] if term.phrase else _closed_up(term.text, TEXT_FIELDS)
            abbreviated = (
                [_phrase(text, TEXT_FIELDS) for text in _abbreviated(term.text, dotted)] if term.phrase else []
            )
            parts = [] if term.phrase else list(apart.get(term.text, ()))
            if every and parts:
                held = [{"bool": {"must": [_word_present(part, ranking) for part in parts]}}]
            else:
                held = [_scored(" ".join(parts), ranking, 1.0)] if parts else []
            options.append(any_of([_phrase(term.text, TEXT_FIELDS), *closed, *abbreviated, *_code(term.text), *held]))
            continue
        option = _scored(term.text, ranking, 1.0, synonyms=term.text in with_synonyms)
        option["bool"]["should"] += _code(term.text)
        if term.text in fuzzy and typo_tolerant(term.text):
            option["bool"]["should"] += [_fuzzy(field, term.text) for field in FUZZY_FIELDS]
        if parts := _glued(term.text):
            option["bool"]["should"].append(_scored(" ".join(parts), ranking, GLUED_PARTS_WEIGHT))
        if form := abbreviation_closed_up(term.text) or (abbreviation_dotted(term.text) if dotted else None):
            option["bool"]["should"].append(_scored(form, ranking, 1.0))
        options.append(option)
    return {"dis_max": {"queries": options}}


def _tier(name: str, clauses: list[dict[str, Any]], boost: float) -> dict[str, Any]:
    """Articles matching every clause get `boost`; the name tells which tiers a hit reached (matched_queries)."""
    return {"constant_score": {"filter": {"bool": {"must": clauses}}, "boost": boost, "_name": name}}


def tier_of(matched: Sequence[str]) -> int:
    """How high a hit ranks before anything else counts: the headline typed, quoted phrases, every word, every word
    near, then a short query's joined words as typed (TIER_WEIGHTS)."""
    return sum(weight for name, weight in TIER_WEIGHTS.items() if name in matched)


def text_query(
    parsed: ParsedQuery,
    ranking: Ranking,
    scored_words: Sequence[str] | None = None,
    typo_words: Mapping[str, str | None] = MappingProxyType({}),
    highlighting: bool = False,
    near_spellings: Mapping[str, Sequence[NearSpelling]] = MappingProxyType({}),
    counting: bool = False,
    widened: Collection[str] = (),
    apart: Collection[str] = (),
    spelt_near: Mapping[str, Sequence[NearSpelling]] = MappingProxyType({}),
) -> dict[str, Any]:
    """The query for the reader's words, without filters or freshness; `highlighting`: as the highlighter reads
    it, without the headline bonus (all words, any order), which would mark each word anywhere in a headline (the
    "United" of "United Nations" for "United States officials"), and without the tiers but the quoted phrases'.
    `counting`: the same articles for a count that scores none, the near spellings matched as listed instead of by
    the fuzzy query that scores them (which expands each word again: a did_you_mean count took 9 ms p50 with it, 3
    without; news-dev misspellings, session 19).

    `scored_words` are the content words to score, most informative first (default: content_words(parsed)); at most
    MAX_SCORED_WORDS of them are used. `typo_words`: the words to expand to their near spellings, each with the nearest
    known word when the archive does not know it (scored as if typed, and counted as the word in the near tier), and
    `near_spellings` what each expands to (read_near_spellings; a word without them matches only as typed and as that
    nearest word). `widened`: the words of the first OR-group that also match their near spellings in a short query
    (search.widened_alternatives: those no article holds). `apart`: the joined words no article holds, also searched
    as their parts (joined_parts; search.probe_search asks which; a respelt one as its spelling's). `spelt_near`:
    the near spellings (read_near_spellings) of the spellings respelt words are searched as, by spelling, when the
    search widens them as it would the spelling typed (search._spelt_widened): each matches them as that word typed
    does (scored_spellings). Nothing is required: articles holding every quoted phrase, and for a short query every
    word (within a typo for `typo_words`), rank first.
    """
    must_not = exclusions(parsed, ranking)
    words = list(scored_words if scored_words is not None else content_words(parsed))[:MAX_SCORED_WORDS]
    plain = [w for w in words if not is_joined(w)]
    joined = [w for w in words if is_joined(w)]
    groups = alternative_groups(parsed)
    synonym_alternatives = _synonym_alternatives(groups)
    # The first group's words may get typo tolerance in a short query (one group: its expansions stay within budget).
    tolerant = widened if ranking.fuzzy and len(words) <= FUZZY_MAX_WORDS else ()
    held_apart = apart_parts(typo_words, apart)
    should: list[dict[str, Any]] = [
        _alternatives(
            group,
            ranking,
            synonym_alternatives,
            tolerant if i == 0 else (),
            capitals_typed(parsed),
            held_apart,
        )
        for i, group in enumerate(groups)
    ]
    counts = word_counts(parsed)
    should += [_joined_scored(word, ranking, _weight(counts, word)) for word in joined]
    should += [clause for word in words for clause in _code(word, _weight(counts, word))]
    # A word with synonyms is scored on its own, so that its alternatives never combine with another word's (the
    # engine would expand every path through them); the others together, grouped by how often they were typed.
    with_synonyms = [w for w in plain if has_synonyms(w)][:MAX_SYNONYM_UNITS]
    should += [
        _scored(word, ranking, _weight(counts, word), synonyms=True, closed=True, phrase=" " in word)
        for word in with_synonyms
    ]
    # An abbreviation in a query a reader types is scored as typed or in its other spelling (`I.B.M.` and `ibm`, `IBM`
    # and `i.b.m`), whichever an article holds better, as a joined word is; a pasted paragraph's (`e.g.`, `i.e.`) as
    # written, and so are capitals in a query all in capitals (a pasted headline's, TIME's judged queries), which say
    # nothing of an abbreviation.
    abbreviations = {word: form for word, form in typed_abbreviations(parsed).items() if word in plain}
    # A dotted abbreviation typed (`B.B.C.`, `F.A.`): its closed-up form, which most articles and headlines write.
    dotted = {word: other for word, other in abbreviations.items() if abbreviation_closed_up(word) is not None}
    for word, other in abbreviations.items():
        forms = [_scored(form, ranking, _weight(counts, word), closed=True) for form in (word, other)]
        should.append({"dis_max": {"queries": forms}})
    by_count: dict[float, list[str]] = {}
    # A word no article holds, searched as its spelling (below), is not scored as typed: no article holds it as
    # written, but its stem may be another word's (`onlie`, read `online`, is stemmed as `only` is: `onlie gaming`
    # found 1,575 news-dev articles where `online gaming`, its altered_query, finds 565; session 33's review).
    fuzzy = ranking.fuzzy and len(words) <= FUZZY_MAX_WORDS
    spelt = _respelt(_expanded(plain, typo_words), joined, typo_words) if fuzzy else {}
    numbers = [word for word in plain if glued_number(word) and word not in spelt]
    should += [_scored(word, ranking, _weight(counts, word), phrase=True) for word in numbers]
    by_count_written: dict[float, list[str]] = {}
    for word in plain:
        if word not in with_synonyms and word not in abbreviations and word not in spelt and word not in numbers:
            group = by_count_written if read_as_written(word, ranking) else by_count
            group.setdefault(_weight(counts, word), []).append(word)
    should += [_scored(" ".join(same), ranking, weight, closed=True) for weight, same in sorted(by_count.items())]
    for weight, same in sorted(by_count_written.items()):
        forms_text = " ".join(form for word in same for form in written_forms(word, ranking))
        should.append(_scored(forms_text, ranking, weight, closed=True, written=True))
    # A glued word is also scored as its parts: `kerry.putin` finds the articles about Kerry and Putin, not only
    # those holding the glued token.
    # A glued word some part of which no article holds is scored as its respelling's parts (`oill.gass`: oil, gas).
    as_searched = as_read(plain, typo_words)
    parts = [part for word in as_searched for part in glued_parts(word)]
    # A joined word no article holds (`bush-blair`, `kerry/putin`) is searched as its parts too, as a glued word
    # is: it found nothing, where `kerry.putin` found 25 (session 23's review). Held, it is never searched so.
    # A respelt one as its spelling's parts (search._answer: `kery/putin`, read `kerry/putin`, which no article holds).
    glued = list(dict.fromkeys(part for part in parts if part not in plain))
    if glued:
        should.append(_scored(" ".join(glued[:MAX_GLUED_PARTS]), ranking, GLUED_PARTS_WEIGHT))
    # Two words typed apart that articles write together (closed_pairs), a short query's: also that word, as the two
    # would count (`play station` scores PlayStation as `play` and `station`).
    if len(words) <= COMPLETE_MATCH_MAX_WORDS:
        should += [_scored(together, ranking, 1.0) for together in closed_pairs(parsed, plain)]
    # Its parts count as the words typed apart would: its phrase scores nothing. At half a word (as a glued token's
    # parts), `kerry/putin iraq` ranked 21 of the 25 news-dev articles `kerry/putin` finds below the 116 holding
    # `iraq` alone, where `kerry putin iraq` ranks them from the first (session 32's review).
    separate = [part for word in joined if word in apart for part in joined_parts(typo_words.get(word) or word)]
    separate = list(dict.fromkeys(part for part in separate if part not in plain and part not in glued))
    if separate:
        should.append(_scored(" ".join(separate[:MAX_GLUED_PARTS]), ranking, 1.0))
    if not should and not spelt:
        # Only exclusions: everything else. Nothing searchable at all ("?", an emoji): nothing, as for any word no
        # article holds.
        return {"bool": {"must": [{"match_all": {}}], "must_not": must_not}} if must_not else {"match_none": {}}
    if phrases := every_phrase(parsed, ranking.synonyms):
        # Quoted phrases rank the articles holding them first; a paste whose quotes no article holds still answers.
        should.append(_tier(TIER_PHRASES, phrases, COMPLETE_MATCH_BOOST))
    elif ranking.complete_match_first and (typed := stopword_phrase(parsed, typo_words)) is not None:
        # A short query with stopwords as typed: a bonus, not the quoted phrases' tier (stopword_phrase); marked
        # whole where it is written.
        phrase = _phrase(typed, TEXT_FIELDS)
        if highlighting:
            should.append(phrase)
        elif stopwords_only(parsed):
            # Nothing else to weigh: the articles holding the phrase first, as quoted (`the who`: the band's).
            should.append(_tier(TIER_PHRASES, [phrase], COMPLETE_MATCH_BOOST))
        else:
            should.append({"constant_score": {"filter": phrase, "boost": TYPED_PHRASE_BOOST}})
    elif ranking.complete_match_first and (passage := passage_phrase(parsed)) is not None:
        # A typed or pasted passage: the articles holding it first; marked whole where it fits a snippet's fragment.
        phrase = _phrase(passage, TEXT_FIELDS)
        if not highlighting:
            should.append(_tier(TIER_PHRASES, [phrase], COMPLETE_MATCH_BOOST))
        elif len(passage) <= PASSAGE_MARKED_CHARS:
            should.append(phrase)
    # The headline typed whole; with its ` -SOURCE` too when pasted so (pasted_headline); its dotted abbreviations
    # closed up, as headlines write them (`B.B.C. One`: "BBC One").
    typed_as = [parsed.typed, pasted_headline(parsed), *(_abbreviated(parsed.typed, dotted=False) if dotted else [])]
    headlines = [_headline(text) for text in typed_as if text is not None]
    headlines += [by] if (by := byline_typed(parsed)) is not None else []
    if ranking.complete_match_first and not highlighting and len(parsed.typed) <= MAX_TITLE_CHARS:
        should.append(_tier(TIER_HEADLINE, [any_of(headlines)], HEADLINE_BOOST))
    short = len(words) <= COMPLETE_MATCH_MAX_WORDS
    # The complete and near tiers repeat the scored clauses as filters: the highlighter would read each term (and
    # expand each near spelling, at every article) again for nothing (typo-expanded pages: 142 -> 112 ms, ten news
    # articles; session 15).
    # A word no article holds counts as the spelling searched in its place (`kerry putn`, read as `kerry putin`,
    # ranks the articles holding kerry and putin first, as `kerry putin` does: session 26).
    read = as_read(words, typo_words)
    every = None if highlighting else complete_match(parsed, ranking, read, bool(typo_words), held_apart)
    if every is not None:
        should.append(_tier(TIER_COMPLETE, every, COMPLETE_MATCH_BOOST))
        if published := dates_published(parsed, read):
            should.append(_tier(TIER_DATED, every + published, COMPLETE_MATCH_BOOST))
    headline_first = ranking.complete_match_first and ranking.headline_first and not highlighting
    # Asked only of the articles found (`must`, below), as the as-typed tier: it never finds one. In the query's
    # `should`, a headline holding a held joined word's parts apart found its article (`kerry-putin` found "Kerry
    # meets Putin", which holds no Kerry-Putin; session 55's merge). A query typed with its stopwords (stopword_phrase)
    # is titled by a headline holding them too: read as its other words alone, `doctor who` ranked every "Doctor ..."
    # headline above the one article writing "Doctor Who", which the stopword phrase's bonus ranked first before the
    # tier (session 37's review; session 55's merge).
    as_typed: list[dict[str, Any]] = []
    if headline_first and short and read and not (groups or phrases):
        stops = [word for word in parsed.words if fold_as_index(word) in STOPWORDS]
        in_title = [*read, *dict.fromkeys(stops)] if stopword_phrase(parsed, typo_words) is not None else read
        as_typed.append(_tier(TIER_TITLED, titled(in_title, ranking), TITLED_BOOST))
    # A short query's joined words as typed rank before their closed-up forms alone, which may be other words
    # (`AT&T` ranked football line-ups' "Att: 50,430" above three AT&T articles: session 23's review). The tier
    # holds every article but those, so it is asked only of the articles found (`must`), never finds one.
    # Not a German word's: written with oe, ue, ae it is no other word (`schröder`: Schroeder, as much as Schroder).
    closed = [word for word in joined if closed_up(word) is not None]
    closed += [word for word in abbreviations if german_spelling(word) is None]
    if ranking.complete_match_first and short and closed and not highlighting:
        demoted = [_not_closed_up_only(word, ranking, abbreviations.get(word), word not in dotted) for word in closed]
        as_typed.append(_tier(TIER_AS_TYPED, demoted, AS_TYPED_BOOST))
    if ranking.fuzzy and len(words) <= FUZZY_MAX_WORDS:
        expanded = _expanded(plain, typo_words)
        respelt = _respelt(expanded, joined, typo_words)
        # The scores keep the engine's fuzzy query: its rewrite scores every spelling with the statistics of the
        # most frequent, where a term query gave a rare one the weight of a rare word (`harbour dredging` ranked
        # first an article holding neither word, only `harcourt`, once: session 17's review). Elsewhere (the near
        # tier, the highlights) the listed spellings match the same articles without expanding the word again.
        # A word no article holds gets no fuzzy query: it is searched as its spelling alone (below), what
        # `altered_query` says, and its other near spellings, which the reader did not mean, find an article only
        # in the near tier, with every other word (`kremier leage`, read `premier league`, no longer finds articles
        # holding `leave` alone). Misspelt MRR@10 0.850 -> 0.856 / 0.502 -> 0.501; the fuzzy query's walk of the
        # term dictionary was the dearest part of a misspelt search (session 27).
        searched = [word for word in expanded if word not in respelt]
        # A respelt word's spelling widened as the spelling typed is (its altered_query finds what it says: `herald of
        # fre enterprise`, read `herald of free enterprise`, found 414 news-dev articles where that finds 452, `free`
        # typed widened to `freed` and `freer`; session 56).
        spelt_held = {
            spelling: _fuzzy_held(spelling, spelt_near, ranking)
            for word, spelling in respelt.items()
            if word not in joined and spelling in spelt_near
        }
        if highlighting:
            # Marked is what each word was read as: a word no article holds as its spelling alone (scored below, what
            # altered_query says), one some article holds as typed and as what it may stand for (held_variants), as
            # the near tier of such a query reads it. Its other near spellings only score: `gordon bown`, read
            # `gordon brown`, marked `born` and `blown`; `wall street crash` `clash` and `steered` (session 37's
            # review).
            misspelt = any(typo_words.values())
            marked = {
                word: [] if word in respelt else read_within_typo(word, near_spellings.get(word, ()), misspelt)
                for word in expanded
            }
            marked |= {spelling: held_variants(spelling, spelt_near[spelling]) for spelling in spelt_held}
            should += [clause for near in marked.values() for clause in _near(near)]
            # The body is highlighted in its stemmed form alone (search._highlight): its marked near spellings are
            # marked there as words of that form, where an article found by `government` for `goverment` showed an
            # unmarked snippet (29 of a page of 50; session 23's review).
            should += [
                {"match": {"body": {"query": " ".join(terms), "analyzer": PLAIN_ANALYZER}}}
                for near in marked.values()
                if (terms := [n.term for n in near if n.field == EXACT_BODY_FIELD])
            ]
        elif counting:
            should += [clause for word in searched for clause in _near(_fuzzy_held(word, near_spellings, ranking))]
            should += [clause for near in spelt_held.values() for clause in _near(near)]
        else:
            held = {word: _fuzzy_held(word, near_spellings, ranking) for word in searched} | spelt_held
            should += [_fuzzy(field, word, held[word]) for word in [*searched, *spelt_held] for field in FUZZY_FIELDS]
        # A word no article holds is not scored as typed (above): its nearest known word is scored in its place. A
        # joined word no article holds (`O'Sulivan`, `wal-mrat`) is searched as its respelling too: it has no near
        # spellings of its own (one engine token each part), and found nothing (session 21's review).
        should += [
            _joined_scored(spelling, ranking, _weight(counts, word))
            if word in joined and is_joined(spelling)
            else _scored(spelling, ranking, _weight(counts, word))
            for word, spelling in respelt.items()
        ]
        every_near = (
            None if highlighting else _near_match(parsed, ranking, words, typo_words, near_spellings, spelt_near)
        )
        if every_near is not None:
            # Next come the articles holding every word, some of them within a typo or two.
            should.append(_tier(TIER_NEAR, every_near, NEAR_MATCH_BOOST))
    if 1 < len(plain) <= TITLE_BONUS_MAX_WORDS and not highlighting:
        # As read too (as_searched): the complete tier counts a respelt word as its spelling, and within the tier the
        # headline holding every word as read must rank as it does for the words typed so. Scored as typed, `show
        # hegalds` (read `show heralds`) ranked an article holding `shows` and `heralds` in its body before `Gadget
        # show heralds MP3 Christmas`, first for `show heralds` (session 26's review).
        # A dotted abbreviation's headline holds it dotted or closed up (`F.A. cup`: "Yeading face Newcastle in FA
        # Cup", first for `FA cup`, was 4th: session 52's review).
        texts = dict.fromkeys([" ".join(as_searched), " ".join(dotted.get(word, word) for word in as_searched)])
        title = {"operator": "and", "boost": TITLE_ALL_WORDS_BOOST, "analyzer": PLAIN_ANALYZER}
        should.append(_best_of([{"match": {"title": {"query": text, **title}}} for text in texts]))
        phrase = {"slop": 1, "boost": TITLE_PHRASE_BOOST, "analyzer": PLAIN_ANALYZER}
        should.append(_best_of([{"match_phrase": {"title": {"query": text, **phrase}}} for text in texts]))
    if words and len(words) <= TITLE_BONUS_MAX_WORDS:
        # A byline holds each word as written, as a part of its joined word or as that word closed up.
        byline_fields = (BYLINE_PARTS_FIELD, BYLINE_CLOSED_FIELD)
        in_byline = [
            {
                "dis_max": {
                    "queries": [{"match": {field: {"query": word, "operator": "and"}}} for field in byline_fields]
                }
            }
            for word in words
        ]
        should.append({"bool": {"must": in_byline, "boost": BYLINE_BOOST}})
        should.append(_tagged(" ".join(words), *words, boost=TAG_BOOST))
    query = {"bool": {"should": should, "minimum_should_match": 1, "must_not": must_not}}
    return {"bool": {"must": [query], "should": as_typed}} if as_typed else query


def titled(words: Sequence[str], ranking: Ranking) -> list[dict[str, Any]]:
    """The clauses an article matches when its headline or its tags hold every word (TIER_TITLED), each word in one
    of them, stemmed as the headline's scored form is: the editor's words for what the article is about. Before
    session 54 they only scored, and a body repeating a word outweighed them by any margin: the engine weighs a word
    by how often the articles holding it repeat it (DFR's Bernoulli after-effect, index_mapping.TEXT_SIMILARITY), so
    one body saying `Kingsport` 6,000 times made every body's `Kingsport` 200 times a headline's, and a reader's
    `kingsport` ranked the one article whose headline and tag hold it 7th of 8, the stuffed body first. A word
    matched as written (read_as_written) is so in the headline too: stemmed there, the tier found articles the
    search did not (session 55: `federated` as typed 3 -> 11 with Federer headlines, `mani` "... MANY ...")."""
    headline = {"operator": "and", "analyzer": PLAIN_ANALYZER}

    def in_headline(word: str) -> dict[str, Any]:
        if read_as_written(word, ranking):
            forms = written_forms(word, ranking)
            return any_of([{"match": {"title.exact": {"query": form, "operator": "and"}}} for form in forms])
        return {"match": {"title": {"query": word, **headline}}}

    return [any_of([in_headline(word), _tagged(word)]) for word in words]


def as_read(words: Sequence[str], typo_words: Mapping[str, str | None]) -> list[str]:
    """The words as a search reads them: one respelt (`typo_words`, a word no article holds) as its spelling, the
    others as typed (session 26: the complete matches, the headline bonus and a date order's every-word filter)."""
    return [typo_words.get(word) or word for word in words]


def _expanded(plain: Sequence[str], typo_words: Mapping[str, str | None]) -> list[str]:
    """The words (not joined) typo expansion matches within a typo: typo_words' of MIN_FUZZY_CHARS or more, and a
    shorter one read as another spelling (search._short_words), which is searched as that spelling alone."""
    return [word for word in plain if word in typo_words and (len(word) >= MIN_FUZZY_CHARS or typo_words[word])]


def _respelt(expanded: Sequence[str], joined: Sequence[str], typo_words: Mapping[str, str | None]) -> dict[str, str]:
    """The words typo expansion searches as another spelling too: an expanded word (_expanded) no article holds, as
    its nearest known word, and a joined word respelt."""
    return {word: spelling for word in [*expanded, *joined] if (spelling := typo_words.get(word)) and spelling != word}


def _near_match(
    parsed: ParsedQuery,
    ranking: Ranking,
    scored_words: Sequence[str],
    typo_words: Mapping[str, str | None],
    near_spellings: Mapping[str, Sequence[NearSpelling]],
    spelt_near: Mapping[str, Sequence[NearSpelling]] = MappingProxyType({}),
) -> list[dict[str, Any]] | None:
    """The clauses an article of a short query must all match to hold every word, some within a typo (the TIER_NEAR
    filter: each word as typed, or one of its near spellings, or the spelling searched in its place, and what that
    spelling may stand for when `spelt_near` lists it: text_query), or None when there is no such tier: typo
    tolerance or complete_match_first off, a long query, one word, or none expanded."""
    words = list(scored_words)[:MAX_SCORED_WORDS]
    short = len(words) <= min(COMPLETE_MATCH_MAX_WORDS, FUZZY_MAX_WORDS)
    if not (ranking.fuzzy and ranking.complete_match_first and short and len(words) > 1):
        return None
    expanded = _expanded([w for w in words if not is_joined(w)], typo_words)
    # Words every one of which an article holds (`british airways strike`, which no article holds all of) are no
    # reason to rank the articles holding any near spelling of each (`always`, `stricken`) above those holding most
    # of them: unless a word is in no article, a word is read within a typo only as what it may stand for
    # (held_variants: `schroder` as `schroeder`, `enviroment` as `environment`, not `airways` as `always`).
    misspelt = any(typo_words.values())
    near = {
        word: _near(spellings)
        for word in expanded
        if (spellings := read_within_typo(word, near_spellings.get(word, ()), misspelt))
    }
    for word, spelling in _respelt(expanded, [w for w in words if is_joined(w)], typo_words).items():
        variants = held_variants(spelling, spelt_near[spelling]) if spelling in spelt_near else []
        near[word] = [*near.get(word, []), _word_present(spelling, ranking), *_near(variants)]
    if not near:
        return None
    abbreviations = typed_abbreviations(parsed)
    quoted = _quoted_years(parsed)
    return [
        {
            "bool": {
                "should": [
                    _word_present(word, ranking, abbreviations.get(word), word not in quoted),
                    *near.get(word, []),
                ],
                "minimum_should_match": 1,
            }
        }
        for word in words
    ]


def typed_abbreviations(parsed: ParsedQuery) -> dict[str, str]:
    """The abbreviations of a query a reader types, keyed as query_units keys its words, each with the other spelling
    it is searched in too (abbreviation_form: `i.b.m` -> `ibm`, `ibm` -> `i.b.m` for `IBM`); none in a pasted
    paragraph (`e.g.`, `i.e.`). Capitals are no abbreviation in a query of several words all in capitals (a pasted
    headline, TIME's judged queries), where they say nothing of one. A quoted phrase's words as the others (session
    24's review: `"EF Hutton"` by date listed the 2 news-dev articles writing EF Hutton, `EF Hutton` lists 30)."""
    if not parsed.typed_by_reader:
        return {}
    dotted = capitals_typed(parsed)
    forms: dict[str, str] = {}
    for unit in parsed.required:
        if len(unit.alternatives) == 1:
            for raw in unit.alternatives[0].words:
                # A German word is searched in English copy's spelling too, as an abbreviation is (abbreviation_form).
                form = abbreviation_closed_up(raw) or (abbreviation_dotted(raw) if dotted else None)
                form = form or german_spelling(_unit_word(raw))
                if form and (word := without_possessive(_unit_word(raw))):
                    forms.setdefault(word, form)
    return forms


def typed_in_capitals(parsed: ParsedQuery) -> frozenset[str]:
    """The words of a query a reader types that are typed in capitals (two letters to MAX_NAME_IN_CAPITALS; keyed
    as query_units keys them) where capitals may be an abbreviation (capitals_typed): a name typed as such (`EADS
    chief`), which no typo rule reads as a common word one edit away (session 43's review: `EADS chief` was
    offered `ENDS chief`, and the articles holding `ends` and `chief` ranked above the EADS article)."""
    if not parsed.typed_by_reader or not capitals_typed(parsed):
        return frozenset()
    return frozenset(
        word
        for unit in parsed.required
        if len(unit.alternatives) == 1
        for raw in unit.alternatives[0].words
        if _in_capitals(without_possessive(raw)) and (word := without_possessive(_unit_word(raw)))
    )


def _in_capitals(typed: str) -> bool:
    return 1 < sum(c.isalpha() for c in typed) <= MAX_NAME_IN_CAPITALS and typed.isupper()


# A name typed in capitals is an initialism or a short name (`EADS`, `BASF`, `ASEAN`); a longer word in capitals is
# as likely a word typed with caps lock on, its typo read as any other (`GOVERMENT` is offered `GOVERNMENT`;
# `ANALSYTS`, `SPOKEMAN` were searched as typed under the first form: session 43's second review).
MAX_NAME_IN_CAPITALS = 5


def quoted_phrases(parsed: ParsedQuery) -> list[str]:
    """The quoted phrases a matching article ranks first for holding (not an OR-group's), as typed within their
    quotes: at most MAX_PHRASES, in the order of every_phrase's clauses."""
    return [
        unit.alternatives[0].text
        for unit in parsed.required
        if len(unit.alternatives) == 1 and unit.alternatives[0].phrase
    ][:MAX_PHRASES]


def every_phrase(parsed: ParsedQuery, synonyms: bool = False) -> list[dict[str, Any]]:
    """One clause for each quoted phrase of the query (at most MAX_PHRASES), which an article holding the phrase
    matches: in either spelling of its abbreviations (`"EF Hutton"` holds E.F. Hutton), as a code in either (`"F16
    ..."`), a synonym name through its synonyms when `synonyms` (Ranking.synonyms: `"united nations"` holds UN, as
    `"UN"` holds United Nations; by date it listed 29 news-dev articles, by relevance 61: session 32's review). The
    TIER_PHRASES filter, and what a search sorted by date lists when some article holds them all."""
    phrases = quoted_phrases(parsed)
    dotted = capitals_typed(parsed)
    spelt = {text: _abbreviated(text, dotted) if parsed.typed_by_reader else [] for text in phrases}
    named = {text: synonyms and has_synonyms(fold_as_index(text)) for text in phrases}
    return [
        any_of([_phrase(form, TEXT_FIELDS, synonyms=named[text]) for form in (text, *spelt[text])] + _code(text))
        for text in phrases
    ]


def stopword_phrase(parsed: ParsedQuery, typo_words: Mapping[str, str | None] = MappingProxyType({})) -> str | None:
    """A short query a reader typed with stopwords among its words, as the phrase it may be (`bank of england`,
    `doctor who`, `chelsea vs arsenal`, `the man who`): the articles holding it as typed score TYPED_PHRASE_BOOST
    more. Its stopwords are neither required nor scored, so `doctor who` was read `doctor` and news-dev's one article
    writing "Doctor Who" ranked 8th (session 37). A query of stopwords only (`the who`, `to be or not to be`: up to
    TITLE_BONUS_MAX_WORDS words), which holds no other word to weigh, is that phrase first (stopwords_only). None
    without stopwords, with a quoted phrase or an OR, pasted, or of more than COMPLETE_MATCH_MAX_WORDS words.
    A word no article holds is its spelling searched in its place (`typo_words`, as_read): `docter who`, read
    `doctor who`, ranked that article 8th, the phrase as typed held by none (session 40)."""
    if not parsed.typed_by_reader or len(parsed.words) < 2:
        return None
    if not _ungrouped(parsed):
        return None
    if not any(fold_as_index(word) in STOPWORDS for word in parsed.words):
        return None
    longest = TITLE_BONUS_MAX_WORDS if stopwords_only(parsed) else COMPLETE_MATCH_MAX_WORDS
    if len(parsed.words) > longest:
        return None
    return " ".join(typo_words.get(without_possessive(_unit_word(word))) or word for word in parsed.words)


def passage_phrase(parsed: ParsedQuery) -> str | None:
    """A query of more content words than COMPLETE_MATCH_MAX_WORDS (too many for the complete-match tier) and at most
    PASSAGE_MAX_WORDS words, typed or pasted, as the passage of an article it may be: the articles holding its words
    in the order typed, stopwords included, rank first (the quoted phrases' tier). A reader pasting a sentence from
    an article lost it among the articles on its topic: `said cut backs in Japanese computer chip production are
    aiding U.S. chip` did not list news-dev's reuters21578-15530, which holds it, in the first 10 (session 39).
    Fewer content words are a topic said as a phrase: counted by all its words (5 and more), a reviewer's `the rise in
    oil prices`, `fall in the value of the dollar` listed first the articles using the phrase once in passing, as
    session 38's stopword phrases had as a tier. Exclusions aside (the words typed); None beside quotes or OR (the
    reader said which words go together). The passage is the text typed (ParsedQuery.typed), exclusions aside."""
    # Counted as typed: the words read are cut to the engine's budget (a paste of 33 words reads 32).
    if len(content_words(parsed)) <= COMPLETE_MATCH_MAX_WORDS or len(parsed.typed.split()) > PASSAGE_MAX_WORDS:
        return None
    if stopwords_only(parsed):
        return None
    if not _ungrouped(parsed):
        return None
    # As typed, not as read: `us` among lower-case words is read `U.S`, which no text writing "let us hope" holds
    # (session 39's third review: such a paste got no tier).
    return " ".join(parsed.typed.split())


def _ungrouped(parsed: ParsedQuery) -> bool:
    """Whether no quotes or OR say which of the query's words go together (stopword_phrase, passage_phrase)."""
    return not any(len(unit.alternatives) != 1 or unit.alternatives[0].phrase for unit in parsed.required)


def stopwords_only(parsed: ParsedQuery) -> bool:
    """Whether every word of the query is a stopword (`the who`): searched as typed, each word then found anywhere in
    nearly every article (news-dev's 3,698 for `the who`, nothing about the band on the first page)."""
    return bool(parsed.words) and all(fold_as_index(word) in STOPWORDS for word in parsed.words)


def complete_match(
    parsed: ParsedQuery,
    ranking: Ranking,
    scored_words: Sequence[str],
    expanded: bool = False,
    parts: Mapping[str, Sequence[str]] = MappingProxyType({}),
) -> list[dict[str, Any]] | None:
    """The clauses an article of a short query must all match to hold every word (the TIER_COMPLETE filter), or None
    when there is no such tier: a long query, complete_match_first off, or one word not `expanded` to its near
    spellings (every match holds it then; expanded, the articles holding it as typed rank before those holding a
    near spelling: `Yukas` in one headline before the many `Yukos` bodies) and no year (_published_in). `parts`:
    the joined words no article holds (apart_parts), each held as its parts, as it is searched."""
    words = list(scored_words)[:MAX_SCORED_WORDS]
    groups = alternative_groups(parsed)
    quoted = _quoted_years(parsed)
    # A date typed is held as one (_date_held), its words not each on their own.
    dates = _typed_dates(parsed, words)
    dated_words = {word for date in dates for word in date.words}
    # A glued word is held as its parts (`oil.prices`: oil and prices): sorted by date, it listed the 1,128 news-dev
    # articles holding either, where `oil prices` lists the 298 holding both (session 45). Not a joined one
    # (`u.s.-japan`), whose parts are held adjacent.
    held = [
        part
        for word in words
        if word not in dated_words
        for part in parts.get(word) or (glued_parts(word) if not is_joined(word) else []) or [word]
    ]
    # A name of several words with no synonym (`south america`: query_units keeps it one unit) is several words too.
    several = len(held) + len(dates) + len(groups) > 1 or any(
        tuple(word.split()) in _SYNONYM_FREE_TERMS for word in held
    )
    # A year alone is held by the articles published in it, which its scored clauses do not match (`1987` found the
    # 456 news-dev articles writing it, not the 1,573 published in 1987: session 53's attack report); a date too.
    dated = bool(dates) or any(YEAR.fullmatch(word) and word not in quoted for word in held)
    if not (ranking.complete_match_first and len(words) <= COMPLETE_MATCH_MAX_WORDS and (several or expanded or dated)):
        return None
    # More than a short query's words of MAX_GLUED_PARTS parts each: no tier, as for a long query (held every one, four
    # words of 16 parts passed the engine's 1,024 clauses, a 503; held the first parts only, the tier ranked and listed
    # articles lacking the others: session 46's reviews).
    if len(held) > COMPLETE_MATCH_MAX_WORDS * MAX_GLUED_PARTS:
        return None
    synonym_alternatives = _synonym_alternatives(groups)
    abbreviations = typed_abbreviations(parsed)
    present = {word: _word_present(word, ranking, abbreviations.get(word), word not in quoted) for word in held}
    present |= {" ".join(date.words): _date_held(date, ranking) for date in dates}
    # Two words typed apart are held written together too (closed_pairs: `play station`, PlayStation).
    for together, (first, second) in closed_pairs(parsed, held).items():
        if first not in present or second not in present:  # a pair typed twice (`bid tax bid tax`) is held once
            continue
        both = {"bool": {"must": [present.pop(first), present.pop(second)]}}
        present[together] = any_of([both, _word_present(together, ranking)])
    return list(present.values()) + [
        _alternatives(group, ranking, synonym_alternatives, dotted=capitals_typed(parsed), apart=parts, every=True)
        for group in groups
    ]


def apart_parts(typo_words: Mapping[str, str | None], apart: Collection[str]) -> dict[str, list[str]]:
    """The parts of each joined word no article holds (`apart`, searched as its parts), keyed as the word is read
    (as_read: a respelt one as its spelling): what an article holds to hold it, for complete_match. Held whole, no
    article held every word of `kerry/putin iraq`, and the 25 news-dev articles about Kerry and Putin ranked below
    the 116 holding `iraq` alone, 21 of them from the 115th (session 32's review); sorted by date, `nato-led` listed
    the 281 articles holding either part, where `nato led` lists 1."""
    return {read: parts for word in apart if (parts := joined_parts(read := typo_words.get(word) or word))}


def _weight(counts: Counter[str], word: str) -> float:
    return float(min(counts[word], MAX_QUERY_TERM_WEIGHT))


def with_freshness(query: dict[str, Any], ranking: Ranking) -> dict[str, Any]:
    if ranking.freshness_weight <= 0:
        return query
    return {
        "function_score": {
            "query": query,
            "functions": [
                {"weight": 1},
                {
                    "filter": {"exists": {"field": "published"}},
                    "gauss": {"published": {"origin": "now", "scale": f"{FRESHNESS_SCALE_DAYS}d", "decay": 0.5}},
                    "weight": ranking.freshness_weight,
                },
            ],
            "score_mode": "sum",
            "boost_mode": "multiply",
        }
    }
