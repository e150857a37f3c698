"""Property-based tests: whatever bytes or structures arrive, parse_upload accepts a valid article or rejects the
upload with a reason and a fix. It never raises anything else."""

from __future__ import annotations

import json
import os
import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing import PARSERS, parse_upload

# 150 cases a property (and parser) on every change; `make reliability` runs 10,000 (PARSER_FUZZ_EXAMPLES).
PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("PARSER_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Each parser and the extensions that lead to it: every property below runs against each parser it applies to,
# and make reliability's table counts the cases per parser.
PARSER_EXTENSIONS: dict[str, tuple[str, ...]] = {}
for _extension, _target in PARSERS.items():
    PARSER_EXTENSIONS[_target] = (*PARSER_EXTENSIONS.get(_target, ()), _extension)


def fuzzes(extension: str) -> pytest.MarkDecorator:
    """The row of make reliability's table for the parser that uploads with this extension go to."""
    return pytest.mark.attack(f"Hypothesis fuzzing: the {'/'.join(PARSER_EXTENSIONS[PARSERS[extension]])} parser")


EVERY_PARSER = [
    pytest.param(extensions, id=extensions[0].lstrip("."), marks=fuzzes(extensions[0]))
    for extensions in PARSER_EXTENSIONS.values()
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _accepted_or_rejected(key: str, data: bytes) -> ParsedUpload | None:
    """The property every upload satisfies; returns the article when accepted."""
    try:
        parsed = parse_upload(key, data)
    except RejectedUploadError as error:
        assert error.reason.strip(), f"a rejection without a reason for {data[:80]!r}"
        assert error.fix.strip(), f"a rejection without a fix: {error.reason}"
        return None
    assert isinstance(parsed, ParsedUpload)
    assert parsed.title.strip() and parsed.title == parsed.title.strip()
    assert parsed.body.strip() and parsed.body == parsed.body.strip()
    assert "\r" not in parsed.body and not _CONTROL.search(parsed.title + parsed.body)
    assert parsed.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", parsed.published)
    assert all(tag.strip() for tag in parsed.tags)
    # The archive, the index and the report store UTF-8: an accepted article must encode (no lone surrogates).
    json.dumps(vars(parsed), ensure_ascii=False).encode()
    return parsed


KNOWN_HARD_INPUTS = [
    (".html", b"<" * 500),
    (".md", b"---\n" + b"[" * 2000 + b"\n---\nx"),
    (".json", b"[" * 100_000),
    (".txt", b"\xff\xfe\x00\xd8"),
    (".html", b'<meta charset="utf-7"><p>+ADw-script+AD4-</p>'),
]


@pytest.mark.parametrize(("extension", "data"), [pytest.param(e, d, marks=fuzzes(e)) for e, d in KNOWN_HARD_INPUTS])
def test_known_hard_inputs_never_crash(extension: str, data: bytes) -> None:
    _accepted_or_rejected(f"incoming/a{extension}", data)


@pytest.mark.parametrize("extensions", EVERY_PARSER)
@PROPERTY_SETTINGS
@given(data=st.binary(max_size=2000), choice=st.data())
def test_arbitrary_bytes_never_crash(extensions: tuple[str, ...], data: bytes, choice: st.DataObject) -> None:
    _accepted_or_rejected(f"incoming/a{choice.draw(st.sampled_from(extensions))}", data)


@pytest.mark.parametrize("extensions", EVERY_PARSER)
@PROPERTY_SETTINGS
@given(text=st.text(max_size=1000), encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]), choice=st.data())
def test_arbitrary_text_in_any_encoding_never_crashes(
    extensions: tuple[str, ...], text: str, encoding: str, choice: st.DataObject
) -> None:
    extension = choice.draw(st.sampled_from(extensions))
    _accepted_or_rejected(f"incoming/a{extension}", text.encode(encoding, errors="replace"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)
article_keys = st.sampled_from(["title", "body", "author", "published", "section", "tags", "summary", "url", "x"])


@fuzzes(".json")
@PROPERTY_SETTINGS
@given(document=st.dictionaries(article_keys, json_values, max_size=9) | json_values)
def test_arbitrary_json_structures_never_crash(document: Any) -> None:
    _accepted_or_rejected("incoming/a.json", json.dumps(document).encode())


surrogate_text = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.characters(), max_size=30)


@pytest.mark.parametrize("extension", [pytest.param(e, marks=fuzzes(e)) for e in (".json", ".html", ".md")])
@PROPERTY_SETTINGS
@given(
    title=surrogate_text,
    author=surrogate_text,
    number=st.integers(min_value=4300, max_value=6000).map(lambda digits: "9" * digits) | st.integers().map(str),
)
def test_escapes_and_numbers_json_allows_never_crash(extension: str, title: str, author: str, number: str) -> None:
    # \ud800-style escapes (lone surrogates once decoded) and integers past Python's 4,300-digit limit.
    fields = json.dumps({"title": title, "author": author, "body": "Text of the story."})[:-1]
    document = f'{fields}, "n": {number}}}'
    if extension == ".html":
        data = f'<script type="application/ld+json">{document}</script><h1>T</h1><p>Text.</p>'
    elif extension == ".md":
        data = f"---\ntitle: {json.dumps(title)}\nauthor: {json.dumps(author)}\n---\nText of the story.\n"
    else:
        data = document
    _accepted_or_rejected(f"incoming/a{extension}", data.encode())


