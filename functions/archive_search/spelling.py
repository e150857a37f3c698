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

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol

from archive_search.models import Suggestion
from archive_search.query_parser import (
    GLUE,
    JOINERS,
    STOPWORDS,
    capitals_typed,
    engine_lower,
    excluded_words,
    excludes,
    fold_as_index,
    parse_query,
    plain_words,
    same_width_blank,
    symbols_apart,
    symbols_blanked,
    without_exclusions,
    without_possessive,
)

# prefix_length 0: a typo in the first letters ("owrld", "cerdict") is corrected like any other. With the first
# letter fixed (1, the engine's default) a quarter of the misspelt known-item queries could not be corrected:
# misspelt MRR@10 0.704 -> 0.816 (tfidf) and 0.413 -> 0.488 (random words), engine time p50 unchanged (12.5 ->
# 13 ms), since in `missing` mode only words no article holds are looked up (make bench-relevance; docs/search.md).
TITLE_WORDS_FIELD = "title.exact"  # headline words, unstemmed: what the title suggester knows
BYLINE_WORDS_FIELD = "author"  # bylines' words as written (index_mapping: exact_words): the byline suggester's
# The suggesters look up every word no article holds, at a cost that grows with the archive's vocabulary: a pasted
# paragraph of 62 words no article holds (a language the archive lacks) took them 1.4-3.1 s on 424 articles, past
# the engine timeout (503). Only the first words are looked up; a short query is all of them.
MAX_SPELLED_WORDS = 8
MAX_SPELLED_STOPWORDS = 2 * MAX_SPELLED_WORDS  # looked up beside them, not counted (_looked_up)
_WORD = re.compile(r"\S+")
# Each suggester proposes its nearest words by the engine's score, then by frequency; the spelling is chosen from
# them here (nearest_candidates). Ten: the engine scores a deletion ("oill" -> "oil") below every substitution of a
# 4-letter word ("will", "kill", "bill", "fill"...), so with one option "oill" was searched as "will".
MAX_CANDIDATES = 10
MAX_CONTEXT_CANDIDATES = 4  # equally near spellings told apart by the query's other words (one request)
# From this length a word's further spellings (_candidates) reach two edits, one more than AUTO fuzziness allows a word
# of five letters: `tony blare` was read `tony blame` (35 news-dev articles, 2 beside `tony`), where 100 or more
# write `tony blair` (session 53).
MIN_TWO_EDIT_CHARS = 5
# A slip of the keys into a word only one article holds is not preferred to another edit into a word this many articles
# hold: the one article's word may be its own typo (`interst`, where 722 of news-dev's articles write `interest`),
# while a word some articles hold is no evidence against a slip (`oill` is `oil` in an archive of one article on oil
# and four holding `bill`). Session 25.
MANY_ARTICLES = 50
# Fewer articles holding a word may share it as a typo, a word meant otherwise (relevance._by_chance; _form_of).
FEW_ARTICLES = 10
# A word of SHORT_WORD_CHARS letters or fewer (of 3: AUTO fuzziness allows no edit below) no article holds is read
# only as a spelling one likely edit away that articles write as a phrase with a word typed next to it (_as_phrases):
# `world cpu` is `world cup`, `bnk of england` `bank of england`, while `intel cpu` stays as typed (no article writes
# `intel cup`). Until session 42 the suggesters did not look such words up (min_word_length 4) and they were searched
# as typed: `world cpu` listed World Bank articles first.
SHORT_WORD_CHARS = 3
# How many articles must write a spelling side by side with one of the query's other words for that to choose it among
# equally near ones (search._likeliest_of), or to read a short word (_as_phrases): a single one is no evidence, its
# words side by side across a sentence's end ("...in Iraq. Vice-President") or a headline's ("England blame"): session
# 40's review read `iraq vite` as `iraq vice` and `england blaie` as `england blame` so, where 16 and 18 articles hold
# `vote` and `blair` beside them.
MIN_SIDE_BY_SIDE = 2
_SUGGESTER = {
    "suggest_mode": "missing",
    "min_word_length": SHORT_WORD_CHARS,
    "prefix_length": 0,
    "sort": "score",
    "size": MAX_CANDIDATES,
}


# A byline's words one edit away only: the search's own request asks it of every query, and nearly every word is
# missing from bylines, so each is walked against their words; at two edits that cost 8 ms of the engine's `took`
# per search of the CISI queries (8 words looked up), 1 ms at one (session 53, 76 queries x 3, on CISI's index and
# on news-dev's alike). `tordey` and `kalbg` are one edit from Torday and Kalbag.
_BYLINE_SUGGESTER = {**_SUGGESTER, "max_edits": 1}
# And asked only of a query of this many words or fewer (stopwords aside): a reader looking for a writer types the
# name, perhaps with a word of the subject (`peter tordey`, `peter tordey fed rates`); a longer query is a subject's.
# Even at one edit the byline suggester cost about 1 ms of each of the 76 CISI queries (8 words looked up: 3.7 ms of
# suggesters with it, 2.8 without; session 53).
MAX_BYLINE_SPELLED_WORDS = 4


# Longer runs of text are neither looked up nor expanded to near spellings: no dictionary word is this long, and the
# engine's edit-distance work on a 255-character token took over a second per request (a 2,048-character query of
# one such "word" timed out).
MAX_SPELLED_CHARS = 32
_LONG_RUN = re.compile(rf"\S{{{MAX_SPELLED_CHARS + 1},}}")


# What glues two words into one engine token (`oill.gass`), between two letters or more on each side: blanked, the
# suggesters read each part (the glued token was no word they could respell: session 22's review). An abbreviation's
# dots (`Ph.D`, `u.s.economy`) stay: its letters are no words, and `Ph.D` is still respelt as `PhD`.
_BETWEEN_LETTERS_GLUE = re.compile(rf"(?<=[^\W\d_]{{2}})(?:{GLUE.pattern})(?=[^\W\d_]{{2}})")


@functools.lru_cache(maxsize=64)  # _alone asks it of the same q for each word (session 46's review)
def _words_apart(text: str) -> str:
    """text with the words a search reads apart blanked apart, the same UTF-16 width: glued ones (`oill.gass`:
    _BETWEEN_LETTERS_GLUE) and those with punctuation or a symbol between them (`wrld#cpu`: query_parser.symbols_apart).
    """
    return symbols_apart(_BETWEEN_LETTERS_GLUE.sub(lambda glue: " " * len(glue.group()), text))


def _looked_up(q: str) -> str:
    """q as the term suggesters read it: words glued by `.`, `:`, `_` apart, so words with punctuation between them
    (query_parser.symbols_apart), symbols (symbols_blanked: an emoji
    glued to a word is no part of the phrases it is counted in), excluded terms, runs of more than MAX_SPELLED_CHARS
    and every word after the first MAX_SPELLED_WORDS blanked (same UTF-16 length, so the offsets the engine reports
    still point into q; every glue character is one UTF-16 unit). A stopword is looked up and not
    counted: every article holds one, so no suggester walks the vocabulary for it, and counted, `tony blair says
    government will cut taxes for familes` left its ninth word unread and offered nothing (session 30); at most
    MAX_SPELLED_STOPWORDS of them (each is still a term the suggesters look up)."""
    content = stopwords = 0

    def first_words(word: re.Match[str]) -> str:
        nonlocal content, stopwords
        if _is_stopword(word.group()):
            stopwords += 1
            keep = content < MAX_SPELLED_WORDS and stopwords <= MAX_SPELLED_STOPWORDS
            return word.group() if keep else same_width_blank(word)
        content += 1
        return word.group() if content <= MAX_SPELLED_WORDS else same_width_blank(word)

    apart = _words_apart(without_exclusions(q))
    return _WORD.sub(first_words, _LONG_RUN.sub(same_width_blank, symbols_blanked(apart)))


def _is_stopword(typed: str) -> bool:
    """A whitespace token of q is a stopword, punctuation around it aside (`the,`, `"the`)."""
    return _key(typed.strip(_NOT_WORD)) in STOPWORDS


_NOT_WORD = "".join(chr(c) for c in range(0x80) if not chr(c).isalnum())


# The headline suggester's settings, for /suggest's respelling too (suggest.title_respelt).
TITLE_SUGGESTER = _SUGGESTER


def spelling_suggester(q: str) -> dict[str, Any]:
    """The term suggesters for q, on the words _looked_up keeps: no other is respelt nor expanded; and, for each of
    those ending in `s`, one asking for its word without the `s` (_form_suggesters). A byline's words are proposed as
    a headline's are (_unknown): `peter tordey` was read `peter today`, where Peter Torday writes 24 articles whose
    bodies do not name him (session 52); one edit away, in a query of MAX_BYLINE_SPELLED_WORDS or fewer."""
    text = _looked_up(q)
    bylines = (
        {"spell_byline": {"term": {"field": BYLINE_WORDS_FIELD, **_BYLINE_SUGGESTER}}}
        if sum(not _is_stopword(word) for word in text.split()) <= MAX_BYLINE_SPELLED_WORDS
        else {}
    )
    return {
        "text": text,
        "spell_body": {"term": {"field": "body.exact", **_SUGGESTER}},
        "spell_title": {"term": {"field": TITLE_WORDS_FIELD, **TITLE_SUGGESTER}},
        **bylines,
        **_form_suggesters(text),
    }


_FORM_SUGGESTER = "spell_form "  # and the word's place among them (_form_suggesters)


def _form_suggesters(text: str) -> dict[str, Any]:
    """For each word of text (as _looked_up gives it) of letters only, ending in `s`, longer than SHORT_WORD_CHARS
    and no stopword: a body suggester asked of that word alone (the others blanked, so its offset is the body
    suggester's) with every letter but the last fixed (`prefix_length`), whose options hold the word without its
    `s` when an article holds it. The body suggester scores a letter left out of a short word below each of its
    substitutions, so among its MAX_CANDIDATES `mens` had `means`, `menu`, `mend`... and not `men` (126 of news-dev's
    articles): `mens` was read `means`, `dows` `downs`, `eats` `east`, `wears` `years` (session 50; _form_of reads
    the option). Each asks the engine a few terms: those its prefix begins."""
    found: dict[str, Any] = {}
    for word in _WORD.finditer(text):
        typed = word.group().strip(_NOT_WORD)
        folded = fold_as_index(engine_lower(typed))
        if len(folded) <= SHORT_WORD_CHARS or not folded.isalpha() or folded[-1] != "s" or _is_stopword(typed):
            continue
        alone = _blank(text[: word.start()]) + word.group() + _blank(text[word.end() :])
        term = {"field": "body.exact", **_SUGGESTER, "max_edits": 1, "prefix_length": len(folded) - 1}
        found[f"{_FORM_SUGGESTER}{len(found)}"] = {"text": alone, "term": term}
    return found


