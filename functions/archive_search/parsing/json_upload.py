"""JSON uploads: an object with title and body, and optional metadata; unknown fields are ignored.

Field names are read as front matter reads its keys: whatever their capitals, and under the other names CMS exports
give them (`Title`, `headline`, `date`, `category`, `keywords`: text.FIELD_NAMES); two names of one field are
rejected, as a name given twice is.

CMS exports write text fields with HTML character references (`Harbour &amp; Docks`, `Mayor&#8217;s`): they are
decoded once, in every text field, as HTML pages, Markdown and legacy pages are (docs/ingestion-formats.md).
"""

from __future__ import annotations

import json
import re
from typing import Any

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.bylines import declared_names, joined_authors, without_by
from archive_search.parsing.cms_exports import from_cms_export, is_wordpress_post, refuse_many_posts
from archive_search.parsing.error_pages import refuse_error_object
from archive_search.parsing.furniture_lines import is_ad_label
from archive_search.parsing.html_text import BLOCK_TAGS, CELL_TAGS, as_markup, fragment_paragraphs
from archive_search.parsing.text import (
    FIELD_NAMES,
    OTHER_MOMENT_NAMES,
    TAG_NAMES,
    decode,
    list_items,
    normalise_space,
    one_of,
    publishable,
    section_and_tags,
    unescape_entities,
    written_sections,
)
from archive_search.parsing.validate import date_moment, date_value, epoch_day, publication_date

OPTIONAL_TEXT_FIELDS = ("author", "published", "section", "summary", "url")
_NAMES = {"body": ("body",), **FIELD_NAMES}
_KEEP_ONE = 'keep one of "{0}" and "{1}"'
# The names a body is read under (cms_exports.BODY_NAMES), as a report names them.
_BODY_NAMES_SHOWN = ("body", "articleBody", "content", "html", "text")


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# What ends a paragraph of a text body: a blank line, or a paragraph separator (validate makes it a blank line).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n|\u2029")
# Elements that mark paragraphs (<p>, <div>, <li>, <h2>, <blockquote>, <table>, <pre>...). Not <br>: a line break
# inside a paragraph, phrasing content in HTML's terms, as <b>, <img> or a comment are.
_BLOCK_NAMES = "|".join(sorted((BLOCK_TAGS | CELL_TAGS) - {"br"}, key=len, reverse=True))
_BLOCK_ELEMENT = re.compile(rf"</?(?:{_BLOCK_NAMES})(?![\w:@.-])", re.IGNORECASE)


