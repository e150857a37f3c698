"""The term suggesters' text: a long run of characters is blanked, offsets into the query kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from archive_search.models import Suggestion
from archive_search.spelling import (
    FEW_ARTICLES,
    MANY_ARTICLES,
    MAX_SPELLED_CHARS,
    MAX_SPELLED_STOPWORDS,
    MAX_SPELLED_WORDS,
    as_written,
    closed_up_spellings,
    closed_up_suggester,
    closed_up_words,
    did_you_mean,
    nearest_candidates,
    offer_phrases,
    possible_readings,
    read_written_forms,
    respellings,
    respelt,
    spelling_suggester,
    unknown_spellings,
    with_spellings,
    with_splits,
    word_splits,
    written_forms_request,
)


def test_the_suggesters_read_glued_words_apart_but_not_an_abbreviation() -> None:
    # A glued token was no word a suggester could respell: `oill.gass` found nothing and offered nothing (session 22)
    assert spelling_suggester("oill.gass kerry_ptuin bbc.co.uk")["text"] == "oill gass kerry ptuin bbc co uk"
    for abbreviation in ("Ph.D", "u.s.economy", "e.g. 10:30 3.5"):
        assert spelling_suggester(abbreviation)["text"] == abbreviation


def test_runs_longer_than_any_word_are_not_looked_up_and_offsets_stay() -> None:
    # an emoji counts two UTF-16 units, as the engine counts; blanked, it is no part of the run (symbols_blanked)
    long_run = "\U0001f600" + "x" * (MAX_SPELLED_CHARS + 1)
    q = f"economi {long_run} growht"
    text = spelling_suggester(q)["text"]
    assert text.split() == ["economi", "growht"]
    assert len(text.encode("utf-16-le", "surrogatepass")) == len(q.encode("utf-16-le", "surrogatepass"))
    assert text.index("growht") * 2 == len(q[: q.index("growht")].encode("utf-16-le", "surrogatepass"))
    assert spelling_suggester("x" * MAX_SPELLED_CHARS)["text"] == "x" * MAX_SPELLED_CHARS


def test_only_the_first_words_of_a_long_paste_are_looked_up_by_the_suggesters() -> None:
    # Every word looked up costs the engine an edit-distance walk of the vocabulary: 62 unknown words timed out.
    q = " ".join(f"wordz{n}x" for n in range(62))
    text = spelling_suggester(q)["text"]
    assert len(text) == len(q)
    assert text.split() == q.split()[:MAX_SPELLED_WORDS]
    # A stopword is no word to respell and costs no walk: the first words are counted without them (session 30)
    sentence = "tony blair says the government will cut taxes for familes and then for all of us"
    assert spelling_suggester(sentence)["text"].split() == sentence.split()[:14]  # `all` the eighth counted
    # but no more stopwords than MAX_SPELLED_STOPWORDS (each filter of the closed-up words cost the engine: a word and
    # 1,019 `a`s took 837 ms; session 30's review), and none is a closed-up word to look up
    stopwords = "zzqxvwab " + "a " * 1019
    assert len(spelling_suggester(stopwords)["text"].split()) == 1 + MAX_SPELLED_STOPWORDS
    assert closed_up_words(stopwords) == [(0, 8, "zzqxvwab")]
    assert closed_up_words('"the," wallmart') == [(7, 8, "wallmart")]


def test_bylines_are_looked_up_one_edit_away_and_only_in_a_query_of_a_few_words() -> None:
    # A reader looking for a writer types the name, perhaps with a word or two of the subject; in a longer query the
    # byline suggester's walk of every word cost the engine 8 ms per CISI query at two edits, 1 ms at one (session 53)
    for name in ("peter tordey", "peter tordey fed rates", "the articles of peter tordey on the fed"):
        byline = spelling_suggester(name)["spell_byline"]["term"]
        assert (byline["field"], byline["max_edits"]) == ("author", 1)
    for paste in ("peter tordey fed interest rates", "image recognition and any other methods of transforming text"):
        assert "spell_byline" not in spelling_suggester(paste)
        assert "spell_body" in spelling_suggester(paste)


def _options(*words: tuple[str, int]) -> list[dict[str, object]]:
    return [{"text": text, "freq": freq} for text, freq in words]


def nearest_known(
    typed: str, body: list[dict[str, object]], titles: list[dict[str, object]] | None = None
) -> str | None:
    """The likeliest of the equally near candidates, or None."""
    candidates = nearest_candidates(typed, body, titles or [])
    return candidates[0] if candidates else None


def test_the_nearest_known_word_is_a_slip_of_the_keys_before_a_more_frequent_substitution() -> None:
    # As the engine ranks them for "oill": every substitution scores above the deletion, then by frequency.
    body = _options(("will", 210), ("kill", 22), ("bill", 16), ("oil", 15), ("ill", 12))
    assert nearest_known("oill", body) == "oil"
    assert nearest_known("ocured", _options(("cured", 40), ("occured", 2))) == "occured"
    assert nearest_known("ledaer", _options(("leaders", 87), ("leader", 9))) == "leader"  # swapped neighbours


def test_a_held_words_plural_or_possessive_typed_alone_is_that_word_and_among_the_nearest_beside_others() -> None:
    # news-dev's counts (session 49's attacker): `howards` was read `towards`, `feds` `feeds` (a letter left out)
    howards = _options(("towards", 184), ("howard", 162), ("hoards", 1))
    assert respelt("howards", {"spell_body": [{"offset": 0, "length": 7, "options": howards}]}) == "howard"
    feds = _options(("fees", 70), ("feeds", 5), ("fed", 111))
    assert respelt("feds", {"spell_body": [{"offset": 0, "length": 4, "options": feds}]}) == "fed"
    # beside other words it is one of the nearest, for them to choose (`feeds` alone was the nearest of `feds rates`)
    assert nearest_candidates("feds", feds) == ("feeds", "fed")
    # not a word few articles hold (`odays` is `days`, not one article's `Oday`), nor a past participle (`playeds`)
    odays = _options(("days", 422), ("oday", 1))
    assert respelt("odays", {"spell_body": [{"offset": 0, "length": 5, "options": odays}]}) == "days"
    playeds = _options(("players", 401), ("played", 300))
    assert respelt("playeds", {"spell_body": [{"offset": 0, "length": 7, "options": playeds}]}) == "players"
    # nor a word that has no plural (`froms` is `forms`, `mays` `says`: the session's last review)
    froms = _options(("forms", 120), ("from", 2814))
    assert respelt("froms", {"spell_body": [{"offset": 0, "length": 5, "options": froms}]}) == "forms"


def test_a_word_ending_in_s_asks_a_suggester_of_its_own_for_the_word_without_it() -> None:
    # Every letter but the `s` fixed, the other words blanked to the same width (an emoji is two UTF-16 units)
    suggesters = spelling_suggester("\U0001f600 mens final, Dows! the bus 4x4s")
    forms = {name: s for name, s in suggesters.items() if name.startswith("spell_form")}
    assert [s["text"].strip() for s in forms.values()] == ["mens", "Dows!"]
    assert [s["text"].index(s["text"].strip()) for s in forms.values()] == [3, 15]
    assert {len(s["text"]) for s in forms.values()} == {len(suggesters["text"])}
    assert [s["term"]["prefix_length"] for s in forms.values()] == [3, 3]
    assert all(s["term"]["field"] == "body.exact" and s["term"]["max_edits"] == 1 for s in forms.values())


def _crowded(typed: str, body: list[dict[str, object]], own: list[dict[str, object]]) -> dict[str, object]:
    """The suggest answer for one word: the body suggester's options and those of its own (_form_suggesters)."""
    entry = {"offset": 0, "length": len(typed)}
    return {"spell_body": [{**entry, "options": body}], "spell_form 0": [{**entry, "text": typed, "options": own}]}