def _blank(text: str) -> str:
    """Spaces as many as text's UTF-16 code units: a word after it keeps its engine offset."""
    return " " * (len(text.encode("utf-16-le", "surrogatepass")) // 2)


# The joined words closed up (`walmart` of Wal-Mart, `antiwar`), which no word field holds whole (the standard
# tokenizer splits a hyphen): only these fields do, and they hold nothing else.
CLOSED_WORDS_FIELDS = ("body.closed", "title.closed")


# And bylines' words, which the body suggester does not know either: `kalbg` (Chaitanya Kalbag, 18 articles) and
# `mankowsky` found nothing and were offered nothing (session 52).
_CLOSED_UP_SUGGESTED = (*CLOSED_WORDS_FIELDS, BYLINE_WORDS_FIELD)


def closed_up_suggester(q: str) -> dict[str, Any]:
    """Term suggesters on _CLOSED_UP_SUGGESTED for the words _looked_up keeps (read by closed_up_spellings), each
    with its own text (so they sit beside other suggesters in one request). Asked only of words no article holds: in
    `missing` mode they propose a closed-up word near any word these fields lack, which is every ordinary word
    (`shares` -> `mshare`): search._ArchiveVocabulary.prepare asks them with which of the words articles hold
    (closed_up_words)."""
    text = _looked_up(q)
    return {
        f"spell_closed {i}": {"text": text, "term": {"field": f, **_SUGGESTER}}
        for i, f in enumerate(_CLOSED_UP_SUGGESTED)
    }


_APOSTROPHES = "'\u2019"


def closed_up_words(q: str) -> list[tuple[int, int, str]]:
    """The words of q closed_up_suggester looks up, as (offset, length, text), offset and length in UTF-16 code units
    as the engine reports a suggester's entry: runs of letters, digits and marks, an apostrophe within (`o'neil`),
    no stopword, at most MAX_SPELLED_WORDS. An entry that is no such word exactly (a word the engine reads another
    way) is not matched to any."""
    text = _looked_up(q)
    words: list[tuple[int, int, str]] = []
    start = None
    for i, character in enumerate([*text, " "]):
        inside = _in_part(character) or (
            character in _APOSTROPHES and start is not None and i + 1 < len(text) and _in_part(text[i + 1])
        )
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            offset = len(text[:start].encode("utf-16-le", "surrogatepass")) // 2
            word = text[start:i]
            if not _is_stopword(word):  # every article holds one: nothing to respell (session 30's review)
                words.append((offset, len(word.encode("utf-16-le", "surrogatepass")) // 2, word))
            start = None
    return words[:MAX_SPELLED_WORDS]


def closed_up_spellings(
    suggest: dict[str, Any] | None, unheld: Collection[tuple[int, int]] | None = None
) -> dict[str, Any]:
    """The answer to closed_up_suggester as respelt() reads the body suggester's (`spell_body`): each word's options
    from every field, no headline suggester (none of these words is a headline's). `wallmart` found nothing and was
    offered nothing (the body and headline suggesters know no `walmart`); now `walmart`, 11 news-dev articles.
    `unheld`: the (offset, length) of the words (closed_up_words) no article holds; only theirs are kept (all when
    None)."""
    merged: dict[tuple[int, int], dict[str, Any]] = {}
    for i in range(len(_CLOSED_UP_SUGGESTED)):
        for entry in (suggest or {}).get(f"spell_closed {i}") or []:
            key = (entry["offset"], entry["length"])
            if unheld is not None and key not in unheld:
                continue
            known = merged.setdefault(key, {**entry, "options": []})
            known["options"] = [*known["options"], *(entry.get("options") or [])]
    return {"spell_body": list(merged.values())}


# Two words typed without the space between them (`oilprices`, `tonyblair`): each way of cutting a word no article
# holds into two of at least this many letters is asked as a phrase, and the one most articles hold is offered
# (word_splits). Two letters: `ukeconomy` is `uk economy`.
MIN_SPLIT_LETTERS = 2
MIN_SPLIT_WORD = 5


def word_splits(word: str) -> list[str]:
    """The ways of reading a word as two typed without a space (`oilprices`: `oi lprices`, `oil prices`, ...), each
    part of at least MIN_SPLIT_LETTERS letters and no stopword, then as three with a stopword between two such
    (`bankofengland`: `bank of england`), a possessive aside (`Tonyblair's`); none for a word of fewer than
    MIN_SPLIT_WORD letters or with anything but letters (a code, a joined word: never cut)."""
    lower = engine_lower(without_possessive(word))  # as the suggesters propose words (respelt() puts back the case)
    if len(lower) < MIN_SPLIT_WORD or not lower.isalpha():
        return []
    ends = range(MIN_SPLIT_LETTERS, len(lower) - MIN_SPLIT_LETTERS + 1)
    cuts = [(lower[:i], lower[i:]) for i in ends]
    # Never a stopword as a part: a name the archive lacks is no stopword and a word (`Inman` was offered `In man`).
    two = [f"{first} {second}" for first, second in cuts if first not in STOPWORDS and second not in STOPWORDS]
    # A stopword only between two words, as names are written (`bankofengland`: `bank of england`; session 52).
    three = [
        f"{lower[:i]} {lower[i:j]} {lower[j:]}"
        for i in ends
        for j in range(i + 1, len(lower) - MIN_SPLIT_LETTERS + 1)
        if lower[i:j] in STOPWORDS and lower[:i] not in STOPWORDS and lower[j:] not in STOPWORDS
    ]
    return two + three


def apart_splits(word: str) -> list[str]:
    """The word_splits in two parts, each of SHORT_WORD_CHARS letters or more: those asked as two words held by the
    same articles, not side by side (with_splits: `mourinhoarsenal`, `mirzakuznetsova`); never one in three parts,
    whose stopword between (`mourinho and arsenal`) is no word asked apart."""
    return [
        split
        for split in word_splits(word)
        if len(parts := split.split()) == 2 and min(map(len, parts)) >= SHORT_WORD_CHARS
    ]


def with_splits(
    suggest: dict[str, Any],
    splits: Mapping[tuple[int, int, str], Mapping[str, int]],
    apart: Mapping[tuple[int, int, str], Mapping[str, int]] | None = None,
) -> dict[str, Any]:
    """closed_up_spellings' answer with, for each word (offset, length, text as closed_up_words gives them), the
    split most articles hold as a phrase (`splits`: each split's count; a tie goes to the earlier) as one more option:
    nearest_candidates weighs it as any other (one edit: a space left out, which is a likely one). When no article
    holds any split as a phrase, the split (apart_splits) whose two words most articles hold both, from
    MIN_SIDE_BY_SIDE articles (`apart`: each such split's count): two names typed together are seldom written side by
    side (`mourinhoarsenal`: no article writes `mourinho arsenal`, 9 bodies hold both; `mirzakuznetsova`, 2), and
    found nothing and were offered nothing (session 51)."""
    entries = {(e["offset"], e["length"]): e for e in suggest.get("spell_body") or []}
    for (offset, length, text), phrase_counts in splits.items():
        counts = phrase_counts
        if not any(count > 0 for count in counts.values()):
            counts = {
                split: count
                for split, count in ((apart or {}).get((offset, length, text)) or {}).items()
                if count >= MIN_SIDE_BY_SIDE
            }
        best = max(counts, key=lambda split: counts[split], default=None)
        if best is None or counts[best] <= 0:
            continue
        entry = entries.setdefault((offset, length), {"text": text, "offset": offset, "length": length, "options": []})
        entry["options"] = [*entry["options"], {"text": best, "freq": counts[best]}]
    return {"spell_body": list(entries.values())}


def split_key(typed: str) -> str:
    """A typed word as split_spellings looks up its own count among a cut's (`held`): folded, its possessive off."""
    return fold_as_index(without_possessive(engine_lower(typed)))


def split_readings(q: str, suggest: dict[str, Any] | None) -> dict[str, str]:
    """The words of q (as respellings() keys them) split_spellings read as two words side by side, each with its
    reading, the words joined (`lastminute`: `last-minute`), which any sort and filter search as read (search.
    typo_words)."""
    units = q.encode("utf-16-le", "surrogatepass")
    read: dict[str, str] = {}
    for entry in (suggest or {}).get("spell_body") or []:
        start, end = 2 * entry["offset"], 2 * (entry["offset"] + entry["length"])
        typed = units[start:end].decode("utf-16-le", "surrogatepass")
        options = entry.get("options") or []
        text = str(options[0]["text"]) if len(options) == 1 else ""
        if "-" in text and text.replace("-", " ") in word_splits(typed):
            read[_key(typed)] = text
    return read


def split_spellings(
    q: str,
    suggest: dict[str, Any] | None,
    held: Mapping[str, int],
    closed_up: dict[str, Any] | None = None,
    bodyless: Collection[str] = (),
) -> dict[str, Any] | None:
    """The suggesters' answer (`suggest`) with each word no article holds read as two typed without a space where
    more articles write that split as a phrase (`held`: each of the word's word_splits' count, from
    MIN_SIDE_BY_SIDE) than hold any spelling the suggesters propose within its edits: the split becomes the word's
    one option (nearest_candidates: a space left out, a likely edit); None when no word is so read. `worldcup` was
    read `worldcom` (15 news-dev articles) where 48 write `world cup`, and `worldcup final` `worldcom final`: a
    split was asked only of a word nothing is near (session 30). A split fewer articles write than hold the spelling
    stays behind it (session 51), and so does a likely edit (_likely_edit) into a word more than one article holds
    (`yougo` is YouGov, not `you go`; the session's review).

    `closed_up`: the vocabulary's closed_up_spellings, whose words no article holds anywhere; such a word nothing is
    near is read so too, its closed-up spellings (not its cuts) the near ones: `tonyblair` found nothing and was
    offered `tony blair`, where `worldcup`, `worldcom` near it, was searched as `world cup` (session 52).

    `bodyless`: the query's words (as scored) no body holds as a word, nothing near them or not (search.
    bodyless_words). Such a word, or one with spellings near it, held elsewhere (closed up, in a headline or byline:
    its own count in `held`, keyed split_key) is read as its split only where more articles write the split than
    hold the word: `newyork` found the one "New-York" article and 150 `network` ones, where 521 write "New York";
    `bluechip`, `lastminute` found only the hyphenated 3 and 9 of the 9 and 23 writing them apart; `walmart`
    (Wal-Mart, 10, as many as write `wal mart`) is searched as typed (session 54)."""
    if not suggest:
        return None
    units = q.encode("utf-16-le", "surrogatepass")
    beyond = [*(suggest.get("spell_title") or []), *(suggest.get("spell_byline") or [])]  # headline, byline words
    unheld = {(e["offset"], e["length"]): e for e in (closed_up or {}).get("spell_body") or []}
    read: dict[tuple[int, int], dict[str, Any]] = {}
    for entry in suggest.get("spell_body") or []:
        key = (entry["offset"], entry["length"])
        typed = units[2 * key[0] : 2 * (key[0] + key[1])].decode("utf-16-le", "surrogatepass")
        # An article holds it, or nothing is near it (a word no body holds aside).
        if not entry.get("options") and key not in unheld and _key(typed) not in bodyless:
            continue
        counts = {split: held.get(split, 0) for split in word_splits(typed)}
        best = max(counts, key=lambda split: counts[split], default=None)
        # The split's phrase count holds the word's hyphenated articles ("last-minute" is `last minute` to the
        # body), which are no evidence of it: only the articles beyond the word's own count (session 54's review:
        # `parttime`, `halfyear` were out-voted by their own hyphenated articles).
        own = held.get(split_key(typed), 0)
        if best is None or counts[best] < MIN_SIDE_BY_SIDE or counts[best] - own <= own:
            continue
        closed = [o for o in (unheld.get(key) or {}).get("options") or [] if " " not in str(o.get("text", ""))]
        others = [o for e in beyond if (e["offset"], e["length"]) == key for o in e.get("options") or []]
        options = [*(entry.get("options") or []), *others, *closed]
        near = _near_options(typed, options)
        if any(int(option.get("freq") or 0) >= counts[best] for option in near):
            continue
        # A likely edit into a word more than one article holds is likelier than a space left out: `yougo` is
        # YouGov (a letter left out, 3 articles), not `you go` (the session's review).
        word = split_key(typed)
        if any(int(o.get("freq") or 0) > 1 and _likely_edit(word, fold_as_index(str(o["text"]))) for o in near):
            continue
        # A word the archive holds (hyphenated: "last-minute") is its words side by side, a joined word's parts
        # (relevance.joined_parts), not anywhere: `lastminute` as the loose `last minute` found 1,998 news-dev
        # articles, 7 of its first 10 holding "last" and "minute" apart (session 54's review).
        split = best.replace(" ", "-") if own else best
        read[key] = {**entry, "options": [{"text": split, "freq": counts[best]}]}
    if not read:
        return None
    answer = {name: entries for name, entries in suggest.items() if not name.startswith(_FORM_SUGGESTER)}
    answer["spell_body"] = [read.get((e["offset"], e["length"]), e) for e in suggest.get("spell_body") or []]
    # Its headline and byline spellings and forms are left out (a headline entry without any says a headline may hold
    # the word, which the vocabulary is asked as before).
    for name in ("spell_title", "spell_byline"):
        answer[name] = [
            e for e in suggest.get(name) or [] if (e["offset"], e["length"]) not in read or not e.get("options")
        ]
    for name, entries in suggest.items():
        if name.startswith(_FORM_SUGGESTER):
            answer[name] = [e for e in entries or [] if (e["offset"], e["length"]) not in read]
    return answer


def _near_options(typed: str, options: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The options nearest_candidates may read typed as: within the edits AUTO fuzziness allows, no stopword."""
    word = fold_as_index(without_possessive(engine_lower(typed)))
    limit = 1 if len(word) <= 5 else 2
    return [
        option
        for option in options
        if (text := str(option.get("text", "")))
        and text not in STOPWORDS
        and 0 < osa_distance(word, fold_as_index(text)) <= limit
    ]


# What marks a closed-up word in its article's text (written_forms_request): two characters of Unicode's private use
# area, which no reader types and news text does not use.
_WRITTEN_START, _WRITTEN_END = "\ue000", "\ue001"
_WRITTEN = re.compile(f"{_WRITTEN_START}([^{_WRITTEN_END}]+){_WRITTEN_END}")


def written_forms_request(stems: Sequence[str]) -> dict[str, Any]:
    """The engine request (no hits) that finds, for each closed-up word a closed-up suggester proposed, one article
    holding it, its closed-up fields highlighted: those fields are stemmed (`vicepresid` for Vice-President), and
    a stem offered as did_you_mean read as no word (session 26's review: 18 of 73 offers on news-dev)."""
    aggs = {}
    for i, stem in enumerate(stems):
        held = {"bool": {"should": [{"term": {field: stem}} for field in CLOSED_WORDS_FIELDS]}}
        marks = {"pre_tags": [_WRITTEN_START], "post_tags": [_WRITTEN_END], "number_of_fragments": 1}
        fields = {
            field: {"highlight_query": {"term": {field: stem}}, "fragment_size": 40} for field in CLOSED_WORDS_FIELDS
        }
        aggs[str(i)] = {
            "filter": held,
            "aggs": {"one": {"top_hits": {"size": 1, "_source": False, "highlight": {**marks, "fields": fields}}}},
        }
    return {"query": {"match_all": {}}, "aggs": aggs, "track_total_hits": False}


def read_written_forms(stems: Sequence[str], answer: dict[str, Any]) -> dict[str, str]:
    """Each stem of written_forms_request(stems) with the joined word an article writes for it (`vicepresid`:
    `Vice-President`); a stem no highlight marks is left out (offered as it is)."""
    forms = {}
    for i, stem in enumerate(stems):
        hits = (((answer.get("aggregations") or {}).get(str(i)) or {}).get("one") or {}).get("hits", {}).get("hits")
        fragments = [text for hit in hits or [] for texts in (hit.get("highlight") or {}).values() for text in texts]
        marked = [m.group(1) for fragment in fragments for m in _WRITTEN.finditer(fragment)]
        if marked:
            forms[stem] = marked[0]
    return forms


def as_written(text: str, forms: Mapping[str, str]) -> str:
    """text with each word that is a key of `forms` (read_written_forms), in any case, replaced by its written form:
    in lower case or all capitals as the reader typed it, else as the article writes it (`Walmart` -> `Wal-Mart`)."""
    if not forms:
        return text
    words = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, forms))})(?!\w)", re.IGNORECASE)

    def written(typed: re.Match[str]) -> str:
        form = forms[typed.group().lower()]
        return form.lower() if typed.group().islower() else form.upper() if typed.group().isupper() else form

    return words.sub(written, text)


@dataclass(frozen=True)
class _Unknown:
    offset: int  # UTF-16 code units
    length: int
    typed: str
    candidates: tuple[str, ...]  # the nearest words an article holds, equally near (nearest_candidates)
    maybe_in_titles: bool  # the headline suggester proposed nothing: a headline holds it, or nothing is near it
    joined: tuple[str, str] = ("", "")  # the joined word's text before and after it, when it is a part of one
    further: tuple[str, ...] = ()  # within the edits allowed but further than the candidates (_candidates)
    slips: int = 0  # how many of `further`, the first, are two likely edits from typed (_candidates)
    beyond: int = 0  # how many of `further`, the last, are further than AUTO fuzziness reaches (_candidates)
    alone: str | None = None  # the spelling a word without other words is read as, when not the first (_candidates)

    @property
    def known(self) -> str:
        return self.alone or self.candidates[0]


def _unknown(q: str, suggest: dict[str, Any] | None) -> list[_Unknown]:
    """Each word of q that no article body holds, with the known words nearest it (nearest_candidates of what the
    body and headline suggesters propose)."""
    if not suggest:
        return []
    title_entries = {(e["offset"], e["length"]): e for e in suggest.get("spell_title") or []}
    bylines = {(e["offset"], e["length"]): e for e in suggest.get("spell_byline") or []}
    units = q.encode("utf-16-le", "surrogatepass")
    excluded = excluded_words(parse_query(q))

    def spellings(options: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        # Never a word the query excludes (excluded_words).
        return [option for option in options if not excludes(excluded, option["text"])]

    found: list[_Unknown] = []
    forms = _form_options(suggest)
    for entry in suggest.get("spell_body") or []:
        offset, length = entry["offset"], entry["length"]
        proposed_body = entry.get("options") or []
        listed = {option.get("text") for option in proposed_body}
        crowded = spellings([option for option in forms.get((offset, length), ()) if option["text"] not in listed])
        options = spellings(proposed_body)
        # In missing mode an entry without options means the field knows the word, or that no known word is near it.
        if not options and not crowded:
            continue
        title_entry = title_entries.get((offset, length))
        typed = units[2 * offset : 2 * (offset + length)].decode("utf-16-le", "surrogatepass")
        if has_digit(typed) or _beside_number(units, offset, length):
            continue
        if german_letters(typed):
            options = [option for option in options if _german_edit(typed, str(option["text"]))]
            if not options:
                continue
            crowded = []
        proposed = (title_entry or {}).get("options") or []
        # A byline's word weighs as a headline's (spelling_suggester).
        title_options = spellings([*proposed, *((bylines.get((offset, length)) or {}).get("options") or [])])
        joined = _joined_around(q, offset, length)
        # The other parts of a joined word tell its spellings apart: no further one (_candidates).
        candidates, further, slips, beyond, alone = _candidates(typed, options, title_options, any(joined))
        if crowded and not any(joined):
            # A held word's plural or possessive the body suggester crowded out (_form_suggesters) is how the word is
            # read typed alone, as one it lists is (_form_of); beside other words, a further spelling, read only as
            # likeliest reads those: as one of the nearest, `amid fars` was read `amid far`, not `amid fears` (session
            # 50's review: 40 of 744 slips beside a headline word ranked their article lower, 4 higher).
            base = str(crowded[0]["text"])
            alone = base
            if not candidates:
                candidates = (base,)
            elif base not in candidates:
                cut = max(0, len(further) + 1 - MAX_CONTEXT_CANDIDATES)
                further = (*further[:slips], base, *further[slips:])[:MAX_CONTEXT_CANDIDATES]
                beyond = max(0, beyond - cut)
        if candidates:
            maybe_in_titles = title_entry is not None and not proposed
            further, slips, beyond, alone = ((), 0, 0, None) if any(joined) else (further, slips, beyond, alone)
            found.append(
                _Unknown(offset, length, typed, candidates, maybe_in_titles, joined, further, slips, beyond, alone)
            )
    return found


def _form_options(suggest: Mapping[str, Any]) -> dict[tuple[int, int], list[dict[str, Any]]]:
    """By (offset, length), the option of the _form_suggesters' answer that is its word without the `s` (`men` of
    `mens`) as _form_of reads it, as the body suggester gives an option (`text`, `freq`): no other, nor a word
    without a plural (`may` of `mays`, which stays `says`)."""
    found: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for name, entries in suggest.items():
        if not name.startswith(_FORM_SUGGESTER):
            continue
        for entry in entries or []:
            word = fold_as_index(str(entry.get("text", "")))
            options = entry.get("options") or []
            bases = [option for option in options if _form_of(word, str(option.get("text", "")), option)]
            if bases:
                found.setdefault((entry["offset"], entry["length"]), []).extend(bases)
    return found


def nearest_candidates(
    typed: str,
    body_options: Sequence[dict[str, Any]],
    title_options: Sequence[dict[str, Any]] = (),
    *,
    joined: bool = False,
) -> tuple[str, ...]:
    """The spellings likeliest meant by a word no article holds, among the suggesters' options (`{"text", "freq"}`,
    body and headline words): the equally near ones, likeliest first (at most MAX_CONTEXT_CANDIDATES); none when
    none is near enough. Vocabulary.likeliest chooses among several by the query's other words.

    An option counts when it is within the edits the engine's AUTO fuzziness allows for the typed word's length (one
    for up to 5 letters, two from 6: "kofi" is not "kong") and is no stopword (a content word is never respelt
    into "will"). The nearest wins (optimal string alignment distance, accents and case aside); among equally near,
    a likely edit before any other: a slip of the keys (a letter doubled or undoubled, two neighbours swapped: "oill"
    -> "oil", "ocured" -> "occured") or a letter left out ("putn" -> "putin", "leage" -> "league"), the commonest
    single errors (Damerau, "A technique for computer detection and correction of spelling errors", CACM 1964;
    Kernighan, Church and Gale, "A spelling correction program based on a noisy channel model", COLING 1990; Pollock
    and Zamora, CACM 1984), but for a word only one article holds when MANY_ARTICLES hold another as near and no
    likely edit into a word more articles hold is as near (`intrest` is `interest`, not one article's `interst`;
    `anan` is still `anna` or `annan`, as the other words say); then a body word before a headline's, then the more
    frequent. Equally near: the same distance, both likely edits so preferred or neither ("leage": "leave" and
    "lease"; "putn": "putin" and "punt"). `joined`: the typed word is a part of a joined word (`cols` of `coca-cols`),
    whose other parts tell the spellings apart better than any rule of edits (`cola`, a substitution, not the `coles`
    a letter left out makes): every equally near one, likely edit or not, at most MAX_CANDIDATES."""
    return _candidates(typed, body_options, title_options, joined)[0]


class _Near(NamedTuple):
    """A suggester's option near a word no article holds (_candidates)."""

    far: bool  # further than AUTO fuzziness reaches (MIN_TWO_EDIT_CHARS) or two unlikely edits: read only as a phrase
    distance: int  # edits (osa_distance); 0 for a look-alike (_look_alike)
    by_ear: bool  # two edits read only as spelt by ear (_by_ear_pair), not otherwise likely (_unlikely_pair)
    likely: bool  # one likely edit (_likely_edit) or a letter spelt by ear (_sound_alike)
    rank: int  # 0 a body word, 1 a headline's
    freq: int  # articles holding it
    text: str


def _candidates(
    typed: str, body_options: Sequence[dict[str, Any]], title_options: Sequence[dict[str, Any]], joined: bool
) -> tuple[tuple[str, ...], tuple[str, ...], int, int, str | None]:
    """(nearest_candidates of typed, the further ones, how many of those are two likely edits from typed, how many,
    the last, are further than AUTO fuzziness reaches (MIN_TWO_EDIT_CHARS: read only as a phrase, `tony blare` is
    `tony blair`, while `gnome garden` stays `genome garden`, one edit, not `globe garden`: session 53's review), the
    spelling a word typed without other words is read as when it is not the first nearest one): the
    further spellings are within the edits AUTO fuzziness allows but not among the nearest (as near by an edit less
    likely, `prices` of `prises` where `praises` is a letter left out, or further), two likely edits first
    (_two_likely_edits), then likeliest first (at most MAX_CONTEXT_CANDIDATES), which Vocabulary.likeliest reads the
    word as only when no nearest one is held beside the query's other words and one of these is (`wayne roonie`:
    `ronnie`, one edit, is in no article with `wayne`, `rooney`, two, in nine; it was read `wayne ronnie` while the
    near tier listed the Rooney articles: session 34's review), or when it is written with one of them as a phrase
    far more often than they are held with a nearest one (`oil prises` is `oil prices`: search._likeliest_of), or, for
    one of two likely edits, when the query's other words make it overwhelmingly likelier (search.FURTHER_EDIT_ODDS:
    `prime minsitre`). Without other words,
    the first of those two likely edits when each nearest one is a word only one article holds and MANY_ARTICLES
    hold it, as `intrest` is `interest`: `tommorow` is `tomorrow` (123 of news-dev's articles), not one article's
    typo `tomrorow` (session 39's review). Not beside a word more articles hold: by 20 times as many articles, a
    reviewer's `lunchh` was read `launch`, `socres` `sources` (33 of 141 slips of archive words read worse, 14
    better)."""
    word = fold_as_index(without_possessive(engine_lower(typed)))
    limit = 1 if len(word) <= 5 else 2
    # A word of five letters may be a name two edits away (`blare`: `blair`), further than AUTO allows it: a further
    # spelling, never a slip read alone, read only as the query's other words say (search._likeliest_of).
    reach = 2 if len(word) >= MIN_TWO_EDIT_CHARS else limit
    near: list[_Near] = []
    forms: list[str] = []  # the word's plural or possessive typed is of these (_form_of)
    for rank, options in enumerate((body_options, title_options)):
        for option in options:
            text = str(option.get("text", ""))
            if not text or text in STOPWORDS:
                continue
            spelling = fold_as_index(text)
            look_alike = _look_alike(word) == spelling  # nearer than any edit
            distance = 0 if look_alike else osa_distance(word, spelling)
            if 0 < distance <= reach or look_alike:
                form = _form_of(word, text, option)
                forms += [text] if form else []
                likely = _likely_edit(word, spelling) or _sound_alike(word, spelling)
                # Two edits of the kinds a different word or name is (_unlikely_pair) are read only as a phrase, but
                # for the misspellings of a word spelt by ear (_by_ear_pair), after any two likely edits as near.
                rare = limit == 2 and distance == 2 and _unlikely_pair(word, spelling)
                by_ear = rare and _by_ear_pair(word, spelling)
                beyond_auto = distance > limit or (rare and not by_ear)
                near.append(_Near(beyond_auto, distance, by_ear, likely, rank, int(option.get("freq") or 0), text))
    most = {n.distance: max(m.freq for m in near if m.distance == n.distance) for n in near}
    # A word one article holds may be that article's own typo (`interst`): a slip into it is no likelier than another
    # edit into a word many articles hold (`intrest` is `interest`, held by 722 of news-dev's articles). Beside a
    # likely edit into a word more articles hold it stays one of the likely ones, for the query's other words to
    # choose between (`kofi anan` is `kofi annan`, one article's name, not the 7 articles' `anna`; without the other
    # kept, the `alan` of 119 articles had made `anna` the only slip).
    slipped = {n.distance for n in near if n.likely and n.freq > 1}
    # A word spelt by ear comes after two likely edits as near (`restaraunt`: `restaurant` before `restraint`), and
    # only after them: among other spellings as near its articles decide (`vehical` is `vehicle`, 86 articles, not
    # `vertical`, 2, a slip and a letter replaced: session 56's second review).
    two_likely = {n.distance for n in near if not n.by_ear and _two_likely_edits(word, fold_as_index(n.text))}
    ranked = sorted(
        (
            n.far,
            n.distance,
            n.by_ear and n.distance in two_likely,
            not (n.likely and (n.freq > 1 or n.distance in slipped or most[n.distance] < MANY_ARTICLES)),
            n.text not in forms,  # first among the equally near (_form_of)
            n.rank,
            -n.freq,
            n.text,
        )
        for n in near
    )
    if not ranked or ranked[0][0]:
        return (), (), 0, 0, None
    # A word both suggesters propose is one candidate (as two, `silv` asked which of silk, silva and silk to choose).
    tier = 2 if joined else 4
    nearest = dict.fromkeys(r[-1] for r in ranked if r[:tier] == ranked[0][:tier])
    # A held word's plural or possessive typed is as near as any edit (_form_of), likely or not: `feds rates` is
    # `fed rates`, for the other words to tell (`feeds`, a letter left out, was the only nearest).
    nearest |= dict.fromkeys(text for text in forms if text not in nearest)
    # Those as near by an edit less likely (`prices` of `prises`, where `praises` is a letter left out) before the
    # further ones, after the two likely edits.
    further = dict.fromkeys(r[-1] for r in ranked if r[-1] not in nearest)
    twice = [
        text
        for text in further
        if osa_distance(word, fold_as_index(text)) <= limit and _two_likely_edits(word, fold_as_index(text))
    ][:MAX_CONTEXT_CANDIDATES]
    # Those further than AUTO fuzziness reaches last (MIN_TWO_EDIT_CHARS), read only as a phrase (beyond).
    beyond = {n.text for n in near if n.far}
    far = [text for text in further if text in beyond]
    ordered = [*twice, *(text for text in further if text not in twice and text not in far), *far]
    held: dict[str, int] = {}
    for n in near:
        held[n.text] = max(n.freq, held.get(n.text, 0))
    alone = twice[0] if twice and outweighs_typos([held[text] for text in nearest], held[twice[0]]) else None
    # Typed alone, a held word's plural or possessive is that word, which asks no edit of what was typed (`feds` is
    # the Fed, not `feeds`, a letter left out); beside others, they choose among the nearest (likeliest).
    alone = forms[0] if forms else alone
    return (
        tuple(nearest)[: MAX_CANDIDATES if joined else MAX_CONTEXT_CANDIDATES],
        tuple(ordered)[:MAX_CONTEXT_CANDIDATES],
        len(twice),
        max(0, len(far) - max(0, len(ordered) - MAX_CONTEXT_CANDIDATES)),
        alone,
    )


# Cyrillic and Greek letters that look like Latin ones: a Latin word typed with one of them (`m\u043eurinho`, a Cyrillic
# o) is that word, nearer than any edit (_candidates): `dec\u0430de` was read `decide`, `\u043erange` `range`.
_LOOK_ALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0456\u0458\u0455\u04bb\u0501\u03bf\u03b1\u03c1\u03b9\u03ba\u03bd",
    "aeopcxyijshdoapikv",
)


def _look_alike(word: str) -> str | None:
    """A word of Latin letters and look-alikes (_LOOK_ALIKES) in Latin letters alone; None for any other word."""
    latin = word.translate(_LOOK_ALIKES)
    return latin if latin != word and latin.isascii() and any(c.isascii() and c.isalpha() for c in word) else None


def _only_forms(q: str, offer: str) -> bool:
    """Whether an offer only reads typed plurals or possessives as their words (`bakers` -> `baker`: _form_of), which
    the stemmed fields find as typed: no respelling to offer (the session's last review saw `scotts`, `alans`,
    `colins` offered their singular at about the count found)."""
    typed, offered = q.split(), offer.split()
    changed = [(a, b) for a, b in zip(typed, offered, strict=False) if a != b]
    return (
        len(typed) == len(offered)
        and bool(changed)
        and all(fold_as_index(a) == f"{fold_as_index(b)}s" for a, b in changed)
    )


# Words with no plural nor possessive: the stopwords and the closed classes (pronouns, determiners, prepositions,
# conjunctions, auxiliaries and adverbs of time). With an `s` they are a slip (`froms` is `forms`, `mays` `says`,
# `yous pocket` `yours pocket`: the session's last review).
_NO_FORMS = STOPWORDS | frozenset(
    {"you", "she", "he", "him", "her", "his", "we", "us", "our", "me", "my", "your", "them", "its", "from", "may"}
    | {"might", "must", "can", "could", "would", "should", "shall", "again", "also", "just", "only", "even", "very"}
    | {"too", "ever", "never", "always", "often", "now", "here", "onto", "upon", "about", "above", "after", "against"}
    | {"among", "before", "below", "between", "during", "through", "under", "until", "within", "without", "than"}
    | {"though", "because", "while", "since", "unless", "each", "every", "some", "most", "few", "many", "much"}
    | {"both", "any", "all", "another", "same", "own", "other", "yet", "so", "been", "being", "had", "has", "have"}
    | {"do", "does", "did", "done", "were", "am", "seen", "known", "shown", "given", "taken", "knew", "said"}
    | {"got", "came", "ran", "per", "pre", "non", "mid"}
)


def _form_of(word: str, text: str, option: Mapping[str, Any]) -> bool:
    """Whether the typed word (folded) is the option's plural, or its possessive typed without the apostrophe: the
    option and an `s`, the option written in more than FEW_ARTICLES articles (a slip onto a rare word's plural is a
    slip: `odays` is `days`, not one article's `Oday`; `tores` is `tories`, though 4 articles write `tore`). Such an
    option is the first of the equally near ones, and the word typed alone is read as it (`howards` is `howard`,
    `moods` `mood`); beside other words, they choose among the nearest as for any word (`crude oil rices` is `crude
    oil prices`, `world headers gather` `world leaders gather`). `howards` was read `towards` (258 grain-trade
    articles, the 162 on Michael Howard left out), `moods` `goods`, `hivs` `his` (session 49's attacker); the
    session's review found reading such a word as typed (or as its word) beside others lost the slips meant
    otherwise (`stucks fall`, `workeds chrysler`)."""
    folded = fold_as_index(text)
    if _PARTICIPLE.search(folded) or folded in _NO_FORMS:  # `playeds` is `players`: the session's reviews
        return False
    return word == f"{folded}s" and len(folded) >= SHORT_WORD_CHARS and int(option.get("freq") or 0) > FEW_ARTICLES


# A past participle (`played`, `viewed`; not `fed`, `speed`, `seen`). Names ending so (`Alfred`, `Mohammed`) are
# read as before this rule: their possessive typed without the apostrophe is respelt as any word no article holds.
_PARTICIPLE = re.compile(r"[^\W\d_]{2}[^\W\d_e]ed$")


def osa_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from a to b: the optimal string alignment distance."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def outweighs_typos(nearest: Sequence[int], slip: int) -> bool:
    """Whether a spelling two likely edits away, `slip` articles holding it, outweighs the nearest spellings, each a
    word one article holds or none (`nearest`: their articles), maybe that article's own typo: MANY_ARTICLES hold it
    (`tommorow` is `tomorrow`, 123 of news-dev's articles, not one article's `tomrorow`; session 39's review). Not a
    word two articles hold (session 50's review: `reevie` was read `receive`, not the Christopher Reeve of two
    articles; `leeds ielland` `leeds ireland`, `our soccks` `our stocks`)."""
    return all(count <= 1 for count in nearest) and slip >= MANY_ARTICLES


def _likely_edit(typed: str, word: str) -> bool:
    """typed is word slipped (_slip) or with one letter left out: the commonest single errors of typing. Omission
    is the commonest kind of all (Pollock and Zamora, "Automatic spelling correction in scientific and scholarly
    text", CACM 1984: a third of single errors), so a left-out letter is as likely as a slip: `putn` may be `punt`
    or `putin`, which the query's other words tell apart (`kerry putn` was read as `kerry punt`; session 26), while
    a letter replaced or added (other than doubled) is less likely than either, having as many ways as letters."""
    return _slip(typed, word) or (
        len(word) == len(typed) + 1 and any(word[:i] + word[i + 1 :] == typed for i in range(len(word)))
    )


def likely_edit(typed: str, word: str) -> bool:
    """_likely_edit, for the typos of words some article holds (relevance.typo_spellings)."""
    return _likely_edit(typed, word)


def _two_likely_edits(typed: str, word: str) -> bool:
    """typed is word with two likely edits (_likely_edit): `minsitre` is `minister` with two pairs of letters swapped,
    where `reiers` is `reuters` with a letter replaced and one left out."""
    swapped = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    left_out = (word[:i] + word[i + 1 :] for i in range(len(word)))
    doubled = (word[: i + 1] + word[i:] for i in range(len(word)))
    return any(_likely_edit(typed, once) for once in (*swapped, *left_out, *doubled))


# Two edits are under a sixth of a longer word's letters, whichever they are: another word so near is rare (twice the
# length AUTO fuzziness first allows two edits at).
MAX_UNLIKELY_PAIR_CHARS = 12


def _unlikely_pair(typed: str, spelling: str) -> bool:
    """Whether typed is no likely edit of spelling (both folded; a slip or a letter left out: _likely_edit) followed
    by a letter replaced, another likely edit or one spelt by ear (_sound_alike), or the letter left out typed
    elsewhere (`greatful`, a letter moved): for a spelling two edits away, two letters replaced, or a letter added
    and another replaced or left out, as likely a different word or name as a typo: `mugabe` is no typo of the McCabe
    of one news-dev article, `hastings` none of `hosting`, `merkel` none of `market`, `merely` nor `marcel`, `karzai`
    none of `karani`, `restaraunt` none of `restraint` (`restaurant` is two swaps away). _candidates reads such a
    spelling only as a phrase with the query's other words, as one beyond AUTO fuzziness (session 56), unless spelt
    by ear (_by_ear_pair). Not so: `occurance`, `carribean`, `greatful`, `minsitre`, `definatly` (a letter left out,
    one replaced; news-dev reads it `defiantly`, one swap away)."""
    # Not letters added at the end (an ending, as a stemmed field's word is: `vicepresidnt` is `vicepresid`), nor two
    # edits in a word of more than MAX_UNLIKELY_PAIR_CHARS letters (`antidisestablishmentarixx`).
    if typed.startswith(spelling) or len(typed) > MAX_UNLIKELY_PAIR_CHARS:
        return False
    # Each likely edit with the letters it wrote: a letter replaced among them undoes it (`karani` swapped to
    # `karnai`, then `n` replaced, is `karzai`: two letters replaced).
    swapped = [(spelling[:i] + spelling[i + 1] + spelling[i] + spelling[i + 2 :], i) for i in range(len(spelling) - 1)]
    doubled = [(spelling[: i + 1] + spelling[i:], i) for i in range(len(spelling))]
    once: list[tuple[str, str, tuple[int, ...]]] = [
        (variant, "", (i, i + 1)) for variant, i in (*swapped, *doubled) if variant != spelling
    ]
    once += [(spelling[:i] + spelling[i + 1 :], spelling[i], ()) for i in range(len(spelling))]  # the letter left out
    return not any(_second_edit(typed, variant, left_out, wrote) for variant, left_out, wrote in once)


def _second_edit(typed: str, variant: str, left_out: str, wrote: tuple[int, ...]) -> bool:
    """typed is variant with a letter replaced other than those at `wrote`, a likely edit (_likely_edit,
    _sound_alike), or, when variant left out the letter `left_out`, that letter typed elsewhere (a letter moved)."""
    if len(typed) == len(variant):
        replaced = [i for i, (a, b) in enumerate(zip(typed, variant, strict=True)) if a != b]
        if len(replaced) == 1 and replaced[0] not in wrote:
            return True
    if _likely_edit(typed, variant) or _sound_alike(typed, variant):
        return True
    moved = (i for i, letter in enumerate(typed) if letter == left_out)
    return bool(left_out) and any(typed[:i] + typed[i + 1 :] == variant for i in moved)


# The vowel letters, any of which a writer spelling by ear puts for another or leaves out: the unstressed vowel (the
# schwa) is written a, e, i, o or u alike (`seperate`, `existance`, `maintainance`).
_VOWELS = frozenset("aeiouy")


def _by_ear_pair(typed: str, spelling: str) -> bool:
    """Whether typed is two edits from spelling (both folded) of the kinds a word spelt by ear has, the commonest
    misspellings of real words (Birkbeck spelling error corpus; Wikipedia's "Lists of common misspellings"): two
    letters exchanged across others (`ecomony`, `revelant`), or a vowel confused (_by_ear_edits) beside another or a
    likely edit (_likely_edit: `maintainance`, `guvernmant`, `rythym` an `h` left out and a `y` added, `priveledge`
    an `i` for an `e` and `dg` for a soft `g`). Not a consonant replaced or added beside a vowel confused: `merkel`
    is no `market`, `hastings` no `hosting`, `karzai` no `kazaa`, `villepin` no `villain`, `mugabe` no `mccabe`."""
    if len(typed) == len(spelling):
        replaced = [i for i, (a, b) in enumerate(zip(typed, spelling, strict=True)) if a != b]
        if (
            len(replaced) == 2
            and typed[replaced[0]] == spelling[replaced[1]]
            and typed[replaced[1]] == spelling[replaced[0]]
        ):
            return True
    # Each by-ear edit undoes itself (a vowel replaced, added or left out; `dg` and `g`): two apart, typed and
    # spelling have one such edit in common.
    once = _by_ear_edits(spelling)
    return bool(once & _by_ear_edits(typed)) or any(_likely_edit(typed, variant) for variant in once)


def _by_ear_edits(spelling: str) -> set[str]:
    """spelling with one edit of a word spelt by ear: each vowel replaced by another or left out, a
    vowel added anywhere, `dg` for a soft `g` or `g` for `dg`."""
    edits = {spelling[:i] + spelling[i + 1 :] for i, letter in enumerate(spelling) if letter in _VOWELS}
    edits |= {
        spelling[:i] + v + spelling[i + 1 :] for i, letter in enumerate(spelling) if letter in _VOWELS for v in _VOWELS
    }
    edits |= {spelling[:i] + v + spelling[i:] for i in range(len(spelling) + 1) for v in _VOWELS}
    edits |= {spelling[:i] + "d" + spelling[i:] for i in range(len(spelling)) if _soft_g(spelling, i)}
    edits |= {
        spelling[:i] + spelling[i + 1 :]
        for i in range(len(spelling) - 1)
        if spelling[i] == "d" and _soft_g(spelling, i + 1)
    }
    edits.discard(spelling)
    return edits


def _soft_g(spelling: str, at: int) -> bool:
    """Whether spelling has a soft g at `at` (a g before e, i or y: `privilege`, `judge`), which `dg` writes too."""
    return spelling[at : at + 1] == "g" and spelling[at + 1 : at + 2] in _SOFTENING


def spelling_variant(typed: str, word: str) -> bool:
    """Whether typed may be word written another way: one or two likely edits from it (_likely_edit: a letter
    doubled, undoubled or left out, two neighbours swapped; `schroder` for `schroeder`, `gadaffi` for `gaddafi`,
    `enviroment` for `environment`)."""
    return _likely_edit(typed, word) or _two_likely_edits(typed, word)


# The vowels vowel_by_ear reads, without the `y` _VOWELS counts: its offers were measured so (session 56).
_PLAIN_VOWELS = frozenset("aeiou")


def vowel_by_ear(typed: str, word: str) -> bool:
    """typed (folded) is word with one vowel past its first syllable (after a consonant that follows a vowel) written
    as another: an unstressed vowel spelt by ear, which readers misspell words they know by (`seperate`,
    `definately`, `independant`), where a consonant replaced, or the vowel of a word's first syllable, is as likely
    another word written on purpose (`wool` is no typo of `wood`, `rape` none of `rate`, `boat` none of `beat`:
    search.typos_respelt, session 56)."""
    if len(typed) != len(word):
        return False
    diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    if len(diff) != 1 or not {typed[diff[0]], word[diff[0]]} <= _PLAIN_VOWELS:
        return False
    at = diff[0]
    return at > 1 and typed[at - 1] not in _PLAIN_VOWELS and any(letter in _PLAIN_VOWELS for letter in typed[: at - 1])


# Letters that write the hard c, any of which a reader spelling by ear types for another (`opek`, OPEC); a c before
# these is soft (`trace`), no spelling of `traqe`.
_HARD_C = frozenset("ckq")
_SOFTENING = frozenset("eiy")
# A word's last sound as in `ferry`, which a reader spelling by ear writes either way (`ferri`, `citi`).
_FINAL_Y = frozenset("iy")


def _sound_alike(typed: str, word: str) -> bool:
    """typed is word with one letter replaced by another writing the same hard-c sound (_HARD_C), or a word's last
    letter `y` written `i` (or the other way): a spelling by ear, as likely among a word's equally near spellings as
    a slip (_candidates): `opek` was read `open` (449 news-dev articles), a letter replaced as arbitrary, where OPEC
    (71) was meant (session 54); `ferri` was read `ferris` (a letter left out, 2 articles' name), not `ferry` (8;
    session 56)."""
    if len(typed) != len(word):
        return False
    diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    if len(diff) != 1:
        return False
    at = diff[0]
    if at == len(word) - 1 and {typed[at], word[at]} == _FINAL_Y:
        return True
    return {typed[at], word[at]} <= _HARD_C and word[at + 1 : at + 2] not in _SOFTENING


def _slip(typed: str, word: str) -> bool:
    """typed is word with one letter doubled or undoubled, or two neighbouring letters swapped."""
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == word[diff[1]]
            and typed[diff[1]] == word[diff[0]]
        )
    longer, shorter = (typed, word) if len(typed) > len(word) else (word, typed)
    if len(longer) != len(shorter) + 1:
        return False
    return any(longer[i] == longer[i - 1] and longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer)))


