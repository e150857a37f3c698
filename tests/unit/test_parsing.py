"""parse_upload: legacy text pages and JSON uploads become validated ParsedUploads, or are rejected with a reason."""

from __future__ import annotations

import json
from typing import Any

import pytest

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing import MAX_UPLOAD_BYTES, SUPPORTED_EXTENSIONS, parse_upload

KERRY_TITLE = "U.S: Secretary of State John Kerry to meet Russian President Putin"


def _json_upload(document: Any, key: str = "incoming/article.json") -> ParsedUpload:
    return parse_upload(key, json.dumps(document).encode("utf-8"))


def _rejection(key: str, data: bytes) -> RejectedUploadError:
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload(key, data)
    return caught.value


# --- legacy text pages -------------------------------------------------------------------------------------------


def test_legacy_page_yields_title_author_and_credit(legacy_page_text: str) -> None:
    parsed = parse_upload("incoming/legacy-page-kerry-putin.txt", legacy_page_text.encode("utf-8"))

    assert parsed.title == KERRY_TITLE
    assert parsed.author == "Estera Popowska"
    assert parsed.credit == "AFP"
    assert parsed.source_format == "legacy-text"
    assert parsed.summary is None


def test_legacy_page_body_has_no_site_chrome(legacy_page_text: str) -> None:
    body = parse_upload("incoming/kerry.txt", legacy_page_text.encode("utf-8")).body

    assert "site-wide search" not in body.lower()
    assert "SomaNet News Archive" not in body
    assert "Estera Popowska" not in body
    assert KERRY_TITLE not in body
    assert body.startswith("In what would mark the first visit by the US top diplomat to Russia")


def test_legacy_page_body_drops_the_trailing_agency_credit(legacy_page_text: str) -> None:
    body = parse_upload("incoming/kerry.txt", legacy_page_text.encode("utf-8")).body

    assert "(AFP)" not in body
    assert body.endswith("Putin still immensely popular at home.")
    # The word AFP inside the text is content, not a credit.
    assert "AFP reported that Russian president Putin" in body


def test_legacy_page_keeps_paragraphs_apart_and_joins_nothing_else(legacy_page_text: str) -> None:
    body = parse_upload("incoming/kerry.txt", legacy_page_text.encode("utf-8")).body

    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 9
    assert all(p and "\n" not in p and p == p.strip() for p in paragraphs)
    # The non-breaking space in "where\u00a0relations" is normalised to a plain space.
    assert "where relations between Moscow" in body
    assert "\u00a0" not in body


def test_legacy_page_keeps_the_curly_apostrophe(legacy_page_text: str) -> None:
    body = parse_upload("incoming/kerry.txt", legacy_page_text.encode("utf-8")).body

    assert "Russia\u2019s Deputy Foreign Minister" in body


def test_legacy_page_in_windows_1252_decodes_like_the_utf8_page(legacy_page_text: str) -> None:
    cp1252 = legacy_page_text.encode("cp1252")
    assert b"\x92" in cp1252  # the curly apostrophe, a byte that is not valid UTF-8 on its own

    parsed = parse_upload("incoming/kerry.txt", cp1252)

    assert "Russia\u2019s Deputy Foreign Minister" in parsed.body
    assert parsed == parse_upload("incoming/kerry.txt", legacy_page_text.encode("utf-8"))


def test_legacy_page_with_utf8_bom_and_crlf_line_ends(legacy_page_text: str) -> None:
    data = b"\xef\xbb\xbf" + legacy_page_text.replace("\n", "\r\n").encode("utf-8")

    parsed = parse_upload("incoming/kerry.txt", data)

    assert parsed.title == KERRY_TITLE
    assert "\r" not in parsed.body
    assert len(parsed.body.split("\n\n")) == 9


def test_legacy_page_without_byline_takes_the_first_block_as_title() -> None:
    parsed = parse_upload(
        "incoming/short.txt", b"Site-wide search\n\nA headline\n\nFirst paragraph.\n\nSecond one (Reuters)"
    )

    assert parsed.title == "A headline"
    assert parsed.author is None
    assert parsed.credit == "Reuters"
    assert parsed.body == "First paragraph.\n\nSecond one"  # no full stop was written: none is added


def test_legacy_page_of_only_site_chrome_is_rejected() -> None:
    error = _rejection("incoming/empty-page.txt", b"site-wide search\n\nSomaNet News Archive\n\nHome\n")

    assert "navigation" in error.reason
    assert error.fix


# --- JSON uploads ----------------------------------------------------------------------------------------------


def test_minimal_json_upload() -> None:
    parsed = _json_upload({"title": "Kerry meets Putin", "body": "Talks in Sochi."})

    assert parsed == ParsedUpload(title="Kerry meets Putin", body="Talks in Sochi.", source_format="json")


def test_json_upload_with_every_optional_field() -> None:
    parsed = _json_upload(
        {
            "title": "Kerry meets Putin",
            "body": "Talks in Sochi.",
            "author": "Estera Popowska",
            "published": "2015-05-12",
            "section": "World",
            "summary": "The first visit since the Ukraine crisis.",
            "url": "https://archive.somanet.example/2015/05/kerry-putin",
            "tags": ["russia", "usa"],
        }
    )

    assert parsed == ParsedUpload(
        title="Kerry meets Putin",
        body="Talks in Sochi.",
        source_format="json",
        author="Estera Popowska",
        published="2015-05-12",
        section="World",
        summary="The first visit since the Ukraine crisis.",
        url="https://archive.somanet.example/2015/05/kerry-putin",
        tags=("russia", "usa"),
    )


def test_json_upload_ignores_unknown_fields() -> None:
    parsed = _json_upload({"title": "T", "body": "B", "id": "kerry", "wordcount": 12, "layout": {"columns": 2}})

    assert parsed == ParsedUpload(title="T", body="B", source_format="json")


def test_json_upload_cleans_whitespace_and_drops_blank_optionals() -> None:
    parsed = _json_upload({"title": "  Kerry \t meets\u00a0Putin ", "body": "\n Talks. \n", "author": "   "})

    assert parsed.title == "Kerry meets Putin"
    assert parsed.body == "Talks."
    assert parsed.author is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2015-05-12", "2015-05-12"),
        ("2015-05-12T10:00:00Z", "2015-05-12"),
        ("2015-05-12T23:30:00+02:00", "2015-05-12"),
        ("12 May 2015", "2015-05-12"),
        ("May 12, 2015", "2015-05-12"),
        ("2015/05/12", "2015-05-12"),
    ],
)
def test_json_published_is_normalised_to_an_iso_date(published: str, expected: str) -> None:
    assert _json_upload({"title": "T", "body": "B", "published": published}).published == expected


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("politics, usa ,, russia", ("politics", "usa", "russia")),
        (["politics", " usa ", "politics", ""], ("politics", "usa")),
        ([], ()),
    ],
)
def test_json_tags_as_comma_string_or_list(tags: Any, expected: tuple[str, ...]) -> None:
    assert _json_upload({"title": "T", "body": "B", "tags": tags}).tags == expected


def test_json_in_windows_1252_is_decoded() -> None:
    data = '{"title": "Russia\u2019s view", "body": "Caf\u00e9 talks"}'.encode("cp1252")

    parsed = parse_upload("incoming/a.json", data)

    assert parsed.title == "Russia\u2019s view"
    assert parsed.body == "Caf\u00e9 talks"


def test_extension_is_matched_case_insensitively() -> None:
    assert parse_upload("incoming/A.JSON", b'{"title": "T", "body": "B"}').title == "T"


@pytest.mark.parametrize(
    ("key", "data", "reason_mentions"),
    [
        ("incoming/a.json", b'{"title": "T", "body": "B",}', "not valid JSON"),
        ("incoming/a.json", b'[{"title": "T", "body": "B"}]', "not a list"),
        ("incoming/a.json", b'"just a string"', "not a string"),
        ("incoming/a.json", b'{"body": "B"}', "no title"),
        ("incoming/a.json", b'{"title": "   ", "body": "B"}', "no title"),
        ("incoming/a.json", b'{"title": "T"}', "no body"),
        ("incoming/a.json", b'{"title": ["T"], "body": "B"}', "title must be text, not a list"),
        ("incoming/a.json", b'{"title": "T", "body": 42}', "body must be text, not a number"),
        ("incoming/a.json", b'{"title": "T", "body": "B", "published": "next Tuesday"}', "not understood"),
        ("incoming/a.json", b'{"title": "T", "body": "B", "published": "2015-13-45"}', "there is no month 13"),
        ("incoming/a.json", b'{"title": "T", "body": "B", "published": 42}', "the number 42, which is no date"),
        ("incoming/a.json", b'{"title": "T", "body": "B", "published": "0015-05-12"}', "outside"),
        ("incoming/a.json", b'{"title": "T", "body": "B", "tags": [1, 2]}', "tags must be a list of strings"),
        ("incoming/a.json", b'{"title": "T", "body": "B", "url": "javascript:alert(1)"}', "not an absolute http(s)"),
        ("incoming/a.json", b"", "empty"),
        ("incoming/a.txt", b"  \n\n \t", "empty"),
        ("incoming/a.pdf", b"%PDF-1.4 ...", "'.pdf' are not supported"),
        ("incoming/no-extension", b"Title\n\nBody", "(no extension)"),
    ],
)
def test_rejections_explain_the_reason_and_the_fix(key: str, data: bytes, reason_mentions: str) -> None:
    error = _rejection(key, data)

    assert reason_mentions in error.reason
    assert str(error) == error.reason
    assert error.fix, "every rejection tells the editor what to do"


@pytest.mark.parametrize("field", ["title", "body", "author", "section", "summary", "url"])
@pytest.mark.parametrize(
    ("value", "kind"),
    [({"rendered": "Kerry meets Putin"}, "an object"), ([1], "a list"), (True, "a boolean"), (42, "a number")],
)
def test_a_json_field_of_another_type_is_named_with_its_article(field: str, value: object, kind: str) -> None:
    # A WordPress REST export's {"title": {"rendered": ...}} read 'title must be text, not a object'.
    document = {"title": "T", "body": "B", field: value}

    error = _rejection("incoming/a.json", json.dumps(document).encode())

    assert error.reason == f"{field} must be text, not {kind}"


