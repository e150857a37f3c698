"""Paragraphs of an HTML body that are page furniture by what they say and what of it is linked: a share line, a
line of tag links, a comment count, a bar of links, an ad's label. html_text.element_paragraphs reads each
paragraph's text apart from its links' and asks here (session 23's review: "Share: Facebook Twitter", "Tags:
Russia, USA", "12 Comments", "Advertisement" and an old page's "Home | World | Sport" stayed in the body). Also the
lines of a page's edges that legacy pages and HTML pages with no article container share: a copyright line, the
legacy site's name and search label.

A sentence is never furniture: any word outside the links but the line's label makes the paragraph text ("Tags were
fitted to the birds", "He posted on Facebook and Twitter").
"""

from __future__ import annotations

import re

from archive_search.parsing.text import normalise_space

# What may stand between the links of a line: spaces and separators, no word.
_SEPARATORS = r"[\s,;|/\u2022\u00b7>\u00bb\u203a\u2013\u2014-]*"
# A line of share or tag links: its label and separators. A single word needs its colon ("Share: Facebook"), as
# "Share your story" or "Tags were fitted" do not have one; "Share this" and "Tagged with" are labels as they stand.
_LABELLED_LINE = re.compile(
    rf"{_SEPARATORS}(?:(?P<tag>tags?|tagged|topics)\s*:|share\s*:"
    rf"|share (?:this(?: article| story| page| post)?|on|via)\s*:?|(?P<tagged>tagged with)\s*:?"
    # WordPress's wp_link_pages(): "Pages: 1 <a>2</a> <a>3</a>", the page read unlinked, each link a page's number
    # (session 54; "Pages: 352 <a>Buy the book</a>" is a book's fact line: its review)
    r"|(?P<pages>pages\s*:[\s\d]*)"
    rf"){_SEPARATORS}",
    re.IGNORECASE,
)
# A link to the comments under the article, alone in its paragraph: "12 Comments", "No comments", "Comments (3)",
# "Leave a comment".
_COMMENTS_LINK = re.compile(
    r"(?:(?:\d[\d,.]*k?|no|one|zero) )?comments?(?: \(\d+\))?|(?:leave|add|post|write) a (?:comment|reply)"
    r"|(?:view|show|read|see) (?:all )?(?:\d+ )?comments",
    re.IGNORECASE,
)
# A bar of links (`Home | World | Sport`, `Home > World > Europe`) has a separator between each two of them: links
# beside each other with only spaces between are a table's row of linked cells as well.
_BAR_MIN_LINKS = 3
_BAR_SEPARATORS = frozenset("|/\u2022\u00b7>\u00bb\u203a\u2013\u2014-")
_WORD = re.compile(r"[^\W_]")
# What an ad slot's label says, in a paragraph of its own ("Advertisement" stayed between two paragraphs of the story
# when its slot was unnamed, or named by a class of no meaning, `css-1k5f`).
_AD_LABELS = frozenset(
    {"advertisement", "story continues below advertisement", "article continues below advertisement"}
    | {"continue reading below", "story continues below", "article continues below", "continue reading the main story"}
    # The New York Times' skip link over an ad, and the label under an ad slot (session 54)
    | {"skip advertisement", "skip ad", "article continues after this ad", "story continues after this ad"}
    | {"article continues after advertisement", "story continues after advertisement"}
)
# What a page writes beside its media and its live blog, a paragraph of its own, and no story's words (session 54's
# attack: each stayed a paragraph of the body): the Guardian's age banner ("This article is more than 9 years old"), a
# photo's prompt ("Click to enlarge") and a gallery's counter ("Image 1 of 5", "Photo 1 of 12"), a listen button's
# duration ("Listen · 5:32 min": a time alone, "2:03:37 mins", is a race's or a recipe's: the session's review), a
# live blog's "Show 25 new updates", a paginated story's "Continued on next page »" and a print page's "Printed from:
# https://…". "Source: https://…" may cite the story's source, and stays; "URL: https://…" is a print page's only
# when it is the page's own address (print_address).
_LISTEN = r"listen(?: to (?:this|the) (?:article|story))?\s*"
_DURATION = r"\d{1,2}(?::\d{2}){1,2}"
_MINUTES = r"min(?:s|utes)?"
_PAGE_LABEL = re.compile(
    r"this (?:article|story|page|post) is (?:more than|over) (?:\d+|an?|one|two|three) (?:years?|months?) old"
    r"|(?:click|tap)(?: here| (?:on )?(?:the )?(?:image|photo|picture|graphic|map))? to (?:enlarge|zoom|expand)"
    r"(?: (?:the )?(?:image|photo|picture|graphic|map))?"
    r"|(?:image|photo|picture|slide|graphic) \d+ (?:of|/) \d+"
    rf"|(?:{_LISTEN})?[\u00b7\u2022|]\s*{_DURATION}(?:\s*{_MINUTES})?|{_LISTEN}{_DURATION}\s*{_MINUTES}"
    r"|(?:show|load|see) \d+ (?:new|more) (?:updates?|posts?|entries)"
    r"|continued on (?:the )?next page"
    r"|(?:printed from(?: url)?|this (?:article|page) (?:was )?printed from)\s*:?\s*(?:https?://|www\.)[^\s]{1,2000}",
    re.IGNORECASE,
)
# An Instagram embed's labels, inside its `blockquote.instagram-media` ("View this post on Instagram", "A post shared
# by SomaNet (@somanet)"): elsewhere "A post shared by her sister (@annabel) on Sunday drew…" is the story's.
_EMBED_LABEL = re.compile(
    r"view this (?:post|photo|video|reel|profile) on instagram"
    r"|an? (?:post|photo|video|reel) shared by [^()\n]{0,100}\(@[\w.]{1,40}\)(?: on [^()\n]{1,60})?",
    re.IGNORECASE,
)
# A print page's line of its address ("URL: https://…", "Article URL: …"): the address is read to compare it with the
# page's own (print_address).
_ADDRESS_LINE = re.compile(r"(?:(?:article |page |story )?url)\s*:?\s*(?P<address>(?:https?://|www\.)\S{1,2000})", re.I)