def _key(typed: str) -> str:
    """A typed word as the query's content words hold it (relevance.query_units): case-folded, possessive dropped."""
    return without_possessive(engine_lower(typed))


def unknown_spellings(q: str, suggest: dict[str, Any] | None) -> list[tuple[str, tuple[str, ...]]]:
    """Each word of q no article body holds but a known word is near, as typed, with its candidate spellings
    (nearest_candidates): the words respelt() asks the vocabulary about (Vocabulary.held_beyond_bodies, in this
    order), and the spellings did_you_mean may count."""
    return [(word.typed, word.candidates) for word in _unknown(q, suggest)]


def possible_readings(q: str, suggest: dict[str, Any] | None) -> list[tuple[str, tuple[str, ...]]]:
    """unknown_spellings, each word's nearest spellings followed by the further ones it may be read as (_candidates:
    `minister` of `minsitre`, two slips away, beside `prime`), each of which search._complete_as_read counts as
    read."""
    return [(word.typed, tuple(dict.fromkeys([*word.candidates, *word.further]))) for word in _unknown(q, suggest)]


def has_digit(word: str) -> bool:
    """A word with a digit (2017, 1000, F-16, covid19) is a number or a code, not a misspelling: no archive word near
    it is what the reader meant (2017 is not 2007), so it is never respelt nor expanded to near spellings."""
    return any(c.isdigit() for c in word)


