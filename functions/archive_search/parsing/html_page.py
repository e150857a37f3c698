"""HTML pages: metadata from the markup and meta tags, the body from the article's text only.

selectolax (the Lexbor HTML5 parser) builds the tree; it is imported when the first HTML upload arrives, so the
search function and non-HTML ingests never load it. See docs/ingestion-formats.md for the choices.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import islice, pairwise
from typing import TYPE_CHECKING, Any

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.bylines import (
    AGENCIES,
    CHANGE_STAMPS,
    META_WORDS,
    NOT_WRITING_ROLE,
    byline_name,
    byline_with_date,
    clean_author,
    credits_desk,
    credits_no_writer,
    foreign_byline_word,
    is_account,
    is_job_title,
    joined_authors,
    names_others,
    names_people,
    without_contact,
    without_credits,
    without_job_titles,
    without_leading_furniture,
    without_places,
)
from archive_search.parsing.error_pages import refuse_error_page, refuse_redirect
from archive_search.parsing.furniture_lines import (
    LEGACY_SITE_NAME,
    is_copyright_holder,
    is_copyright_line,
    is_legacy_layout_line,
    is_thread_heading,
    is_thread_invitation,
    print_address,
)
from archive_search.parsing.html_text import (
    BLOCK_TAGS,
    CHROME_MAX_SHARE,
    DROPPED_TAGS,
    LINK_LIST_RATIO,
    child_nodes,
    element_paragraphs,
    element_text,
    holds_other_writings,
    is_article_note,
    is_call_to_action,
    is_hidden_or_chrome_by_markup,
    is_inside,
    is_running_text,
    left_out_by_name,
    parse_markup,
    refuse_cdata,
    refuse_left_open,
    text_length,
)
from archive_search.parsing.json_ld import (
    ARTICLE_TYPES,
    BY_REFERENCE,
    author_references,
    json_ld_items,
    ld_types,
    with_authors_resolved,
)
from archive_search.parsing.legacy_text import SECTION_NAMES
from archive_search.parsing.text import (
    clean_line,
    decode,
    items_as_written,
    list_items,
    normalise_space,
    refuse_stand_ins,
    section_and_tags,
    section_names,
    unescape_entities,
    web_charset,
)
from archive_search.parsing.validate import (
    MAX_LABEL_CHARS,
    MAX_TAGS,
    absolute_url,
    date_problem,
    epoch_day,
    is_first_publication,
    is_zero_date,
    parse_date,
)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

# What the head holds, as the HTML standard's encoding prescan reads it: comments and raw-text elements are skipped,
# a <meta> tag is read for its attributes, and the head ends at </head> or <body>. A <style> or <script> of any
# length may come before the charset <meta>. Each step finds its end with one forward search, so the scan is linear.
_HEAD_TOKEN = re.compile(rb"<!--|<(script|style|title|textarea|noscript)\b|<meta\b|</head\b|<body\b", re.IGNORECASE)
_META_ATTRIBUTES = re.compile(rb"""((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(rb"""([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
# The charset in a Content-Type value (`text/html; charset=iso-8859-9`), as the HTML standard extracts it.
_CONTENT_CHARSET = re.compile(rb"""charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{1,40})""", re.IGNORECASE)
_TITLE_SEPARATORS = (" | ", " \u2013 ", " \u2014 ", " - ", " :: ", " \u00b7 ", " \u00bb ", " \u00ab ", ": ")
# Where the article text lives, most specific first; the first that holds enough of the page's text wins.
CONTAINER_SELECTORS = (
    '[itemprop="articleBody"]',
    "article",
    '[role="main"]',
    "main",
    ".article-body, .article-content, .story-body, .entry-content, .post-content, #article-body, #story, #content",
)
CONTAINER_MIN_SHARE = 0.3
# Elements of the container's kind beside it that hold this share of its text are part of the article (live blog
# entries): the container candidate around them all is the article.
SHARED_MIN_SHARE = 0.25
MAX_JSON_LD_CHARS = 200_000
MAX_CONTAINER_CANDIDATES = 20  # article containers compared by their text (a listing page has a few dozen teasers)
# A teaser of another story ("More from Politics"): an <article> of at most this much text under a headline that is
# a link to another page. It is no entry of the story beside it, nor another article of the page.
TEASER_MAX_CHARS = 600
# Names of a list of other stories around teasers (with `more-*`, `*-stories` and `read-next`: _in_teaser_list).
_TEASER_LIST_WORDS = frozenset({"recommended", "popular", "trending", "also"})
AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author")
DATE_META = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.date",  # Drupal's Metatag module (session 51's new user)
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
)
SECTION_META = ("article:section", "section", "parsely-section", "category")
# Links of an article read for its categories and tags (_taxonomy_links): a post has a few; a page of thousands of
# links is read in bounded time.
MAX_TAXONOMY_LINKS = 500
SUMMARY_META = ("description", "og:description", "twitter:description", "dc.description")


def parse_html(data: bytes) -> ParsedUpload:
    markup = decode(data, declared=_declared_charsets(data))
    # A comment or raw-text element left open hides every word after it, as in a JSON body's or a Markdown file's
    # HTML: the page was accepted with its first paragraphs alone (session 48's new user: `<!-- TODO check figures`).
    refuse_left_open(markup, page=True)
    tree, stand_ins = parse_markup(markup, None)
    container, paragraphs, linked_tags = _container(tree)
    refuse_cdata(markup, container if container is not None else tree.body, "the article", text_blocks=True)
    meta = _meta_tags(tree, _OtherWritings(container))
    linked, unreadable = _json_ld_article(tree)

    title, title_node, marked_sites, masthead = _title(tree, meta, linked, container, paragraphs)
    author = _author(tree, meta, linked, container)
    heading = element_text(title_node) if title_node is not None else title
    published, unreadable_date = _published(tree, meta, linked, _broken_ld_date(unreadable), container)
    categories, rel_tags = _taxonomy_links(container)
    meta_lines, meta_dateline, meta_author = _meta_lines(container)
    tag_fields, field_tags = _tag_fields(container)
    repeated_titles = _medium_titles(container, title)
    section, more_sections = section_and_tags(_sections(meta, linked) or categories)
    headers = _article_headers(container) if container is not None else []
    furniture = _HeaderFurniture(title, heading, author, published, section)
    for header in headers:
        furniture.find(header)
    teasers = _teasers_within(container) if container is not None else set()
    if container is not None and (
        headers
        or teasers
        or meta_lines
        or tag_fields
        or repeated_titles
        or (title_node is not None and is_inside(title_node, container))
    ):
        # The headline is no paragraph of the body, wherever it sits and however many lines (<br>) it has.
        skip = furniture.skip | teasers | meta_lines | tag_fields | repeated_titles
        skip |= {title_node.mem_id} if title_node is not None else set()
        linked_tags = []
        paragraphs = element_paragraphs(
            container, frozenset(skip), frozenset(header.mem_id for header in headers), linked_tags
        )
    url = _url(tree, meta, linked)
    paragraphs = _without_address_lines(paragraphs, url, _is_print_layout(tree))
    if container is not None and container.tag == "body":
        paragraphs = _without_site_furniture(paragraphs, marked_sites)
    paragraphs = _without_copyright_lines(paragraphs)
    # A masthead known only by where it stands stays the body's first paragraph; the date line or byline under it
    # is still the article's (`<h1>Daily Planet</h1><p>Tuesday, May 12, 2015</p><h2>Budget approved</h2>`).
    lead = paragraphs[:1] if masthead and paragraphs and paragraphs[0] == masthead else []
    paragraphs, byline, dateline = without_leading_furniture(
        paragraphs[len(lead) :], title, author, heading, published, refuse_unreadable_dates=True
    )
    paragraphs = lead + paragraphs
    named = _named_as_furniture(container) if not paragraphs and container is not None else []
    wrapper = _text_wrapper(named, title)
    if wrapper is not None:
        paragraphs, wrapped_byline, wrapped_dateline = without_leading_furniture(
            element_paragraphs(
                wrapper, frozenset(h1.mem_id for h1 in wrapper.css("h1") if _agrees(element_text(h1), title))
            ),
            title,
            author,
            heading,
            published,
            refuse_unreadable_dates=True,
        )
        byline, dateline = byline or wrapped_byline, dateline or wrapped_dateline
    page_title = tree.css_first("title")
    page_title_text = element_text(page_title) if page_title is not None else ""
    target, sent_by = _redirect_target(tree, container)
    # A script's `location = …` may be a button's handler: it makes a redirect only beside a redirect's words.
    redirects = sent_by == "refresh" or (sent_by == "script" and bool(paragraphs))
    refuse_redirect(title, page_title_text, paragraphs, target, redirects=redirects)
    if not title:
        _refuse_unreadable_json_ld(unreadable, "its title")
        raise RejectedUploadError(
            "the page has no title", fix="add a <title>, an <h1> in the article or an og:title meta tag"
        )
    refuse_error_page(
        title,
        page_title_text,
        paragraphs,
        signed_or_dated=bool(
            author
            or furniture.byline
            or furniture.meta_byline
            or meta_author
            or byline
            or published
            or furniture.dateline
            or meta_dateline
            or dateline
        ),
    )
    if not paragraphs and named:
        raise RejectedUploadError(
            f"the page's sentences are all in elements named as page furniture ({_markup_name(named[0])}: "
            "comments, related stories, ads, share or newsletter boxes), which the body leaves out",
            fix="if that is the article's text, put it in an element whose class names no furniture, inside "
            "<article> or <main>; if it is not, the page holds no article: save the article's page again",
        )
    if not paragraphs:
        _refuse_link_list(tree)
        raise RejectedUploadError(
            "the page has no article text outside scripts, navigation, headers and footers",
            fix="put the article's text in <p> elements inside <article> or <main>",
        )
    parsed = ParsedUpload(
        title=title,
        body="\n\n".join(paragraphs),
        source_format="html",
        # A theme's author element names the author only where no byline does (session 53's review I2).
        author=author or furniture.byline or byline or furniture.meta_byline or meta_author,
        published=published or furniture.dateline or meta_dateline or dateline or _byline_date(tree, container),
        section=section,
        # An article has one section: the others are kept as its tags.
        tags=_with_linked_tags(_tags(meta, linked) or rel_tags, [*field_tags, *linked_tags]) + more_sections,
        summary=_first(meta, SUMMARY_META) or _ld_text(linked, "description"),
        url=url,
    )
    if parsed.published is None and unreadable_date is not None:
        raise _unreadable_date(tree, *unreadable_date)
    if parsed.published is None:
        _refuse_unreadable_json_ld(unreadable, "its date")
    # A reference to no character rejects the page only in what it keeps: not in a script, a comment or a meta
    # tag no field is taken from.
    kept = (value for field in vars(parsed).values() for value in (field if isinstance(field, tuple) else (field,)))
    refuse_stand_ins((value for value in kept if isinstance(value, str)), stand_ins)
    return parsed


def _declared_charsets(data: bytes) -> tuple[str, ...]:
    """The charset labels the page declares that are web charset labels (an unknown one is passed over), in order: an
    XML declaration's encoding, then each one the head declares (text.decode reads them; a page may declare two).

    Only `<meta charset>` and `<meta http-equiv="Content-Type" content="...; charset=...">` declare one (a meta
    description that mentions `charset=utf-8` does not).
    """
    labels: list[str] = []
    xml = _XML_ENCODING.match(data[:4096])
    if xml is not None:
        labels.append(xml.group(1).decode("ascii"))
    position = 0
    while (token := _HEAD_TOKEN.search(data, position)) is not None:
        start = token.group(0).lower()
        if start in (b"</head", b"<body"):
            break
        if start == b"<!--":
            end = data.find(b"-->", token.end())
            position = end + 3
        elif token.group(1) is not None:
            closing = re.compile(rb"</" + token.group(1) + rb"\s*>", re.IGNORECASE).search(data, token.end())
            end = closing.end() if closing is not None else -1
            position = end
        else:
            attributes = _META_ATTRIBUTES.match(data, token.end())
            if attributes is None:  # a <meta that never ends: the rest of the file is inside it
                break
            position = end = attributes.end()
            labels.append(_meta_charset(attributes.group(1)) or "")
        if end < 0:
            break
    return tuple(label for label in labels if web_charset(label) is not None)


def _meta_charset(attributes: bytes) -> str | None:
    values: dict[bytes, bytes] = {}
    for name, value in _ATTRIBUTE.findall(attributes):
        # One pair of quotes around the value: content="text/html; charset='windows-1251'" keeps its inner ones.
        quoted = len(value) > 1 and value[:1] in (b'"', b"'") and value[-1:] == value[:1]
        values.setdefault(name.lower(), value[1:-1] if quoted else value)
    if b"charset" in values:
        return values[b"charset"].decode("latin-1")
    if values.get(b"http-equiv", b"").strip().lower() == b"content-type":
        found = _CONTENT_CHARSET.search(values.get(b"content", b""))
        if found is not None:
            return next(group for group in found.groups() if group is not None).decode("latin-1")
    return None


def _meta_tags(tree: LexborHTMLParser, others: _OtherWritings) -> dict[str, list[str]]:
    """Meta tag contents by lower-cased name, property or itemprop, in document order. An itemprop in what holds
    other writings is theirs (`others`): a reader's comment marked up as a schema.org Comment, with its own author
    and datePublished, made them the article's (session 23's review)."""
    meta: dict[str, list[str]] = {}
    for node in tree.css("meta, [itemprop][content], [itemprop][datetime]"):
        attributes = node.attributes
        content = clean_line(attributes.get("content") or attributes.get("datetime") or "")
        if not content or ("itemprop" in attributes and others.hold(node)):
            continue
        for key in ("name", "property", "itemprop"):
            name = (attributes.get(key) or "").strip().lower()
            if name:
                meta.setdefault(name, []).append(content)
    return meta


def _first(meta: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    return next((meta[name][0] for name in names if name in meta), None)


# --- JSON-LD (schema.org NewsArticle) ---------------------------------------------------------------------------


def _json_ld_article(tree: LexborHTMLParser) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The page's first JSON-LD item of an article type ({} if none), its authors given by reference resolved
    (with_authors_resolved), and each JSON-LD block that could not be read (why, and its text) when none could be:
    the caller rejects the page when what it lacks may be in one."""
    unreadable: list[tuple[str, str]] = []
    article: dict[str, Any] | None = None
    people: dict[str, dict[str, Any]] = {}  # the page's JSON-LD Persons that say more than their @id, by @id
    texts = [script.text(deep=True) for script in tree.css('script[type="application/ld+json"]')]
    # A block inside an HTML comment may be one its author switched off (an old date kept beside the new block:
    # session 53's review), so it is read after every other block: its article only when theirs give none.
    for text in sorted(texts, key=lambda text: _COMMENTED_OUT.match(text) is not None):
        if len(text) > MAX_JSON_LD_CHARS or not text.strip():
            continue
        try:
            document = _json_ld_document(text)
        except json.JSONDecodeError as error:  # a browser ignores it; read by nothing, its fields are lost
            unreadable.append((f"{error.msg} at line {error.lineno} column {error.colno}", text))
            continue
        except (ValueError, RecursionError):  # absurdly nested
            unreadable.append(("it is nested too deep", text))
            continue
        for item in json_ld_items(document):
            identifier = item.get("@id")
            if isinstance(identifier, str) and len(item) > 1 and "person" in ld_types(item):
                people.setdefault(identifier, item)
            if article is None and ld_types(item) & ARTICLE_TYPES:
                article = item
        # The blocks after the article's are read only for the people it names by reference alone.
        if article is not None and not author_references(article) - people.keys():
            break
    return (with_authors_resolved(article, people), []) if article is not None else ({}, unreadable)


# The wrapper a CMS puts around a script's text for browsers and XHTML parsers of old: an HTML comment (`<!-- {…}
# -->`) or a CDATA section, commented out for JavaScript or not (`/*<![CDATA[*/{…}/*]]>*/`, `//<![CDATA[`). Such a
# block is JSON as written inside it: extruct reads it so (its HTML_OR_JS_COMMENTLINE), and the block was unread.
_COMMENTED_OUT = re.compile(r"\s*<!--")
_WRAPPER_OPENING = re.compile(r"\s*(?:<!--|(?:/\*|//)?\s*<!\[CDATA\[(?:\s*\*/)?)")
_WRAPPER_CLOSING = re.compile(r"(?:(?://\s*)?-->|(?:/\*|//)?\s*\]\]>(?:\s*\*/)?)\Z")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")  # what JSON reads as white space (RFC 8259)
# A comma after the last item (`{"headline": "…",}`) is removed where the decoder stops at it, at most this many
# times a block: each removal reads the block again.
MAX_JSON_LD_TRAILING_COMMAS = 20


def _json_ld_document(text: str) -> object:
    """The JSON of a JSON-LD block, read as JavaScript and JSON5 read what CMSs write around and in it: inside a
    wrapper (_WRAPPER_OPENING), a comma after an object's or a list's last item ignored (it says nothing: `[1, 2,]`
    is `[1, 2]`), and several values one after another read as a list of them. A tab or a line break inside a
    string, which JSON forbids and editors paste, is read as written. What is still no JSON (a quote not escaped
    inside a string, where the string ends cannot be told) raises json.JSONDecodeError."""
    text = text.rstrip()
    opening = _WRAPPER_OPENING.match(text)
    closing = _WRAPPER_CLOSING.search(text[-40:]) if opening is not None else None
    if opening is not None and closing is not None:
        text = text[opening.end() : len(text) - len(closing.group())]
    removed = 0
    while True:
        try:
            return _json_values(text)
        except json.JSONDecodeError as error:
            before = text[: error.pos].rstrip(" \t\n\r")
            trailing_comma = text[error.pos : error.pos + 1] in ("}", "]") and before.endswith(",")
            if not trailing_comma or removed == MAX_JSON_LD_TRAILING_COMMAS:
                raise
            text, removed = before[:-1] + text[len(before) :], removed + 1


def _json_values(text: str) -> object:
    """The one JSON value `text` holds, or the list of the values it holds one after another."""
    decoder, values = json.JSONDecoder(strict=False), []
    at = _after_space(text, 0)
    while at < len(text):
        value, at = decoder.raw_decode(text, at)
        values.append(value)
        at = _after_space(text, at)
    return values[0] if len(values) == 1 else values


def _after_space(text: str, at: int) -> int:
    space = _JSON_SPACE.match(text, at)
    return space.end() if space is not None else at


def _by_reference(linked: dict[str, Any]) -> bool:
    """Whether an author of the JSON-LD item is a Person it named by reference alone (with_authors_resolved)."""
    value = linked.get("author")
    return any(isinstance(p, dict) and p.get(BY_REFERENCE) for p in (value if isinstance(value, list) else [value]))


# The JSON-LD keys that give what a page may lack, as its text writes them.
_JSON_LD_KEYS = {"its date": ('"datepublished"', '"datecreated"'), "its title": ('"headline"', '"name"')}


def _refuse_unreadable_json_ld(unreadable: list[tuple[str, str]], missing: str) -> None:
    """RejectedUploadError when the page lacks `missing` ("its date", "its title") and holds JSON-LD that could not be
    read and writes a key that gives it: ignored in silence, a trailing comma lost the article its date (session 22's
    review). A broken block that gives no such key (a breadcrumb list) costs the page nothing."""
    for why, text in unreadable:
        if any(key in text.casefold() for key in _JSON_LD_KEYS[missing]):
            raise RejectedUploadError(
                f'the page gives {missing} nowhere but maybe in its JSON-LD (<script type="application/ld+json">), '
                f"which is not valid JSON ({why})",
                fix="correct the JSON-LD (a comma after the last item, a quote not escaped) and upload the page again",
            )


def _sections(meta: dict[str, list[str]], linked: dict[str, Any]) -> list[str]:
    """Every section the page names, in its order: the metas of the first SECTION_META name it has (Open Graph
    repeats `article:section` for each), else JSON-LD's `articleSection` (text or a list). A text names one section,
    commas and all (`Science, Climate & Tech`), unless it lists them with semicolons (text.section_names: `Politics;
    Local`, read item by item as a page's keywords are). Session 52 split it at commas too; its review found real
    section names cut, and that was taken back."""
    named = next((meta[name] for name in SECTION_META if name in meta), None)
    if named is not None:
        return [item for value in named for item in section_names(value, items_as_written)]
    # JSON-LD sits in a <script>, which the HTML parser leaves undecoded: its entities are decoded here, once.
    value = linked.get("articleSection")
    if isinstance(value, list):
        return [clean_line(unescape_entities(item)) for item in value if isinstance(item, str)]
    if isinstance(value, str):
        return [clean_line(item) for item in section_names(unescape_entities(value), items_as_written)]
    return []


def _taxonomy_links(container: LexborNode | None) -> tuple[list[str], tuple[str, ...]]:
    """The article's categories and tags as its links name them (`<a rel="category tag">Politics</a>`, `<a
    rel="tag">budget</a>`: WordPress's the_category() and the_tags(), Blogger's labels; microformats' rel-tag), in
    order, each once: a WordPress page seldom declares `article:section`, and its section was lost (session 52's new
    user). Only the links in the post's own lines of metadata (_in_meta_region): a tag-linking plugin (Simple Tags)
    links names and places throughout the post's text, and a widget, a "Read next" teaser or the post navigation
    names other posts' categories (session 52's second review). WordPress's "no category" (_NO_CATEGORY) is none."""
    if container is None:
        return [], ()
    others = _OtherWritings(container)
    categories: dict[str, None] = {}
    tags: dict[str, None] = {}
    for link in islice(container.css("a[rel]"), MAX_TAXONOMY_LINKS):
        name = clean_line(element_text(link)) if _is_taxonomy_link(link) else ""
        if not name or len(name) > MAX_LABEL_CHARS or others.hold(link) or not _in_meta_region(link):
            continue
        if name.casefold() not in _NO_CATEGORY:
            (categories if "category" in _rel(link) else tags)[name] = None
    return list(categories), tuple(tags)[:MAX_TAGS]


def _rel(link: LexborNode) -> list[str]:
    return (link.attributes.get("rel") or "").casefold().split()


def _is_taxonomy_link(link: LexborNode) -> bool:
    return not {"tag", "category"}.isdisjoint(_rel(link))


def _meta_lines(container: LexborNode | None) -> tuple[set[int], str | None, str | None]:
    """The blocks of the post's own lines of metadata (_in_meta_region) that are lines of metadata (_meta_line:
    Twenty Twenty's list of tags under the text, "Posted on 12 May 2015 in Politics", `<div class="entry-meta">Posted
    on <span class="date">5 December 2026</span> by <span class="author">…</span>`), which the body leaves out as it
    leaves out a header's; the first date they show that parses and the first author a theme's author element in them
    names (the article's when it declares none: session 53's new user). Never a block whose category or tag link says
    more than a label does (a paragraph inside a tag link: session 52's second review)."""
    if container is None:
        return set(), None, None
    others = _OtherWritings(container)
    lines: set[int] = set()
    dateline = author = None
    for marker in islice(container.css(_MARKER_SELECTOR), MAX_TAXONOMY_LINKS):
        if (
            not _is_meta_marker(marker)
            or others.hold(marker)
            or not (_in_meta_region(marker) or _is_entry_date(marker))
        ):
            continue
        block = _block_around(marker, container, loose=True)
        if block is None or block.mem_id in lines:
            continue
        line = _meta_line(block)
        labels = (element_text(link) for link in block.css("a[rel]") if _is_taxonomy_link(link))
        if line is None or any(len(clean_line(label)) > MAX_META_LINK_CHARS for label in labels):
            continue
        lines.add(block.mem_id)
        date, name = line
        dateline, author = dateline or date, author or name
    # Only the post's own: the first, before its text, in no aside (another post's under "Also on this blog" gave its
    # date and author: session 54's review).
    block = container.css_first(_UNMARKED_META_SELECTOR)
    own = block is not None and block.mem_id not in lines and not others.hold(block)
    line = _unmarked_meta_line(block) if own and block is not None and _opens_post(block, container) else None
    if block is not None and line is not None:
        lines.add(block.mem_id)
        dateline, author = dateline or line[0], author or line[1]
    return lines, dateline, author


def _opens_post(block: LexborNode, container: LexborNode) -> bool:
    """Whether a block stands before the post's running text (its first <p> of a sentence: is_running_text; a byline
    may stand before it), in no <aside>."""
    if any(outer.tag == "aside" for outer in _ancestors(block)):
        return False
    for node in container.traverse(include_text=False):
        if node.mem_id == block.mem_id:
            return True
        if node.tag == "p" and is_running_text(element_text(node)):
            return False
    return False


# A post's line of metadata that marks neither its date nor its author: Substack's `div.post-meta`, its author's
# link and its date in plain <div>s (session 54's attacker: "Jane Doe" and "May 12, 2015" opened the body).
_UNMARKED_META_SELECTOR = ".post-meta"
MAX_UNMARKED_META_LINES = 4


def _unmarked_meta_line(block: LexborNode) -> tuple[str, str | None] | None:
    """The date and author of a line of metadata whose lines (a short block: _short_text) are each a date that parses
    or a writer's name (_is_writers_name), at least one a date; None for any other block (a line of words is text)."""
    if _short_text(block) is None:
        return None
    parts = element_paragraphs(block)
    if not parts or len(parts) > MAX_UNMARKED_META_LINES:
        return None
    dates = [part for part in parts if parse_date(part) is not None]
    names = [part for part in parts if part not in dates and _is_writers_name(part)]
    if not dates or len(dates) + len(names) != len(parts):
        return None
    # A single word names the writer only as an agency does: "London" is the post's place (the session's review).
    return dates[0], next((name for name in names if " " in name or name.casefold() in AGENCIES), None)


def _medium_titles(container: LexborNode | None, title: str) -> set[int]:
    """The paragraphs of a Medium export that repeat its headline (`h3.graf--title`, Medium's first paragraph of a
    post, under the export's own `<h1>`: session 54), which the body leaves out as the headline."""
    if container is None:
        return set()
    grafs = islice(container.css(".graf--title"), MAX_TITLE_HEADINGS)
    return {graf.mem_id for graf in grafs if _agrees(element_text(graf), title)}


# Drupal's field of tags on a node (session 54: its label "Tags" and its terms ended the body): Drupal 8 and later
# name it `field--name-field-tags` and each term `field__item`, Drupal 7 `field-name-field-tags` and `field-item`.
_TAG_FIELD = re.compile(r"field-{1,2}name-field-(?:tags|topics|keywords)")
_TAG_FIELD_ITEMS = ".field__item, .field-item"
MAX_TAG_FIELD_LABEL_CHARS = 40  # what a field of tags holds beside its terms: its label ("Tags:")
MAX_FIELD_TERM_CHARS = 60  # a term: a few words


def _tag_fields(container: LexborNode | None) -> tuple[set[int], list[str]]:
    """The Drupal tag fields in the article (_TAG_FIELD), which the body leaves out, and the terms they name, read as
    a line of tag links is (after the tags the page declares, each once: _with_linked_tags)."""
    if container is None:
        return set(), []
    fields: set[int] = set()
    terms: list[str] = []
    for field in islice(container.css('[class*="name-field-"]'), MAX_TAXONOMY_LINKS):
        if not any(_TAG_FIELD.fullmatch(name) for name in _classes(field)) or field.mem_id in fields:
            continue
        items = field.css(_TAG_FIELD_ITEMS) or field.css("a")
        if _visible_chars(field) - sum(_visible_chars(item) for item in items) > MAX_TAG_FIELD_LABEL_CHARS:
            continue  # a field so named holding the story's text (session 54's review) is no list of terms
        fields.add(field.mem_id)
        # A keywords field may hold them in one item, "harbour, planning, council"; a long item is a description.
        for item in islice(items, MAX_TAXONOMY_LINKS):
            found = [clean_line(term) for term in element_text(item).split(",")]
            if all(len(term) <= MAX_FIELD_TERM_CHARS for term in found):
                terms.extend(term for term in found if term)
    return fields, terms


def _visible_chars(node: LexborNode) -> int:
    """Characters of text under node, whitespace aside."""
    return len("".join(node.text(deep=True).split()))


def _is_entry_date(marker: LexborNode) -> bool:
    """Whether a marker is the <time> WordPress themes write only in the post's line of metadata (Underscores'
    `time.entry-date.published` and its `time.updated` beside it), wherever the line stands: a theme's `<p>Posted on
    <time>…</time><time>…</time></p>` under the headline stayed the body's first paragraph, its two dates glued
    ("Posted on May 12, 2015January 3, 2019"; session 54's attacker)."""
    return marker.tag == "time" and not {"entry-date", "updated"}.isdisjoint(_classes(marker))


# Class names WordPress themes (and Blogger's) give the post's lines of metadata: the date, the author, the categories
# and tags (Twenty Ten to Twenty Twenty-Five, Astra, GeneratePress, OceanWP, Newspaper, Blogger's post-footer).
# A theme's plain box of tag links, `div.tags` (session 54: its `rel=tag` links were not read), also at the end of
# the post's text element (`.entry-content > div.tags`: the session's review).
_TAG_BOX_NAMES = frozenset({"tags", "article-tags", "story-tags"})
_META_REGION_NAMES = frozenset(
    {"entry-meta", "entry-footer", "entry-header", "entry-utility", "entry-categories", "entry-tags"}
    | {"entry-taxonomies", "post-meta", "post-meta-wrapper", "post-header", "post-footer", "posted-on", "posted-in"}
    | {"byline", "cat-links", "tags-links", "tag-links", "post-categories", "post-tags", "post-labels", "meta-category"}
    | {"article-meta", "post-info", "td-post-header", "td-category", "td-tags"}
    # Other themes' (session 53): OceanWP's and many a small theme's `meta`, Avada's `fusion-meta-info`, Newspaper's
    # `td-module-meta-info`, Ghost's `article-byline`.
    | {"meta", "meta-info", "fusion-meta-info", "td-module-meta-info", "article-byline", "post-byline"}
    # Drupal's node meta (session 54): Olivero's `node__meta`, Classy's `node__submitted`, Bartik's `submitted`.
    | {"node__meta", "node__submitted", "submitted"}
    | _TAG_BOX_NAMES
)
# Class names of the post's text: a link in it is the text's, never the post's metadata.
_CONTENT_NAMES = frozenset(
    {"entry-content", "post-content", "post-body", "entry-body", "article-content", "article-body", "td-post-content"}
)
# Class names of what lists other posts or the site's terms inside or beside the post: their categories are theirs.
_NOT_META_NAMES = frozenset(
    {"more-stories", "read-next", "also-read", "you-may-also-like", "related", "related-posts", "nav-links"}
    | {"nav-previous", "nav-next", "post-navigation", "navigation", "widget", "tagcloud", "wp-block-tag-cloud"}
)
# What a name holding these words is (`widget_tag_cloud`, `jp-relatedposts`, `yarpp-related`): not the post's.
_NOT_META_PARTS = ("widget", "tagcloud", "tag-cloud", "tag_cloud", "related", "read-next", "more-stories")
# A link in a line of metadata names a category or a tag, a label: a longer one is text (a paragraph in a tag link).
MAX_META_LINK_CHARS = 60
# WordPress's default category, "no category", in the languages it ships in most.
_NO_CATEGORY = frozenset(
    {"uncategorized", "uncategorised", "non classé", "non classe", "sin categoría", "sin categoria"}
    | {"unkategorisiert", "senza categoria", "sem categoria", "ongecategoriseerd"}
)
MAX_REGION_DEPTH = 200  # ancestors of a link asked whether it is in a line of metadata: a page's nest is bounded


def _in_meta_region(link: LexborNode) -> bool:
    """Whether a category or tag link stands in the post's own lines of metadata: in an element named so
    (_META_REGION_NAMES: `entry-meta`, `cat-links`, `tags-links`) or in a <header> or <footer> of an <article>; never
    in the post's text (_CONTENT_NAMES, itemprop=articleBody) but in a box of tag links there (_TAG_BOX_NAMES), nor
    in what lists other posts (_NOT_META_NAMES).
    One walk up: a <header> or <footer> passed on the way is the article's when an <article> (or `.hentry`) is met
    above it."""
    meta = tag_box = False
    passed_header_or_footer = False
    node = link.parent
    for _ in range(MAX_REGION_DEPTH):
        if node is None or node.tag in ("body", "html"):
            return meta or (passed_header_or_footer and _hentry_at_or_above(node))
        names = (node.attributes.get("class") or "").casefold().split()
        if node.tag == "nav" or not _NOT_META_NAMES.isdisjoint(names):
            return False
        if any(part in name for name in names for part in _NOT_META_PARTS):
            return False
        if (node.attributes.get("itemprop") or "").casefold() == "articlebody" or not _CONTENT_NAMES.isdisjoint(names):
            return tag_box
        tag_box = tag_box or not _TAG_BOX_NAMES.isdisjoint(names)
        meta = meta or not _META_REGION_NAMES.isdisjoint(names) or (passed_header_or_footer and _is_post(node))
        passed_header_or_footer = passed_header_or_footer or node.tag in ("header", "footer")
        node = node.parent
    return False


def _is_post(node: LexborNode) -> bool:
    """An <article>, or an element WordPress names a post (`hentry`), whose <header> and <footer> are its metadata."""
    return node.tag == "article" or "hentry" in (node.attributes.get("class") or "").split()


def _hentry_at_or_above(node: LexborNode | None) -> bool:
    """Whether the <body> or <html> the walk stopped at (or what holds it) is named `hentry`."""
    while node is not None:
        if _is_post(node):
            return True
        node = node.parent
    return False


def _ld_text(linked: dict[str, Any], key: str) -> str | None:
    value = linked.get(key)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    # JSON-LD sits in a <script>, which the HTML parser leaves undecoded: its entities are decoded here, once.
    return clean_line(unescape_entities(value)) or None if isinstance(value, str) else None


def _ld_author(linked: dict[str, Any], people_only: bool = False) -> str | None:
    """The JSON-LD item's author names, joined by ", "; `people_only`: only when every author is an item of type
    Person (an Organization may be the site's name where the byline names the writer)."""
    value = linked.get("author")
    people = value if isinstance(value, list) else [value]
    if people_only and not all(isinstance(p, dict) and ld_types(p) == {"person"} for p in people):
        return None
    names = []
    for person in people:
        name = person.get("name") if isinstance(person, dict) else person
        cleaned = clean_author(unescape_entities(name)) if isinstance(name, str) else None
        if cleaned:
            names.append(cleaned)
    return joined_authors(names) or None


# --- where the article is ----------------------------------------------------------------------------------------


def _container(tree: LexborHTMLParser) -> tuple[LexborNode | None, list[str], list[str]]:
    """The element holding the article, its paragraphs, and the links of the lines of tags among them ("Tags:
    Russia, USA": html_text.element_paragraphs).

    The first kind of CONTAINER_SELECTORS whose longest element holds CONTAINER_MIN_SHARE of the page's text, or that
    the page declares to be the article whatever its share (_is_declared_article: a brief above a longer comment
    thread), names the article (a declared <main> at once), but never at the cost of the article's own text: when
    other elements of that kind beside it hold SHARED_MIN_SHARE of its text (a live blog's entries, an article body
    in parts), or it holds less than half of the text of the container candidate (or <body>) around it (a post
    embedded in the story), that one is the article. Teasers of other stories (_is_teaser) and elements inside the
    page's chrome or inside furniture-named elements (a "related" list, a "comments" thread) are none of these.
    RejectedUploadError for a page of several articles (_refuse_several_articles).
    """
    body = tree.body
    if body is None:
        return None, [], []
    tags: dict[int, list[str]] = {body.mem_id: []}  # each measured element's lines of tags, by mem_id
    page = element_paragraphs(body, tags=tags[body.mem_id])
    page_length = _length(page)
    measured: dict[int, list[str]] = {body.mem_id: page}

    def paragraphs_of(node: LexborNode) -> list[str]:
        if node.mem_id not in measured:
            measured[node.mem_id] = element_paragraphs(node, tags=tags.setdefault(node.mem_id, []))
        return measured[node.mem_id]

    judged = _Judged(body)
    candidates = {selector: _candidates(tree, selector, judged) for selector in CONTAINER_SELECTORS}
    _refuse_several_articles(candidates["article"], paragraphs_of)
    # The page's headline: its first <h1> outside the chrome and the page's banner (an article's <header> holds it).
    headlines = islice(tree.css("h1"), MAX_CONTAINER_CANDIDATES)
    headline = next((h for h in headlines if _heading_place(h, set(), None, judged) == "outside"), None)
    _refuse_story_list(tree, body, judged, paragraphs_of)
    for selector in CONTAINER_SELECTORS:
        nodes = candidates[selector]
        if not nodes:
            continue
        best = max(nodes, key=lambda node: _length(paragraphs_of(node)))
        length = _length(paragraphs_of(best))
        declared = length < page_length * CONTAINER_MIN_SHARE
        if length <= 0 or (declared and not _is_declared_article(best, headline, candidates.values(), paragraphs_of)):
            continue
        if declared and _is_layout(best):
            # <main> is the page's dominant content (HTML's definition): the rest of the page is not the article.
            return best, paragraphs_of(best), tags[best.mem_id]
        around = _around(tree, best, body)
        thread = _thread_after(best, around, headline, paragraphs_of)
        beside = sum(
            _length(paragraphs_of(n))
            for n in nodes
            if n.mem_id != best.mem_id
            and is_inside(n, around)
            and not _is_teaser(n, paragraphs_of)
            and not any(n.mem_id == part.mem_id or is_inside(n, part) for part in thread)
        )
        rest = _length(paragraphs_of(around)) - sum(_length(paragraphs_of(part)) for part in thread)
        if beside >= length * SHARED_MIN_SHARE or length * 2 < rest:
            return around, paragraphs_of(around), tags[around.mem_id]
        return best, paragraphs_of(best), tags[best.mem_id]
    return body, page, tags[body.mem_id]


def _is_declared_article(
    node: LexborNode,
    headline: LexborNode | None,
    candidates: Iterable[list[LexborNode]],
    paragraphs_of: Callable[[LexborNode], list[str]],
) -> bool:
    """Whether the page itself says that a container candidate holding less than CONTAINER_MIN_SHARE of its text is
    the article: it is marked `itemprop=articleBody`, or it is an <article>, <main> or role=main holding the page's
    headline (its first <h1> outside the chrome) and text besides it; and no container candidate outside it holds
    more text (a header-only <article> above the story's `.article-body`). A brief under a longer comment thread,
    teaser list or legal notice with no furniture name took all of it into its body (session 53's attack report,
    the way Readability's and trafilatura's bug reports show it)."""
    attributes, length = node.attributes, _length(paragraphs_of(node))
    if "articlebody" in (attributes.get("itemprop") or "").lower().split():
        declared = True
    elif node.tag in ("article", "main") or attributes.get("role") == "main":
        declared = headline is not None and is_inside(headline, node) and length > len(element_text(headline))
    else:
        declared = False
    return declared and not any(
        not is_inside(other, node)
        and not is_inside(node, other)
        and other.mem_id != node.mem_id
        and not _is_teaser(other, paragraphs_of)
        and _length(paragraphs_of(other)) > length
        for others in candidates
        for other in others
    )


def _named_as_furniture(container: LexborNode) -> list[LexborNode]:
    """The outermost elements in the container that the body's walk leaves out by their class or id names alone
    (html_text.left_out_by_name, judged as element_paragraphs judges them) and that hold a paragraph of running text
    (html_text.is_running_text), in document order. Asked only of a page whose body came out empty: the walk visits
    every element once."""
    limit = text_length(container) * CHROME_MAX_SHARE
    lengths: dict[int, int] = {}
    found: list[LexborNode] = []
    stack = list(reversed(child_nodes(container)))
    while stack:
        node = stack.pop()
        if not node.is_element_node or node.tag in DROPPED_TAGS or is_hidden_or_chrome_by_markup(node):
            continue
        if left_out_by_name(node, limit, lengths):
            if any(map(is_running_text, element_paragraphs(node))):
                found.append(node)
            continue
        stack.extend(reversed(child_nodes(node)))
    return found


def _text_wrapper(named: list[LexborNode], title: str) -> LexborNode | None:
    """Of the elements named as furniture that hold all the page's sentences (_named_as_furniture), the one that
    wraps the article's text, if any: inside an article container (CONTAINER_SELECTORS), or holding an <h1> of the
    title (the page has none); the largest with no more than LINK_LIST_RATIO of its text in links (related stories,
    share links), no <form> (a newsletter's or a comment's box) and text that reads as a story (_reads_as_a_story).

    Such a wrapper's name is a desk's (`<div class="social">` of Social Affairs, `<div class="comment">` of an opinion
    column) or a script's hook (`article__body js-social-share-container`): the page was rejected as holding no text
    (session 53's attack report; session 51's new user). A thread of comments or a box beside the article holds
    neither the headline nor all that the article container shows besides its header."""
    containers = ", ".join(CONTAINER_SELECTORS)
    inside = [
        node
        for node in named
        if _ancestor_matches(node, containers) or any(_agrees(element_text(h1), title) for h1 in node.css("h1"))
    ]
    for node in sorted(inside, key=text_length, reverse=True):
        total = len(normalise_space(node.text(deep=True)))
        linked = sum(len(normalise_space(link.text(deep=True))) for link in node.css("a"))
        if linked < total * LINK_LIST_RATIO and node.css_first("form") is None and _reads_as_a_story(node, title):
            return node
    return None


def _reads_as_a_story(node: LexborNode, title: str) -> bool:
    """Whether a wrapper's text reads as a story's, not a box's: two paragraphs or more besides the headline, the
    first of them running text (html_text.is_running_text) saying no call to action (html_text.is_call_to_action). A
    related teaser under its "Related" label, a newsletter's, promotion's, sponsor's or social prompt is a sentence
    or two that a box says (session 53's review: each was published as the whole body)."""
    paragraphs = [p for p in element_paragraphs(node) if not _agrees(p, title)]
    return len(paragraphs) >= 2 and is_running_text(paragraphs[0]) and not is_call_to_action(paragraphs[0])


def _ancestor_matches(node: LexborNode, selector: str) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.css_matches(selector):
            return True
        parent = parent.parent
    return False


def _markup_name(node: LexborNode) -> str:
    """How an element is written in the page, its class and id alone: `<div class="social">`."""
    named = (f'{key}="{node.attributes[key]}"' for key in ("class", "id") if node.attributes.get(key))
    return "<" + " ".join((node.tag or "", *named)) + ">"


def _length(paragraphs: list[str]) -> int:
    return sum(len(paragraph) for paragraph in paragraphs)


def _candidates(tree: LexborHTMLParser, selector: str, judged: _Judged) -> list[LexborNode]:
    """The outermost elements the selector matches outside the page's chrome (nav, aside, header, footer, and what
    the body's walk leaves out by its names: html_text.left_out_by_name)."""
    return [node for node in _outermost(tree.css(selector)) if not _inside_chrome(node, judged)]


def _is_teaser(node: LexborNode, paragraphs_of: Callable[[LexborNode], list[str]]) -> bool:
    """Whether an <article> is a teaser of another story: at most TEASER_MAX_CHARS of text under a first heading that
    is all one link to another page (a live blog's entry heading links to itself, `#entry-3`, if at all)."""
    heading = node.css_first(_HEADING_TAGS)
    if heading is None or _length(paragraphs_of(node)) > TEASER_MAX_CHARS:
        return False
    if _in_teaser_list(node):
        return True
    link = _link_around(heading, node)
    if link is None:
        links = heading.css("a")
        if len(links) != 1 or element_text(links[0]) != element_text(heading):
            return False
        link = links[0]
    # A link with a fragment (`#entry-3`, `https://site/live/x#entry-3`) is a permalink to the heading's own entry.
    attributes = link.attributes
    if not any(key in attributes for key in ("href", "name", "id")):
        # A card whose export dropped its link's address (session 54: `<article class="teaser"><h3><a>…`), named as
        # the teaser it is; an anchor named for a live blog's entry (`<a name="entry-3">`) is no link to elsewhere.
        return any(_TEASER_NAMES.intersection(_NAME_PARTS.split(name)) for name in _classes(node))
    href = (attributes.get("href") or "").strip()
    return bool(href) and "#" not in href


# A box of the story's own may be a `card` or a `promo-quote` (session 54's review: "Key facts", a pull quote).
_TEASER_NAMES = frozenset({"teaser", "related"})


MAX_NESTED_TEASERS = 50  # <article>s in the article read as teasers: a page's "More on this story" lists a few
TEASER_LIST_HEADING_CHARS = 80  # what a list of teasers holds beside them: its heading ("More on this story")
TEASER_LIST_DEPTH = 4  # elements around a teaser that may be its list: each is read, so a deep nest stays cheap


def _teasers_within(container: LexborNode) -> set[int]:
    """The `mem_id`s of what in the article is teasers of other stories: each <article> nested in it that is a
    teaser (_is_teaser), or the element around such teasers that holds nothing else but a heading. "More on this
    story", its teasers' headlines and dates became the body's last paragraphs (session 23's review)."""
    measured: dict[int, list[str]] = {}

    def paragraphs_of(node: LexborNode) -> list[str]:
        if node.mem_id not in measured:
            measured[node.mem_id] = element_paragraphs(node)
        return measured[node.mem_id]

    nested = [node for node in islice(container.css("article"), MAX_NESTED_TEASERS) if node.mem_id != container.mem_id]
    teasers = [node for node in nested if _is_teaser(node, paragraphs_of)]
    found: set[int] = set()
    for teaser in teasers:
        outer = teaser
        for _ in range(TEASER_LIST_DEPTH):
            parent = outer.parent
            if parent is None or parent.mem_id == container.mem_id:
                break
            inside = [t for t in teasers if is_inside(t, parent)]
            rest = _length(paragraphs_of(parent)) - sum(_length(paragraphs_of(t)) for t in inside)
            if rest > TEASER_LIST_HEADING_CHARS:
                break
            outer = parent
        found.add(outer.mem_id)
    return found


def _link_around(heading: LexborNode, article: LexborNode) -> LexborNode | None:
    """The link the heading is inside, within the article (a card's `<a href><img><h3>…</h3></a>`), if any."""
    parent = heading.parent
    while parent is not None and parent.mem_id != article.mem_id:
        if parent.tag == "a":
            return parent
        parent = parent.parent
    return None


def _in_teaser_list(node: LexborNode) -> bool:
    """Whether an element around the article is named as a list of other stories (_TEASER_LIST_WORDS, `more-*`,
    `*-stories`: "more-stories", "read-next", "popular")."""
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        attributes = parent.attributes
        for name in f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower().split():
            parts = [part for part in _NAME_PARTS.split(name) if part]
            if parts and (
                set(parts) & _TEASER_LIST_WORDS
                or (parts[0] == "more" and len(parts) > 1)
                or (parts[-1] == "stories" and len(parts) > 1)
                or "read-next" in name
            ):
                return True
        parent = parent.parent
    return False


def _thread_after(
    node: LexborNode,
    around: LexborNode,
    headline: LexborNode | None,
    paragraphs_of: Callable[[LexborNode], list[str]],
) -> list[LexborNode]:
    """The elements after an article holding the page's headline, up to the end of the container candidate around
    it, when the first of them with text opens with a comment thread's heading: one that heads nothing else
    (furniture_lines.is_thread_heading: "12 Comments", "3 Responses to “…”", "Leave a Reply"), or one a story's
    part on readers' views may have too (furniture_lines.is_thread_invitation: "Reader comments", "Have your say")
    with a thread's markup after it (_has_thread_markup). That is a reader's thread under no furniture name, which is
    not the article's (session 53 left a brief in a bare <article>, or in a <main> beside its thread, taking it in).
    A story continued after a header-only <article> opens with its text or a subhead, and keeps it (session 54's
    review I: "Have your say" over a consultation story lost the whole story). [] otherwise."""
    if headline is None or not is_inside(headline, node):
        return []
    following: list[LexborNode] = []
    while node.parent is not None and node.mem_id != around.mem_id:
        sibling = node.next
        while sibling is not None:
            if sibling.is_element_node:
                following.append(sibling)
            sibling = sibling.next
        node = node.parent
    for at, element in enumerate(following):
        if paragraphs := paragraphs_of(element):
            thread = following[at:]
            if is_thread_heading(paragraphs[0]) or (is_thread_invitation(paragraphs[0]) and _has_thread_markup(thread)):
                return thread
            return []
    return []


# A comment's reply link or button ("Reply", WordPress's "Reply ↓"), and the comment form's text box.
_REPLY = re.compile(r"reply\W*", re.IGNORECASE)
MIN_REPLY_LINKS = 2  # one comment's "Reply" may be a story's link; a thread gives one to each comment


def _has_thread_markup(elements: list[LexborNode]) -> bool:
    """Whether the elements hold a comment form (a <textarea>) or MIN_REPLY_LINKS reply links or buttons."""
    replies = 0
    for element in elements:
        if element.tag == "textarea" or element.css_first("textarea") is not None:
            return True
        controls = [element] if element.tag in ("a", "button") else element.css("a, button")
        replies += sum(_REPLY.fullmatch(element_text(control)) is not None for control in controls)
        if replies >= MIN_REPLY_LINKS:
            return True
    return False


def _around(tree: LexborHTMLParser, node: LexborNode, body: LexborNode) -> LexborNode:
    """The nearest container candidate (any of CONTAINER_SELECTORS) around node, else <body>."""
    around = {candidate.mem_id for candidate in tree.css(", ".join(CONTAINER_SELECTORS))}
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html") and parent.mem_id not in around:
        parent = parent.parent
    return parent if parent is not None and parent.tag not in ("body", "html") else body


def _refuse_several_articles(articles: list[LexborNode], paragraphs_of: Callable[[LexborNode], list[str]]) -> None:
    """RejectedUploadError when the page holds several articles: outermost <article>s outside the page's chrome, each
    with its own <h1> and text besides it. Kept together they would be one record under the first headline; the
    largest alone lost the others in silence."""
    headlines = []
    for article in articles:
        heading = article.css_first("h1")
        if heading is None or is_hidden_or_chrome_by_markup(article) or _is_teaser(article, paragraphs_of):
            continue
        headline = element_text(heading)
        if _length(paragraphs_of(article)) > len(headline):
            headlines.append(headline)
    if len(headlines) > 1:
        named = ", ".join(f"\u201c{headline}\u201d" for headline in headlines[:3]) + (", \u2026" * (len(headlines) > 3))
        raise RejectedUploadError(
            f"the page holds {len(headlines)} articles ({named}), each under its own <h1>, and one upload is one "
            "article",
            fix="upload one article per file",
        )


# The markup of one story of a list page, each kind asked on its own: HTML's self-contained composition, WordPress's
# and microformats' post classes (`post type-post hentry`, `h-entry`), and the `story` of news themes' fronts.
_STORY_BLOCKS = ("article", ".post, .type-post", ".hentry, .h-entry", ".entry", ".story")
_STORY_HEADINGS = "h1, h2, h3, h4"
# The <body> classes of WordPress's list pages (body_class(): the posts page, an archive, a category's, a tag's, a
# search's results), and of a single post's (`single single-post postid-12`).
_LIST_BODY_CLASSES = frozenset({"blog", "archive", "category", "tag", "search-results", "date", "author"})
_SINGLE_BODY_CLASSES = frozenset({"single", "single-post"})
# A story's own block beside cards of its kind (related, next, "more" teasers) holds at least this share of their
# text: a list's cards are excerpts of like length (WordPress's excerpt is 55 words), so two such cards never come
# near it, and a single post's related and next cards are one-line teasers (session 54's review I).
DOMINANT_BLOCK_SHARE = 2 / 3
MAX_LISTED_HEADLINES = 3  # headlines a list page's rejection names


def _refuse_story_list(
    tree: LexborHTMLParser,
    body: LexborNode,
    judged: _Judged,
    paragraphs_of: Callable[[LexborNode], list[str]],
) -> None:
    """RejectedUploadError when the page lists several stories (a blog's index, a section front, an archive) and holds
    none of its own: two or more elements of one kind of _STORY_BLOCKS outside the chrome, each opening with its own
    headline (_story_headline) and holding text besides it, no running text (html_text.is_running_text) outside
    them, and either the <body> carries a WordPress list page's class (_LIST_BODY_CLASSES) or every headline is all
    one link to another page (a card linking to its story) and no block holds DOMINANT_BLOCK_SHARE of the blocks'
    text (a single post's own block beside its next and related cards). Never a list under a single post's body
    class (_SINGLE_BODY_CLASSES, `postid-N`). Kept together the stories were one article under the page's <title>
    ("World news | SomaNet") or under the first story's headline (session 54's attack report);
    _refuse_several_articles asks of <article>s under an <h1>. Unlinked headlines with no list class are left read
    as one article (session 54's review I): a photo essay's captions, a live blog's entries and a story's sections
    under <h2>s on a page whose <h1> is the logo look just like a section front's."""
    classes = set((body.attributes.get("class") or "").lower().split())
    if classes & _SINGLE_BODY_CLASSES or any(name.startswith("postid-") for name in classes):
        return
    listed = bool(classes & _LIST_BODY_CLASSES)
    for selector in _STORY_BLOCKS:
        # An element of two of the kind's classes (`post type-post`) is matched once for each.
        matched = list({node.mem_id: node for node in tree.css(selector)}.values())
        blocks = [
            node
            for node in _outermost(matched)
            if not _inside_chrome(node, judged) and not is_hidden_or_chrome_by_markup(node)
        ]
        headed = [story for story in (_story_headline(block, paragraphs_of) for block in blocks) if story is not None]
        stories = _without_entries(headed)
        if len(stories) < 2 or not (listed or all(href for _, href in stories)):
            continue
        lengths = [_length(paragraphs_of(block)) for block in blocks]
        if not listed and max(lengths) >= sum(lengths) * DOMINANT_BLOCK_SHARE:
            continue
        rest = element_paragraphs(body, skip=frozenset(block.mem_id for block in blocks))
        if any(map(is_running_text, rest)):
            continue
        headlines = [text for text, _ in stories]
        named = ", ".join(f"\u201c{headline}\u201d" for headline in headlines[:MAX_LISTED_HEADLINES])
        more = ", \u2026" if len(headlines) > MAX_LISTED_HEADLINES else ""
        # _outermost reads the first MAX_CONTAINER_CANDIDATES blocks: a longer list's count is a floor.
        count = f"{len(headlines)}{' or more' * (len(blocks) == MAX_CONTAINER_CANDIDATES)}"
        raise RejectedUploadError(
            f"the page lists {count} articles ({named}{more}): it is a list of stories (an index, section "
            "front or archive page), not one article",
            fix="upload each article from its own page, one article per file",
        )


MIN_LISTED_LINKS = 3  # a list's items, each all one link, that make a page with no text besides a list of stories


def _refuse_link_list(tree: LexborHTMLParser) -> None:
    """RejectedUploadError for a page with no article text whose longest list (`<ul>`, `<ol>`) outside the chrome
    holds MIN_LISTED_LINKS or more items, each all one link to another page: an index of headlines, which was told
    to "put the article's text in <p> elements" (session 55's attack report, F4). Asked only of a page rejected for
    holding no text: it names what the page is instead."""
    judged = _Judged(tree.body)
    listed: list[str] = []
    for listing in islice(tree.css("ul, ol"), MAX_CONTAINER_CANDIDATES):
        if _inside_chrome(listing, judged) or is_hidden_or_chrome_by_markup(listing):
            continue
        items = [item for item in child_nodes(listing) if item.tag == "li"]
        links = [item.css("a") for item in items]
        headlines = [
            element_text(item)
            for item, found in zip(items, links, strict=True)
            if len(found) == 1
            and element_text(found[0]) == element_text(item)
            and not (found[0].attributes.get("href") or "#").strip().startswith("#")
        ]
        if len(headlines) == len(items) >= max(MIN_LISTED_LINKS, len(listed) + 1):
            listed = headlines
    if listed:
        named = ", ".join(f"\u201c{headline}\u201d" for headline in listed[:MAX_LISTED_HEADLINES])
        more = ", \u2026" if len(listed) > MAX_LISTED_HEADLINES else ""
        raise RejectedUploadError(
            f"the page's only text is a list of {len(listed)} links ({named}{more}): it is a list of stories (an "
            "index, section front or archive page), not one article",
            fix="upload each article from its own page, one article per file",
        )


def _story_headline(block: LexborNode, paragraphs_of: Callable[[LexborNode], list[str]]) -> tuple[str, str] | None:
    """A listed story's headline and the address it is all one link to ("" for none), when the block opens with it
    (its first or second line, a kicker may stand above; or in the block's own <header>, which the body's walk leaves
    out) and holds text besides it; else None."""
    heading = block.css_first(_STORY_HEADINGS)
    if heading is None:
        return None
    headline, paragraphs = element_text(heading), paragraphs_of(block)
    opens = headline in paragraphs[:2]
    if not headline or not (opens or _ancestor_matches(heading, "header")):
        return None
    if _length(paragraphs) <= (len(headline) if opens else 0):
        return None
    link = _link_around(heading, block)
    if link is None:
        links = heading.css("a")
        link = links[0] if len(links) == 1 and element_text(links[0]) == headline else None
    return headline, (link.attributes.get("href") or "").strip() if link is not None else ""


def _without_entries(stories: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (headline, address) of _story_headline's stories without a live blog's entries, whose headings link to the
    entry itself: a place on the page (`#entry-3`), or on an address that another such heading links into too (the
    page's own, `https://x/live#entry-3`). A story's card may link to a place on its story's page: any link holding
    a `#` was an entry's, and a list whose cards link `/news/a-story#comments` was read as one article (session 54's
    reading of the change)."""
    pages = Counter(href.partition("#")[0] for _, href in stories if "#" in href)
    return [
        (headline, href)
        for headline, href in stories
        if "#" not in href or not (href.startswith("#") or pages[href.partition("#")[0]] > 1)
    ]


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """The first MAX_CONTAINER_CANDIDATES of nodes that are inside none of the others: a nested one holds no more
    text than the one around it, and reading each of 1,990 nested <article>s took 8 s for an 18 KB page."""
    matched = {node.mem_id for node in nodes}
    outermost: list[LexborNode] = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in matched and parent.tag not in ("body", "html"):
            parent = parent.parent
        if parent is None or parent.mem_id not in matched:
            outermost.append(node)
            if len(outermost) == MAX_CONTAINER_CANDIDATES:
                break
    return outermost


def _inside_chrome(node: LexborNode, judged: _Judged) -> bool:
    """Whether the element is inside the page's chrome. An element marked as the article's text
    (`itemprop=articleBody`) is inside it only under a nav, aside or footer, hidden or given a chrome role: the names
    of the elements around it (a theme's `tonal__main--tone-comment`) do not overrule the mark."""
    article_body = "articlebody" in (node.attributes.get("itemprop") or "").lower().split()
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if article_body:
            if parent.tag in ("nav", "aside", "footer") or is_hidden_or_chrome_by_markup(parent):
                return True
        elif parent.tag == "header" or judged.is_chrome(parent):
            return True
        parent = parent.parent
    return False


# --- the article's header ----------------------------------------------------------------------------------------

# Sectioning elements: a <header> belongs to the nearest one around it (HTML's rule), or to the page (body).
_SECTIONING = frozenset({"article", "section", "aside", "nav", "body", "html"})
# A date stamp in words, where a header writes no <time>: "Published 12 May 2015", "Last modified on Tue 12 May 2015
# 18.03 BST" (the Guardian), "Updated: May 12, 2015 at 10:00 am". A line of a header may hold several, and start with
# a date alone: "12 May 2015 13.42 BST Last modified on 13 May 2015", "Posted May 12, 2015 | Updated May 13, 2015".
_STAMP_WORDS = (
    r"(?:(?:first|last|originally)\s+)?(?P<kind>published|posted|updated|modified|edited|revised)\b(?:\s+(?:on|at)\b)?"
)
_STAMP = re.compile(rf"(?:{_STAMP_WORDS})?\s*:?\s*(?P<date>.+)", re.IGNORECASE | re.DOTALL)
_STAMP_START = re.compile(rf"\b{_STAMP_WORDS}", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# A heading is text though it is a link (`<h2><a href="#part-1">Part 1</a></h2>`, an anchor to itself).
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hgroup"})
# A byline or date line is short: a longer block of a header is text. Its elements are counted too, so that telling
# costs the same for a block of any size.
MAX_META_LINE_CHARS = 300
MAX_META_LINE_NODES = 60
# The nodes of the article's headers searched for furniture, all headers together (a header holds a few dozen):
# the search is bounded on any page. A header past it is read as text, furniture and all.
MAX_HEADER_NODES = 3_000


def _article_headers(container: LexborNode) -> list[LexborNode]:
    """The <header>s in the container that belong to an article or a section (HTML's rule), not to the page: their
    text (a standfirst or subtitle under the headline) is the article's, where the body leaves every other header
    out as the site's banner."""
    owners: dict[int, str | None] = {}  # what each element's headers belong to: each ancestor is looked up once
    headers = []
    # A <section> outside any article that wraps a whole page (no <article>, no <main>) owns the site's banner: its
    # header is the article's only when it holds the headline (the tagline "The world, every day" became text).
    in_article = container.tag == "article"
    in_articles = set() if in_article else {header.mem_id for header in container.css("article header")}
    for header in container.css("header"):
        path, node = [], header.parent
        while node is not None and node.tag not in _SECTIONING and node.mem_id not in owners:
            path.append(node.mem_id)
            node = node.parent
        owner = None if node is None else owners.get(node.mem_id, node.tag)
        owners.update(dict.fromkeys(path, owner))
        if owner == "article" or (
            owner == "section" and (in_article or header.mem_id in in_articles or header.css_first("h1") is not None)
        ):
            headers.append(header)
    return headers + _header_named_blocks(container)


# Class or id names that, alone on an element in an <article>, call it the article's header as the element would be
# (HTML's rule for <header>: it belongs to the nearest article), not the site's.
_HEADER_NAMES = frozenset({"header", "banner"})


def _header_named_blocks(container: LexborNode) -> list[LexborNode]:
    """The elements in an <article> of the container named `header` or `banner` alone that are a subhead
    (`<div class="header">Sanctions</div>`) or a pull quote between paragraphs of the story: a line of text, not all
    links (_only_links), holding no block of its own, with running text (html_text.is_running_text) next to it on
    both sides. Such lines were lost as the site's banner (session 53's attack report; Readability's bug reports).
    Anything else so named stays out: a header holding the headline, a kicker, "5 min read" or "Share", a banner of
    "Breaking news", "LIVE" or "Sponsored by …" above the story (session 53's review: each was added to the body); a
    site's banner named so stands outside the article, and a banner ad inside it is an image or a link."""
    found = []
    for node in container.css(".header, .banner, #header, #banner"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower().split()
        text = element_text(node)
        if (
            set(names) <= _HEADER_NAMES
            and text
            and not _only_links(node, text)
            and not any(
                child.tag in BLOCK_TAGS for child in node.traverse(include_text=False) if child.mem_id != node.mem_id
            )
            and _in_an_article(node, container)
            and is_running_text(_beside(node, forward=False))
            and is_running_text(_beside(node, forward=True))
        ):
            found.append(node)
    return found


def _beside(node: LexborNode, *, forward: bool) -> str:
    """The text of the node's nearest sibling holding any, before it or after it ("" for none)."""
    sibling = node.next if forward else node.prev
    while sibling is not None:
        text = element_text(sibling) if sibling.is_element_node else normalise_space(sibling.text_content or "")
        if text:
            return text
        sibling = sibling.next if forward else sibling.prev
    return ""


def _in_an_article(node: LexborNode, container: LexborNode) -> bool:
    """Whether an <article> around the node, within the container (or the container itself), holds it."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        if parent.mem_id == container.mem_id:
            return False
        parent = parent.parent
    return False


class _HeaderFurniture:
    """What an article's headers hold besides text, to leave out of the body: a block that is a line of metadata
    (a <time> or author link with only words such as By, Published, on around them), a byline, a date line of the
    article's date, a byline with a date ("By Jane Doe | 12 May 2015"), or the title, author or section repeated.
    Blocks are the header's block elements and the elements right inside it (a kicker link, a byline <span>). The
    author and date such lines name are the article's when it declares none."""

    def __init__(self, title: str, heading: str, author: str | None, published: str | None, section: str | None):
        self.title, self.heading, self.author, self.published = title, heading, author, published
        self.section = (section or "").casefold()
        self.skip: set[int] = set()
        self.byline: str | None = None
        # The author a theme's author element names: after any byline (session 53's review I2).
        self.meta_byline: str | None = None
        self.dateline: str | None = None
        self.budget = MAX_HEADER_NODES

    def find(self, header: LexborNode) -> None:
        # Pre-order through sibling links, (node, a line of its own right inside the header): each step is one
        # node, within budget. Beside text the header holds itself, an element right inside it is part of a
        # sentence ("Talks held on <time>12 May</time> ended"), judged with it: left in.
        loose = _holds_text(header)
        stack: list[tuple[LexborNode | None, bool]] = [(header.child, not loose)]
        while stack and self.budget > 0:
            node, top = stack.pop()
            if node is None:
                continue
            self.budget -= 1
            stack += [(node.next, top), (node.child, False)]
            if not node.is_element_node or node.mem_id in self.skip:
                continue
            if _is_meta_marker(node):
                block = _block_around(node, header, loose)
                if block is not None and self._is_meta_line(block):
                    self.skip.add(block.mem_id)
            if (node.tag in BLOCK_TAGS or top) and self._is_furniture(node):
                self.skip.add(node.mem_id)

    def _is_meta_line(self, block: LexborNode) -> bool:
        """Whether block is a line of metadata (_meta_line: short, only its markers and words such as By,
        Posted on); if so, the first date it shows that parses becomes the page's dateline when none was found yet."""
        line = _meta_line(block)
        if line is None:
            return False
        # A date the line shows in no <time> (Astra's `<span itemprop="datePublished">`) is the article's when it
        # declares none, as a date line's is; so is the author of a theme's author element.
        date, name = line
        self.dateline, self.meta_byline = self.dateline or date, self.meta_byline or name
        return True

    def _is_furniture(self, block: LexborNode) -> bool:
        text = _short_text(block)
        if not text:
            return False
        if self.section and text.casefold() == self.section:
            return True
        if block.tag not in _HEADINGS and _only_links(block, text):
            return True
        if block.tag == "address" and self.author and _names_all(text, self.author):
            # HTML's <address> is the article's contact information: the Guardian's byline, "Jane Doe in Sochi".
            return True
        stamps = _date_stamps(text)
        if stamps is not None:
            published = next((written for kind, written in stamps if kind not in CHANGE_STAMPS), None)
            if published is None:  # only later changes: none is the article's date
                return True
            if self.published and parse_date(published) != parse_date(self.published):
                return False  # another day than the declared one: text, as a date line is
            # The first publication's day over a later change's above it (the Guardian's; session 54's attacker).
            self.dateline = published if is_first_publication(text) else self.dateline or published
            return True
        kept, name, dateline = without_leading_furniture(
            [text], self.title, self.author, self.heading, self.published, everywhere=True
        )
        if (kept and name is None) or (name is not None and dateline is None):
            # "By Jane Doe | Published 12 May 2015": byline_name reads the name alone (session 23's review).
            name, dateline = byline_with_date(text) or (name, dateline)
            if name is not None and names_others(name, self.author):
                # Another reporter than the declared author: text, as without_leading_furniture keeps it; its date
                # is still the article's.
                self.dateline = self.dateline or dateline
                return False
        self.byline, self.dateline = self.byline or name, self.dateline or dateline
        return not kept or name is not None


def _meta_line(block: LexborNode) -> tuple[str | None, str | None] | None:
    """The first date that parses and the first author a line of metadata shows in elements marked as the publication's
    (itemprop=datePublished, a theme's date class: _DATE_CLASSES) and the author's (a theme's author class:
    _AUTHOR_CLASSES), each None if it shows none, or None when the block is no such line: short, and its text, but for
    its markers' (_is_meta_marker: a <time>, the author's, a category's or tag's link, a theme's date or author element,
    the block itself if marked so), only words such as By, Posted on, in, Tagged (_LINE_WORDS). A theme's element counts
    only when it holds what its class names: a date (_date_stamps, after a label such as Posted on) or writers' names
    (_is_writers_name). Never a block inside an author box (_in_author_box)."""
    rest = _short_text(block)
    if rest is None or _in_author_box(block):
        return None
    dates, authors = [], []
    for marker in [block, *block.css("*")]:
        if not _is_meta_marker(marker):
            continue
        text, classes = element_text(marker), _classes(marker)
        author = _byline_author(marker) if not _AUTHOR_CLASSES.isdisjoint(classes) else None
        author = author if author and _is_writers_name(author) else None
        if not _is_named_marker(marker) and _date_stamps(text) is None and author is None:
            # A theme's class says what the element should hold, not what it does: a sentence in `p.date` ("The
            # ruling came on 22 May 2023."), a biography or a contact in `p.author` is text (session 53's review I2).
            continue
        rest = rest.replace(text, " ")
        if (marker.attributes.get("itemprop") or "").casefold() == "datepublished" or not _DATE_CLASSES.isdisjoint(
            classes
        ):
            dates.append(text)
        elif author is not None:
            authors.append(author)
    if not all(word in _LINE_WORDS for word in _WORD.findall(rest.casefold())):
        return None
    return next((date for date in dates if parse_date(date) is not None), None), next(iter(authors), None)


def _is_writers_name(author: str) -> bool:
    """Whether an author element's text names writers as a byline does: an author element's names (names_people) that
    "By" before them makes a byline of (byline_name: people by their full names, an agency, a desk), not a press
    office's contact card nor a biography's sentence (session 53's review I2)."""
    return names_people(author) and byline_name(f"By {author}") is not None


# Names of an author box (a biography, an avatar, "About the author"): a name in it is the author's, never a line of
# metadata (session 53's review I2: "About the author Jane Doe covers Russia..." became the author).
_AUTHOR_BOX_PARTS = ("author-box", "authorbox", "about-author", "author-bio", "author-description", "saboxplugin")


def _in_author_box(block: LexborNode) -> bool:
    node: LexborNode | None = block
    for _ in range(MAX_REGION_DEPTH):
        if node is None or node.tag in ("body", "html"):
            return False
        if any(part in name for name in _classes(node) for part in _AUTHOR_BOX_PARTS):
            return True
        node = node.parent
    return False


def _date_stamps(text: str) -> list[tuple[str, str]] | None:
    """The (kind, date) of each date stamp a line of the header is made of (_STAMP: kind "" for a date alone, else
    the lower-cased word, "published" or "modified"), or None when any part of the line is no date."""
    stamps = []
    starts = [0, *(found.start() for found in _STAMP_START.finditer(text)), len(text)]
    for start, end in pairwise(starts):
        part = text[start:end].strip(" |,\u00b7\u2022")
        if not part and start == 0:
            continue  # the line starts with a stamp's words
        stamp = _STAMP.fullmatch(part)
        if stamp is None or parse_date(stamp["date"]) is None:
            return None
        stamps.append(((stamp["kind"] or "").casefold(), stamp["date"]))
    return stamps


def _names_all(text: str, author: str) -> bool:
    """Whether the text names every one of the authors ("Jane Doe, John Roe" in "Jane Doe and John Roe in Sochi")."""
    folded = text.casefold()
    return all(name.strip().casefold() in folded for name in author.split(","))


def _only_links(block: LexborNode, text: str) -> bool:
    """Whether all the block's text is its links' (a kicker or category, tags, share links): no sentence is."""
    for link in [block] if block.tag == "a" else block.css("a"):
        text = text.replace(element_text(link), " ")
    return _LETTER_OR_DIGIT.search(text) is None


def _is_meta_marker(node: LexborNode) -> bool:
    """A <time>, a link or element naming the author (rel=author, itemprop=author) or the date (itemprop=datePublished
    or dateModified), a link to a category or tag (rel=category, rel=tag: a WordPress theme's `cat-links`), or an
    element a theme names for the date, the author or a later change (_MARKER_CLASSES)."""
    return _is_named_marker(node) or not _MARKER_CLASSES.isdisjoint(_classes(node))


def _is_named_marker(node: LexborNode) -> bool:
    """A <time>, or an element whose rel or itemprop names the author, the date, a category or a tag."""
    attributes = node.attributes
    named = f"{attributes.get('rel') or ''} {attributes.get('itemprop') or ''}".lower().split()
    return node.tag == "time" or not _MARKER_NAMES.isdisjoint(named)


def _classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").casefold().split()


_MARKER_NAMES = frozenset({"author", "category", "tag", "datepublished", "datemodified"})
# Class names themes give the date and the author in a line of metadata, where it writes no <time> and no rel=author
# link: Twenty Thirteen's `date`, Twenty Fourteen's `entry-date`, the `posted-on` and `byline` of Underscores and the
# themes built on it (Twenty Fifteen to Twenty Twenty-One, Astra, GeneratePress), hAtom's `published`, `updated`,
# `author vcard` and `fn`, Divi's `published`, OceanWP's `meta-date` and `meta-author`, Genesis's `entry-author`,
# Ghost's `byline-meta-date` (session 53's new user: `Posted on <span class="date">5 December 2026</span> by <span
# class="author">…</span>` stayed the body's first paragraph, its date lost).
_DATE_CLASSES = frozenset(
    {"date", "entry-date", "post-date", "posted-on", "published", "pubdate", "meta-date", "article-date"}
    | {"byline-meta-date", "td-post-date", "post-timestamp"}
    | {"field--name-created", "node__pubdate"}  # Drupal's node date (session 54's attacker: body text, undated)
)
_AUTHOR_CLASSES = frozenset(
    {"author", "byline", "by-author", "posted-by", "vcard", "fn", "author-name", "entry-author", "post-author"}
    | {"meta-author", "td-post-author-name"}
    | {"field--name-uid", "node__author", "username"}  # Drupal's node author (session 54's attacker)
)
# ...and beside them a later change's (never the article's date).
_MARKER_CLASSES = _DATE_CLASSES | _AUTHOR_CLASSES | {"updated"}
_MARKER_SELECTOR = ", ".join(
    ["time", "[rel]", "[itemprop]", *(f'[class~="{name}"]' for name in sorted(_MARKER_CLASSES))]
)
# Words a theme's line of metadata writes around its category and tag links ("Posted on <time> in <a>Politics</a>",
# "Categorized as", "Filed under", "Tagged"), beside the byline's and the date's (bylines.META_WORDS).
_LINE_WORDS = META_WORDS | frozenset(
    {"in", "as", "under", "filed", "categories", "category", "categorized", "categorised", "tags", "tagged", "labels"}
    | {"submitted"}  # Drupal's "Submitted by <author> on <date>"
)


def _short_text(block: LexborNode) -> str | None:
    """The block's text as the body reads it, if it is short enough to be a line of metadata; else None."""
    count, visible, stack = 0, 0, [block.child]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        count += 1
        if node.tag == "-text":
            # Counted without reading it (at C speed): a block holding a long text is in as many blocks as there
            # are around it, and reading each took 2.5 s for 500 KB of text in 55 <div>s in a header.
            raw = node.text_content or ""
            visible += len(raw) - sum(raw.count(space) for space in " \t\n\r\f")
        if count > MAX_META_LINE_NODES or visible > MAX_META_LINE_CHARS:
            return None
        # What is never text (an icon's <svg> paths, a script) is not looked into: the body does not read it.
        stack += [node.next, None if node.tag in DROPPED_TAGS else node.child]
    text = element_text(block)
    return text if len(text) <= MAX_META_LINE_CHARS else None


def _holds_text(header: LexborNode) -> bool:
    """Whether the header holds visible text of its own, outside any element."""
    child = header.child
    while child is not None:
        if child.tag == "-text" and (child.text_content or "").strip():
            return True
        child = child.next
    return False


def _block_around(marker: LexborNode, header: LexborNode, loose: bool) -> LexborNode | None:
    """The block element holding the marker inside the header (the element right inside the header holding it,
    unless the header holds `loose` text of its own: then that element is part of a sentence)."""
    node: LexborNode | None = marker
    for _ in range(MAX_META_LINE_NODES):  # a line of metadata is a few elements deep: the walk up is bounded
        if node is None or node.parent is None or node.mem_id == header.mem_id:
            return None
        if node.tag in BLOCK_TAGS or (node.parent.mem_id == header.mem_id and not loose):
            return node
        node = node.parent
    return None


# --- metadata ----------------------------------------------------------------------------------------------------


def _title(
    tree: LexborHTMLParser,
    meta: dict[str, list[str]],
    linked: dict[str, Any],
    container: LexborNode | None,
    shown: list[str],
) -> tuple[str, LexborNode | None, list[str], str]:
    """The headline, the heading element that shows it (left out of the body), the site's names the page
    declares or marks (_Headings.marked), and the masthead known only by where it stands (_Headings.masthead), if any.

    The first of og:title (or twitter:title), the article's heading (_Headings.headline), JSON-LD headline and
    <title>, the site's name cut from them (_strip_site); then, as a last resort, an <h1> outside the article. A
    heading of the page's chrome (a logo, a sidebar's "Most read") is never the headline. `shown` is the container's
    paragraphs (what the page shows, for a page with no article container: _Headings).
    """
    shared = normalise_space(_first(meta, ("og:title", "twitter:title")) or "")
    page_title_node = tree.css_first("title")
    page_title = normalise_space(page_title_node.text(deep=True)) if page_title_node is not None else ""
    declared = _first(meta, ("og:site_name", "application-name")) or _ld_publisher(linked)
    repeated = _copyright_lines(tree)
    if container is not None and container.tag == "body":
        # A page with no footer element ends with its copyright line as a paragraph.
        repeated = " ".join([repeated, *(line.casefold() for line in shown[-3:] if is_copyright_line(line))])
    sites = [normalise_space(declared)] if declared else []
    headings = _Headings(tree, container, sites, page_title, shown, repeated)
    heading = _docs_title(tree) or headings.headline([text for text in (page_title, shared) if text])
    heading_text = element_text(heading) if heading is not None else ""
    page_headline = _strip_site(page_title, headings.sites, heading_text, repeated, page_title=True)
    if headings.own and headings.is_site(page_headline):
        page_headline = ""  # the <title> is the site's name alone: the article's own heading is the headline
    shared_headline = _strip_site(shared, headings.sites, heading_text, repeated, page_title=False)
    # An og:title that is the site's name alone (a CMS's default) gives way to the article's own headline, as a
    # <title> does (session 21's review: every article of such a site had its name for headline).
    site_name = headings.is_site(shared_headline)
    linked_headline = _ld_text(linked, "headline") or ""
    shared_headline = _untruncated(shared_headline, (heading_text, normalise_space(linked_headline), page_headline))
    candidates = (
        "" if site_name else shared_headline,
        heading_text,
        linked_headline,
        page_headline,
        shared_headline,
    )
    title = next((c for c in candidates if c), "")
    if not title and headings.last_resort is not None:
        heading = headings.last_resort
        title = element_text(heading)
    return title, heading, headings.marked, headings.masthead or _masthead_shown_first(headings, heading, shown)


def _masthead_shown_first(headings: _Headings, heading: LexborNode | None, shown: list[str]) -> str:
    """On a page with no article container whose one <h1> is not the headline (a <title> holds it), that <h1>'s
    text when it is the page's first block: a masthead (`<h1>The New York Times</h1><p>Tuesday, May 12, 2015</p><p>By
    Jane Doe</p>`), whose date line or byline under it is the article's (session 56's second review), else ""."""
    if heading is not None or not headings.page_wide:
        return ""
    own_h1 = [node for node in headings.own if node.tag == "h1"]
    if len(own_h1) != 1 or not shown or shown[0] != element_text(own_h1[0]):
        return ""
    return shown[0]


# A class Google Docs' HTML export gives every styled element: `c` and a number.
_DOCS_CLASS = re.compile(r"c\d+")


def _docs_title(tree: LexborHTMLParser) -> LexborNode | None:
    """The paragraph in Google Docs' "Title" style, in a page Docs exported (File > Download > Web page): `<p class="c1
    title">` right in the document's body, a `doc-content` body or one of Docs' numbered classes (`c9`) with the
    paragraph's all numbered too. It is the document's headline, and an editor who wrote it so could not give the
    page a heading Docs exports as <h1> (session 52's new user: "the page has no title"). Only in a page with no <h1>
    (an editor who used Heading 1 for the headline used Title for something else: a masthead, a fact box's heading),
    and only a paragraph of the document itself, not one in a table, an aside, a header or a nav: a `p.title` of
    an ordinary page ("Most read", "Sponsored") is no headline (session 52's second review). Docs' "Subtitle" is a
    standfirst, which stays the body's first paragraph, as under any headline."""
    body = tree.body
    if body is None or tree.css_first("h1") is not None:
        return None
    body_classes = (body.attributes.get("class") or "").split()
    in_docs = "doc-content" in body_classes
    if not in_docs and not any(_DOCS_CLASS.fullmatch(name) for name in body_classes):
        return None
    for paragraph in islice(tree.css("p.title"), MAX_TITLE_HEADINGS):
        if paragraph.parent is None or paragraph.parent.mem_id != body.mem_id:
            continue
        others = [name for name in (paragraph.attributes.get("class") or "").split() if name != "title"]
        if (in_docs or others) and all(_DOCS_CLASS.fullmatch(name) for name in others) and element_text(paragraph):
            return paragraph
    return None


# An ellipsis ending a headline cut short (`… roads and...`, `… roads…`, `. . .`).
_TRUNCATION = re.compile(r"\s*(?:\.\s*\.\s*\.|\u2026)$")


def _untruncated(headline: str, fuller: tuple[str, ...]) -> str:
    """An og:title cut short with an ellipsis (`Council approves budget after six months of wrangling over roads
    and...`) gives way to the first of the page's other headlines that starts with what it kept and says more: the
    words after the cut were in no field (session 51)."""
    found = _TRUNCATION.search(headline)
    if found is None or not (kept := headline[: found.start()].casefold()):
        return headline
    return next((text for text in fuller if len(text) > len(kept) and text.casefold().startswith(kept)), headline)


# Class and id name parts of a site's logo or name: a heading so named, or inside an element so named, shows the
# site's name, never the article's headline. "site-title" and "site-name" are such names too.
_LOGO_WORDS = frozenset({"logo", "brand", "branding", "masthead", "sitename", "wordmark", "sitetitle"})
_NAME_PARTS = re.compile(r"[_\-]+")
# The headings weighed for the headline (h1 to h3, in document order): the headline is near the top.
MAX_TITLE_HEADINGS = 100
MAX_AUTHORS_READ = 5  # author elements read for a name, for each selector
MAX_DATE_CANDIDATES = 100  # distinct date candidates (metas, JSON-LD, <time>) read for the page's date
MAX_SITE_NAME_CHARS = 80
MAX_LOGOS = 10


class _Headings:
    """The page's headings (h1 to h3) by where they are: the article's own (in the container, not in its chrome),
    elsewhere outside the page's chrome, in the page's banner (a <header> of no article, section or main), and in
    its chrome (nav, aside, footer, hidden or furniture-named elements, a logo). `sites` are the site's names: the
    declared one (og:site_name, application-name, JSON-LD publisher) and those the page shows as its logo (a heading
    or element named logo or brand, a heading that is all a link to the home page, an <h1> that is the last segment
    of the <title>). `marked` are those of them the page declares or marks as its name (declared, named logo or
    brand, a link to the home page, the holder of its copyright line), not only inferred from where a heading stands.

    On a page with no article container (the container is <body>: old sites' plain, <div> and <table> layouts) every
    heading outside the chrome and the banner is the article's own, and `shown` (the page's paragraphs) tells the
    site's masthead from the headline (_masthead)."""

    def __init__(
        self,
        tree: LexborHTMLParser,
        container: LexborNode | None,
        sites: list[str],
        page_title: str,
        shown: list[str],
        repeated: str,
    ):
        self.sites = sites
        self.marked = list(sites)
        self.masthead = ""
        self.page_wide = container is not None and container.tag == "body"
        self.container = container
        self.written = shown if self.page_wide else []
        self.shown = [paragraph.casefold() for paragraph in shown] if self.page_wide else []
        self.repeated = repeated
        self.own: list[LexborNode] = []
        self.outside: list[LexborNode] = []
        self.banner: list[LexborNode] = []
        wrappers = set()
        node = container
        while node is not None:
            wrappers.add(node.mem_id)
            node = node.parent
        inside = container.mem_id if container is not None else None
        seen = _Judged(tree.body)
        for logo in tree.css('[class*="logo"], [id*="logo"], [class*="brand"], [id*="brand"]')[:MAX_LOGOS]:
            text = element_text(logo)
            if _is_logo_named(logo) and 0 < len(text) <= MAX_SITE_NAME_CHARS:
                self.sites.append(text)
                self.marked.append(text)
        # The <title>'s first or last segment ("Real headline | SomaNet News"): an <h1> outside the article that says
        # only that shows the site's name. The article's own heading never does: "Daily Planet | Budget approved"
        # over <h1>Budget approved</h1> names its headline.
        suffixes = {
            part.casefold()
            for sep in _TITLE_SEPARATORS
            if sep in page_title
            for part in (page_title.rpartition(sep)[2], page_title.partition(sep)[0])
        }
        for heading in tree.css("h1, h2, h3")[:MAX_TITLE_HEADINGS]:
            text = element_text(heading)
            place = _heading_place(heading, wrappers, inside, seen)
            marked = place == "logo" or _is_home_link(heading) or _is_name_in(text, self.marked)
            if (
                place != "chrome"
                and text
                and (
                    marked
                    or self._is_site(text)
                    or (heading.tag == "h1" and place != "own" and text.casefold() in suffixes)
                )
            ):
                place = "logo"
                if len(text) <= MAX_SITE_NAME_CHARS:
                    self.sites.append(text)
                    if marked:
                        self.marked.append(text)
            if place == "own":
                self.own.append(heading)
            elif place == "outside":
                self.outside.append(heading)
            elif place == "banner" and heading.tag == "h1":
                self.banner.append(heading)
        if self.page_wide:
            self._masthead(tree, page_title, self.shown, repeated)
        # A banner <h1> that is the whole <title> ("Daily Planet" over an article headed <h2>Budget approved</h2>)
        # is the site's name when the article has a heading of its own.
        if self.own and not any(heading.tag == "h1" for heading in self.own):
            for heading in [h for h in self.banner if element_text(h).casefold() == page_title.casefold()]:
                self.banner.remove(heading)
                self.sites.append(element_text(heading))

    def _masthead(self, tree: LexborHTMLParser, page_title: str, shown: list[str], repeated: str) -> None:
        """On a page with no article container, the heading showing one side of the <title> ("Headline | Site") is
        the site's masthead, not the headline, when the page's copyright line (`repeated`) gives it as its whole
        holder, or when the block the page shows directly after it (`shown`: its paragraphs, headings among them) is
        the other side: a heading or an emphasised block (<h1>Daily Planet</h1><h2>Budget approved</h2>,
        <h1>Daily Planet</h1><p><b>Budget approved</b></p>, whichever side of the <title> the site's name is), or
        any block when the heading is the <title>'s last side (a <title> names the headline first). Else a heading
        is the headline, whichever side it is: `Daily Planet - Budget approved` over <h1>Budget approved</h1> (an
        <h1> that was either side was taken for the site's logo, and the site's name became every such page's
        headline until session 50). Session 50's review narrowed the evidence: a site's name further down (a later
        heading, a line in the footer or the address, a word of the copyright line) made the headline <h1> the
        masthead; a section's name over the headline in bold (`Sport: United win the cup`) was the headline."""
        texts = [element_text(heading).casefold() for heading in self.own]
        for written_first, _, written_last in _title_sides(page_title):
            first, last = written_first.casefold(), written_last.casefold()
            for index, text in enumerate(texts):
                # The last side with a tagline after it (`Lowtown Gazette: all the news`) names the site too.
                names_last = text == last or (text != first and _names_site(text, [last]))
                other = last if text == first else first if names_last else None
                if other is None:
                    continue
                if is_copyright_holder(text, repeated):
                    self.marked.append(element_text(self.own[index]))
                elif _heads_text_after(shown, text, other, tree):
                    # Blocks stand between it and the headline: a date line or byline there is the article's.
                    self.masthead = element_text(self.own[index])
                elif names_last and _names_after_story(written_last, written_first):
                    # A name after a story's words (`Storm closes ferry route | Lowtown Gazette` over <h1>Lowtown
                    # Gazette</h1>): the site's, whatever stands under it (session 56's second review); a date line or
                    # byline under it is the article's.
                    self.masthead = element_text(self.own[index])
                    self.sites.append(written_last)
                elif not _shows_after(shown, text, other, tree, emphasis_only=text == first, last=text == last):
                    continue
                self.sites.append(element_text(self.own.pop(index)))
                return

    def _is_site(self, text: str) -> bool:
        return text.casefold() in {site.casefold() for site in self.sites}

    def is_site(self, text: str) -> bool:
        """Whether the text is one of the site's names, or the legacy site's (LEGACY_SITE_NAME: `<title>SomaNet News
        Archive</title>` over the rebuilt legacy page's headline)."""
        return self._is_site(text) or bool(LEGACY_SITE_NAME.match(text))

    def headline(self, titles: list[str]) -> LexborNode | None:
        """The article's heading: its first <h1> (the first that agrees with the page's <title> or og:title, if
        any does), else its first h2 or h3 that agrees with one of them, else an <h1> elsewhere outside the page's
        chrome that agrees with one of them. On a page with no article container, a heading that agrees, else the
        page's one <h1> when the story stands under it (_heads_story)."""

        def agrees(heading: LexborNode) -> bool:
            return any(_agrees(element_text(heading), title) for title in titles)

        own_h1 = [heading for heading in self.own if heading.tag == "h1"]
        if self.page_wide:
            # No article container: a heading the <title> or og:title does not agree with is the headline only on
            # evidence (an old page's first <h1> is its masthead as often as its headline), an <h1> first.
            return (
                next((heading for heading in own_h1 if agrees(heading)), None)
                or next((heading for heading in self.own if agrees(heading)), None)
                or (own_h1[0] if len(own_h1) == 1 and self._heads_story(own_h1[0], titles) else None)
            )
        return (
            next((heading for heading in own_h1 if agrees(heading)), None)
            or (own_h1[0] if own_h1 else None)
            or next((heading for heading in self.own if agrees(heading)), None)
            or next((heading for heading in self.outside if heading.tag == "h1" and agrees(heading)), None)
        )

    def _heads_story(self, heading: LexborNode, titles: list[str]) -> bool:
        """Whether the heading names the story where the <title> and og:title (`titles`) do not: the block the page
        shows directly after it is a byline, a picture's credit or running text (_UNDER_HEADLINE, RUNNING_TEXT_WORDS),
        where a masthead has a nav bar, a date line, a tagline or the headline under it (session 55's new user:
        `<title>Weather news</title>` was the headline of `<h1>Storm closes ferry route to Skarvik</h1><p>By …,
        4 January 2024</p>`, the <h1> and the byline the body's first paragraphs). Since session 56 also when a date
        line (`4 January 2024`, `Updated: 4 January 2024, 10:32 GMT`) stands between, over a byline or running text,
        or a standfirst heading (<h2>) over a byline, and the heading says a headline's words
        (HEADLINE_MIN_WORDS), where a masthead's name is shorter (_after_headline); since the session's second review
        only when the heading is not written as a name of MAX_NAME_WORDS words or fewer (`The New York Times`) and no
        segment of the titles names another story (_names_story_beside: `<title>Ferry route closed</title>` over
        `<h1>The New York Times</h1><p>Tuesday, May 12, 2015</p><p>By …`). And the heading has more words
        than every segment of the titles (_TITLE_SEPARATORS) but the one it is, the site's name and those that name
        no story (_names_no_story), which are then a label, not the story's name; it is not the site's name as a
        masthead writes it (_names_site), nor the copyright line's holder. The session's review: a section's or the
        site's <h1> over the story (`<h1>Opinion</h1>`, `<h1>Sport</h1>`, `<h1>The Daily Planet</h1>`, `<h1>Lowtown
        Gazette</h1>` under `<title>Storm closes ferry route | Daily Planet</title>`) replaced the <title>'s
        headline."""
        text = element_text(heading)
        folded = text.casefold()
        if is_copyright_holder(folded, self.repeated):
            return False
        segments = [segment for title in titles for segment in _TITLE_SEGMENTS.split(title)]
        if _names_site(text, self.sites) or (
            folded not in {segment.casefold() for segment in segments} and _names_site(text, segments)
        ):
            return False
        words = len(text.split())
        stories = [
            segment
            for segment in segments
            if segment.casefold() != folded and not _names_site(segment, self.sites) and not _names_no_story(segment)
        ]
        if any(words <= len(segment.split()) for segment in stories):
            return False
        # Past a date line or a standfirst only a headline's words over no other headline: a masthead's name over the
        # day's date (`<h1>The New York Times</h1><p>Tuesday, May 12, 2015</p><p>By …`) is no headline.
        look_past = (
            words >= HEADLINE_MIN_WORDS
            and not (_is_name(text) and words <= MAX_NAME_WORDS)
            and not any(_names_story_beside(segment, text) for segment in stories)
        )
        # Read last: it reads the page's paragraphs again (session 56's second review).
        after = self._shown_after(heading)
        return bool(after) and _after_headline(after, titles, self._subheadings(), look_past=look_past)

    def _shown_after(self, heading: LexborNode) -> list[str]:
        """The blocks the page shows after the heading's own, as written: where the heading stands is where the
        page's paragraphs read without it differ from `shown` (its text may be shown before it too, in a breadcrumb
        or a paragraph, and a <br> cuts it into lines: session 56's review took the first block saying its whole
        text, and found none for `<h1>Storm closes<br>ferry route to Skarvik</h1>`)."""
        if self.container is None:
            return []
        without = [
            paragraph.casefold() for paragraph in element_paragraphs(self.container, frozenset({heading.mem_id}))
        ]
        lines = len(self.shown) - len(without)
        start = next(
            (i for i, (shown, kept) in enumerate(zip(self.shown, without, strict=False)) if shown != kept), len(without)
        )
        return self.written[start + lines :] if lines > 0 else []

    def _subheadings(self) -> set[str]:
        """The folded texts of the article's headings under the <h1> (h2 to h6): a standfirst may be one."""
        return {element_text(heading).casefold() for heading in self.own if heading.tag != "h1"}

    @property
    def last_resort(self) -> LexborNode | None:
        """The article's first heading, else an <h1> outside the article and its chrome, else one of the page's banner
        that is not the site's name."""
        return (
            next(iter(self.own), None)
            or next((h for h in self.outside if h.tag == "h1"), None)
            or next(iter(self.banner), None)
        )


def _heading_place(heading: LexborNode, wrappers: set[int], container: int | None, seen: _Judged) -> str:
    """ "own", "outside", "banner", "chrome" or "logo" (_Headings): the elements between the heading and the
    container, or the page, decide, as the body's walk reads them (html_text.left_out_by_name); what wraps the
    container is never its chrome."""
    node: LexborNode | None = heading
    place = "outside"
    while node is not None and node.tag != "html":
        # The container may be <body> itself (a page with no article container): what is in it is the article's.
        if node.mem_id == container:
            return "own" if place == "outside" else place
        if node.tag == "body":
            break
        if node.mem_id in wrappers:
            if node.tag == "article" and place == "outside":
                return "own"  # the <article> around the article's text (`itemprop=articleBody`) is the article's
            break
        if _is_logo_named(node):
            return "logo"
        if seen.is_chrome(node):
            place = "chrome"
        elif node.tag == "header" and place == "outside" and not seen.in_article(node):
            place = "banner"
        node = node.parent
    return place


class _Judged:
    """What _heading_place asks of the elements around the headings, each element answered once for them all (a
    page may nest its headings 2,000 elements deep)."""

    def __init__(self, body: LexborNode | None):
        # A chrome-named element holding more text than this is the page's wrapper (html_text.left_out_by_name).
        self.limit = text_length(body) * CHROME_MAX_SHARE if body is not None else 0.0
        self.chrome: dict[int, bool] = {}
        self.article: dict[int, bool] = {}
        self.lengths: dict[int, int] = {}

    def is_chrome(self, node: LexborNode) -> bool:
        if node.mem_id not in self.chrome:
            self.chrome[node.mem_id] = (
                node.tag in ("nav", "aside", "footer")
                or is_hidden_or_chrome_by_markup(node)
                or left_out_by_name(node, self.limit, self.lengths)
            )
        return self.chrome[node.mem_id]

    def in_article(self, node: LexborNode) -> bool:
        """Whether an <article>, <section> or <main> is around node: a <header> there is the article's, not the
        page's banner."""
        path, parent, found = [], node.parent, False
        while parent is not None:
            if parent.mem_id in self.article:
                found = self.article[parent.mem_id]
                break
            if parent.tag in ("article", "section", "main") or (parent.attributes.get("role") or "") == "main":
                found = True
                break
            path.append(parent.mem_id)
            parent = parent.parent
        self.article.update(dict.fromkeys(path, found))
        return found


def _is_logo_named(node: LexborNode) -> bool:
    attributes = node.attributes
    for name in f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower().split():
        parts = {part for part in _NAME_PARTS.split(name) if part}
        if parts & _LOGO_WORDS or ("site" in parts and parts & {"title", "name"}):
            return True
    return False


def _is_home_link(heading: LexborNode) -> bool:
    """Whether all the heading's text is one link to the site's home page (`/`, `/index.html`, `https://host/`)."""
    links = heading.css("a")
    if len(links) != 1 or element_text(links[0]) != element_text(heading):
        return False
    href = (links[0].attributes.get("href") or "").strip()
    return bool(re.fullmatch(r"(?:https?://[^/?#]+)?/(?:index\.html?)?|\./?|index\.html?", href, re.IGNORECASE))


def _is_name_in(text: str, names: list[str]) -> bool:
    return text.casefold() in {name.casefold() for name in names}


# What shows a block of an old page as its headline, not a line of text: a heading or bold, big or sized type.
_HEADING_TAGS = "h1, h2, h3, h4, h5, h6"
_EMPHASIS = f"{_HEADING_TAGS}, b, strong, big, font"
MAX_EMPHASISED = 200


def _shows_after(
    shown: list[str], text: str, other: str, tree: LexborHTMLParser, *, emphasis_only: bool, last: bool
) -> bool:
    """Whether the block directly after the first block saying `text` (both folded) is the <title>'s `other` side
    (or starts it: `Sport | United win the cup | Daily Planet`), emphasised as a heading, bold or big type
    (_EMPHASIS) when `emphasis_only`. Under a heading that is the <title>'s `last` side, an emphasised block that
    starts with the other side counts too (`Budget approved | Daily Planet` over <h1>Daily Planet</h1><p><b>Budget
    approved by council</b></p>)."""
    if text not in shown[:-1]:
        return False
    after = shown[shown.index(text) + 1]
    longer = last and after.startswith(other + " ")
    if not _agrees(after, other) and not longer:
        return False
    if not emphasis_only and not longer:
        return True
    # Looked for only once the block is the other side: few pages come this far, and a page may hold many.
    body = tree.body
    emphasised = body.css(_EMPHASIS)[:MAX_EMPHASISED] if body is not None else []
    return any(element_text(node).casefold() == after for node in emphasised)


# What stands under a headline and not under a masthead (the blocks are folded): a byline, a picture's credit.
_UNDER_HEADLINE = re.compile(r"\(?(?:(?:written\s+)?by\b|(?:photo(?:graph)?s?|pictures?|image|credit)\s*(?::|by\b))")
# A block of running text (the story's first paragraph): this many words, or a sentence's closing mark.
RUNNING_TEXT_WORDS = 10
# A heading with a date line or a standfirst under it heads the story only with this many words: a masthead's name
# over the day's date (`<h1>Lowtown Gazette</h1><p>Tuesday, May 12, 2015</p>`) is shorter.
HEADLINE_MIN_WORDS = 4


def _after_headline(after: list[str], titles: list[str], subheadings: set[str], *, look_past: bool) -> bool:
    """Whether the blocks shown after a heading of `words` words (`after`, as written) are what stands under a
    headline (_UNDER_HEADLINE, _is_running_text): directly, or after a date line (_date_stamps: `4 January 2024`,
    `Updated: 4 January 2024, 10:32 GMT`) over a byline or running text, or after a standfirst heading (one of
    `subheadings`, folded, that agrees with no title: one that does is the headline under a masthead) over a
    byline. Session 56's review: the commonest plain layout, `<h1>…</h1><p>4 January 2024</p><p>By Jane Doe</p>`,
    kept the <title>'s "Weather news"."""
    first = after[0].casefold()
    if _UNDER_HEADLINE.match(first) or _is_running_text(first):
        return True
    if len(after) < 2 or not look_past:
        return False
    then = after[1].casefold()
    if _date_stamps(after[0]) is not None:
        return bool(_UNDER_HEADLINE.match(then)) or _is_running_text(then)
    standfirst = first in subheadings and not any(_agrees(first, title) for title in titles)
    return standfirst and bool(_UNDER_HEADLINE.match(then))


def _heads_text_after(shown: list[str], text: str, other: str, tree: LexborHTMLParser) -> bool:
    """Whether the <title>'s `other` side is a heading (h1 to h6) shown after the first block saying `text` (both
    folded) and before the page's first block of running text (RUNNING_TEXT_WORDS words, or ending as a sentence
    does): a masthead over a nav bar, a date line or a tagline, then the headline. The site's name in a heading
    after the story's text (a sidebar, a footer, a contact block) is never the headline."""
    if text not in shown[:-1]:
        return False
    candidates = []
    for block in shown[shown.index(text) + 1 :]:
        if _agrees(block, other):
            candidates.append(block)
        if _is_running_text(block):
            break
        if not candidates and _UNDER_HEADLINE.match(block):
            # A byline or a picture's credit stands under a headline, not a masthead: `<h1>Budget approved</h1><p>By
            # Jane Doe</p><h3>News</h3>` made "News" the headline (the last review: 60 such pages).
            return False
    if not candidates:
        return False
    body = tree.body
    headings = body.css(_HEADING_TAGS)[:MAX_EMPHASISED] if body is not None else []
    said = {element_text(node).casefold() for node in headings}
    return any(block in said for block in candidates)


def _is_running_text(block: str) -> bool:
    return len(block.split()) >= RUNNING_TEXT_WORDS or block.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))


_TITLE_SEGMENTS = re.compile("|".join(re.escape(separator) for separator in _TITLE_SEPARATORS))
# What a site's name is written with besides its name: "The Daily Planet", "Daily Planet Online", "dailyplanet.com".
_SITE_NAME_ADDS = re.compile(r"^the\s+|\s+online$|\.[a-z]{2,}(?:\.[a-z]{2})?$|\W+", re.IGNORECASE)


# A <title> segment that names no story: a print layout's, a date, a document's file name ("Copy of budget story",
# "Ferry story v3 FINAL", "notes.docx": a Docs or Word export's <title>).
_FILE_NAME = re.compile(r"^copy of\b|\bv\d+\b|(?-i:\bFINAL\b)|\.(?:docx?|odt|rtf)$", re.IGNORECASE)


def _names_no_story(segment: str) -> bool:
    return bool(_PRINT_TITLE.match(segment) or _FILE_NAME.search(segment)) or parse_date(segment) is not None


def _names_site(text: str, names: list[str]) -> bool:
    """Whether `text` is one of the site's `names` as a masthead writes it, with or without "The", "Online" or its
    domain (_SITE_NAME_ADDS), spaces and stops aside, and with or without a tagline after a comma, a dash or a colon
    (`The Lowtown Gazette, news for the valley since 1887`, `Lowtown Gazette: all the news`) when the name has two
    words or more and is no section's (`Sport: United win the cup` under `<title>Sport | Daily Planet</title>`)."""
    keys = {_SITE_NAME_ADDS.sub("", name.casefold()) for name in names}
    if _SITE_NAME_ADDS.sub("", text.casefold()) in keys - {""}:
        return True
    lead = _TAGLINE.split(text, maxsplit=1)[0]
    return (
        lead != text
        and len(lead.split()) >= 2
        and not _is_section_name(lead)
        and _SITE_NAME_ADDS.sub("", lead.casefold()) in keys - {""}
    )


# What parts a masthead's name from its tagline: a comma, a dash, a colon.
_TAGLINE = re.compile(r",\s+|\s+[-\u2013\u2014]\s+|:\s+")
# Written between a name's capitalised words: `The Wall Street Journal`, `Times of India`, `News & Star`.
_NAME_JOINERS = frozenset({"the", "of", "and", "&", "for", "on", "in", "at", "de", "la", "le", "du", "van", "von"})
# A name's length at most, as a masthead writes it (`The Lowtown Evening Gazette`, `The Sydney Morning Herald`): an
# <h1> so written and no longer is a name, not a headline, however many words it has (HEADLINE_MIN_WORDS).
MAX_NAME_WORDS = 5


def _is_name(text: str) -> bool:
    """Whether every word of `text` is capitalised, a number or a joiner (_NAME_JOINERS), the first capitalised:
    `The New York Times`, `Lowtown Gazette`, a headline written in title case (`Ferry Route Closed`) too."""
    words = text.split()
    return (
        bool(words)
        and words[0][:1].isupper()
        and all(word[:1].isupper() or word[:1].isdigit() or word.casefold() in _NAME_JOINERS for word in words)
    )


def _is_section_name(text: str) -> bool:
    """Whether every word of `text` names a section or is a joiner: `Weather news`, `Business & Markets`."""
    words = [word.strip(".,:;").casefold() for word in text.split()]
    return bool(words) and all(word in SECTION_NAMES or word in _NAME_JOINERS for word in words)


def _names_after_story(heading: str, first: str) -> bool:
    """Whether a heading that is a <title>'s last side is a name (_is_name) after a first side written as a sentence,
    no section's name: `Storm closes ferry route | Lowtown Gazette` over <h1>Lowtown Gazette</h1>. A <title> in
    title case (`Budget Approved | Daily Planet`) does not tell; nor does `Daily Planet | Budget approved`."""
    return _is_name(heading) and not _is_name(first) and not _is_section_name(first)


def _names_story_beside(segment: str, heading: str) -> bool:
    """Whether a <title>'s or og:title's segment, other than the `heading`'s text, names a story of its own: it is
    no section's name (`Weather news`), nor a name (_is_name: the site's, unknown to the page) over a heading written
    as a sentence is (`<title>Lowtown Gazette</title>` over `<h1>Storm closes ferry route to Skarvik</h1>`)."""
    if _is_section_name(segment):
        return False
    return not (_is_name(segment) and not _is_name(heading))


def _title_sides(title: str) -> list[tuple[str, str, str]]:
    """The title split at each separator's first and last place: (before, separator, after)."""
    sides = {title.partition(separator) for separator in _TITLE_SEPARATORS if separator in title}
    sides |= {title.rpartition(separator) for separator in _TITLE_SEPARATORS if separator in title}
    return sorted(sides)


def _agrees(heading: str, title: str) -> bool:
    """Whether a <title> or og:title is the heading, or starts with it before a separator ("Headline | Site") or ends
    with it after one ("Site \u00bb Blog Archive \u00bb Headline")."""
    folded, title = heading.casefold(), title.casefold()
    return bool(folded) and (
        title == folded
        or any(title.startswith(folded + sep) or title.endswith(sep + folded) for sep in _TITLE_SEPARATORS)
    )


def _copyright_lines(tree: LexborHTMLParser) -> str:
    """The text of the page's footers that hold a copyright line ("© 2017 SomaNet News"), lower-cased."""
    texts = (
        normalise_space(footer.text(deep=True)).casefold() for footer in tree.css('footer, [role="contentinfo"]')[:5]
    )
    return " ".join(text for text in texts if "\u00a9" in text or "copyright" in text)


def _ld_publisher(linked: dict[str, Any]) -> str | None:
    publisher = linked.get("publisher")
    name = publisher.get("name") if isinstance(publisher, dict) else None
    return unescape_entities(name) if isinstance(name, str) else None


def _strip_site(title: str, sites: list[str], heading: str, repeated: str, *, page_title: bool) -> str:
    """ "Kerry to meet Putin | SomaNet News" -> "Kerry to meet Putin", only when what is cut is the site's name.

    A segment before or after one of _TITLE_SEPARATORS is cut when it is one of the site's names (_Headings.sites:
    declared, or shown as the page's logo). A title is also cut to the article's heading it starts or ends with
    ("Daily Planet | Budget approved" over <h1>Budget approved</h1>), and a `<title>` (page_title) before its last
    separator when what follows is named in the page's copyright line. Without such evidence the title is kept
    whole: "Rock | Paper | Scissors" is a headline.
    """
    title = normalise_space(title)
    names = {normalise_space(site).casefold() for site in sites if site.strip()}
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip().casefold() in names:
            return _cut_to_heading(head.strip(), heading)
        lead, found, rest = title.partition(separator)
        if found and rest.strip() and lead.strip().casefold() in names:
            return _cut_to_heading(rest.strip(), heading)
    if heading and any(
        title.startswith(heading + separator) or title.endswith(separator + heading) for separator in _TITLE_SEPARATORS
    ):
        return heading
    if page_title and heading and title.startswith(heading):
        return heading
    if page_title and repeated:
        for separator in _TITLE_SEPARATORS:
            head, found, tail = title.rpartition(separator)
            if found and head.strip() and tail.strip() and tail.strip().casefold() in repeated:
                return head.strip()
    return title


def _without_site_furniture(paragraphs: list[str], sites: list[str]) -> list[str]:
    """A page with no article container's paragraphs without the site's furniture the article container leaves
    out: at the top, up to the first other paragraph, the site's name the page declares or marks (`sites`:
    _Headings.marked, as `<div class="logo">Daily Planet</div>`; the legacy layout's `SomaNet News Archive` under
    the headline) and the legacy layout's `site-wide search`. The first paragraph of text is never dropped. A name
    inferred from where a heading stands is kept: were the guess wrong, it is the headline (session 50's review)."""
    names = {site.casefold() for site in sites}
    start = 0
    while start < len(paragraphs) - 1 and (
        paragraphs[start].casefold() in names or is_legacy_layout_line(paragraphs[start])
    ):
        start += 1
    return paragraphs[start:]


def _without_copyright_lines(paragraphs: list[str]) -> list[str]:
    """The body without the copyright lines at its bottom (furniture_lines.is_copyright_line: `© 2004 Daily Planet`,
    AP's `Copyright 2015 The Associated Press. All rights reserved. This material may not be published…`), in an
    article container too since session 55 (its `<p class="copyright">`, `<small>`, `<div class="rights">` stayed
    the body's last paragraph). Since session 55's review also a line written as a list's item (`© 2015 Daily
    Planet`) or followed only by the article's notes (html_text.is_article_note: `Editor's note: …`, which stay);
    never a line after a paragraph ending with a colon (`The leaked memo ended with the line:`): the story quotes it.
    The first paragraph is never dropped."""
    notes = len(paragraphs)
    while notes > 1 and is_article_note(paragraphs[notes - 1]):
        notes -= 1
    end = notes
    while end > 1 and is_copyright_line(paragraphs[end - 1]) and not paragraphs[end - 2].endswith(":"):
        end -= 1
    return paragraphs[:end] + paragraphs[notes:]


def _cut_to_heading(title: str, heading: str) -> str:
    """What is left of a title with the site's name cut, cut again to the article's heading it starts or ends with
    ("Blog Archive \u00bb Budget approved" over <h2>Budget approved</h2>)."""
    if heading and any(
        title.startswith(heading + separator) or title.endswith(separator + heading) for separator in _TITLE_SEPARATORS
    ):
        return heading
    return title


def _author(
    tree: LexborHTMLParser, meta: dict[str, list[str]], linked: dict[str, Any], container: LexborNode | None
) -> str | None:
    credit = None
    sites = [site for site in (_first(meta, ("og:site_name", "application-name")), _ld_publisher(linked)) if site]
    account = None
    for name in AUTHOR_META[:2]:
        authors = [a for a in (clean_author(value) for value in meta.get(name, [])) if a]
        # A meta author that credits a desk, not people ("SomaNet Staff"), gives way to the article's byline naming
        # people (session 49's new user: "By Jane Doe, John Smith and Ann Lee" was lost for "SomaNet Staff").
        if authors and not all(credits_desk(a) or is_account(a, sites) for a in authors):
            return joined_authors(list(dict.fromkeys(authors)))
        if authors and all(is_account(a, sites) for a in authors):
            # The CMS account that posted the article ("admin", "jdoe") or the site's own name ("Daily Planet"):
            # a byline naming someone else is the author (session 51's attack report), as for a Person by reference.
            account = account or joined_authors(list(dict.fromkeys(authors)))
            continue
        credit = credit or (joined_authors(list(dict.fromkeys(authors))) if authors else None)
    others = _OtherWritings(container)

    def read(node: LexborNode) -> bool:
        # Beside a desk's credit, only the article's own byline names its people: a list of recent posts after the
        # article put another story's author in its place (the session's last review).
        inside = (credit is None and account is None) or (container is not None and is_inside(node, container))
        return inside and not others.hold(node)

    for selector in ('[rel="author"]', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]'):
        # Read as the body reads it: a screen-reader prefix ("Author:"), a hidden note or an icon's <svg> title in
        # the link is no part of the name. The first that names someone: a link to the author's page may read
        # "More stories" or "Sign up for alerts" (session 23's review), as an author box may.
        candidates = islice((node for node in tree.css(selector) if read(node)), MAX_AUTHORS_READ)
        if marked := _line_authors(candidates, lambda node: _element_author(element_text(node))):
            return marked
    # A schema.org Person the page declares writes it before any element named "author" does: a reviewed book's
    # `<p class="author">Leo Tolstoy</p>` became the author (session 23's review).
    person = _ld_author(linked, people_only=True)
    if person and not _by_reference(linked) and not is_account(person, sites):
        return person
    # The account or site a meta author is stands where a Person by reference does: after the byline.
    person = person or account
    byline = None
    # Microformats' `p-author` of the article's own h-entry (Medium's export: session 54) names the author where no
    # byline does (_entrys_own_author).
    for selector in (".byline .author, .byline__name, .author-name", ".byline, .author", ".p-author"):
        # The first that names someone: an author box's "About the author" or "More from this author" names no one.
        # A few are read (each reads its whole element: all of 1,990 nested ones took 14.7 s; session 21's review).
        nodes = tree.css(selector)
        nodes = [node for node in nodes if _entrys_own_author(node)] if selector == ".p-author" else nodes
        candidates = islice((node for node in nodes if read(node)), MAX_AUTHORS_READ)
        if byline := _line_authors(candidates, _byline_author):
            break
    # A Person the article names by reference alone is often the WordPress account that posted it: Yoast's "admin",
    # "editor" or "Daily Planet" beat the byline `By Jane Doe` the page shows (session 50's final review). It is the
    # author only where the page shows no byline, or one naming no one else (names_others).
    # An account or the site's name gives way to any byline naming someone: "j.doe" is no better a name than the
    # byline's "Jane Doe" (session 51).
    if person and (byline is None or not (names_others(byline, person) or is_account(person, sites))):
        return person
    if byline:
        return byline
    return (
        credit
        or _ld_author(linked)
        or next((a for a in (clean_author(_first(meta, (name,))) for name in AUTHOR_META[2:]) if a), None)
    )


def _line_authors(candidates: Iterable[LexborNode], read: Callable[[LexborNode], str | None]) -> str | None:
    """The names the first candidate naming someone gives (names_people), with those of the candidates after it in the
    same line (its block: _line_of) that the line's text, read as a byline, names as writers (_element_author), joined
    (joined_authors): `By <a rel="author">Jane Doe</a> and <a rel="author">John Roe</a>` names both (the second was
    lost: session 55's attack report, F9), as a byline in plain text does. A name in another line (an author box's
    "More by Ann Lee", a related story's) or credited for what no writer made (`| Photos by <a rel="author">John
    Roe</a>`) is none of them: joining every such element named them (session 23's review). Nor is one labelled, in
    its own text or the line's since the name before it, with a colon or a role no writer has, or followed by such a
    role in parentheses (_NOT_WRITING): `· Photos: <a>John Roe</a>`, `, Editor: …`, `· Photography <a>…</a>`, `(text)
    and <a>John Roe</a> (photos)` joined photographers and editors (session 55's review)."""
    names: list[str] = []
    line: LexborNode | None = None
    text = writers = ""
    end = 0
    for node in candidates:
        if line is not None and getattr(_line_of(node), "mem_id", None) != line.mem_id:
            continue
        name = read(node)
        if not name or not names_people(name) or name.casefold() in {known.casefold() for known in names}:
            continue
        if line is None:
            line = _line_of(node)
            # All its text: the body's reading leaves the author elements out of it.
            text = normalise_space(line.text(deep=True)).casefold() if line is not None else ""
            writers = _element_author(text) or ""
            end = text.find(name.casefold()) + len(name) if name.casefold() in text else len(text)
        else:
            start = text.find(name.casefold(), end)
            label = f"{text[end:start]} {name}" if start >= 0 else name
            if name.casefold() not in writers or ":" in label or _NOT_WRITING.search(label):
                continue
            end = start + len(name)
            if _NOT_WRITING_AFTER.match(text, end):
                continue
        names.append(name)
    return joined_authors(names) if names else None


_NOT_WRITING = re.compile(NOT_WRITING_ROLE, re.IGNORECASE)
_NOT_WRITING_AFTER = re.compile(rf"\s*\(\s*{NOT_WRITING_ROLE}", re.IGNORECASE)


def _line_of(node: LexborNode) -> LexborNode | None:
    """The block element a marker of the author stands in: the byline's line."""
    return next((parent for parent in _ancestors(node) if parent.tag in BLOCK_TAGS), None)


# Microformats2 names of a post an h-entry cites, replies to, likes or reposts, and of its comments: a `p-author` in
# one is that post's author (session 54's review: "In reply to <a class=p-author>Tantek Çelik</a>" became the author).
_CITED_POST_NAMES = frozenset(
    {"h-cite", "h-entry", "u-in-reply-to", "u-like-of", "u-repost-of", "u-bookmark-of", "u-quotation-of"}
    | {"p-comment", "u-comment", "h-card"}
)


def _entrys_own_author(node: LexborNode) -> bool:
    """Whether a `.p-author` is the author of the page's outermost h-entry (microformats2: its own property, in no
    nested post or card on the way up), not of a post it cites or a site owner's card outside it."""
    for parent in _ancestors(node):
        names = set(_classes(parent))
        if "h-entry" in names:
            return not any("h-entry" in _classes(outer) for outer in _ancestors(parent))
        if names & _CITED_POST_NAMES:
            return False
    return False


def _ancestors(node: LexborNode) -> Iterable[LexborNode]:
    """The elements around a node inside <body>, innermost first (at most MAX_REGION_DEPTH)."""
    parent = node.parent
    for _ in range(MAX_REGION_DEPTH):
        if parent is None or parent.tag in ("body", "html"):
            return
        yield parent
        parent = parent.parent


def _byline_parts(node: LexborNode) -> tuple[list[str], str | None]:
    """The lines of a byline element before the date stamps that end it, and the first of those stamps that is no later
    change's (CHANGE_STAMPS), or None: `By Jane Doe<br>12 May 2015`, `Jane Doe · 12 May 2015 · 4 min read`, `By Jane
    Doe, May 12, 2015`, `By Jane Doe | Updated May 13, 2015` (no date). The stamps are what follows a line break or
    one of _BYLINE_SEPARATORS, all of it dates (_date_stamps); a reading time is neither name nor date. What the body
    would leave out (hidden text, an icon) and a <time> (read as the page's times are: _published) are not read."""
    times = frozenset(t.mem_id for t in node.css("time"))
    # Elements side by side with no text between them are parts of the byline, a line each, as its styles show them:
    # `<span>By Jane Doe</span><span>Photos by John Roe</span>` read "Jane DoePhotos by John Roe" (session 55).
    parts = [node] if _holds_text(node) else list(node.iter(include_text=False)) or [node]
    # A list's bullet is no part of a name or a date (`<ul><li>By Jane Doe</li><li>May 12, 2015</li></ul>`).
    lines = [normalise_space(line) for part in parts for line in element_paragraphs(part, times)]
    text = _READING_TIME.sub("", "\n".join(lines))
    for found in _BYLINE_SEPARATORS.finditer(text):
        stamps = _date_stamps(text[found.end() :].replace("\n", " "))
        if stamps is not None:
            lines = [line for line in text[: found.start()].split("\n") if line]
            # A date after a review's or a fact-check's credit on its line is that later event's (session 55's review:
            # `By Jane Doe<br>Fact checked by Ann Lee, May 14, 2015` gave May 14).
            if found.group().strip() and lines and credits_no_writer(lines[-1]):
                return lines, None
            date = next((written for kind, written in stamps if kind not in CHANGE_STAMPS), None)
            return lines, date
    return [line for line in text.split("\n") if line], None


# Between the name in a byline element and the date stamps after it: a line break, a bar, a dot, a comma.
_BYLINE_SEPARATORS = re.compile(r"\s*[|\u00b7\u2022,\n]\s*")
# A reading time in a byline ("· 4 min read"), neither name nor date; "Jane Doe<span>·</span>5 min read" is read with
# no space beside the dot (session 54's attacker: no author).
_READING_TIME = re.compile(r"(?:\s+|\s*[|\u00b7\u2022]\s*)\d+\s*min(?:ute)?s?\s+read\b", re.IGNORECASE)


def _byline_date(tree: LexborHTMLParser, container: LexborNode | None) -> str | None:
    """The date the article's byline element writes after the name (_byline_parts): the first `.byline` or `.author`
    in the article that writes one, in nothing that holds other writings (_OtherWritings). That element is left out of
    the body, and its date was lost where no other field gave one (session 55's attack report, F12)."""
    if container is None:
        return None
    others = _OtherWritings(container)
    for node in islice(tree.css(".byline, .author"), MAX_AUTHORS_READ):
        if is_inside(node, container) and not others.hold(node) and (date := _byline_parts(node)[1]):
            return date
    return None


def _byline_author(node: LexborNode) -> str | None:
    """ "By Jane Doe, May 12, 2015" -> "Jane Doe"; the date inside a byline is not part of the name (_byline_parts),
    nor what the body would leave out (hidden text, an icon). The rest is read by _element_author."""
    lines = [part for part in map(without_credits, _byline_parts(node)[0]) if part]
    # A job title on a line of its own is no part of the name (`Jane Doe<br>Political Editor` was "Jane Doe Political
    # Editor"; session 51's new user), as one after a comma is not (_element_author), nor a credit of the pictures
    # (`By Jane Doe<br>Illustration by John Roe`; session 55's attacker).
    while len(lines) > 1 and (is_job_title(lines[-1]) or credits_no_writer(lines[-1])):
        lines = lines[:-1]
    text = " ".join(lines)
    text = re.split(
        r",\s*(?=[^,]*\d)|\s+(?:on|updated|published)\s+(?=\S*\d)|\s+(?:updated|published|posted)\b",
        normalise_space(text),
        maxsplit=1,
        flags=re.I,
    )[0]
    return _element_author(text.strip(" ,"))


def _element_author(text: str) -> str | None:
    """The author an author element's text names, as metadata is read (clean_author), or a bracketed byline as
    running text is ("(By Jane Doe in Moscow)" is Jane Doe: bylines.byline_name), without a job title after a comma
    ("Jane Doe, Political Correspondent" is Jane Doe: bylines.without_job_titles) nor a place ("Jane Doe, Moscow":
    bylines.without_places), so that one reporter is one author
    in every format."""
    # "(By Estera Popowska)" named no one to clean_author, and its element left the body as a byline's does: the
    # writer was nowhere (session 50's new user). Only the bracketed form: byline_name also cuts what follows a
    # bullet, which in a byline element is a co-author ("By Jane Roe • John Roe"; session 22's review).
    # "Par Jean Dupont", "Von Hans Müller", "di Marco Rossi": a byline word of another language at the element's start
    # is no part of the author (session 51's attack report: the facet had "Par Jean Dupont"); "By Von Miller" keeps
    # its name whole. An e-mail address or a handle after the name is none either ("By Jane Doe (jane@example.com)").
    text = foreign_byline_word(text) or text
    author = (byline_name(text) if text.startswith(("(", "[")) else None) or clean_author(without_contact(text))
    return without_places(without_job_titles(author)) if author else None


def _is_layout(node: LexborNode) -> bool:
    """Whether a container candidate is the page's layout rather than the article: <body>, <main>, or role=main or
    id=content on an element that is no <article> nor articleBody (session 21's second review: `<article
    role="main">` is an article)."""
    if node.tag in ("body", "html", "main"):
        return True
    if _is_article(node):
        return False
    return node.attributes.get("role") == "main" or node.attributes.get("id") == "content"


def _is_article(node: LexborNode) -> bool:
    return node.tag == "article" or node.attributes.get("itemprop") == "articleBody"


class _OtherWritings:
    """Which elements of one page lie in what holds other writings than the article's (html_text.holds_other_writings:
    comments, teasers, ads; outside the article, asides and navs too), each ancestor asked once for the page (a page
    of thousands of <time> elements nested deep would otherwise walk the same ancestors again for each). The article
    (`container`) and what wraps it are the article's whatever their names (`<main class="comment">`, a layout's
    `ad-free`), and an aside inside it holds its own metadata as often as another's (session 21's review)."""

    def __init__(self, container: LexborNode | None) -> None:
        # A page-wide container (<body>, <main>, role=main, #content: the page's layout) holds the page's sidebars and
        # menus, not the article's own asides: a "Most read" teaser's date became the article's (session 21's review).
        self._container = container.mem_id if container is not None and not _is_layout(container) else None
        self._wrappers: set[int] = set()
        current, root = container, container
        while current is not None:
            self._wrappers.add(current.mem_id)
            root, current = current, current.parent
        # The page's first <h1>: a list of stories never holds it.
        self._headline = root.css_first("h1") if root is not None else None
        self._known: dict[int, tuple[bool, bool]] = {}  # by element: (held, inside the article)

    def hold(self, node: LexborNode) -> bool:
        path: list[LexborNode] = []
        current: LexborNode | None = node
        held, inside = False, False
        while current is not None and current.mem_id not in self._wrappers:
            if current.mem_id in self._known:
                held, inside = self._known[current.mem_id]
                break
            path.append(current)
            current = current.parent
        else:
            # An <article> around the container (its articleBody) holds the article's own asides too.
            inside = current is not None and (current.mem_id == self._container or _is_article(current))
        for ancestor in reversed(path):
            held = (
                held
                or holds_other_writings(
                    ancestor, by_tag=not inside, page_wide=self._container is None, headline=self._headline
                )
                or _holds_others_words(ancestor)
                # An <article> in the article is another writing related to it (HTML's rule: a comment, a teaser).
                or (inside and ancestor.tag == "article")
            )
            # An <article> inside a page-wide container is an article too: its asides are its own, as in one.
            inside = inside or _is_article(ancestor)
            self._known[ancestor.mem_id] = (held, inside)
        return held


# schema.org items of other writings than the article: their author and date are not its (a quotation's author, a
# reviewed book's, a comment's: session 23's review).
_OTHER_ITEM_TYPES = frozenset(
    {"comment", "usercomments", "review", "criticreview", "quotation", "book", "question", "answer", "claim"}
    | {"socialmediaposting", "discussionforumposting", "movie", "product", "event"}
)


def _holds_others_words(node: LexborNode) -> bool:
    """Whether the element holds another's words: a quotation (<blockquote>, <q>: a pull quote's `<cite
    class="author">`, an embedded post's date), or a schema.org item of another writing (_OTHER_ITEM_TYPES)."""
    if node.tag in ("blockquote", "q"):
        return True
    if "itemscope" not in node.attributes:
        return False
    kinds = (node.attributes.get("itemtype") or "").split()
    return any(kind.rstrip("/").rsplit("/", 1)[-1].casefold() in _OTHER_ITEM_TYPES for kind in kinds)


class _PageBanner:
    """Which elements of one page lie in its own header or footer (the site's masthead, its footer: HTML's banner and
    contentinfo), not in an article's or a section's: the masthead's "Tuesday, March 12, 2024" is the day the page
    was served, not the article's date (session 23's review). Each element is judged once for the page, from its
    parent's judgement: walking every <time>'s ancestors apart took 47 s for 40,000 of them 1,900 levels deep."""

    _SECTIONING = frozenset({"article", "section", "main", "aside", "nav"})

    def __init__(self) -> None:
        self._known: dict[int, tuple[bool, bool]] = {}  # by element: (in a section, in a header or footer)

    def holds(self, node: LexborNode) -> bool:
        sectioned, banner = self._judge(node.parent) if node.parent is not None else (False, False)
        return banner and not sectioned

    def _judge(self, node: LexborNode) -> tuple[bool, bool]:
        path: list[LexborNode] = []
        current: LexborNode | None = node
        known = (False, False)
        while current is not None:
            if current.mem_id in self._known:
                known = self._known[current.mem_id]
                break
            path.append(current)
            current = current.parent
        sectioned, banner = known
        for element in reversed(path):
            role = element.attributes.get("role")
            sectioned = sectioned or element.tag in self._SECTIONING or role == "main"
            banner = banner or element.tag in ("header", "footer") or role in ("banner", "contentinfo")
            self._known[element.mem_id] = (sectioned, banner)
        return sectioned, banner


_CHANGE_NAMES = CHANGE_STAMPS | {"datemodified", "last-modified"}
_CHANGE_LABEL = re.compile(rf"\b(?:{'|'.join(CHANGE_STAMPS)}|last\s+changed)\W*$", re.IGNORECASE)
_PUBLISHED_NAMES = frozenset({"published", "datepublished", "pubdate", "entry-date", "date-published"})


def _time_kind(time: LexborNode) -> int:
    """0 for a <time> marked as the publication's (class `published`, itemprop datePublished, `pubdate`), 2 for a
    later change's (class `updated`, itemprop dateModified, or after a label "Updated" / "Modified"), else 1.
    WordPress themes write the updated time first ("<time class="updated">...<time class="entry-date published">"),
    and that later day became the article's date (session 23's review), as the header's date stamps never do."""
    names = {name.casefold() for name in (time.attributes.get("class") or "").split()}
    names.add((time.attributes.get("itemprop") or "").casefold())
    if names & _PUBLISHED_NAMES or "pubdate" in time.attributes:
        return 0
    if names & _CHANGE_NAMES:
        return 2
    before = time.prev
    label = before.text(deep=True)[-40:] if before is not None else ""
    return 2 if _CHANGE_LABEL.search(label) else 1


def _published(
    tree: LexborHTMLParser,
    meta: dict[str, list[str]],
    linked: dict[str, Any],
    broken_ld_date: str | None,
    container: LexborNode | None,
) -> tuple[str | None, tuple[str, str] | None]:
    """The first candidate that is a date, and None; or None and, when the page declares a date (meta tags, JSON-LD,
    a <time datetime> in the article) and none of them is one, the first declared with where it stands (a DATE_META
    name, _JSON_LD_DATE or _TIME_DATE), which rejects the page when it shows no date line either (_unreadable_date).
    <time> elements elsewhere ("2 hours ago" in a sidebar) are only used when they are dates. A declared value that
    says there is no date (_says_no_date) declares none; one that is a count of seconds (`1431424800`) is its day
    (validate.epoch_day), as YYYY-MM-DD. `broken_ld_date`: the datePublished of JSON-LD that is no JSON
    (_broken_ld_date), read where the JSON-LD's is.
    """
    declared = [(value, name) for name in DATE_META for value in meta.get(name, [])]
    declared.append((_ld_text(linked, "datePublished") or broken_ld_date or "", _JSON_LD_DATE))
    others, banner = _OtherWritings(container), _PageBanner()
    # Each <time> judged once (the article's are among the page's): the publication's first, a later change's
    # never (as a header's "Updated" stamp is no date of the article).
    kinds = ((_time_kind(t), t) for t in tree.css("time") if not others.hold(t) and not banner.holds(t))
    page_times = [t for kind, t in sorted(kinds, key=lambda pair: pair[0]) if kind < 2]
    inside = {t.mem_id for t in container.css("time")} if container is not None else set()
    article_times = [t for t in page_times if t.mem_id in inside]
    declared += [(t.attributes.get("datetime") or "", _TIME_DATE) for t in article_times]
    declared = [(_epoch_as_iso(clean_line(value)), where) for value, where in declared if clean_line(value)]
    declared = [(value, where) for value, where in declared if not _says_no_date(value)]
    loose = [t.attributes.get("datetime") or t.text(deep=True) for t in article_times + page_times]
    loose = [clean_line(c) for c in loose if c and clean_line(c)]
    # Each candidate read once, the first MAX_DATE_CANDIDATES of them: 20,000 "2 hours ago" took 4.2 s, 20,000
    # unreadable date metas 1.7 s (session 22's review); a page's date is among its first few.
    candidates = islice(dict.fromkeys([value for value, _ in declared] + loose), MAX_DATE_CANDIDATES)
    readable = next((c for c in candidates if parse_date(c) is not None), None)
    if readable is not None or not declared:
        return readable, None
    first = declared[0]
    # A date field's own forms (`Date: 2015-05-12`) are read by validation, as any format's date field is.
    return (first[0], None) if date_problem(first[0]) is None else (None, first)


# Where a declared date stands that is no meta tag (_published), as a rejection names it.
_JSON_LD_DATE = '<script type="application/ld+json"> (its "datePublished")'
_TIME_DATE = "<time datetime>"
# What a CMS writes in a date meta when it has no date: an empty template variable's stand-in, or JavaScript's
# failed date (session 53's attacker: `<meta name="date" content="TBD">` rejected the page as "not understood").
_NO_DATE_WORDS = frozenset(
    {"tbd", "tba", "n/a", "none", "null", "nil", "undefined", "unknown", "invalid date", "nan", "0", "-"}
)


def _says_no_date(value: str) -> bool:
    """Whether a declared date says there is none: a stand-in (_NO_DATE_WORDS) or MySQL's zero date, which WordPress
    writes for none (`0000-00-00T00:00:00+00:00`: validate.is_zero_date)."""
    return value.casefold() in _NO_DATE_WORDS or is_zero_date(value)


def _epoch_as_iso(value: str) -> str:
    """A declared date given as a count of seconds or milliseconds since 1970 (`1431424800`, as some CMSs write
    their date metas) as its day in UTC, YYYY-MM-DD (validate.epoch_day); any other value as it is. In a date's
    attribute a count names an instant, whose day UTC gives, as it does for a datetime with an offset."""
    day = epoch_day(value)
    return day.isoformat() if day is not None else value


# A JSON-LD block's datePublished as its text writes it (a JSON string, no quote or escape in it).
_LD_DATE_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"\\]{1,100})"')
# An object's @type as its text writes it: one name or a list of names.
_LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,500}\]|"[^"\\]{1,100}")')