yaml_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
yaml_values = st.recursive(
    yaml_scalars | st.dates().map(str),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=3),
)
front_keys = st.sampled_from(["title", "author", "date", "published", "category", "tags", "description", "url", "x"])


@fuzzes(".md")
@PROPERTY_SETTINGS
@given(front=st.dictionaries(front_keys, yaml_values, max_size=8) | yaml_values, markdown=st.text(max_size=500))
def test_arbitrary_front_matter_and_markdown_never_crash(front: Any, markdown: str) -> None:
    data = f"---\n{yaml.safe_dump(front)}---\n{markdown}".encode()
    _accepted_or_rejected("incoming/a.md", data)


@fuzzes(".md")
@PROPERTY_SETTINGS
@given(
    source=st.lists(st.sampled_from(["---", "# T", "title: x", "- a", "```", "<b>", "&amp;", ": :", "\n"]), max_size=30)
)
def test_front_matter_shaped_fragments_never_crash(source: list[str]) -> None:
    _accepted_or_rejected("incoming/a.md", "\n".join(source).encode())


MARKER = "ZZSECRETZZ"
chrome_elements = st.sampled_from(
    [
        f"<script>var a = '{MARKER}';</script>",
        f"<style>.{MARKER} {{}}</style>",
        f"<nav><a href='/'>{MARKER}</a></nav>",
        # A bare <header> is the page's banner only outside an article or section (then its text is the article's).
        f"<header class='site-header'>{MARKER}</header>",
        f"<header><div class='meta'><time datetime='2015-05-12'>{MARKER}</time></div></header>",
        f"<footer>{MARKER}</footer>",
        f"<aside>{MARKER}</aside>",
        f"<noscript>{MARKER}</noscript>",
        f"<form><label>{MARKER}</label></form>",
        f"<iframe>{MARKER}</iframe>",
        f"<svg><text>{MARKER}</text></svg>",
        f"<!-- {MARKER} -->",
        f"<template><p>{MARKER}</p></template>",
        f"<div class='cookie-banner'>{MARKER}</div>",
        f"<div hidden>{MARKER}</div>",
    ]
)
content_elements = st.sampled_from(
    ["<p>Alpha beta.</p>", "<div>Gamma <b>delta</b></div>", "<ul><li>Epsilon</li></ul>", "<h2>Zeta</h2>", "text &amp;"]
)
wrappers = st.sampled_from(["{}", "<article>{}</article>", "<main>{}</main>", "<div>{}</div>", "<section>{}</section>"])


@fuzzes(".html")
@PROPERTY_SETTINGS
@given(
    parts=st.lists(chrome_elements | content_elements, max_size=15),
    wrapper=wrappers,
    noise=st.lists(
        st.sampled_from(["<", ">", "</p>", "<div", "&", "&#", "\x00", "]]>", "<p>", "</article>"]), max_size=5
    ),
)
def test_script_and_chrome_text_never_reaches_the_body(parts: list[str], wrapper: str, noise: list[str]) -> None:
    page = "<html><head><title>T</title></head><body>" + wrapper.format("".join(parts + noise)) + "</body></html>"

    parsed = _accepted_or_rejected("incoming/a.html", page.encode())

    if parsed is not None:
        assert MARKER not in parsed.body


@fuzzes(".html")
@PROPERTY_SETTINGS
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=30), max_size=8))
def test_tag_soup_never_crashes(pieces: list[str]) -> None:
    _accepted_or_rejected("incoming/a.html", "<p>".join(pieces).encode())


legacy_words = st.sampled_from(
    [
        "caf\u00e9",
        "\u201ccurly\u201d",
        "na\u00efve",
        "\u2014",
        "Jos\u00e9\u2019s",
        "Z\u00fcrich",
        "1\u00bd",
        "word",
        "Word",
    ]
)
legacy_paragraphs = st.lists(st.lists(legacy_words, min_size=1, max_size=12).map(" ".join), min_size=2, max_size=6)


@fuzzes(".txt")
@PROPERTY_SETTINGS
@given(paragraphs=legacy_paragraphs, credit=st.sampled_from(["", " (AFP)", " - Reuters", " (AP) "]))
def test_legacy_page_in_windows_1252_parses_like_utf8(paragraphs: list[str], credit: str) -> None:
    text = "site-wide search\n\n" + "\n\n".join(paragraphs) + credit

    from_cp1252 = _accepted_or_rejected("incoming/a.txt", text.encode("cp1252"))
    from_latin1_crlf = _accepted_or_rejected("incoming/a.txt", text.replace("\n", "\r\n").encode("cp1252"))

    assert from_cp1252 == _accepted_or_rejected("incoming/a.txt", text.encode("utf-8")) == from_latin1_crlf
    if from_cp1252 is None:
        # Rejected only for want of a body: nothing but dashes under the title (`— (AFP)` is a credit line)
        assert not any(c.isalnum() for paragraph in paragraphs[1:] for c in paragraph)
        return
    assert from_cp1252.title == paragraphs[0]
    assert "site-wide search" not in from_cp1252.body
