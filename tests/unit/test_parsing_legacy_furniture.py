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
        "\u00a9 2016 Archiv der Tagespost",
        "\u00a9 2016 \u0410\u0440\u0445\u0438\u0432 \u043d\u043e\u0432\u043e\u0441\u0442\u0435\u0439 SomaNet",
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
        "Copyright 2015 law reform was passed.",
        "Copyright 2015 Law was Passed",
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


# --- The headline of a layout whose chrome is not the known English chrome ----------------------------------------

_TEXT = "Greece failed to make a payment to the IMF on Tuesday.\n\nOfficials said talks would continue."


@pytest.mark.parametrize(
    ("top", "site"),
    [
        ("Recherche", "Daily Planet Archive"),
        ("Recherche sur le site", "Archives SomaNet"),
        (
            "\u041f\u043e\u0438\u0441\u043a \u043f\u043e \u0441\u0430\u0439\u0442\u0443",
            "\u0410\u0440\u0445\u0438\u0432 \u043d\u043e\u0432\u043e\u0441\u0442\u0435\u0439 SomaNet",
        ),
        ("site-wide search", "Daily Planet Archive"),
    ],
)
@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n"])
def test_legacy_layout_with_other_chrome_keeps_its_headline_and_drops_the_site_name(
    top: str, site: str, gap: str
) -> None:
    page = f"{top}\n\nGreece misses IMF payment deadline{gap}{site}\n\n(By Jane Doe)\n\n{_TEXT}\n"

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.title, parsed.summary, parsed.author, parsed.body) == (
        "Greece misses IMF payment deadline",
        None,
        "Jane Doe",
        _TEXT,
    )


def test_legacy_layout_without_chrome_drops_a_site_name_after_the_exports_gap() -> None:
    page = f"Greece misses IMF payment deadline\n\n\nDaily Planet Archive\n\n(By Jane Doe)\n\n{_TEXT}\n"

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.title, parsed.summary, parsed.body) == ("Greece misses IMF payment deadline", None, _TEXT)


@pytest.mark.parametrize(
    ("page", "title", "summary"),
    [
        # A line that names no site after the gap: a short standfirst stands there as well.
        (
            "Greece misses deadline\n\nTalks to go on\n\n\nAthens reacts\n\n",
            "Greece misses deadline",
            "Talks to go on Athens reacts",
        ),
        ("Greece misses deadline\n\n\nTalks to go on\n\n", "Greece misses deadline", "Talks to go on"),
        # Without the gap, a line naming an archive between the headline and the byline stays the summary.
        ("Greece misses deadline\n\nFrom the archive\n\n", "Greece misses deadline", "From the archive"),
    ],
)
def test_legacy_pages_outside_the_layout_read_as_before(page: str, title: str, summary: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{page}(By Jane Doe)\n\n{_TEXT}\n".encode())

    assert (parsed.title, parsed.summary) == (title, summary)


@pytest.mark.parametrize("below", ["Moscow, May 12, 2015\n\n", "Jane Doe | Staff Writer\n\n", ""])
def test_legacy_layout_with_other_chrome_and_no_byline_under_the_site_name(below: str) -> None:
    page = f"Recherche\n\nGreece misses IMF payment deadline\n\n\nDaily Planet Archive\n\n{below}{_TEXT}\n"
    known = page.replace("Recherche", "site-wide search").replace("Daily Planet Archive", "SomaNet News Archive")

    parsed, expected = (parse_upload("incoming/a.txt", text.encode()) for text in (page, known))

    assert parsed.title == "Greece misses IMF payment deadline"
    assert (parsed.title, parsed.summary, parsed.author, parsed.published, parsed.body) == (
        expected.title,
        expected.summary,
        expected.author,
        expected.published,
        expected.body,
    )


# --- Footers above the site's name, a list of other stories, a title's tags (session 53) ----------------------


@pytest.mark.parametrize(
    "footer",
    [
        "Share on Facebook | Tweet | Email\n\n\u00a9 2015 SomaNet. All rights reserved.\n\nContact us | Privacy policy"
        " | Terms",
        "Contact us | Privacy policy | Terms\n\nSomaNet News Archive",
        "About us \u00b7 Cookie policy \u00b7 Terms of use",
        "Share via Email | Share on WhatsApp | Pin it",
        "Related stories\n\nUkraine rebels seize airport\n\nMerkel calls Putin\n\nSomaNet News Archive",
        "Related articles:\n\nPutin says no\n\nWill Kerry fly home?\n\n\u00a9 2016 SomaNet News Archive",
        "Share on Facebook | Tweet\n\nSee also\n\nPutin says no",
    ],
)
def test_legacy_footers_and_lists_of_other_stories_at_the_end_leave_the_body(footer: str) -> None:
    # Each stayed the body's end: only the site's name under them was dropped (session 53's attacker)
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_STORY}\n\n{footer}\n".encode())

    assert parsed.body == _STORY


