"""A static-site generator's template markup in Markdown, which the site builds away and no reader sees (session 51):

- Hugo shortcodes, `{{< figure src="tram.jpg" caption="The first tram" >}}`, `{{% notice info %}}…{{% /notice %}}`:
  the tags are no text; what a paired one encloses is (it stays in place), a caption is (`caption="…"`, in any
  shortcode or Liquid tag), and a figure shows its title and credit (`attr`) too. Hugo's escaped form,
  `{{</* figure */>}}`, shows the shortcode as written, as Hugo does.
- Jekyll's Liquid tags, `{% include ad-slot.html %}`, `{% if %}`, `{% highlight ruby %}`: no text; what a
  `{% raw %}…{% endraw %}` encloses is shown as written (`{{ }}` too), what a `{% comment %}` encloses is not.
  Liquid's output tags (`{{ page.title }}`) stay: they stand for a value the file does not hold.
- WordPress's media shortcodes, `[gallery ids="1,2"]`, `[embed]https://…[/embed]`, `[video src="…"]`: no text
  (an embed's URL is what the player loads, not words a reader sees), as for a JSON body (html_text).
- kramdown's attribute lists, `{: .lead}`, `{: #quote}`, `{:toc}`, after a paragraph or a span: no text.

Each is read as a markdown-it inline rule, so code (a code span, a fenced or indented block) keeps them as written:
an article about Hugo shows its shortcodes. Only whole, well-formed tags are read: `{x}`, `[sic]`, `[1]`,
`{% of the vote}` are text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from archive_search.parsing.html_text import WORDPRESS_MEDIA

if TYPE_CHECKING:
    from markdown_it.rules_inline import StateInline

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
# kramdown's inline attribute list: `{:` and at least one `.class`, `#id`, `key="value"` or reference name.
_KRAMDOWN_ATTRIBUTE = r"""(?:[#.][\w-]++|[\w-]++=(?:"[^"\n]*+"|'[^'\n]*+'|[^\s{}"']++)|[A-Za-z][\w-]*+)"""
_KRAMDOWN_IAL = re.compile(rf"\{{:(?![:/])[ \t]*+{_KRAMDOWN_ATTRIBUTE}(?:[ \t]++{_KRAMDOWN_ATTRIBUTE})*+[ \t]*+\}}")
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
    """markdown-it inline rule: a template tag at the position is read as the site shows it (module docstring)."""
    src, pos = state.src, state.pos
    char = src[pos]
    shown = ""
    if char == "{":
        if (found := _HUGO_ESCAPED.match(src, pos)) is not None:
            shown = "{{" + found.group(1) + found.group(2) + found.group(3) + "}}"
        elif (found := _HUGO.match(src, pos)) is not None:
            closing, name, arguments = (
                (found.group(1), found.group(2), found.group(3))
                if found.group(2)
                else (found.group(4), found.group(5), found.group(6))
            )
            if not closing:
                shown = _caption(arguments, name == "figure")
        elif (found := _LIQUID.match(src, pos)) is not None:
            shown = _caption(found.group(2), figure=False)
            if (closer := _liquid_end(state, found.group(1), found.end())) is not None:
                if found.group(1) == "raw":
                    shown = src[found.end() : closer.start()]
                found = closer
        elif (found := _KRAMDOWN_IAL.match(src, pos)) is None:
            return False
    elif char == "[":
        if (found := WORDPRESS_MEDIA.match(src, pos)) is None:
            return False
    else:
        return False
    if not silent and shown:
        token = state.push("text", "", 0)
        token.content = shown
    state.pos = found.end()
    return True