def _broken_ld_date(unreadable: list[tuple[str, str]]) -> str | None:
    """The datePublished that JSON-LD blocks that are no JSON (_json_ld_article's `unreadable`) write for an article,
    when they write one value for it: read from the text, as htmldate reads every block (its JSON_PUBLISHED
    pattern), but only where it is a key of an object whose own @type is an article's (ARTICLE_TYPES,
    _enclosing_types): a reader's Comment nested in the article has its own (session 53's review). A quote not
    escaped in the headline (`"headline": "Kerry "to" meet Putin"`) leaves the date as written; several values name
    no one day, and the page is rejected as before (_refuse_unreadable_json_ld)."""
    found = {
        written[1]
        for _, text in unreadable
        for written in _LD_DATE_PUBLISHED.finditer(text)
        if _enclosing_types(text, written.start()) & ARTICLE_TYPES
    }
    return found.pop() if len(found) == 1 else None


def _enclosing_types(text: str, at: int) -> set[str]:
    """The @type names (lower-cased) of the object of broken JSON `text` that holds position `at` as one of its own
    keys, not a nested object's. Braces are counted as written, inside strings too: where a string ends is what the
    broken text does not tell (a brace in a headline only loses the date, as the block's other fields are)."""
    depth, start = 0, -1
    for position in range(at - 1, -1, -1):
        if text[position] == "}":
            depth += 1
        elif text[position] == "{":
            if depth == 0:
                start = position
                break
            depth -= 1
    if start < 0:
        return set()
    own, depth = [], 0
    for character in text[start + 1 :]:
        depth += (character == "{") - (character == "}")
        if depth < 0:
            break
        own.append(character if depth == 0 and character != "}" else " ")
    return {name.lower() for written in _LD_TYPE.findall("".join(own)) for name in re.findall(r'"([^"]+)"', written)}