# The letters of German that English copy writes otherwise (ä, ö, ü as ae, oe, ue; ß as ss), as a reader types them.
_GERMAN_LETTERS = frozenset("äöüß")
_GERMAN_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_GERMAN_SPELLING_ENDS = frozenset("äöü")
GERMAN_SPELLING_MIN_CHARS = 3  # `wö` as `woe`, `sü` as `sue`: English words (german_spelling)


def german_letters(word: str) -> bool:
    """A word with ä, ö, ü or ß (`Pöhl`, `München`, `Straße`) is a foreign word typed in its own spelling, not a
    misspelling: no English word near it is what the reader meant, so it is never expanded to near spellings, as a
    word with a digit is not (`münchen` was read `munchies`, `köln` `kolo`, `straße` `stressed`, and `pöhl` widened
    to 143 articles holding `poll` and the like; session 54's attacker), and one no article holds is respelt only
    as a likely edit of its letters folded (_unknown: `Müllerr` is Muller; session 54's review)."""
    return any(c in _GERMAN_LETTERS for c in unicodedata.normalize("NFC", word).lower())


def _german_edit(typed: str, spelling: str) -> bool:
    """Whether a word with a German letter (german_letters) no article holds may be read as `spelling`: a likely
    edit (_likely_edit) of its letters folded, after the last German letter, which the reader typed on purpose
    (`Müllerr`, `Müler`: Muller; `Schröderr` Schroder; `düsseldorff` Dusseldorf; not `Fürth` Fourth, `köln` kolo),
    never another word near it (session 54's review: the typos were found before session 54, none after)."""
    lowered = unicodedata.normalize("NFC", typed).lower()
    last = max(lowered.rfind(letter) for letter in _GERMAN_LETTERS)
    folded, word = fold_as_index(engine_lower(typed)), fold_as_index(engine_lower(spelling))
    return word.startswith(fold_as_index(lowered[: last + 1])) and _likely_edit(folded, word)