def test_json_that_is_no_object_is_named_with_its_article() -> None:
    assert _rejection("incoming/a.json", b"[]").reason == "the JSON must be an object with title and body, not a list"


def test_invalid_json_reason_points_at_the_line_and_column() -> None:
    error = _rejection("incoming/a.json", b'{\n  "title": "T",\n  "body": "B",\n}')

    assert "line 4, column 1" in error.reason


def test_upload_at_the_size_limit_is_accepted_and_one_byte_more_is_rejected() -> None:
    # Padded with an ignored field, so only the byte count (not the body length limit) is in play.
    head = b'{"title": "T", "body": "B", "padding": "'
    tail = b'"}'
    at_limit = head + b"x" * (MAX_UPLOAD_BYTES - len(head) - len(tail)) + tail
    assert len(at_limit) == MAX_UPLOAD_BYTES == 5 * 1024 * 1024

    assert parse_upload("incoming/big.json", at_limit).title == "T"
    error = _rejection("incoming/big.json", at_limit + b" ")
    assert "above the limit" in error.reason
    assert error.reason == "the file is 5.0 MiB (5,242,881 bytes), above the limit of 5 MiB"


def test_rejected_upload_error_carries_reason_and_fix() -> None:
    error = RejectedUploadError("the article has no title", fix="add a title")

    assert error.reason == "the article has no title"
    assert error.fix == "add a title"
    assert str(error) == "the article has no title"
    assert RejectedUploadError("no fix known").fix == ""


def test_the_fix_for_an_unsupported_extension_lists_only_extensions_that_parse() -> None:
    fix = _rejection("incoming/a.pdf", b"%PDF-1.4").fix
    offered = [ext for ext in SUPPORTED_EXTENSIONS if ext in fix.split(": ", 1)[-1].split(", ")]
    assert offered, fix

    for extension in offered:
        # Content problems may still reject it; being refused as an unsupported format may not.
        try:
            parse_upload(f"incoming/a{extension}", b"Title\n\nBody text.")
        except RejectedUploadError as error:
            assert "not supported" not in error.reason, f"{extension} is offered as a fix but rejected"


@pytest.mark.parametrize(
    "page",
    [
        "Council approves bridge budget\n\nSomaNet News Archive\n\n(By Maria Lopez)\n\n12 May 2015\n\nThe council met.",
        "Council approves bridge budget\n\nSomaNet News Archive\n\nMay 12, 2015\n\n(By Maria Lopez)\n\n"
        "The council met.",
        "Council approves bridge budget\n\n(By Maria Lopez)\n\nTuesday 12 May 2015\n\nThe council met.\n",
        "Council approves bridge budget\n\n2015-05-12\n\nThe council met.\n",
        # above the headline, as some layouts put it (session 48's new user: the date was the title)
        "12 May 2015\n\nCouncil approves bridge budget\n\n(By Maria Lopez)\n\nThe council met.",
        "site-wide search\n\nTuesday, 12 May 2015\n\nCouncil approves bridge budget\n\nSomaNet News Archive\n\n"
        "(By Maria Lopez)\n\nThe council met.",
        "(By Maria Lopez)\n\n12 May 2015\n\nCouncil approves bridge budget\n\nThe council met.",
        "2015-05-12\n\nCouncil approves bridge budget\n\nThe council met.\n",
        # the site's name between the date and the headline is dropped (the session's review: it was the title)
        "12 May 2015\n\nSomaNet News Archive\n\nCouncil approves bridge budget\n\n(By Maria Lopez)\n\nThe council met.",
    ],
)
def test_legacy_page_date_line_at_the_top_is_the_article_date(page: str) -> None:
    parsed = parse_upload("incoming/bridge.txt", page.encode())

    assert parsed.title == "Council approves bridge budget"
    assert parsed.published == "2015-05-12"
    assert parsed.body == "The council met." and parsed.summary is None


@pytest.mark.parametrize(
    "companion",
    ["14:32 GMT", "2.30pm", "Updated 13 May 2015", "Last updated: 13 May 2015", "Last update: 13 May 2015 14:32"],
)
def test_legacy_page_time_or_update_line_under_a_top_date_line_is_no_title(companion: str) -> None:
    page = f"12 May 2015\n\n{companion}\n\nCouncil approves bridge budget\n\n(By Maria Lopez)\n\nThe council met."
    parsed = parse_upload("incoming/bridge.txt", page.encode())
    assert (parsed.title, parsed.published, parsed.summary) == (
        "Council approves bridge budget",
        "2015-05-12",
        companion,
    )


@pytest.mark.parametrize(
    "headline", ["Update on council bridge plans", "Updated guidance for bridge users", "Updated rules for 5G masts"]
)
def test_legacy_page_headline_starting_with_update_under_a_top_date_line_is_the_title(headline: str) -> None:
    # the second review: taken for an update line, it was skipped and the page rejected for its headline
    page = f"12 May 2015\n\n{headline}\n\nThe council met on Tuesday to approve the budget for the new bridge."
    parsed = parse_upload("incoming/bridge.txt", page.encode())
    assert (parsed.title, parsed.published) == (headline, "2015-05-12")


@pytest.mark.parametrize("line", ["03/04/2015", "31 April 2015"])
def test_legacy_page_unreadable_date_line_over_the_headline_is_rejected(line: str) -> None:
    # as under the headline; it was the title, and the page had no date (the session's review)
    error = _rejection("incoming/bridge.txt", f"{line}\n\nCouncil approves bridge budget\n\nThe council met.".encode())
    assert "a date that cannot be read" in error.reason


def test_legacy_page_whose_date_line_stands_over_a_paragraph_is_rejected_for_its_headline() -> None:
    page = "12 May 2015\n\nThe council met on Tuesday to approve the budget for the new bridge.\n\nIt passed.\n"
    error = _rejection("incoming/bridge.txt", page.encode())
    assert "no headline" in error.reason and "starts with a date line" in error.reason


@pytest.mark.parametrize(
    ("page", "body"),
    [
        # A sentence that starts with a date, even one that names no day, is text
        (
            "Bridge budget\n\n(By Maria Lopez)\n\n31 April 2015 was the deadline.\n\nThe council met.\n",
            "31 April 2015 was the deadline.\n\nThe council met.",
        ),
        # A year, a month or a week alone is no day, and no date line: a subheading
        ("Bridge budget\n\n(By Maria Lopez)\n\n2015\n\nThe council met.\n", "2015\n\nThe council met."),
        ("Bridge budget\n\n(By Maria Lopez)\n\nMay 2015\n\nThe council met.\n", "May 2015\n\nThe council met."),
        # An unreadable date further down is the article's text
        ("Bridge budget\n\n(By Maria Lopez)\n\nThe council met.\n\n03/04/2015\n", "The council met.\n\n03/04/2015"),
        # A date further down is the article's text
        ("Bridge budget\n\n(By Maria Lopez)\n\nThe council met.\n\n12 May 2015\n", "The council met.\n\n12 May 2015"),
        # A page that is only a date under its title keeps it as its text
        ("Bridge budget\n\n12 May 2015\n", "12 May 2015"),
    ],
)
def test_legacy_page_date_line_elsewhere_stays_text(page: str, body: str) -> None:
    parsed = parse_upload("incoming/bridge.txt", page.encode())

    assert parsed.published is None and parsed.body == body


@pytest.mark.parametrize(
    ("line", "says", "fix"),
    [
        ("31 April 2015", "April 2015 has days 1 to 30", "YYYY-MM-DD"),
        ("03/04/2015", "(day 3 of month 4, or month 3, day 4)", "2015-04-03 or 2015-03-04"),
        ("05/06/2015 10:00", "(day 5 of month 6, or month 5, day 6)", "2015-06-05 or 2015-05-06"),
        ("05.06.15", "two-digit year", "four digits"),
        ("2015-02-29", "February 2015 has days 1 to 28", "YYYY-MM-DD"),
        ("Mon, 12 May 2015", "12 May 2015 is a Tuesday", "weekday"),
        ("12 May 98", "two-digit year", "four digits"),
    ],
)
@pytest.mark.parametrize(
    "layout",
    [
        "Bridge budget\n\n(By Maria Lopez)\n\n{line}\n\nThe council met.\n",  # under the byline
        "Bridge budget\n\n{line}\n\n(By Maria Lopez)\n\nThe council met.\n",  # between title and byline
        "Bridge budget\n\n{line}\n\nThe council met.\n",  # under the title
    ],
)
def test_legacy_date_line_that_names_no_day_is_rejected_saying_why(layout: str, line: str, says: str, fix: str) -> None:
    # It became the first paragraph, and the article had no date, with nothing said.
    error = _rejection("incoming/bridge.txt", layout.format(line=line).encode())

    assert error.reason.startswith("the line at the top of the article, where its date goes, is a date that cannot")
    assert repr(line) in error.reason and says in error.reason
    assert fix in error.fix and "month in words" in error.fix


@pytest.mark.parametrize(
    "line", ["31 April 2015", "03/04/2015", "Thu, 31 Apr 2015 10:00:00 GMT", "04/31/2015", "Mon, 12 May 2015"]
)
@pytest.mark.parametrize("front", ["", "---\ntitle: Bridge budget\n---\n"])
def test_markdown_date_line_that_names_no_day_and_no_declared_date_is_rejected(front: str, line: str) -> None:
    error = _rejection("incoming/bridge.md", f"{front}# Bridge budget\n\n{line}\n\nThe council met.\n".encode())

    assert "where its date goes" in error.reason and repr(line) in error.reason


@pytest.mark.parametrize(
    ("line", "declared"),
    [
        ("03/04/2015", "2015-03-04"),  # a US site's 4 March
        ("03/04/2015", "2015-04-03"),
        ("03/04/2015 10:15 AM EST", "2015-03-04"),
        ("Mon, 12 May 2015", "2015-05-12"),  # the weekday is wrong, the day is the declared one
        ("12 May 98", "1998-05-12"),
        ("03/04/15", "2015-03-04"),
        ("05.12.2015", "2015-05-12"),  # dots are read day first, but the page says it meant 12 May
        ("05.12.2015", "2015-12-05"),
    ],
)
@pytest.mark.parametrize("key", ["published", "date"])
def test_markdown_date_line_one_reading_of_which_is_the_declared_date_is_the_date_line(
    key: str, line: str, declared: str
) -> None:
    # Given front matter declaring the date, and the line in the reader's style under it
    data = f"---\ntitle: Bridge budget\n{key}: {declared}\n---\n\n{line}\n\nThe council met.\n"

    # Then the line is the date line, as a readable one is: dropped, the declared date kept (it was rejected)
    parsed = parse_upload("incoming/bridge.md", data.encode())

    assert (parsed.published, parsed.body) == (declared, "The council met.")