def _unreadable_date(tree: LexborHTMLParser, value: str, where: str) -> RejectedUploadError:
    """The rejection of a page whose declared date `value` (in `where`: _published) names no day one can tell,
    naming the tag that holds it: a meta's content is seen nowhere on the page (session 53's attacker: "the date
    '1431424800' is not understood" sent the editor looking for a number the page does not show)."""
    problem = date_problem(value) or RejectedUploadError(
        f"the date {value!r} is not understood", fix="write it as YYYY-MM-DD, for example 2015-05-12"
    )
    tag = _meta_tag(tree, where) if where not in (_JSON_LD_DATE, _TIME_DATE) else where
    return RejectedUploadError(
        f"the page's {tag} holds a date that cannot be read: {problem.reason}", fix=f"in {tag}, {problem.fix}"
    )


def _meta_tag(tree: LexborHTMLParser, name: str) -> str:
    """The first meta tag (or element with itemprop) of a lower-cased name (_meta_tags' key) as an editor finds it in
    the page's source: `<meta property="article:published_time">`."""
    for node in tree.css("meta, [itemprop][content], [itemprop][datetime]"):
        for key in ("name", "property", "itemprop"):
            written = (node.attributes.get(key) or "").strip()
            if written.lower() == name:
                return f'<{node.tag} {key}="{written}">'
    return f'<meta name="{name}">'


