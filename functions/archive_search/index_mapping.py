"""The index's settings and mappings, and the document stored for each article."""

from __future__ import annotations

import base64
import unicodedata
from typing import Any

from archive_search.models import Article

MAPPING_VERSION = 20

# The characters that join the parts of a word (O'Neill, anti-war, AT&T, 24/7), each with the look-alikes that
# keyboards, word processors and pastes put in their place: quotation marks, primes, modifier letters and accents
# typed for an apostrophe; every Unicode hyphen (dash punctuation named HYPHEN), the en and figure dashes and the
# minus signs; full-width, small and turned forms; fraction, division and big solidus slashes. Both the index's
# analyzers and the query parser (query_parser.fold_query_text) read them as the ASCII joiner, so a word matches
# however its joiner was typed. Em dashes are left out: between words they separate clauses ("talks—which
# began"), not the parts of one word.
JOINER_VARIANTS = {
    "'": "\u2018\u2019\u201b\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u02ca\u02cb\u02ee\u00b4\u0060\u2032\u2035"
    "\u055a\u05f3\u1fbd\u1fbf\u0384\ua78b\ua78c\u275b\u275c\uff07\uff40",
    "-": "\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2043\u2e17\u2e1a\u2e40\u2e5d\u30a0\ufe32\ufe63\uff0d"
    "\u2212\u02d7\u2052\u207b\u208b\u2796\U00010ead",
    "&": "\ufe60\uff06\u214b\U0001f670\U0001f671\U0001f672\U0001f673\U0001f674\U0001f675",
    "/": "\u2044\u2215\u27cb\u29f6\u29f8\u2571\u2afd\u1735\u0337\u0338\uff0f\U0001f67c",
}
# Subscript digits (`CO₂`, `H₂O`, as web pages and word processors write formulas) read as the digits they are, as
# Unicode's compatibility normalisation (NFKC) reads them: the standard tokenizer ends a word at them, so `CO₂` was
# the word `co` (session 47's attack: `CO₂ emissions` found 535 news-dev articles, a 1987 Volkswagen one first, where
# `CO2 emissions` finds 9). Not superscripts: after a word they are mostly footnote marks (`England²`), which glued
# on made `england2` (the session's second review: 1 article where `england` finds 290). Mapping 19.
DIGIT_FORMS = {chr(0x2080 + digit): str(digit) for digit in range(10)}
# A comma between digit groups (`10,000`, `1,500,000`) is no part of the number: the standard tokenizer kept
# `10,000` one token, so `10000 jobs` never found an article writing `10,000 jobs` (session 47's attack). Only a
# comma with a digit before it and exactly three after it: `2004,2005` and `3,5` stay as written. Mapping 20.
DIGIT_GROUP_PATTERN = r"(?<=\d),(?=\d{3}(?!\d))"
# Characters Unicode says to ignore when displaying text (Default_Ignorable_Code_Point, DerivedCoreProperties.txt of
# Unicode 15): soft hyphens (&shy;), zero-width spaces and joiners, direction marks, invisible operators, variation
# selectors, tag characters. The reader sees "antiwar" where an article holds "anti\u00adwar" or "anti\u200dwar";
# index and query drop them (the articles keep them as sent), so "antiwar" finds it and "anti" alone does not.
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
# Marks that only decorate a letter, which readers type without (or with) as they please: the combining diacritics
# NFC could not compose with their letter (Yoruba "Ọ̀yọ́", Vietnamese typed decomposed), Hebrew points and
# cantillation, Arabic harakat and the tatweel. Index and query drop them after asciifolding's reach, so "Oyo"
# finds "Ọ̀yọ́", "שלום" finds "שָׁלוֹם", "محمدا" finds "مُحَمَّدًا". Marks that make a letter (Devanagari vowel signs,
# viramas) are kept: they are part of the word's spelling.
DIACRITIC_RANGES = (
    (0x0300, 0x036F),
    (0x0591, 0x05BD),
    (0x05BF, 0x05BF),
    (0x05C1, 0x05C2),
    (0x05C4, 0x05C5),
    (0x05C7, 0x05C7),
    (0x0610, 0x061A),
    (0x0640, 0x0640),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
)