@pytest.mark.parametrize(
    ("line", "declared"),
    [("31 April 2015", "2015-04-30"), ("03/04/2015", "2015-05-12"), ("Mon, 12 May 2015", "2015-03-04")],
)
def test_markdown_date_line_that_reads_as_no_reading_of_the_declared_date_stays_text(line: str, declared: str) -> None:
    # As a line naming another day than the declared one does: nothing dropped, nothing changed, the date declared
    data = f"---\ntitle: Bridge budget\npublished: {declared}\n---\n\n{line}\n\nThe council met.\n"

    parsed = parse_upload("incoming/bridge.md", data.encode())

    assert (parsed.published, parsed.body) == (declared, f"{line}\n\nThe council met.")


_DECLARED = '<meta property="article:published_time" content="2015-03-04T10:00:00Z">'


@pytest.mark.parametrize(
    ("head", "line", "published"),
    [
        (_DECLARED, "<div class='meta'><time datetime='2015-03-04'>03/04/2015</time></div>", "2015-03-04"),
        ("", "<div class='meta'><time datetime='2015-03-04'>03/04/2015</time></div>", "2015-03-04"),
        (_DECLARED, "<p>03/04/2015 10:15 AM EST</p>", "2015-03-04"),
        (_DECLARED, "<p class='date'>03/04/2015</p>", "2015-03-04"),
        (_DECLARED.replace("2015-03-04", "2015-05-12"), "<p>Mon, 12 May 2015</p>", "2015-05-12"),
    ],
)
def test_html_date_line_one_reading_of_which_is_the_declared_date_is_the_date_line(
    head: str, line: str, published: str
) -> None:
    # Given a US page declaring 2015-03-04 and showing it as 03/04/2015 under the headline (it was rejected)
    page = f"<html><head><title>Budget approved</title>{head}</head><body><article><h1>Budget approved</h1>{line}"
    page += "<p>The council voted on the budget.</p><p>It passed.</p></article></body></html>"

    parsed = parse_upload("incoming/budget.html", page.encode())

    assert (parsed.published, parsed.body) == (published, "The council voted on the budget.\n\nIt passed.")


@pytest.mark.parametrize("line", ["31 April 2015 was the deadline.", "2015", "May 2015", "12 May 2015 10:00 Sochi"])
def test_markdown_first_paragraph_that_is_no_date_line_stays_text(line: str) -> None:
    parsed = parse_upload("incoming/bridge.md", f"# Bridge budget\n\n{line}\n\nThe council met.\n".encode())

    assert (parsed.published, parsed.body) == (None, f"{line}\n\nThe council met.")


@pytest.mark.parametrize(
    ("ending", "body_end"),
    [
        ("profits rose (Reuters)", "profits rose"),
        ("profits rose - AFP", "profits rose"),
        ("profits rose (AFP).", "profits rose."),
        ("profits rose. (AP).", "profits rose."),
        ('he said "no" (AFP).', 'he said "no".'),
        ('he said "no." (AFP).', 'he said "no."'),
        ("the deal (in Sochi) (AFP).", "the deal (in Sochi)."),
        # A colon or semicolon ends what was written: no full stop is put after it ("home:." was)
        ("it is popular at home: (AFP).", "it is popular at home:"),
        ("it is popular at home; (AFP).", "it is popular at home;"),
        ("it is popular at home: (AFP)", "it is popular at home:"),
    ],
)
def test_legacy_trailing_credit_leaves_what_was_written_and_adds_nothing(ending: str, body_end: str) -> None:
    # `…profits rose (Reuters)` became `…profits rose.`: a full stop nobody wrote.
    parsed = parse_upload("incoming/a.txt", f"Title\n\n(By Ann Lee)\n\nFirst.\n\nThe company said {ending}".encode())

    assert parsed.body == f"First.\n\nThe company said {body_end}"
    assert parsed.credit in {"Reuters", "AFP", "AP"}


@pytest.mark.parametrize(
    ("ending", "credit"),
    [
        ("popular at home (RTE).", "RT\u00c9"),
        ("popular at home. (RT\u00c9)", "RT\u00c9"),
        ("popular at home. (Belga)", "Belga"),
        ("popular at home. - ANP", "ANP"),
        ("popular at home (Lusa).", "Lusa"),
        ("popular at home (PA Media).", "PA"),
    ],
)
def test_legacy_a_national_agencys_or_broadcasters_trailing_credit_is_the_credit(ending: str, credit: str) -> None:
    # session 53's new user: `(RTE)` stayed in the text and the credit was empty, where `(AFP)` was read
    parsed = parse_upload("incoming/a.txt", f"Title\n\n(By Ann Lee)\n\nFirst.\n\nPutin remains {ending}".encode())

    assert (parsed.body, parsed.credit) == ("First.\n\nPutin remains popular at home.", credit)


@pytest.mark.parametrize("ending", ["told the state broadcaster (BBC).", "told the national broadcaster (RTE)."])
def test_legacy_a_broadcaster_named_before_its_abbreviation_is_no_credit(ending: str) -> None:
    # as "the German news agency (dpa)" names dpa and credits no one
    parsed = parse_upload("incoming/a.txt", f"Title\n\n(By Ann Lee)\n\nFirst.\n\nThe minister {ending}".encode())

    assert (parsed.body, parsed.credit) == (f"First.\n\nThe minister {ending}", None)


@pytest.mark.parametrize(
    "ending",
    [
        # Session 53's review: abbreviations of national agencies that end as many sentences as they credit
        "The seat went to the largest Bosniak party (SDA).",
        "She ran for Pakistan's Awami party (ANP).",
        "The rules come from the psychologists' body (APA).",
        "The doctor asked for a full blood count (CBC).",
        "The tremor shook Lombok in West Nusa Tenggara (NTB).",
        "The subtitles came from speech-to-text software (STT).",
        "He lectured at the institute (MTI).",
        "The speech was carried by Voice of America (VOA).",
        "The speech was carried by National Public Radio (NPR).",
        "The figures came from Norsk Telegrambyra (NTB).",
    ],
)
def test_legacy_an_ambiguous_agency_abbreviation_ending_a_sentence_is_text(ending: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"Title\n\n(By Ann Lee)\n\nFirst.\n\n{ending}\n".encode())

    assert (parsed.body, parsed.credit) == (f"First.\n\n{ending}", None)


@pytest.mark.parametrize(
    ("text", "body", "credit"),
    [
        ("The talks went well. (CBC)", "The talks went well.", "CBC"),  # after the last sentence's full stop
        ("The talks went well.\n\n(NPR)", "The talks went well.", "NPR"),  # on a line of its own
        ("The talks went well (Reuters/ANP).", "The talks went well.", "Reuters/ANP"),
        # a broadcaster's word before an agency's credit names no broadcaster (session 53's review)
        ("He spoke to the national broadcaster (AFP).", "He spoke to the national broadcaster.", "AFP"),
        ("He spoke to the state broadcaster (Reuters).", "He spoke to the state broadcaster.", "Reuters"),
    ],
)
def test_legacy_an_agency_credit_where_no_sentence_holds_it_is_the_credit(text: str, body: str, credit: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"Title\n\n(By Ann Lee)\n\nFirst.\n\n{text}\n".encode())

    assert (parsed.body, parsed.credit) == (f"First.\n\n{body}", credit)


def test_legacy_a_wire_dateline_credits_an_ambiguous_agency() -> None:
    page = "Title\n\n(By Ann Lee)\n\nAMSTERDAM (ANP) - The talks went well.\n\nMore.\n"

    assert parse_upload("incoming/a.txt", page.encode()).credit == "ANP"


@pytest.mark.parametrize(
    ("footer", "note"),
    [
        ("", ""),
        ("\n\n\u00a9 2016 SomaNet News Archive", ""),
        # A note after the byline: a credit, a correction, a link, the author's biography (session 21's second review)
        ("\n\nBack to top", "Additional reporting by John Roe in Dover."),
        ("", "This article was amended on 3 May 2001 to correct the cost."),
        ("", "Jane Doe is the paper's transport correspondent."),
        ("\n\nBack to top", "Related: Ferry strike ends"),
        ("", "Correction: an earlier version gave the wrong cost."),
    ],
)
def test_legacy_a_byline_below_the_first_paragraphs_closes_the_text(footer: str, note: str) -> None:
    # The paragraphs above it became the summary and the footer the body, or the page was refused (session 21's review)
    text = (
        "The council approved the budget on Monday after a long debate over the cost of the new harbour.\n\n"
        "The vote was seven to two, and the work on the quay begins in the spring."
    )
    after = f"\n\n{note}" if note else ""
    head = "Council approves budget\n\nsite-wide search\n\nSomaNet News Archive"
    page = f"{head}\n\n{text}\n\n(By Jane Doe){after}{footer}"

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.title, parsed.author, parsed.summary) == ("Council approves budget", "Jane Doe", None)
    assert parsed.body == text + (f"\n\n{note}" if note else "")


def test_legacy_a_date_line_below_a_closing_byline_is_the_date() -> None:
    text = "The council approved the budget on Monday.\n\nThe vote was seven to two."
    page = f"Council approves budget\n\n{text}\n\n(By Jane Doe)\n\n12 May 2015\n\n\u00a9 2016 SomaNet News Archive"

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.author, parsed.published, parsed.summary, parsed.body) == ("Jane Doe", "2015-05-12", None, text)