def _tags(meta: dict[str, list[str]], linked: dict[str, Any]) -> tuple[str, ...]:
    tags = list(meta.get("article:tag", []))
    if not tags:
        keywords = _first(meta, ("news_keywords", "keywords"))
        ld_keywords = linked.get("keywords")
        if keywords is None and isinstance(ld_keywords, list):
            tags = [unescape_entities(k) for k in ld_keywords if isinstance(k, str)]
        elif keywords is None and isinstance(ld_keywords, str):
            keywords = unescape_entities(ld_keywords)
        if keywords:
            try:
                tags = list_items(keywords, "the keywords")
            except RejectedUploadError:
                # A page's keywords are what its CMS exported, which no editor wrote and a rejection cannot get
                # fixed: an item whose quotes cannot be read is kept as written, quotes and all.
                tags = items_as_written(keywords)
    # Page keywords are often SEO lists: keep the first ones rather than reject the article.
    cleaned = [clean_line(t) for t in tags if clean_line(t)]
    return tuple(dict.fromkeys(cleaned))[:MAX_TAGS]


def _with_linked_tags(tags: tuple[str, ...], linked: list[str]) -> tuple[str, ...]:
    """The page's declared tags, then those of a line of tag links in its body that they do not name (in any case),
    within MAX_TAGS: a tag too long to be one (MAX_LABEL_CHARS) is a link of another kind, and left out."""
    seen = {tag.casefold() for tag in tags}
    added = []
    for tag in map(clean_line, linked):
        if tag and len(tag) <= MAX_LABEL_CHARS and tag.casefold() not in seen:
            seen.add(tag.casefold())
            added.append(tag)
    return (*tags, *added)[:MAX_TAGS]