# The services a share bar names (a legacy page's `Share: Facebook | Email`, an HTML page's unlinked buttons).
SHARE_NAMES = frozenset(
    {"facebook", "twitter", "x", "email", "e-mail", "mail", "whatsapp", "linkedin", "reddit", "print", "share"}
    | {"pinterest", "tumblr", "telegram", "messenger", "flipboard", "pocket", "mastodon", "bluesky", "threads"}
    | {"instagram", "youtube", "tiktok", "sms", "copy link", "copy", "link", "google+", "vk", "weibo", "wechat"}
)
# A share bar whose buttons are icons named in text, no link (session 55's attack report: `<p class="share-this">Share
# this article: Facebook Twitter Email</p>` opened the body): its label, then two names or more of SHARE_NAMES alone.
# "Share this article on Facebook, friends" or "Share: the council's figures" say more: text.
_SHARE_BAR_LABEL = re.compile(
    r"share(?:\s+this(?:\s+(?:article|story|page|post))?)?(?:\s+(?:on|via))?\s*:?\s*", re.IGNORECASE
)
_SHARE_BAR_SEPARATORS = re.compile(r"[\s,;|/\u2022\u00b7]+")
_SHARE_BAR_MIN_NAMES = 2
# The legacy site's own layout, on its exported pages (text, or rebuilt as HTML): its name under the headline
# ("SomaNet News Archive") and its search box's label. Unlike "Home" or "Subscribe", which can be a headline, they are
# never the title, even just before a byline.
LEGACY_SITE_NAME = re.compile(r"^somanet(?:\s+news)?(?:\s+archive)?$", re.IGNORECASE)
_LEGACY_LAYOUT_LINES = frozenset({"site-wide search"})
# Copyright lines, only at the top or the bottom of a page: "© 2016 SomaNet", "Copyright (c) 2016 SomaNet. All rights
# reserved.", "Copyright 2016 SomaNet". The holder is a name (capitalised words): "Copyright 2015 law reform was
# passed." and "Copyright law reform passes Senate" are text.
_COPYRIGHT = re.compile(
    r"^(?:(?:copyright\s*)?(?:\u00a9|\(c\))|copyright(?=\s+\d{4}\b))\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?[\s,]*"
    r"(?P<holder>[^\s.,][^.]*?)?\.?(?:\s*all rights reserved\.?)?$",
    re.IGNORECASE,
)
# The other shapes of a copyright footer (session 51's attack report: each stayed the body's last paragraph): the
# holder before its rights, "SomaNet News Archive. All rights reserved."; after them, "All rights reserved. SomaNet
# News Archive"; before its mark, "SomaNet News Archive \u00a9 2016"; and "Copyright SomaNet News Archive" with no mark
# or year, only where the holder is the legacy site or ends with an organisation's word (_ORGANISATION_WORDS):
# "Copyright Office Rejects Claim" is a headline.
_RIGHTS = r"all\s+rights\s+reserved\.?"
_YEARS = r"\d{4}(?:\s*[-\u2013]\s*\d{4})?"
_HOLDER = r"(?P<holder>[^\W_][^.\u00a9]*?)"
_OTHER_COPYRIGHTS = (
    re.compile(rf"^{_HOLDER}\s*[.,]?\s*{_RIGHTS}$", re.IGNORECASE),
    re.compile(rf"^{_RIGHTS}[\s,]*{_HOLDER}\.?$", re.IGNORECASE),
    re.compile(rf"^{_HOLDER}[\s,]*(?:\u00a9|\(c\))\s*(?:{_YEARS})?\.?(?:\s*{_RIGHTS})?$", re.IGNORECASE),
)
# The agencies' notice after their copyright line (session 55's attack report: AP's "Copyright 2015 The Associated
# Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed." stayed the
# body's last paragraph): part of the line, never a sentence of a story on its own before a copyright line.
_REDISTRIBUTION = re.compile(
    r"\s*this (?:material|article|story|content) may not be (?:published|reproduced|copied|broadcast|redistributed)"
    r"\b[^.]*\.?$",
    re.IGNORECASE,
)
_COPYRIGHT_OF_NAME = re.compile(rf"^copyright\s+{_HOLDER}\.?(?:\s*{_RIGHTS})?$", re.IGNORECASE)
_ORGANISATION_WORDS = frozenset(
    {"news", "archive", "archives", "media", "press", "newspapers", "newspaper", "publishing", "publications", "group"}
    | {"ltd", "ltd.", "limited", "inc", "inc.", "llc", "plc", "corp", "corp.", "corporation", "company", "network"}
)
_HOLDER_WORD = re.compile(r"[A-Z0-9\u00c0-\u00de&][^\s]*|of|and")
_MAX_HOLDER_WORDS = 6
# Words of a clause, never of a name between its capitalised ends: "Copyright 2015 Law was Passed".
_CLAUSE_WORDS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "said"})
# What comes before a copyright line's holder ("\u00a9 2004 ", "Copyright (c) 1998-2004, "; the years possessive, so
# that a year is never the holder) and what ends it: the line's end, a full stop or other punctuation, "All rights
# reserved", the next copyright mark.
_BEFORE_HOLDER = r"(?:\u00a9|\(c\)|copyright)\s*(?:\(c\)\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?+[\s,]*"
_AFTER_HOLDER = r"(?=\s*(?:$|[.,;:|\u00b7\u2022]|all rights reserved|\u00a9|\(c\)|copyright))"

