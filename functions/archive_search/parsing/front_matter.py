"""YAML front matter read so that every value is kept exactly as the editor wrote it.

PyYAML's loaders resolve YAML 1.1 implicit types: unquoted `12:30` becomes the number 750 (base 60), `3.10` the
number 3.1, `0x1F`, `0o17`, `+1`, `1_000` numbers, `yes`/`no`/`on`/`off` booleans, `2015-05-12` a date. The loader
here has no implicit resolvers, so every plain scalar stays the text it was; the parsers read dates from that text
(`published: 2015-05-12` still becomes a date, by the same rule as every other format). Only an empty value, `~` and
`null` (YAML's own spellings of "nothing") mean the field is absent.

One thing YAML cannot be told after the fact: ` #` starts a comment, so `title: #1 hit` has an empty title and
`title: Top 10 #2` loses `#2`. A comment after a plain value on the same line (any line of a multi-line value) is
rejected with the line and the quoting that keeps it; one after a quoted value or on a line of its own is fine.
A value starting with `&` or `*` (an anchor or alias: YAML drops the first and expands the second) is rejected too,
whichever the editor meant, and so is one that YAML cannot read because it starts with a character it reserves.
A merge key (`<<: {author: X}`) is rejected rather than read as an unknown key that drops what it gives.
An explicitly tagged value YAML cannot build (`!!timestamp 2015-13-45`, `!!bool maybe`) or would drop (`!!null
Kerry`) is rejected naming its line. Control characters YAML refuses in a stream (a vertical tab pasted from Word)
and line breaks only YAML reads as such (NEL, U+2028) are spaces, as validation makes them in every other field;
any other character it refuses (U+FFFF) is rejected naming it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from archive_search.errors import RejectedUploadError
from archive_search.parsing.text import without_escape_sequences

if TYPE_CHECKING:
    import yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)
_OPENING = re.compile(r"\A---[ \t]*\n")
# A line that starts a `name: value` pair: a key, plain or quoted, then a colon and a blank or the line's end.
_NAME_LINE = re.compile(r"""[ \t]*+(?:"[^"\n]*"|'[^'\n]*'|[^\s#:"'\-][^:\n]*?)[ \t]*:(?:[ \t]|$)""", re.MULTILINE)
# A front-matter key as written (`title`, `og_title`, `last-modified`: a lower-case letter first, unlike a note's
# `Update:`) and its colon. A line that opens with such a key and a colon or an equals sign, with or without a space
# (`title:Kerry`, `title = "Kerry"`), is front matter, if written wrong.
_KEY_PAIR = re.compile(r"[a-z_][\w-]*+:(?:[ \t]|$)")
_KEY_LINE = re.compile(r"[ \t]*+[a-z_][\w-]*+[ \t]*+[:=]")
# Front matter in the other formats static-site generators (Hugo) accept: TOML between +++ lines, a JSON object.
_TOML_OPENING = re.compile(r"\A\+\+\+[ \t]*\r?\n")
_JSON_OPENING = re.compile(r"\A\{[ \t]*\r?\n")
MAX_FRONT_MATTER_CHARS = 64 * 1024
# YAML 1.2's spellings of null: the field is absent. Every other plain scalar is text.
NULL_SCALARS = frozenset({"", "~", "null", "Null", "NULL"})
# Characters YAML reserves at the start of a plain value (reserved, directive, tag, flow, block scalar indicators).
_INDICATORS = "@`%!&*[{|>"
# What may start a line of YAML that is no `name:` line: a list's item, a complex key, a quoted or reserved value.
_YAML_STARTS = f"-?'\"{_INDICATORS}"
# Characters YAML 1.1 refuses in a stream (C0 and C1 controls but tab, LF and CR) or reads as line breaks where the
# other formats do not (NEL, U+2028, U+2029: a plain value broken by one is a syntax error). Validation makes each a
# space in a field of one line, as every front-matter field is, so they are spaces before YAML reads the text.
_SPACES_FOR_YAML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_QUOTES = ("'", '"')
# A list item on the line under another, indented more than it.
_INDENTED_ITEM = re.compile(r"^([ \t]*+)- [^\n]*+\n\1[ \t]++- ", re.MULTILINE)
_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_YAML_TAGS = "tag:yaml.org,2002:"


