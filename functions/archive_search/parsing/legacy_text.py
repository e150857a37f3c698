"""Plain-text pages exported from the legacy site.

Shape (see tests/fixtures/legacy-page-kerry-putin.txt): a line of site chrome, the title, the site name,
a `(By Name)` byline, then paragraphs; the last paragraph often ends with an agency credit such as `(AFP)`.
Variants handled: no byline, `By Name` without parentheses, more chrome lines at the top or the bottom
(navigation, share bars, copyright, "Back to top"), Windows line endings, HTML entities, credits such as
`(Reuters)`, `- AFP`, `(AP) ` or a last line that is only the credit, a date line with a label (`Published: 12 May
2015`) or on the byline's line, and lines of metadata after the text (`Tags: ...`, `Last updated: ...`).
"""

from __future__ import annotations

import re

from archive_search.errors import RejectedUploadError
from archive_search.models import ParsedUpload
from archive_search.parsing.bylines import (
    byline_name,
    byline_with_date,
    credit_only,
    dateline_credit,
    is_labelled_byline,
    names_others,
    split_trailing_credit,
)
from archive_search.parsing.furniture_lines import (
    LEGACY_SITE_NAME,
    SHARE_NAMES,
    is_ad_label,
    is_copyright_line,
    is_legacy_layout_line,
    is_other_stories_label,
    is_prompt_line,
    is_unmistakable_other_stories_label,
)
from archive_search.parsing.text import (
    PHRASING_ELEMENTS,
    body_lines,
    decode,
    items_as_written,
    paragraphs,
    refuse_one_line_file,
    unescape_entities,
    without_escape_sequences,
)
from archive_search.parsing.validate import (
    MAX_LABEL_CHARS,
    MAX_TAGS,
    MAX_TITLE_CHARS,
    date_line_problem,
    is_change_stamp,
    parse_date,
)
from archive_search.typed_dates import MONTH_ABBREVIATIONS

# Lines of the old site's page furniture (compared case-insensitively): dropped before the title, between the title
# and the byline, and in the footer after the article's end; never inside the body.
CHROME_LINES = frozenset(
    {
        "site-wide search",
        "site search",
        "search",
        "search the archive",
        "home",
        "menu",
        "skip to content",
        "skip to main content",
        "back to top",
        "top of page",
        "print",
        "print this article",
        "print this page",
        "email",
        "email this",
        "email this article",
        "e-mail this article",
        "email to a friend",
        "e-mail to a friend",
        "share",
        "share this article",
        "advertisement",
        "related articles",
        "related stories",
        "read more",
        "log in",
        "sign in",
        "subscribe",
    }
)
_OTHER_EDGE_CHROME = re.compile(r"^(?:all rights reserved\.?|page \d+ of \d+)$", re.IGNORECASE)
# A navigation bar ("Home | World | Sport", "News » World » Europe"): three or more menu items between separators.
_NAV_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022\u00bb>]\s+")
# A menu item is a name, not a clause: at most three words, each capitalised, a number, "&" or a connector.
_MENU_ITEM = re.compile(
    r"(?:[A-Z0-9\u00c0-\u00de][^\s.!?;:,]*|&|and|of)(?:\s+(?:[A-Z0-9\u00c0-\u00de][^\s.!?;:,]*|&|and|of)){0,2}"
)
# A navigation bar names at least one of the site's sections or pages: "Labour > Conservative > Liberal Democrat"
# is a paragraph (an order of parties), "Home > Business & Markets > Oil and Gas" a bar.
SECTION_NAMES = frozenset(
    {"home", "news", "world", "uk", "us", "u.s.", "europe", "asia", "africa", "americas", "australia", "business"}
    | {"markets", "money", "economy", "finance", "politics", "sport", "sports", "football", "culture", "arts"}
    | {"entertainment", "science", "tech", "technology", "health", "opinion", "comment", "lifestyle", "travel"}
    | {"weather", "video", "photos", "archive", "local", "national", "international", "education", "environment"}
    | {"features", "obituaries", "magazine", "latest", "contact", "about", "search", "login", "subscribe", "more"}
)
# A share bar ("Facebook | Twitter | Email", "Share: WhatsApp • Email • Print"): two or more items between
# separators, each one of these names, after an optional label. It names no section, so it was no navigation bar,
# and it stayed at the end of the body with the "Back to top" or "Share this article" above it (the review after
# session 22). A sentence naming Facebook is no such bar: every item must be a name alone.
_SHARE_LABEL = re.compile(r"^(?:share(?:\s+this(?:\s+(?:article|story|page))?)?|follow\s+us)\s*:\s*", re.IGNORECASE)
# A share bar's item may say what it does with the name (`Share on Facebook | Tweet | Email`: session 53's attacker).
_SHARE_VERB = re.compile(r"^(?:share\s+(?:on|via|to|by)|post\s+(?:on|to)|send\s+(?:by|via))\s+", re.IGNORECASE)
_SHARE_WORDS = frozenset({"tweet", "tweet this", "email this", "e-mail this", "pin it", "print this"})
# The site's own pages, which a footer links to (`Contact us | Privacy policy | Terms`: session 53's attacker): a bar
# of two or more of them alone is the footer's, as a bar naming a section is a navigation bar.
_SITE_PAGES = frozenset(
    {"contact", "contact us", "about", "about us", "privacy", "privacy policy", "privacy notice", "cookies"}
    | {"cookie policy", "cookie settings", "terms", "terms of use", "terms of service", "terms and conditions"}
    | {"terms & conditions", "legal", "legal notice", "imprint", "impressum", "sitemap", "site map", "accessibility"}
    | {"advertise", "advertise with us", "careers", "jobs", "help", "faq", "faqs", "feedback", "rss", "newsletter"}
)
_BYLINE_WITHIN = 6  # a byline further down than this many blocks is body text


