"""Front matter is read as written: nothing an editor wrote is dropped, repeated or resolved silently."""

from __future__ import annotations

import pytest

from archive_search.errors import RejectedUploadError
from archive_search.parsing import parse_upload


def _markdown(front: str) -> bytes:
    return f"---\n{front}\n---\nBody text.\n".encode()


def _rejection(front: str) -> RejectedUploadError:
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload("incoming/a.md", _markdown(front))
    return caught.value


# --- anchors and aliases -----------------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_before_it_is_expanded() -> None:
    front = f'x: &a "{"y" * 20_000}"\ntitle: T\nauthor: [{", ".join(["*a"] * 10_000)}]'

    error = _rejection(front)

    assert "&a" in error.reason
    assert "line 2" in error.reason
    assert len(error.reason) < 300


@pytest.mark.parametrize(
    ("front", "marker", "example"),
    [
        ("title: &Co announce merger", "&Co", 'title: "&Co announce merger"'),
        ("title: T\nsection: &Arts", "&Arts", 'section: "&Arts"'),
        ("title: T\nauthor: *Staff", "*Staff", 'author: "*Staff"'),
        ("title: T\ntags:\n  - &t politics\n  - *t", "&t", '"&t politics"'),
    ],
)
def test_an_anchor_or_alias_is_rejected_with_the_quoting_that_keeps_it(front: str, marker: str, example: str) -> None:
    error = _rejection(front)

    assert marker in error.reason
    assert example in error.fix


def test_ampersands_and_asterisks_inside_values_are_text() -> None:
    parsed = parse_upload("incoming/a.md", _markdown('title: R&D and A & B *starred*\nauthor: "&Co"'))

    assert (parsed.title, parsed.author) == ("R&D and A & B *starred*", "&Co")


# --- a value given twice -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "named"),
    [
        ("title: Mayor resigns\nTitle: DRAFT - do not publish", "'title' twice, on lines 2 and 3"),
        ("title: T\nauthor: A\nAUTHOR : B", "'author' twice"),
        ("title: T\nheadline: H", "both title and headline"),
        ("title: T\ntags: [a]\nkeywords: [b]", "both tags and keywords"),
    ],
)
def test_a_field_given_twice_is_rejected_naming_it(front: str, named: str) -> None:
    assert named in _rejection(front).reason


def test_a_json_field_given_twice_is_rejected_naming_it() -> None:
    data = b'{"title": "Mayor resigns", "body": "B", "title": "DRAFT - do not publish"}'

    with pytest.raises(RejectedUploadError) as caught:
        parse_upload("incoming/a.json", data)

    assert "'title' twice" in caught.value.reason


@pytest.mark.parametrize("tags", ["[politics, null, ~, yes]", "[politics, ~]", "\n  - politics\n  -"])
def test_empty_tag_items_are_rejected(tags: str) -> None:
    assert "empty item" in _rejection(f"title: T\ntags: {tags}").reason


def test_quoted_null_is_a_tag() -> None:
    assert parse_upload("incoming/a.md", _markdown('title: T\ntags: [politics, "null", yes]')).tags == (
        "politics",
        "null",
        "yes",
    )


# --- comments and characters YAML reserves -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "example"),
    [
        ("title: Top 10 songs\n  of the year #2 edition", 'title: "Top 10 songs of the year #2 edition"'),
        ("title: T\ntags:\n  - a\n  - b c\n    d #e", '- "b c d #e"'),
    ],
)
def test_a_comment_on_a_later_line_of_a_plain_value_is_rejected(front: str, example: str) -> None:
    error = _rejection(front)

    assert "` #` after a value" in error.reason
    assert example in error.fix