def _greek_base_letters() -> dict[str, str]:
    """Every Greek letter that is a base letter with marks (NFD), monotonic and polytonic: its base letter."""
    letters = {}
    for code in [*range(0x0370, 0x0400), *range(0x1F00, 0x2000)]:
        decomposed = unicodedata.normalize("NFD", chr(code))
        base, marks = decomposed[0], decomposed[1:]
        if marks and all(unicodedata.combining(mark) for mark in marks) and "GREEK" in unicodedata.name(base, ""):
            letters[chr(code)] = base
    return letters


# Greek accents are optional as the Latin ones are (asciifolding leaves Greek alone): Greek is written in capitals
# without them (ΑΘΗΝΑΣ) and in lower case with the tonos (Αθήνας), so index and query read every accented Greek
# letter (tonos, dialytika, the polytonic breathings) as its base letter and the final sigma as sigma, as the
# engine's Greek lower-casing does for the monotonic ones (Lucene GreekLowerCaseFilter).
GREEK_FOLDING = {**_greek_base_letters(), "\u03c2": "\u03c3"}
# The same ranges as the body of a Python regular expression's character class.
INVISIBLE_CLASS = "".join(f"{chr(low)}-{chr(high)}" for low, high in INVISIBLE_RANGES)


def _mapping_rule(character: str, replacement: str) -> str:
    # The mapping char filter reads \uXXXX escapes; a character beyond them is written as itself.
    return f"\\u{ord(character):04x} => {replacement}" if ord(character) < 0x10000 else f"{character} => {replacement}"


def _deleting(ranges: tuple[tuple[int, int], ...]) -> dict[str, Any]:
    """A char filter deleting every code point of ranges (inclusive pairs): a `mapping` one, a rule a code point.
    Not `pattern_replace` with a character class of the ranges (mapping 13 and before): the engine's regex tests
    the class at every character of a text, and the two such filters were half the time of highlighting a body
    (ten news-dev bodies, the plain highlighter: 24 ms with them, 12 with these, 11 with neither; session 15)."""
    rules = [_mapping_rule(chr(code), "") for low, high in ranges for code in range(low, high + 1)]
    return {"type": "mapping", "mappings": rules}


# "US" the country and "us" the pronoun are one token to a lower-casing analyzer, so searching for the country (or,
# through its synonyms, for "America") found every "let us" and "told us". Where the text around has lower-case
# letters, a capital "US" can only be the country: the index reads it as "U.S" (the `country_us` char filter,
# mapping 12). In text all in capitals (a wire headline, the TIME collection of 1963) it is as often the pronoun
# ("HELP US"): there the index holds both readings at its position (`all_caps_us`), so a search for the country
# and a quoted pronoun each find it. The query reads every capital "US" as the country (query_parser).
US_CONTEXT_CHARS = 40
# The literal first: the engine's regex then tests the word boundary only where "US" stands, not at every character
# (the char filter's cost on TIME's 80 longest bodies: +60 ms with the boundary first, +20 ms so; base 480 ms).
COUNTRY_US_PATTERN = (
    r"US(?<![\p{L}\p{N}_]US)(?![\p{L}\p{N}_])"
    rf"(?:(?<=\p{{Ll}}[^\n]{{0,{US_CONTEXT_CHARS}}}US)|(?=[^\n]{{0,{US_CONTEXT_CHARS}}}\p{{Ll}}))"
)