# A note the page puts in brackets about its pictures or its changes, alone on its line (`{PHOTO: Kerry in Sochi}`,
# `[Video]`, `(Updated)`, `(Updates with minister's comments)`): no headline (session 53's new user: it was the title).
# Not a credit (`(Photos by Jane Doe)`, `(Photos and words by Jane Doe)`: a byline), which says `by`; nor a note that
# writes a sentence after its label (`(Update: Police later said the man had been released without charge.)`, a fact
# of the story; session 53's review): a label's note has no sentence's end and a few words (_NOTE_WORDS).
_MEDIA_NOTE = re.compile(
    r"[\[{(]\s*(?:file\s+)?(?:photos?|pictures?|images?|video|videos|gallery|graphics?|audio|slideshow"
    r"|updated?|updates|watch|listen)\b(?:(?!\bby\b)[^\[\]{}().!?\u2026])*[\]})]",
    re.IGNORECASE,
)
_NOTE_WORDS = 10


def _is_media_note(block: str) -> bool:
    return len(block.split()) <= _NOTE_WORDS and _MEDIA_NOTE.fullmatch(block) is not None


def _is_chrome(block: str) -> bool:
    """A furniture line of the old site ("site-wide search", "Back to top", "Share"), the site name or a bracketed
    note on the page's pictures or changes (_MEDIA_NOTE)."""
    return block.casefold().rstrip(":") in CHROME_LINES or bool(LEGACY_SITE_NAME.match(block)) or _is_media_note(block)


def _is_edge_chrome(block: str) -> bool:
    """A copyright line, "All rights reserved", "Page 2 of 3", a call to subscribe, follow or share, a share bar or a
    navigation bar."""
    if is_copyright_line(block) or is_prompt_line(block):
        return True
    if _OTHER_EDGE_CHROME.match(block):
        return True
    items = _NAV_SEPARATOR.split(block)
    if len(items) >= 2 and all(_is_tool_item(item) for item in _NAV_SEPARATOR.split(_unlabelled(block))):
        return True
    if len(items) >= 2 and all(item.casefold() in _SITE_PAGES for item in items):
        return True
    return (
        len(items) >= 3
        and all(_MENU_ITEM.fullmatch(item) for item in items)
        and any(item.casefold() in SECTION_NAMES or item.split()[0].casefold() in SECTION_NAMES for item in items)
    )


# A page-tools bar's items besides the share names and the chrome lines ("<< Back | Print | Email"), and the arrows
# written around a link's word: a bar of these alone (`Back to top | Print | Email this`, `Top of page | Print this
# article | E-mail to a friend`) is the footer's, as a share bar is (session 54's attacker: it stayed the body's end,
# with the copyright line above it, and hid the credit).
_PAGE_TOOLS = frozenset({"back", "top", "next", "previous", "comments", "save", "close window", "text size"})
_ARROWS = " <>\u00ab\u00bb\u2039\u203a\u2190\u2192"


def _is_tool_item(item: str) -> bool:
    """A page-tools bar's item: a share bar's (_is_share_item), a chrome line (CHROME_LINES) or a tool (_PAGE_TOOLS),
    maybe between arrows (`<< Back`, `Next »`)."""
    tool = item.strip(_ARROWS).casefold()
    return _is_share_item(item) or tool in CHROME_LINES or tool in _PAGE_TOOLS


def _is_share_item(item: str) -> bool:
    """A share bar's item: a name of SHARE_NAMES, maybe after what it does with it (_SHARE_VERB), or _SHARE_WORDS."""
    folded = item.casefold()
    return folded in _SHARE_WORDS or _SHARE_VERB.sub("", folded, count=1) in SHARE_NAMES


def _unlabelled(block: str) -> str:
    """A share bar without its label ("Share: Facebook | Email" is "Facebook | Email")."""
    return _SHARE_LABEL.sub("", block, count=1)


def _is_furniture(block: str) -> bool:
    return _is_chrome(block) or _is_edge_chrome(block)


def _title_place(blocks: list[str]) -> int | None:
    """The block the old site's layout puts the headline in: the one just before the site name ("site-wide
    search", HEADLINE, "SomaNet News Archive"), unless that is the page's first block and furniture. A headline
    there is kept whatever it says: "Subscribe", "Home" or "Oil · Gold · Silver Rally" were dropped as furniture."""
    site = next((i for i, block in enumerate(blocks[:_BYLINE_WITHIN]) if LEGACY_SITE_NAME.match(block)), None)
    if not site:
        return None
    before = site - 1
    if before == 0 and _is_furniture(blocks[0]):
        return None
    return before


def _without_top_furniture(blocks: list[str]) -> list[str]:
    """The page from its title on: the site's furniture before the title dropped.

    The block in the title's place of the layout, and the block just before a byline (unless it is the layout's
    own search line or site name), is the title whatever it looks like ("Home", "Subscribe", "Oil · Gold · Silver"):
    dropped, the first paragraph would become the title.
    """
    title_at = _title_place(blocks)
    if title_at == 1 and _is_chrome_line(blocks[0]) and not _is_furniture(blocks[1]) and not byline_name(blocks[1]):
        # The layout's own order, a line of chrome, the title, the site name: the first line is the chrome whatever
        # it says ("Breaking News Ticker", "Log in | Register"); kept, it was the title and the headline the
        # summary. A date there is the page's date, read below the title as a date line is.
        return [blocks[1], blocks[0], *blocks[2:]] if parse_date(blocks[0]) is not None else blocks[1:]
    start = 0
    while start < len(blocks) and start != title_at and _is_furniture(blocks[start]):
        start += 1
    if (
        0 < start < len(blocks)
        and byline_name(blocks[start])
        and not is_legacy_layout_line(blocks[start - 1])
        and not _is_media_note(blocks[start - 1])
    ):
        start -= 1
    return blocks[start:]


_CHROME_LINE_WORDS = 6  # a chrome line is a few words: a menu, a ticker's label, a date, a login link


def _is_chrome_line(block: str) -> bool:
    """A block that can be a line of the site's chrome: one short line that is no sentence and no byline."""
    return (
        "\n" not in block
        and len(block.split()) <= _CHROME_LINE_WORDS
        and not block.rstrip().endswith((".", "!", "?"))
        and not byline_name(block)
    )


# A wire story's end mark, alone on the body's last line (session 55's attack report: `-30-`, `###`, `END` stayed the
# body's last paragraph): the copy ends there. In capitals only: "End" or "The end" may close a story's text.
_WIRE_END_MARK = re.compile(r"-\s*30\s*-|#\s*#\s*#|[-(]?(?-i:END|ENDS)[-)]?")