def test_legacy_a_standfirst_over_a_short_body_stays_the_standfirst() -> None:
    # A brief's body is shorter than its standfirst: only notes below make the byline close the text (session 21's
    # second review: a length rule made this standfirst the body)
    standfirst = ["Heavy snow has closed more than two hundred schools across the region.", "Check before setting out."]
    page = "Schools shut\n\n" + "\n\n".join(standfirst) + "\n\n(By Jane Doe)\n\nDover stays shut."

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.summary, parsed.body) == (" ".join(standfirst), "Dover stays shut.")


def test_legacy_paragraphs_above_a_byline_with_text_below_are_the_standfirst() -> None:
    # Text below the byline: what stands above it is the standfirst, as it was; the layout's lines are no body
    page = (
        "Plan revised after talks\n\nBack to top\n\n12 May 2015\n\nA standfirst.\n\nAnother line.\n\n"
        "(By Jane Doe)\n\nThe body text here."
    )

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.summary, parsed.published) == ("A standfirst. Another line.", "2015-05-12")
    assert parsed.body == "The body text here."


def test_legacy_one_paragraph_between_the_title_and_the_byline_is_the_standfirst() -> None:
    page = "Council approves budget\n\n12 May 2015\n\nA tight vote.\n\n(By Jane Doe)\n\nThe council approved it."

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.summary, parsed.published, parsed.body) == (
        "A tight vote.",
        "2015-05-12",
        "The council approved it.",
    )


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("(By Jane Doe in Moscow)", "Jane Doe"),
        ("By Jane Doe in New York and John Roe in London", "Jane Doe and John Roe"),
        ("(By Ana de la Cruz in Rio de Janeiro)", "Ana de la Cruz"),
        ("By Jane Doe in the Hague", "Jane Doe"),
        ("BY JANE DOE IN MOSCOW", "JANE DOE"),
        ("(By Jane Doe and AFP)", "Jane Doe"),
        ("(By Jane Doe and John Roe, Reuters)", "Jane Doe and John Roe"),
        ("By Jane Doe & The Associated Press", "Jane Doe"),
        ("By Jane Doe in Moscow and AFP", "Jane Doe"),
        ("By Jane Doe, AFP", "Jane Doe"),
        ("By JANE DOE", "JANE DOE"),
        ("(By Jane Doe, Reuters)", "Jane Doe"),
        ("(By Jane Doe and John Roe)", "Jane Doe and John Roe"),
        # A place's country or state after a comma is the place's (Russia and DC were authors: session 21's review)
        ("(By Jane Doe in Sochi, Russia)", "Jane Doe"),
        ("By Jane Doe in Washington, DC", "Jane Doe"),
        ("By Jane Doe in Washington, D.C.", "Jane Doe"),
        ("By Jane Doe in New York and John Roe in Paris, France", "Jane Doe and John Roe"),
        ("By Jane Doe in Sochi, John Roe", "Jane Doe, John Roe"),
        ("By Jane Doe in Moscow, Reuters", "Jane Doe"),
        ("By Jane Doe in Seoul, South Korea", "Jane Doe"),
        ("By Jane Doe in Raleigh, North Carolina", "Jane Doe"),
        ("By Jane Doe in Tokyo, Jiji", "Jane Doe"),
        ("By Jane Doe in Seoul, John Roe", "Jane Doe, John Roe"),
        ("By Jane Doe in Kolkata, West Bengal", "Jane Doe"),
        ("By Jane Doe in Honiara, Solomon Islands", "Jane Doe"),
        ("By Jane Doe in Kinshasa, Democratic Republic of Congo", "Jane Doe"),
        # A name's own full stop stays, bracketed or not (`Jr` and `Jr.` were two authors: session 21's review)
        ("By Martin Luther King Jr.", "Martin Luther King Jr."),
        ("(By Martin Luther King Jr.)", "Martin Luther King Jr."),
        ("By Jane Doe, Ph.D.", "Jane Doe, Ph.D."),
        ("By Jane Doe.", "Jane Doe"),
    ],
)
def test_legacy_bylines_of_people_with_a_place_or_an_agency_name_the_author(byline: str, author: str) -> None:
    # The byline stayed in the body and the author was lost: "in" and a one-word agency after "and" read as no name.
    parsed = parse_upload("incoming/a.txt", f"Title\n\n{byline}\n\nText.".encode())

    assert (parsed.author, parsed.body) == (author, "Text.")


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the day in Moscow, talks had stalled.",
        "By Tuesday in Moscow",
        "By Night in Paris",
        "By Land and AFP",
        "By Jane and AFP",
        "By Popular Demand in Paris",
        "By Jane Doe in",
    ],
)
def test_sentences_and_subheadings_with_in_or_an_agency_are_no_byline(line: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"Title\n\nFirst.\n\n{line}\n\nText.".encode())

    assert (parsed.author, parsed.body) == (None, f"First.\n\n{line}\n\nText.")


@pytest.mark.parametrize("line", ["By Bicycle in Berlin", "By Starlight in Vienna", "By Jove in Rome"])
def test_markdown_subheading_of_one_word_and_a_place_is_no_byline(line: str) -> None:
    # Given a travel piece whose first line reads as "By <Name> in <Place>" with a one-word name
    data = f"---\ntitle: Travel notes\n---\n\n{line}\n\nWe arrived late at night.\n"

    # Then it stays a subheading: it was dropped, and "Bicycle" became the author
    parsed = parse_upload("incoming/travel.md", data.encode())

    assert (parsed.author, parsed.body) == (None, f"{line}\n\nWe arrived late at night.")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("(By Bicycle in Berlin)", None),
        ("(By Jove in Rome)", None),
        ("(By AFP in Moscow)", "AFP"),
        ("(By Reuters in London)", "Reuters"),
        ("(By Jane Doe in Moscow)", "Jane Doe"),
    ],
)
def test_legacy_byline_with_a_place_needs_two_words_or_an_agency(line: str, author: str | None) -> None:
    parsed = parse_upload("incoming/a.txt", f"Title\n\n{line}\n\nText.".encode())

    assert (parsed.author, parsed.body) == (author, "Text." if author else f"{line}\n\nText.")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf  \n\n",
        b"\xff\xfe",
        b"\xfe\xff\x00 \x00\n",
        b"\xff\xfe \x00\n\x00 \x00\n\x00",
        b"\xff\xfe\x00\x00\n\x00\x00\x00",
        "\u00a0\u2028\u3000\n".encode(),
    ],
)
@pytest.mark.parametrize("extension", SUPPORTED_EXTENSIONS)
def test_a_file_of_only_a_byte_order_mark_or_whitespace_is_empty_in_every_format(extension: str, data: bytes) -> None:
    # It was "no text besides site navigation" (.txt) or "no title" (.md), as if the file had something in it.
    error = _rejection(f"incoming/a{extension}", data)

    assert (error.reason, error.fix) == ("the file is empty", "upload the article's text")


@pytest.mark.parametrize(
    "page",
    [
        "(By Jane Doe)\n\nFirst paragraph of a story that lost its headline in the export.\n\nSecond paragraph.\n",
        "\n\n\nSomaNet News Archive\n\n(By AFP)\n\nThe council approved the bridge budget on Tuesday after a long"
        " debate.\n\nSecond paragraph.\n",
        "(By Jane Doe)\n\nThe company said profits rose sharply in the first quarter of 1987.\n\nMore.\n",
        "(By Jane Doe)\n\nThe minister resigned on Tuesday under growing pressure from his party (AFP).\n",
        "(By Jane Doe)\n\nThe vote was close. Ministers will meet again on Friday to try again.\n\nMore.\n",
        "(By Jane Doe)\n\nThe only paragraph, which said \u201cyes, we will go ahead with it.\u201d\n",
    ],
)
def test_legacy_a_page_whose_headline_was_lost_before_its_byline_is_rejected_not_titled_by_its_first_paragraph(
    page: str,
) -> None:
    # session 47's new user: the first paragraph became the title, silently, and the body lost it
    with pytest.raises(RejectedUploadError, match="the page has no headline") as rejected:
        parse_upload("incoming/a.txt", page.encode())
    assert "before the byline" in rejected.value.fix


_LOST_HEADLINE = "In a surprising development this week, the council voted to close the town swimming pool for good."


@pytest.mark.parametrize(
    "page",
    [
        f"{_LOST_HEADLINE}\n\nResidents protested.\n",
        f"{_LOST_HEADLINE}\n\nResidents protested outside.\n\nThe pool opened in 1974.\n",
        f"site-wide search\n\n{_LOST_HEADLINE}\n\nResidents protested.\n",
        f"Home | News | Local\n\n{_LOST_HEADLINE}\n\nResidents protested.\n",
        # A bracketed note on the pictures or changes is no headline either
        f"{{PHOTO: Kerry in Sochi}}\n\n(By Jane Doe)\n\n{_LOST_HEADLINE}\n\nResidents protested.\n",
        f"[Video]\n\n(By Jane Doe)\n\n{_LOST_HEADLINE}\n\nResidents protested.\n",
    ],
)
def test_legacy_a_page_whose_headline_was_lost_without_a_byline_is_rejected_not_titled_by_its_first_paragraph(
    page: str,
) -> None:
    # session 53's new user: with no byline the first paragraph was the title, silently (with one, the page was
    # rejected); `{PHOTO: Kerry in Sochi}` before the byline was the title
    with pytest.raises(RejectedUploadError, match="the page has no headline") as rejected:
        parse_upload("incoming/a.txt", page.encode())
    assert "without a full stop" in rejected.value.fix


@pytest.mark.parametrize(
    "page",
    [
        # Session 53's review: real headlines of pages with no byline were refused as lost
        "The ferry strike is over and sailings resume on Monday, the union said.\n\n{body}",
        'Mayor: "We will reopen the pool for the summer season this year."\n\n{body}',
        "Ferry strike ends after nine days as the union and the operator agree a pay deal that runs for three years"
        " and covers every crew on the island routes and the mainland harbours this week\n\n{body}",
        "Re: Ferry strike, what happens to the tickets we bought for the island routes now.\n\n{body}",
        "The ferry strike is over and sailings resume on Monday, the union said.\n\n3 June 2014\n\n{body}",
        "SomaNet News Archive\n\nThe ferry strike is over and sailings resume on Monday, the union said.\n\n{body}",
    ],
)
def test_legacy_a_headline_of_a_page_with_no_byline_is_its_title(page: str) -> None:
    body = "The operator said the first boat leaves at six.\n\nTickets bought for the strike days stay valid.\n"

    parsed = parse_upload("incoming/a.txt", page.format(body=body).encode())

    assert parsed.body == body.strip()
    assert parsed.title == page.split("\n\n")[-2 if "SomaNet" in page else 0].strip()