class _UnreadableValueError(Exception):
    """A tagged value YAML cannot build or would drop: the 0-based line it starts on, and its tag as written."""

    def __init__(self, line: int, tag: str) -> None:
        super().__init__(tag)
        self.line, self.tag = line, tag


def split_front_matter(text: str) -> tuple[str | None, str]:
    """The YAML between the leading `---` lines (None if there is none), and the Markdown after it.

    A leading `---` whose first line of text below (past blank lines and `#` lines, YAML's comments and Markdown's
    headings) is no `name:` line is a thematic break, and the file has no front matter (session 53's attacker: a file
    opening with a rule was rejected as bad front matter, or as front matter not closed), unless a line before the
    closing `---` starts with a key (_KEY_LINE: `title:Kerry`, `title = "Kerry"`), which is front matter written
    wrong, and is reported as such (session 53's review). A second block between `---` lines right after the front
    matter written as a mapping of front-matter keys (`foo: bar`) is rejected: it is YAML's second document,
    which is not read, and Markdown would publish its lines as a heading of the body. Any other block there (`Update:
    This story was updated on 13 May.`, an editor's note between rules) is the body's, as before."""
    text = text.lstrip("\n")
    if _OPENING.match(text) and not _opens_front_matter(text):
        return None, text
    match = _FRONT_MATTER.match(text)
    if match:
        markdown = text[match.end() :]
        second = _FRONT_MATTER.match(markdown.lstrip("\n"))
        if second is not None and is_front_matter_mapping(second.group("yaml")):
            line = second.group("yaml").split("\n", 1)[0].strip()
            raise RejectedUploadError(
                f"a second block between --- lines follows the front matter (`{_excerpt(line)}`), and only the "
                "first is read",
                fix="move its lines into the front matter (between the first two --- lines), or remove the block",
            )
        return match.group("yaml"), markdown
    if _OPENING.match(text):
        raise RejectedUploadError(
            "the front matter that starts with --- on the first line is not closed",
            fix="end the front matter with a line of three dashes (---) before the article's text",
        )
    # Read as Markdown, its lines would be body text and its title missing: say what is wrong instead.
    kind = "TOML front matter (between +++ lines)" if _TOML_OPENING.match(text) else None
    kind = kind or ("JSON front matter (a { line)" if _JSON_OPENING.match(text) else None)
    if kind:
        raise RejectedUploadError(
            f"the file starts with {kind}, which is not supported: only YAML front matter is read",
            fix="write the front matter as YAML between two --- lines (title: Kerry to meet Putin), "
            "or upload the article as .json",
        )
    return None, text


# A front-matter line as a legacy page's note between rules never has all of: a lower-case key, a colon, a value.
_PLAIN_PAIR = re.compile(r"[a-z_][\w-]*+:[ \t]+\S[^\n]*")


def starts_with_front_matter_mapping(text: str) -> bool:
    """Whether the text opens with front matter between `---` lines whose every line is a lower-case `key: value`
    and one of them its `title:`, as a Markdown file does and a legacy page, which may open with a rule of dashes or
    notes between two rules (`date: 12 May 2015`, `source: Reuters`), does not (session 55's review N, R3)."""
    match = _FRONT_MATTER.match(text.lstrip("\n"))
    lines = match.group("yaml").splitlines() if match is not None else []
    return all(map(_PLAIN_PAIR.fullmatch, lines)) and any(line.startswith("title:") for line in lines)