def test_a_held_words_plural_the_body_suggester_crowds_out_is_read_as_that_word() -> None:
    # news-dev: among `mens`' ten options every substitution ranks above `men`, a letter left out (126 articles)
    crowded = _options(("means", 490), ("mean", 120), ("menu", 12), ("mend", 3), ("hens", 2), ("tens", 40))
    assert respelt("mens", _crowded("mens", crowded, [])) == "means"
    assert respelt("mens", _crowded("mens", crowded, _options(("men", 126), ("mend", 3)))) == "men"
    # Not a word few articles hold, nor one without a plural (`mays` stays `says`), nor another its suggester finds
    assert respelt("mens", _crowded("mens", crowded, _options(("men", FEW_ARTICLES)))) == "means"
    assert respelt("mays", _crowded("mays", _options(("says", 1354)), _options(("may", 1087)))) == "says"
    assert respelt("mens", _crowded("mens", crowded, _options(("mend", 300)))) == "means"


def test_a_words_possible_readings_are_its_nearest_spellings_then_the_further_ones() -> None:
    # news-dev: `minsitre` is one edit from two Reuters articles' `minsiter`, two slips from `minister` (631), which
    # `prime` reads it as: counted as read too (search._complete_as_read), or `prime` was widened to `prize`; not
    # `monster`, past the edits allowed
    options = _options(("minsiter", 2), ("minister", 631), ("monster", 12))
    suggest = {"spell_body": [{"offset": 6, "length": 8, "options": options}]}
    assert unknown_spellings("prime minsitre", suggest) == [("minsitre", ("minsiter",))]
    assert possible_readings("prime minsitre", suggest) == [("minsitre", ("minsiter", "minister"))]


def test_a_typed_plurals_own_word_is_no_offer() -> None:
    # the session's last review: `scotts` was offered `scott`, `bakers` `baker`, at about the count found
    bakers = {"spell_body": [{"offset": 0, "length": 6, "options": _options(("bankers", 80), ("baker", 30))}]}
    assert did_you_mean("bakers", bakers, lambda q: 103, 102) is None
    assert did_you_mean("bakers", bakers, lambda q: 103, 102, otherwise="bankers") is None
    stucks = {"spell_body": [{"offset": 0, "length": 6, "options": _options(("stocks", 585))}]}
    assert did_you_mean("stucks", stucks, lambda q: 585, 24) == Suggestion(q="stocks", total=585)


def test_a_slip_into_a_word_one_article_holds_is_no_likelier_than_another_edit() -> None:
    # news-dev's counts: one article's typo `interst` was chosen for `intrest` over `interest`, held by 722 (session 25)
    assert nearest_known("intrest", _options(("interst", 1), ("interest", 722))) == "interest"
    assert nearest_candidates("intrest", _options(("interst", 1), ("intrust", 3), ("interest", 722))) == (
        "interest",
        "interst",
    )  # a left-out letter and the slip equally likely (session 26), the letter replaced less: the other words choose
    # A word more articles hold keeps its slip, however frequent the other (`kery` is `kerry`, not `very`)
    assert nearest_known("kery", _options(("very", 879), ("kerry", 10))) == "kerry"
    assert nearest_known("ocured", _options(("cured", 40), ("occured", 2))) == "occured"
    # And a slip into one article's word still wins when no spelling as near is held by many (a small archive)
    assert nearest_known("intrest", _options(("interst", 1), ("intrust", 49))) == "interst"
    assert nearest_known("oill", _options(("bill", 4), ("oil", 1))) == "oil"


def test_a_slip_into_a_word_one_article_holds_stays_beside_a_slip_into_a_word_more_hold() -> None:
    # news-dev's counts for `kofi anan`: `alan` (119 articles, a substitution) made `annan` (one article's Kofi Annan)
    # no slip while `anna` (7) kept its slip, so `kofi anan` was searched as `kofi anna`; the slips are equally near,
    # and the query's other words choose between them (review of session 25)
    options = _options(("alan", 119), ("anna", 7), ("adnan", 1), ("annan", 1), ("ann", 7))
    assert nearest_candidates("anan", options) == ("anna", "adnan", "annan")  # `adnan`: a letter left out
    q = "kofi anan"
    vocabulary = _Vocabulary()
    suggest = {"spell_body": [{"offset": 5, "length": 4, "options": options}]}
    assert respelt(q, suggest, vocabulary) == "kofi annan"  # the vocabulary chooses the last: Annan beside Kofi
    # the less likely edits as near after them, which the other words choose only where written beside them (session
    # 40)
    assert vocabulary.asked == [(("anna", "adnan", "annan", "ann", "alan"), ("kofi",))]
    # Without another slip into a word more articles hold, one article's word is still no likelier than the rest
    assert nearest_candidates("intrest", _options(("interst", 1), ("interest", 722)))[0] == "interest"