@pytest.mark.parametrize(
    "note",
    [
        # Session 53's review: notes at the foot that state a fact are the story's
        "(Update: The driver was later released without charge.)",
        "(Updated: the number of injured has risen to 14, the mayor said on Friday.)",
        "(Video shows the ferry leaving the harbour on Monday morning.)",
    ],
)
def test_legacy_a_bracketed_note_that_writes_a_sentence_at_the_foot_is_text(note: str) -> None:
    page = f"Ferry strike ends\n\n(By Jane Doe)\n\nThe strike is over.\n\n{note}\n"

    assert parse_upload("incoming/a.txt", page.encode()).body == f"The strike is over.\n\n{note}"


@pytest.mark.parametrize(
    "note", ["{PHOTO: Kerry in Sochi}", "[Photos]", "(Updated)", "(Updates with minister's comments)", "{VIDEO}"]
)
def test_legacy_a_bracketed_note_on_pictures_or_changes_is_no_title_and_no_summary(note: str) -> None:
    for page in (
        f"{note}\n\nKerry meets Putin in Sochi\n\n(By Jane Doe)\n\nThe talks began.\n",
        f"Kerry meets Putin in Sochi\n\n{note}\n\n(By Jane Doe)\n\nThe talks began.\n",
    ):
        parsed = parse_upload("incoming/a.txt", page.encode())
        assert (parsed.title, parsed.summary, parsed.body) == ("Kerry meets Putin in Sochi", None, "The talks began.")


@pytest.mark.parametrize(
    "title",
    [
        "Kerry meets Putin in Sochi",
        "Talks with the U.S.",
        "Tornado kills three in Tulsa, Okla.",
        "Shares slide at Warner Bros.",
        'Blair: "We will win."',
        "Apple unveils iPod nano.",
        "It's over.",
        "Премьер-министр подал в отставку.",
        "JAPAN DENIES REPORT IT MAY END CHIP PACT WITH U.S.",
        "Oracle vs. PeopleSoft: Lies and Lying CEOs Who Tell Them",
        "Will This Idea Fly? Charge Some Travelers $10 for Showing Up",
        "What next...",
        "It's over. Now comes the hard part for Labour's new leader",
    ],
)
def test_legacy_a_headline_after_a_byline_that_comes_first_is_still_the_title(title: str) -> None:
    parsed = parse_upload("incoming/a.txt", f"(By Jane Doe)\n\n{title}\n\nThe body text here.\n".encode())

    assert (parsed.title, parsed.body, parsed.author) == (title, "The body text here.", "Jane Doe")


@pytest.mark.parametrize(
    "line",
    [
        "May 12, 2015 \u2014 Updated May 13, 2015",
        "12 May 2015 | Last modified: 13 May 2015 14:32",
        "May 12, 2015, updated 10:40 GMT",
        "12 May 2015 - updated 2.30pm",
    ],
)
def test_a_date_line_with_its_later_change_is_the_day_published(line: str) -> None:
    # session 49's new user: the line stayed at the top of the legacy page's body and the page had no date
    page = f"Harbour plan approved\n\n(By JANE DOE)\n\n{line}\n\nThe council voted on Tuesday."
    parsed = parse_upload("incoming/a.txt", page.encode())
    assert (parsed.published, parsed.body) == ("2015-05-12", "The council voted on Tuesday.")
    # and a date field so written is that day too
    data = json.dumps({"title": "T", "body": "B", "date": line}).encode()
    assert parse_upload("incoming/a.json", data).published == "2015-05-12"


@pytest.mark.parametrize(
    "line",
    [
        "May 12, 2015 \u2014 Updated rules for masts",
        # a price after the word is no time of day (the session's last review: the line left the body)
        "May 12, 2015 - revised 12.50 dlrs",
        "May 12, 2015 - revised 10.50 euros",
    ],
)
def test_a_date_line_followed_by_an_update_headline_is_no_date(line: str) -> None:
    page = f"Harbour plan approved\n\n(By JANE DOE)\n\n{line}\n\nThe council voted."

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert parsed.published is None and parsed.body.startswith(line)


@pytest.mark.parametrize(
    ("key", "data"),
    [
        ("incoming/a.json", b'{"title": "T", "body": "B", "author": ["Smith, John", "Doe, Jane"]}'),
        ("incoming/a.md", b"---\ntitle: T\nauthor: ['Smith, John', 'Doe, Jane']\n---\nB\n"),
        # and an HTML page's metas or JSON-LD people (the session's last review)
        (
            "incoming/a.html",
            b'<html><head><title>T</title><meta name="author" content="Smith, John">'
            b'<meta name="author" content="Doe, Jane"></head><body><article><p>B</p></article></body></html>',
        ),
        (
            "incoming/a.html",
            b'<html><head><title>T</title><script type="application/ld+json">{"@type": "NewsArticle", "author": '
            b'[{"@type": "Person", "name": "Smith, John"}, {"@type": "Person", "name": "Doe, Jane"}]}</script>'
            b"</head><body><article><p>B</p></article></body></html>",
        ),
    ],
)
def test_authors_written_surname_first_stay_two_people(key: str, data: bytes) -> None:
    # session 49's new user: they read "Smith, John, Doe, Jane", four names
    assert parse_upload(key, data).author == "Smith, John; Doe, Jane"
    plain = data.replace(b"Smith, John", b"John Smith").replace(b"Doe, Jane", b"Jane Doe")
    assert parse_upload(key, plain).author == "John Smith, Jane Doe"


# --- labelled date lines and a page's trailing metadata (session 50's new user) -----------------------------------

_TEXT = "The council voted on Tuesday to approve the budget for the new bridge."


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published: 12 May 2015", "2015-05-12"),
        ("Published 12 May 2015", "2015-05-12"),
        ("Published on May 12, 2015", "2015-05-12"),
        ("Posted: 25/12/2015 10:32", "2015-12-25"),
        ("Posted on May 12, 2015 at 10:00 am", "2015-05-12"),
        ("First published on Tue 12 May 2015 13.42 BST", "2015-05-12"),
        ("Published: 12 May 2015 | Last updated: 13 May 2015 14:32", "2015-05-12"),
        ("Publié le 25/12/2015", "2015-12-25"),
        ("Veröffentlicht am 25.12.2015", "2015-12-25"),
        # French and German write the day first: the label says which number is the day
        ("Publié le 12/05/2015", "2015-05-12"),
        ("Veröffentlicht am 12.05.2015 10:32", "2015-05-12"),
        ("Publié le 1er mai 2015", "2015-05-01"),
        ("Veröffentlicht am 12. Mai 2015", "2015-05-12"),
        ("Publié le 3 février 2015", "2015-02-03"),
    ],
)
@pytest.mark.parametrize(
    "layout",
    [
        "Bridge budget\n\nSomaNet News Archive\n\n(By Maria Lopez)\n\n{line}\n\n{text}\n",  # under the byline
        "Bridge budget\n\nSomaNet News Archive\n\n{line}\n\n(By Maria Lopez)\n\n{text}\n",  # above the byline
        "Bridge budget\n\n{line}\n\n{text}\n",  # under the title, no byline
    ],
)
def test_legacy_a_labelled_date_line_is_the_date(layout: str, line: str, day: str) -> None:
    # It stayed the body's first paragraph, and the page had no date.
    parsed = parse_upload("incoming/bridge.txt", layout.format(line=line, text=_TEXT).encode())

    assert (parsed.published, parsed.body, parsed.summary) == (day, _TEXT, None)


@pytest.mark.parametrize("line", ["Posted: 12/05/2015 10:32", "Published: 31 April 2015"])
def test_legacy_a_labelled_date_line_naming_no_day_one_can_tell_is_rejected(line: str) -> None:
    # As a date line alone is: day-first or month-first is not guessed.
    page = f"School wins chess title\n\n(By Mary O'Brien)\n\n{line}\n\nPupils won the title.\n"
    error = _rejection("incoming/chess.txt", page.encode())

    assert "where its date goes, is a date that cannot be read" in error.reason


def test_legacy_an_ambiguous_labelled_date_line_is_rejected_with_both_readings() -> None:
    page = "School wins chess title\n\n(By Mary O'Brien)\n\nPosted: 12/05/2015 10:32\n\nPupils won the title.\n"
    error = _rejection("incoming/chess.txt", page.encode())

    assert "day 12 of month 5, or month 12, day 5" in error.reason and "2015-05-12 or 2015-12-05" in error.fix


@pytest.mark.parametrize(
    ("lines", "day"),
    [
        (["Published: 12 May 2015", "Updated: 13 May 2015"], "2015-05-12"),
        (["12 May 2015", "Last modified on 13 May 2015 at 10:00 am"], "2015-05-12"),
        (["Posted 12 May 2015", "14:32 GMT"], "2015-05-12"),
        # a change's stamp alone says when the page changed, never when it was published
        (["Last updated: 13 May 2015"], None),
        (["Updated 10:40 GMT"], None),
    ],
)
def test_legacy_a_changes_stamp_under_the_byline_is_no_paragraph_and_no_date(lines: list[str], day: str) -> None:
    page = "Bridge budget\n\n(By Maria Lopez)\n\n" + "\n\n".join(lines) + f"\n\n{_TEXT}\n"

    parsed = parse_upload("incoming/bridge.txt", page.encode())

    assert (parsed.published, parsed.body) == (day, _TEXT)


@pytest.mark.parametrize(
    "line",
    [
        "Posted: a letter to the editor says the bridge is unsafe.",
        "Published reports say the bridge is unsafe.",
        "Date night at the new cinema",
        "Updated rules for 5G masts",
        "Published: 12 May 2015 in the Gazette",
    ],
)
def test_legacy_a_sentence_that_starts_with_a_labels_word_stays_text(line: str) -> None:
    page = f"Bridge budget\n\n(By Maria Lopez)\n\n{line}\n\n{_TEXT}\n"

    parsed = parse_upload("incoming/bridge.txt", page.encode())

    assert (parsed.published, parsed.body) == (None, f"{line}\n\n{_TEXT}")