def _opens_front_matter(text: str) -> bool:
    """Whether the `---` the text opens with opens front matter: the first line below it that is neither blank nor a
    `#` line is a `name:` line, starts with a character YAML reserves (a list's `- a`, a complex key's `?`: what
    YAML makes of it is reported as before) or closes the front matter, or there is none."""
    below = text.split("\n", 1)[1]
    first = next((line for line in below.split("\n") if line.strip() and not line.lstrip().startswith("#")), None)
    if first is None or first.strip() in ("---", "...") or first.lstrip()[0] in _YAML_STARTS:
        return True
    if _NAME_LINE.match(first) is not None:
        return True
    closed = _FRONT_MATTER.match(text)
    return closed is not None and any(_KEY_LINE.match(line) for line in closed.group("yaml").split("\n"))


def is_front_matter_mapping(source: str) -> bool:
    """Whether the text is written as a mapping of front-matter keys: each line at the line's start a key as front
    matter writes one (_KEY_PAIR: `foo: bar`, `og_title:`), not a note's label (`Update:`, `Note:`); lines indented
    or a list's items under a key are its value. Read by the lines' shape, not by YAML: this block is never loaded."""
    lines = [line for line in source.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    tops = [line for line in lines if not line[0].isspace() and not line.startswith("- ")]
    return bool(lines) and lines[0] in tops and all(_KEY_PAIR.match(line) for line in tops)


@cache
def _loader() -> type[yaml.SafeLoader]:
    import yaml

    # libyaml's parser where it is installed (it is in the Lambda package); the constructor is PyYAML's either way.
    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class AsWrittenLoader(base):  # type: ignore[misc,valid-type]
        """SafeLoader with no implicit resolvers: plain scalars are strings; explicit tags (`!!int`) still work."""

        yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012 - PyYAML's API

        def construct_scalar(self, node: Any) -> Any:
            value = super().construct_scalar(node)
            # Only plain (unquoted) scalars can mean null; `title: "null"` is the word. (A plain scalar's style is
            # None in PyYAML's parser and "" in libyaml's.)
            return None if not node.style and value in NULL_SCALARS else value

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            """Refuse a key given twice (keys are case-insensitive): YAML would keep the last one silently."""
            lines: dict[str, int] = {}
            # A `!!set` or `!!omap` tag on a scalar or list reaches here too: PyYAML's own check says what it is.
            for key_node, value_node in node.value if isinstance(node.value, list) else []:
                if not isinstance(key_node.value, str):
                    continue
                key, line = key_node.value.strip().lower(), key_node.start_mark.line + 2
                if key_node.tag == _MERGE_TAG or (key == "<<" and not key_node.style):
                    # YAML 1.1's merge key, which copies another mapping's fields in; read as a plain key, the
                    # fields it gives (`<<: {author: X}`) were dropped without a word.
                    pairs = value_node.value if value_node.id == "mapping" else []
                    given = [f"{k.value}: {v.value}" for k, v in pairs if isinstance(v.value, str)][:3]
                    raise RejectedUploadError(
                        f"line {line} of the front matter has a YAML merge key (<<), which is not read here",
                        fix=f"write each field on its own line instead, {' and '.join(given) or 'author: Jane Doe'}",
                    )
                if key in lines:
                    raise RejectedUploadError(
                        f"the front matter gives {key!r} twice, on lines {lines[key]} and {line} (names are the same "
                        "whatever their capitals), and only one value can be kept",
                        fix=f"keep one {key}: line",
                    )
                lines[key] = line
            return super().construct_mapping(node, deep)

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            """Refuse an explicitly tagged value PyYAML's constructor cannot build (it raises ValueError for `!!int
            x`, KeyError for `!!bool maybe`, AttributeError for `!!timestamp 2015-05-12T25:00`, none of them saying
            where) or drops (`!!null Kerry` is None, whatever it says)."""
            tag = node.tag.replace(_YAML_TAGS, "!!", 1) if node.tag.startswith(_YAML_TAGS) else node.tag
            if node.tag == _NULL_TAG and isinstance(node.value, str) and node.value.strip():
                raise _UnreadableValueError(node.start_mark.line, tag)
            try:
                return super().construct_object(node, deep)
            except (ValueError, LookupError, AttributeError, TypeError, ArithmeticError):
                raise _UnreadableValueError(node.start_mark.line, tag) from None

    return AsWrittenLoader


def load_front_matter(source: str) -> dict[str, Any]:
    """The front matter as a dict with lower-cased keys; values are str, None, lists or dicts of them.

    Raises RejectedUploadError for invalid YAML, a comment that would cut a value, or a document that is not a
    mapping.
    """
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise RejectedUploadError(
            f"the front matter is longer than {MAX_FRONT_MATTER_CHARS} characters", fix="keep only the metadata there"
        )
    import yaml

    # Terminal escape sequences go whole (`ESC[31m`, not `[31m`), as validation removes them from every field.
    source = _SPACES_FOR_YAML.sub(" ", without_escape_sequences(source))
    _reject_trailing_comments(source)
    _reject_items_read_as_one(source)
    _reject_anchors_and_aliases(source)
    try:
        document = yaml.load(source, Loader=_loader())  # noqa: S506 - a SafeLoader subclass: no Python objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        _reject_indicator_start(source, mark.line if mark is not None else None, exc.problem or exc.context)
        _reject_common_mistake(source, exc)
        line = f" at line {exc.problem_mark.line + 2}" if exc.problem_mark is not None else ""
        raise RejectedUploadError(
            f"the front matter is not valid YAML: {exc.problem or exc.context}{line}",
            fix="check the front matter's syntax: one `name: value` per line, quotes around values with colons",
        ) from None
    except RecursionError:  # PyYAML's pure-Python composer, where libyaml is missing, recurses per level
        raise RejectedUploadError(
            "the front matter is nested too deeply to read", fix="keep one `name: value` per line"
        ) from None
    except _UnreadableValueError as exc:
        lines = source.split("\n")
        line = lines[exc.line] if exc.line < len(lines) else ""
        raise RejectedUploadError(
            f"line {exc.line + 2} of the front matter, `{_excerpt(line)}`, has the tag {exc.tag}, "
            + ("which makes YAML drop the value" if exc.tag == "!!null" else "and YAML cannot read the value as one"),
            fix=f"remove {exc.tag} before the value, so that it is read as text",
        ) from None
    except yaml.reader.ReaderError as exc:
        # Found by the character: where ReaderError says it is counts bytes in libyaml, characters in PyYAML.
        line_number = source[: max(source.find(chr(exc.character)), 0)].count("\n") + 2
        raise RejectedUploadError(
            f"line {line_number} of the front matter holds the character U+{exc.character:04X}, "
            "which YAML does not allow",
            fix="remove the character from the front matter",
        ) from None
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise RejectedUploadError(
            f"the front matter must be a list of `name: value` lines, not {kind_of(document)}",
            fix="write the front matter as `title: ...` lines between two --- lines",
        )
    return {str(key).strip().lower(): value for key, value in document.items()}


def _reject_trailing_comments(source: str) -> None:
    """Reject ` #` after a value on the same line: YAML would silently drop it (`title: #1 hit` has no title)."""
    if "#" not in source:
        return
    import yaml

    # What the scanner saw (scalars, `-`, `:`, brackets), as (start, end, closed): closed for a quoted scalar or a
    # flow list's end, which nothing after them can cut. The scan may stop at a syntax error, often caused by the
    # very comment (`tags: [a, #b]`), so what it saw up to there is used.
    tokens: list[tuple[int, int, bool]] = []
    scalars: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(source, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.StreamStartToken | yaml.StreamEndToken | yaml.BlockEndToken):
                continue
            start, end = token.start_mark.index, token.end_mark.index
            closed = isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken)
            if isinstance(token, yaml.ScalarToken):
                scalars.append((start, end))
                closed = token.style in ('"', "'")
            tokens.append((start, end, closed))
    except yaml.YAMLError:
        pass
    offset = 0
    for number, line in enumerate(source.split("\n")):
        for match in re.finditer(r"(?:^|[ \t])#", line):
            position = offset + match.end() - 1
            # Tokens with text on this line before the `#`; a multi-line plain value counts on each of its lines.
            before = [t for t in tokens if t[0] < position and max(t[1], t[0] + 1) > offset]
            inside_scalar = any(start <= position < end for start, end in scalars)
            last = max(before, key=lambda t: t[1]) if before else None
            if last is not None and not inside_scalar and not last[2]:
                # A value begun on an earlier line is quoted whole, on one line, in the example.
                begun = source.rfind("\n", 0, last[0]) + 1
                whole = source[begun : last[0]] + " ".join(source[last[0] : offset + len(line)].split())
                raise RejectedUploadError(
                    f"line {number + 2} of the front matter, `{_excerpt(line)}`, has ` #` after a value: YAML reads "
                    "everything from there as a comment, so that text would be lost",
                    fix=f"put the value in quotes, for example {_quoted_example(whole if begun < offset else line)}",
                )
        offset += len(line) + 1