@pytest.mark.parametrize(
    ("front", "title"),
    [
        ('title: "Mayor resigns" # updated 10:00', "Mayor resigns"),
        ("title: 'Mayor resigns' # updated", "Mayor resigns"),
        ("title: T\ntags: [a, b] # reviewed", "T"),
        ("title: Top 10 songs\n  # a comment line of its own\nauthor: A", "Top 10 songs"),
    ],
)
def test_a_comment_after_a_complete_value_is_accepted(front: str, title: str) -> None:
    assert parse_upload("incoming/a.md", _markdown(front)).title == title


@pytest.mark.parametrize(
    "value", ["@home with the mayor", "`code` talk", "%done", "!important news", "[Draft] Mayor", "{x} y"]
)
def test_a_value_starting_with_a_reserved_character_is_rejected_saying_so(value: str) -> None:
    error = _rejection(f"title: {value}")

    assert f"starts its value with {value[0]}" in error.reason
    assert f"because it starts with {value[0]}" in error.fix
    assert f'title: "{value}"' in error.fix


# --- front matter in other formats -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ('+++\ntitle = "Kerry to meet Putin"\ndate = 2015-05-12\n+++\nBody text.\n', "TOML"),
        ('\n+++  \r\ntitle = "Kerry to meet Putin"\r\n+++\r\n# Kerry to meet Putin\r\n\r\nBody text.\r\n', "TOML"),
        ('{\n  "title": "Kerry to meet Putin"\n}\nBody text.\n', "JSON"),
    ],
)
def test_front_matter_in_another_format_is_rejected_saying_it_is_not_supported(data: str, kind: str) -> None:
    # TOML front matter was rejected as "no title", or with a # heading its lines became body text.
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload("incoming/a.md", data.encode())

    assert f"{kind} front matter" in caught.value.reason
    assert "not supported" in caught.value.reason
    assert "YAML between two --- lines" in caught.value.fix


# --- tagged values and characters YAML refuses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "line", "tag"),
    [
        ("title: T\npublished: !!timestamp 2015-13-45", 3, "!!timestamp"),  # ValueError, no line
        ("title: T\npublished: !!timestamp 2015-05-12T25:00", 3, "!!timestamp"),  # AttributeError
        ("title: !!bool maybe", 2, "!!bool"),  # KeyError: 'could not be read as .md', re-save it as UTF-8
        ("title: T\nauthor: !!int Jane", 3, "!!int"),
        ("title: T\nsection: !!float World", 3, "!!float"),
        ("title: T\ntags: [politics, !!int usa]", 3, "!!int"),
        ("title: T\nsummary: !<tag:yaml.org,2002:int> Talks", 3, "!!int"),
        ("title: T\nauthor: !!null Jane Doe", 3, "!!null"),  # YAML makes it None: the author vanished silently
    ],
)
def test_a_tagged_value_yaml_cannot_read_or_drops_is_rejected_naming_its_line(front: str, line: int, tag: str) -> None:
    error = _rejection(front)

    written = front.splitlines()[line - 2]
    assert error.reason.startswith(f"line {line} of the front matter, `{written}`, has the tag {tag}")
    assert error.fix == f"remove {tag} before the value, so that it is read as text"


@pytest.mark.parametrize("front", ["title: T\nweight: !!int 5", "title: T\nsection: !!str 12:30", "title: !!str T"])
def test_a_tagged_value_yaml_reads_is_read(front: str) -> None:
    assert parse_upload("incoming/a.md", _markdown(front)).title == "T"


@pytest.mark.parametrize(
    "character", ["\x0b", "\x0c", "\x01", "\x1f", "\x7f", "\x80", "\x85", "\x9f", "\u2028", "\u2029"]
)
@pytest.mark.parametrize("quote", ["", '"'])
def test_a_control_character_or_line_separator_in_front_matter_is_a_space_as_in_every_field(
    character: str, quote: str
) -> None:
    # A vertical tab pasted from Word was 'a value that cannot be read (ReaderError)', and the fix offered was to
    # remove a !!tag; a NEL or U+2028 broke a plain value in two (a YAML syntax error).
    front = f"title: {quote}Mayor{character}plan{quote}\nauthor: Jane{character}Doe"

    parsed = parse_upload("incoming/a.md", _markdown(front))

    assert (parsed.title, parsed.author) == ("Mayor plan", "Jane Doe")