def german_spelling(word: str) -> str | None:
    """A word with ä, ö or ü as English copy writes it, lower-cased (`Pöhl` -> `poehl`, `Schröder` -> `schroeder`,
    `Müller` -> `mueller`: the wire's spelling of each name), which searching for it finds too beside the letters
    folded (`pohl`); None for any other word. Not ß, which the index folds to `ss` already. Nor a word ending in its
    ä, ö or ü, nor one of GERMAN_SPELLING_MIN_CHARS letters or fewer so written: English words end in `ue` and `oe`
    (blue, due, true, issue, value, shoe, toe, woe) where German ones seldom end in an umlaut, and `dü`, `blü`, `wö`,
    `sü` were searched as `due` (605 news-dev articles for `Hüsker Dü`, 22 before), `blue`, `woe`, `sue` (session
    54's review)."""
    lowered = unicodedata.normalize("NFC", word).lower()
    spelt = lowered.translate(_GERMAN_SPELLING)
    final_umlaut = lowered[-1:] in _GERMAN_SPELLING_ENDS
    return spelt if spelt != lowered and not final_umlaut and len(spelt) > GERMAN_SPELLING_MIN_CHARS else None


def _beside_number(units: bytes, offset: int, length: int) -> bool:
    """Whether a word the suggesters read (`offset`, `length` in the UTF-16 `units` of q) runs into a number sign with
    nothing between (`cpu²`, `½cup`): to a search it is one word with a number (has_digit), kept as typed; read
    alone, `wrld-cpu²` was shown read `world-cpu²` while its `cpu` was searched as `cup` (session 45's attack)."""
    before = units[: 2 * offset].decode("utf-16-le", "surrogatepass")[-1:]
    after = units[2 * (offset + length) :].decode("utf-16-le", "surrogatepass")[:1]
    return any(unicodedata.category(character)[0] == "N" for character in before + after)