def _reject_items_read_as_one(source: str) -> None:
    """Reject a list item indented more than the item above it (`tags:` / ` - a` / `  - b`): YAML reads it as more of
    that item's text, one tag `a - b`, without a word (session 53: the sibling of items indented less, which YAML
    refuses: _reject_common_mistake)."""
    if _INDENTED_ITEM.search(source) is None:
        return
    import yaml

    lines = source.split("\n")
    previous = None
    try:
        for token in yaml.scan(source, Loader=yaml.SafeLoader):
            start, end = token.start_mark.line, token.end_mark.line
            if isinstance(token, yaml.ScalarToken) and token.plain and isinstance(previous, yaml.BlockEntryToken):
                for number in range(start + 1, min(end + 1, len(lines))):
                    if lines[number].lstrip().startswith("- "):
                        raise RejectedUploadError(
                            f"line {number + 2} of the front matter, `{_excerpt(lines[number])}`, is a list item "
                            f"indented more than the item above it, `{_excerpt(lines[start])}`, so YAML reads both "
                            "as one item",
                            fix="indent every item of the list by the same number of spaces",
                        )
            previous = token
    except yaml.YAMLError:
        return  # the load reports the syntax error, with its line


def _reject_indicator_start(source: str, line_number: int | None, problem: str | None) -> None:
    """Say why YAML refused a value that starts with a character it reserves (`title: @home`, `title: [Draft] x`)."""
    if line_number is None:
        return
    lines = source.split("\n")
    line = lines[line_number] if line_number < len(lines) else ""
    value = line[_value_start(line) :].lstrip()
    if value and value[0] in _INDICATORS:
        raise RejectedUploadError(
            f"line {line_number + 2} of the front matter, `{_excerpt(line)}`, starts its value with {value[0]}, "
            f"which YAML does not read as text ({problem})",
            fix=f"put the value in quotes because it starts with {value[0]}, for example {_in_quotes(line)}",
        )


