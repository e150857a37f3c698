"""The term suggesters' text: a long run of characters is blanked, offsets into the query kept."""

from __future__ import annotations

from archive_search.spelling import MAX_SPELLED_CHARS, MAX_SPELLED_WORDS, spelling_suggester


def test_runs_longer_than_any_word_are_not_looked_up_and_offsets_stay() -> None:
    long_run = "\U0001f600" + "x" * MAX_SPELLED_CHARS  # an emoji counts two UTF-16 units, as the engine counts
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