def _without_bottom_furniture(body: list[str]) -> list[str]:
    """The body without the site's footer after the article's end.

    The footer is the run of furniture at the bottom that holds something no article ends with: a copyright line,
    a share bar, a navigation bar or a furniture phrase ("Back to top", "Share this article"). A lone "Share" or
    "Home" at the end, or anything after a paragraph that ends with a colon ("The final order was:"), is text; the
    first block of the body is never dropped. Inside the body nothing is furniture: text there stays. A list of other
    stories (_other_stories_list) goes with the footer only when the site's chrome touches it: the footer right under
    it, or a share or navigation bar right above it; a list under its label that ends the page with nothing of the
    site's around it is the story's (session 53's review: `Recommended` over book titles, `See also` over cases).
    A wire end mark on the last line (_WIRE_END_MARK) goes, and the footer above it with it. Notes (_NOTE:
    `Editor's note: …`, `Correction: …`) under the footer stay, the footer above them goes.
    """
    if len(body) > 1 and _WIRE_END_MARK.fullmatch(body[-1].strip()):
        body = body[:-1]
    end = _furniture_start(body, len(body))
    footer = _is_footer(body[end:])
    while (label := _other_stories_list(body[:end])) is not None and (footer or _is_edge_chrome(body[label - 1])):
        end, footer = _furniture_start(body, label), True
    body = body[:end] if footer else body
    notes = len(body)
    while notes > 1 and _NOTE.match(body[notes - 1]):
        notes -= 1
    start = _furniture_start(body, notes)
    # An editor's note or a correction added under the page's footer (`Back to top | Print | Email this`) is the
    # story's (session 55): the footer above it goes, the note stays.
    return body[:start] + body[notes:] if notes < len(body) and _is_footer(body[start:notes]) else body


def _is_footer(run: list[str]) -> bool:
    """Whether a run of furniture holds something no article ends with: a chrome line or more than one word."""
    return any(_is_edge_chrome(block) or len(block.split()) > 1 for block in run)


def _furniture_start(body: list[str], end: int) -> int:
    """Where the run of furniture that ends `body[:end]` starts (`end` if there is none): never at the first block,
    nor right after a block that ends with a colon, which introduces what follows as text."""
    while end > 1 and _is_furniture(body[end - 1]) and not body[end - 2].rstrip().endswith(":"):
        end -= 1
    return end


# A list of other stories under its label at the article's end: a few headlines, each a line of at most this many
# words that ends no sentence.
_OTHER_STORIES = 12
_HEADLINE_WORDS = 20


def _other_stories_list(body: list[str]) -> int | None:
    """Where a list of other stories that ends the body starts: its label (`Related stories`, `Read more`, `See also`:
    furniture_lines.is_unmistakable_other_stories_label; none under a bare `Related` or `Recommended`, which may head
    the story's own list of names or books) over one to _OTHER_STORIES headlines, each a line that reads as no sentence
    (session 53's attacker: `Related stories` / `Ukraine rebels seize airport` / `Merkel calls Putin` stayed the body's
    end). None when the body ends otherwise; never the first block, nor a label after a block that ends with a colon,
    which introduces it as text."""
    for at in range(len(body) - 2, max(0, len(body) - 2 - _OTHER_STORIES), -1):
        if is_other_stories_label(body[at]):
            headlines = body[at + 1 :]
            if body[at - 1].rstrip().endswith(":") or not all(map(_is_headline_line, headlines)):
                return None
            return at if is_unmistakable_other_stories_label(body[at]) else None
    return None


def _is_headline_line(block: str) -> bool:
    """A block that reads as a headline in a list of them: one line of at most _HEADLINE_WORDS words, ending with no
    full stop, no colon and no sentence's mark (_reads_as_paragraph), and no byline."""
    return (
        "\n" not in block
        and len(block.split()) <= _HEADLINE_WORDS
        and not block.rstrip().endswith((".", ":", ";", ","))
        and not _reads_as_paragraph(block)
        and byline_name(block) is None
    )


def _blocks(text: str) -> list[str]:
    """The page's blocks: split at blank lines, or at every line if the page has no blank line at all.

    The old site's export writes each block (title, site name, byline, each paragraph) on one line and separates
    them with blank lines. A page whose blank lines were lost (collapsed by an editor or a tool) still has one block
    a line; read as one block it became a title thousands of characters long and an empty body.
    """
    blocks = paragraphs(text)
    if len(blocks) == 1:
        lines = [block for line in text.split("\n") for block in paragraphs(line)]
        if len(lines) > 1:
            return lines
    return blocks


# Two blank lines or more: the old site's export puts them after the headline, before the site's name (the sample).
_GAP = re.compile(r"\n[^\S\n]*\n(?:[^\S\n]*\n)+")
# A site's name in any language, where the layout puts it: an archive's (`Daily Planet Archive`, `Archives SomaNet`,
# `Архив новостей SomaNet`) or the legacy site's.
_SITE_WORDS = re.compile(r"\b(?:archives?|archiv|archivio|archivo|arquivo|archief|архив\w*|somanet)\b", re.IGNORECASE)


def _blocks_before_gap(text: str) -> int | None:
    """How many blocks stand before the page's first gap of two blank lines or more (_GAP); None with no gap."""
    parts = _GAP.split(text.strip(), maxsplit=1)
    return len(paragraphs(parts[0])) if len(parts) > 1 else None


