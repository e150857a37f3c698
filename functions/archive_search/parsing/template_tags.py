"""A static-site generator's template markup in Markdown, which the site builds away and no reader sees (session 51):

- Hugo shortcodes, `{{< figure src="tram.jpg" caption="The first tram" >}}`, `{{% notice info %}}…{{% /notice %}}`:
  the tags are no text; what a paired one encloses is (it stays in place), a caption is (`caption="…"`, in any
  shortcode or Liquid tag), and a figure shows its title and credit (`attr`) too. Hugo's escaped form,
  `{{</* figure */>}}`, shows the shortcode as written, as Hugo does.
- Jekyll's Liquid tags, `{% include ad-slot.html %}`, `{% if %}`, `{% highlight ruby %}`: no text; what a
  `{% raw %}…{% endraw %}` encloses is shown as written (`{{ }}` too), what a `{% comment %}` encloses is not.
  Liquid's output tags (`{{ page.title }}`) stay: they stand for a value the file does not hold.
- WordPress's media shortcodes, `[gallery ids="1,2"]`, `[embed]https://…[/embed]`, `[video src="…"]`: no text
  (an embed's URL is what the player loads, not words a reader sees), as for a JSON body (html_text). Its caption
  shortcode, `[caption id="…"]<img …/> The chamber[/caption]`, is a paired one: its caption shows (session 53), and
  an old one's `caption="…"` too, as in a JSON body or an HTML page.
- kramdown's attribute lists, `{: .lead}`, `{: #quote}`, `{:toc}`, on a line of their own or right after a span (a
  link, an image, emphasis, a code span): no text. `{:.2f}` and `{:foo bar}` are none.

Only a tag that stands as a block of its own is the site's markup (session 51's review, resolve_template_tags): alone
on its line of a paragraph, or opening a line its closing tag closes. Inside a sentence or a table's cell a tag is
text as written (`Django's {% csrf_token %} tag`), except the escapes: Hugo's `{{</* */>}}` and a raw pair that holds
template syntax.

Each is read as a markdown-it inline rule, so code (a code span, a fenced or indented block) keeps them as written:
an article about Hugo shows its shortcodes. Only whole, well-formed tags are read: `{x}`, `[sic]`, `[1]`,
`{% of the vote}` are text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from archive_search.parsing.html_text import CAPTION_CLOSER, CAPTION_OPENER, WORDPRESS_MEDIA

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

# A shortcode's or tag's arguments: `name="value"`, `name=value`, a positional `"value"` or word, on one line or
# several (Hugo's figure, one attribute a line). No braces and no `%` outside quotes, so each opener's scan stops at
# the next `{`: linear on a paragraph of openers.
_QUOTED = r'"(?:[^"\\\n]|\\.)*+"|`[^`\n]*+`|\'[^\'\n]*+\''
_ARGUMENTS = rf"(?:[ \t\n]++(?:[\w.-]++=)?(?:{_QUOTED}|[^\s\"'`<>%{{}}=]++))*+"
_HUGO = re.compile(
    rf"\{{\{{(?:<[ \t]*+(/?)[ \t]*+([\w./-]++)({_ARGUMENTS})[ \t\n]*+/?>|%[ \t]*+(/?)[ \t]*+([\w./-]++)({_ARGUMENTS})"
    r"[ \t\n]*+/?%)\}\}"
)
_HUGO_ESCAPED = re.compile(r"\{\{([<%])/\*([^*\n]*+)\*/([>%])\}\}")
_FIGURE_TEXT = re.compile(rf"""\s(title|caption|attr)=({_QUOTED})""")
_LIQUID = re.compile(rf"\{{%-?[ \t]*+(\w++)({_ARGUMENTS})[ \t\n]*+-?%\}}")
_LIQUID_END = {
    "raw": re.compile(r"\{%-?[ \t]*+endraw[ \t]*+-?%\}"),
    "comment": re.compile(r"\{%-?[ \t]*+endcomment[ \t]*+-?%\}"),
}
# kramdown's inline attribute list: `{:` and at least one `.class` or `#id` (a letter first) or `key="value"`, or
# `{:toc}`. Since the session's review no reference name (`{:foo bar}` is a Clojure map) and no `.2f` (`{:.2f}` is a
# Python format spec): both were prose that went.
_KRAMDOWN_ATTRIBUTE = r"""(?:[#.][A-Za-z][\w-]*+|[A-Za-z][\w-]*+=(?:"[^"\n]*+"|'[^'\n]*+'))"""
_KRAMDOWN_IAL = re.compile(rf"\{{:[ \t]*+(?:{_KRAMDOWN_ATTRIBUTE}(?:[ \t]++{_KRAMDOWN_ATTRIBUTE})*+|toc)[ \t]*+\}}")
# What an attribute list may follow directly (a span's): a link, an image, emphasis, a code span.
_SPAN_ENDS = frozenset({"link_close", "image", "em_close", "strong_close", "code_inline"})
# kramdown's table of contents: a list whose attribute list is `{:toc}` (its items are a placeholder).
KRAMDOWN_TOC = re.compile(r"\{:[ \t]*+(?:[#.][\w-]++[ \t]++)*+toc(?:[ \t]++[#.][\w-]++)*+[ \t]*+\}[ \t]*+$")
# A table of contents' marker on a paragraph of its own: Python-Markdown's and GitLab's.
TOC_MARKERS = frozenset({"[TOC]", "[toc]", "[[_TOC_]]", "[[TOC]]"})


def _unquoted(value: str) -> str:
    return value[1:-1].replace('\\"', '"') if value[:1] == '"' else value[1:-1]


def _caption(arguments: str, figure: bool) -> str:
    """The text a tag's arguments show: a caption (`{% include figure.html caption="…" %}`, any shortcode's); a Hugo
    figure's title and credit (`attr`) too."""
    names = ("title", "caption", "attr") if figure else ("caption",)
    return " ".join(_unquoted(value.group(2)) for value in _FIGURE_TEXT.finditer(arguments) if value.group(1) in names)


def _liquid_end(state: StateInline, name: str, at: int) -> re.Match[str] | None:
    """The `{% endraw %}` (or `{% endcomment %}`) after `at` in the inline text, found once per text and kept on its
    state: searched from each opener, a paragraph of 80,000 `{% raw %}` took 169 s."""
    end = _LIQUID_END.get(name)
    if end is None:
        return None
    found: dict[str, re.Match[str] | None] = state.__dict__.setdefault("liquid_ends", {})
    if name not in found or ((closer := found[name]) is not None and closer.start() < at):
        found[name] = end.search(state.src, at, state.posMax)
    return found[name]


def template_tag(state: StateInline, silent: bool) -> bool:
    """markdown-it inline rule: a template tag at the position becomes a `template_tag` token holding the tag as
    written and what the site shows for it; resolve_template_tags keeps one or the other (module docstring)."""
    src, pos = state.src, state.pos
    char = src[pos]
    shown, name, kind, closing = "", "", "", False
    if char == "{":
        if (found := _HUGO_ESCAPED.match(src, pos)) is not None:
            shown = "{{" + found.group(1) + found.group(2) + found.group(3) + "}}"
            kind = "escaped"
        elif (found := _HUGO.match(src, pos)) is not None:
            slash, name, arguments = (
                (found.group(1), found.group(2), found.group(3))
                if found.group(2)
                else (found.group(4), found.group(5), found.group(6))
            )
            kind, closing = "tag", bool(slash)
            if not closing:
                shown = _caption(arguments, name == "figure")
        elif (found := _LIQUID.match(src, pos)) is not None:
            shown, name, kind = _caption(found.group(2), figure=False), found.group(1), "tag"
            if name.startswith("end"):
                name, closing = name[3:], True
            if (closer := _liquid_end(state, found.group(1), found.end())) is not None:
                if found.group(1) == "raw":
                    shown = src[found.end() : closer.start()]
                    # a raw pair that holds template syntax is Jekyll's escape, shown as the site shows it wherever
                    # it stands (`add {% raw %}{{ title }}{% endraw %} to the layout`), as Hugo's escaped form is
                    if "{{" in shown or "{%" in shown:
                        kind = "escaped"
                found, name = closer, ""  # the pair, read whole
        elif (found := _KRAMDOWN_IAL.match(src, pos)) is not None:
            kind = "attributes"
        else:
            return False
    elif char == "[":
        if (found := CAPTION_OPENER.match(src, pos)) is not None:
            shown, name = _caption(found.group(1), figure=False), "caption"
        elif (found := CAPTION_CLOSER.match(src, pos)) is not None:
            name, closing = "caption", True
        elif (found := WORDPRESS_MEDIA.match(src, pos)) is None:
            return False
        kind = "tag"
    else:
        return False
    if not silent:
        token = state.push("template_tag", "", 0)
        token.content = src[pos : found.end()]
        token.meta = {"shown": shown, "name": name, "kind": kind, "closing": closing}
    state.pos = found.end()
    return True


def _blank(token: Token) -> bool:
    return token.type == "text" and not token.content.strip()


def _tags_only(line: list[Token]) -> list[Token]:
    """The tags of a line that holds nothing else, or [] (a line with any text, or none)."""
    shown = [token for token in line if not _blank(token)]
    return shown if shown and all(token.type == "template_tag" for token in shown) else []


def _pair(opening: list[Token], closing: list[Token]) -> bool:
    """Whether a line of tags opens a block the other line's tags close (`{% if x %}` ... `{% endif %}`)."""
    if not opening or not closing:
        return False
    first, last = opening[0], closing[-1]
    return (
        first.meta["kind"] == last.meta["kind"] == "tag"
        and bool(first.meta["name"])
        and first.meta["name"] == last.meta["name"]
        and not first.meta["closing"]
        and bool(last.meta["closing"])
    )


def _alone(lines: list[list[Token]], index: int) -> bool:
    """Whether the tags of a paragraph's line stand as a block of their own: the paragraph is that line, or the
    line opens the paragraph and its last line closes the block (or the reverse). A line of tags inside a paragraph
    is a sentence wrapped around it (`Put` / `{{< youtube id >}}` / `in your post`), and a tag without its partner
    beside text is text (`{% for h in hosts %} server;` / `{% endfor %}`: the session's second review)."""
    if len(lines) == 1:
        return True
    first, last = _tags_only(lines[0]), _tags_only(lines[-1])
    return index in (0, len(lines) - 1) and _pair(first, last)


def _markup(line: list[Token], in_paragraph: bool, alone: bool = True) -> set[int]:
    """The positions in a line of an inline's tokens of the template tags that are markup: each tag on a line of
    tags standing as a block of its own (`alone`: _alone) in a paragraph, an attribute list on a line of its own, a
    line that opens with a tag and closes with its closing tag (`{{% note %}}The budget is $4m.{{% /note %}}`), and
    an attribute list right after the span it sets."""
    marked = {
        at
        for at, token in enumerate(line)
        if token.type == "template_tag"
        and token.meta["kind"] == "attributes"
        and at > 0
        and line[at - 1].type in _SPAN_ENDS
    }
    if not in_paragraph:
        return marked
    shown = [at for at, token in enumerate(line) if not _blank(token)]
    tags_only = bool(shown) and all(line[at].type == "template_tag" for at in shown)
    if tags_only and (alone or all(line[at].meta["kind"] == "attributes" for at in shown)):
        return marked | set(shown)
    if len(shown) >= 2:
        first, last = line[shown[0]], line[shown[-1]]
        if (
            first.type == last.type == "template_tag"
            and first.meta["kind"] == last.meta["kind"] == "tag"
            and first.meta["name"]
            and first.meta["name"] == last.meta["name"]
            and not first.meta["closing"]
            and last.meta["closing"]
        ):
            return marked | {shown[0], shown[-1]}
    return marked


def resolve_template_tags(state: StateCore) -> None:
    """markdown-it core rule, after the inline rules: a template tag that stands as a block of its own (alone on its
    line of a paragraph, or a pair that opens and closes its line) is the site's markup and shows what the site
    shows; a tag inside a sentence, or in a table's cell, is text as written (`Django's {% csrf_token %} tag`,
    `Write {{< youtube id >}} in your post`: session 51's review). Hugo's escaped form shows as Hugo shows it."""
    from markdown_it.token import Token

    for at, block in enumerate(state.tokens):
        children = block.children
        if block.type != "inline" or not children or not any(t.type == "template_tag" for t in children):
            continue
        in_paragraph = at > 0 and state.tokens[at - 1].type == "paragraph_open"
        lines: list[list[Token]] = [[]]
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                lines.append([])
            else:
                lines[-1].append(child)
        kept: list[Token] = []
        line: list[Token] = []
        number = 0
        ends: list[Token | None] = [*children, None]
        for token in ends:
            if token is not None and token.type not in ("softbreak", "hardbreak"):
                line.append(token)
                continue
            marked = _markup(line, in_paragraph, _alone(lines, number))
            number += 1
            for index, tag in enumerate(line):
                if tag.type != "template_tag":
                    kept.append(tag)
                    continue
                text = tag.meta["shown"] if index in marked or tag.meta["kind"] == "escaped" else tag.content
                if text:
                    shown = Token("text", "", 0)
                    shown.content = text
                    kept.append(shown)
            if token is not None:
                kept.append(token)
            line = []
        block.children = kept


# Any template tag, whole or not well formed, in a template language static sites are built with: Liquid's and Go
# templates' `{{ page.title }}`, `{{- .Content -}}`, `{% include x %}`, Hugo's shortcodes, Handlebars' `{{{body}}}`.
_ANY_TEMPLATE_TAG = re.compile(r"\{\{[^{}]*+\}\}\}?|\{%(?:[^{}%]|%(?!\}))*+%\}")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def only_template_syntax(text: str) -> bool:
    """Whether a title or body is template tags and nothing else a reader could read (`{{ page.title }} | {{
    site.title }}`, `{{ content }}`): a layout or include the site fills in when it builds its pages, not an article
    (session 52's new user uploaded a Jekyll site's `_layouts/default.html`)."""
    rest, tags = _ANY_TEMPLATE_TAG.subn("", text)
    return tags > 0 and _LETTER_OR_DIGIT.search(rest) is None
