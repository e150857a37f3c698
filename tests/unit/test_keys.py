"""Upload keys -> article ids and report keys."""

from __future__ import annotations

import unicodedata

import pytest

from archive_search import keys
from archive_search.errors import RejectedUploadError
from archive_search.keys import (
    MAX_ID_LENGTH,
    article_id_for_key,
    extension_of,
    listing_prefix,
    report_key_for,
    spells_stem,
)

PREFIX = "incoming/"


@pytest.mark.parametrize(
    ("key", "article_id"),
    [
        ("incoming/kerry-putin.txt", "kerry-putin"),
        ("incoming/kerry-putin.json", "kerry-putin"),
        ("incoming/world/2015/05/kerry-putin.json", "world/2015/05/kerry-putin"),
        ("incoming/hello world.md", "hello world"),
        ("incoming/caf\u00e9.v2.txt", "caf\u00e9.v2"),
    ],
)
def test_article_id_is_the_path_below_the_prefix_without_extension(key: str, article_id: str) -> None:
    assert article_id_for_key(key, PREFIX) == article_id


def test_the_same_path_in_another_format_is_the_same_article() -> None:
    assert article_id_for_key("incoming/a/b.txt", PREFIX) == article_id_for_key("incoming/a/b.json", PREFIX)


@pytest.mark.parametrize("key", ["reports/kerry.txt.json", "kerry.txt", "incoming", "Incoming/kerry.txt"])
def test_key_outside_the_prefix_is_rejected(key: str) -> None:
    with pytest.raises(RejectedUploadError) as caught:
        article_id_for_key(key, PREFIX)

    assert "outside the upload prefix" in caught.value.reason
    assert caught.value.fix == "upload under incoming/"


@pytest.mark.parametrize("key", ["incoming/", "incoming/world/", "incoming/world/2015/"])
def test_folder_key_is_rejected(key: str) -> None:
    with pytest.raises(RejectedUploadError) as caught:
        article_id_for_key(key, PREFIX)

    assert "names a folder" in caught.value.reason


@pytest.mark.parametrize("key", ["incoming/no-extension", "incoming/.json", "incoming/world/.md", "incoming/a.b/c"])
def test_key_without_an_extension_is_rejected_with_a_reason(key: str) -> None:
    # Ingest looks an article up as `<stem>.<extension>`: without the rule these got neither article nor report.
    with pytest.raises(RejectedUploadError, match="has no extension"):
        article_id_for_key(key, PREFIX)


def test_id_longer_than_the_limit_is_rejected_and_at_the_limit_accepted() -> None:
    at_limit = "a" * MAX_ID_LENGTH
    assert article_id_for_key(f"incoming/{at_limit}.txt", PREFIX) == at_limit

    with pytest.raises(RejectedUploadError, match="longer than"):
        article_id_for_key(f"incoming/{at_limit}a.txt", PREFIX)


def test_id_length_is_counted_in_bytes() -> None:
    # 'é' is two bytes in UTF-8: 300 of them exceed a 512-byte limit although the id has 300 characters.
    with pytest.raises(RejectedUploadError, match="longer than"):
        article_id_for_key("incoming/" + "\u00e9" * 300 + ".txt", PREFIX)


def test_id_length_is_counted_in_nfc_as_the_engine_stores_it() -> None:
    # U+0958 has no composed form: NFC writes it as two characters (3 bytes become 6), and the engine refused the
    # 1,020-byte id on every retry while the editor got no report. A decomposed 'e\u0301' (3 bytes) is 'é' (2).
    with pytest.raises(RejectedUploadError, match="longer than"):
        article_id_for_key("incoming/" + "\u0958" * 170 + ".txt", PREFIX)
    assert article_id_for_key("incoming/" + "e\u0301" * 256 + ".txt", PREFIX) == "\u00e9" * 256


@pytest.mark.parametrize(
    ("key", "report_key"),
    [
        ("incoming/kerry.txt", "reports/kerry.txt.json"),
        ("incoming/world/2015/kerry.json", "reports/world/2015/kerry.json.json"),
    ],
)
def test_report_key_sits_beside_the_upload_under_the_report_prefix(key: str, report_key: str) -> None:
    assert report_key_for(key, PREFIX, "reports/") == report_key


def test_reports_of_two_formats_of_one_article_do_not_overwrite_each_other() -> None:
    assert report_key_for("incoming/a.txt", PREFIX, "reports/") != report_key_for("incoming/a.json", PREFIX, "reports/")