def _in_layout_order(blocks: list[str], gap_at: int | None) -> list[str]:
    """The page's blocks from its headline on, when the layout is the old site's with chrome in words not known
    here: a line of chrome, the headline, the site's name, then the byline or the text (`Recherche`, the headline,
    `Daily Planet Archive`, `(By Jane Doe)`). The first line was the title and the headline the summary, glued to
    the site's name (session 51's new user: French, Russian and other sites' pages). The layout is known by a site's
    name in its place (_SITE_WORDS), the line of chrome and it each a short line and no sentence (_is_chrome_line);
    the site's name leaves, as `SomaNet News Archive` does. A date in the chrome's place is the page's date, as in
    the known layout. With no line of chrome, the headline, the export's gap (_GAP) and a site's name: the site's
    name leaves too. A gap alone, before a line that names no site, tells no layout (a short standfirst stands
    there as well): such a page reads as before. The same blocks for any other page, and for one that shows the
    known site's name (_title_place reads it)."""
    if any(LEGACY_SITE_NAME.match(block) for block in blocks[:_BYLINE_WITHIN]):
        return blocks
    bylines = [_byline(block)[0] is not None for block in blocks[:4]]
    if len(blocks) >= 3 and gap_at == 1 and not any(bylines[:2]):
        headline, site = blocks[:2]
        if _SITE_WORDS.search(site) and _is_chrome_line(site) and not _reads_as_paragraph(headline):
            return [headline, *blocks[2:]]
        return blocks
    if len(blocks) < 4 or any(bylines[:3]):
        return blocks
    chrome, headline, site = blocks[:3]
    if (
        not _SITE_WORDS.search(site)
        or not (_is_chrome_line(chrome) and _is_chrome_line(site))
        or parse_date(headline) is not None
        or parse_date(site) is not None
        or _reads_as_paragraph(headline)
    ):
        return blocks
    return [headline, *([chrome] if parse_date(chrome) is not None else []), *blocks[3:]]


# Notes a page puts after the byline that closes its text: credits, corrections, links to other stories.
_NOTE = re.compile(
    r"^(?:(?:with\s+)?(?:additional\s+)?reporting\s+by|writing\s+by|(?:additional\s+)?research\s+by|editing\s+by|edited\s+by"
    r"|this\s+(?:article|story|report|version)\s+(?:was|has\s+been|is)|corrections?\b|clarification\b"
    r"|an\s+earlier\s+version|related\s*:|see\s+also\b|read\s+more\b|more\s+on\s+this|contact\s+the\s+author"
    # A note under its label and the label's colon or dash (`Editor's note:`, `Update:`, `Note to readers:`,
    # `Clarification -`, `Disclosure:`, `Update (13 May):`), the labels the HTML reader knows for an article's notes
    # (html_text._ARTICLE_NOTE) and their kin: the credit before it was lost (session 54's attacker).
    r"|(?:(?:editor|editors|author|publisher|translator)[\u2019']?s?[\u2019']?\s+)?notes?(?:\s+to\s+(?:readers|editors))?"
    r"\s*(?::|[\u2013\u2014-]\s)|(?:updated?|updates|clarifications?|disclosures?|disclaimer|postscript)"
    r"(?:\s+\d{1,2}|\s*\([^()]{1,40}\))?\s*(?::|[\u2013\u2014-]\s))",
    re.IGNORECASE,
)


def _is_note(block: str, author: str | None) -> bool:
    """A note after the byline that closes the text (_NOTE), or the author's biography ("Jane Doe is the paper's
    transport correspondent.": a paragraph that starts with the byline's name)."""
    return bool(_NOTE.match(block)) or (author is not None and block.casefold().startswith(f"{author.casefold()} "))


def _without_site_name(blocks: list[str]) -> list[str]:
    start = 0
    while start < len(blocks) and LEGACY_SITE_NAME.match(blocks[start]):
        start += 1
    return blocks[start:]


def parse_legacy_text(data: bytes) -> ParsedUpload:
    # U+2029 (also as &#8233;) ends a paragraph, NEL and U+2028 a line, as in every format's body.
    # A text page holds no markup: its complete escape sequences go before its lines are read (a coloured byline).
    text = without_escape_sequences(body_lines(unescape_entities(decode(data))))
    expected = "a text page is read as its title on the first line, then its body"
    refuse_one_line_file(text, "the file", expected, headline_chars=MAX_TITLE_CHARS)
    blocks = _without_top_furniture(_in_layout_order(_blocks(text), _blocks_before_gap(text)))
    if not blocks:
        raise RejectedUploadError("the page has no text besides site navigation", fix="export the article again")

    author = None
    summary = None
    dateline = None
    byline_date = None
    byline_at = next((i for i in range(min(len(blocks), _BYLINE_WITHIN)) if _is_byline(blocks, i)), None)
    if byline_at is not None:
        author, byline_date = _byline(blocks[byline_at])
        blocks, author = _with_more_bylines(blocks, byline_at, author)
        head = _head(blocks, byline_at)
        body_blocks = blocks[byline_at + 1 :]
        text_above = _text_of(head)
        text_below = [block for block in body_blocks if not _is_furniture(block)]
        date_below = text_below[0] if text_below and parse_date(text_below[0]) is not None else None
        closing = text_below[date_below is not None :]
        if len(text_above) > 1 and all(_is_note(block, author) or _is_metadata(block) for block in closing):
            # Paragraphs above it and below only the footer, its date, notes ("Additional reporting by...", a
            # correction, "Related: ...", the author's biography) or the page's metadata (`Tags: ...`, a change's
            # stamp): the byline closes the article's text (some layouts put it last), and what stands above it is
            # the body, not a standfirst (session 21's reviews: the paragraphs became the summary and the footer or
            # the note the body, or the page was refused as having no text).
            _refuse_unreadable_date_lines(head[1:])
            dates = [block for block in head[1:] if parse_date(block) is not None]
            dateline = dates[0] if dates else date_below
            body_blocks = [block for block in body_blocks if dateline is None or block != date_below]
            title, body_blocks = head[0], [block for block in head[1:] if block not in dates[:1]] + body_blocks
        elif head:
            title = head[0]
            # Anything between the title and the byline is a standfirst, kept as the summary, or the date line.
            _refuse_unreadable_date_lines(head[1:])
            dates = [block for block in head[1:] if parse_date(block) is not None]
            dateline = dates[0] if dates else None
            summary = " ".join(block for block in head[1:] if block not in dates[:1]) or None
        else:  # the byline came first: the title follows it (after the site name, if the layout put it there)
            body_blocks = _title_first(_without_site_name(body_blocks))
            title, body_blocks = (body_blocks[0], body_blocks[1:]) if body_blocks else ("", [])
            if _reads_as_paragraph(title):
                raise RejectedUploadError(
                    "the page has no headline: nothing stands before the byline, and the block after it reads as a"
                    f" paragraph: {_quoted(title)}",
                    fix="put the headline on its own line before the byline, without a full stop",
                )
    else:
        ordered = _title_first(blocks)
        if ordered is not blocks and _reads_as_paragraph(ordered[0]):
            raise RejectedUploadError(
                f"the page has no headline: it starts with a date line, and the block after it reads as a paragraph:"
                f" {_quoted(ordered[0])}",
                fix="put the headline on its own line above the text, without a full stop",
            )
        if _reads_as_lost_headline(ordered[0]) and _title_place(ordered) != 0:
            # No byline frames the page and no layout's site name follows the block: the export lost the headline,
            # as when the byline comes first (session 53's new user: the first paragraph was the title, silently)
            raise RejectedUploadError(
                f"the page has no headline: it has no byline, and its first block reads as a paragraph:"
                f" {_quoted(ordered[0])}",
                fix="put the headline on its own line above the text, without a full stop",
            )
        title, body_blocks = ordered[0], ordered[1:]
    body_blocks = _without_site_name(body_blocks)  # the layout's site name after the title is no paragraph
    # An ad slot's label is no paragraph anywhere in the body, as in every format (session 52: `Advertisement` was
    # kept between two paragraphs, and a page whose only paragraph it was was published).
    body_blocks = [block for block in body_blocks if not is_ad_label(block)]
    # A date line at the top (`12 May 2015`, `Published: 12 May 2015`, under the byline or the title) is the article's
    # date, as in Markdown; left in the body, every legacy page sorted last by date and fell outside every date filter.
    # A line saying when the page was changed, beside it or in its place, is no paragraph, and never the date.
    top = 0
    while top < min(len(body_blocks) - 1, _TOP_DATE_LINES):
        _refuse_unreadable_date_lines(body_blocks[top : top + 1] if dateline is None else [])
        if dateline is None and parse_date(body_blocks[top]) is not None:
            dateline = body_blocks[top]
        elif not is_change_stamp(body_blocks[top]) and not (top and _TIME_LINE.fullmatch(body_blocks[top])):
            break
        top += 1
    body_blocks = body_blocks[top:]

    body_blocks, tags, stamped = _without_trailing_metadata(
        _without_bottom_furniture(body_blocks), [day for day in (dateline, byline_date) if day is not None]
    )
    body_blocks, credit = _take_credit(body_blocks)
    return ParsedUpload(
        title=_without_markup(title),
        body="\n\n".join(body_blocks),
        source_format="legacy-text",
        author=author,
        summary=summary,
        credit=credit,
        published=dateline or byline_date or stamped,
        tags=tags,
    )