def _reject_common_mistake(source: str, error: yaml.MarkedYAMLError) -> None:
    """Say which common mistake made YAML refuse the front matter, quoting its line, with the fix: a quote not
    closed, a backslash in double quotes, a tab, a value in quotes that holds its own quote (`'Kerry's big day'`), a
    colon and a space in a value left unquoted (`title: Kerry: Putin talks go ahead`), a line indented under a value,
    and list items indented unevenly. Session 53's attacker: each got PyYAML's own words ("did not find expected
    key") and advice on colons. The error's marks say where YAML stopped; the line there says which mistake it is."""
    lines = source.split("\n")
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        number = error.context_mark.line
        line = lines[number] if number < len(lines) else ""
        quote = line[error.context_mark.column : error.context_mark.column + 1] or '"'
        end = _value_start(line)
        raise RejectedUploadError(
            f"line {number + 2} of the front matter, `{_excerpt(line)}`, opens a quote ({quote}) that is not closed",
            fix=f"end the value with the same quote, for example {line[:end].strip()} {line[end:].strip()}{quote}",
        )
    mark = error.problem_mark
    if mark is None or mark.line >= len(lines):
        return
    number, line = mark.line, lines[mark.line]
    where = f"line {number + 2} of the front matter, `{_excerpt(line)}`,"
    if "quoted scalar" in (error.context or "") and "\\" in line:
        # A Windows path or a stray backslash in double quotes, which YAML reads as the start of an escape (`\U`)
        raise RejectedUploadError(
            f"{where} has a backslash inside a value in double quotes, which YAML reads as the start of an escape",
            fix="write each backslash twice (\\\\), or put the value in single quotes",
        )
    indent = line[: len(line) - len(line.lstrip())]
    if "\t" in indent or line[mark.column : mark.column + 1] == "\t":
        place = "in its indentation" if "\t" in indent else "before its value"
        raise RejectedUploadError(
            f"{where} has a tab {place}, where YAML accepts only spaces",
            fix="replace the tab with spaces (two spaces for each level of indentation)",
        )
    start = _value_start(line)
    value = line[start:].strip()
    if value[:1] in _QUOTES and (after := _after_closing_quote(value)) and not after.startswith("#"):
        quote = value[0]
        inner = value[1:-1] if len(value) > 1 and value.endswith(quote) else value[1:]
        plain = f"{line[:start].strip()} {inner}"
        if quote == "'":
            raise RejectedUploadError(
                f"{where} has an apostrophe inside a value in single quotes, which ends the quotes there",
                fix=f"write the apostrophe twice ('{inner.replace(quote, quote * 2)}'), or put the value in double "
                f"quotes, for example {_in_quotes(plain)}",
            )
        raise RejectedUploadError(
            f"{where} has a double quote inside a value in double quotes, which ends the quotes there",
            fix=f"write a backslash before each quote inside the value, for example {_in_quotes(plain)}",
        )
    previous = next((lines[at] for at in range(number - 1, -1, -1) if lines[at].strip()), "")
    if error.problem is not None and error.problem.startswith("mapping values are not allowed"):
        if indent and not line.lstrip().startswith("-") and previous and not previous.rstrip().endswith(":"):
            raise RejectedUploadError(
                f"{where} is indented under `{_excerpt(previous)}`, so YAML reads it as more of that value, and "
                "its colon as a new name: value pair inside it",
                fix="start each name: value line at the line's beginning, without spaces before it (or put the "
                "value above in quotes if the line is part of it)",
            )
        above = lines[number - 1] if number else ""
        # A line with no name right above (`https://…` over `title: Kerry`): YAML reads both lines as one value
        if not indent and above.strip() and _NAME_LINE.match(above) is None and above.lstrip()[0] not in _YAML_STARTS:
            raise RejectedUploadError(
                f"line {number + 1} of the front matter, `{_excerpt(above)}`, is no name: value line, so YAML "
                f"reads it and line {number + 2}, `{_excerpt(line)}`, as one value",
                fix="start that line with a name and a colon, or remove it",
            )
        raise RejectedUploadError(
            f"{where} has a colon and a space inside its value, which YAML reads as the start of another name: "
            "value pair",
            fix=f"put the value in quotes, for example {_in_quotes(line)}",
        )
    if line.lstrip().startswith("- ") and previous.lstrip().startswith("- "):
        raise RejectedUploadError(
            f"{where} is a list item indented differently from the item above it, `{_excerpt(previous)}`",
            fix="indent every item of the list by the same number of spaces",
        )