def unknown_words(q: str, suggest: dict[str, Any] | None) -> dict[str, str]:
    """The words of q (case-folded) that no article body holds but a known word is near, each with the nearest
    known word (the suggester's first option): the ones typo expansion is for. Headlines are not consulted: "no
    options" from their suggester cannot tell a known word from one with nothing near it in the few words headlines
    hold, and expanding a headline-only word costs little."""
    return {_key(word.typed): word.known for word in _unknown(q, suggest)}


def held_elsewhere(q: str, suggest: dict[str, Any] | None, vocabulary: Vocabulary | None) -> set[str]:
    """The words of q (case-folded, as unknown_words keys them) that no article body holds but some text holds as a
    joined word closed up (`walmart`), or a byline or a tag does (`obrien`): names and words as written, which typo
    expansion treats as known (nothing without a vocabulary). Not a headline's word alone: a headline's typo
    (`PRESSUE`) is still a typo, and `pressue` by date found that headline alone where the near spellings found 627
    (session 22's review)."""
    typed = [word.typed for word in _unknown(q, suggest)]
    if vocabulary is None or not typed:
        return set()
    return {_key(word) for word in vocabulary.written_beyond_bodies(typed)}


class Vocabulary(Protocol):
    """What the archive says of some words beyond the suggesters' answer (search.py asks the engine, at most once a
    search for the same words)."""

    def held_beyond_bodies(self, words: Sequence[str], phrases: Sequence[str] = ()) -> set[str]:
        """Which of `words` some headline, summary, byline or tag holds, or some text as a joined word closed up;
        `phrases` are counted in the same request, for written_as_phrases."""
        ...

    def written_beyond_bodies(self, words: Sequence[str]) -> set[str]:
        """Which of `words` some text holds as a joined word closed up, or some byline or tag holds."""
        ...

    def written_as_phrases(self, phrases: Sequence[str]) -> dict[str, int]:
        """For each phrase, how many articles write it (its words side by side, as written), body or headline."""
        ...

    def likeliest(
        self,
        choices: Sequence[tuple[Sequence[str], Sequence[str]]],
        nearest: Sequence[int] | None = None,
        slips: Sequence[int] | None = None,
        beyond: Sequence[int] | None = None,
    ) -> list[str]:
        """For each (candidates, context) of a query: of equally near spellings, the one most articles hold beside the
        query's other words (`context`, each within a typo; none: any article), an article writing it side by side with
        one of them as typed counting for more (`george bosh` is `george bush`, though more articles hold `both` and
        `george` apart): "premier leage" is "premier league", not the more frequent "premier leave". A candidate of
        several words (a joined word's spellings, `coca-cola`) is held as a phrase. All of a query's words at once (one
        engine request, whatever their number). `nearest`: for each choice, how many of its candidates are the nearest
        (default: all); the others (further ones, _candidates) are chosen among only when none of those is held beside a
        context word and one of them is, or one is written with a context word as a phrase (`oil prises`: `oil prices`),
        or, for the first `slips` of them (two likely edits; default none), when the context words make one
        overwhelmingly likelier; the last `beyond` of them (further than AUTO fuzziness reaches; default none) only
        as a phrase."""
        ...


def _respellable(q: str, suggest: dict[str, Any] | None, vocabulary: Vocabulary | None) -> list[_Unknown]:
    """The words of q no article holds, body, headline, byline or tag, each with its likeliest spelling. A word no body
    holds may still be a headline's word, and the headline suggester's silence cannot tell that from "no headline
    word is near it"; nor does any suggester read bylines or tags (`Jose` of José Núñez is no misspelt `rose`):
    `vocabulary.held_beyond_bodies` settles both; without a vocabulary a word the headline suggester was silent on
    counts as a headline's. Equally near spellings are told apart by the query's other words
    (vocabulary.likeliest); without one, the first."""
    replacements = _unknown(q, suggest)
    if vocabulary is None:
        held = {word.typed for word in replacements if word.maybe_in_titles}
    else:
        # With the phrases a short word may be read as (_as_phrases), in one request.
        phrases = short_word_phrases(q, suggest)
        held = vocabulary.held_beyond_bodies([word.typed for word in replacements], phrases) if replacements else set()
    # A word held only beyond the bodies is still read as its split where split_spellings found more articles
    # writing that (`newyork`: "New York", read joined: `new-york`).
    kept = [
        word
        for word in replacements
        if word.typed not in held or word.known.replace("-", " ") in word_splits(word.typed)
    ]
    respellable = _as_phrases(q, kept, vocabulary)
    if vocabulary is None or not any(len(word.candidates) > 1 or word.further for word in respellable):
        return respellable
    # The words the suggesters looked up (no long run: matched within a typo, it would cost what it did there).
    looked_up = _looked_up(q)
    words = _tokens(looked_up)
    choices: dict[int, tuple[tuple[str, ...], list[str]]] = {}
    nearest: dict[int, int] = {}
    slips: dict[int, int] = {}
    beyond: dict[int, int] = {}
    for i, word in enumerate(respellable):
        if len(word.candidates) < 2 and not word.further:
            continue
        before, after = word.joined
        # A part of a joined word is told by its other parts first: `coca-cols` is Coca-Cola (the spellings counted
        # as the joined word, its parts adjacent), not the `coles` more articles hold beside `sales`.
        at = _at(looked_up, word.offset)
        # Not the text the word is written in (`"Coca-Cols"`, `cols,`), which holds every candidate within a typo.
        context = [
            w
            for start, end, w in words
            if not start <= at < end and _key(w) not in STOPWORDS and _key(w) != _key(word.typed)
        ]
        if before or after:
            choices[i] = (tuple(before + c + after for c in word.candidates), context)
        elif context:  # a lone word without other words: the first (or its `alone` spelling)
            choices[i] = (word.candidates + word.further, context)
        if i in choices:
            nearest[i] = len(word.candidates)
            slips[i] = word.slips  # none for a part of a joined word (_unknown)
            beyond[i] = word.beyond
    chosen = vocabulary.likeliest(
        list(choices.values()),
        [nearest[i] for i in choices],
        [slips[i] for i in choices],
        [beyond[i] for i in choices],
    )
    likeliest = {}
    for i, spelling in zip(choices, chosen, strict=True):
        candidates = respellable[i].candidates + respellable[i].further
        likeliest[i] = candidates[choices[i][0].index(spelling)]
    return [
        replace(word, candidates=(likeliest.get(i, word.known),), further=(), alone=None)
        if len(word.candidates) > 1 or word.further
        else word
        for i, word in enumerate(respellable)
    ]