def test_a_left_out_letter_is_as_likely_as_a_slip_and_likelier_than_a_letter_replaced_or_added() -> None:
    # news-dev's counts for `putn`: `punt` (4 articles, two neighbours swapped) was chosen alone, so `kerry putn` and
    # `presidnt putn` were read with `punt`; `putin` (15, a letter left out) is as likely, the more frequent first,
    # and the query's other words choose between them (session 26)
    options = _options(("putt", 30), ("punt", 4), ("putin", 15), ("pun", 3))
    assert nearest_candidates("putn", options) == ("putin", "punt")
    # A letter left out beats a letter replaced, however frequent (`gams` is `games` or `grams`, not `gaps`, `gems`)
    assert nearest_known("gams", _options(("gaps", 90), ("gate", 80), ("games", 12))) == "games"
    assert nearest_candidates("gams", _options(("gaps", 90), ("games", 12), ("gems", 40), ("grams", 3))) == (
        "games",
        "grams",
    )


def test_no_stopword_and_nothing_past_the_edits_auto_fuzziness_allows() -> None:
    assert nearest_known("thhe", _options(("the", 400))) is None
    assert nearest_known("kofi", _options(("kong", 30), ("koff", 1))) == "koff"
    assert nearest_known("kofi", _options(("kong", 30))) is None  # two edits in four letters
    assert nearest_known("kruschev", _options(("khrushchev", 58))) == "khrushchev"  # two in eight


def test_a_headline_word_counts_when_nearer_and_a_body_word_wins_a_tie() -> None:
    assert nearest_known("vrilon", _options(("verizon", 90)), _options(("vrillon", 1))) == "vrillon"
    assert nearest_known("leage", _options(("leave", 31)), _options(("lease", 200))) == "leave"


def test_accents_case_and_a_possessive_are_no_edits() -> None:
    assert nearest_known("Fernándz", _options(("fernandez", 3), ("hernandez", 9))) == "fernandez"
    assert nearest_known("Gazprm's", _options(("gazprom", 15))) == "gazprom"


class _Vocabulary:
    def __init__(self) -> None:
        self.asked: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        self.slips: list[int] = []
        self.written: dict[str, int] = {}  # phrase: articles writing it
        self.phrases_asked: list[str] = []
        self.phrases_with_held: list[str] = []  # asked in the request asking which words some headline holds

    def held_beyond_bodies(self, words: Sequence[str], phrases: Sequence[str] = ()) -> set[str]:
        self.phrases_with_held.extend(phrases)
        return set()

    def written_beyond_bodies(self, words: Sequence[str]) -> set[str]:
        return set()

    def written_as_phrases(self, phrases: Sequence[str]) -> dict[str, int]:
        self.phrases_asked.extend(phrases)
        return {phrase: self.written.get(phrase.lower(), 0) for phrase in phrases}  # as the engine reads them

    def likeliest(
        self,
        choices: Sequence[tuple[Sequence[str], Sequence[str]]],
        nearest: Sequence[int] | None = None,
        slips: Sequence[int] | None = None,
        beyond: Sequence[int] | None = None,
    ) -> list[str]:
        self.asked.extend((tuple(candidates), tuple(context)) for candidates, context in choices)
        self.slips.extend(slips or [0] * len(choices))
        counts = nearest or [len(candidates) for candidates, _ in choices]
        return [candidates[n - 1] for (candidates, _), n in zip(choices, counts, strict=True)]


def test_equally_near_spellings_are_chosen_by_the_other_words_short_ones_and_not_stopwords() -> None:
    q = f"the {'x' * (MAX_SPELLED_CHARS + 1)} leage premier"
    # Two letters replaced (a left-out letter, `league`, would be likelier than either: session 26)
    entry = {"offset": q.index("leage"), "length": 5, "options": _options(("leave", 31), ("lease", 7))}
    suggest = {"spell_body": [entry], "spell_title": [{**entry, "options": _options(("leaders", 9))}]}
    vocabulary = _Vocabulary()

    assert respelt(q, suggest, vocabulary) == q.replace("leage", "lease")
    # A long run is never matched within a typo (the engine's edit-distance work on it took seconds)
    assert vocabulary.asked == [(("leave", "lease"), ("premier",))]
    assert respelt(q, suggest) == q.replace("leage", "leave")  # without a vocabulary: the first


def test_further_spellings_two_likely_edits_away_come_first_and_are_counted_for_the_vocabulary() -> None:
    q = "prime minsitre"
    # `minister`: two pairs of letters swapped; `ministry`: a letter replaced and two swapped; `minsiter`: one swap
    options = _options(("minsiter", 2), ("ministry", 900), ("minister", 631))
    suggest = {"spell_body": [{"offset": 6, "length": 8, "options": options}], "spell_title": []}
    vocabulary = _Vocabulary()

    respelt(q, suggest, vocabulary)

    assert vocabulary.asked == [(("minsiter", "minister", "ministry"), ("prime",))]
    assert vocabulary.slips == [1]


def test_spellings_as_near_by_an_edit_less_likely_come_next_for_the_vocabulary() -> None:
    # `oil prises`: `praises` (a letter left out) is the nearest; `prices` (a letter replaced), as near, was no
    # candidate at all, and `oil praises` was read (session 40); it comes after the nearest, before further ones
    options = _options(("praises", 8), ("prices", 652), ("priest", 20))
    suggest = {"spell_body": [{"offset": 4, "length": 6, "options": options}], "spell_title": []}
    vocabulary = _Vocabulary()

    respelt("oil prises", suggest, vocabulary)

    assert vocabulary.asked == [(("praises", "prices", "priest"), ("oil",))]
    assert vocabulary.slips == [0]