_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?>")


def _without_markup(title: str) -> str:
    """The title's text when it is markup: each of its tags a phrasing element's (PHRASING_ELEMENTS), opened and
    closed (`<b>Kerry to meet Putin</b>`, `<i>Hamlet</i> returns`, tags the export left, which were published as
    written: session 53's attacker); as written otherwise, a headline that mentions a tag (`<blink> tag turns 20`,
    `Why <br> and <p> tags confuse editors`: session 53's review) or holds brackets (`<<Breaking>>`, `a<b>c`)."""
    tags = [(found["close"], found["name"].casefold()) for found in _TAG.finditer(title)]
    names = {name for _, name in tags}
    if not names or not names <= PHRASING_ELEMENTS:
        return title
    if any(tags.count(("", name)) != tags.count(("/", name)) for name in names):
        return title
    # Imported here: the HTML extractor is no part of reading a legacy page otherwise (PARSERS: cold starts)
    from archive_search.parsing.html_text import as_markup, fragment_paragraphs

    markup = as_markup(title, "title")
    return title if markup is None else " ".join(fragment_paragraphs(markup, "the title"))


def _with_more_bylines(blocks: list[str], byline_at: int, author: str | None) -> tuple[list[str], str | None]:
    """The page without the bylines right under its byline, and the author with the writers they name: a page with
    a byline for each of its writers (`(By Jane Doe)` then `(By John Roe)`) gave Jane Doe alone and began its body
    with `(By John Roe)` (session 51's attack report). A second byline naming the same writer (`By Jane Doe, Staff
    Writer`) adds no one. A line that also dates the page (`Posted on May 12, 2015 by Jane Doe` under `(By Estera
    Popowska)`) names who posted it, as often as a writer: it stays text, as before."""
    after = byline_at + 1
    while after < len(blocks) - 1 and byline_with_date(blocks[after]) is None:
        name = byline_name(blocks[after])
        if name is None:
            break
        if author is not None and names_others(name, author):
            author = f"{author} and {name}"
        after += 1
    return [*blocks[: byline_at + 1], *blocks[after:]], author


def _head(blocks: list[str], at: int) -> list[str]:
    """The title and what stands between it and the block at `at`: the site name and furniture lines of the layout
    left out, a standfirst or a date line kept."""
    return _title_first([block for i, block in enumerate(blocks[:at]) if i == 0 or not _is_chrome(block)])


def _text_of(head: list[str]) -> list[str]:
    """The paragraphs of a head (_head) under its title: no date line."""
    return [block for block in head[1:] if parse_date(block) is None]


def _is_byline(blocks: list[str], at: int) -> bool:
    """Whether the block at `at` is the page's byline (_byline). A wire's credit of its reporters and editors
    (`(Reporting by Jane Doe; Writing by John Roe)`, a note: _NOTE) is one only right under the title, where a byline
    stands; under text it ends the story as a note, and stays text, as it did before session 52 read its writers."""
    if _byline(blocks[at])[0] is None:
        return False
    if at == 0 and _is_title_slot_headline(blocks):
        return False
    return not (_NOTE.match(blocks[at].lstrip("([")) and _text_of(_head(blocks, at)))


def _is_title_slot_headline(blocks: list[str]) -> bool:
    """Whether the page's first block, the title's place, is its headline though it reads as a byline with a label
    (bylines.is_labelled_byline: `Reported by Witnesses`, `Words by Wordsworth`, `Par: Rory McIlroy Leads`): the
    block that would be the title after it, past the site name and the layout's furniture, is a byline itself, or
    there is none. Read as the byline, the headline named its author and the real byline (`(By Jane Doe)`) became
    the title (the session's review: 7 headlines)."""
    if not is_labelled_byline(blocks[0]):
        return False
    after = [block for block in blocks[1:] if not _is_chrome(block)]
    return not after or _byline(after[0])[0] is not None