# A meta refresh's content as the HTML standard reads it: a delay, then the address, perhaps after `url=` and in
# quotes (`0; url=https://…`, `0;URL='https://…'`); a delay alone (`300`) reloads the page itself.
_REFRESH = re.compile(
    r"\s*(?P<delay>\d+)(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(?P<url>\S.*?)\s*", re.IGNORECASE | re.DOTALL
)
# A redirect sends its reader on at once or after a few seconds ("you will be redirected in 10 seconds"); a refresh
# after minutes reloads a story (a live page, a front), even when it names the story's own address.
MAX_REDIRECT_DELAY = 30
# A script sending the browser elsewhere: `location = "…"`, `window.location.href = '…'`, `location.replace("…")`.
_SCRIPT_REDIRECT = re.compile(
    r"""\blocation(?:\.href)?\s*=\s*(["'])(?P<set>[^"'\s]+)\1|\blocation\.(?:replace|assign)\(\s*(["'])(?P<call>[^"'\s]+)\3"""
)


def _redirect_target(tree: LexborHTMLParser, container: LexborNode | None) -> tuple[str | None, str]:
    """Where the page sends its reader, as written, and what sends the browser there: "refresh" (a meta refresh
    within MAX_REDIRECT_DELAY seconds), "script" (a script of the head setting the location), else "" (the address
    is the canonical link's or the first link's in the article)."""
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").strip().lower() == "refresh":
            refresh = _REFRESH.fullmatch(meta.attributes.get("content") or "")
            if refresh is not None and int(refresh["delay"]) <= MAX_REDIRECT_DELAY and refresh["url"].strip("'\""):
                return refresh["url"].strip("'\""), "refresh"
    for script in tree.head.css("script") if tree.head is not None else ():
        moved = _SCRIPT_REDIRECT.search(script.text(deep=True))
        if moved is not None:
            return moved["set"] or moved["call"], "script"
    canonical = tree.css_first('link[rel="canonical"][href]')
    links = [canonical] if canonical is not None else []
    links += container.css("a[href]") if container is not None else []
    hrefs = ((link.attributes.get("href") or "").strip() for link in links)
    return next((href for href in hrefs if href and not href.startswith("#")), None), ""