def test_a_word_alone_is_read_two_likely_edits_away_past_one_articles_typo() -> None:
    # news-dev's counts: `tommorow` was read as one article's typo `tomrorow` (a letter replaced), not `tomorrow` (a
    # letter undoubled and one doubled), held by 123 (session 39's review), as `intrest` is `interest`
    options = _options(("tomrorow", 1), ("tomorrow", 123))
    suggest = {"spell_body": [{"offset": 0, "length": 8, "options": options}], "spell_title": []}
    for vocabulary in (_Vocabulary(), None):
        assert respelt("tommorow", suggest, vocabulary) == "tomorrow"
        assert respelt("Tommorow", suggest, vocabulary) == "Tomorrow"

    def read(typed: str, *words: tuple[str, int]) -> str | None:
        entry = {"offset": 0, "length": len(typed), "options": _options(*words)}
        return respelt(typed, {"spell_body": [entry]}, _Vocabulary())

    # Not past a word more articles hold (session 39's second review: `lunchh` was read `launch`, a letter undoubled
    # and one left out, by 20 times as many articles), nor to a word fewer than MANY_ARTICLES hold
    assert read("lunchh", ("lunch", 12), ("launch", 326)) == "lunch"
    assert read("socres", ("scores", 16), ("sources", 346)) == "scores"
    assert read("tommorow", ("tomrorow", 1), ("tomorrow", MANY_ARTICLES - 1)) == "tomrorow"
    assert read("tommorow", ("tomrorow", 1), ("tomorrow", MANY_ARTICLES)) == "tomorrow"
    # nor two edits of other kinds (`reiers`: a letter replaced and one left out of `reuters`)
    assert read("reiers", ("reiners", 1), ("reuters", 900)) == "reiners"
    # Beside other words, they choose (Vocabulary.likeliest), as before
    vocabulary = _Vocabulary()
    respelt("tommorow night", {"spell_body": [{"offset": 0, "length": 8, "options": options}]}, vocabulary)
    assert vocabulary.asked == [(("tomrorow", "tomorrow"), ("night",))]


def test_only_the_words_asked_for_are_respelt_in_the_query_as_typed() -> None:
    q = "Oil Prces and Gazprm's profit"
    suggest = {
        "spell_body": [
            {"offset": q.index("Prces"), "length": 5, "options": _options(("prices", 30))},
            {"offset": q.index("Gazprm's"), "length": 8, "options": _options(("gazprom", 15))},
        ]
    }

    assert respelt(q, suggest) == "Oil Prices and Gazprom's profit"
    assert respelt(q, suggest, only={"prces"}) == "Oil Prices and Gazprm's profit"
    assert respelt(q, suggest, only={"gazprm"}) == "Oil Prces and Gazprom's profit"  # keyed without the possessive
    assert respelt(q, suggest, only=set()) is None


def test_a_misspelt_word_repeated_past_the_words_looked_up_is_respelt_there_too() -> None:
    # The suggesters report the first MAX_SPELLED_WORDS words; a search reads every repeat as the spelling, and the
    # text shown read left the last `prces` as typed (session 46's attack)
    q = "oil prces oil prces oil prces oil prces Oil Prces, prces's -prces oil-prces"
    suggest = {"spell_body": [{"offset": 4, "length": 5, "options": _options(("prices", 30))}]}

    assert respelt(q, suggest) == "oil prices oil prices oil prices oil prices Oil Prices, prices's -prces oil-prces"
    assert respelt(q, suggest, only={"oil"}) is None
    # never where the search does not read it as a word to hold: excluded, an OR-group's alternative, quoted (session
    # 46's review: `oil prces NOT prces opec` was shown `oil prices NOT prices opec`)
    for kept in ("NOT prces", "prces OR gas", "gas|prces", '"prces now"', '-"prces"'):
        typed = f"oil prces opec {kept}"
        assert respelt(typed, suggest) == f"oil prices opec {kept}", kept
    # but where an OR or bar joins it to nothing (the third review: `... prces OR` kept its last `prces`)
    for joining_nothing in ("OR", "|-zebra", "OR -gas"):
        typed = f"oil prces opec prces {joining_nothing}"
        assert respelt(typed, suggest) == f"oil prices opec prices {joining_nothing}", joining_nothing


def test_a_likely_typo_read_or_offered_is_never_respelt_where_the_query_excludes_it() -> None:
    # `manchester untied -untied` was shown read `manchester united -united`, whose search finds 32 news-dev articles
    # where the search found 763 (session 46's third review)
    spellings = {"untied": "united"}
    q = 'manchester untied -untied NOT untied "untied knots" untied|ribbons'
    assert with_spellings(q, spellings) == 'manchester united -untied NOT untied "united knots" united|ribbons'
    assert with_spellings("-untied", spellings) is None
    assert with_spellings("oil-untied untied's 'untied'", spellings) == "oil-untied united's 'united'"


def test_a_word_offered_beside_the_respelling_is_offered_where_the_search_holds_it() -> None:
    # `beside` (search._offered_as_typed): `manchestr untied` is offered `manchester united` in one step, as a search
    # reads it (a quoted `untied` too), and not an excluded or joined `untied` (session 46's review: `manchestr untied
    # -untied` offered `... -united`)
    q = 'Manchestr untied -untied "untied knots" oil-untied'
    suggest = {"spell_body": [{"offset": 0, "length": 9, "options": _options(("manchester", 30))}]}
    counted: list[str] = []

    def count_for(offer: str) -> int:
        counted.append(offer)
        return 5

    offer = did_you_mean(q, suggest, count_for, 1, beside={"untied": "united"})

    assert offer is not None and offer.q == 'Manchester united -untied "united knots" oil-untied' == counted[0]


def test_the_respelling_alone_is_offered_when_the_word_beside_it_respelt_finds_no_more() -> None:
    # `white hose presidnt` by date: `white house president` found fewer than the 133 found, and nothing was offered
    # where `white hose president` finds more (session 46's review)
    q = "white hose presidnt"
    suggest = {"spell_body": [{"offset": 11, "length": 8, "options": _options(("president", 30))}]}
    found = {"white house president": 41, "white hose president": 749}
    counted: list[str] = []

    def count_for(offer: str) -> int:
        counted.append(offer)
        return found[offer]

    offer = did_you_mean(q, suggest, count_for, 133, beside={"hose": "house"})

    assert offer is not None and (offer.q, offer.total) == ("white hose president", 749)
    assert counted == ["white house president", "white hose president"]


def test_a_joined_word_is_respelt_in_the_case_of_each_of_its_parts() -> None:
    # "in the reader's own case": `O'Sulivan` was shown as "O'sullivan" (altered_query; session 25's review)
    for typed, spelt in (
        ("O'Sulivan's", "O'Sullivan's"),
        ("O'sulivan", "O'sullivan"),
        ("O'SULIVAN", "O'SULLIVAN"),
        ("o'sulivan", "o'sullivan"),
        ("Osulivan", "O'sullivan"),  # no part to follow: the first letter's case, as before
    ):
        q = f"Kerry {typed} talks"
        entry = {"offset": 6, "length": len(typed), "options": _options(("o'sullivan", 19))}
        assert respelt(q, {"spell_body": [entry]}) == f"Kerry {spelt} talks", typed