# What heads a list of other stories ("ALSO READ" over a list of links, "Related", "More on this story"): with the
# list left out as furniture, it would head the story's next paragraph.
# The phrases of those labels, shared by the three below: what sends the reader on (_READING), the others, and the
# kinds of "Related" and "Recommended", which alone may also be words of the story's.
_READING = r"also read|read also|see also|read more|read next"
_OTHER_STORIES = rf"{_READING}|more stories|you (?:may|might) also like|more on this(?: story| topic)?"
_RELATED_KINDS = r"(?:stories|articles|posts|content|coverage|links)"
_RECOMMENDED_KINDS = r"(?:for you|stories)"
_LABEL_END = r"[\s:.!\u2026-]*"
# Such a label but for a bare "Related" or "Recommended": none that a story writes as its own words.
_UNMISTAKABLE_LABEL = rf"(?:{_OTHER_STORIES}|related {_RELATED_KINDS}|recommended {_RECOMMENDED_KINDS}){_LABEL_END}"
_OTHER_STORIES_LABEL = re.compile(rf"{_UNMISTAKABLE_LABEL}|(?:related|recommended){_LABEL_END}", re.IGNORECASE)
_UNMISTAKABLE_OTHER_STORIES_LABEL = re.compile(_UNMISTAKABLE_LABEL, re.IGNORECASE)


def is_other_stories_label(paragraph: str) -> bool:
    """Whether a paragraph says only what heads a list of other stories (_OTHER_STORIES_LABEL)."""
    return _OTHER_STORIES_LABEL.fullmatch(paragraph) is not None