_ADDRESS_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?")


def _without_address_lines(paragraphs: list[str], url: str | None, print_layout: bool) -> list[str]:
    """The paragraphs without a print page's line of its address (furniture_lines.print_address; session 54): one
    giving the page's own address (`url`: "URL: https://somanet.example/2015/05/kerry" beside a canonical link to
    it), and in a print layout (_is_print_layout) one at the body's start or end. Another address so labelled is
    the story's: a fact box's "URL: www.powerswitch.example" (the session's review)."""
    own = _address_key(url) if url else None
    kept = [
        paragraph
        for paragraph in paragraphs
        if own is None or (address := print_address(paragraph)) is None or _address_key(address) != own
    ]
    while print_layout and kept and print_address(kept[-1]) is not None:
        kept.pop()
    while print_layout and kept and print_address(kept[0]) is not None:
        kept.pop(0)
    return kept


# A print layout's marks: a <body> printing itself on load, a link printing the page, a title saying so.
_PRINT_SCRIPT = re.compile(r"\bprint\s*\(")
_PRINT_TITLE = re.compile(r"\s*print(?:er[- ]friendly|able)?\b", re.IGNORECASE)


def _is_print_layout(tree: LexborHTMLParser) -> bool:
    """Whether a page is a print version: its <body> prints it on load, a link prints it (`javascript:window.print()`)
    or its <title> starts with "Print" ("Print this article - Daily Planet")."""
    body, title = tree.body, tree.css_first("title")
    if body is not None and _PRINT_SCRIPT.search(body.attributes.get("onload") or ""):
        return True
    if title is not None and _PRINT_TITLE.match(element_text(title)):
        return True
    return any(_PRINT_SCRIPT.search(link.attributes.get("href") or "") for link in tree.css('a[href^="javascript:"]'))


def _address_key(address: str) -> str:
    """An address as compared (_without_address_lines): without its scheme, "www." or a closing slash, in any case."""
    return _ADDRESS_SCHEME.sub("", address.casefold()).rstrip("/")


def _url(tree: LexborHTMLParser, meta: dict[str, list[str]], linked: dict[str, Any]) -> str | None:
    canonical = tree.css_first('link[rel="canonical"]')
    candidates = [
        canonical.attributes.get("href") if canonical is not None else None,
        _first(meta, ("og:url",)),
        _ld_text(linked, "url"),
    ]
    # A relative or malformed address is skipped: the article's url is always an absolute http(s) address.
    return next((url for url in (absolute_url(c) for c in candidates if c) if url), None)