def test_a_spelling_both_suggesters_propose_is_one_candidate() -> None:
    # As two, `silv` asked the engine which of silk, silva and silk the query's other words meant (session 20).
    body = [{"text": "silk", "freq": 7}, {"text": "silt", "freq": 6}]

    assert nearest_candidates("silv", body, [{"text": "silk", "freq": 1}]) == ("silk", "silt")


def test_closed_up_spellings_merge_each_word_s_options_from_the_body_and_the_headlines() -> None:
    body: list[dict[str, Any]] = [
        {"text": "wallmart", "offset": 0, "length": 8, "options": [{"text": "walmart", "freq": 3}]}
    ]
    title: list[dict[str, Any]] = [
        {"text": "wallmart", "offset": 0, "length": 8, "options": [{"text": "walmart", "freq": 1}]},
        {"text": "antiwra", "offset": 9, "length": 7, "options": [{"text": "antiwar", "freq": 2}]},
    ]

    read = closed_up_spellings({"spell_closed 0": body, "spell_closed 1": title})

    assert read == {
        "spell_body": [
            {"text": "wallmart", "offset": 0, "length": 8, "options": [*body[0]["options"], *title[0]["options"]]},
            title[1],
        ]
    }
    # respelt() reads them as the body suggester's: no headline suggester, so no word is taken for a headline's
    assert respelt("wallmart antiwra", read) == "walmart antiwar"
    assert closed_up_spellings(None) == {"spell_body": []}


def test_closed_up_spellings_keep_only_the_words_no_article_holds() -> None:
    # The suggesters propose a closed-up word near any word the closed-up fields lack: `mshare` for `shares`, which
    # many articles hold (session 30); only the words no article holds are respelt
    q = "wallmart shares"
    body: list[dict[str, Any]] = [
        {"text": "wallmart", "offset": 0, "length": 8, "options": [{"text": "walmart", "freq": 3}]},
        {"text": "share", "offset": 9, "length": 6, "options": [{"text": "mshare", "freq": 1}]},
    ]
    assert closed_up_words(q) == [(0, 8, "wallmart"), (9, 6, "shares")]

    read = closed_up_spellings({"spell_closed 0": body}, unheld={(0, 8)})

    assert respelt(q, read) == "walmart shares"
    assert respelt(q, closed_up_spellings({"spell_closed 0": body}, unheld=set())) is None


def test_closed_up_words_are_where_the_engine_reports_them() -> None:
    # In UTF-16 units (an emoji is two), quotes and joiners outside a word, an apostrophe and marks within one; an
    # excluded word and runs longer than any word are not looked up
    q = '\U0001f600 "wallmart" o\'neil-co \u0928\u0947\u092a\u093e\u0932 -texas ' + "x" * (MAX_SPELLED_CHARS + 1)
    assert closed_up_words(q) == [
        (4, 8, "wallmart"),
        (14, 6, "o'neil"),
        (21, 2, "co"),
        (24, 5, "\u0928\u0947\u092a\u093e\u0932"),
    ]
    assert all(closed_up_suggester(q)[name]["text"] == spelling_suggester(q)["text"] for name in ("spell_closed 0",))


def test_a_word_no_article_holds_is_read_as_two_typed_without_a_space() -> None:
    # `oilprices` found nothing and offered nothing (session 30's review): each cut into two words is asked as a
    # phrase, and the one most articles hold is one more option, a space left out (one likely edit)
    assert word_splits("oilprices") == [f"{'oilprices'[:i]} {'oilprices'[i:]}" for i in range(2, 8)]
    assert word_splits("f16s") == word_splits("kofi") == word_splits("anti-war") == word_splits("abc12") == []
    assert "tony blair" in word_splits("Tonyblair's") and word_splits("Inman") == []  # no stopword as a part
    q = "Oilprices rise"
    words = closed_up_words(q)
    counts = {words[0]: {split: (298 if split == "oil prices" else 0) for split in word_splits("OILprices")}}
    suggest = with_splits({"spell_body": []}, counts)

    assert respelt(q, suggest) == "Oil prices rise"
    # beside a closed-up spelling as near, the one more articles hold; a word no cut of which is held: none
    closed = {
        "spell_body": [{"text": "oilprices", "offset": 0, "length": 9, "options": [{"text": "oilprice", "freq": 2}]}]
    }
    assert respelt(q, with_splits(closed, counts)) == "Oil prices rise"
    assert respelt(q, with_splits({"spell_body": []}, {words[0]: dict.fromkeys(word_splits("oilprices"), 0)})) is None


def test_a_closed_up_stem_is_offered_as_an_article_writes_the_word() -> None:
    # The closed-up fields are stemmed: `vicepresidnt` was offered `vicepresid` (session 26's review)
    stems = ["vicepresid", "walmart"]
    request = written_forms_request(stems)
    assert [a["filter"]["bool"]["should"][0]["term"] for a in request["aggs"].values()] == [
        {"body.closed": "vicepresid"},
        {"body.closed": "walmart"},
    ]
    hit = {"highlight": {"body.closed": ["Two \ue000Vice-Presidents\ue001 quit"]}}
    answer = {"aggregations": {"0": {"one": {"hits": {"hits": [hit]}}}, "1": {"one": {"hits": {"hits": []}}}}}
    forms = read_written_forms(stems, answer)

    assert forms == {"vicepresid": "Vice-Presidents"}  # a stem no article marks is left as it is
    assert as_written("Vicepresid walmart", forms) == "Vice-Presidents walmart"
    assert as_written("vicepresid", forms) == "vice-presidents"
    assert as_written("VICEPRESID vicepresident", forms) == "VICE-PRESIDENTS vicepresident"  # whole words only


def test_a_part_of_a_joined_word_keeps_every_equally_near_spelling_for_its_other_parts_to_choose() -> None:
    # `coles` is a letter left out, `cola` a letter off: alone the likelier edit wins; in `coca-cols` both stay
    options = _options(("coles", 40), ("cola", 3), ("cold", 90), ("colonel", 5))
    assert nearest_candidates("cols", options) == ("coles",)
    assert nearest_candidates("cols", options, joined=True) == ("coles", "cold", "cola")


