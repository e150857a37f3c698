"""Markdown uploads with YAML front matter: the metadata from the front matter, the body rendered to plain text.

    ---
    title: Kerry to meet Putin
    author: Estera Popowska
    published: 2015-05-12
    tags: [russia, usa]
    ---
    In what would mark the first visit ...

Without a title in the front matter, a leading `# Heading` is the title. PyYAML (safe loader) reads the front
matter; markdown-it-py renders the Markdown to HTML, and the HTML text extractor turns that into paragraphs, so
raw HTML inside Markdown (a <script>, an entity) is treated exactly as in an HTML upload. Both are imported
lazily, when the first Markdown upload arrives.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.bylines import without_leading_furniture
from archive_search.parsing.html_text import fragment_paragraphs
from archive_search.parsing.text import decode, normalise_space
from archive_search.parsing.validate import MAX_BODY_CHARS

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)
_OPENING = re.compile(r"\A---[ \t]*\n")
MAX_FRONT_MATTER_CHARS = 64 * 1024
# Front-matter keys we read, with the names static-site generators also use for them.
FIELD_NAMES = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date", "pubdate", "publishdate", "published_at"),
    "section": ("section", "category", "categories"),
    "summary": ("summary", "description", "excerpt"),
    "url": ("url",),
}
TAG_NAMES = ("tags", "keywords")


def split_front_matter(text: str) -> tuple[str | None, str]:
    """The YAML between the leading `---` lines (None if there is none), and the Markdown after it."""
    text = text.lstrip("\n")
    match = _FRONT_MATTER.match(text)
    if match:
        return match.group("yaml"), text[match.end() :]
    if _OPENING.match(text):
        raise RejectedUploadError(
            "the front matter that starts with --- on the first line is not closed",
            fix="end the front matter with a line of three dashes (---) before the article's text",
        )
    return None, text


def load_front_matter(source: str) -> dict[str, Any]:
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise RejectedUploadError(
            f"the front matter is longer than {MAX_FRONT_MATTER_CHARS} characters", fix="keep only the metadata there"
        )
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        document = yaml.load(source, Loader=loader)  # noqa: S506 - a safe loader: no Python objects are built
    except yaml.MarkedYAMLError as exc:
        line = f" at line {exc.problem_mark.line + 2}" if exc.problem_mark is not None else ""
        raise RejectedUploadError(
            f"the front matter is not valid YAML: {exc.problem or exc.context}{line}",
            fix="check the front matter's syntax: one `name: value` per line, quotes around values with colons",
        ) from None
    except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise assorted errors (a date like 2015-13-45)
        raise RejectedUploadError(
            f"the front matter has a value that cannot be read ({type(exc).__name__}: {str(exc)[:200]})",
            fix="check the dates and quote values that are text",
        ) from None
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise RejectedUploadError(
            f"the front matter must be a list of `name: value` lines, not a {_kind(document)}",
            fix="write the front matter as `title: ...` lines between two --- lines",
        )
    return {str(key).strip().lower(): value for key, value in document.items()}


def parse_markdown(data: bytes) -> ParsedUpload:
    text = decode(data)
    if len(text) > MAX_BODY_CHARS:
        # Rendering is pure Python (about 10 s a megabyte): refuse what could not pass validation anyway.
        raise RejectedUploadError(
            f"the Markdown file is {len(text)} characters long, above the {MAX_BODY_CHARS} an article may have",
            fix="split the article",
        )
    front_source, markdown = split_front_matter(text)
    front = load_front_matter(front_source) if front_source is not None else {}

    fields: dict[str, str] = {}
    for field, names in FIELD_NAMES.items():
        value = next((front[name] for name in names if front.get(name) is not None), None)
        if value is not None:
            fields[field] = _text(field, value)

    tokens = _render_tokens(markdown)
    heading = _leading_heading(tokens)
    title = fields.pop("title", "") or heading
    if heading and heading.casefold() == title.casefold():
        tokens = tokens[3:]  # heading_open, inline, heading_close
    paragraphs, byline = without_leading_furniture(fragment_paragraphs(_render(tokens)), title)
    if not title:
        raise RejectedUploadError(
            "the Markdown file has no title",
            fix="add `title: ...` to the front matter (between two --- lines) or start with a `# Title` line",
        )
    author = fields.pop("author", None) or byline
    return ParsedUpload(
        title=title,
        body="\n\n".join(paragraphs),
        source_format="markdown",
        author=author,
        tags=_tags(front),
        **fields,
    )


def _text(field: str, value: object) -> str:
    """A front-matter value as text: YAML reads `2015-05-12` as a date and `1984` as a number."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and field != "published":
        return str(value)
    if isinstance(value, list) and field in ("author", "section") and all(isinstance(v, str) for v in value):
        return ", ".join(value) if field == "author" else (value[0] if value else "")
    raise RejectedUploadError(
        f"{field} in the front matter must be text, not a {_kind(value)}",
        fix=f"write {field}: followed by text (quote it if it looks like a number or yes/no)",
    )


def _tags(front: dict[str, Any]) -> tuple[str, ...]:
    value = next((front[name] for name in TAG_NAMES if front.get(name) is not None), None)
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    scalars = (str, int, float)
    if isinstance(value, list) and all(isinstance(v, scalars) and not isinstance(v, bool) for v in value):
        return tuple(str(v) for v in value)
    raise RejectedUploadError("tags in the front matter must be a list of words", fix="write tags: [politics, usa]")


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "yes/no value"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "set of name: value pairs"
    return type(value).__name__


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _render_tokens(markdown: str) -> list[Token]:
    try:
        return _markdown().parse(markdown)
    except Exception as exc:  # noqa: BLE001 - third-party parser: whatever it raises, the Markdown is unreadable
        raise RejectedUploadError(
            f"the Markdown could not be read ({type(exc).__name__})", fix="check the file is Markdown text"
        ) from None


def _render(tokens: list[Token]) -> str:
    md = _markdown()
    try:
        return str(md.renderer.render(tokens, md.options, {}))
    except Exception as exc:  # noqa: BLE001 - third-party renderer, as above
        raise RejectedUploadError(
            f"the Markdown could not be rendered ({type(exc).__name__})", fix="check the file is Markdown text"
        ) from None


def _leading_heading(tokens: list[Token]) -> str:
    """The text of a `# Heading` that opens the document, or ""."""
    if len(tokens) < 3 or tokens[0].type != "heading_open" or tokens[0].tag != "h1":
        return ""
    return normalise_space(" ".join(fragment_paragraphs(_render(tokens[:3]))))