@pytest.mark.parametrize(
    "byline",
    [
        "Published: 12 May 2015 | By Tom Price",
        "By Tom Price | Published: 12 May 2015",
        "12 May 2015 \u00b7 By Tom Price",
        "By Tom Price, May 12, 2015",
    ],
)
def test_legacy_a_byline_with_its_date_gives_both(byline: str) -> None:
    page = f"River floods Lowtown homes\n\nSomaNet News Archive\n\n{byline}\n\n{_TEXT}\n"

    parsed = parse_upload("incoming/flood.txt", page.encode())

    assert (parsed.author, parsed.published, parsed.body) == ("Tom Price", "2015-05-12", _TEXT)


@pytest.mark.parametrize(
    "line", ["Published: 12 May 2015 | By Tom Price", "By Tom Price | Published: 12 May 2015", "Published: 12 May 2015"]
)
def test_html_and_markdown_a_labelled_date_line_at_the_top_of_the_body_is_the_date(line: str) -> None:
    # session 50's new user: `<div class="meta">Published: 12 May 2015 | By Tom Price</div>` gave no date and no author
    page = (
        "<html><head><title>River floods Lowtown homes</title></head><body><article><h1>River floods Lowtown homes"
        f"</h1><div class='meta'>{line}</div><p>{_TEXT}</p></article></body></html>"
    )
    markdown = f"# River floods Lowtown homes\n\n{line}\n\n{_TEXT}\n"
    author = "Tom Price" if "Tom" in line else None

    for key, data in (("incoming/a.html", page), ("incoming/a.md", markdown)):
        parsed = parse_upload(key, data.encode())
        assert (parsed.author, parsed.published, parsed.body) == (author, "2015-05-12", _TEXT), key


def test_a_date_field_with_a_publication_label_is_that_day() -> None:
    assert _json_upload({"title": "T", "body": "B", "date": "Published: 12 May 2015"}).published == "2015-05-12"


_KERRY_END = "Putin still immensely popular at home (AFP)."


@pytest.mark.parametrize(
    ("ending", "tags", "day"),
    [
        (["Tags: Russia, USA, Ukraine"], ("Russia", "USA", "Ukraine"), None),
        (["Keywords: Russia; diplomacy"], ("Russia", "diplomacy"), None),
        (["Filed under: World, Europe"], ("World", "Europe"), None),
        (["Topics: Russia, US foreign policy"], ("Russia", "US foreign policy"), None),
        (["Last updated: 13 May 2015", "\u00a9 2015 SomaNet News Archive"], (), None),
        (["First published 12 May 2015"], (), "2015-05-12"),
        # several, in either order, with the site's footer among them
        (
            ["Tags: Russia, USA", "Last updated: 13 May 2015", "Back to top", "\u00a9 2015 SomaNet"],
            ("Russia", "USA"),
            None,
        ),
        (["Updated 13 May 2015 14:32 BST", "Share this article", "Topics: Russia"], ("Russia",), None),
    ],
)
def test_legacy_trailing_metadata_lines_leave_the_body_and_the_credit_is_read(
    ending: list[str], tags: tuple[str, ...], day: str | None
) -> None:
    # session 50's new user: the line after the credit kept `(AFP)` in the text, the tags were text, no credit
    page = "Kerry to meet Putin\n\n(By Estera Popowska)\n\nKerry flew to Sochi.\n\n" + _KERRY_END
    parsed = parse_upload("incoming/kerry.txt", "\n\n".join([page, *ending]).encode())

    assert parsed.body == "Kerry flew to Sochi.\n\nPutin still immensely popular at home."
    assert (parsed.credit, parsed.tags, parsed.published) == ("AFP", tags, day)


def test_legacy_a_note_after_the_credit_stays_and_the_credit_is_read() -> None:
    page = (
        f"Kerry to meet Putin\n\n(By Estera Popowska)\n\nKerry flew to Sochi.\n\n{_KERRY_END}\n\nRelated: Putin says no"
    )

    parsed = parse_upload("incoming/kerry.txt", page.encode())

    assert parsed.credit == "AFP"
    assert parsed.body == "Kerry flew to Sochi.\n\nPutin still immensely popular at home.\n\nRelated: Putin says no"


@pytest.mark.parametrize(
    "last",
    [
        "Tags were fitted to the birds.",
        "Topics: the council met, and it agreed the budget for the bridge.",
        # a publication stamp naming another day than the page's date line is text, as a date line is
        "First published 14 May 2015",
    ],
)
def test_legacy_a_last_paragraph_that_starts_like_metadata_stays_text(last: str) -> None:
    page = f"Bridge budget\n\n(By Maria Lopez)\n\n12 May 2015\n\n{_TEXT}\n\n{last}\n"

    parsed = parse_upload("incoming/bridge.txt", page.encode())

    assert (parsed.body, parsed.tags, parsed.published) == (f"{_TEXT}\n\n{last}", (), "2015-05-12")


def test_legacy_a_tags_line_below_a_closing_byline_leaves_the_text_above_it_the_body() -> None:
    text = "The council approved the budget on Monday.\n\nThe vote was seven to two."
    page = f"Council approves budget\n\n{text}\n\n(By Jane Doe)\n\nTags: council, bridge"

    parsed = parse_upload("incoming/a.txt", page.encode())

    assert (parsed.author, parsed.summary, parsed.body, parsed.tags) == ("Jane Doe", None, text, ("council", "bridge"))


# --- the session's review of labelled dates and trailing metadata --------------------------------------------------


@pytest.mark.parametrize(
    ("key", "page"),
    [
        ("incoming/a.md", "# Kerry meets Putin\n\nVeröffentlicht am 12.05.2015\n\n{text}\n"),
        ("incoming/a.html", "<html><body><article><h1>Kerry meets Putin</h1><p>Publié le 12/05/2015</p><p>{text}</p>"),
        ("incoming/a.json", '{{"title": "Kerry meets Putin", "body": "{text}", "date": "Publié le 12/05/2015"}}'),
    ],
)
def test_a_french_or_german_date_label_reads_the_day_first_in_every_format(key: str, page: str) -> None:
    # The review: a day of 1 to 12 behind `Publié le` was rejected as ambiguous, as `Posted: 12/05/2015` rightly is.
    parsed = parse_upload(key, page.format(text=_TEXT).encode())

    assert (parsed.published, parsed.body) == ("2015-05-12", _TEXT)


def test_legacy_a_french_date_line_naming_no_day_is_rejected_saying_why() -> None:
    page = f"Bridge budget\n\n(By Maria Lopez)\n\nPublié le 31/04/2015\n\n{_TEXT}\n"

    assert "April 2015 has days 1 to 30" in _rejection("incoming/bridge.txt", page.encode()).reason


@pytest.mark.parametrize(
    ("key", "page"),
    [
        ("incoming/a.txt", "What's on: jazz\n\n{line}\n\nTime: 7pm\n\nVenue: Victoria Park\n\n{text}\n"),
        ("incoming/a.txt", "What's on: jazz\n\n(By Maria Lopez)\n\n{line}\n\n{text}\n"),
        ("incoming/a.md", "# What's on: jazz\n\n{line}\n\nTime: 7pm\n\n{text}\n"),
        ("incoming/a.html", "<html><body><article><h1>What's on: jazz</h1><p>{line}</p><p>Time: 7pm</p><p>{text}</p>"),
    ],
)
@pytest.mark.parametrize("line", ["Date: 06/05/2015", "Date: Saturday 16 May 2015", "Date: Saturday 12 May 2015"])
def test_a_date_label_on_a_body_line_is_text_never_the_date_nor_a_rejection(key: str, page: str, line: str) -> None:
    # The review: an event's `Date:` was read as the article's date, or rejected (ambiguous, or not a Saturday).
    parsed = parse_upload(key, page.format(line=line, text=_TEXT).encode())

    assert (parsed.published, parsed.body.split("\n\n")[0]) == (None, line)


@pytest.mark.parametrize(
    ("value", "day"), [("Date: 2015-05-12", "2015-05-12"), ("Dated 2015-05-12T10:00:00Z", "2015-05-12")]
)
def test_a_date_field_with_a_date_label_is_that_day(value: str, day: str) -> None:
    assert _json_upload({"title": "T", "body": "B", "date": value}).published == day


@pytest.mark.parametrize(
    ("head", "ending", "day", "body_end"),
    [
        # a review's footer, a reproduced order: the book's and the order's days, not the article's
        ("", ["Published: 3 September 2015"], None, ["Published: 3 September 2015"]),
        ("", ["Dated 12 May 2015"], None, ["Dated 12 May 2015"]),
        # a stamp naming another day than the byline's date, or than another stamp, is text
        ("By Tom Price | 12 May 2015", ["First published 3 June 2016"], "2015-05-12", ["First published 3 June 2016"]),
        ("", ["Posted: 13 May 2015", "First published 12 May 2015"], "2015-05-12", ["Posted: 13 May 2015"]),
        ("", ["First published 12 May 2015", "Originally published 13 May 2015"], None, None),
    ],
)
def test_legacy_a_trailing_date_stays_text_unless_it_is_the_first_publication_agreed_on(
    head: str, ending: list[str], day: str | None, body_end: list[str] | None
) -> None:
    byline = head or "(By Estera Popowska)"
    page = "\n\n".join(["Kerry to meet Putin", byline, "Kerry flew to Sochi.", _KERRY_END, *ending])

    parsed = parse_upload("incoming/kerry.txt", page.encode())

    assert parsed.published == day
    assert parsed.body.split("\n\n")[2:] == (body_end or ending)