@pytest.mark.parametrize(
    "end",
    [
        "Related stories\n\nThe council will meet again in June to set the rates.",
        "The report listed three:\n\nRead more\n\nPutin says no",
        "Related stories\n\nPutin says no\n\nThe mayor said the vote was final.",
        "Contact us if you saw the crash | police said",
        "Terms | Conditions | Penalties for late payment",
    ],
)
def test_legacy_text_under_a_related_label_or_naming_site_pages_stays(end: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_STORY}\n\n{end}\n".encode())

    assert parsed.body == f"{_STORY}\n\n{end}"


def test_legacy_a_related_label_inside_the_body_stays() -> None:
    body = "The council voted on Tuesday.\n\nRelated stories\n\nPutin says no\n\nThe mayor said the vote was a relief."

    assert parse_upload("incoming/a.txt", f"{_TOP}{body}\n".encode()).body == body


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("<b>Budget approved</b>", "Budget approved"),
        ("Budget <i>approved</i> at last", "Budget approved at last"),
        # Session 55: every phrasing element (text.PHRASING_ELEMENTS), as a pasted query reads them
        ("Budget approved <time>Tuesday</time>", "Budget approved Tuesday"),
        ("<dfn>Budget</dfn> approved", "Budget approved"),
        ("<<Breaking>> Budget approved", "<<Breaking>> Budget approved"),
        ("Budget a<b>c approved", "Budget a<b>c approved"),
    ],
)
def test_legacy_a_title_holding_html_is_its_text(written: str, title: str) -> None:
    # `<b>Kerry to meet Putin in Sochi</b>` was the published title (session 53's attacker)
    parsed = parse_upload("incoming/a.txt", f"{written}\n\n(By Jane Doe)\n\n{_STORY}\n".encode())

    assert (parsed.title, parsed.body) == (title, _STORY)


# --- session 53's review: the story's own list at its end, a title that mentions a tag ------------------------------


@pytest.mark.parametrize(
    "end",
    [
        "Recommended\n\nWolf Hall by Hilary Mantel\n\nThe Goldfinch by Donna Tartt",
        "Related\n\nJohn Smith\n\nMary Jones",
        "See also\n\nThe Cranes Are Flying\n\nBallad of a Soldier",
        "More on this story\n\nWitnesses: Ivan Petrov",
        "Read more\n\nLibraries open late on Thursdays\n\nBook club meets at noon on Saturdays",
        "See also\n\nR v Smith [2015] EWCA Crim 12\n\nR v Jones [2014] UKSC 3",
        "Recommended\n\nWolf Hall\n\n\u00a9 2015 SomaNet News Archive",
    ],
)
def test_legacy_a_list_under_a_label_with_nothing_of_the_sites_around_it_stays(end: str) -> None:
    # Dropped as a list of other stories: only the site's footer or share bar beside it says it is the site's
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_STORY}\n\n{end}\n".encode())

    assert parsed.body.startswith(f"{_STORY}\n\n{end.split(chr(10))[0]}")


@pytest.mark.parametrize(
    "written", ["<blink> tag turns 20", "Why <br> and <p> tags confuse editors", "<marquee> returns to the web"]
)
def test_legacy_a_title_that_mentions_a_tag_is_kept_as_written(written: str) -> None:
    # `<blink> tag turns 20` was published as "tag turns 20"
    parsed = parse_upload("incoming/a.txt", f"{written}\n\n(By Jane Doe)\n\n{_STORY}\n".encode())

    assert parsed.title == written