def parse_json(data: bytes) -> ParsedUpload:
    try:
        document = json.loads(decode(data), object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise RejectedUploadError(
            f"the file is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
            fix="check the JSON syntax (quotes, commas, brackets)",
        ) from None
    except ValueError:  # a number with more digits than Python converts (over 4,300)
        raise RejectedUploadError(
            "the JSON holds a number too long to read", fix="write long numbers as text, or remove them"
        ) from None
    except RecursionError:
        raise RejectedUploadError(
            "the JSON is nested too deeply to read", fix="upload one object with title and body at its top level"
        ) from None
    refuse_many_posts(document)
    if not isinstance(document, dict):
        raise RejectedUploadError(
            f"the JSON must be an object with title and body, not {_json_type(document)}",
            fix='upload {"title": "...", "body": "..."}',
        )
    refuse_error_object(document)  # an XML one is refused by parse_upload, whatever the extension
    document = _folded_names(document)
    html_title = is_wordpress_post(document)
    document = from_cms_export(document)
    document = publishable(document, "the JSON")
    _refuse_unnamed(document)
    fields: dict[str, str] = {}
    section: str | None = None
    more_sections: tuple[str, ...] = ()
    for name in ("title", "body", *OPTIONAL_TEXT_FIELDS):
        if name == "published":
            given, value = publication_date(document, "the JSON", _KEEP_ONE) or (name, None)
        else:
            value = one_of(document, _NAMES[name], "the JSON", _KEEP_ONE)
        if name == "author" and (names := declared_names(value)) is not None:
            # As front matter and JSON-LD give them, names or people with a name: joined by commas
            value = joined_authors([without_by(author) for author in names])
        elif name == "author" and isinstance(value, str):
            value = without_by(value)
        elif name == "section" and (sections := written_sections(value, _given(document, name))) is not None:
            # The first section is the article's, the others are kept as its tags (an article has one section)
            section, more_sections = section_and_tags(sections)
            continue
        if value is None:
            continue
        if name == "published":
            value = date_value(value, given)
        if not isinstance(value, str):
            raise RejectedUploadError(f"{name} must be text, not {_json_type(value)}", fix=f"give {name} as a string")
        fields[name] = value
    _refuse_other_moment(document)
    body = field_text(fields.pop("body", ""), "body", "\n\n")
    summary = fields.pop("summary", None)
    # A title is kept as written, markup too (the page escapes it): session 52 read a title holding markup as its
    # text, and its second review found titles that mention tags cut (`Why <br clear=all> is obsolete`). But for a
    # WordPress post's (REST API or WP-CLI), which is HTML as the site shows it (`<em>Hamlet</em> review`), read as a
    # summary is.
    texts: dict[str, Any] = {name: unescape_entities(value) for name, value in fields.items()}
    if html_title and "title" in fields:
        texts["title"] = field_text(fields["title"], "title", " ")
    if section is not None:
        texts["section"] = section
    if summary is not None:
        texts["summary"] = field_text(summary, "summary", " ")  # one line: its paragraphs are joined by spaces
    tags = one_of(document, TAG_NAMES, "the JSON", _KEEP_ONE)
    if isinstance(tags, str):  # decoded before the split (`&quot;` quotes too), and only then
        texts["tags"] = tuple(list_items(unescape_entities(tags), "tags"))
    elif isinstance(tags, list) and all(isinstance(t, str) for t in tags):
        texts["tags"] = tuple(unescape_entities(tag) for tag in tags)
    elif tags is not None:
        raise RejectedUploadError("tags must be a list of strings", fix='write "tags": ["politics", "usa"]')
    texts["tags"] = (*texts.get("tags", ()), *more_sections)
    return ParsedUpload(title=texts.pop("title", ""), body=body, source_format="json", **texts)


def _refuse_other_moment(document: dict[str, Any]) -> None:
    """RejectedUploadError when a JSON that names no publication date (none of text.FIELD_NAMES' names for it, not
    even as null) gives another moment of its record (text.OTHER_MOMENT_NAMES: `created_at`, `timestamp`,
    `updated_at`) holding a date or a count since 1970 (validate.date_moment), naming it and its value: whether that
    is the day the article was published cannot be told, and archived undated the article lost its date without a
    word."""
    if any(name in document for name in _NAMES["published"]):
        return
    for name in OTHER_MOMENT_NAMES:
        value = document.get(name)
        # A date, or a count since 1970 as a number or as digits (`"time": "3 min read"` is none: ignored as before)
        if date_moment(value) is not None or (isinstance(value, str) and epoch_day(value) is not None):
            shown = json.dumps(value, ensure_ascii=False)[:100]
            raise RejectedUploadError(
                f"the JSON gives no publication date, only {name} ({shown}), which is not read as one: a record's "
                "creation, change or time stamp need not be the day the article was published",
                fix=f'if {name} is the day the article was published, give it under "published" instead; else add '
                '"published": null to archive the article undated',
            )


def _given(document: dict[str, Any], field: str) -> str:
    """The name under which the JSON gives a field (`category` for the section), for its report."""
    return next((name for name in _NAMES[field] if document.get(name) is not None), field)


def _refuse_unnamed(document: dict[str, Any]) -> None:
    """RejectedUploadError naming the fields the JSON gives when it gives none of the names of its title or its body
    (`post_title`, `content`): "the article has no body text" sent an editor looking for text the file holds
    (session 48's new user; a WordPress export)."""
    for field in ("title", "body"):
        names = _NAMES[field] if field == "title" else _BODY_NAMES_SHOWN
        if all(name.lower() not in document for name in names):
            given = ", ".join(f'"{name}"' for name in list(document)[:12]) or "none"
            raise RejectedUploadError(
                f"the JSON gives no {field} ({' or '.join(repr(n) for n in names)}); its fields are {given}",
                fix=f'put the article\'s {field} under "{names[0]}"',
            )


def field_text(value: str, field: str, separator: str) -> str:
    """A body or summary (or a WordPress post's title, HTML as the site shows it) as text: HTML (html_text.as_markup)
    goes through the HTML extractor, as an HTML page's body does, which decodes its entities; other text only has its
    entities decoded (once, like every other field).

    In HTML, `<` before anything but an HTML element's tag, a comment or a doctype is text (`vector<int>`,
    `<editor@somanet.example>`, `<Kerry>`: the extractor would drop them as unknown tags). Blank lines, which HTML
    reads as spaces, separate paragraphs unless the field is HTML that marks its paragraphs itself: it starts with
    markup and holds a block element (`<p>`, `<div>`, `<li>`...). So text with inline markup anywhere (WordPress
    classic's `<strong>SOCHI</strong> - Kerry met...`, a leading `<img>` or `<!-- more -->`) keeps its paragraphs.
    Each blank line becomes a `<br>` in the markup, which is parsed whole: a blank line inside a `<script>`, a
    comment or an attribute cuts nothing open."""
    markup = as_markup(value, field)
    if markup is None and field == "body" and is_markdown(value):
        from archive_search.parsing.markdown_upload import markdown_paragraphs  # it imports this module

        paragraphs = markdown_paragraphs(value, f"the {field}")
        if paragraphs is not None:
            return separator.join(paragraphs)
    if markup is None:
        return _without_ad_labels(unescape_entities(value)) if field == "body" else unescape_entities(value)
    leads = markup.lstrip(" \t\r\n\ufeff\u200b").startswith("<")
    if not (leads and _BLOCK_ELEMENT.search(markup)):
        markup = _BLANK_LINE.sub("\n<br>\n", markup)
    return separator.join(fragment_paragraphs(markup, f"the {field}"))


def _without_ad_labels(text: str) -> str:
    """A text body without its paragraphs that say only what an ad slot's label says (furniture_lines.is_ad_label:
    `Advertisement`, `Continue reading the main story`), as an HTML or Markdown body is read (session 52: they
    stayed in a text body, and a body of nothing else was published)."""
    blocks = _PARAGRAPH_BREAK.split(text)
    kept = [block for block in blocks if not is_ad_label(normalise_space(block))]
    return "\n\n".join(kept) if len(kept) < len(blocks) else text


def is_markdown(text: str) -> bool:
    """Whether a text body is unmistakably Markdown, as a headless CMS stores it (session 51: `## 1. Income tax`,
    `**frozen**`, `[full statement](https://…)` and `![Chart](chart.png)` were published as written): it writes at
    least two of Markdown's constructs (MARKDOWN_CONSTRUCTS), each whole as Markdown writes it. One asterisk, a
    `#hashtag`, a `[sic]` or a dash list alone is prose and stays as written."""
    return sum(1 for construct in MARKDOWN_CONSTRUCTS if construct.search(text)) >= 2


# What Markdown writes and prose does not: an ATX heading (`## Income tax`: a paragraph of its own, its first word
# capitalised or a number, no `: 5,120` at its end; since the session's review, when `# of votes cast: 5,120` under
# a line of text was a heading and lost its `#`); strong emphasis
# (`**frozen**`, `__frozen__`, not across a line); a link to an address (`[text](https://…)`, `(/path)`, `(#id)`);
# an image (`![alt](src)`); a list of two items or more (`* one` / `* two`, `1. one` / `2. two`); a fenced code
# block (two fence lines).
MARKDOWN_CONSTRUCTS = (
    re.compile(
        r"(?:\A|\n[ \t]*+\n)#{1,6}[ \t]++(?![a-z])(?![^\n]*:[ \t]*+[\d.,]++%?[ \t]*+(?:\n|\Z))[^\s#][^\n]*+"
        r"(?:\n[ \t]*+\n|\n?[ \t]*+\Z)"
    ),
    re.compile(
        r"(?<![\w*])\*\*(?=[^\s*])[^*\n]++(?<=\S)\*\*(?![\w*])|(?<![\w_])__(?=[^\s_])[^_\n]++(?<=\S)__(?![\w_])"
    ),
    re.compile(r"""(?<!!)\[[^\[\]\n]++\]\((?:https?://|mailto:|/|#)[^\s()]*+(?:[ \t]++"[^"\n]*+")?\)"""),
    re.compile(r"""!\[[^\[\]\n]*+\]\([^\s()]++(?:[ \t]++"[^"\n]*+")?\)"""),
    re.compile(
        r"^[ \t]{0,3}+([*+-]|\d{1,9}[.)])[ \t]++\S[^\n]*+\n[ \t]{0,3}+(?:[*+-]|\d{1,9}[.)])[ \t]++\S", re.MULTILINE
    ),
    re.compile(r"^[ \t]{0,3}+```[^\n]*+\n(?:[^\n]*+\n)*?[ \t]{0,3}+```[ \t]*+$", re.MULTILINE),
)


def _folded_names(document: dict[str, Any]) -> dict[str, Any]:
    """The object's names in lower case; RejectedUploadError for two that differ only in their capitals."""
    folded: dict[str, Any] = {}
    given: dict[str, str] = {}
    for name, value in document.items():
        key = name.strip().lower()
        if key in given:
            raise RejectedUploadError(
                f"the JSON gives {given[key]!r} and {name!r}, one name whatever its capitals, and only one value "
                "can be kept",
                fix=f'keep one "{key}"',
            )
        given[key] = name
        folded[key] = value
    return folded


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; RejectedUploadError for a name given twice (json.loads would keep the last silently)."""
    seen: set[str] = set()
    for name, _ in pairs:
        if name in seen:
            raise RejectedUploadError(
                f"the JSON gives {name!r} twice in one object, and only one value can be kept",
                fix=f'keep one "{name}"',
            )
        seen.add(name)
    return dict(pairs)


def _json_type(value: object) -> str:
    """What a JSON value is, in an editor's words, with its article: "an object", "a list"."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"