def test_a_part_of_a_joined_word_is_told_apart_as_the_joined_word_even_alone() -> None:
    for q, typed, spelt, other in (
        ("Coca-Cols sales", "Cols", "Coca-Cola sales", "sales"),
        ("Cols-Coca", "Cols", "Cola-Coca", None),
        ("AT&T/Coca-Cols", "Cols", "AT&T/Coca-Cola", None),
    ):
        entry = {"offset": q.index(typed), "length": len(typed), "options": _options(("coles", 40), ("cola", 3))}
        vocabulary = _Vocabulary()

        assert respelt(q, {"spell_body": [entry]}, vocabulary) == spelt, q
        # the spellings counted as the joined word (as a phrase), beside the other words only
        joined = spelt.split()[0].casefold()
        ((candidates, context),) = vocabulary.asked
        assert joined in [c.casefold() for c in candidates] and len(candidates) == 2, q
        assert context == ((other,) if other else ()), q


def test_an_apostrophe_joins_no_part_to_tell_a_spelling_apart() -> None:
    # The exact fields hold `o'neill` whole, and `'s` is a possessive: neither is a joined word's other part
    q = "Sulivan's report"
    entry = {"offset": 0, "length": len("Sulivan"), "options": _options(("suliman", 4), ("sulivar", 4))}
    vocabulary = _Vocabulary()

    respelt(q, {"spell_body": [entry]}, vocabulary)

    assert vocabulary.asked == [(("suliman", "sulivar"), ("report",))]


def test_the_text_a_misspelt_word_is_written_in_is_no_context_of_its_own() -> None:
    # Punctuation kept `"Coca-Cols"` and `cols,` apart from their keys: each held every candidate within a typo, so
    # half the context was met by any candidate and `sales` no longer counted (session 29's review)
    for q, typed, options, candidates in (
        ('"Coca-Cols" sales', "Cols", ("coles", "cola"), ("Coca-coles", "Coca-cola")),
        ("cols, sales", "cols", ("cold", "cole"), ("cold", "cole")),
        # a part's combining marks are part of it
        ("सरकर-मोदी sales", "सरकर", ("सरकार", "सरकस"), ("सरकार-मोदी", "सरकस-मोदी")),
    ):
        entry = {"offset": q.index(typed), "length": len(typed), "options": _options(*((o, 5) for o in options))}
        vocabulary = _Vocabulary()

        respelt(q, {"spell_body": [entry]}, vocabulary)

        assert vocabulary.asked == [(candidates, ("sales",))], q


def _short_entry(q: str, typed: str, *options: str) -> dict[str, Any]:
    return {
        "spell_body": [
            {"offset": q.index(typed), "length": len(typed), "options": _options(*((o, 9) for o in options))}
        ]
    }


def test_a_short_word_is_read_only_as_a_spelling_written_as_a_phrase_with_a_word_next_to_it() -> None:
    # `cpu` has a dozen spellings one edit away; the articles writing one beside the word typed next to it choose
    vocabulary = _Vocabulary()
    vocabulary.written = {"world cup": 48, "world cpi": 1}
    assert respelt("world cpu", _short_entry("world cpu", "cpu", "cpi", "cup"), vocabulary) == "world cup"
    # asked with the words no body holds, in one request
    assert sorted(vocabulary.phrases_with_held) == sorted(vocabulary.phrases_asked) == ["world cpi", "world cup"]
    # of several written so, the one written most: not the first nearest
    vocabulary.written = {"world cpi": 3, "world cup": 48}
    assert respelt("world cpu", _short_entry("world cpu", "cpu", "cpi", "cup"), vocabulary) == "world cup"
    vocabulary.written = {"world cpi": 48, "world cup": 3}
    assert respelt("world cpu", _short_entry("world cpu", "cpu", "cpi", "cup"), vocabulary) == "world cpi"
    # none written so: left as typed (`intel cup`), however many articles hold the spellings; one article is no phrase
    assert respelt("intel cpu", _short_entry("intel cpu", "cpu", "cup"), vocabulary) is None
    vocabulary.written = {"intel cup": 1}
    assert respelt("intel cpu", _short_entry("intel cpu", "cpu", "cup"), vocabulary) is None
    # alone, or without a vocabulary: never read
    assert respelt("cpu", _short_entry("cpu", "cpu", "cup"), vocabulary) is None
    vocabulary.written = {"world cup": 48}
    assert respelt("world cpu", _short_entry("world cpu", "cpu", "cup"), None) is None


def test_a_short_word_is_read_only_as_a_likely_edit() -> None:
    # keys next to each other (`gss`: `gas`), two swapped (`oli`), a letter left out (`bnk`: `bank`), but no key far
    # from the one typed (`cbc` is no `bbc`) nor a letter added (`ctv` is no `tv`): an abbreviation the archive lacks
    vocabulary = _Vocabulary()
    vocabulary.written = {"gas prices": 14, "oil prices": 172, "bbc news": 900, "tv programmes": 30}
    for typed, meant, rest in (("gss", "gas", " prices"), ("oli", "oil", " prices")):
        q = typed + rest
        assert respelt(q, _short_entry(q, typed, meant), vocabulary) == meant + rest
    for typed, near, rest in (("cbc", "bbc", " news"), ("ctv", "tv", " programmes")):
        q = typed + rest
        assert respelt(q, _short_entry(q, typed, near), vocabulary) is None
        assert near + rest not in vocabulary.phrases_asked


def test_a_short_word_is_read_with_the_stopwords_typed_between_and_the_punctuation_around_it() -> None:
    vocabulary = _Vocabulary()
    vocabulary.written = {"bank of england": 62, "cup, final": 3}
    q = "bnk of england"
    assert respelt(q, _short_entry(q, "bnk", "bank", "bunk"), vocabulary) == "bank of england"
    assert "bunk of england" in vocabulary.phrases_asked
    q = "the cpu, final"
    assert respelt(q, _short_entry(q, "cpu", "cup"), vocabulary) == "the cup, final"
    # a longer word is chosen as before, whatever the phrases
    q = "wrld cup"
    assert respelt(q, _short_entry(q, "wrld", "world"), vocabulary) == "world cup"
    assert "world cup" not in vocabulary.phrases_asked