# --- Session 54: page-tools bars, notes after the credit, byline tails -------------------------------------------

_CREDITED = f"{_STORY[:-1]} (AFP)."
_COPYRIGHT = "Copyright \u00a9 2015 SomaNet. All rights reserved."
_BARS = [
    "Back to top | Print | Email this",
    "Back to top | Print",
    "Top of page | Print this article | E-mail to a friend",
    "Print this article | E-mail this article",
    "<< Back | Print | Email",
    "\u00ab Back \u00b7 Print this page \u00b7 Email to a friend",
]


@pytest.mark.parametrize("bar", _BARS)
@pytest.mark.parametrize("order", ["bar", "copyright, bar", "bar, copyright", "bar, site name, copyright"])
def test_legacy_a_page_tools_bar_leaves_with_the_footer_in_any_order_and_the_credit_is_read(
    bar: str, order: str
) -> None:
    # Session 54's attacker: the bar stayed the body's end, with the copyright line above it, and hid the credit
    lines = {"bar": bar, "copyright": _COPYRIGHT, "site name": "SomaNet News Archive"}
    footer = "\n\n".join(lines[name] for name in order.split(", "))
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_CREDITED}\n\n{footer}\n".encode())

    assert (parsed.body, parsed.credit) == (_STORY, "AFP")


@pytest.mark.parametrize(
    "last",
    [
        "Print | Back to the drawing board, the mayor said.",
        "Top | Bottom | Middle were the three options.",
        "Back to the future | Print media",
    ],
)
def test_legacy_a_line_with_bars_that_is_no_page_tools_bar_stays(last: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_STORY}\n\n{last}\n".encode())

    assert parsed.body == f"{_STORY}\n\n{last}"


@pytest.mark.parametrize(
    "note",
    [
        "Editor's note: This article was updated.",
        "Editors\u2019 Note: An earlier headline misnamed the council.",
        "Update: The mayor later confirmed the vote.",
        "Update (13 May): The mayor later confirmed the vote.",
        "UPDATE 2: The mayor later confirmed the vote.",
        "Note to readers: comments are closed on this story.",
        "Note: Figures are in US dollars.",
        "Update \u2013 The vote was held on Tuesday, not Monday.",
        "Disclosure: The writer lives in the borough.",
        "Related articles:\n\nMayor resigns over budget",
    ],
)
def test_legacy_the_credit_before_an_article_note_is_read_and_the_note_stays(note: str) -> None:
    # Session 54's attacker: `(AFP)` stayed in the text and no credit was read
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_CREDITED}\n\n{note}\n".encode())

    assert (parsed.body, parsed.credit) == (f"{_STORY}\n\n{note}", "AFP")


@pytest.mark.parametrize(
    "last",
    [
        "Note-taking apps were banned at the meeting.",
        "Updates to the bridge will follow next year.",
        "Notes of dissent",
    ],
)
def test_legacy_a_paragraph_that_starts_like_a_note_keeps_the_credit_in_the_text(last: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_CREDITED}\n\n{last}\n".encode())

    assert (parsed.body, parsed.credit) == (f"{_CREDITED}\n\n{last}", None)


@pytest.mark.parametrize(
    ("byline", "author", "credit"),
    [
        ("(By Jane Doe - AFP)", "Jane Doe", "AFP"),
        ("(By Jane Doe \u2013 Associated Press)", "Jane Doe", "AP"),
        ("(By Jane Doe for AFP)", "Jane Doe", "AFP"),
        ("By Jane Doe for Reuters", "Jane Doe", "Reuters"),
        ("(By Jane Doe / Reuters)", "Jane Doe", "Reuters"),
        ("(By Jane Doe and John Roe / Reuters)", "Jane Doe and John Roe", "Reuters"),
        ("(By Jane Doe / Moscow)", "Jane Doe", None),
        ("By Jane Doe - Sochi, Russia", "Jane Doe", None),
        ("By Jane Doe / New York", "Jane Doe", None),
    ],
)
def test_legacy_a_byline_with_an_agency_or_a_place_after_a_dash_slash_or_for_names_its_author(
    byline: str, author: str, credit: str | None
) -> None:
    # Session 54's attacker: the byline named no one and stayed the body's first paragraph
    page = f"site-wide search\n\nBudget approved\n\n\nSomaNet News Archive\n\n{byline}\n\n{_STORY}\n"

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.author, parsed.credit, parsed.body) == (author, credit, _STORY)