@pytest.mark.parametrize(
    "last",
    [
        "Keywords: none",
        "Tags: N/A",
        "Tags: -",
        "Topics: see below",
        "Tag: you\u2019re it",
        "Tags: the birds were fitted",
        'Tags: "Kerry, Putin',
        "Filed under: " + "russia/world/europe/" * 15,
        # the final review: WordPress's placeholders, the site's furniture, an item with a label's or a sentence's mark
        "Categories: Uncategorized",
        "Tags: No tags",
        "Keywords: none found",
        "Topics: Click here",
        "Tags: Read more, Comments (3)",
        "Tags: Print, Email, Share",
        "Tags: Subscribe to our newsletter",
        "Categories: Home, News",
        "Tags: News",
        "Filed under: News, Politics Tagged: Obama, Iran",
        "Topics: Syria, Iran. Next: Russia",
    ],
)
def test_legacy_a_trailing_tags_line_with_an_item_that_is_no_tag_stays_text(last: str) -> None:
    # The review: placeholders and clauses became tags, and a 300-character item rejected the page for its tag.
    page = "\n\n".join(["Kerry to meet Putin", "(By Estera Popowska)", "Kerry flew to Sochi.", _KERRY_END, last])

    parsed = parse_upload("incoming/kerry.txt", page.encode())

    assert (parsed.tags, parsed.body.split("\n\n")[-1]) == ((), last.strip())


@pytest.mark.parametrize(
    ("last", "tags"),
    [
        ("Tags: #Obama #Iran", ("Obama", "Iran")),
        ("Topics: Politics | World", ("Politics", "World")),
        ("Categories: News, World, Top Stories", ("News", "World", "Top Stories")),
        ("Tags: U.S., Russia", ("U.S.", "Russia")),
        # the last review: an abbreviation's full stop, a language's sharp and a furniture word among topics lost
        # their line
        ("Tags: U.S. Federal Reserve, St. Louis, Gov. Cuomo", ("U.S. Federal Reserve", "St. Louis", "Gov. Cuomo")),
        ("Tags: J.P. Morgan, C#, C++", ("J.P. Morgan", "C#", "C++")),
        ("Tags: Email, privacy, NSA", ("Email", "privacy", "NSA")),
    ],
)
def test_legacy_a_trailing_line_of_hashtags_or_of_items_between_bars_is_read_item_by_item(
    last: str, tags: tuple[str, ...]
) -> None:
    # The final review: `#Obama #Iran` and `Politics | World` were one tag each; `News` is a tag beside others.
    page = "\n\n".join(["Kerry to meet Putin", "(By Estera Popowska)", "Kerry flew to Sochi.", _KERRY_END, last])

    parsed = parse_upload("incoming/kerry.txt", page.encode())

    assert (parsed.tags, parsed.credit, parsed.body.split("\n\n")[-1]) == (
        tags,
        "AFP",
        "Putin still immensely popular at home.",
    )


@pytest.mark.parametrize("last", ["Categories: Uncategorized", "Tags: none", "Tags: Print, Email, Share"])
def test_legacy_a_trailing_tags_line_that_stays_text_hides_no_credit(last: str) -> None:
    # The final review: with the line text again, `(AFP)` above it stayed in the text and no credit was read.
    page = "\n\n".join(["Kerry to meet Putin", "(By Estera Popowska)", "Kerry flew to Sochi.", _KERRY_END, last])

    parsed = parse_upload("incoming/kerry.txt", page.encode())

    assert (parsed.tags, parsed.credit) == ((), "AFP")
    assert parsed.body.split("\n\n")[-2:] == ["Putin still immensely popular at home.", last]


def test_legacy_a_credit_at_the_end_of_a_tags_line_stays_the_credit() -> None:
    # The final review: `Tags: Kerry, Putin (AFP)` gave the tag `Putin (AFP)` and no credit; before session 50 the
    # line was text and its credit the credit, as again.
    page = "Kerry to meet Putin\n\n(By Estera Popowska)\n\nKerry flew to Sochi.\n\nTags: Kerry, Putin (AFP)"

    parsed = parse_upload("incoming/kerry.txt", page.encode())

    assert (parsed.tags, parsed.credit, parsed.body) == ((), "AFP", "Kerry flew to Sochi.\n\nTags: Kerry, Putin")


def test_legacy_a_tags_line_after_a_paragraph_ending_in_a_colon_is_the_texts_own() -> None:
    text = "The agenda, the ministry said, would cover three topics:\n\nTopics: trade, security, climate"
    page = f"Kerry to meet Putin\n\n(By Estera Popowska)\n\nKerry flew to Sochi.\n\n{text}"

    parsed = parse_upload("incoming/kerry.txt", page.encode())

    assert (parsed.tags, parsed.body) == ((), f"Kerry flew to Sochi.\n\n{text}")


def test_legacy_corrections_without_a_colon_is_the_texts_last_paragraph_not_a_note() -> None:
    # The review: `Corrections officers said…` was read as a note, and the credit taken from the paragraph before it.
    last = "Corrections officers said the inmate escaped through a kitchen window."
    page = f"Kerry to meet Putin\n\n(By Estera Popowska)\n\nKerry flew to Sochi.\n\n{_KERRY_END}\n\n{last}"

    parsed = parse_upload("incoming/kerry.txt", page.encode())

    assert (parsed.credit, parsed.body) == (None, f"Kerry flew to Sochi.\n\n{_KERRY_END}\n\n{last}")


@pytest.mark.parametrize(
    ("name", "data", "looks", "renamed"),
    [
        # session 54's new user: "the Markdown file has no title" of a JSON article named .md
        ("not-json.md", b'{"title": "Ferry strike", "body": "Walkout."}', "JSON, not Markdown", "not-json.json"),
        ("page.md", b"<article><h1>Ferry strike</h1><p>Walkout.</p></article>", "HTML, not Markdown", "page.html"),
        ("story.json", b"---\ntitle: Ferry strike\n---\n\nCrews walked out.\n", "Markdown, not JSON", "story.md"),
        ("story.json", b"# Ferry strike\n\nCrews walked out.\n", "Markdown, not JSON", "story.md"),
        ("story.html", b'{"title": "Ferry strike", "body": "Crews walked out."}', "JSON, not HTML", "story.json"),
    ],
)
def test_a_file_in_another_format_than_its_extension_is_rejected_with_the_name_to_give_it(
    name: str, data: bytes, looks: str, renamed: str
) -> None:
    # Its extension still decides how it is read: the rejection only says what it looks like and the name to give it.
    error = _rejection(f"incoming/{name}", data)

    assert error.reason.endswith(f"; it looks like {looks}")
    assert error.fix.startswith(f"a file is read by its extension: if it is {looks.split(',')[0]}, rename it {renamed}")


@pytest.mark.parametrize(
    ("data", "opening"),
    [
        (b"---\ntitle: Ferry strike\nauthor: Ann Lee\ndate: 2015-05-12\n---\n\nCrews walked out.\n", "front matter"),
        (b"\xef\xbb\xbf---\r\ntitle: Ferry strike\r\n---\r\n\r\nCrews walked out.\r\n", "front matter"),
    ],
)
def test_a_markdown_file_saved_as_text_is_rejected_with_the_name_to_give_it(data: bytes, opening: str) -> None:
    # Session 55's attack report: read as a legacy page, the front matter or `# Ferry strike` became the title
    error = _rejection("incoming/ferry.txt", data)

    assert error.reason.startswith(f"the text file starts with {opening}")
    assert error.reason.endswith("it looks like Markdown, not text")
    assert "rename it ferry.md" in error.fix


@pytest.mark.parametrize(
    "page",
    [
        # a rule of dashes above the title, a note between two rules, a wire's end mark: legacy pages all
        "---\nFerry strike\n---\n\n(By Ann Lee)\n\nCrews walked out on Monday.\n",
        "Ferry strike\n\n(By Ann Lee)\n\n---\nUpdate: talks resume on Friday.\n---\n\nCrews walked out on Monday.\n",
        "Ferry strike\n\n(By Ann Lee)\n\nCrews walked out on Monday.\n\n# # #\n",
        "#1 seed wins the harbour regatta\n\n(By Ann Lee)\n\nCrews raced on Monday.\n",
    ],
)
def test_a_legacy_page_opening_with_a_rule_or_a_hash_is_read_as_text(page: str) -> None:
    parsed = parse_upload("incoming/ferry.txt", page.encode())

    assert parsed.author == "Ann Lee"
    assert "Crews" in parsed.body


@pytest.mark.parametrize(
    "opening",
    [
        # session 55's review N, R3: a first line of `#`s and words, or lower-case notes between dashes, is a legacy
        # page's too (`# 1 seed`, a wire's `## BREAKING ##`, a rule `# * * *`, a dateline and source between rules)
        "# 1 seed wins the harbour regatta\n\n",
        "   # 2 seeds fall at the regatta\n\n",
        "## BREAKING ##\n\nFerry strike\n\n",
        "## URGENT\n\nFerry strike\n\n",
        "# * * *\n\nFerry strike\n\n",
        "# Ferry strike\n\n",
        "---\ndate: 12 May 2015\nsource: Reuters\n---\n\nFerry strike\n\n",
        "---\nnote: this story was corrected on 13 May.\n---\n\nFerry strike\n\n",
        "---\ntitle: Ferry strike\ntags:\n  - ports\n---\n\n",
    ],
)
def test_a_legacy_page_opening_with_hashes_or_notes_between_dashes_is_read_as_text(opening: str) -> None:
    parsed = parse_upload("incoming/ferry.txt", f"{opening}(By Ann Lee)\n\nCrews walked out on Monday.\n".encode())

    assert "Crews walked out on Monday." in parsed.body


def test_a_feeds_item_left_open_is_no_item_and_ends_no_other() -> None:
    # An item's search ends at the next item's start: read to the next closing tag, an item left open took the next
    # one's title, and 20,000 of them took 38 s (session 55's second read)
    feed = (
        "<rss><channel><item><title>A</title></item><item><title>B</title><item><title>C</title></item></channel></rss>"
    )

    error = _rejection("incoming/feed.html", feed.encode())

    assert error.reason.startswith("the file is an RSS feed listing 2 stories (\u201cA\u201d, \u201cC\u201d)")


def test_a_text_quoting_a_feeds_root_tag_at_its_top_is_read() -> None:
    # Session 55's review N, R4: it was "an RSS feed listing 0 stories"
    page = '<rss version="2.0"> opens every RSS feed\n\n(By Ann Lee)\n\nA feed lists a site\'s stories.\n'

    parsed = parse_upload("incoming/rss.txt", page.encode())

    assert parsed.author == "Ann Lee"


_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]><rss><channel><item><title>&lol9;</title></item></channel></rss>"
)


