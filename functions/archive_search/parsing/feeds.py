"""XML lists of a site's stories saved in place of an article: RSS and Atom feeds, sitemaps.

Saved as `.html` or `.txt`, a feed was read as one page: an article under the channel's name whose body glued the
stories' links, summaries and dates together, or, as text, the raw XML under the title `<?xml version="1.0"?>`
(session 55's attack report, F3). A feed holds each story's summary (its `<description>`), seldom its whole text,
and never one article: it is rejected naming a few of its stories, as a page listing stories is (html_page), a feed
of one story too.

The file is read by an XML parser (defusedxml's ElementTree parser, imported lazily as the other parsers' libraries
are: only the ingest function packages it), which refuses a document type that declares entities: such a file (a
"billion laughs" bomb, an external entity naming a local file or an address) is rejected before anything is expanded
or fetched.
"""

from __future__ import annotations

import html
import html.entities
import re
from typing import TYPE_CHECKING

from archive_search.errors import RejectedUploadError
from archive_search.parsing.text import decode

if TYPE_CHECKING:
    from xml.etree.ElementTree import ParseError

# A feed's or a sitemap's root element, by its local name (any namespace, any case, as RSS 2.0 has none): RSS 2.0,
# Atom RFC 4287, RSS 1.0 (RDF), a sitemap and a sitemap index (sitemaps.org). Then the element each story (or page)
# is, the element naming it, and what to call one and several.
_KINDS = {
    "rss": ("an RSS feed", "item", "title", "story", "stories"),
    "rdf": ("an RSS feed", "item", "title", "story", "stories"),
    "feed": ("an Atom feed", "entry", "title", "story", "stories"),
    "urlset": ("a sitemap", "url", "loc", "page", "pages"),
    "sitemapindex": ("a sitemap index", "sitemap", "loc", "sitemap", "sitemaps"),
}
_TAG = re.compile(r"<[^>]*>")
MAX_NAMED = 3  # stories a feed's rejection names
# Characters given to the parser at a time: a file whose first element is no feed's is read no further.
_CHUNK_CHARS = 64 * 1024
_FIX = (
    "a feed or sitemap gives each story's summary or address, not its text: upload each article from its own"
    " page (saved as .html, or its text as .txt), one article per file"
)


def refuse_feed(data: bytes) -> None:
    """RejectedUploadError when the file's root element is a feed's or a sitemap's (`<rss>`, `<feed>`, `<rdf:RDF>`,
    `<urlset>`, `<sitemapindex>`) and it lists at least one story (or page), naming how many and the first MAX_NAMED
    titles (or addresses); also when the file is XML whose document type declares entities.

    The XML is read up to its end or its first error: a file that is not XML, or whose first element is no feed's,
    returns None, read as its extension says. Of a feed that is not well-formed (an item left open, a bare `&`),
    the stories closed before the error are counted and the reason says where the XML breaks; one whose XML breaks
    inside its first story is rejected as a feed too. A feed with no story opened at all returns None (a `.txt` that
    quotes `<rss version="2.0">` at its top).
    """
    try:
        text = decode(data)
    except RejectedUploadError:
        return  # no text of any encoding: the parser of its extension says why
    xml = text.lstrip()  # blank lines before the XML declaration, which XML wants first
    if not xml.startswith("<"):
        return  # no markup: a legacy page, JSON or Markdown loads no XML parser
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, XMLParser

    listing = _Listing()
    parser = XMLParser(target=listing)  # forbids entity declarations and external references
    # A feed whose document type is external (RSS 0.91's Netscape DTD) may use the HTML entities it declares
    # (`&eacute;`): the parser reads no external DTD, and an entity it does not know is an error.
    parser.entity.update(html.entities.entitydefs)
    broken: ParseError | None = None
    try:
        for start in range(0, len(xml), _CHUNK_CHARS):
            parser.feed(xml[start : start + _CHUNK_CHARS])
            if listing.root is not None and listing.kind is None:
                return
        parser.close()
    except ParseError as exc:
        broken = exc
    except DefusedXmlException as exc:
        raise RejectedUploadError(
            f"the file is XML whose document type declares entities ({_declared(exc)}), which are not read",
            fix="an article is uploaded as .html, .txt, .md or .json text, without a document type declaring"
            " entities; " + _FIX,
        ) from None
    if listing.kind is None or not (listing.names or (broken is not None and listing.opened)):
        return
    kind, _element, _name, one, several = listing.kind
    where = ""
    if broken is not None:
        line, column = broken.position
        line += text[: len(text) - len(xml)].count("\n")
        where = f" line {line}, column {column + 1}"
    if not listing.names:
        raise RejectedUploadError(
            f"the file is {kind} whose XML breaks off before its first {one} ends, at{where}, not one article",
            fix=_FIX,
        )
    names = [name for name in listing.names if name]
    named = ", ".join(f"\u201c{name}\u201d" for name in names[:MAX_NAMED])
    more = ", \u2026" if len(names) > MAX_NAMED else ""
    listed = f" ({named}{more})" if named else ""
    count = f"{len(listing.names)} {one if len(listing.names) == 1 else several}"
    breaks = f" before its XML breaks off at{where}" if where else ""
    raise RejectedUploadError(f"the file is {kind} listing {count}{listed}{breaks}, not one article", fix=_FIX)


class _Listing:
    """The parser's target: the root element, and each story's name (its first name element's text, "" if none) in
    the order the stories close. A story left open is no story; one opened inside it is."""

    def __init__(self) -> None:
        self.root: str | None = None
        self.kind: tuple[str, str, str, str, str] | None = None
        self.names: list[str] = []
        self.opened = 0
        self._stories: list[tuple[str, list[str] | None]] = []  # open stories: namespace, name text (None: unread)
        self._reading: list[str] | None = None  # the name element being read
        self._depth = 0  # of elements inside the name element being read

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        namespace, _, local = tag.rpartition("}")
        local = local.lower()
        if self.root is None:
            self.root, self.kind = local, _KINDS.get(local)
        elif self.kind is None:
            return
        elif self._reading is not None:
            self._depth += 1
        elif local == self.kind[1]:
            self.opened += 1
            self._stories.append((namespace, None))
        elif local == self.kind[2] and self._stories and self._stories[-1] == (namespace, None):
            # The story's own name, in its namespace: not a `<media:title>` before it
            self._reading = []
            self._stories[-1] = (namespace, self._reading)

    def end(self, tag: str) -> None:
        if self.kind is None:
            return
        if self._reading is not None:
            if self._depth:
                self._depth -= 1
            else:
                self._reading = None
            return
        if tag.rpartition("}")[2].lower() == self.kind[1] and self._stories:
            written = self._stories.pop()[1]
            self.names.append(_text("".join(written)) if written else "")

    def data(self, text: str) -> None:
        if self._reading is not None:
            self._reading.append(text)

    def close(self) -> None:
        """Nothing to build: the parser asks its target to close."""


def _declared(exc: Exception) -> str:
    """The entity a refused declaration names: `“lol9”`; what was refused when it names none."""
    name = getattr(exc, "name", None)
    return f"\u201c{name}\u201d" if name else exc.__class__.__name__


def _text(written: str) -> str:
    """A name element's text as a feed writes it: markup and entities of escaped HTML read (`&lt;b&gt;Ferry&lt;/b&gt;`
    is `<b>Ferry</b>` once the parser has read its entities, and `Ferry` once its tags are), spaces collapsed."""
    text = html.unescape(_TAG.sub(" ", written))
    return " ".join(_TAG.sub(" ", text).split())