# Synonyms apply at search time only, so the list can change without a reindex. "us" is no synonym of the country:
# the index reads the country's "US" as "U.S" (COUNTRY_US_PATTERN) and keeps "us" for the pronoun.
SYNONYMS = [
    "u.s., usa, u.s.a., united states, united states of america, america",
    "uk, u.k., united kingdom, britain, great britain",
    "un, u.n., united nations",
    "eu, e.u., european union",
    "nato, north atlantic treaty organization",
]
# Names that hold a synonym's word and mean something else: `South America` is not the U.S. Each is a rule of its own
# (`south america => south america`), which the synonym filter, matching the longest rule first, reads whole, so its
# `america` is no synonym there (session 47's attack: `South America` found 1,788 news-dev articles, South Korea's
# and the U.S.'s first, 1 of the first ten about South America). relevance.query_units keeps each one unit: no name
# with a stopword (`bank of america`, one unit, was scored word by word and listed 3,683 of 3,698 articles: the
# session's second review). Mapping 19.
SYNONYM_FREE_NAMES = ("south america", "latin america", "central america", "north america")
SYNONYM_RULES = [*SYNONYMS, *(f"{name} => {name}" for name in SYNONYM_FREE_NAMES)]

# Whole-title prefixes ("brown na" -> "Brown names 16 March for Budget") for as-you-type suggestions:
# punctuation becomes a space, so "U.S. st" and "O'Driscoll/Gregan le" match as typed.
TITLE_START_CHARS = 40
# Each title word is matched letter by letter up to this length (the longest words in English dictionaries have
# 45 letters), so a typed word that parts from a long title word late ("Antidisestablishmentarixx") no longer
# matches it; typed text beyond it is cut. Only words this long cost index space.
MAX_WORD_PREFIX = 50