_TOP_DATE_LINES = 3  # a date line, a time or a change's stamp: what stands under the byline before the text


def _byline(block: str) -> tuple[str | None, str | None]:
    """The author a byline names, and the date written beside them on its line (`By Tom Price | Published: 12 May
    2015`, `12 May 2015 · By Tom Price`: bylines.byline_with_date), or (None, None) for a block that is no byline."""
    both = byline_with_date(block)
    return both if both is not None else (byline_name(block), None)


# A line of the page's tags, after the article's text: `Tags: Russia, USA, Ukraine`, `Keywords: ...`, `Filed under:
# World, Europe`, `Topics: ...`. The colon is needed (`Tags were fitted to the birds` is a sentence), and each item is
# a tag's few words, no sentence (`Topics: the council met and agreed the budget.` is text).
_TAGS_LINE = re.compile(
    r"(?:tags?|tagged(?:\s+with)?|keywords|topics|filed\s+under|categories)\s*:\s*(?P<items>.+)", re.IGNORECASE
)
_TAG_WORDS = 4


# An item that is no tag, and makes its line text, as it was before session 50 (the session's review): a placeholder
# (`Keywords: none`, `Tags: N/A`, `Tags: -`, `Topics: see below`), a clause (a pronoun or a form of "to be": `Tag:
# you're it`, `Tags: the birds were fitted`; not an acronym, `IT`), a quote left open (`Tags: "Kerry, Putin`), or an
# item longer than a tag may be (a 292-character URL after `Filed under:` rejected the page for its tag).
# The final review added the site's furniture and WordPress's placeholders (`Categories: Uncategorized`, `Tags: No
# tags`, `Keywords: none found`, `Tags: Read more, Comments (3)`, `Tags: Print, Email, Share`, `Topics: Click here`,
# `Tags: Subscribe to our newsletter`, `Categories: Home, News`) and an item with a sentence's or a label's mark in
# it: `:` (`News, Politics Tagged: Obama`), a full stop before a space (`Iran. Next: Russia`; not `U.S.`), `!`, `?`,
# `(`/`)` (`Putin (AFP)`: the line stays text and its credit the credit, as before session 50), `#`, `|`, `;`.
_PLACEHOLDERS = frozenset(
    {"none", "n/a", "na", "nil", "null", "tbd", "tba", "see below", "see above", "-", "none found", "not found"}
    | {"uncategorized", "uncategorised", "unclassified", "no tags", "no tag", "no keywords", "no topics"}
    | {"no categories", "no category", "untagged", "not tagged", "no comments", "default"}
)
_FURNITURE = frozenset(
    {"click here", "read more", "more", "read on", "continue reading", "comments", "comment", "leave a comment"}
    | {"print", "email", "e-mail", "share", "share this", "tweet", "home", "back to top", "top", "next", "previous"}
    | {"login", "log in", "sign in", "sign up", "register", "subscribe", "follow us", "related", "permalink"}
)
# A tag that names the site's section of every story (`Categories: News, World, Top Stories`): a tag beside others,
# no line of tags alone (`Tags: News` is the site's furniture, as `Home`).
_SECTION_ONLY = frozenset({"news"})
_COMMENT_COUNT = re.compile(r"(?:\d+|no)\s+comments?|comments?\s*\d+", re.IGNORECASE)
_SUBSCRIBE = re.compile(r"(?:subscribe|sign\s+up|follow\s+us)\b", re.IGNORECASE)
# Not an abbreviation's full stop (`U.S. Army`, `St. Louis`, `Gov. Cuomo`, `J.P. Morgan`), nor a language's sharp
# (`C#`, `F#`): the last review saw such topics lose their line.
_ITEM_MARKS = re.compile(r"[:!?()|;\[\]{}<>]|(?<![^\W\d_])#|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.\s")
_CLAUSE_WORDS = frozenset(
    {"you", "he", "she", "it", "we", "they", "is", "are", "was", "were", "be", "been", "am"}
    | {"i'm", "you're", "he's", "she's", "it's", "we're", "they're", "that's"}
)
_ITEM_WORD = re.compile(r"[\w'\u2019]+")


def _is_furniture_tag(item: str) -> bool:
    """Whether an item names the site's furniture (_FURNITURE, a comment count, a call to subscribe) or only the
    section of every story (_SECTION_ONLY)."""
    folded = item.casefold()
    return (
        folded in _FURNITURE
        or folded in _SECTION_ONLY
        or bool(_COMMENT_COUNT.fullmatch(item))
        or bool(_SUBSCRIBE.match(item))
    )


def _is_tag(item: str) -> bool:
    """Whether an item of a line of tags reads as a tag (_PLACEHOLDERS, _ITEM_MARKS, _CLAUSE_WORDS, _TAG_WORDS,
    MAX_LABEL_CHARS); a word of the site's furniture among topics is one (`Tags: Email, privacy, NSA`), a line of
    them alone no line of tags (_tags_of)."""
    words = _ITEM_WORD.findall(item.replace("\u2019", "'"))
    folded = item.casefold()
    return (
        bool(words)
        and len(item.split()) <= _TAG_WORDS
        and len(item) <= MAX_LABEL_CHARS
        and folded not in _PLACEHOLDERS
        and not _ITEM_MARKS.search(item)
        and not any(word.casefold() in _CLAUSE_WORDS and not word.isupper() for word in words)
        and item.count('"') % 2 == 0
        and item.count("\u201c") == item.count("\u201d")
    )


# A line of hashtags (`Tags: #Obama #Iran`) or of items between bars (`Topics: Politics | World`) is a list of
# its own: read item by item, when it has no comma or semicolon besides (the final review: each was one tag).
_HASHTAGS = re.compile(r"#\w+(?:[\w'-]*\w)?(?:\s+#\w+(?:[\w'-]*\w)?)*")


def _items(written: str) -> list[str]:
    """The items of a line of tags: hashtags, items between bars (_HASHTAGS) or a list written as text."""
    written = written.strip()
    if _HASHTAGS.fullmatch(written):
        return [tag.lstrip("#") for tag in written.split()]
    if "|" in written and not any(mark in written for mark in ',;"#'):
        return [item.strip() for item in written.split("|") if item.strip()]
    return items_as_written(written)