def test_a_short_word_is_read_beside_a_word_no_article_holds_as_that_words_spelling() -> None:
    # `wrld cpu` was read `world cpu`: the phrase asked was `wrld cup`, which no article writes (session 44)
    vocabulary = _Vocabulary()
    vocabulary.written = {"world cup": 48, "bank of england": 62, "world: cup": 48}  # as the engine reads them
    for q, misspelt, meant in (
        ("wrld cpu", (("wrld", "world"), ("cpu", "cup")), "world cup"),
        ("cpu, wrld", (("cpu", "cup"), ("wrld", "world")), None),  # not in the order written
        ("bnk of englnd", (("bnk", "bank"), ("englnd", "england")), "bank of england"),
        ("Wrld: cpu", (("Wrld", "world"), ("cpu", "cup")), "World: cup"),
    ):
        entries = [
            {"offset": q.index(typed), "length": len(typed), "options": _options((spelling, 9))}
            for typed, spelling in misspelt
        ]
        assert respelt(q, {"spell_body": entries}, vocabulary) == (meant or q.replace("wrld", "world")), q
    # the phrase with the word as typed is asked too (a byline may hold it)
    assert {"wrld cup", "world cup"} <= set(vocabulary.phrases_asked)
    # a word glued to another by a symbol is a word of its own, as a search reads it (session 45: it was one word to a
    # search, and `bnk of🏆englnd` by date was read `bank of🏆englnd` in session 44); beside a number, the word next
    # to the short one is the number (`2`), with which no spelling is written
    q = "bnk of🏆englnd"
    entries = [
        {"offset": 0, "length": 3, "options": _options(("bank", 9))},
        {"offset": len("bnk of🏆".encode("utf-16-le")) // 2, "length": 6, "options": _options(("england", 9))},
    ]
    assert respelt(q, {"spell_body": entries}, vocabulary) == "bank of🏆england"
    q = 'bnk of"englnd'  # the parser's tokens end at a quote too
    entries[1]["offset"] = q.index("englnd")
    vocabulary.written['bank of"england'] = 62
    assert respelt(q, {"spell_body": entries}, vocabulary) == 'bank of"england'
    q = "bnk 2🏆englnd"
    entries[1]["offset"] = len("bnk 2🏆".encode("utf-16-le")) // 2
    vocabulary.written["bank 2 england"] = 9
    assert respelt(q, {"spell_body": entries}, vocabulary) == "bnk 2🏆england"


def test_a_short_word_is_read_beside_any_equally_near_spelling_of_a_word_no_article_holds() -> None:
    # `bcb programm` asked `bbc program` alone (its neighbour's first spelling), which no article writes; its reading
    # `bcb programme` a search reads `bbc programme` (session 45)
    vocabulary = _Vocabulary()
    vocabulary.written = {"bbc programme": 2}
    q = "bcb programm"
    entries = [
        {"offset": 0, "length": 3, "options": _options(("bbc", 9))},
        {"offset": 4, "length": 8, "options": _options(("program", 9), ("programme", 9))},
    ]
    assert respelt(q, {"spell_body": entries}, vocabulary) == "bbc programme"
    assert {"bbc programm", "bbc program", "bbc programme"} <= set(vocabulary.phrases_asked)


def test_a_short_part_of_a_joined_or_glued_word_is_read_beside_its_other_parts_spelling() -> None:
    # `wrld-cpu` was read `world-cpu`, which no article holds and a search for it reads `world-cup`; `wrld.cpu` was read
    # `world.cpu` (the phrase asked was `wrld-cup`, or none for a glued word; session 45)
    vocabulary = _Vocabulary()
    # as the engine reads them
    written = ("world-cup", "world/cup", "world cup", "bank-of-england", "bank of england", "bank of-england")
    vocabulary.written = dict.fromkeys(written, 48)
    for q, misspelt, meant in (
        ("wrld-cpu", (("wrld", "world"), ("cpu", "cup")), "world-cup"),
        ("wrld/cpu", (("wrld", "world"), ("cpu", "cup")), "world/cup"),
        ("bnk-of-englnd", (("bnk", "bank"), ("englnd", "england")), "bank-of-england"),
        ("wrld.cpu", (("wrld", "world"), ("cpu", "cup")), "world.cup"),
        ("wrld_cpu", (("wrld", "world"), ("cpu", "cup")), "world_cup"),
        # punctuation or a symbol between, words apart to a search (query_parser.symbols_apart)
        ("wrld#cpu", (("wrld", "world"), ("cpu", "cup")), "world#cup"),
        ("wrld,cpu", (("wrld", "world"), ("cpu", "cup")), "world,cup"),
        ("wrld+cpu", (("wrld", "world"), ("cpu", "cup")), "world+cup"),
        ("cpu-wrld", (("cpu", "cup"), ("wrld", "world")), None),  # not in the order written
        # beside a joined word one of whose parts no body holds (`bnk of-englnd` was read `bnk of-england`)
        ("bnk of-englnd", (("bnk", "bank"), ("englnd", "england")), "bank of-england"),
    ):
        entries = [
            {"offset": q.index(typed), "length": len(typed), "options": _options((spelling, 9))}
            for typed, spelling in misspelt
        ]
        assert respelt(q, {"spell_body": entries}, vocabulary) == (meant or q.replace("wrld", "world")), q


def test_a_word_the_suggesters_read_out_of_one_with_a_number_sign_is_kept_as_typed() -> None:
    # `cpu²`: the suggesters read `cpu`, a search one word with a number, kept as typed; `wrld-cpu²` was shown read
    # `world-cpu²` while its `cpu` was searched as `cup` (session 45's attack)
    vocabulary = _Vocabulary()
    vocabulary.written = {"world-cup": 48, "world cup": 48}
    for q in ("wrld-cpu²", "wrld ½cpu", "wrld cpu¼"):
        at = q.index("cpu")
        entries = [
            {"offset": q.index("wrld"), "length": 4, "options": _options(("world", 9))},
            {"offset": at, "length": 3, "options": _options(("cup", 9))},
        ]
        assert respellings(q, {"spell_body": entries}, vocabulary) == {"wrld": "world"}, q
    q = "wrld cpu"
    entries = [
        {"offset": 0, "length": 4, "options": _options(("world", 9))},
        {"offset": 5, "length": 3, "options": _options(("cup", 9))},
    ]
    assert respellings(q, {"spell_body": entries}, vocabulary) == {"wrld": "world", "cpu": "cup"}


def test_a_word_is_never_respelt_as_a_word_the_query_excludes() -> None:
    # `oil prces -prices` was read `oil prices -prices`, `wrld cpu -cup` `world cup -cup` (session 44's review)
    vocabulary = _Vocabulary()
    vocabulary.written = {"world cup": 48}
    q = "oil prces -prices"
    entry = {"offset": 4, "length": 5, "options": _options(("prices", 900), ("paces", 20))}
    assert respelt(q, {"spell_body": [entry]}, vocabulary) == "oil paces -prices"
    assert respelt("oil prces -price", {"spell_body": [entry]}, vocabulary) == "oil paces -price"
    only = {"offset": 4, "length": 5, "options": _options(("prices", 900))}
    assert respelt(q, {"spell_body": [only]}, vocabulary) is None
    q = "wrld cpu -cup"
    entries = [
        {"offset": 0, "length": 4, "options": _options(("world", 9))},
        {"offset": 5, "length": 3, "options": _options(("cup", 9))},
    ]
    assert respelt(q, {"spell_body": entries}, vocabulary) == "world cpu -cup"


def test_a_short_word_typed_twice_is_read_at_both_places_as_the_search_reads_it() -> None:
    # The search keys a spelling by word: `wrld cpu cpu` was shown `world cup cpu`, which finds what the search did
    # not (session 44's review)
    vocabulary = _Vocabulary()
    vocabulary.written = {"world cup": 48}
    q = "wrld cpu cpu"
    entries = [
        {"offset": 0, "length": 4, "options": _options(("world", 9))},
        {"offset": 5, "length": 3, "options": _options(("cup", 9))},
        {"offset": 9, "length": 3, "options": _options(("cup", 9))},
    ]
    assert respelt(q, {"spell_body": entries}, vocabulary) == "world cup cup"


def test_the_phrases_a_search_for_an_offer_would_read_a_short_word_by_are_those_beside_the_spelling_offered() -> None:
    # `opc ouptut` was offered `opc output`, which a search reads `opec output` (session 44)
    for q, offer, phrases in (
        ("opc ouptut", "opc output", ["opec output"]),
        ("ouptut opc", "output opc", ["output opec"]),
        ("😀 ouptut, opc", "😀 output, opc", ["output, opec"]),
        ("opc", "opc", []),
    ):
        assert offer_phrases(q, _utf16_entry(q, "opc", "opec"), offer) == phrases, q
    # no short word no article holds: nothing to count
    assert offer_phrases("oil ouptut", _utf16_entry("oil ouptut", "ouptut", "output"), "oil output") == []
    # the offer's words not where q has them: nothing tells
    assert offer_phrases("opc ouptut", _utf16_entry("opc ouptut", "opc", "opec"), "opc out put") is None


def test_a_short_word_is_not_read_in_capitals_nor_beside_punctuation_alone() -> None:
    vocabulary = _Vocabulary()
    vocabulary.written = {"bnp leader": 2, "cup ?": 150, "intel : cup": 2, "cup": 150}
    # typed in capitals, an abbreviation (`BJP` is no `BNP`), unless the whole query is in capitals
    assert respelt("BJP leader", _short_entry("BJP leader", "BJP", "bnp"), vocabulary) is None
    assert respelt("bjp leader", _short_entry("bjp leader", "bjp", "bnp"), vocabulary) == "bnp leader"
    assert respelt("BJP LEADER", _short_entry("BJP LEADER", "BJP", "bnp"), vocabulary) == "BNP LEADER"
    # punctuation is no word next to it (the engine counts `cup ?` as `cup`), but may be typed between
    assert respelt("intel cpu ?", _short_entry("intel cpu ?", "cpu", "cup"), vocabulary) is None
    assert "cup ?" not in vocabulary.phrases_asked
    assert respelt("intel : cpu", _short_entry("intel : cpu", "cpu", "cup"), vocabulary) == "intel : cup"


def _utf16_entry(q: str, typed: str, *options: str) -> dict[str, Any]:
    """_short_entry with the offset the engine reports: UTF-16 code units (an emoji before the word counts two)."""
    offset = len(q[: q.index(typed)].encode("utf-16-le")) // 2
    return {"spell_body": [{"offset": offset, "length": len(typed), "options": _options(*((o, 9) for o in options))}]}


def test_a_symbol_glued_to_a_word_is_no_part_of_the_phrases_nor_of_the_context() -> None:
    # The engine reads a pictograph (an emoji, `™`) as a token of its own: `world cup😀` is written in no article, so
    # `world cpu😀` was searched as typed and `george😀 bosh` read `george both` (session 43)
    vocabulary = _Vocabulary()
    vocabulary.written = {"world cup": 48}
    for q in ("world cpu😀", "world😀 cpu", "😀world cpu", "world cpu™", "world cpu👍🏽", "world cpu🇬🇧", "world$ cpu"):
        assert respelt(q, _utf16_entry(q, "cpu", "cpi", "cup"), vocabulary) == q.replace("cpu", "cup"), q
    assert set(vocabulary.phrases_asked) == {"world cup", "world cpi"}
    # the other words a misspelt one is chosen by, without the symbols glued to them
    for q in ("george😀 bosh", "george® bosh"):
        vocabulary = _Vocabulary()
        respelt(q, _utf16_entry(q, "bosh", "bush", "both"), vocabulary)
        assert [context for _, context in vocabulary.asked] == [("george",)], q


def test_a_short_word_is_read_across_two_stopwords_a_key_next_to_it_in_the_row_above_or_below() -> None:
    vocabulary = _Vocabulary()
    vocabulary.written = {"war of the worlds": 5, "fed chairman": 15, "top priority": 15}
    q = "wra of the worlds"
    assert respelt(q, _short_entry(q, "wra", "war"), vocabulary) == "war of the worlds"
    # `c` touches `d` in the row above, `g` touches `t`
    for q, typed, spelling in (("fec chairman", "fec", "fed"), ("gop priority", "gop", "top")):
        assert respelt(q, _short_entry(q, typed, spelling), vocabulary) == q.replace(typed, spelling)
    # three stopwords between: no phrase
    vocabulary.written["war of the of worlds"] = 5
    q = "wra of the of worlds"
    assert respelt(q, _short_entry(q, "wra", "war"), vocabulary) is None