@pytest.mark.parametrize("line", ["By Special Delivery / London", "By Public Transport / Berlin"])
def test_legacy_a_subhead_with_a_place_after_the_byline_is_no_second_writer(line: str) -> None:
    # Session 54's review I: the subhead was read as a second byline ("Estera Popowska and Special Delivery") and left
    # the body
    page = f"site-wide search\n\nBudget approved\n\n\nSomaNet News Archive\n\n(By Jane Doe)\n\n{line}\n\n{_STORY}\n"

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.author, parsed.body) == ("Jane Doe", f"{line}\n\n{_STORY}")


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe / John Roe",  # two writers, or a writer and a city of two words: which cannot be told
        "By Jane Doe for The Guardian",  # a paper, no agency
        "By Popular Demand - AFP",  # no person's name before the dash
        # a subhead's common words before a place (session 54's review I: "Public Transport" was the author)
        "By Public Transport / Berlin",
        "By Special Delivery / London",
        "(By Special Delivery - Paris)",
        "By Night Bus / London",
        # a second writer after a dash or a slash is no place (session 54's reading of the change: Madonna was dropped)
        "By Jane Doe / Madonna",
        "By Jane Doe - Kim",
    ],
)
def test_legacy_a_byline_tail_that_is_no_agency_nor_a_known_place_names_no_author(line: str) -> None:
    page = f"site-wide search\n\nBudget approved\n\n\nSomaNet News Archive\n\n{line}\n\n{_STORY}\n"

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.author, parsed.body) == (None, f"{line}\n\n{_STORY}")


# --- Session 55: a wire story's end mark and an agency's copyright notice ----------------------------------------

_AP_NOTICE = (
    "Copyright 2015 The Associated Press. All rights reserved. This material may not be published, broadcast,"
    " rewritten or redistributed."
)


@pytest.mark.parametrize("end", ["-30-", "- 30 -", "###", "# # #", "END", "-END-", "(END)", f"{_AP_NOTICE}\n\n###"])
def test_legacy_a_wire_end_mark_or_an_agencys_notice_leaves_the_body(end: str) -> None:
    # Session 55's attacker: `-30-`, `###`, `END` and AP's notice stayed the body's last paragraph
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_STORY}\n\n{end}\n".encode())

    assert parsed.body == _STORY


@pytest.mark.parametrize(
    "last",
    [
        "End",
        "The end.",
        "This material may not be published, the court ruled.",
        "The agency said this material may not be published without its consent.",
    ],
)
def test_legacy_a_last_line_like_an_end_mark_or_a_notice_stays(last: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_STORY}\n\n{last}\n".encode())

    assert parsed.body == f"{_STORY}\n\n{last}"


# --- Session 55: notes under the footer ----------------------------------------------------------------------------

_NOTES = [
    "Editor's note: An earlier version of this article misspelt the mayor's name.",
    "Correction: The vote was on Tuesday, not Monday.",
    "Update: The mayor later confirmed the vote.",
    "Note to readers: comments are closed on this story.",
]


@pytest.mark.parametrize("note", _NOTES)
@pytest.mark.parametrize(
    "footer", ["Back to top | Print | Email this", f"Back to top\n\n{_COPYRIGHT}", "Print | Email"]
)
def test_legacy_a_note_under_the_footer_stays_and_the_footer_goes(note: str, footer: str) -> None:
    # Session 54's attacker: a correction added under the page's footer kept the footer in the body with it, and
    # the credit above was lost
    parsed = parse_upload("incoming/a.txt", f"{_TOP}{_CREDITED}\n\n{footer}\n\n{note}\n".encode())

    assert (parsed.body, parsed.credit) == (f"{_STORY}\n\n{note}", "AFP")