def test_a_character_yaml_refuses_that_is_no_control_is_rejected_naming_it() -> None:
    error = _rejection("title: T\nsummary: caf\u00e9 \uffff")

    assert error.reason == "line 3 of the front matter holds the character U+FFFF, which YAML does not allow"


@pytest.mark.parametrize(
    ("front", "line", "example"),
    [
        ("title: T\n<<: {author: Jane Doe}", 3, "author: Jane Doe"),
        ("title: T\n<<:\n  author: Jane Doe\n  section: World", 3, "author: Jane Doe and section: World"),
        ("title: T\n!!merge <<: {author: Jane Doe}", 3, "author: Jane Doe"),
        ("title: T\nauthor:\n  <<: {name: Jane Doe}", 4, "name: Jane Doe"),
    ],
)
def test_a_yaml_merge_key_is_rejected_naming_its_line(front: str, line: int, example: str) -> None:
    # Read as an unknown key `<<`, its fields were dropped: the author was lost without a word.
    error = _rejection(front)

    assert error.reason == f"line {line} of the front matter has a YAML merge key (<<), which is not read here"
    assert error.fix == f"write each field on its own line instead, {example}"


def test_a_quoted_double_angle_key_is_an_unknown_key_as_written() -> None:
    parsed = parse_upload("incoming/a.md", _markdown('title: T\n"<<": {author: Jane Doe}'))

    assert (parsed.title, parsed.author) == ("T", None)


# --- common YAML mistakes (session 53) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "reason", "fix"),
    [
        ("title: T\ntags:\n\t- Russia\n\t- Ukraine", "line 4 of the front matter, `- Russia`, has a tab", "spaces"),
        ("title: T\n\tauthor: Jane Doe", "line 3 of the front matter, `author: Jane Doe`, has a tab", "spaces"),
        (
            "title: 'Kerry's big day'",
            "`title: 'Kerry's big day'`, has an apostrophe inside a value in single quotes",
            """('Kerry''s big day'), or put the value in double quotes, for example title: "Kerry's big day\"""",
        ),
        (
            'title: "The "big" day"',
            "has a double quote inside a value in double quotes",
            r'for example title: "The \"big\" day"',
        ),
        (
            'title: "Kerry to meet Putin\nauthor: Jane',
            'line 2 of the front matter, `title: "Kerry to meet Putin`, opens a quote (") that is not closed',
            'for example title: "Kerry to meet Putin"',
        ),
        ('title: "C:\\Users\\jane"', "has a backslash inside a value in double quotes", "write each backslash twice"),
        (
            "title: Kerry: Putin talks go ahead",
            "`title: Kerry: Putin talks go ahead`, has a colon and a space inside its value",
            'for example title: "Kerry: Putin talks go ahead"',
        ),
        (
            "title: T\nauthor: Reporting: Jane Doe",
            "line 3 of the front matter, `author: Reporting: Jane Doe`, has a colon",
            'author: "Reporting: Jane Doe"',
        ),
        ("title: T\n  author: Jane Doe", "`author: Jane Doe`, is indented under `title: T`", "without spaces before"),
        (
            "title: T\ntags:\n  - a\n - b",
            "line 5 of the front matter, `- b`, is a list item indented differently",
            "same number of spaces",
        ),
        (
            "title: T\ntags:\n - a\n  - b",
            "line 5 of the front matter, `- b`, is a list item indented more",
            "same number of spaces",
        ),
    ],
)
def test_a_common_yaml_mistake_is_rejected_quoting_its_line_and_the_fix(front: str, reason: str, fix: str) -> None:
    # Each got PyYAML's own words ("did not find expected key") and advice on colons (session 53's attacker)
    error = _rejection(front)

    assert reason in error.reason
    assert fix in error.fix


