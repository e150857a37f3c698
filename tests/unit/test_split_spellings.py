"""Session 51: words typed together read as two (a split weighed against a respelling; two words held apart), a held
word's likely edit offered first, and a word typed with a look-alike letter of another alphabet respelt."""

from typing import Any

from archive_search.query_parser import pieces
from archive_search.relevance import NearSpelling, typo_spelling, typo_tolerant
from archive_search.search import _ArchiveVocabulary
from archive_search.spelling import closed_up_words, nearest_candidates, respelt, with_splits, word_splits


def _suggest(typed: str, body: list[dict[str, Any]], title: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    entry = {"text": typed, "offset": 0, "length": len(typed)}
    return {"spell_body": [{**entry, "options": body}], "spell_title": [{**entry, "options": list(title)}]}


def test_a_split_more_articles_write_outweighs_a_respelling_into_a_rarer_word() -> None:
    from archive_search.spelling import split_spellings  # session 51: imported here, each test fails on its own

    # `worldcup` was read `worldcom` (15 news-dev articles) where 48 write `world cup`; `worldcup final` too
    suggest = _suggest("worldcup", [{"text": "worldcom", "freq": 15}], [{"text": "worldcom", "freq": 3}])
    held = dict.fromkeys(word_splits("worldcup"), 0) | {"world cup": 48}
    read = split_spellings("worldcup", suggest, held)

    assert read is not None and respelt("worldcup", read) == "world cup"
    # two letters replaced are no typo's reading alone (session 56: spelling._unlikely_pair; `worldcom` before)
    assert respelt("worldcup", suggest) is None
    final = _suggest("worldcup", [{"text": "worldcom", "freq": 15}], [{"text": "worldcom", "freq": 3}])
    final["spell_body"].append({"text": "final", "offset": 9, "length": 5, "options": []})
    read = split_spellings("worldcup final", final, held)
    assert read is not None and respelt("worldcup final", read) == "world cup final"
    # a split fewer articles write than hold the respelling, or a single article's, stays behind it
    assert split_spellings("worldcup", suggest, held | {"world cup": 15}) is None
    assert split_spellings("worldcup", _suggest("worldcup", []), held | {"world cup": 1}) is None
    # an option too far to be read (or a stopword) does not hold the split back
    far = _suggest("worldcup", [{"text": "would", "freq": 900}, {"text": "worldcom", "freq": 15}])
    assert split_spellings("worldcup", far, held) is not None
    # a likely edit (a letter left out) into a word more than one article holds stays first: `yougo` is YouGov, not
    # `you go` (the session's review)
    yougov = _suggest("yougo", [{"text": "yougov", "freq": 3}])
    assert split_spellings("yougo", yougov, dict.fromkeys(word_splits("yougo"), 0) | {"you go": 40}) is None


def test_two_words_typed_together_that_articles_hold_apart_are_offered_apart() -> None:
    from archive_search.spelling import apart_splits

    # `mourinhoarsenal` and `mirzakuznetsova` found nothing and were offered nothing: no article writes the two side
    # by side, 9 and 2 bodies hold both
    assert "mourinho arsenal" in apart_splits("mourinhoarsenal")
    assert all(min(len(part) for part in split.split()) >= 3 for split in apart_splits("mourinhoarsenal"))
    # in two parts only: a stopword between (`mourinho and arsenal`, a word_splits cut) is no word asked apart
    assert "mourinho and arsenal" in word_splits("mourinhoandarsenal")
    assert all(len(split.split()) == 2 for split in apart_splits("mourinhoandarsenal"))
    q = "mirzakuznetsova"
    word = closed_up_words(q)[0]
    none_side_by_side = {word: dict.fromkeys(word_splits(q), 0)}
    apart = {word: dict.fromkeys(apart_splits(q), 0) | {"mirza kuznetsova": 2}}

    assert respelt(q, with_splits({"spell_body": []}, none_side_by_side, apart)) == "mirza kuznetsova"
    # one article holding both is no evidence; a split written side by side comes first
    assert respelt(q, with_splits({"spell_body": []}, none_side_by_side, {word: {"mirza kuznetsova": 1}})) is None
    side_by_side = {word: dict.fromkeys(word_splits(q), 0) | {"mirzak uznetsova": 2}}
    assert respelt(q, with_splits({"spell_body": []}, side_by_side, apart)) == "mirzak uznetsova"


class _Answers:
    """An index answering the vocabulary's one request with the cuts' counts, recording the request."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.bodies: list[dict[str, Any]] = []

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        self.bodies.append(body)
        cuts = body["aggs"]["cuts_held"]["filters"]["filters"]
        buckets = {cut: {"doc_count": self.counts.get(cut, 0)} for cut in cuts}
        return {"aggregations": {"cuts_held": {"buckets": buckets}}}


def test_the_vocabulary_counts_the_cuts_of_a_word_some_spelling_is_near() -> None:
    index = _Answers({"world cup": 48})
    vocabulary = _ArchiveVocabulary(index)  # type: ignore[arg-type]
    vocabulary.prepare((), (), cut=["worldcup"])

    # Its cuts, and the word itself wherever it is held (split_spellings weighs a split against it).
    assert set(index.bodies[0]["aggs"]["cuts_held"]["filters"]["filters"]) == {*word_splits("worldcup"), "worldcup"}
    assert vocabulary.cuts_held["world cup"] == 48 and vocabulary.cuts_held["wo rldcup"] == 0
    vocabulary.prepare((), (), cut=["worldcup"])  # asked once
    assert len(index.bodies) == 1


def test_a_held_word_is_offered_its_likely_edit_before_a_commoner_replaced_letter() -> None:
    # `pohl` (Reinhard Pohl, one article) was offered `poll` (178, a letter replaced), not `poehl` (17, left out)
    field = "body"
    near = [
        NearSpelling(field, "pohl", 1.0, 1),
        NearSpelling(field, "poll", 0.75, 178),
        NearSpelling(field, "poehl", 0.75, 17),
    ]
    assert typo_spelling("pohl", near) == "poehl"
    lone = [NearSpelling(field, "pohl", 1.0, 1), NearSpelling(field, "poll", 0.75, 178)]
    assert typo_spelling("pohl", lone) == "poll"


def test_a_word_with_a_look_alike_letter_of_another_alphabet_is_one_token_read_as_its_latin_word() -> None:
    # `m\u043eurinho` (a Cyrillic o) is one engine token: counted three pieces it was never respelt nor expanded,
    # and beside `chelsea` found 78 articles and offered nothing
    assert pieces("m\u043eurinho") == 1 and typo_tolerant("m\u043eurinho")
    assert pieces("alpha\u03b2eta") == 1
    # the scripts the tokenizer cuts apart stay apart
    assert pieces("abc\u4e2d\u6587") == 3 and pieces("abc\u0e44\u0e17\u0e22") == 2
    # and read as the Latin word it looks like, nearer than any edit: `dec\u0430de` was read `decide`, `\u043erange`
    # `range` (a letter left out)
    options = [{"text": "decide", "freq": 300}, {"text": "decade", "freq": 100}]
    assert nearest_candidates("dec\u0430de", options) == ("decade",)
    assert nearest_candidates("\u043erange", [{"text": "range", "freq": 300}, {"text": "orange", "freq": 9}]) == (
        "orange",
    )
    assert (
        nearest_candidates("decade", options) == ("decide",)
        and nearest_candidates("cafe", [{"text": "caf\u00e9"}]) == ()
    )


def test_a_word_is_cut_into_three_with_a_stopword_between_two_words() -> None:
    # Session 52: `bankofengland` was cut only into two words, none of which articles write, and offered nothing
    cuts = word_splits("bankofengland")
    assert "bank of england" in cuts and "houses of parliament" in word_splits("housesofparliament")
    # never a stopword at either end, nor two in a row
    assert not [cut for cut in cuts if cut.split()[0] in {"of", "an"} or cut.split()[-1] in {"of", "an"}]


def test_a_word_nothing_is_near_that_no_article_holds_is_read_as_its_cut() -> None:
    from archive_search.spelling import split_spellings

    # Session 52: `tonyblair`, nothing near it, which the closed-up request found no article holds, was only offered
    # `tony blair`; now read so, as `worldcup` is, unless a closed-up spelling near it more articles hold
    suggest = _suggest("tonyblair", [])
    unheld = {"spell_body": [{"text": "tonyblair", "offset": 0, "length": 9, "options": []}]}
    held = dict.fromkeys(word_splits("tonyblair"), 0) | {"tony blair": 211}
    read = split_spellings("tonyblair", suggest, held, unheld)
    assert read is not None and read["spell_body"][0]["options"] == [{"text": "tony blair", "freq": 211}]
    assert split_spellings("tonyblair", suggest, held) is None  # an article may hold it
    nearer = {"spell_body": [{**unheld["spell_body"][0], "options": [{"text": "tonyblaira", "freq": 300}]}]}
    assert split_spellings("tonyblair", suggest, held, nearer) is None


def test_two_words_typed_apart_are_paired_with_the_word_they_make_together() -> None:
    from archive_search.query_parser import parse_query
    from archive_search.relevance import closed_pairs, content_words

    # Session 52: `play station` missed the PlayStation articles
    def pairs(q: str) -> dict[str, tuple[str, str]]:
        parsed = parse_query(q)
        return closed_pairs(parsed, content_words(parsed))

    assert pairs("Play Station 2") == {"playstation": ("play", "station")}
    assert pairs("holly wood film") == {"hollywood": ("holly", "wood")}
    # never within quotes nor an OR-group, across a stopword, nor a word twice
    assert pairs('"play station"') == pairs("play OR station") == pairs("bank of england") == pairs("cpc cpc") == {}


def test_a_word_no_body_holds_is_read_as_its_split_only_where_more_articles_write_that_than_hold_it() -> None:
    from archive_search.spelling import split_readings, split_spellings

    # Session 54: `bluechip`, nothing near it, held closed up by the 3 "blue-chip" articles, where 9 write `blue chip`
    suggest = _suggest("bluechip", [])
    # (read as its words side by side, a joined word: session 54's review)
    held = dict.fromkeys(word_splits("bluechip"), 0) | {"blue chip": 9, "bluechip": 3}
    read = split_spellings("bluechip", suggest, held, bodyless=["bluechip"])
    assert read is not None and respelt("bluechip", read) == "blue-chip"
    assert split_readings("bluechip", read) == {"bluechip": "blue-chip"}
    assert split_spellings("bluechip", suggest, held) is None  # a body may hold it
    # `walmart`: as many write `wal mart` (Wal-Mart) as hold it closed up
    walmart = dict.fromkeys(word_splits("walmart"), 0) | {"wal mart": 10, "walmart": 10}
    assert split_spellings("walmart", _suggest("walmart", []), walmart, bodyless=["walmart"]) is None
    # `parttime`: the phrase's 12 articles hold the 11 "part-time" ones, no evidence of a split (session 54's review)
    parttime = dict.fromkeys(word_splits("parttime"), 0) | {"part time": 12, "parttime": 11}
    assert split_spellings("parttime", _suggest("parttime", []), parttime, bodyless=["parttime"]) is None


def test_a_hard_c_spelt_by_ear_is_a_likely_edit_and_a_soft_one_is_not() -> None:
    from archive_search.spelling import nearest_candidates

    # Session 54: `opek` was read `open` (449 news-dev articles) where OPEC (71) was meant; `traqe` stays `trade`,
    # the c of `trace` being soft
    opek = [{"text": "open", "freq": 449}, {"text": "opec", "freq": 71}]
    assert nearest_candidates("opek", opek, [])[0] == "opec"
    traqe = [{"text": "trade", "freq": 900}, {"text": "trace", "freq": 15}]
    assert nearest_candidates("traqe", traqe, [])[0] == "trade"
