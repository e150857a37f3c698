"""XML lists of a site's stories saved in place of an article: RSS and Atom feeds, sitemaps.

Saved as `.html` or `.txt`, a feed was read as one page: an article under the channel's name whose body glued the
stories' links, summaries and dates together, or, as text, the raw XML under the title `<?xml version="1.0"?>`
(session 55's attack report, F3). A feed holds each story's summary (its `<description>`), seldom its whole text,
and never one article: it is rejected naming a few of its stories, as a page listing stories is (html_page), a feed
of one story too.
"""

from __future__ import annotations

import html
import re

from archive_search.errors import RejectedUploadError
from archive_search.parsing.sniff import SNIFF_BYTES
from archive_search.parsing.text import decode

# The document's root element past the XML declaration, processing instructions (`<?xml-stylesheet …?>`), comments
# and a doctype, by what each root makes of the file: RSS 2.0, Atom, RSS 1.0 (RDF), a sitemap and a sitemap index.
_ROOT = re.compile(
    rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*)*<(?P<root>rss|feed|rdf:rdf|urlset|sitemapindex)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_KINDS = {
    b"rss": ("an RSS feed", "item", "title", "story", "stories"),
    b"rdf:rdf": ("an RSS feed", "item", "title", "story", "stories"),
    b"feed": ("an Atom feed", "entry", "title", "story", "stories"),
    b"urlset": ("a sitemap", "url", "loc", "page", "pages"),
    b"sitemapindex": ("a sitemap index", "sitemap", "loc", "sitemap", "sitemaps"),
}
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
MAX_NAMED = 3  # stories a feed's rejection names


def refuse_feed(data: bytes) -> None:
    """RejectedUploadError when the file's root element is a feed's or a sitemap's (`<rss>`, `<feed>`, `<rdf:RDF>`,
    `<urlset>`, `<sitemapindex>`: RSS 2.0, Atom RFC 4287, RSS 1.0, sitemaps.org) and it lists at least one story (or
    page), naming how many and the first MAX_NAMED titles (or addresses)."""
    root = _ROOT.match(data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf"))
    if root is None:
        return
    kind, element, name, one, several = _KINDS[root["root"].lower()]
    # An item's text stops at the next item's start: an item left open is no item, and the search of each start
    # ends there, linear in the file (the lazy run to its closing tag alone took 38 s on 20,000 unclosed items).
    items = re.findall(
        rf"<{element}[\s>](?:(?!<{element}[\s>]).)*?</{element}\s*>", decode(data), re.IGNORECASE | re.DOTALL
    )
    if not items:  # a text quoting `<rss version="2.0">` at its top lists nothing (session 55's review N, R4)
        return
    names_of = re.compile(rf"<{name}\b[^>]*>(.*?)</{name}\s*>", re.IGNORECASE | re.DOTALL)
    names = [text for item in items if (found := names_of.search(item)) and (text := _text(found[1]))]
    named = ", ".join(f"\u201c{text}\u201d" for text in names[:MAX_NAMED])
    more = ", \u2026" if len(names) > MAX_NAMED else ""
    listed = f" ({named}{more})" if named else ""
    count = f"{len(items)} {one if len(items) == 1 else several}"
    raise RejectedUploadError(
        f"the file is {kind} listing {count}{listed}, not one article",
        fix="a feed or sitemap gives each story's summary or address, not its text: upload each article from its own"
        " page (saved as .html, or its text as .txt), one article per file",
    )


def _text(written: str) -> str:
    """An element's text as a feed writes it: CDATA unwrapped, markup and entities (escaped HTML) read."""
    # Twice: a title of escaped HTML (`&lt;b&gt;Kerry&lt;/b&gt;`) holds tags once its entities are read.
    text = html.unescape(_TAG.sub(" ", _CDATA.sub(r"\1", written)))
    return " ".join(_TAG.sub(" ", text).split())
