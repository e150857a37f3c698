"""parse_upload on legacy text pages: session 51's furniture at the page's edges (calls to subscribe, follow or
share; copyright footers in other shapes), a sentence's own bracketed abbreviation, a second byline, and the
headline of a page whose chrome is not the known English chrome."""

from __future__ import annotations

import pytest

from archive_search.parsing import parse_upload

_TOP = "site-wide search\n\nBudget approved\n\n\nSomaNet News Archive\n\n(By Jane Doe)\n\n"
_STORY = "The council voted on Tuesday to approve the budget.\n\nThe mayor said the vote was a relief."


# --- Calls to action and copyright footers at the page's end ------------------------------------------------------


@pytest.mark.parametrize(
    "footer",
    [
        "Subscribe to our newsletter\n\n\u00a9 SomaNet News 2015",
        "Subscribe to our newsletter",
        "Sign up for our free daily newsletter here.",
        "Follow us on Twitter and Facebook.",
        "Like us on Facebook\n\nShare this story on Facebook",
        "Get our newsletter\n\nBack to top",
        "SomaNet News Archive. All rights reserved.",
        "All rights reserved. SomaNet News Archive",
        "Copyright SomaNet News Archive",
        "SomaNet News Archive \u00a9 2016",
        "Daily Planet Media Group, all rights reserved",
    ],
)
def test_legacy_calls_to_action_and_copyright_footers_at_the_end_leave_the_body(footer: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_STORY}\n\n{footer}\n".encode())

    assert (parsed.title, parsed.author, parsed.body) == ("Budget approved", "Jane Doe", _STORY)


@pytest.mark.parametrize(
    "last",
    [
        "Readers can subscribe to our newsletter on the council's website.",
        "Sign up for the newsletter was strong, officials said.",
        "Subscribe to the idea.",
        "Follow us on foot",
        "Copyright Office Rejects Claim",
        "Copyright law reform passes Senate",
        "The council said all rights reserved.",
    ],
)
def test_legacy_sentences_that_mention_a_newsletter_or_rights_stay(last: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_STORY}\n\n{last}\n".encode())

    assert parsed.body == f"{_STORY}\n\n{last}"


def test_legacy_a_call_to_action_inside_the_body_stays() -> None:
    body = "The council voted on Tuesday.\n\nSubscribe to our newsletter\n\nThe mayor said the vote was a relief."

    assert parse_upload("incoming/a.txt", f"{_TOP}{body}\n".encode()).body == body


# --- A sentence's own bracketed abbreviation is no credit ---------------------------------------------------------


@pytest.mark.parametrize(
    "last",
    [
        "Students who passed the exam will get credit in Advanced Placement (AP).",
        "The minister spoke to the German news agency (dpa).",
        "The figures were given to the state news agency (Xinhua).",
        "He works for the Asian Nuclear Initiative (ANI).",
    ],
)
def test_legacy_a_bracketed_abbreviation_of_the_words_before_it_is_the_sentences(last: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}The council voted on Tuesday.\n\n{last}\n".encode())

    assert (parsed.body, parsed.credit) == (f"The council voted on Tuesday.\n\n{last}", None)


@pytest.mark.parametrize(
    ("last", "body", "credit"),
    [
        ("Putin is popular at home (AFP).", "Putin is popular at home.", "AFP"),
        ("Talks ended, said Ann Parker (AP).", "Talks ended, said Ann Parker.", "AP"),
        ("The talks were held in Moscow (AFP).", "The talks were held in Moscow.", "AFP"),
        ("He spoke at the Assembly (AP).", "He spoke at the Assembly.", "AP"),
    ],
)
def test_legacy_a_bracketed_agency_after_other_words_is_still_the_credit(last: str, body: str, credit: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{last}\n".encode())

    assert (parsed.body, parsed.credit) == (body, credit)


# --- A second byline ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("second", "author"),
    [
        ("(By John Roe)", "Jane Doe and John Roe"),
        ("By John Roe", "Jane Doe and John Roe"),
        ("(By Jane Doe, Staff Writer)", "Jane Doe"),
    ],
)
def test_legacy_a_second_byline_names_a_second_writer_and_leaves_the_body(second: str, author: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{second}\n\n{_STORY}\n".encode())

    assert (parsed.author, parsed.body) == (author, _STORY)


def test_legacy_a_posting_line_under_the_byline_stays_text() -> None:
    line = "Posted on May 12, 2015 by John Roe"

    parsed = parse_upload("incoming/a.txt", f"{_TOP}{line}\n\n{_STORY}\n".encode())

    assert (parsed.author, parsed.body) == ("Jane Doe", f"{line}\n\n{_STORY}")