def is_unmistakable_other_stories_label(paragraph: str) -> bool:
    """Whether a paragraph says only what heads a list of other stories and is no bare "Related" or "Recommended",
    which may head a list of the story's own (_UNMISTAKABLE_OTHER_STORIES_LABEL)."""
    return _UNMISTAKABLE_OTHER_STORIES_LABEL.fullmatch(paragraph) is not None


# A label that sends the reader to other stories, never a word of one on its own: a paragraph saying only this
# between two of the story's is what is left of a teaser whose link is gone ("READ MORE", "Read more:", "Read more
# »"). "Related" and "Recommended" alone may be a verdict or a heading of the story's. Ended as a sentence ("Read
# more.", "Read more!") it is one: a slogan the story quotes (session 53's review).
_READING_LABEL = re.compile(
    rf"(?:{_READING})" r"(?:\s*(?::|\.{3}|[\u2026>\u00bb\u203a\u2192\u2013\u2014-]))*\s*",
    re.IGNORECASE,
)
# A label before links that heads other stories (furniture_line): "Read more: <a>…</a>", "Related: <a>…</a>", "More
# on this story <a>…</a>". "Recommended" alone, with or without its colon, is a review's verdict as often
# ("Recommended: <a>Blur, The Magic Whip</a>"), and "Related" without its colon a word of the story's (session 53's
# review).
_LINK_LINE_LABEL = re.compile(
    rf"(?:{_UNMISTAKABLE_LABEL}|related\s*:\s*)",
    re.IGNORECASE,
)


# What heads a thread of readers' comments and nothing else, as WordPress themes, Disqus-less blogs and news sites
# write it above the comments and their form: a count in figures ("12 Comments", "Comments (3)", "No comments"),
# with the article it answers in quotes ("3 Responses to “Headline”", "One thought on “Headline”"), or the form's
# "Leave a Reply". A count answering anything unquoted is a story's subhead ("3 responses to the crisis"), and so is
# "No comment" or "One response" alone.
_ANSWERS = r"(?:comments?|responses?|repl(?:y|ies)|thoughts?)"
_QUOTED = r"[\"'\u201c\u2018\u00ab\u201e].{1,300}[\"'\u201d\u2019\u00bb\u201c]"
_THREAD_HEADING = re.compile(
    rf"\d[\d,.]*\s+{_ANSWERS}(?:\s+(?:to|on)\s+{_QUOTED})?|(?:no|one|zero)\s+{_ANSWERS}\s+(?:to|on)\s+{_QUOTED}"
    r"|no\s+(?:comments|responses)"
    r"|comments?\s*\(\d[\d,.]*\)"
    r"|(?:leave|post|add|write)\s+an?\s+(?:reply|comment|response)(?:\s+to\s+.{1,300})?",
    re.IGNORECASE,
)
# What may head a thread or a story's part on readers' or the public's views alike ("Reader comments", "Your
# comments", "Comments on the plan", "Responses to the budget", "Join the discussion", "Have your say": a
# consultation story's subheads, session 54's review I): a thread's only with a thread's markup after it.
_THREAD_INVITATION = re.compile(
    r"(?:(?:readers?'?|your|user)\s+)?comments?(?:\s+(?:to|on)\s+.{1,300})?"
    r"|(?:(?:\d[\d,.]*|one)\s+)?(?:responses?|repl(?:y|ies)|thoughts?)\s+(?:to|on)\s+.{1,300}"
    r"|(?:join|start)\s+the\s+(?:discussion|conversation|debate)|have\s+your\s+say",
    re.IGNORECASE,
)


def is_thread_heading(paragraph: str) -> bool:
    """Whether a paragraph says only what heads a thread of readers' comments and nothing else (_THREAD_HEADING), a
    colon after."""
    return _THREAD_HEADING.fullmatch(paragraph.strip().rstrip(":")) is not None


def is_thread_invitation(paragraph: str) -> bool:
    """Whether a paragraph says only what heads a thread or a story's part on its readers' views alike
    (_THREAD_INVITATION: "Reader comments", "Have your say"), a colon after."""
    return _THREAD_INVITATION.fullmatch(paragraph.strip().rstrip(":")) is not None


def is_reading_label(paragraph: str) -> bool:
    """Whether a paragraph says only "Read more", "See also" or the like (_READING_LABEL)."""
    return _READING_LABEL.fullmatch(paragraph) is not None