def _after_closing_quote(value: str) -> str:
    """What follows the quote that closes a value that opens with one (`'Kerry's big day'` -> `s big day'`): YAML
    reads two single quotes as one inside single quotes, and a backslashed double quote inside double quotes."""
    quote, at = value[0], 1
    while at < len(value):
        if quote == '"' and value[at] == "\\":
            at += 2
            continue
        if value[at] == quote:
            if quote == "'" and value[at + 1 : at + 2] == "'":
                at += 2
                continue
            return value[at + 1 :].strip()
        at += 1
    return ""


def _reject_anchors_and_aliases(source: str) -> None:
    """Reject a YAML anchor (`&name`) or alias (`*name`) before anything is composed or constructed.

    An alias repeats a value: `author: [*a, *a, ...]` makes 60 KB of front matter a 200-million-character author.
    And an editor's `title: &Co announce merger` would silently lose `&Co` (YAML reads it as the value's anchor).
    libyaml composes in C, out of reach of Python hooks, so the parser's events are checked first: an anchor or
    an alias is there before any value is built.
    """
    if "&" not in source and "*" not in source:
        return
    import yaml

    lines = source.split("\n")
    try:
        for event in yaml.parse(source, Loader=_loader()):
            # Alias events and node events (scalars, sequences, mappings) carry the name in `anchor`.
            anchor = getattr(event, "anchor", None)
            if anchor is None:
                continue
            alias, mark = isinstance(event, yaml.AliasEvent), event.start_mark
            line = _excerpt(lines[mark.line]) if mark is not None and mark.line < len(lines) else ""
            where = f"line {mark.line + 2} of the front matter, `{line}`," if mark is not None else "a value"
            example = f"for example {_quoted_example(line)}"
            if alias:
                raise RejectedUploadError(
                    f"{where} has *{anchor}, which YAML reads as an alias (a copy of the value named "
                    f"&{anchor}); aliases are not accepted",
                    fix=f"write each value out in full; if the * is part of the text, put it in quotes, {example}",
                )
            raise RejectedUploadError(
                f"{where} has &{anchor}, which YAML reads as an anchor (a name for the value) and drops",
                fix=f"put the value in quotes, {example}",
            )
    except yaml.YAMLError:
        return  # the load reports the syntax error, with its line