@pytest.mark.parametrize(
    ("name", "xml", "entity"),
    [
        ("laughs.html", _LAUGHS, "lol0"),  # a billion "lol"s, 3 GB, once expanded
        ("lolz.txt", '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>', "lol"),
        (
            "xxe.html",
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            "<rss><channel><item><title>&xxe;</title></item></channel></rss>",
            "xxe",
        ),
        (
            "remote.txt",
            '<!DOCTYPE feed [<!ENTITY % remote SYSTEM "https://attacker.example/x.dtd"> %remote;]>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title></entry></feed>',
            "remote",
        ),
    ],
)
def test_xml_declaring_entities_is_rejected_unexpanded(name: str, xml: str, entity: str) -> None:
    # Session 56: read by an XML parser that forbids entity declarations (defusedxml); the regular expressions before
    # it missed a feed whose doctype held declarations, read as one article of raw XML or of the channel's text
    error = _rejection(f"incoming/{name}", xml.encode())

    assert error.reason == (
        f"the file is XML whose document type declares entities (\u201c{entity}\u201d), which are not read"
    )
    assert "lollol" not in error.reason + error.fix


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        (  # a bare `&` in the first story's link: XML breaks there, before any story closes
            "amp.html",
            b"<rss><channel><item><title>Ferry strike</title><link>https://somanet.example/?a=1&b=2</link></item>"
            b"</channel></rss>",
            "an RSS feed whose XML breaks off before its first story ends, at line 1, column 84",
        ),
        (  # every story left open: none closes
            "open.txt",
            b"<rss><channel>" + b"<item><title>Ferry strike</title>" * 3 + b"</channel></rss>",
            "an RSS feed whose XML breaks off before its first story ends, at line 1, column 116",
        ),
        (  # an entity no XML declares, after a story: that story is counted
            "nbsp.html",
            b"<rss><channel><item><title>A</title></item><item><title>B&nbsp;C</title></item></channel></rss>",
            "an RSS feed listing 1 story (\u201cA\u201d) before its XML breaks off at line 1, column 58",
        ),
        (  # blank lines before the XML declaration, which XML wants first
            "blank.txt",
            b'\n\n<?xml version="1.0"?>\n<rss><channel><item><title>A</title></item></channel></rss>',
            "an RSS feed listing 1 story (\u201cA\u201d)",
        ),
        (  # UTF-16 with its byte-order mark
            "wide.txt",
            '\ufeff<?xml version="1.0" encoding="UTF-16"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
            "<title>Ferry strike</title></entry></feed>".encode("utf-16-le"),
            "an Atom feed listing 1 story (\u201cFerry strike\u201d)",
        ),
        (  # RSS 0.91's Netscape DTD declares HTML's entities; a Media RSS title is not the story's
            "netscape.html",
            b'<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS'
            b' 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"'
            b' xmlns:media="http://search.yahoo.com/mrss/"><channel><item><media:title>Photo</media:title>'
            b"<title>Caf\xe9 &eacute;t\xe9</title></item></channel></rss>",
            "an RSS feed listing 1 story (\u201cCaf\u00e9 \u00e9t\u00e9\u201d)",
        ),
    ],
)
def test_a_feed_the_xml_parser_reads_or_breaks_on_is_rejected(name: str, data: bytes, said: str) -> None:
    # Session 56: the stories closed before the XML breaks are counted, and a feed that breaks inside its first story
    # is rejected too; the regular expressions before passed on a feed with no story closed, or with a byte-order
    # mark of UTF-16 or a blank line before its declaration, as one article
    error = _rejection(f"incoming/{name}", data)

    assert error.reason == f"the file is {said}, not one article"


_ITEM = (
    "<item><title>{title}</title><link>https://somanet.example/{i}</link><description>Crews walked out.</description>"
    "</item>"
)


@pytest.mark.parametrize(
    ("name", "feed", "said"),
    [
        (
            "feed.html",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>SomaNet</title>'
            + "".join(_ITEM.format(i=i, title=f"Story {i}") for i in range(5))
            + "</channel></rss>",
            "an RSS feed listing 5 stories (\u201cStory 0\u201d, \u201cStory 1\u201d, \u201cStory 2\u201d, \u2026)",
        ),
        (
            "feed.txt",
            '<?xml version="1.0"?>\n<?xml-stylesheet href="feed.xsl"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            '<title>SomaNet</title><entry><title type="html">&lt;b&gt;Ferry&lt;/b&gt; strike</title>'
            "<updated>2015-05-12T09:00:00Z</updated></entry></feed>",
            "an Atom feed listing 1 story (\u201cFerry strike\u201d)",
        ),
        (
            "one.html",
            '<rss version="2.0"><channel><title>SomaNet</title>'
            + _ITEM.format(i=0, title="<![CDATA[Ferry strike]]>")
            + "</channel></rss>",
            "an RSS feed listing 1 story (\u201cFerry strike\u201d)",
        ),
        (
            "map.html",
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<url><loc>https://somanet.example/0</loc></url><url><loc>https://somanet.example/1</loc></url></urlset>",
            "a sitemap listing 2 pages (\u201chttps://somanet.example/0\u201d, \u201chttps://somanet.example/1\u201d)",
        ),
    ],
)
def test_a_feed_or_sitemap_is_rejected_naming_its_stories(name: str, feed: str, said: str) -> None:
    # Session 55's attack report: a feed was one article under the channel's name, its stories glued together
    error = _rejection(f"incoming/{name}", feed.encode())

    assert error.reason == f"the file is {said}, not one article"
    assert "upload each article from its own page" in error.fix


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("e.txt", "404 Not Found\n\nThe requested URL /news/ferry was not found on this server.", "an error page"),
        (
            "e.html",
            '<title>Access Denied</title><h1>Access Denied</h1><p>You don\'t have permission to access "/news/ferry" on'
            " this server.</p><p>Reference #18.2d4f</p>",
            "an error page",
        ),
        ("e.txt", "503 Service Unavailable\n\nThe server is unable to service your request. Try again later.", "an"),
        ("e.md", "---\ntitle: Search results\n---\n\nNo results were found.", "a search page that found nothing"),
        (
            "e.txt",
            "Just a moment...\n\nChecking if the site connection is secure\n\nsomanet.example needs to review the "
            "security of your connection before proceeding.\n\nRay ID: 7a1b2c3d4e5f",
            "a bot check",
        ),
        (
            "e.txt",
            "Home | News | Sport\n\nPage not found\n\nSorry, the page you requested could not be found.",
            "an error page",
        ),
        (
            "e.md",
            "---\ntitle: Page not found\n---\n\nSorry, the page you were looking for could not be found.",
            "an error",
        ),
        (
            "e.json",
            json.dumps({"title": "404 Not Found", "body": "The requested URL was not found on this server."}),
            "an error",
        ),
        (
            "e.html",
            "<title>500 Internal Server Error</title><h1>Internal Server Error</h1><p>The server encountered an "
            "internal error or misconfiguration and was unable to complete your request.</p>",
            "an error page",
        ),
        (
            "e.html",
            "<title>Nothing Found</title><main><h1>Nothing Found</h1><p>It seems we can\u2019t find what you\u2019re "
            "looking for. Perhaps searching can help.</p></main>",
            "an error page",
        ),
        (
            "e.html",
            "<title>Search | SomaNet</title><main><h1>Search results</h1><p>Sorry, no results were found for your "
            'search "ferry". Please try different keywords.</p></main>',
            "a search page that found nothing",
        ),
    ],
)
def test_a_saved_error_or_check_page_is_rejected_in_every_format(name: str, data: str, kind: str) -> None:
    # Session 55's attack report: only HTML was asked, and not for a 5xx page or WordPress's "Nothing Found"
    error = _rejection(f"incoming/{name}", data.encode())

    assert error.reason.startswith(f"the page is {kind}") and "saved in place of the article" in error.reason


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # an article ABOUT a 404 page or an outage, and a brief under an error's title that tells a story
        ("a.txt", "The art of the 404 page\n\n(By Ann Lee)\n\nSorry, the page you requested could not be found."),
        ("a.txt", "404 Not Found\n\nThe ferry timetable was not found by inspectors, who closed the port office."),
        ("a.md", "---\ntitle: Cloudflare outage takes sites down\n---\n\nSites showed Just a moment... all day."),
        ("a.json", json.dumps({"title": "Page not found", "body": "A study found that one link in five is dead."})),
        ("a.json", json.dumps({"title": "500 Internal Server Error", "author": "Ann Lee", "body": "Try again later."})),
        # session 55's review N, R2: a brief under a title that is no error status's, or signed by a wire dateline
        ("a.txt", "Search for killer goes on\n\nThe DNA did not match any profile on the national database."),
        ("a.md", "---\ntitle: No results\n---\n\nNo results were found in the recount, officials said."),
        ("a.json", json.dumps({"title": "Access denied", "body": "Customers do not have permission to access files."})),
        ("a.txt", "Not found\n\nThe stolen painting could not be found, police said on Friday."),
        ("a.txt", "Service unavailable\n\nThe tax site was unable to handle the request volume. Try again later."),
        ("a.md", "---\ntitle: Internal server error\n---\n\nThe ministry's site encountered an internal error."),
        ("a.txt", "404 Not Found\n\nLONDON (Reuters) - The page you are looking for is now a museum piece."),
        ("a.html", "<title>Bad gateway</title><h1>Bad gateway</h1><p>The site was unable to handle the request.</p>"),
        ("a.html", "<title>Search for killer</title><h1>Search for killer</h1><p>It did not match any profile.</p>"),
    ],
)
def test_an_article_about_an_error_page_or_titled_like_one_is_read(name: str, data: str) -> None:
    parsed = parse_upload(f"incoming/{name}", data.encode())

    assert parsed.body


def test_a_file_of_its_own_format_or_read_as_what_it_holds_gets_no_such_hint() -> None:
    assert "looks like" not in _rejection("incoming/a.md", b"Just a line, no title.\n").reason
    assert "looks like" not in _rejection("incoming/a.json", b'{"body": "no title"}').reason
    # a .txt that starts like JSON is read as JSON, and rejected as JSON
    assert "looks like" not in _rejection("incoming/a.txt", b'{"body": "no title"}').reason