def short_word(typed: str) -> bool:
    """A word of SHORT_WORD_CHARS letters or fewer, as the index compares it: read only as a phrase (_as_phrases)."""
    return len(fold_as_index(_key(typed))) <= SHORT_WORD_CHARS


def _short(word: _Unknown) -> bool:
    return short_word(word.typed)


def short_word_phrases(q: str, suggest: dict[str, Any] | None) -> list[str]:
    """The phrases _as_phrases counts for the short words of q no article body holds (Vocabulary.written_as_phrases),
    so that a search can ask them with its other questions of the vocabulary."""
    unknown = _unknown(q, suggest)
    return [phrase for word in unknown if _short(word) for phrase, _ in _phrases_of(q, word, unknown)]


def offer_phrases(q: str, suggest: dict[str, Any] | None, offer: str) -> list[str] | None:
    """The phrases _as_phrases counts, in a search for `offer` (q with other words respelt, each short word of q no
    article body holds as typed: search.typos_respelt), for those short words: a search for the offer reads one as
    its spelling when a phrase is written, and did_you_mean's count would not be what following the offer finds
    (search._spelling: `opc ouptut` was offered `opc output`, 207, which reads `opec output`, 209; session 44).
    None when a short word is not where q has it in the offer's tokens (then nothing tells)."""
    short = [word for word in _unknown(q, suggest) if _short(word)]
    if not short:
        return []
    typed_text, offered_text = _looked_up(q), _looked_up(offer)
    typed, offered = _tokens(typed_text), _tokens(offered_text)
    if len(typed) != len(offered):
        return None
    phrases: list[str] = []
    for word in short:
        at = _at(typed_text, word.offset)
        k = next((i for i, (start, end, _) in enumerate(typed) if start <= at < end), None)
        if k is None:
            return None
        inside = at - typed[k][0]
        start, _, token = offered[k]
        if not token[inside:].startswith(word.typed):
            return None
        offset = len(offered_text[: start + inside].encode("utf-16-le", "surrogatepass")) // 2
        phrases.extend(phrase for phrase, _ in _phrases_of(offer, replace(word, offset=offset)))
    return phrases


def _as_phrases(q: str, words: Sequence[_Unknown], vocabulary: Vocabulary | None) -> list[_Unknown]:
    """`words` but the short ones (SHORT_WORD_CHARS letters or fewer) no spelling of which is written as a phrase with
    a word typed next to it, each other short one with that spelling: of its spellings one likely edit away (nearest
    and further; _likely_edit, or a key next to the one meant: _next_key), the one written so in the most articles,
    from MIN_SIDE_BY_SIDE (the first of equals). A short word has a dozen spellings one edit away (`cpu`: cup, cpi,
    cpa), which the word alone cannot choose between, nor can the articles holding the other words apart: `intel cpu`
    is no `intel cup`. With the stopwords typed between them: `bnk of england` is `bank of england`. Only likely
    edits: `cbc news` is no `bbc news` (`c` and `b` are keys apart), `ctv programmes` no `tv programmes` (a letter
    added); of a reviewer's 91 three-letter words the archive lacks, typed beside a word that forms a phrase with a
    spelling one edit away, 12 were read so with any edit and 1 with likely ones (each a phrase in most of the
    articles holding both words), 5 with likely ones as kept, where any phrase counts (session 42). Nor a word typed
    in capitals (_abbreviation), nor in the order not typed (`cpu world` is searched as typed). Without a
    vocabulary, none is read."""
    short = [word for word in words if _short(word)]
    if not short:
        return list(words)
    phrases = {word.offset: _phrases_of(q, word, words) for word in short}
    counts = vocabulary.written_as_phrases([p for listed in phrases.values() for p, _ in listed]) if vocabulary else {}
    read: dict[int, str] = {}
    for offset, listed in phrases.items():
        written: dict[str, int] = {}
        for phrase, spelling in listed:
            if counts.get(phrase, 0) >= MIN_SIDE_BY_SIDE:
                written[spelling] = max(counts[phrase], written.get(spelling, 0))
        if written:
            read[offset] = max(written, key=lambda spelling: written[spelling])  # the first of equals
    # A short word typed twice is one word to a search (typo_words keys its spellings by word), read as one of its
    # places reads it: `wrld cpu cpu` was shown `world cup cpu`, which finds 1,182 news-dev articles, where the
    # search, reading both, found 73 (session 44's review).
    spellings: dict[str, str] = {}
    for word in short:
        if word.offset in read:
            spellings.setdefault(_key(word.typed), read[word.offset])
    read |= {word.offset: spellings[_key(word.typed)] for word in short if _key(word.typed) in spellings}
    return [
        replace(word, candidates=(read[word.offset],), further=(), slips=0, beyond=0, alone=None)
        if _short(word)
        else word
        for word in words
        if not _short(word) or word.offset in read
    ]


def _phrases_of(q: str, word: _Unknown, others: Sequence[_Unknown] = ()) -> list[tuple[str, str]]:
    """(phrase, spelling) for each spelling of a short word (candidates, then further ones) and each word typed next to
    it, in the order typed: the word before it and the word after it, no stopword, each with the stopwords (at most
    _MAX_STOPWORDS_BETWEEN) and punctuation typed between them; for a part of a joined word, the joined word respelt
    (`wal-mrt`: `wal-mart`); none for a word typed in capitals (_abbreviation). A word next to it no article body
    holds either (one of `others`, not short) also as its spellings (_as_typed_and_spelt: its equally near ones; the
    one likeliest beside the others is chosen after): `wrld cpu` is `world cup` (session 44), `bnk of-englnd` `bank
    of-england`, and a part of the same joined word as its first spelling, `wrld-cpu` `world-cup` (session 45)."""
    if _abbreviation(q, word.typed):
        return []
    typed = fold_as_index(_key(word.typed))
    spellings = dict.fromkeys(
        spelling
        for spelling in word.candidates + word.further
        if _likely_edit(typed, fold_as_index(spelling)) or _next_key(typed, fold_as_index(spelling))
    )
    before, after = word.joined
    if before or after:
        # Its other parts as typed, and those no body holds as their spellings too: `wrld-cpu` is `world-cup`.
        around = dict.fromkeys([(before, after), (_parts_spelt(before, others), _parts_spelt(after, others))])
        return [(head + spelling + tail, spelling) for spelling in spellings for head, tail in around]
    looked_up = _looked_up(q)
    at = _at(looked_up, word.offset)
    tokens = _tokens(looked_up)
    k = next((i for i, (start, end, _) in enumerate(tokens) if start <= at < end), None)
    if k is None:
        return []
    start, _, token = tokens[k]
    # Where the other words no body holds start in the looked-up text, each with its spelling (`wrld`: `world`); only
    # a word the search respells: a word of its own or a part of a joined word (`of-englnd`: session 45), not
    # `englnd` of `of🏆englnd`, one word to a search, whose reading by date was `bank of🏆englnd` (session 44).
    spelt_at = {
        _at(looked_up, other.offset): other
        for other in others
        if other.offset != word.offset and not _short(other) and (any(other.joined) or _alone(q, other))
    }
    # The token as typed around the word (`cpu,`), the word replaced.
    head, tail = token[: at - start], token[at - start + len(word.typed) :]
    sides: list[tuple[list[str], bool]] = []
    for step in (-1, 1):
        between: list[str] = []
        i = k + step
        # Stopwords and punctuation alone (`intel : cpu`) are typed between; punctuation is no word next to it: the
        # engine reads `cup ?` as `cup`, which 150 news-dev articles hold (the session's review).
        while 0 <= i < len(tokens) and (_is_stopword(tokens[i][2]) or not _has_word(tokens[i][2])):
            between.append(tokens[i][2])
            if sum(_is_stopword(other) for other in between) > _MAX_STOPWORDS_BETWEEN:
                break
            i += step
        if 0 <= i < len(tokens) and not _is_stopword(tokens[i][2]) and _has_word(tokens[i][2]):
            sides.extend(([*between, neighbour], step < 0) for neighbour in _as_typed_and_spelt(tokens[i], spelt_at))
    found = []
    for spelling in spellings:
        for run, first in sides:
            spelt = head + spelling + tail
            found.append((" ".join([*reversed(run), spelt] if first else [spelt, *run]), spelling))
    return found


def _parts_spelt(text: str, others: Sequence[_Unknown]) -> str:
    """The parts of a joined word's text (`wrld-`) each as its spelling where it is one of `others` no body holds and
    not a short word (`world-`)."""
    spellings = {_key(other.typed): other.known for other in others if not _short(other)}
    return "".join(spellings.get(_key(part), part) for part in _PART.split(text))


_TOKEN_ENDS = str.maketrans('"|', "  ")
_EDGES = re.compile(r"^\W+|\W+$")  # punctuation and symbols before and after a word (_alone)


def _alone(q: str, word: _Unknown) -> bool:
    """Whether a word is its whitespace token of q but for punctuation or symbols before or after it (`wrld,`), as a
    search reads the words apart (_words_apart): a word glued by `.`, `:` or `_` (`wrld.cpu`) is one, its parts
    respelt one by one, and so is one with punctuation or a symbol between it and the next (`of🏆englnd`,
    `oil+prces`; session 45). Not a part of a joined word, nor a word glued by a character the engine keeps in a
    word (`wrld^cpu`: query_parser._separates), one word to a search, which does not respell it."""
    # Quotes and bars, where the query parser's tokens end, too (`of"englnd`, `wrld|cpu`).
    unglued = _words_apart(q).translate(_TOKEN_ENDS)
    at = _at(unglued, word.offset)
    token = next((text for start, end, text in _tokens(unglued) if start <= at < end), "")
    return _EDGES.sub("", token) == _EDGES.sub("", word.typed)