def is_ad_label(paragraph: str) -> bool:
    """Whether a paragraph says only what an ad slot's label says (_AD_LABELS, in any case, a dash or stop after)."""
    return paragraph.strip(" .:-\u2013\u2014").casefold() in _AD_LABELS


_LABEL_ENDS = " .:-\u2013\u2014>\u00bb\u203a\u2192\u2026"


def is_page_label(paragraph: str, embedded: bool = False) -> bool:
    """Whether a paragraph says only what a page writes beside its media or live blog (_PAGE_LABEL, in any case, a
    stop, colon, dash or arrow after), or, `embedded` in an Instagram embed, what the embed writes (_EMBED_LABEL)."""
    label = paragraph.strip(_LABEL_ENDS)
    return _PAGE_LABEL.fullmatch(label) is not None or (embedded and _EMBED_LABEL.fullmatch(label) is not None)


def is_share_bar(paragraph: str) -> bool:
    """Whether a paragraph is a share label and share services' names alone, unlinked (_SHARE_BAR_LABEL)."""
    label = _SHARE_BAR_LABEL.match(paragraph)
    if label is None:
        return False
    names = [name for name in _SHARE_BAR_SEPARATORS.split(paragraph[label.end() :].casefold().strip(" .")) if name]
    return len(names) >= _SHARE_BAR_MIN_NAMES and all(name in SHARE_NAMES for name in names)


def print_address(paragraph: str) -> str | None:
    """The address a paragraph says only as a print page's address line does ("URL: https://somanet.example/x" ->
    "https://somanet.example/x"), else None."""
    line = _ADDRESS_LINE.fullmatch(paragraph.strip(" .:-\u2013\u2014"))
    return line.group("address") if line is not None else None


def furniture_line(plain: str, links: list[list[str]]) -> tuple[str, ...] | None:
    """None when a paragraph is text; else the tags it names (none but for a line of tag links). `plain` is its text
    outside links, normalised, and `links` the text of each link in it, in order, as read."""
    if not links:
        return None
    labelled = _LABELLED_LINE.fullmatch(plain)
    if labelled is not None:
        if labelled.group("pages") and not all(normalise_space("".join(link)).isdigit() for link in links):
            return None
        if not (labelled.group("tag") or labelled.group("tagged")):
            return ()
        return tuple(text for text in (normalise_space("".join(link)) for link in links) if text)
    if _LINK_LINE_LABEL.fullmatch(plain) is not None:
        return ()  # "Read more: <a>Ukraine rebels seize airport</a>" (session 53)
    if _WORD.search(plain) is not None:
        return None
    if len(links) == 1 and _COMMENTS_LINK.fullmatch(normalise_space("".join(links[0]))):
        return ()
    separators = sum(1 for char in plain if char in _BAR_SEPARATORS)
    return () if len(links) >= _BAR_MIN_LINKS and separators >= len(links) - 1 else None


