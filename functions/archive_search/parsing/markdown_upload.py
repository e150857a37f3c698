"""Markdown uploads with YAML front matter: the metadata from the front matter, the body rendered to plain text.

    ---
    title: Kerry to meet Putin
    author: Estera Popowska
    published: 2015-05-12
    tags: [russia, usa]
    ---
    In what would mark the first visit ...

Without a title in the front matter, a leading `# Heading` is the title, or an exporter's headline written as an HTML
`<h1>` line (_leading_heading); a `## Heading` is a section heading, never the title. PyYAML reads the front matter
with every value kept as written (front_matter.py); entities in its values are decoded once, as in every format.
markdown-it-py renders the Markdown to HTML, and the HTML text extractor turns that into paragraphs, so raw HTML
inside Markdown (a <script>, an entity) is treated exactly as in an HTML upload. Both are imported lazily, when the
first Markdown upload arrives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache
from html import escape
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.bylines import (
    byline_name,
    declared_names,
    joined_authors,
    without_by,
    without_leading_furniture,
)
from archive_search.parsing.error_pages import refuse_redirect
from archive_search.parsing.front_matter import kind_of, load_front_matter, split_front_matter, yaml_tag
from archive_search.parsing.html_text import NOT_A_TAG, as_markup, fragment_paragraphs
from archive_search.parsing.json_upload import field_text
from archive_search.parsing.template_tags import KRAMDOWN_TOC, TOC_MARKERS, resolve_template_tags, template_tag
from archive_search.parsing.text import (
    FIELD_NAMES,
    TAG_NAMES,
    decode,
    list_items,
    normalise_space,
    numeric_reference,
    one_of,
    publishable,
    refuse_one_line_file,
    section_and_tags,
    unescape_entities,
    written_sections,
)
from archive_search.parsing.validate import (
    MAX_BODY_CHARS,
    MAX_SUMMARY_CHARS,
    date_line_problem,
    parse_date,
    publication_date,
    without_controls,
)

INLINE_MARKUP = "[]*_`<~"
MAX_INLINE_MARKUP = 20_000
# Each `|` may start a table cell: a 980 KB table of 485,000 cells took 18 s and 950 MB to parse, past the ingest
# function's memory, and 20,000 cells 4.5 s; a news table has a few hundred.
MAX_TABLE_MARKS = 5_000
# Every line is work for the block parser: 245,000 one-line headings took 6.5 s and 500 MB, 490,000 one-letter lines
# 8 s; a long read has a few hundred lines.
MAX_MARKDOWN_LINES = 50_000
# markdown-it's CommonMark preset stops at 20 levels of block quotes and lists (a list level counts twice: the list
# and its item) and silently skips everything after; 100 is its default preset's limit. Block tokens stay bounded by
# the text's length whatever the limit; an inline scan per mark grows with it (20,000 `[a` take about 1.8 s, 0.3 s
# at 20), still below what an ordinary megabyte of Markdown costs (about 10 s).
MAX_NESTING = 100
# A heading's attributes, `# Kerry meets Putin {#kerry .lead}`: Hugo, Pandoc and kramdown read them as the heading's
# id and classes and show none of it; CommonMark leaves them in the text, so the title ended in `{#kerry}`.
_ATTRIBUTE = r"""(?:[#.][\w-]++|[\w-]++=(?:"[^"]*+"|'[^']*+'|[^\s{}"']++))"""
# Possessive and anchored at a run of blanks' start: linear on a long heading (backtracking took 157 s on 200 KB).
_HEADING_ATTRIBUTES = re.compile(rf"(?<![ \t])[ \t]*+\{{[ \t]*+{_ATTRIBUTE}(?:[ \t]++{_ATTRIBUTE})*+[ \t]*+\}}[ \t]*+$")
# Marks that are text where CommonMark reads emphasis, and the emphasis would change a number, an identifier or a
# censored word (session 51's review for a JSON body; since session 52 for every Markdown, one markdown-it inline rule
# (_text_marks), so code spans, code blocks and raw HTML keep them as written): a run of asterisks between two digits
# (`2*3*4 points` showed as `234 points`, `2**10` as `210`); a single asterisk between two letters or digits when no
# other asterisk stands in the same word (`f*ck this s*it`, `2*x + 3*y`, `Bürger*innen`, `E*Trade`), as a pair
# within a word is emphasis, as CommonMark reads it (`un*frigging*believable`, CJK's `这是*重要*的决定`: session 52's
# review); and the underscores of a Python special name (_PYTHON_NAMES; `__init__`, `__main__`, which became a strong
# `init`) or of any `__name__` written as code: called (`__foo__(`), a file or an attribute path (`__foo__.py`,
# `x.__foo__`). `**bold**`, `*really*`, `__not__`, `__strongly__` and `_private_` are emphasis, as CommonMark reads
# them; `snake_case` is text to CommonMark already.
_TEXT_MARKS = re.compile(
    r"(?P<digits>(?<=\d)\*++(?=\d))|(?<=[^\W_])\*(?=[^\W_])|(?<!\w)__(?P<name>[a-z][a-z\d_]*?)__(?!\w)"
)


def _python_names() -> frozenset[str]:
    """The names of Python's data model, read from Python itself (the attributes of its built-in types, exceptions,
    functions, modules and abstract base classes, about 130), with the module-level names no type lists (`__main__`,
    `__file__`, `__all__`, `__version__`...). Left out on purpose: `__and__` and `__or__`, written `__and__` as bold
    in prose far more often than as the operator methods; `__not__` is no data-model name (the operator module's), and
    is emphasis. Computed once at import, in well under a millisecond."""
    import collections.abc
    import contextlib
    import types

    kinds = [
        *(object, type, int, float, complex, bool, str, bytes, list, tuple, dict, set, frozenset, range, slice),
        *(property, BaseException, types.FunctionType, types.ModuleType),
        *(contextlib.AbstractContextManager, contextlib.AbstractAsyncContextManager),
        *(getattr(collections.abc, name) for name in collections.abc.__all__),
    ]
    names = {name[2:-2] for kind in kinds for name in dir(kind) if name.startswith("__") and name.endswith("__")}
    names |= {
        *("main", "file", "all", "version", "path", "package", "spec", "loader", "cached", "future", "pycache"),
        *("post_init", "missing", "getattr", "length_hint", "fspath", "copy", "deepcopy", "match_args", "debug"),
        *("mro_entries", "import", "author", "matmul", "rmatmul", "imatmul", "wrapped", "self", "func", "notes"),
    }
    return frozenset(names - {"and", "or"})


_PYTHON_NAMES = _python_names()
_ATTRIBUTE_PATH = re.compile(r"\.[^\W\d]")
# A headline written as HTML on the Markdown's first line (`<h1>Budget approved</h1>`): an HTML block's start.
_HTML_HEADLINE = re.compile(
    r"\A[ \t]*+<h1(?:[ \t\n][^>]*+)?>.*?</h1[ \t\n]*+>[ \t]*+(?:\n|\Z)", re.IGNORECASE | re.DOTALL
)
# The block nesting level (a list counts twice) from which a Pandoc fenced div's fence is text.
MAX_DIV_LEVEL = 10
# What follows a Pandoc fenced div's colons: its attributes in braces (`{#budget .note lang=fr}`), optionally then more
# colons, or one class word (`Warning`) and nothing after it: `::: UPDATE :::` and `::: 2024 :::` are marker lines
# of text (session 52's review). A fence opens a div only when its closing fence follows (_closed_div).
# An admonition's first line as Python-Markdown's extension reads it: `!!!` (or pymdownx.details' `???`, `???+`),
# its type's words, and a title in quotes if any (`!!! note`, `!!! warning "Editor's note"`, `!!! note ""`).
# A CommonMark ATX heading's start: one to six `#`, then a space, a tab or the line's end (`#hashtag` is text).
_ATX_HEADING_START = re.compile(r"#{1,6}(?:[ \t\n]|\Z)")
_ADMONITION = re.compile(r'(?:!!!|\?\?\?\+?)[ \t]?[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"[^"\n]*")?[ \t]*')
_DIV_ATTRIBUTES = re.compile(
    rf"[ \t]*+(?:\{{[ \t]*+{_ATTRIBUTE}(?:[ \t]++{_ATTRIBUTE})*+[ \t]*+\}}[ \t]*+(?::++[ \t]*+)?|[\w-]++[ \t]*+)"
)
# Block containers whose content markdown-it parses one level deeper, and skips once that reaches MAX_NESTING.
_CONTAINERS = frozenset({"blockquote_open", "list_item_open", "alert_open", "admonition_open"})

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token


def parse_markdown(data: bytes, *, jekyll_post: bool = False) -> ParsedUpload:
    """A Markdown upload as an article. `jekyll_post`: its path shows it is a Jekyll post (site_generators.
    is_jekyll_post), which, like a `layout:` in its front matter, lets `categories: politics local` be Jekyll's
    list written with spaces (text.written_sections)."""
    text = decode(data)
    if len(text) > MAX_BODY_CHARS:
        # Rendering is pure Python (about 10 s a megabyte): refuse what could not pass validation anyway.
        raise RejectedUploadError(
            f"the Markdown file is {len(text):,} characters long, above the {MAX_BODY_CHARS:,} characters an article"
            " may have",
            fix="split the article",
        )
    front_source, markdown = split_front_matter(text)
    if front_source is None and not _ATX_HEADING_START.match(markdown.lstrip()):
        # No front matter and no heading (`#hashtag` is none): a file of one line can hold no title (and the title
        # no body).
        expected = "a Markdown article is a `# Title` line (or front matter between two --- lines), then its body"
        refuse_one_line_file(markdown, "the Markdown file", expected)
    markdown = markdown.replace("\u2029", "\n\n")  # a paragraph separator ends a paragraph, as in every body
    markup = sum(markdown.count(char) for char in INLINE_MARKUP)
    if markup > MAX_INLINE_MARKUP:
        # Each of these makes the pure-Python inline parser scan for its closing half (900 KB of `[` took 9 s
        # of CPU); a real article has a few hundred. Bounding their number bounds the parse's time.
        raise RejectedUploadError(
            f"the Markdown holds {markup:,} link, emphasis and code marks ({INLINE_MARKUP}),"
            f" above {MAX_INLINE_MARKUP:,}",
            fix="upload the text as .txt, or escape the marks that are not formatting",
        )
    if (lines := markdown.count("\n")) > MAX_MARKDOWN_LINES:
        raise RejectedUploadError(
            f"the Markdown holds {lines:,} lines, above {MAX_MARKDOWN_LINES:,}",
            fix="join the lines of each paragraph, or upload the text as .txt",
        )
    if (pipes := markdown.count("|")) > MAX_TABLE_MARKS:
        raise RejectedUploadError(
            f"the Markdown holds {pipes:,} table marks (|), above {MAX_TABLE_MARKS:,}",
            fix="split the table, or upload it as .txt",
        )
    front = load_front_matter(front_source) if front_source is not None else {}
    front = publishable(front, "the front matter")

    fields: dict[str, str] = {}
    more_sections: tuple[str, ...] = ()
    # Jekyll's space-separated categories are read only in a file that shows it is a Jekyll post (session 52's
    # review: `categories: higher education`, `new york` in other files were cut in two)
    jekyll = jekyll_post or "layout" in front
    for field, names in FIELD_NAMES.items():
        if field == "published":
            key, value = publication_date(front, "the front matter", _KEEP_ONE) or (field, None)
        else:
            value = _one_of(front, names)
            key = next((name for name in names if front.get(name) is not None), field)
        if field == "section" and (sections := written_sections(value, key, jekyll=jekyll)) is not None:
            section, more_sections = section_and_tags(sections)
            if section is not None:
                fields[field] = section
        elif value is not None:
            fields[field] = _text(field, key, value)

    tokens = _render_tokens(markdown)
    declared = fields.pop("title", "")
    heading, after_heading = _leading_heading(tokens, repeated=bool(declared))
    title = declared or heading
    if heading and heading.casefold() == title.casefold():
        tokens = after_heading
    # A date line that names no day (`31 April 2015`, `03/04/2015`) is refused rather than kept as the first paragraph.
    paragraphs, byline, dateline = without_leading_furniture(
        fragment_paragraphs(_render(tokens), "the Markdown"),
        title,
        fields.get("author"),
        published=fields.get("published"),
        refuse_unreadable_dates=True,
    )
    if front_source is None and (style := _other_metadata(markdown)) is not None:
        # Read as text, its lines were the first paragraph and the title was "not there" (session 51's attacker)
        raise RejectedUploadError(
            f"the Markdown starts with {style}, which is not front matter",
            fix="put the title, author and date between two --- lines as YAML (title: ...), and upload it again",
        )
    if (target := _redirect_to(front)) is not None:
        # Reason and limits as an HTML redirect stub's: a body of a stub's own words ("This post has moved") or none
        refuse_redirect(title, "", paragraphs, target, redirects=True)
    if not title:
        raise _no_title(tokens)
    author = fields.pop("author", None) or byline
    if dateline is not None:  # only when no other date is declared, or the same day
        fields.setdefault("published", dateline)
    return ParsedUpload(
        title=title,
        body="\n\n".join(paragraphs),
        source_format="markdown",
        author=author,
        tags=_tags(front) + more_sections,  # an article has one section: the others are kept as its tags
        **fields,
    )


def _redirect_to(front: dict[str, Any]) -> str | None:
    """The address a `redirect_to:` front matter key sends the page's readers to (jekyll-redirect-from's: a string,
    or a list whose first address it uses), or None. Such a page shows no text of its own, only the redirect;
    `redirect_from:` lists a real post's old addresses and is no stub."""
    value = front.get("redirect_to")
    if isinstance(value, list) and value:
        value = value[0]
    return value.strip() or None if isinstance(value, str) else None


# Metadata other tools write at the top of a Markdown file: Pelican's and MultiMarkdown's `Title: ...` lines, Pandoc's
# `% title` block.
_KEY_VALUE_TITLE = re.compile(r"\A\ufeff?[ \t]*title[ \t]*:[ \t]*\S", re.IGNORECASE)
_PANDOC_TITLE = re.compile(r"\A\ufeff?%[ \t]+\S")


def _other_metadata(markdown: str) -> str | None:
    """The metadata style a Markdown file without front matter starts with, named for its report: Pelican's or
    MultiMarkdown's `Title:` lines, Pandoc's `% title` block; None for any other start."""
    if _KEY_VALUE_TITLE.match(markdown):
        return "Pelican or MultiMarkdown metadata lines (Title: ...)"
    if _PANDOC_TITLE.match(markdown):
        return "a Pandoc title block (% title)"
    return None


def markdown_paragraphs(markdown: str, where: str) -> list[str] | None:
    """The paragraphs of a Markdown text field (a JSON body json_upload.is_markdown finds Markdown), or None when it
    is past a limit a Markdown upload is rejected for (MAX_INLINE_MARKUP...): it is then kept as written."""
    markup = sum(markdown.count(char) for char in INLINE_MARKUP)
    if (
        markup > MAX_INLINE_MARKUP
        or markdown.count("\n") > MAX_MARKDOWN_LINES
        or markdown.count("|") > MAX_TABLE_MARKS
        or len(markdown) > MAX_BODY_CHARS
    ):
        return None
    return fragment_paragraphs(_render(_render_tokens(markdown.replace("\u2029", "\n\n"))), where)


def _text(field: str, key: str, value: object) -> str:
    """A front-matter value as text, exactly as written (the loader keeps every scalar a string); a summary's markup
    read as a JSON upload's is (json_upload.field_text), not kept as literal tags; a title's is kept as written, as a
    JSON title's is. `key` is the name the front matter gives the field under (`date` for published), for the
    report."""
    if isinstance(value, str) and field == "author":
        return without_by(unescape_entities(value))
    if isinstance(value, str):
        return _summary(value) if field == "summary" else unescape_entities(value)
    if field == "author" and (names := declared_names(value)) is not None:
        return joined_authors([without_by(unescape_entities(v)) for v in names])
    raise _not_text(key, value, f"write {key}: followed by text")


def _summary(value: str) -> str:
    """A front-matter summary as text: HTML read as a JSON summary's is (json_upload.field_text); other text read as
    Markdown's inline syntax, as Hugo renders a summary (session 53's attacker: `**Kerry** meets [Putin](…)` was
    published as written). Not its block syntax: a summary is one paragraph, and `1. The year` or `# of votes` in it
    stays as written. A summary past the limits a Markdown body is read within is kept as written too, and so is one
    holding a backslash: in a one-line summary it is a path's (`C:\\Users\\press\\*.doc`) far more often than
    Markdown's escape, which would drop it (session 53's review)."""
    if as_markup(value, "summary") is not None or len(value) > MAX_SUMMARY_CHARS or "\\" in value:
        return field_text(value, "summary", " ")
    if sum(value.count(char) for char in INLINE_MARKUP) > MAX_INLINE_MARKUP:
        return field_text(value, "summary", " ")
    markup = _markdown().renderInline(without_controls(value))
    return " ".join(fragment_paragraphs(markup, "the summary"))


def _not_text(key: str, value: object, fix: str) -> RejectedUploadError:
    """The rejection of a front-matter value that is not text, in an editor's words: a value a YAML tag made a date
    or binary data names the tag to remove (session 52: "must be text, not a bytes")."""
    wanted = "text"
    tag = yaml_tag(value)
    if tag is None:
        return RejectedUploadError(f"{key} in the front matter must be {wanted}, not {kind_of(value)}", fix=fix)
    example = f", for example {key}: {value.isoformat()}" if isinstance(value, date) else ""
    return RejectedUploadError(
        f"{key} in the front matter is written with the YAML tag {tag}, which makes it {kind_of(value)} "
        f"where {wanted} is read",
        fix=f"remove {tag} and write the value as {wanted}{example}",
    )


_KEEP_ONE = "keep one of the {0}: and {1}: lines"


def _one_of(front: dict[str, Any], names: tuple[str, ...]) -> object:
    return one_of(front, names, "the front matter", _KEEP_ONE)


def _tags(front: dict[str, Any]) -> tuple[str, ...]:
    value = _one_of(front, TAG_NAMES)
    key = next((name for name in TAG_NAMES if front.get(name) is not None), "tags")
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(list_items(unescape_entities(value), "tags"))
    if isinstance(value, list) and None in value:
        raise RejectedUploadError(
            "tags in the front matter hold an empty item (nothing, ~ or null), which is no tag",
            fix='remove the empty item, or quote it if it is the word: tags: [politics, "null"]',
        )
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(unescape_entities(v).strip() for v in value if v.strip())
    # A YAML tag on the value or on one of its items (`tags: !!set {a, b}`, `[!!int 5, usa]`) is named.
    tagged = next((v for v in (value if isinstance(value, list) else [value]) if yaml_tag(v) is not None), None)
    if tagged is not None:
        raise _not_text(key, tagged, f"write {key}: [politics, usa]")
    raise RejectedUploadError(f"{key} in the front matter must be a list of words", fix=f"write {key}: [politics, usa]")


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import blockquote as block_quote
    from markdown_it.rules_block import html_block
    from markdown_it.rules_inline import entity as named_entity
    from markdown_it.rules_inline import html_inline
    from mdit_py_plugins.admon import admon_plugin
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    # Footnotes (`text.[^1]` and a `[^1]: Reuters` line), as Hugo, Jekyll, Pandoc and Python-Markdown read them:
    # CommonMark reads the note as a link reference definition, which shows nothing, and the marker as `^1`, so a
    # note of one word or a URL was lost (session 51). Pandoc's inline notes (`^[...]`) stay text, as before.
    footnote_plugin(md, inline=False)
    md.core.ruler.before("footnote_tail", "every_footnote", _keep_unreferenced_notes)
    for rule in ("footnote_block_open", "footnote_block_close", "footnote_anchor"):
        md.add_render_rule(rule, _render_nothing)
    md.add_render_rule("footnote_ref", _render_footnote_marker)
    md.core.ruler.after("footnote_tail", "number_notes", _number_notes)
    md.add_render_rule("footnote_open", _render_note_open)
    md.add_render_rule("footnote_close", lambda *_: "</div>")
    # Pandoc's fenced divs (`::: {.note}` … `:::`, `::: Warning`): the text they wrap, without their fences and
    # attributes, which CommonMark showed as text (session 52). An element of no class: a class is the site's styling.
    container_plugin(md, "div", validate=lambda params, *_: _DIV_ATTRIBUTES.fullmatch(params) is not None)
    fenced_div = md.block.ruler.getRules("")[md.block.ruler.get_active_rules().index("container_div")]

    # Each div searches the rest of its parent for its closing fence: bounded in depth, 48 unclosed ones over 49,000
    # lines of colons took 16 s (a div opened deeper is text).
    # And a fence opens a div only when its closing fence follows in the parent (session 52's review: an unclosed
    # `::: UPDATE` took the rest of the file for a div, and the line its text).
    def bounded_div(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.level >= MAX_DIV_LEVEL or not fenced_div(state, start, end, True):
            return False
        return _closed_div(state, start, end) and bool(fenced_div(state, start, end, silent))

    md.block.ruler.at("container_div", bounded_div, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.add_render_rule("container_div_open", lambda *_: "<div>")
    md.add_render_rule("container_div_close", lambda *_: "</div>")

    # GitHub's alerts (`> [!NOTE]`) and Python-Markdown's (MkDocs') admonitions (`!!! note "Editor's note"` over
    # indented text): their text, without the marker, which CommonMark showed as text (session 54's attacker). The
    # label the site writes over an alert or an untitled admonition (`Note`) is no text of the story: it goes; an
    # admonition's own title stays, a paragraph over its text. markdown-it reads the alerts, mdit-py-plugins the
    # admonitions, only those written as Python-Markdown's extension defines them (_ADMONITION) over indented text.
    md.options["alerts"] = True
    admon_plugin(md)
    # The plugin's rule, by its name: the ruler's chains list functions only, in an order of their own.
    admonition = next(rule.fn for rule in md.block.ruler.__rules__ if rule.name == "admonition")

    def written_admonition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        """The plugin's admonition, only where its marker line is Python-Markdown's (_ADMONITION) over indented
        text (_indented_below)."""
        first = state.bMarks[start] + state.tShift[start]
        return (
            _ADMONITION.fullmatch(state.src, first, state.eMarks[start]) is not None
            and _indented_below(state, start, end)
            and bool(admonition(state, start, end, silent))
        )

    md.block.ruler.at("admonition", written_admonition, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.core.ruler.after("block", "callout_labels", _without_callout_labels)
    for kind in ("alert", "admonition"):
        md.add_render_rule(f"{kind}_open", lambda *_: "<div>")
        md.add_render_rule(f"{kind}_close", lambda *_: "</div>")
    md.add_render_rule("admonition_title_open", lambda *_: "<p>")
    md.add_render_rule("admonition_title_close", lambda *_: "</p>")

    # Raw HTML is only what HTML has (html_text.NOT_A_TAG, the rule for a JSON body too): CommonMark takes any
    # `<word>` for a tag, and the HTML extractor then drops `Optional<String>`, `vector<int>` or "Dear <name>,".
    def inline_html(state: StateInline, silent: bool) -> bool:
        return NOT_A_TAG.match(state.src, state.pos) is None and html_inline(state, silent)

    def block_html(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        first = state.bMarks[start] + state.tShift[start]
        return NOT_A_TAG.match(state.src, first) is None and html_block(state, start, end, silent)

    # Numeric references as every other format reads them (text.numeric_reference): markdown-it makes `&#146;`
    # (Windows-1252's apostrophe, as browsers read it) and an emoji written as two surrogate halves U+FFFD.
    def entity(state: StateInline, silent: bool) -> bool:
        numeric = numeric_reference(state.src, state.pos)
        if numeric is None:
            return named_entity(state, silent)
        character, end = numeric
        if not silent:
            token = state.push("text_special", "", 0)
            token.content, token.markup, token.info = character, state.src[state.pos : end], "entity"
        state.pos = end
        return True

    md.inline.ruler.at("entity", entity)
    md.inline.ruler.before("emphasis", "text_marks", _text_marks)
    # A static-site generator's template markup (Hugo shortcodes, Liquid tags, WordPress's media shortcodes, kramdown
    # attribute lists) as the site shows it: template_tags. After code spans, which keep it as written.
    md.inline.ruler.before("strikethrough", "template_tag", template_tag)
    md.core.ruler.after("inline", "template_tags", resolve_template_tags)
    md.core.ruler.after("template_tags", "list_delimiters", _keep_list_delimiters)
    md.core.ruler.after("block", "markdown_in_html", _markdown_in_html)
    md.inline.ruler.at("html_inline", inline_html)
    md.block.ruler.at("html_block", block_html, {"alt": ["paragraph", "reference", "blockquote"]})

    # A Hugo shortcode's `>}}` closing it on a line of its own (one attribute a line) is no block quote: it ends the
    # shortcode the paragraph holds (template_tags).
    def blockquote(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        first = state.bMarks[start] + state.tShift[start]
        return not state.src.startswith(">}}", first) and block_quote(state, start, end, silent)

    md.block.ruler.at("blockquote", blockquote, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    return md


def _indented_below(state: StateBlock, start: int, end: int) -> bool:
    """Whether the first line below `start` that is not blank is indented by four spaces or more, as an admonition's
    text is (Python-Markdown's extension): `!!! Breaking news` over a paragraph is no admonition."""
    below = next((line for line in range(start + 1, end) if not state.isEmpty(line)), None)
    return below is not None and state.sCount[below] >= state.blkIndent + 4


def _without_callout_labels(state: StateCore) -> None:
    """Leaves out the label over each alert (`Note` of `> [!NOTE]`) and over each admonition without a title of its
    own (`!!! note`), which the site writes, not the author (_markdown)."""
    tokens = state.tokens
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if token.type == "alert_open" or (token.type == "admonition_open" and '"' not in token.info):
            following = [title.type for title in tokens[at + 1 : at + 4]]
            if following[:1] in (["alert_title_open"], ["admonition_title_open"]):
                del tokens[at + 1 : at + 4]
        at += 1


def _closed_div(state: StateBlock, start: int, end: int) -> bool:
    """Whether the line `start`, a fence of colons, has a closing fence before `end` (a line of at least as many
    colons and nothing else), as the container plugin looks for it; a line indented less than the block ends the
    search, and one indented as code is no fence. The search's end is kept for the lines before it (state.env), so
    20,000 fences over one closing fence are read in linear time."""
    opening = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    colons = len(opening) - len(opening.lstrip(":"))
    searches = state.env.setdefault("div_fence_searches", {})
    key = (colons, end, state.blkIndent, state.parentType)
    if (known := searches.get(key)) is not None and known[0] <= start < known[1]:
        return bool(known[2])
    line, closed = start + 1, False
    while line < end:
        begin, finish = state.bMarks[line] + state.tShift[line], state.eMarks[line]
        if begin < finish and state.sCount[line] < state.blkIndent:
            break
        text = state.src[begin:finish].rstrip()
        if state.sCount[line] - state.blkIndent < 4 and len(text) >= colons and text.strip(":") == "":
            closed = True
            break
        line += 1
    searches[key] = (start, line, closed)
    return closed


# An HTML block that is a block element's opening tag on a line of its own, Markdown lines with no tag at their start,
# and the element's closing tag on a line of its own, or none (a blank line ends the block, and the closing tag is
# a block of its own further down).
_ELEMENTS = "div|section|aside|article|blockquote|center|figure|header|footer|main"
_MARKDOWN_IN_ELEMENT = re.compile(
    rf"(?P<open>[ \t]*+<(?P<tag>{_ELEMENTS})(?:[ \t][^<>\n]*+)?>[ \t]*+\n)"
    r"(?P<inner>(?:[ \t]*+[^\s<][^\n]*+(?:\n|\Z))++)(?P<close>[ \t]*+</(?P=tag)[ \t]*+>[ \t]*+\n?)?",
    re.IGNORECASE,
)
_PARAGRAPH_TOKENS = frozenset({"paragraph_open", "inline", "paragraph_close"})


def _markdown_in_html(state: StateCore) -> None:
    """markdown-it core rule: the Markdown lines inside a block element written on lines of its own (`<div
    class="note">` / `**Note:** the meeting is closed.` / `</div>`) are read as Markdown, as Pandoc reads them
    (markdown_in_html_blocks); CommonMark keeps the whole HTML block raw, and `**Note:**` was published with its
    asterisks (session 53's attacker). Only lines with no tag at their start: a block with HTML inside stays HTML.
    Only lines that make paragraphs alone: a line Markdown reads as a list item, a heading or a quote loses its
    mark (`+ 3 points for Kerry` / `- 2 points for Putin` in a score box: the signs are the text), and CommonMark
    keeps it as written, as before (session 53's review)."""
    tokens: list[Token] = []
    for token in state.tokens:
        found = _MARKDOWN_IN_ELEMENT.fullmatch(token.content) if token.type == "html_block" else None
        inner: list[Token] = []
        if found is not None:
            state.md.block.parse(found.group("inner"), state.md, state.env, inner)
        if found is None or any(part.type not in _PARAGRAPH_TOKENS for part in inner):
            tokens.append(token)
            continue
        closing = [token.copy(content=found.group("close"))] if found.group("close") else []
        tokens.extend([token.copy(content=found.group("open")), *inner, *closing])
    state.tokens = tokens


def _keep_list_delimiters(state: StateCore) -> None:
    """markdown-it core rule: each item of an ordered list written `1)` starts with its number as written, `1) Roads`,
    and the list is rendered unnumbered (`<ul>`): the HTML extractor numbers an `<ol>`'s items `1.` (session 52). The
    numbers are a browser's, from the list's start; an item without text shows none, as in an `<ol>`."""
    from markdown_it.token import Token

    tokens = state.tokens
    # From the end: an inner list's number goes in first, an outer one's before it (`1) 1) Roads`)
    for at in range(len(tokens) - 1, -1, -1):
        opening = tokens[at]
        if opening.type != "ordered_list_open" or opening.markup != ")":
            continue
        number = int(opening.attrs.pop("start", 1))
        opening.tag = "ul"
        item_level, end = opening.level + 1, at + 1
        while tokens[end].type != "ordered_list_close" or tokens[end].level != opening.level:
            if tokens[end].type == "list_item_open" and tokens[end].level == item_level:
                if (text := _item_text(tokens, end)) is not None:
                    marker = Token("text", "", 0)
                    marker.content = f"{number}) "
                    text.children = [marker, *(text.children or [])]
                number += 1
            end += 1
        tokens[end].tag = "ul"


def _item_text(tokens: list[Token], item: int) -> Token | None:
    """The first inline token of the list item opening at `item`, or None when it holds none (empty, or code)."""
    for at in range(item + 1, len(tokens)):
        token = tokens[at]
        if token.type == "inline":
            return token
        if token.type == "list_item_close" and token.level == tokens[item].level:
            return None
    return None


def _text_marks(state: StateInline, silent: bool) -> bool:
    """markdown-it inline rule: the marks _TEXT_MARKS finds at the position are text, not emphasis delimiters, unless
    they are an asterisk paired within its word or a `__name__` that is no Python name written as prose."""
    src = state.src
    found = _TEXT_MARKS.match(src, state.pos)
    if found is None:
        return False
    name = found.group("name")
    if name is not None:
        after = src[found.end() : found.end() + 2]
        as_code = src[found.start() - 1 : found.start()] == "." or after[:1] == "(" or _ATTRIBUTE_PATH.match(after)
        if name not in _PYTHON_NAMES and not as_code:
            return False
    elif found.group("digits") is None and _paired_in_word(src, found.start()):
        return False
    if not silent:
        state.pending += found.group()
    state.pos = found.end()
    return True


def _paired_in_word(src: str, at: int) -> bool:
    """Whether another asterisk stands in the word (the run of non-blanks) of the asterisk at `at`: with it, the pair
    is emphasis as CommonMark reads it (`un*frigging*believable`, `CO*2*`). The nearest asterisk each way is looked
    for, so a long word is read about twice."""
    for step, end in ((-1, -1), (1, len(src))):
        pos = at + step
        while pos != end and src[pos] != "*" and not src[pos].isspace():
            pos += step
        if pos != end and src[pos] == "*":
            return True
    return False


def _keep_unreferenced_notes(state: StateCore) -> None:
    """Keeps the notes no marker refers to, after the others: the plugin drops them, and their text with them. They
    show their label as written (`[^abc]: …`, which may be no note at all: a regular expression's `[^abc]`)."""
    footnotes = state.env.get("footnotes")
    if not footnotes:
        return
    notes = footnotes.setdefault("list", {})
    unreferenced = footnotes.setdefault("unreferenced", {})
    for key, number in footnotes.get("refs", {}).items():
        if number < 0:
            footnotes["refs"][key] = len(notes)
            unreferenced[len(notes)] = f"[^{key[1:]}]:"
            notes[len(notes)] = {"label": key[1:], "count": 0}


def _render_nothing(*_: object) -> str:
    return ""


def _render_footnote_marker(_renderer: object, tokens: Sequence[Token], idx: int, *_: object) -> str:
    return f"[{tokens[idx].meta['id'] + 1}]"


def _number_notes(state: StateCore) -> None:
    """Each note at the end starts with its number as its marker shows it (`[1] Reuters`), or its label as written
    when no marker refers to it; a note that starts with no paragraph (a list, or nothing) has it on a line of its
    own."""
    from markdown_it.token import Token

    tokens = state.tokens
    unreferenced = state.env.get("footnotes", {}).get("unreferenced", {})
    for at, token in enumerate(tokens):
        if token.type != "footnote_open":
            continue
        number = unreferenced.get(token.meta["id"]) or f"[{token.meta['id'] + 1}]"
        following = tokens[at + 1 : at + 3]
        if len(following) == 2 and following[0].type == "paragraph_open" and following[1].type == "inline":
            marker = Token("text", "", 0)
            marker.content = number + " "
            following[1].children = [marker, *(following[1].children or [])]
        else:
            token.info = number  # rendered by _render_note_open


def _render_note_open(_renderer: object, tokens: Sequence[Token], idx: int, *_: object) -> str:
    number = tokens[idx].info
    return f"<div><p>{escape(number)}</p>" if number else "<div>"  # a label as written: `[^<b>]:`


def _render_tokens(markdown: str) -> list[Token]:
    try:
        # Control characters are spaces before rendering, as validation makes them: CommonMark makes NUL U+FFFD,
        # which validation keeps (session 53's attacker: a NUL in a heading or a paragraph).
        tokens = _markdown().parse(without_controls(markdown))
    except RejectedUploadError:  # a reference to no character (the entity rule)
        raise
    except Exception as exc:  # noqa: BLE001 - third-party parser: whatever it raises, the Markdown is unreadable
        raise RejectedUploadError(
            f"the Markdown could not be read ({type(exc).__name__})", fix="check the file is Markdown text"
        ) from None
    if any(token.type in _CONTAINERS and token.level >= MAX_NESTING - 1 for token in tokens):
        # markdown-it skips a container's content at this depth, and for a list the rest of the file, silently.
        raise RejectedUploadError(
            f"the Markdown nests block quotes and lists {MAX_NESTING} levels deep or more (a list level counts "
            "twice), and the text from there on could not be read",
            fix="nest block quotes (>) and lists less deeply",
        )
    for opening, inline in pairwise(tokens):
        if opening.type == "heading_open" and inline.children and inline.children[-1].type == "text":
            inline.children[-1].content = _HEADING_ATTRIBUTES.sub("", inline.children[-1].content)
    return _without_tables_of_contents(tokens)


def _without_tables_of_contents(tokens: list[Token]) -> list[Token]:
    """The tokens without a table of contents' marker, which the site replaces with the contents' headings (session
    51): a paragraph that is only `[TOC]` (Python-Markdown, GitLab: also `[[_TOC_]]`), and a list kramdown replaces,
    whose attribute list is `{:toc}` (`* TOC` / `{:toc}`: its items are placeholders)."""
    kept: list[Token] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if (
            token.type == "paragraph_open"
            and at + 2 < len(tokens)
            and tokens[at + 1].content.strip() in TOC_MARKERS
            and token.level == 0
        ):
            at += 3
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            close = next(
                i
                for i in range(at + 1, len(tokens))
                if tokens[i].type == token.type.replace("_open", "_close") and tokens[i].level == token.level
            )
            inlines = [t for t in tokens[at:close] if t.type == "inline"]
            if inlines and KRAMDOWN_TOC.search(inlines[-1].content.rsplit("\n", 1)[-1]) and "\n" in inlines[-1].content:
                at = close + 1
                continue
        kept.append(token)
        at += 1
    return kept


def _render(tokens: list[Token]) -> str:
    md = _markdown()
    try:
        return str(md.renderer.render(tokens, md.options, {}))
    except Exception as exc:  # noqa: BLE001 - third-party renderer, as above
        raise RejectedUploadError(
            f"the Markdown could not be rendered ({type(exc).__name__})", fix="check the file is Markdown text"
        ) from None


# An HTML block of comments alone (`<!-- exported by Medium -->`), which shows nothing.
_COMMENTS_ONLY = re.compile(r"\A(?:\s*+<!--.*?-->)++\s*+\Z", re.DOTALL)
# What an image paragraph may hold besides its images: links around them, line breaks and blanks.
_BESIDE_IMAGES = frozenset({"image", "link_open", "link_close", "softbreak", "hardbreak"})


def _shown_after(tokens: list[Token]) -> int:
    """How many tokens open the document showing no text before its headline: HTML comments (an exporter's note),
    thematic breaks (`---`: front_matter.split_front_matter) and paragraphs of images alone, linked or not (a lead
    image, as Ghost and Medium exports put it over the `# Title`).
    Session 53's attacker: a file with either above its `# Title` was rejected as having no title. The body leaves
    them out as it would anywhere (an image shows no text there)."""
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if token.type == "hr" or (token.type == "html_block" and _COMMENTS_ONLY.match(token.content)):
            at += 1
        elif token.type == "paragraph_open" and at + 2 < len(tokens) and _images_only(tokens[at + 1]):
            at += 3
        else:
            break
    return at


def _images_only(inline: Token) -> bool:
    kinds = {child.type for child in inline.children or [] if child.type != "text" or child.content.strip()}
    return "image" in kinds and kinds <= _BESIDE_IMAGES


def _leading_heading(tokens: list[Token], *, repeated: bool = False) -> tuple[str, list[Token]]:
    """The text of the heading that opens the document and the tokens without it, or ("", tokens): a `# Heading`
    (or one underlined with `===`), or an HTML `<h1>…</h1>` line, as Pandoc and WordPress exporters write the
    headline (session 52), after what shows no text (_shown_after). With `repeated` (the front matter gives the
    title), also a `## Heading` alone in the file over the story's text (_not_the_headline), which the caller leaves
    out of the body only when it says the title again. A `##` heading is never the title itself: session 52 read a
    lone one as the headline, and its second review found `## Summary`, `## Update 10:32`, `## Advertisement` and
    `## Photo: John Roe/Reuters` published as titles."""
    lead = _shown_after(tokens)
    heading, rest = _opening_heading(tokens[lead:], repeated=repeated)
    return heading, tokens[:lead] + rest


def _opening_heading(tokens: list[Token], *, repeated: bool) -> tuple[str, list[Token]]:
    """_leading_heading's heading when it is the first of `tokens`."""
    first = tokens[0] if tokens else None
    if first is not None and first.type == "html_block" and (found := _HTML_HEADLINE.match(first.content)):
        rest = first.content[found.end() :]
        kept = [first.copy(content=rest)] if rest.strip() else []
        return _heading_text(found.group()), kept + tokens[1:]
    if first is None or first.type != "heading_open" or len(tokens) < 3:
        return "", tokens
    if first.tag != "h1" and (not repeated or _not_the_headline(tokens) is not None):
        return "", tokens
    return _heading_text(_render(tokens[:3])), tokens[3:]


def _not_the_headline(tokens: list[Token]) -> str | None:
    """Why the heading below `#` that opens the document could not be its headline, for the report, or None when it
    is a `## Heading` written with hashes, the document's only heading, over the story's text (a paragraph), that
    reads as neither a date line nor a byline: such a heading may repeat a front matter's title (_leading_heading),
    and is reported as a section heading (_no_title). Session 52 read such a heading as the title; its first review
    had narrowed the rule from "any heading no heading of its level or above follows" (`## Key points` over a list,
    `### Update 10:32`, a first paragraph underlined with `---`), its second took it back."""
    first = tokens[0]
    if not first.markup.startswith("#"):
        return "is underlined with ---, which Markdown reads as a section heading (or meant a thematic break)"
    if first.tag != "h2":
        return "is a section heading: only a `#` heading is read as the title"
    if any(token.type == "heading_open" for token in tokens[3:]):
        return "is a section heading (other headings follow it)"
    if len(tokens) < 4 or tokens[3].type != "paragraph_open":
        return "is a section heading (a list or other block follows it, not the story's text)"
    text = _heading_text(_render(tokens[:3]))
    if parse_date(text) is not None or date_line_problem(text) is not None:
        return "reads as a date line"
    if byline_name(text) is not None:
        return "reads as a byline"
    return None


def _heading_text(markup: str) -> str:
    return normalise_space(" ".join(fragment_paragraphs(markup, "the Markdown")))


# A first line written as a heading without the space CommonMark requires after its hashes (`#Kerry to meet Putin`).
# Not read as the title: a hashtag opens a paragraph as often (`#MeToo began in 2017…`, `#1 on the charts…`), and
# which one the line is cannot be told, so the report names the space (session 54's attacker: "has no title").
_UNSPACED_HEADING = re.compile(r"(?P<hashes>#{1,6})[^\s#][^\n]*")


def _no_title(tokens: list[Token]) -> RejectedUploadError:
    """The report for a Markdown file without a title, naming a heading at its start that could not be one, or the
    paragraph that stands above a `# Title` (_text_over_headline)."""
    tokens = tokens[_shown_after(tokens) :]
    if (over := _text_over_headline(tokens)) is not None:
        return over
    first = tokens[0] if tokens else None
    if (
        first is not None
        and first.type == "paragraph_open"
        and (unspaced := _UNSPACED_HEADING.match(tokens[1].content))
    ):
        line = unspaced.group()
        shown = line if len(line) <= 60 else line[:59] + "…"
        return RejectedUploadError(
            f"the Markdown file has no title: its first line, `{shown}`, has no space after its `#`, and Markdown"
            " (CommonMark, as GitHub, Pandoc and Hugo read it) makes a heading of a `#` line only with one",
            fix=f"if the line is the headline, put a space after its `{unspaced.group('hashes')}`; if it is a hashtag,"
            " add `title: ...` to the front matter (between two --- lines)",
        )
    why = None
    if first is not None and first.type == "heading_open" and first.tag != "h1" and len(tokens) >= 3:
        why = _not_the_headline(tokens) or "is a section heading: only a `#` heading is read as the title"
    text = _heading_text(_render(tokens[:3])) if why is not None else ""
    if first is not None and text:  # a heading of no text (`## ![Bridge](bridge.jpg)`) is named by no words
        if first.markup.startswith("#"):
            shown = f"its first heading, `{'#' * int(first.tag[1:])} {text}`,"
        else:
            shown = f"its first paragraph, `{text if len(text) <= 60 else text[:59] + '…'}`,"
        return RejectedUploadError(
            f"the Markdown file has no title: {shown} {why}",
            fix="start with the headline as a `# Title` line, or add `title: ...` to the front matter (between two "
            "--- lines)",
        )
    return RejectedUploadError(
        "the Markdown file has no title",
        fix="add `title: ...` to the front matter (between two --- lines) or start with a `# Title` line",
    )


def _text_over_headline(tokens: list[Token]) -> RejectedUploadError | None:
    """The report for a paragraph directly over a `# Heading` at the file's start (`Updated 13 May`, `Draft v2 - do
    not publish`, a kicker), or None. The heading is not taken for the title past text, and the line is named rather
    than published or dropped: it may be a kicker, a note to the desk or the story's first paragraph over a section
    heading, and which cannot be told (session 53's attacker's files, until then "the Markdown file has no title")."""
    if len(tokens) < 5 or tokens[0].type != "paragraph_open" or tokens[3].type != "heading_open":
        return None
    if tokens[3].tag != "h1":
        return None
    text = _heading_text(_render(tokens[:3]))
    heading = _heading_text(_render(tokens[3:6]))
    if not text or not heading:
        return None
    shown = text if len(text) <= 60 else text[:59] + "…"
    return RejectedUploadError(
        f"the Markdown file has no title: its heading `# {heading}` is read as the title only when no text stands "
        f"above it, and the paragraph `{shown}` does",
        fix=f"move `{shown}` below the `# {heading}` line or remove it, or add `title: ...` to the front matter "
        "(between two --- lines)",
    )