def _tags_of(block: str) -> list[str] | None:
    """The tags a line of tags names (_TAGS_LINE), as a list written as text is read when no editor wrote it
    (text.items_as_written; hashtags and bars: _items); None for any other block, and for a line with an item that is
    no tag (_is_tag) or of the site's furniture alone (_is_furniture_tag: `Tags: Print, Email, Share`, `Tags: News`)."""
    line = _TAGS_LINE.fullmatch(block)
    if line is None or block.rstrip().endswith((".", "!", "?")):
        return None
    items = _items(line.group("items"))
    if not items or not all(map(_is_tag, items)):
        return None
    return None if all(map(_is_furniture_tag, items)) else items


# A publication stamp after the text names the article's first publication (`First published 12 May 2015`,
# `Originally published on May 12, 2015`). `Published: 3 September 2015` at the foot of a review is the book's, and
# `Posted:`/`Dated` there may be anything's: text (the session's review).
_FIRST_PUBLISHED = re.compile(r"(?:first|originally)\s+published\b", re.IGNORECASE)


def _publication_stamp(block: str) -> str | None:
    """The block when it is a publication stamp (_FIRST_PUBLISHED) with a date; None for any other block, a date alone
    included (a date further down is text)."""
    return block if _FIRST_PUBLISHED.match(block) and parse_date(block) is not None else None


def _is_metadata(block: str) -> bool:
    """A line of the page's metadata: its tags, a change's stamp or a publication stamp."""
    return _tags_of(block) is not None or is_change_stamp(block) or _publication_stamp(block) is not None


def _without_trailing_metadata(
    body_blocks: list[str], dates: list[str]
) -> tuple[list[str], tuple[str, ...], str | None]:
    """The body without the lines of metadata at its end, in any order, with the site's footer among them: tags
    (`Tags: Russia, USA`), a change's stamp (`Last updated: 13 May 2015`: never the article's date) or a publication
    stamp (`First published 12 May 2015`). Returns the body, the tags and the publication stamp (the page's date
    when it has none). Left in the body, they hid the agency credit before them (session 50's new user: `(AFP)`
    stayed in the text and no credit was read). The body's first block is never dropped.

    Publication stamps leave only when they and the page's `dates` (its date line, its byline's date) name one day;
    otherwise each is text, as a date line naming another day is (the session's review: `By Tom Price | 12 May 2015`
    lost `First published 3 June 2016`, and two stamps of two days were both dropped and one taken)."""
    blocks, tags, stamps = _peeled(body_blocks, stamps_too=True)
    if len({parse_date(written) for written in stamps + dates}) > 1:
        blocks, tags, stamps = _peeled(body_blocks, stamps_too=False)
    return blocks, tags, stamps[0] if stamps else None


def _peeled(body_blocks: list[str], *, stamps_too: bool) -> tuple[list[str], tuple[str, ...], list[str]]:
    """The body without its trailing metadata (_without_trailing_metadata; publication stamps only `stamps_too`), its
    tags and its publication stamps. A block after one that ends with a colon is the text's own (`…would cover three
    topics:` then `Topics: trade, security, climate`), and ends the metadata (the session's review)."""
    blocks = list(body_blocks)
    tags: list[str] = []
    stamps: list[str] = []
    while len(blocks) > 1 and not blocks[-2].rstrip().endswith(":"):
        last = blocks[-1]
        if (found := _tags_of(last)) is not None:
            tags = found + tags
        elif stamps_too and _publication_stamp(last) is not None:
            stamps.insert(0, last)
        elif not is_change_stamp(last):
            break
        blocks = _without_bottom_furniture(blocks[:-1])
    return blocks, tuple(dict.fromkeys(tags))[:MAX_TAGS], stamps


# A block of this many words or more that ends a sentence with a full stop reads as a paragraph; a block of more than
# PARAGRAPH_WORDS does whatever its end. Headlines rarely pass either: of the 51,001 titles of news-dev and news-large
# (at most 19 words), 179 would (0.4 %), 136 of them Usenet subjects (`Re: …`); a headline ending in an abbreviation
# (`Tulsa, Okla.`, `Warner Bros.`) or a quoted sentence (`Blair: "We will win."`) is short (session 47's review of a
# first rule, which rejected them); one of two sentences is no paragraph (`It's over. Now comes the hard part for
# Labour's new leader`: the second review).
SENTENCE_WORDS = 10
PARAGRAPH_WORDS = 30
# A sentence's end at the block's end: a lower-case word's or a number's full stop (not `U.S.`'s, nor `Fly?` in a
# headline), maybe after an agency's credit (`rose (AFP).`); not an abbreviation's (`may` is a whole word).
_SENTENCE_END = re.compile(r"([^\W_]*[^\W\d_A-Z]{2}|[0-9]{2})(?:\s*\([^()]{1,40}\))?\.[\"'\u2019\u201d)]*$")
_ABBREVIATIONS = frozenset(
    {"vs", "etc", "sept", "gov", "prof", *MONTH_ABBREVIATIONS} - {"may"}
    | {"bros", "inc", "ltd", "corp", "co", "jr", "sr", "st", "mr", "mrs", "ms", "dr", "no", "nr", "gen", "col", "lt"}
    | {"sgt", "capt", "rep", "sen", "rev", "fig", "approx", "est", "dept", "univ", "ave", "blvd", "mt", "ft"}
)


def _title_first(blocks: list[str]) -> list[str]:
    """blocks with a date line that stands before the headline moved after it, where a date line below the title
    is read as the page's date: a page whose layout put `12 May 2015` above its headline (or, byline first, between
    the byline and the headline) was titled "12 May 2015", the headline its summary, and had no date (session 48's
    new user). Between the date line and the headline, the site's chrome (`SomaNet News Archive`) is dropped and a
    time (`14:32 GMT`) or an update line (`Updated 13 May 2015`) stays after the date (the summary, when a byline
    follows): neither is the title (the session's review). A date line there that names no day one can tell
    rejects the page, as below the title. The same list when the first block is no date line or no headline
    follows it."""
    if len(blocks) < 2 or parse_date(blocks[0]) is None:
        _refuse_unreadable_date_lines(blocks[:1] if len(blocks) > 1 and parse_date(blocks[1]) is None else [])
        return blocks
    rest = [block for block in blocks[1:3] if not _is_chrome(block)] + blocks[3:]
    at = next((i for i, block in enumerate(rest[:3]) if not _date_companion(block)), None)
    if at is None or parse_date(rest[at]) is not None:
        return blocks
    return [rest[at], blocks[0], *rest[:at], *rest[at + 1 :]]