class LinkedLine:
    """The paragraph being read, its text outside links apart from each link's (for furniture_line)."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.links: list[list[str]] = []
        self.depth = 0  # the links open around the walk

    def open_link(self) -> None:
        if not self.depth:
            self.links.append([])
        self.depth += 1

    def close_link(self) -> None:
        self.depth -= 1

    def add(self, text: str) -> None:
        (self.links[-1] if self.depth else self.plain).append(text)

    def end(self) -> tuple[str, ...] | None:
        """furniture_line of the paragraph read, and a new one begun (inside the link still open, if one is)."""
        if not self.links:  # most paragraphs: no need to read their text again
            self.plain.clear()
            return None
        found = furniture_line(normalise_space("".join(self.plain)), self.links)
        self.plain.clear()
        self.links[:] = [[]] if self.depth else []
        return found


# A call to action at a page's edge, alone in its block (session 51's new user: `Subscribe to our newsletter` stayed
# the legacy page's last paragraph, its copyright line below it cut): to subscribe or sign up ("Subscribe now", "Sign
# up for our free daily newsletter here.", "Get our newsletter"), to follow or like the site ("Follow us on Twitter
# and Facebook.", "Like us on Facebook") or to share the page ("Share this story on Facebook"). The line is only the
# prompt: it starts with the imperative, and "Readers can subscribe to our newsletter" or "Sign up for the newsletter
# was strong, officials said." are text.
_NETWORK = r"(?:(?-i:[A-Z])[\w+.-]*|x)"
_NETWORKS = rf"{_NETWORK}(?:(?:\s*,\s*|\s+(?:and|or|&)\s+){_NETWORK})*"
_MAILING = r"(?:newsletters?|e-?mails?(?:\s+(?:updates|alerts|newsletters?))?|mailing\s+list|bulletins?|alerts|updates)"
_PROMPT = re.compile(
    r"(?:click\s+here\s+to\s+|please\s+)?(?:"
    rf"(?:subscribe|sign\s+up|register|join|get|receive)(?:\s+(?:now|today|here))?(?:\s+(?:to|for))?"
    rf"\s+(?:our|the|my)\s+(?:[\w-]+\s+){{0,3}}{_MAILING}"
    r"|subscribe(?:\s+(?:now|today|here))?"
    r"|subscribe\s+to\s+(?:(?-i:[A-Z])[\w-]*\s*){1,4}"
    rf"|(?:follow|like|find|join)\s+us(?:\s+on\s+{_NETWORKS})?"
    rf"|share\s+(?:this|the)\s+(?:article|story|page|post)(?:\s+(?:on|via|with)\s+{_NETWORKS})?"
    rf"|share\s+(?:on|via)\s+{_NETWORKS}"
    r")(?:\s+(?:here|now|today|for\s+free|below|@\w+))*[\s.!:\u2026>\u00bb]*",
    re.IGNORECASE,
)


def is_prompt_line(block: str) -> bool:
    """A call to subscribe, follow or share, alone in its block (_PROMPT)."""
    return _PROMPT.fullmatch(normalise_space(block)) is not None


def is_legacy_layout_line(block: str) -> bool:
    """The legacy site's name or its search box's label, alone in a block (LEGACY_SITE_NAME)."""
    return block.casefold() in _LEGACY_LAYOUT_LINES or bool(LEGACY_SITE_NAME.match(block))


def is_copyright_line(block: str) -> bool:
    """A copyright line naming its holder in capitalised words: "© 2016 SomaNet", "Copyright (c) 2016 SomaNet. All
    rights reserved." (_COPYRIGHT), maybe with an agency's notice after it (_REDISTRIBUTION)."""
    block = _REDISTRIBUTION.sub("", block)
    found = _COPYRIGHT.match(block)
    if found is not None:
        return _names_holder(found.group("holder") or "")
    if any(_names_holder(found.group("holder"), named=True) for found in _found(_OTHER_COPYRIGHTS, block)):
        return True
    found = _COPYRIGHT_OF_NAME.match(block)
    if found is None or not _names_holder(found.group("holder"), named=True):
        return False
    holder = found.group("holder").strip()
    return bool(LEGACY_SITE_NAME.match(holder)) or (
        len(holder.split()) > 1 and holder.split()[-1].casefold() in _ORGANISATION_WORDS
    )


def _found(patterns: tuple[re.Pattern[str], ...], block: str) -> list[re.Match[str]]:
    return [found for pattern in patterns if (found := pattern.match(block)) is not None]


def _names_holder(holder: str, *, named: bool = False) -> bool:
    """Whether a copyright line's holder is a name: capitalised words, at most _MAX_HOLDER_WORDS (none at all only
    where the line has a mark and no `named` holder is needed)."""
    words = holder.split()
    if named and not words:
        return False
    if len(words) > _MAX_HOLDER_WORDS:
        return False
    if all(_HOLDER_WORD.fullmatch(word) for word in words):
        return True
    # A name in another language, capitalised at its ends (`Archiv der Tagespost`, `Архив новостей SomaNet`): the
    # words between may be lower-case, as `of` and `and` are in English (session 51: such footers stayed text).
    return (
        len(words) > 1
        and _capitalised(words[0])
        and _capitalised(words[-1])
        and not any(word.casefold() in _CLAUSE_WORDS for word in words)
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def is_copyright_holder(name: str, lines: str) -> bool:
    """Whether a copyright line in `lines` gives `name` as its whole holder: "Daily Planet" in "\u00a9 2004 Daily
    Planet. All rights reserved.", never "Planet" or "2004" (session 50's review: a headline <h1> "Planet" or "2004"
    was taken for the site's name, as a part of "\u00a9 2004 Daily Planet")."""
    pattern = _BEFORE_HOLDER + re.escape(normalise_space(name)) + _AFTER_HOLDER
    return bool(name.strip()) and re.search(pattern, lines, re.IGNORECASE) is not None