def _as_typed_and_spelt(token: tuple[int, int, str], spelt_at: Mapping[int, _Unknown]) -> list[str]:
    """A whitespace token (_tokens) as typed, and, when words no body holds start in it (`spelt_at`, by place in the
    looked-up text), with each as its spelling too (`wrld,` and `world,`; `of-englnd` and `of-england`): the first
    such word as each of its equally near spellings, up to MAX_NEIGHBOUR_SPELLINGS (the likeliest is chosen after
    the phrases are counted: `bcb programm` asked `bbc program` alone, no article writes it, and its reading
    `bcb programme` a search reads `bbc programme`; session 45), the others as their first."""
    start, _, text = token
    found = [(at, other) for at in range(len(text)) if (other := spelt_at.get(start + at)) is not None]
    if not found:
        return [text]
    first = found[0][1]
    choices = first.candidates[:MAX_NEIGHBOUR_SPELLINGS] if first.alone is None else (first.known,)
    variants = [text]
    for choice in choices:
        spelt: list[str] = []
        done = 0
        for at, other in found:
            if at >= done and text[at:].startswith(other.typed):
                spelt += [text[done:at], choice if other is first else other.known]
                done = at + len(other.typed)
        variants.append("".join([*spelt, text[done:]]))
    return list(dict.fromkeys(variants))


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) of each whitespace token of text (the suggesters' text, _looked_up)."""
    return [(match.start(), match.end(), match.group()) for match in _WORD.finditer(text)]


def _at(text: str, offset: int) -> int:
    """The index in text of `offset` UTF-16 code units, as the engine reports a word's place (an emoji counts two)."""
    return len(text.encode("utf-16-le", "surrogatepass")[: 2 * offset].decode("utf-16-le", "surrogatepass"))


def _has_word(token: str) -> bool:
    return any(character.isalnum() for character in token)


def _abbreviation(q: str, typed: str) -> bool:
    """typed is in capitals (two or more letters) where capitals may be an abbreviation (query_parser.capitals_typed:
    not in a query all in capitals), one the reader typed as such (`BJP leader`, `MFI shares`), not read as another
    word (session 42's review read them `BNP`, `MCI`)."""
    letters = [c for c in typed if c.isalpha()]
    return len(letters) > 1 and typed.isupper() and capitals_typed(parse_query(q))


_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {key: (row, column) for row, keys in enumerate(_KEYBOARD) for column, key in enumerate(keys)}


def _next_key(typed: str, word: str) -> bool:
    """typed is word with one letter replaced by a key next to it on a QWERTY keyboard (each row set off to the right
    of the one above: `g` touches `t`, `y`, `f`, `h`, `v` and `b`)."""
    if len(typed) != len(word):
        return False
    diff = [(a, b) for a, b in zip(typed, word, strict=True) if a != b]
    if len(diff) != 1 or diff[0][0] not in _KEY_AT or diff[0][1] not in _KEY_AT:
        return False
    (row, column), (other_row, other_column) = _KEY_AT[diff[0][0]], _KEY_AT[diff[0][1]]
    # Row r is set off to the right of row r - 1: its key c touches c and c + 1 of the row above.
    if row == other_row:
        return abs(column - other_column) == 1
    if other_row == row - 1:
        return other_column in (column, column + 1)
    if other_row == row + 1:
        return other_column in (column - 1, column)
    return False


# At most this many equally near spellings of a word no body holds, beside a short word, counted as phrases with it.
MAX_NEIGHBOUR_SPELLINGS = 3

# At most this many stopwords between a short word and the word typed next to it (`war in the gulf`): a phrase.
_MAX_STOPWORDS_BETWEEN = 2


# What joins the parts of a joined word for telling a misspelt part apart: not an apostrophe, since the exact fields
# hold `o'neill` whole, and `'s` is a possessive.
_PART_JOINERS = "-&/"
_PART = re.compile(f"([{re.escape(_PART_JOINERS)}])")


def _in_part(character: str) -> bool:
    # A letter, a digit or a combining mark, as the index's joined words hold them (`सरकार-मोदी`, a decomposed `é`).
    return unicodedata.category(character)[0] in "LNM"


def _joined_around(q: str, offset: int, length: int) -> tuple[str, str]:
    """The text of the joined word a word of q (`offset` and `length` in UTF-16 units, as the suggesters report
    them) is a part of, before it and after it (both empty when it is none): `coca-` of `cols` in `coca-cols`.
    Read outward from the word, character by character (a pattern searched for at the end of a 2,000-letter run
    took 50-80 ms a word: session 29's review)."""
    units = q.encode("utf-16-le", "surrogatepass")
    prefix = units[: 2 * offset].decode("utf-16-le", "surrogatepass")
    suffix = units[2 * (offset + length) :].decode("utf-16-le", "surrogatepass")
    start = len(prefix)
    while start >= 2 and prefix[start - 1] in _PART_JOINERS and _in_part(prefix[start - 2]):
        part = start - 2
        while part > 0 and _in_part(prefix[part - 1]):
            part -= 1
        start = part
    end = 0
    while end + 1 < len(suffix) and suffix[end] in _PART_JOINERS and _in_part(suffix[end + 1]):
        end += 2
        while end < len(suffix) and _in_part(suffix[end]):
            end += 1
    return prefix[start:], suffix[:end]


def respellings(q: str, suggest: dict[str, Any] | None, vocabulary: Vocabulary | None = None) -> dict[str, str]:
    """The words of q (case-folded) that no article holds, body or headline, each with its likeliest spelling:
    the ones searched as that word. A headline's own word (`bold`, in one headline, near `told` in many bodies) is
    searched as typed. `vocabulary`: see _respellable."""
    return {_key(word.typed): word.known for word in _respellable(q, suggest, vocabulary)}


def respelt(
    q: str, suggest: dict[str, Any] | None, vocabulary: Vocabulary | None = None, only: Collection[str] | None = None
) -> str | None:
    """q with each word no article contains (body or headline) replaced by its likeliest spelling, or None.
    `vocabulary`: see _respellable. `only`: the words (case-folded, as respellings() keys them) to replace, when not
    every such word."""
    replacements = [word for word in _respellable(q, suggest, vocabulary) if only is None or _key(word.typed) in only]
    if not replacements:
        return None
    units = q.encode("utf-16-le", "surrogatepass")
    for word in sorted(replacements, key=lambda w: w.offset, reverse=True):
        start, end = 2 * word.offset, 2 * (word.offset + word.length)
        base = without_possessive(word.typed)  # Gazprm's -> Gazprom's
        spelt = _same_case(base, word.known) + word.typed[len(base) :]
        units = units[:start] + spelt.encode("utf-16-le", "surrogatepass") + units[end:]
    corrected = _repeats_respelt(units.decode("utf-16-le", "surrogatepass"), replacements)
    return corrected if corrected.casefold() != q.casefold() else None


# A word alone between spaces, a possessive or punctuation after it aside (`prces`, `prces,`, `niissan's`): no part
# of a joined word.
_BARE_WORD = re.compile(r"(?<!\S)([^\W\d_]+)(?=(?:['\u2019]s)?[^\w\s\"]*(?!\S))")


def _repeats_respelt(text: str, replacements: Sequence[_Unknown]) -> str:
    """text with each word that repeats a word respelt as its spelling too: a search reads every repeat so, and the
    suggesters report only the first MAX_SPELLED_WORDS words (`oil prces` typed five times was shown read with its
    last `prces` as typed, a text whose own search listed 1,128 news-dev articles by date, not 298; session 46's
    attack). Only where the search reads it as a word to hold (_where_held)."""
    spelt = {_key(word.typed): word.known for word in replacements if _LETTERS.fullmatch(_key(word.typed))}
    return _where_held(text, spelt) if spelt else text


def _where_held(text: str, spellings: Mapping[str, str]) -> str:
    """text with each bare word (_BARE_WORD) that `spellings` keys (as respellings() keys words) replaced by its
    spelling, in the case it was typed in, where a search reads it as a word an article must hold
    (query_parser.plain_words): not excluded, an OR-group's alternative or in a quoted phrase."""
    return _replaced(text, plain_words(text), _BARE_WORD, spellings)


def _replaced(text: str, blanked: str, words: re.Pattern[str], spellings: Mapping[str, str]) -> str:
    """text with each match of `words` (its first group, or the whole match) in `blanked` (text with some tokens
    blanked, the same UTF-16 width) that `spellings` keys replaced by its spelling in the case it was typed in."""
    units = text.encode("utf-16-le", "surrogatepass")
    pieces: list[bytes] = []
    last = 0
    for found in words.finditer(blanked):
        typed = found.group(found.re.groups and 1)
        if not (spelling := spellings.get(_key(typed))):
            continue
        start = len(blanked[: found.start(found.re.groups and 1)].encode("utf-16-le", "surrogatepass"))
        pieces += [units[last:start], _same_case(typed, spelling).encode("utf-16-le", "surrogatepass")]
        last = start + len(typed.encode("utf-16-le", "surrogatepass"))
    return b"".join([*pieces, units[last:]]).decode("utf-16-le", "surrogatepass")


_JOINER = re.compile(f"([{re.escape(JOINERS)}])")
_LETTERS = re.compile(r"[^\W\d_]+")


# A run of letters that is a word of its own to a search, not a part of a joined word (`oil-untied`), a possessive
# aside (`untied's`).
_WORD_RUN = re.compile(rf"(?<!\w[{re.escape(JOINERS)}])\b[^\W\d_]+\b(?![{re.escape(JOINERS)}](?!s\b)\w)")


def with_spellings(q: str, spellings: Mapping[str, str]) -> str | None:
    """q with each run of letters that `spellings` keys (as respellings() keys words) replaced by its spelling, in
    the case it was typed in (`Goverment` -> `Government`), but in an excluded term (`manchester untied -untied` was
    shown read `manchester united -united`, whose search finds 32 news-dev articles where the search found 763;
    session 46's review) or a joined word (_WORD_RUN); None when none is."""
    corrected = _replaced(q, without_exclusions(q), _WORD_RUN, spellings)
    return corrected if corrected != q else None


def _same_case(original: str, word: str) -> str:
    """word in the case original is typed in: all capitals, a capital first, or lower case; a joined word part by
    part when both have as many parts (`O'Sulivan` -> `O'Sullivan`, not `O'sullivan`; session 25's review)."""
    typed_parts, parts = _JOINER.split(original), _JOINER.split(word)
    if len(typed_parts) > 1 and len(typed_parts) == len(parts) and not original.isupper():
        return "".join(_case_of(typed, part) for typed, part in zip(typed_parts, parts, strict=True))
    return _case_of(original, word)


def _case_of(original: str, word: str) -> str:
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
    vocabulary: Vocabulary | None = None,
    max_chars: int | None = None,
    written: Mapping[str, str] = MappingProxyType({}),
    otherwise: str | None = None,
    beside: Mapping[str, str] = MappingProxyType({}),
) -> Suggestion | None:
    """The respelt query and what searching for it finds (`count_for`), if that is more than `total` (what q found)
    and it is at most `max_chars` long (a respelling can lengthen a query already at the limit, and following it
    answered 400). `vocabulary`: see respelt. `written`: spellings offered as written (as_written). `otherwise`: the
    query offered when no word needs respelling (a likely typo some articles hold: search.typos_respelt). `beside`:
    words some article holds offered as another spelling with the respelling (as respellings() keys words), or, when
    that finds no more, the respelling alone (`white hose presidnt` by date: `white house president` finds fewer
    than the 133 found, `white hose president` more; session 46's review)."""
    respelling = respelt(q, suggest, vocabulary)
    offers = [otherwise] if respelling is None else [as_written(respelling, written)]
    if respelling is not None and beside and (both := with_spellings(respelling, beside)) is not None:
        offers.insert(0, as_written(both, written))
    for corrected in offers:
        if corrected is None or (max_chars is not None and len(corrected) > max_chars) or _only_forms(q, corrected):
            continue
        if (found := count_for(corrected)) > total:
            return Suggestion(q=corrected, total=found)
    return None