# The char filters every analyzer and normaliser reads text through first, as query_parser.fold_query_text reads a
# query: invisible characters and stray accents out, Greek accents folded, joiner look-alikes and digit forms read,
# digit groups closed up.
_FOLDING = ["invisible", "diacritics", "greek", "joiners", "digit_forms", "digit_groups"]
_TEXT = {"type": "text", "analyzer": "article_text", "search_analyzer": "article_text_search"}
# Every text field is scored by divergence from randomness (In, Bernoulli after-effect, H2 normalisation:
# Amati and van Rijsbergen, TOIS 2002) instead of BM25 or Dirichlet smoothing: on the real test collections it
# beat both on every collection (docs/search.md), and it has no parameter to tune beyond H2's c = 1.
TEXT_SIMILARITY = {"type": "DFR", "basic_model": "in", "after_effect": "b", "normalization": "h2"}
# The exact fields also index the parts of words joined by punctuation or digits, beside the word itself:
# O'Neill -> o'neill, o, neill; <SEHL.L> -> sehl.l, sehl, l; 10.04secs -> 10.04secs, 10, 04, secs; and the
# possessive is dropped (Poliakoff's -> poliakoff), so a reader's "neill" or a misspelt "poliakof" finds them.
# The stemmed fields keep whole words: split parts shift positions, which would break phrase queries there.
_EXACT = {"type": "text", "analyzer": "exact_word_parts", "search_analyzer": "exact_words"}
# Letters joined by `-`, `&`, `/` or an apostrophe that is no possessive's (`O'Neill's` is `O'Neill`, `Blair's`
# nothing). Not `.`: it joins abbreviations (`U.S.` would be `us`) and glued words, searched as their parts.
JOINED_WORD_PATTERN = r"\p{L}[\p{L}\p{M}]*+(?:(?:[-&/]|'(?![sS]\b))\p{L}[\p{L}\p{M}]*+)+"
# Stemmed as the body is (mapping 14): `email` finds "e-mails" and `emails` "e-mail", as each finds the other closed up.
_CLOSED = {"type": "text", "analyzer": "closed_joined", "search_analyzer": "article_text", "index_options": "freqs"}
# The body's, with term vectors (mapping 17): the fast vector highlighter marks a joined word found closed up in the
# body's own fragments (`matched_fields`), where `walmart` left the snippet unmarked; the field holds the joined words
# only, so its vectors are small.
_CLOSED_BODY = {**_CLOSED, "term_vector": "with_positions_offsets"}
# Thai is written without spaces between words: the standard tokenizer keeps a run of Thai as one token, so a word
# inside a sentence was unfindable. The engine's `thai` tokenizer splits Thai into words (the JDK's dictionary
# break iterator; it splits no other unspaced script: Lao, Khmer and Myanmar need ICU, which this engine build
# lacks). The Thai fields hold the Thai words only (everything else is blanked first), so an archive without Thai
# pays nothing for them (mapping 11).
THAI_RANGE = "\u0e00-\u0e7f"
_THAI = {"type": "text", "analyzer": "thai_words"}
AUTO_EXPAND_REPLICAS = "0-1"
INDEX_SETTINGS: dict[str, Any] = {
    "settings": {
        "index": {
            # One shard holds a million articles comfortably. Replicas follow the domain (the engine's own
            # rule): none on a single data node, one copy on another node as soon as there are two or more.
            "number_of_shards": 1,
            "auto_expand_replicas": AUTO_EXPAND_REPLICAS,
            "refresh_interval": "1s",
            "max_ngram_diff": 50,
            "similarity": {
                "default": TEXT_SIMILARITY,
            },
        },
        "analysis": {
            "char_filter": {
                "invisible": _deleting(INVISIBLE_RANGES),
                "diacritics": _deleting(DIACRITIC_RANGES),
                "greek": {
                    "type": "mapping",
                    "mappings": [_mapping_rule(letter, base) for letter, base in GREEK_FOLDING.items()],
                },
                "joiners": {
                    "type": "mapping",
                    "mappings": [
                        _mapping_rule(variant, joiner)
                        for joiner, variants in JOINER_VARIANTS.items()
                        for variant in variants
                    ],
                },
                "digit_forms": {
                    "type": "mapping",
                    "mappings": [_mapping_rule(form, digit) for form, digit in DIGIT_FORMS.items()],
                },
                "digit_groups": {"type": "pattern_replace", "pattern": DIGIT_GROUP_PATTERN, "replacement": ""},
                "country_us": {"type": "pattern_replace", "pattern": COUNTRY_US_PATTERN, "replacement": "U.S"},
                "not_thai": {"type": "pattern_replace", "pattern": f"[^{THAI_RANGE}]+", "replacement": " "},
                # Marks are part of their letter (a vowel sign is no punctuation): "मोदी" stays one word.
                "punctuation_to_space": {
                    "type": "pattern_replace",
                    "pattern": "[^\\p{L}\\p{N}\\p{M}]+",
                    "replacement": " ",
                },
            },
            "tokenizer": {
                # Only the words joined by `-`, `'`, `&` or `/` (a possessive's `'s` joins nothing): what
                # `closed_joined` reads.
                "joined_words": {"type": "pattern", "pattern": JOINED_WORD_PATTERN, "group": 0},
            },
            "filter": {
                "no_joiners": {"type": "pattern_replace", "pattern": "[-'&/]", "replacement": "", "all": True},
                "english_possessive": {"type": "stemmer", "language": "possessive_english"},
                "word_parts": {
                    "type": "word_delimiter_graph",
                    "preserve_original": True,
                    "split_on_case_change": False,
                    "adjust_offsets": False,
                },
                "english_stemmer": {"type": "stemmer", "language": "porter2"},
                # A capital "US" the country_us char filter left (text all in capitals): also "U.S", same position.
                # A synonym rule, not a multiplexer: the same tokens at a fifth of the cost (TIME's 80 longest
                # bodies: +20 ms against +115 ms, on 480 ms), which the highlighter pays again on every page.
                "all_caps_us": {"type": "synonym", "synonyms": ["US => US, U.S"]},
                # A tag is a label, never a pronoun: "US" or "us" there is the country (the query's reading of
                # the country is "U.S"; a quoted pronoun stays "us" and does not match it).
                "tag_country": {"type": "pattern_replace", "pattern": "^us$", "replacement": "u.s"},
                "news_synonyms": {"type": "synonym_graph", "synonyms": SYNONYM_RULES, "lenient": True},
                "word_prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": MAX_WORD_PREFIX},
                "title_prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": TITLE_START_CHARS},
                # What is typed beyond the longest indexed prefix is cut at search time, so a title keeps being
                # found as the reader types a long word (or the whole title) to its end.
                "word_prefix_cut": {"type": "truncate", "length": MAX_WORD_PREFIX},
                "title_start_cut": {"type": "truncate", "length": TITLE_START_CHARS},
            },
            "analyzer": {
                "thai_words": {
                    "char_filter": [*_FOLDING, "not_thai"],
                    "tokenizer": "thai",
                },
                "article_text": {
                    "char_filter": [*_FOLDING, "country_us"],
                    "tokenizer": "standard",
                    "filter": ["english_possessive", "all_caps_us", "lowercase", "asciifolding", "english_stemmer"],
                },
                "article_text_search": {
                    "char_filter": [*_FOLDING],
                    "tokenizer": "standard",
                    "filter": [
                        "english_possessive",
                        "lowercase",
                        "asciifolding",
                        "news_synonyms",
                        "english_stemmer",
                    ],
                },
                # A joined word closed up (Wal-Mart: walmart; e-mail: email; O'Neill's: oneill), so that the
                # reader who types it so finds it (mapping 13). The field holds nothing else.
                "closed_joined": {
                    "char_filter": [*_FOLDING],
                    "tokenizer": "joined_words",
                    "filter": ["lowercase", "asciifolding", "no_joiners", "english_stemmer"],
                },
                "tag_words": {
                    "char_filter": [*_FOLDING],
                    "tokenizer": "standard",
                    "filter": ["english_possessive", "lowercase", "asciifolding", "tag_country"],
                },
                "exact_words": {
                    "char_filter": [*_FOLDING],
                    "tokenizer": "standard",
                    "filter": ["english_possessive", "lowercase", "asciifolding"],
                },
                "exact_word_parts": {
                    "char_filter": [*_FOLDING, "country_us"],
                    "tokenizer": "standard",
                    # all_caps_us before the word parts: its rule is read by the filters before it, and the word
                    # parts would split its "U.S".
                    "filter": [
                        "english_possessive",
                        "all_caps_us",
                        "word_parts",
                        "flatten_graph",
                        "lowercase",
                        "asciifolding",
                    ],
                },
                "word_prefixes": {
                    "char_filter": [*_FOLDING],
                    "tokenizer": "standard",
                    # The parts of joined words too (O'Neill: o'neill, o, neill), as the exact fields hold them.
                    "filter": ["word_parts", "flatten_graph", "lowercase", "asciifolding", "word_prefixes"],
                },
                "word_prefixes_search": {
                    "char_filter": [*_FOLDING],
                    "tokenizer": "standard",
                    "filter": ["english_possessive", "lowercase", "asciifolding", "word_prefix_cut"],
                },
                "title_start": {
                    "char_filter": [*_FOLDING, "punctuation_to_space"],
                    "tokenizer": "keyword",
                    "filter": ["lowercase", "asciifolding", "trim", "title_prefixes"],
                },
                "title_start_search": {
                    "char_filter": [*_FOLDING, "punctuation_to_space"],
                    "tokenizer": "keyword",
                    "filter": ["lowercase", "asciifolding", "trim", "title_start_cut"],
                },
            },
            "normalizer": {
                # A whole headline as one term, folded and with punctuation as a space: what a query typed as the
                # headline is compared with (relevance.HEADLINE_FIELD; mapping 13).
                "headline": {
                    "type": "custom",
                    "char_filter": [*_FOLDING, "punctuation_to_space"],
                    "filter": ["lowercase", "asciifolding", "trim"],
                },
                "folded": {
                    "type": "custom",
                    # Invisible characters and joiner look-alikes too (mapping 11): `business` + a zero-width space
                    # or `O'Neill` with a modifier-letter apostrophe (U+02BC) for `'` selected nothing.
                    "char_filter": [*_FOLDING],
                    "filter": ["lowercase", "asciifolding"],
                },
            },
        },
    },
    "mappings": {
        "dynamic": "strict",
        "_meta": {"mapping_version": MAPPING_VERSION},
        "properties": {
            "title": {
                **_TEXT,
                "fields": {
                    "exact": _EXACT,
                    "thai": _THAI,
                    "prefix": {"type": "text", "analyzer": "word_prefixes", "search_analyzer": "word_prefixes_search"},
                    "start": {"type": "text", "analyzer": "title_start", "search_analyzer": "title_start_search"},
                    "whole": {"type": "keyword", "normalizer": "headline"},
                    "closed": _CLOSED,
                },
            },
            "summary": {**_TEXT, "fields": {"exact": _EXACT, "thai": _THAI, "closed": _CLOSED}},
            # Term vectors with offsets (mapping 15): the page's snippets are cut by the fast vector highlighter
            # from what indexing analysed, not by analysing each body again (search.BODY_HIGHLIGHTER).
            "body": {
                **_TEXT,
                "term_vector": "with_positions_offsets",
                "fields": {"exact": _EXACT, "thai": _THAI, "closed": _CLOSED_BODY},
            },
            "author": {
                "type": "text",
                "analyzer": "exact_words",
                # keyword: as written (the facet's labels); folded: what the author filter and facet counts match.
                "fields": {
                    "keyword": {"type": "keyword", "ignore_above": 256},
                    "folded": {"type": "keyword", "normalizer": "folded"},
                    # A byline's joined words hold their parts too (O'Neill: o'neill, o, neill), as the text's
                    # exact fields do, so "Neill" finds the byline (mapping 12). Parts shift positions: phrases of
                    # several words are matched on the field itself.
                    "parts": _EXACT,
                    # Its joined words closed up (O'Neill: oneill), as the texts' (mapping 16).
                    "closed": _CLOSED,
                },
            },
            "section": {
                "type": "keyword",
                "normalizer": "folded",
                "fields": {"label": {"type": "keyword", "ignore_above": 256}},  # as written, for the facet's labels
            },
            # words: a tag's words, so "league" finds the tag "Premier League" (mapping 12); the keyword filters.
            "tags": {
                "type": "keyword",
                "normalizer": "folded",
                "fields": {"words": {"type": "text", "analyzer": "tag_words", "search_analyzer": "exact_words"}},
            },
            "published": {"type": "date", "format": "strict_date"},
            "url": {"type": "keyword", "index": False},
            "credit": {"type": "keyword"},
            "source_key": {"type": "keyword"},
            "source_etag": {"type": "keyword"},
            "source_modified_ms": {"type": "long"},
            # What the article means (adapters/text_encoder.py): read back for the semantic rerank, never searched.
            # Read from doc values (mapping 18), not from each hit's _source: a reranked window of 100 hits no longer
            # decompresses and parses 100 whole articles (the window's `took` 8.4 -> 7.5 ms mean, docs/search.md).
            "embedding": {"type": "binary", "doc_values": True},
        },
    },
}


def index_document(article: Article, embedding: bytes | None = None) -> dict[str, Any]:
    """The document indexed for an article: its searchable fields, its source version and, when given, its
    embedding (bytes of a TextEncoder vector, stored base64-encoded as the `binary` type requires)."""
    document: dict[str, Any] = {
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "author": article.author,
        "section": article.section,
        "tags": list(article.tags),
        "published": article.published,
        "url": article.url,
        "credit": article.credit,
        "source_key": article.source_key,
        "source_etag": article.source_etag,
        "source_modified_ms": article.source_modified_ms,
    }
    if embedding:
        document["embedding"] = base64.b64encode(embedding).decode("ascii")
    return document


def embedding_text(article: Article) -> str:
    """What an article's embedding is computed from: its headline, summary and body (the encoder keeps the first
    128 word pieces, so the headline and the lead decide)."""
    return "\n".join(part for part in (article.title, article.summary, article.body) if part)