def _excerpt(line: str, limit: int = 80) -> str:
    """The line as a report shows it: stripped, and cut short when long."""
    line = line.strip()
    return line if len(line) <= limit else f"{line[:limit]}\u2026"


def _value_start(line: str) -> int:
    """Where the value of a `name: value` or `- value` line starts."""
    head = re.match(r"\s*(?:-\s+)?(?:[\w .-]+:\s+)?", line)
    return head.end() if head else 0


def _quoted_example(line: str) -> str:
    """`title: #1 hit` -> `title: "#1 hit"`, `- #tag` -> `- "#tag"`; flow lists get the general advice."""
    value = line[_value_start(line) :].strip()
    if not value or value[0] in "[{\"'":
        return 'tags: ["#tag", other] (quote each item that has #)'
    return _in_quotes(line)


def _in_quotes(line: str) -> str:
    """`title: @home` -> `title: "@home"`."""
    end = _value_start(line)
    value, prefix = line[end:].strip(), line[:end].strip()
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{prefix} "{escaped}"'.lstrip()


# What a value is in an editor's words, and the YAML tag that made it so: the loader has no implicit resolvers, so
# only an explicit tag (`!!timestamp 2019-03-04`, `!!binary SGVsbG8=`, `!!int 5`) makes a value anything but text, a
# list or a mapping. `datetime` before `date` and `bool` before `int`: each is a kind of the other.
_KINDS: tuple[tuple[type, str, str | None], ...] = (
    (str, "text", None),
    (list, "a list", None),
    (dict, "a set of name: value pairs", None),
    (bool, "a yes/no value", "!!bool"),
    (int, "a number", "!!int"),
    (float, "a number", "!!float"),
    (bytes, "encoded binary data", "!!binary"),
    (datetime, "a date and time", "!!timestamp"),
    (date, "a date", "!!timestamp"),
    (set, "a set", "!!set"),
)


def kind_of(value: object) -> str:
    """What a front-matter value is, in an editor's words, with its article: "a list", "a date"."""
    return next((kind for type_, kind, _ in _KINDS if isinstance(value, type_)), "a value YAML built from a tag")


def yaml_tag(value: object) -> str | None:
    """The YAML tag that made a front-matter value what it is (`!!timestamp` for a date); None for text, a list or a
    mapping, which need none."""
    return next((tag for type_, _, tag in _KINDS if isinstance(value, type_)), None)