@pytest.mark.parametrize("path", ["a" * 1020 + ".txt", "\u00e9" * 510 + ".json", "b/" * 400 + "x.md"])
def test_report_key_of_a_key_at_s3s_limit_still_fits_and_is_unique(path: str) -> None:
    key = f"incoming/{path}"[:1024]
    other = key[:-5] + "z" + key[-4:]

    report_key = report_key_for(key, PREFIX, "reports/")

    assert len(report_key.encode()) <= 1024
    assert report_key.startswith("reports/") and report_key.endswith(".json")
    assert report_key != report_key_for(other, PREFIX, "reports/")


@pytest.mark.parametrize(("key", "extension"), [("a/b.JSON", ".json"), ("a.tar.gz", ".gz"), ("a/b", ""), ("a.b/c", "")])
def test_extension_of(key: str, extension: str) -> None:
    assert extension_of(key) == extension


@pytest.mark.parametrize(
    "key", ["incoming/dup/caf\u00e9.json", "incoming/dup/cafe\u0301.json", "incoming/dup/cafe\u0301.md"]
)
def test_every_unicode_spelling_of_a_path_is_the_nfc_id(key: str) -> None:
    assert article_id_for_key(key, PREFIX) == "dup/caf\u00e9"


@pytest.mark.parametrize(
    ("key", "spells"),
    [
        ("incoming/dup/caf\u00e9.json", True),
        ("incoming/dup/cafe\u0301.txt", True),
        ("incoming/dup/caf\u00e9.v2.json", False),
        ("incoming/dup/cafe.json", False),
    ],
)
def test_spells_stem_matches_any_canonically_equivalent_key(key: str, spells: bool) -> None:
    assert spells_stem(key, "incoming/dup/caf\u00e9") is spells


@pytest.mark.parametrize(
    ("stem", "prefix"),
    [
        ("incoming/dup/caf\u00e9", "incoming/dup/caf"),
        ("incoming/dup/plain", "incoming/dup/plain."),
        ("incoming/Kerry", "incoming/"),  # U+212A KELVIN SIGN is another spelling of K
        # Letters no other character spells: a Cyrillic folder listed the whole upload prefix on every sync.
        (
            "incoming/\u043d\u043e\u0432\u043e\u0441\u0442\u0438/x",
            "incoming/\u043d\u043e\u0432\u043e\u0441\u0442\u0438/x.",
        ),
        ("incoming/\u043d\u043e\u0432\u0438\u0439", "incoming/\u043d\u043e\u0432\u0438"),  # \u0439 decomposes
        ("incoming/\u4e2d\u6587/\u9f8d", "incoming/\u4e2d\u6587/"),  # U+F9C4 is another spelling of U+9F8D
        ("incoming/\u03c9/\u03a9", "incoming/\u03c9/"),  # U+2126 OHM SIGN is another spelling of U+03A9
        ("incoming/\u0f42\u0fb7", "incoming/"),  # U+0F43 (a composition exclusion) spells both
        ("incoming/\u0915\u093c", "incoming/"),  # U+0958 likewise; U+093C is a combining mark
    ],
)
def test_listing_prefix_is_shared_by_every_spelling(stem: str, prefix: str) -> None:
    assert listing_prefix(stem) == prefix
    assert unicodedata.normalize("NFD", stem).startswith(prefix.removesuffix("."))


def test_the_ascii_characters_with_other_spellings_are_those_of_the_table() -> None:
    table = keys._nfc_starts_of_other_characters()

    assert {char for char in table if char.isascii()} == keys._ASCII_WITH_OTHER_SPELLINGS


@pytest.mark.parametrize(
    "key",
    [
        "incoming/a/../pathb.json",
        "incoming/./pathc.json",
        "incoming//pathd.json",
        "incoming/a//b.md",
        "incoming/../escape.json",
        "incoming/2015/./story.txt",
    ],
)
def test_a_path_with_an_empty_dot_or_dot_dot_folder_is_rejected(key: str) -> None:
    # A web address reads `a/../pathb` as `pathb`: GET /articles/<id> showed another article (session 47's new user)
    with pytest.raises(RejectedUploadError) as caught:
        article_id_for_key(key, PREFIX)

    assert "an empty, `.` or `..` folder" in caught.value.reason


@pytest.mark.parametrize(
    ("key", "article_id"),
    [("incoming/a..b.json", "a..b"), ("incoming/.hidden/x.json", ".hidden/x"), ("incoming/v1.2/x.md", "v1.2/x")],
)
def test_dots_inside_a_folder_or_file_name_are_kept(key: str, article_id: str) -> None:
    assert article_id_for_key(key, PREFIX) == article_id