# A line beside a date line that is no headline: a time (`14:32 GMT`, `2.30pm`), or a change's stamp saying when
# (`Updated 13 May 2015`, `Last update: 13 May 2015 14:32`: validate.is_change_stamp; not `Update on the bridge` nor
# `Updated rules for 5G masts`: the second and third reviews).
_TIME_LINE = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?|\d{1,2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,5})?", re.IGNORECASE
)


def _date_companion(block: str) -> bool:
    """Whether a block beside a date line is a time or a change's stamp saying when (_TIME_LINE)."""
    return bool(_TIME_LINE.fullmatch(block)) or is_change_stamp(block)


def _reads_as_paragraph(block: str) -> bool:
    """Whether a block taken for the title reads as a paragraph (SENTENCE_WORDS, PARAGRAPH_WORDS): the first
    paragraph of a page whose headline the export lost became the title, silently (session 47's trial as a new
    user: `First paragraph of a story that lost its headline in the export.`)."""
    words = block.split()
    if len(words) > PARAGRAPH_WORDS:
        return True
    end = _sentence_end(block)
    return len(words) >= SENTENCE_WORDS and end is not None and end.lower() not in _ABBREVIATIONS


def _sentence_end(block: str) -> str | None:
    """The word or number whose full stop ends the block (_SENTENCE_END), or None. Searched in the block's last 200
    characters: a search from every place of a long run of letters is quadratic (a page whose first line was 40,000
    letters took 48 s), and no abbreviation is longer."""
    end = _SENTENCE_END.search(block.rstrip()[-200:])
    return end.group(1) if end else None


# Words of a sentence no headline is as long as: the longest of the 51,001 titles of news-dev and news-large that end
# in a full stop has 14 (not counting Usenet subjects); the first paragraph session 53's new user's page lost its
# headline above had 20.
_LONG_SENTENCE_WORDS = 16
_SUBJECT = re.compile(r"^(?:re|fwd?|was)\s*:", re.IGNORECASE)


def _reads_as_lost_headline(block: str) -> bool:
    """Whether the first block of a page with no byline is a paragraph, its headline lost: a sentence that ends in
    its full stop, of more words than a headline has (_LONG_SENTENCE_WORDS), and no Usenet subject (`Re: …`). Less
    than _reads_as_paragraph, which judges the block after a byline or a date line: with neither, the first block is
    the headline's place, and a headline of 14 words that ends in a full stop, a quoted sentence (`Putin: "We are
    ready … today."`) or one of 30 words without a stop was refused (session 53's review)."""
    end = _sentence_end(block)
    return (
        len(block.split()) >= _LONG_SENTENCE_WORDS
        and end is not None
        and end.lower() not in _ABBREVIATIONS
        and not _SUBJECT.match(block)
    )


def _quoted(block: str, limit: int = 80) -> str:
    """A block as a report quotes it: its first `limit` characters."""
    return f'"{block[:limit]}…"' if len(block) > limit else f'"{block}"'


def _refuse_unreadable_date_lines(blocks: list[str]) -> None:
    """Reject a block where the date line goes that is written as a date but names no day one can tell (`31 April
    2015`, `03/04/2015`: validate.date_line_problem): kept as text, the article lost its date without a word."""
    for block in blocks:
        problem = date_line_problem(block)
        if problem is not None:
            raise problem


def _take_credit(body_blocks: list[str]) -> tuple[list[str], str | None]:
    """Move a trailing agency credit out of the body: from its last block, or else from the last before the notes
    that end it (`Related: ...`, `Editing by ...`, `Editor's note: ...`: _NOTE) and a list of other stories under
    them (_other_stories_list), which stay (session 50's new user: a line after the credit hid it); failing that, note
    a wire dateline's credit."""
    notes = len(body_blocks)
    while notes > 1 and _is_credit_note(body_blocks[notes - 1]):
        notes -= 1
    # A list of other stories under its label that stays text (_without_bottom_furniture) is no part of the story
    # either: the credit ends the paragraph above it (session 54's attacker: `Related articles:` and a headline)
    listed = _other_stories_list(body_blocks[:notes])
    for end in dict.fromkeys((len(body_blocks), notes if listed is None else listed)):
        blocks, credit = _last_credit(body_blocks[:end])
        if credit is not None:
            return blocks + body_blocks[end:], credit
    return list(body_blocks), dateline_credit(body_blocks[0]) if body_blocks else None


# After a credit a correction is a note with its colon only (`Correction: …`): `Corrections officers said…` is the
# text's last paragraph, and the credit before it was taken out of the text (the session's review).
_CORRECTION_WITHOUT_COLON = re.compile(r"corrections?\b(?!\s*:)", re.IGNORECASE)


def _is_credit_note(block: str) -> bool:
    """A note after the credit (_NOTE), a correction with its colon (_CORRECTION_WITHOUT_COLON), or a line of tags
    that stays text (_tags_of: `Categories: Uncategorized`, `Tags: none`; the final review: the credit above it was
    lost)."""
    return (bool(_NOTE.match(block)) and not _CORRECTION_WITHOUT_COLON.match(block)) or bool(
        _TAGS_LINE.fullmatch(block)
    )


def _last_credit(body_blocks: list[str]) -> tuple[list[str], str | None]:
    """The blocks without the agency credit that ends the last one, or is all of it, and the credit (or None)."""
    blocks = list(body_blocks)
    if not blocks:
        return blocks, None
    credit = credit_only(blocks[-1])
    if credit is not None:
        return blocks[:-1], credit
    blocks[-1], credit = split_trailing_credit(blocks[-1])
    if not blocks[-1]:
        blocks.pop()
    return blocks, credit