@pytest.mark.parametrize(
    ("front", "tags"),
    [
        ("title: T\ntags:\n  - a\n  - b", ("a", "b")),
        ("title: T\ntags:\n  - a long\n    tag wrapped\n  - b", ("a long tag wrapped", "b")),
        ("title: T\ntags:\n- a\n- b", ("a", "b")),
    ],
)
def test_list_items_indented_alike_or_wrapped_are_read(front: str, tags: tuple[str, ...]) -> None:
    assert parse_upload("incoming/a.md", _markdown(front)).tags == tags


# --- a thematic break on the first line, a second block (session 53) ---------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "---\n\n# Kerry meets Putin\n\nThe talks began.\n\n---\n\nThey ended.\n",
        "---\n# Kerry meets Putin\n\nThe talks began.\n",
        "---\n\n# Kerry meets Putin\n\nThe talks began. They ended.\n",
    ],
)
def test_a_thematic_break_on_the_first_line_is_no_front_matter(data: str) -> None:
    # Rejected as front matter that is "not a list of name: value lines", or as front matter not closed
    parsed = parse_upload("incoming/a.md", data.encode())

    assert parsed.title == "Kerry meets Putin"
    assert parsed.body.startswith("The talks began.")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("---\nTitle Kerry\n---\nBody.\n", "no title"),
        ("---\n- a\n- b\n---\nBody.\n", "not a list"),
        ("---\n\ntitle: T\n\n# Not closed\n", "not closed"),
    ],
)
def test_a_first_block_of_yaml_is_front_matter_as_before(data: str, reason: str) -> None:
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload("incoming/a.md", data.encode())

    assert reason in caught.value.reason


def test_a_second_block_of_yaml_after_the_front_matter_is_rejected_naming_it() -> None:
    # Its `foo: bar` was published as a heading at the body's start
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload("incoming/a.md", b"---\ntitle: T\n---\n---\nfoo: bar\n---\nBody.\n")

    assert "second block between --- lines follows the front matter (`foo: bar`)" in caught.value.reason
    assert "move its lines into the front matter" in caught.value.fix


def test_rules_under_the_front_matter_are_rules() -> None:
    parsed = parse_upload("incoming/a.md", b"---\ntitle: T\n---\n---\n\nNote: the talks began.\n\n---\n\nBody.\n")

    assert parsed.body == "Note: the talks began.\n\nBody."


# --- session 53's review: a note between rules is the body's; front matter written wrong is named ------------------


@pytest.mark.parametrize(
    "note",
    [
        "Update: This story was updated on 13 May to add the Kremlin's response.",
        "Correction: An earlier version misspelt the minister's name.",
        "Editor's note: the talks were held behind closed doors.",
    ],
)
def test_a_note_between_rules_under_the_front_matter_is_the_bodys(note: str) -> None:
    # Rejected as YAML's second document: its `Word:` label was taken for a front-matter key
    parsed = parse_upload("incoming/a.md", f"---\ntitle: T\n---\n\n---\n{note}\n---\n\nThe talks began.\n".encode())

    assert parsed.body == f"{note}\n\nThe talks began."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("---\ntitle:Kerry meets Putin\ndate:2015-05-12\n---\n\nThe talks began.\n", "front matter must be a list"),
        ('---\ntitle = "Kerry meets Putin"\n---\n\nThe talks began.\n', "front matter must be a list"),
        (
            "---\nhttps://x.example/kerry\ntitle: Kerry\n---\n\nThe talks began.\n",
            "line 2 of the front matter, `https://x.example/kerry`, is no name: value line",
        ),
    ],
)
def test_front_matter_written_wrong_under_a_first_line_rule_is_named_as_front_matter(data: str, reason: str) -> None:
    # Each was "the Markdown file has no title: its first paragraph ... is underlined with ---"
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload("incoming/a.md", data.encode())

    assert reason in caught.value.reason
