"""The readable text of an HTML element: paragraphs of article text, never scripts, styles or page chrome.

Works on selectolax (Lexbor) nodes; the tree is walked iteratively, so deeply nested markup cannot exhaust the
Python stack. Callers import selectolax lazily (see html_page.py): this module only needs it for type checking.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from html.parser import HTMLParser
from itertools import islice
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from archive_search.errors import RejectedUploadError
from archive_search.parsing.furniture_lines import (
    LinkedLine,
    is_ad_label,
    is_other_stories_label,
    is_page_label,
    is_reading_label,
    is_share_bar,
)
from archive_search.parsing.text import (
    PHRASING_ELEMENTS,
    joined_references,
    normalise_space,
    refuse_stand_ins,
)
from archive_search.typed_dates import MONTH_ABBREVIATIONS

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

# Never article text, wherever they are: but the notes of the article's own footer or aside (_holds_article_notes).
DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "noembed",  # raw-text fallbacks for old browsers, like noscript: markup as text, never the article
        "noframes",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "frame",
        "frameset",
        "svg",
        "canvas",
        "object",
        "embed",
        "video",
        "audio",
        "picture",
        "img",
        "textarea",
        "dialog",
        "head",
        "title",
        "meta",
        "link",
        "rt",  # a ruby annotation (a reading shown above its characters): between them it would split the word
        "rp",  # the parentheses a browser without ruby shows around it
        "amp-img",  # AMP's media elements: their fallback text is no article text, as an <img>'s is none
        "amp-video",
        "amp-iframe",
        "amp-ad",  # AMP's ads and trackers: "Advertisement", "Sorry, no ad to show"
        "amp-sticky-ad",
        "amp-analytics",
        "amp-social-share",  # AMP's share button: its label, "Share on Twitter", "Email" (session 54)
    }
)
# Elements that end a paragraph. Everything else is inline: its text joins the paragraph it sits in.
BLOCK_TAGS = frozenset(
    {
        "html",
        "body",
        "main",
        "article",
        "section",
        "div",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "hr",
        "br",
        "address",
        "details",
        "summary",
        "center",
        "hgroup",
        "fieldset",
        "figure",  # a table, quotation or code listing the text refers to (WordPress wraps every table in one)
        "figcaption",
        "menu",  # a list, as <ul> is (the HTML standard): a toolbar's buttons or a menu of links go as any list's
    }
)
CELL_TAGS = frozenset({"td", "th"})
LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
# A <footer> or <aside> of the article, read for its notes (_holds_article_notes), and the notes: a paragraph that
# starts as a correction, an editor's note, an update or a credit for reporting does (the Associated Press's "…
# contributed to this report" ends one). A note under a label (`Correction:`, `Update:`, `Editor's note`) speaks of
# the article itself (_SELF_REFERENCE: "An earlier version of this story misstated…", "This story contains…"): under
# the same labels a site's footer or aside says its policy or a call to action ("Correction: spotted an error? Email
# …", "Update: sign up for alerts on our app", "Note to readers: comments are closed"; session 53's review).
_NOTE_HOLDERS = frozenset({"footer", "aside"})
_SELF_REFERENCE = (
    r"(?=(?:an? |the )?(?:this|earlier|previous|original|initial) (?:version|story|article|report|post|piece)\b"
    r"|[^.!?]{0,200}?\b(?:misstat|misspel|misidentif|misquot|misreport|misattribut|incorrectly|wrongly|mistakenly"
    r"|erroneously|originally)|[^.!?]{0,200}?\b(?:was|were|has been|have been) (?:updated|corrected|amended)\b)"
)
_ARTICLE_NOTE = re.compile(
    r"\b(?:(?:(?:corrections?|clarifications?|update|editor[\u2019']?s[\u2019']? note|note to readers)\b\s*"
    rf"[:.,\u2013\u2014-]?\s*{_SELF_REFERENCE})"
    r"|(?:additional |further )?(?:reporting|writing|editing|research) by\b"
    r"|this (?:story|article|report|post|piece) (?:was|has been|had been|is) (?:updated|corrected|amended|changed"
    r"|edited|revised)\b|an earlier version of this\b"
    r"|[^.!?]{0,120}\bcontributed (?:reporting )?to this (?:report|story|article)\b)",
    re.IGNORECASE,
)
# Form controls, whose text a reader sees where they stand: a button's or label's text, an input's value, a select's
# chosen option. Inside a <form> (a search box, a sign-up or comment form) they go with it; elsewhere they are text
# only inside running text (_RUNNING_TEXT_HOLDERS) with text after them in their paragraph ("The password was <input
# value="hunter2"> all along."), and, but for a label, with text before them too (_is_control_text): a control that
# opens or ends its paragraph or stands alone ("Listen", "Read more", "Accept", "Share") is the page's.
CONTROL_TAGS = frozenset({"button", "label", "input", "select"})
_RUNNING_TEXT_HOLDERS = frozenset(
    {"p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "figcaption", "caption"}
)
# The input types that show their value as text (a text field's, a button's label); a password's is masked, and a
# checkbox, a radio button, a slider or a date picker shows no words. A field for the reader's own address, number or
# query (`email`, `url`, `tel`, `search`) shows an example or what the page fills in ("Get alerts: <input
# type="email" value="you@example.com">"; session 53's review).
_VALUE_INPUTS = frozenset({"", "text", "number", "button", "submit", "reset"})
_PARAGRAPH_TAGS = ("p", "li", "h2", "h3", "blockquote")
# MathML (`<math>`) is text: its alttext, else its tokens. Its annotations (the TeX source MathJax and KaTeX keep
# beside the formula) are never shown.
MATHML_ELEMENTS = frozenset(
    {"math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "mstyle", "merror"}
    | {"mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover", "munderover"}
    | {"mmultiscripts", "mprescripts", "mtable", "mtr", "mtd", "maction", "semantics", "annotation", "annotation-xml"}
)
_MATH_ANNOTATIONS = frozenset({"annotation", "annotation-xml"})
# What a figure may show that is no text: its caption (`Photo: AFP`) goes with it, as an image's alt text does.
_MEDIA = "img, picture, video, audio, iframe, svg, canvas, object, embed, amp-img, amp-video, amp-iframe"
_MEDIA_TAGS = frozenset(_MEDIA.split(", "))
# What a figure may show that is text: a figure holding one of these is read (its caption aside), else a figure
# showing media holds only the media's credit and caption (the BBC's `<span>Getty Images</span>` beside the photo).
_FIGURE_TEXT = "table, blockquote, pre, code, math"
# Media inside these is not beside a figure's caption: a flag in a table's cell, an emoji image in the caption.
_NOT_BESIDE = frozenset({"table", "figcaption"})
# Superscripts and subscripts are text raised or lowered: `km<sup>2</sup>` read as "km2", `10<sup>-6</sup>` as "10-6"
# and `3%<sup>1</sup>` (a footnote's mark) as "3%1" changed what the editor wrote (session 23's review).
# Digits and signs have characters of their own (km², 10⁻⁶, H₂O); other text with a digit is written after `^` or `_`
# (x^(2n), 3%^[1]); letters and marks alone (1st, Mme, TM, *) read as written, as a browser copies them.
_SCRIPT_SIGNS = "0123456789+-\u2212=()"
_SCRIPTS = {
    "sup": (str.maketrans(_SCRIPT_SIGNS, "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾"), "^"),
    "sub": (str.maketrans(_SCRIPT_SIGNS, "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎"), "_"),
}
# An image standing for a character of the text (WordPress's `img.emoji` and `img.wp-smiley`, Twemoji's `img.emoji`):
# its alt text is that character, where other images' alt text is none of the article's. "I <img class=emoji alt=❤>
# Sochi" read as "I Sochi".
_EMOJI_CLASS_WORDS = ("emoji", "smiley")
# Names of a drop cap, the first letter of a paragraph drawn large (_names_a_drop_cap): a name holding `dropcap`
# or `firstletter` once its `-` and `_` are gone (`drop-cap`, `dcr-drop-cap`, `first_letter`), or with the part
# `initial`; not a name with a part `avatar` or `initials` (a writer's initial beside the byline).
_DROP_CAP_JOINED = ("dropcap", "firstletter")
_DROP_CAP_PARTS = frozenset({"initial"})
_NOT_DROP_CAP_PARTS = frozenset({"avatar", "initials", "monogram"})
_DROP_CAP_REACH = 4  # elements before and around a drop cap within its paragraph, at most (_starts_its_block)
_MAX_SYMBOL_ALT = 32  # a smiley's alt text (`:)`, `:slight_smile:`), not a description of a picture
# Characters of an emoji besides its symbols: joiner, variation selectors, keycap, tag characters (flags of regions).
_EMOJI_PARTS = re.compile("[\u200d\ufe0e\ufe0f\u20e3\U000e0020-\U000e007f]")
CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar", "dialog"}
)
# Class and id names of page furniture. A name is split into its parts at `-` and `_` ("site-nav", "share_buttons").
# These words mark furniture: "site-nav", "cookie-banner", "ad-slot", "newsletter-signup".
# The words naming what a page adds beside the article are never the article however much text they hold: a
# reader's comment thread longer than the story is still comments (it became the article's body, spam included,
# when it held more than half the page's text). A layout word ("layout has-sidebar", "nav-open") may name the
# wrapper of the whole page, those only with a word of state ("has-comments", "with-related").
NEVER_CONTENT_WORDS = frozenset(
    {"comments", "comment", "discussion", "replies", "related", "recommended", "newsletter", "subscribe", "signup"}
    | {"advert", "advertisement", "ad", "ads", "sponsored", "promo", "share", "sharing", "social", "cookie"}
    | {"cookies", "consent", "gdpr", "cta"}
)
LAYOUT_WORDS = frozenset(
    {"nav", "navbar", "navigation", "menu", "sidebar", "masthead", "breadcrumb", "breadcrumbs", "popup", "modal"}
    | {"skip", "toolbar", "pagination", "crumbs", "crumb", "tools", "toolbox"}
)
CHROME_WORDS = LAYOUT_WORDS | NEVER_CONTENT_WORDS
# Furniture words that are also words of ordinary text, so that beside a word that is neither furniture nor a part
# of it ("share-price", "ad-hoc", "promo-text", "skip-link-target", "discussion-text", "cookie-recipe") they may name
# the text: such a name marks furniture only in part (_reads_like_furniture); beside FURNITURE_QUALIFIERS alone
# ("related-reading", "social-prompt", "related-news") they are furniture through and through. Every other furniture
# word ("comments-cta", "newsletter-cta", "subscribe-message", "nav-x") is furniture whatever stands beside it: those
# words name nothing of a story. `social`, `related` and `sharing` were such words until session 20: a paragraph
# named "social-housing-report" or "related-party-transactions" vanished from the article in silence.
AMBIGUOUS_WORDS = frozenset(
    {"share"}  # a company's shares: "share-price", "share-data"
    | {"ad"}  # "ad-hoc", "ad-valorem"
    | {"promo"}  # a promotion (of an officer, a football club): "promo-text"
    | {"skip"}  # "skip-link-target" is where the story starts
    | {"discussion"}  # a paper's Discussion section: "discussion-text"
    | {"cookie", "cookies"}  # a recipe
    | {"consent"}  # a consent decree, informed consent
    | {"menu"}  # a restaurant's menu in a review: "menu-card" stays furniture, "menu-dish" is text
    | {"crumbs", "crumb"}  # a recipe's: "crumb-topping"; `div.crumbs` is a breadcrumb trail (session 23's review)
    | {"gdpr"}  # a story on the law: "gdpr-fines"; `gdpr-notice` is a cookie banner (session 53)
    | {"cta"}  # a call to action, and the Chicago Transit Authority: "cta-map"
    | {"tools", "toolbox"}  # a review's: "tools-review"; `article-tools` is print, email and text size (session 53)
)
# Of those, the words that name furniture through and through only beside a word of furniture (`gdpr-notice`,
# `cta-banner`, `article-tools`, `share-tools`): alone, as beside any other word, they name it only in part (a drill
# review's `div.tools`, an appeal's `p.cta`, an explainer's `div.gdpr` are the story's text; session 53's review).
CONTEXT_WORDS = frozenset({"gdpr", "cta", "tools", "toolbox"})
# Furniture words that name a story's subject only beside one of SUBJECT_WORDS ("social-housing-report",
# "related-party-transactions", "power-sharing-deal"): beside any other word they are furniture through and through,
# as plugins and themes name their boxes with prefixes of their own ("heateor_sss_sharing_container",
# "swp_social_panel", "yarpp-related", "ast-related-posts-wrapper", "view-related-content", "c-related-stories").
SUBJECT_FURNITURE_WORDS = frozenset({"social", "related", "sharing"})
SUBJECT_WORDS = frozenset(
    {"housing", "care", "security", "mobility", "worker", "workers", "justice", "enterprise", "embed"}
    | {"party", "parties", "transaction", "transactions", "deaths", "power", "file", "profit", "revenue", "job"}
)
STATE_WORDS = frozenset({"has", "with", "show", "open", "enabled", "allowed"})
# These mark furniture only on their own or with a site-level qualifier ("site-header", "page-footer", "author-bio"):
# beside a word of the article ("section-header", "article-header", "entry-footer") the element is part of it, and
# beside any other word ("author-note") only in part, as AMBIGUOUS_WORDS.
PAGE_LEVEL_WORDS = frozenset({"header", "footer", "banner", "byline", "author", "bio", "tags"})
ARTICLE_WORDS = frozenset(
    {"article", "story", "entry", "post", "section", "content", "body", "text", "main", "lead", "headline", "title"}
    | {"heading", "subheading", "intro", "chapter", "table", "figure", "quote", "box", "panel", "card"}
)
# The words that, beside an ambiguous furniture word, name a part or place of the furniture: the name is furniture
# through and through ("article-share", "share-buttons", "ad-slot", "skip-link", "author-bio", "author-details",
# "ad-disclaimer"). An ambiguous word beside any other word ("share-price", "ad-hoc", "share-data", "promo-text",
# "author-note", "skip-link-target") names it only in part: such an element is furniture only when it reads like it
# (_reads_like_furniture).
FURNITURE_QUALIFIERS = frozenset(
    {"site", "page", "global", "top", "bottom", "left", "right", "primary", "secondary", "inline", "sticky", "fixed"}
    | {"article", "post", "entry", "story", "button", "buttons", "btn", "btns", "link", "links", "icon", "icons"}
    | {"bar", "box", "widget", "widgets", "wrapper", "wrap", "container", "area", "list", "item", "items", "slot"}
    | {"unit", "block", "panel", "tools", "tool", "holder", "inner", "outer", "count", "counter", "label", "thread"}
    | {"form", "section", "module", "card", "placeholder", "zone", "rail", "leaderboard", "mpu", "desktop", "mobile"}
    | {"respond", "reply", "media", "network", "networks", "follow", "stories", "articles", "posts", "feed"}
    | {"overlay", "notice", "policy", "badge", "toggle", "trigger", "close", "title", "heading", "header", "footer"}
    | {"banner", "bio", "byline", "tags", "tag", "to", "main", "content", "dropdown", "flyout", "native", "region"}
    | {"details", "detail", "info", "profile", "about", "disclaimer", "cta", "prompt", "message", "signup", "app"}
)
# Names of a kind of article text: on an element that a furniture name also marks (`pull-quote social`), they make
# that name only a part of the story (the element is furniture only when it reads like it).
CONTENT_KIND_WORDS = frozenset(
    {"quote", "pullquote", "blockquote", "table", "figure", "chart", "text", "paragraph", "caption", "standfirst"}
    | {"intro", "lead", "summary", "dateline", "correction", "note", "footnote"}
)
# Whole names only: "hidden-print", "hidden-xs" (Bootstrap: hidden when printing, on phones) and "visible-*" show the
# text on screen, and a "dateline" (SOCHI, Russia -) is the first words of the article.
HIDDEN_NAMES = frozenset({"hidden", "hide", "is-hidden", "u-hidden", "invisible"})
# The names of text for screen readers only, drawn off the screen, hidden as HIDDEN_NAMES are: Bootstrap's and
# Tailwind's `sr-only` (not Tailwind's `not-sr-only`, which shows it), Bootstrap 5's and Drupal's `visually-hidden`,
# HTML5 Boilerplate's `visuallyhidden`, WordPress's `screen-reader-text`, Foundation's `show-for-sr`, Drupal 7's
# `element-invisible`, a design system's prefixed ones (`govuk-visually-hidden`, `nhsuk-u-visually-hidden`), and
# `off-screen` (the BBC's "Image copyright" label beside a photo's credit). Beside an aria-hidden copy of the same
# text (_is_visible_copy) they mark that copy as the one on the screen.
_SCREEN_READER_NAME = re.compile(
    r"(?:^|(?<!not)[-_])(?:sr-only|visually-?hidden|screen-?reader-(?:text|only))$"
    r"|^(?:show-for-sr|element-invisible|off-?screen)$"
)
# WordPress's taxonomy labels on a post (`category-comment`, `tag-social-media`, `format-standard`): they name what
# the post is filed under, never furniture, whatever word follows the prefix.
TAXONOMY_PREFIXES = ("category-", "tag-", "format-", "status-", "type-", "postid-")
# Names that mark the element as the article itself (WordPress's `post hentry`, a CMS's `entry-content`): beside
# them a furniture name (`post hentry comments-open`) marks nothing.
CONTENT_NAMES = frozenset(
    {"hentry", "post", "type-post", "entry-content", "post-content", "article-body", "story-body"}
)
# Always furniture, though no furniture word is among their parts: Jetpack's related posts, share and like bars.
# AdSense's `<ins class="adsbygoogle">` too, and Substack's subscription box and button paragraphs ("Thanks for
# reading! Subscribe for free…", "Subscribe now", "Share": session 54).
FURNITURE_NAMES = frozenset(
    {"jp-relatedposts", "relatedposts", "sharedaddy", "sd-like", "sd-sharing", "likes", "adsbygoogle"}
    | {"subscription-widget-wrap", "subscription-widget"}
    | {"page-links"}  # WordPress's wp_link_pages() in many a theme: "Pages: 1 2 3" (session 54)
)
# Consent managers' banners, by the names their scripts give them: Quantcast Choice (`qc-cmp2-container`), OneTrust,
# Cookiebot (`CybotCookiebotDialog`), Didomi, TrustArc (`truste-consent-track`), Sourcepoint
# (`sp_message_container_123`). They hold no furniture word, or one beside a vendor's word that names it only in part
# (`onetrust-banner-sdk`): "We value your privacy…" opened the body of a page with no <article> (the review after
# session 23).
_CONSENT_NAMES = re.compile(
    r"qc-cmp2?-|onetrust-|cybotcookiebot|didomi-|truste[-_]|sp_message_(?:container|iframe)_"
    r"|cmplz-|cky-consent|cookie-law-info|moove_gdpr"  # WordPress's consent plugins: Complianz, CookieYes, Moove
)
# Widgets by the names their scripts give them (session 53: their text stayed the body's last paragraph): share bars
# (AddThis's `addthis_toolbox`, AddToAny's `a2a_kit`, ShareThis's `sharethis-inline-share-buttons`, Shariff's
# `shariff`) and recommendation widgets (Outbrain's `OUTBRAIN`, `ob-widget`; Taboola's `taboola-below-article-*`,
# `trc_related_container`).
# Comment systems too, by the names their embeds give their threads (session 53: a Disqus thread inside the
# <article> stayed the body's end): Disqus's `disqus_thread` and `dsq-*`, Viafoura's `viafoura`, Coral's
# `coral_thread`, Facebook's `fb-comments`. What they hold is readers' writing: its dates and names are not the
# article's either (holds_other_writings).
_COMMENT_SYSTEMS = r"disqus|dsq-|viafoura|coral[-_](?:thread|stream|comments?|talk)|fb[-_]comments"
_COMMENT_SYSTEM_NAMES = re.compile(_COMMENT_SYSTEMS)
_WIDGET_NAMES = re.compile(rf"addthis|a2a_|sharethis|shariff|outbrain|ob-widget|taboola|trc_|{_COMMENT_SYSTEMS}")
# An ARIA label naming cookies (`aria-label="Cookie banner"`, `"cookieconsent"`) or an ad (`"Advertisement"`,
# `"Sponsored"`) is a name of the element, its words joined, judged as its class names are: "Cookie banner" is
# furniture through and through, "Chocolate chip cookies" only in part.
_LABEL_WORDS = frozenset({"advertisement", "advert", "ad", "ads", "sponsored"})
_LABEL_WORD = re.compile(r"[a-z0-9]+")
# The attributes ad scripts read or write on their slots: AdSense's `data-ad-slot`, a CMS's `data-ad-unit`, Google
# Publisher Tag's `data-google-query-id` (`<div data-ad-slot="inline1" aria-label="Advertisement">` stayed).
_AD_ATTRIBUTES = ("data-ad-slot", "data-ad-unit", "data-google-query-id")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# What the body leaves out that is no furniture: raw text, media, ruby readings. A heading over a photo or a video
# heads what the reader sees.
_NOT_FURNITURE_TAGS = frozenset(
    {"script", "style", "noscript", "noembed", "noframes", "template", "head", "title", "meta", "link", "rt", "rp"}
    | {"img", "picture", "video", "audio", "svg", "canvas", "object", "embed", "iframe", "frame", "frameset"}
    | {"amp-img", "amp-video", "amp-iframe", "amp-analytics"}
)
# An ad slot's label is a paragraph of its own, or a <div>'s text (furniture_lines.is_ad_label): in a heading, a
# list's item or a table's cell, "Advertisement" is the article's.
_AD_LABEL_HOLDERS = frozenset({"p", "div"})
# ...and an Instagram embed's labels (furniture_lines.is_page_label) in its <blockquote> too.
_PAGE_LABEL_HOLDERS = _AD_LABEL_HOLDERS | {"blockquote"}
_INSTAGRAM_EMBED = "blockquote.instagram-media"
# A BEM name's element or modifier (`tonal__main--tone-comment`): what follows the block's name.
_BEM_TAIL = re.compile(r"--|__")
_NAME_PARTS = re.compile(r"[_\-]+")
# Names of an icon: a ligature font draws a word as its glyph (Material Icons' `<i class="material-icons">share</i>`,
# `material-symbols-outlined`, `material-symbol`, `ico`; a part ending `icon`, `glyphicon`; a tag so named,
# Angular Material's `<mat-icon>`, Ionic's `<ion-icon>`).
_ICON_WORDS = frozenset({"icons", "ico", "symbol", "symbols"})  # and any name part ending `icon` (_is_icon)
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d+")
# A text of fewer words is no copy of another's (`<span aria-hidden="true">Kerry</span>` beside "Kerry met…"), and
# how many are asked in one root at most (_Repeats).
_REPEAT_MIN_WORDS = 3
_MAX_REPEAT_CHECKS = 200
# What aria-hidden plain text may be (_is_plain_text): prose of this many words or more, opening with a capital, a
# digit or a quotation mark and ending as a sentence does (a stop, a question or exclamation mark, a closing
# quotation mark or bracket after one: "Loading comments…" and "5 min read" do not); a subhead; one word.
_PROSE_MIN_WORDS = 4
_PROSE = re.compile(r"[\"'\u2018\u201c(]*[^\W_a-z].*[.!?][\"'\u2019\u201d)\]]*", re.DOTALL)
_SUBHEADS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_ONE_WORD = re.compile(r"[^\W\d_]+(?:[-\u2019'][^\W\d_]+)*")
# Where a gap left by an element left out is a space (_needs_a_space): before a letter, a digit (not a superscript's),
# an opening bracket or quotation mark or a currency sign; after a letter, a digit, a closing bracket or a sentence's
# punctuation (not a hyphen, dash, slash, apostrophe or opening mark: `state-of-the-`, `and/`).
_WORD_START_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Ps", "Pi", "Sc"})
_WORD_END_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "No", "Pe"})
_SENTENCE_MARKS = frozenset(".,;:!?%")
# A word of a visible copy its screen-reader twin may spell out: a unit or a suffix of a figure (`£4m`, `2h`, `5k`).
_FIGURE_SUFFIX_MAX = 2
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A list whose text is mostly links is a navigation or "related stories" list.
LINK_LIST_MIN_LINKS = 3
LINK_LIST_RATIO = 0.7
# A chrome-named element holding paragraphs and more than this share of the text is a content wrapper, not chrome.
CHROME_MAX_SHARE = 0.5
# An element its names mark as furniture only in part is text when it holds more characters than this (whitespace
# included): share bars, skip links and ad slots are short.
FURNITURE_MAX_CHARS = 2_000
MAX_NESTING = 2000
MAX_TAGS = 100_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(/?)>")
# Lexbor checks each attribute of a tag against the tag's others: 20,000 attributes on one tag take 0.6 s, 80,000
# take 10-18 s (session 22's review). A real tag has a few dozen; a tag this long is counted, quotes read as the
# parser reads them (a `>` inside a quoted value ends no tag).
MAX_ATTRIBUTES = 2_000
_LONG_TAG_CHARS = 10_000
_QUOTED_TAG = re.compile(r"""<[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*""")
_ATTRIBUTE_OR_VALUE = re.compile(r"""("[^"]*"|'[^']*')|\s[^\s"'>/=]""")
# Void elements, and elements a sibling closes (<p>, <li>, <td>...), do not deepen the tree when left unclosed.
_NOT_NESTING = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"}
    | {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup"}
    | {"rb", "rt", "rp", "rtc", "html", "head", "body"}
)


def is_hidden_or_chrome_by_markup(node: LexborNode) -> bool:
    """Hidden, or marked as page furniture by its ARIA role. `hidden="until-found"` is no hiding: a collapsed section
    the reader opens and find-in-page searches (HTML's standard; accordions, MediaWiki's collapsed sections), text
    (session 21's review: its paragraphs were lost)."""
    return _is_hidden(node) or _has_chrome_role(node)


def _has_chrome_role(node: LexborNode) -> bool:
    return (node.attributes.get("role") or "").strip().lower() in CHROME_ROLES


def _is_hidden(node: LexborNode) -> bool:
    return _is_aria_hidden(node) or _is_hidden_from_screen(node)


def _is_hidden_from_screen(node: LexborNode) -> bool:
    attributes = node.attributes
    hidden = "hidden" in attributes and (attributes.get("hidden") or "").strip().lower() != "until-found"
    return hidden or _HIDDEN_STYLE.search(attributes.get("style") or "") is not None


def _is_aria_hidden(node: LexborNode) -> bool:
    return (node.attributes.get("aria-hidden") or "").strip().lower() == "true"


def _is_hidden_name(name: str) -> bool:
    return name in HIDDEN_NAMES or _SCREEN_READER_NAME.search(name) is not None


def _is_visible_copy(node: LexborNode, in_copy: bool, repeats: _Repeats) -> bool:
    """Whether an aria-hidden element is text the reader sees. `aria-hidden` hides an element from assistive
    technology, not from the screen (WAI-ARIA 1.2), but sites set it as often on what the screen does not show, or
    shows as decoration: a closed tooltip, a carousel's clone, a pull quote, a glitch effect's copies of the
    headline, a LIVE badge, a counter's start value, an icon's name, an arrow (session 52's review). So it is text in
    three cases only:
    - its screen-reader twin stands right beside it (_adjacent_elements), an element named `sr-only`,
      `visually-hidden`... (_SCREEN_READER_NAME), and says it again (_says_again): the headline split in two, `£4m`
      beside `4 million pounds`, a table beside its summary. The twin stays out, as any text hidden by class: the
      visible copy is read once. Not beside a formula (`<math>`), whose drawing it is (KaTeX's, MathJax's): the
      formula is read (session 52);
    - it is a drop cap (_is_drop_cap): `<span class="dropcap" aria-hidden="true">C</span>ouncil`
      (mozilla/readability#696; session 52);
    - it is plain text (_is_plain_text; session 53): a paragraph, a subhead, a wrapper of the story or a word of a
      sentence marked so, with nothing naming it and no screen-reader stand-in beside it.
    Inside such a copy (`in_copy`) an aria-hidden element is part of it, unless named as an icon (and judged once:
    judging each of 2,000 nested ones, their text read anew for each, took seconds)."""
    if _is_icon(node):
        return False
    if in_copy:
        return True
    if node.tag == "img":
        return _drop_cap_alt(node) is not None  # a drop cap drawn as an image, named so (_character_alt)
    text = node.text(deep=True, separator=" ")  # a table's cells are words apart, as a reader sees them
    siblings = _adjacent_elements(node)
    if any(sibling.tag == "math" or sibling.css_first("math") is not None for sibling in siblings):
        return False
    spoken = [sibling for sibling in siblings if any(_SCREEN_READER_NAME.search(name) for name in _names(sibling))]
    if any(_says_again(sibling.text(deep=True, separator=" "), text) for sibling in spoken):
        return True
    if _is_drop_cap(node, text):
        return True
    # Beside a stand-in for screen readers, or an element saying it again under a name not known (`£4m` beside a
    # CSS-in-JS hash's `4 million pounds`), it is the screen's copy of a text read there, or a label.
    said = any(_says_again(sibling.text(deep=True, separator=" "), text) for sibling in siblings)
    return not (spoken or said) and _is_plain_text(node, text, repeats)


def _is_plain_text(node: LexborNode, text: str, repeats: _Repeats) -> bool:
    """Whether an aria-hidden element is text marked so for no reason the page shows (session 53, narrowed after its
    review: a paragraph, a subhead, the story's wrapper and `<span aria-hidden="true">Kerry</span> arrived` were
    lost): it has no class, id or role (what the page hides or draws aside, a tooltip, a popover, a clone, a badge, a
    collapsed answer, is named for its styles and scripts), is no link, list item or formula (a teaser's second link
    to its story, a carousel's or menu's hidden item, a formula's drawing), stands apart from the words beside it
    (_stands_apart), is said once (_Repeats: an unnamed pull quote repeats a sentence of the story), and is one of:
    running prose (_is_prose: a paragraph, the story's wrapper), a subhead marked so itself, or one word inside a
    sentence (_is_word_in_sentence). A label, a counter, a read time, a player's prompt ("5 min read", "12 comments",
    "Listen to this article"), a tooltip or a note between a sentence's words ("(opens in a new window)", a
    definition after its abbreviation, a quotation's original) is none of those, and stays out as before."""
    attributes = node.attributes
    if _names(node) or "role" in attributes or node.tag in ("a", "math", "li"):
        return False
    if not (_stands_apart(node) and any(char.isalpha() for char in text)):
        return False
    shape = _is_prose(text) or node.tag in _SUBHEADS or _is_word_in_sentence(node, text)
    return shape and not repeats(text)


def _is_prose(text: str) -> bool:
    """Whether a text is running prose: words enough for a sentence (_PROSE_MIN_WORDS), opening and ending as one
    does (_PROSE)."""
    return len(_words_of(text)) >= _PROSE_MIN_WORDS and _PROSE.fullmatch(text.strip()) is not None


def _is_word_in_sentence(node: LexborNode, text: str) -> bool:
    """Whether an inline element's text is one word standing in a sentence: words of the paragraph's, a space
    apart, stand right before or after it (`<span aria-hidden="true">Kerry</span> arrived in Sochi`)."""
    if node.tag in BLOCK_TAGS or _ONE_WORD.fullmatch(text.strip()) is None:
        return False
    return any(
        side is not None and side.is_text_node and any(char.isalpha() for char in side.text_content or "")
        for side in (node.prev, node.next)
    )


def _stands_apart(node: LexborNode) -> bool:
    """Whether an element's text is words of its own, not glued to the text beside it: a space, a mark or an element
    stands between (`<span aria-hidden="true">Kerry</span> arrived`); `X` before `Score`, `goals` before `s`, a
    headline before its copy are glued, drawn over one another or aside."""
    text = node.text(deep=True)
    before, after = node.prev, node.next
    glued_before = before is not None and before.is_text_node and _joins(before.text_content or "", text)
    glued_after = after is not None and after.is_text_node and _joins(text, after.text_content or "")
    return not (glued_before or glued_after)


def _joins(left: str, right: str) -> bool:
    """Whether two texts written together run into one word: a letter or digit at the end of one meets one at the
    start of the other."""
    return bool(left) and bool(right) and left[-1].isalnum() and right[0].isalnum()


class _Repeats:
    """Whether a text of three words or more is said twice in the root (a pull quote's copy of a sentence): its
    words, in order, stand twice in the root's. The root's words are read once, at the first question, and at most
    _MAX_REPEAT_CHECKS are asked in one root (past them, a text counts as said twice: left out, as before session
    53), so that a page of many aria-hidden elements is read in bounded time."""

    def __init__(self, root: LexborNode) -> None:
        self._root = root
        self._words: str | None = None
        self._left = _MAX_REPEAT_CHECKS

    def __call__(self, text: str) -> bool:
        words = _words_of(text)
        if len(words) < _REPEAT_MIN_WORDS:
            return False
        if not self._left:
            return True
        self._left -= 1
        if self._words is None:
            self._words = f" {' '.join(_words_of(self._root.text(deep=True, separator=' ')))} "
        phrase = f" {' '.join(words)} "
        first = self._words.find(phrase)
        return first >= 0 and self._words.find(phrase, first + 1) >= 0


def _words_of(text: str) -> list[str]:
    return _WORD_OR_NUMBER.findall(unicodedata.normalize("NFKC", text).casefold())


def _is_icon(node: LexborNode) -> bool:
    if "icon" in (node.tag or ""):
        return True
    return any(part in _ICON_WORDS or part.endswith("icon") for name in _names(node) for part in _name_parts(name))


def _says_again(spoken: str, shown: str) -> bool:
    """Whether a screen reader's copy says again what is shown, so the two are one text: with the same numbers, and
    each word shown longer than a unit's (`12.4 million dollars` for `$12.4m`, `3 goals to 1` for `3-1`), or, when
    nothing shown is a number, the same words (`Council approves budget` twice; a drop cap `C` beside `C`). A label
    is no copy: `Live coverage:` for a `LIVE` badge, `Updated 12 May 2015` for `2h ago`, `1,200` for a counter's
    `0`, `Play` for `▶` (no word or number shown)."""
    said, shown_words = (set(_words_of(text)) for text in (spoken, shown))
    if not shown_words:
        return False
    numbers = {word for word in shown_words if word.isdigit()}
    if not numbers:
        return shown_words == said
    words = {word for word in shown_words - numbers if len(word) > _FIGURE_SUFFIX_MAX}
    return numbers == {word for word in said if word.isdigit()} and words <= said


def _is_drop_cap(node: LexborNode, text: str) -> bool:
    """Whether an aria-hidden element is a drop cap: one letter, first in its paragraph (_starts_its_block), and
    either named so (_names_a_drop_cap) or a capital followed right away, no space between, by a small letter: the
    rest of its word (`C` of `ouncil`; a screen-reader twin between them is passed over, the Guardian's `M` of
    `<span class="sr-only">Mr</span>r Justice`). A letter followed by a capital (`X` before `Twitter`) or standing
    alone is no drop cap."""
    letter = text.strip()
    if len(letter) != 1 or not letter.isalpha() or not _starts_its_block(node):
        return False
    if _names_a_drop_cap(node):
        return True
    after = _text_after(node)
    return letter.isupper() and after[:1].islower()


def _names_a_drop_cap(node: LexborNode) -> bool:
    for name in _names(node):
        parts = _name_parts(name)
        if parts & _NOT_DROP_CAP_PARTS:
            return False
        if parts & _DROP_CAP_PARTS or any(word in "".join(parts) for word in _DROP_CAP_JOINED):
            return True
    return False


def _starts_its_block(node: LexborNode) -> bool:
    """Whether nothing shown stands before node in its paragraph (the nearest block element around it). A drop cap
    has few elements before it and around it: past _DROP_CAP_REACH of either it is none (and 10,000 one-letter
    aria-hidden elements in a row are not each read back to the first)."""
    for _ in range(_DROP_CAP_REACH):
        if node.parent is None or node.tag in BLOCK_TAGS:
            return True
        before = node.prev
        for _ in range(_DROP_CAP_REACH):
            if before is None:
                break
            if before.is_text_node and (before.text_content or "").strip():
                return False
            if before.is_element_node and not _is_unseen(before) and before.text(deep=True).strip():
                return False
            before = before.prev
        else:
            return False
        node = node.parent
    return False


def _text_after(node: LexborNode) -> str:
    """The text shown right after node in its paragraph, past elements hidden or holding none (within
    _DROP_CAP_REACH of them)."""
    for _ in range(_DROP_CAP_REACH):
        if node.tag in BLOCK_TAGS:
            break
        after = node.next
        for _ in range(_DROP_CAP_REACH):
            if after is None:
                break
            if after.is_text_node and after.text_content:
                return after.text_content
            if after.is_element_node and not _is_unseen(after):
                text = after.text(deep=True)
                if text:
                    return text
            after = after.next
        else:
            return ""
        if node.parent is None:
            break
        node = node.parent
    return ""


def _is_unseen(node: LexborNode) -> bool:
    """An element the screen does not show: hidden, aria-hidden or named as text for screen readers only."""
    return _is_hidden(node) or any(_is_hidden_name(name) for name in _names(node))


def _adjacent_elements(node: LexborNode) -> list[LexborNode]:
    """The element siblings right before and after node, past whitespace and comments only."""
    before, after = node.prev, node.next
    while before is not None and _is_blank(before):
        before = before.prev
    while after is not None and _is_blank(after):
        after = after.next
    return [sibling for sibling in (before, after) if sibling is not None and sibling.is_element_node]


def _is_blank(node: LexborNode) -> bool:
    return node.is_comment_node or (node.is_text_node and not (node.text_content or "").strip())


def _names(node: LexborNode) -> list[str]:
    """The element's class and id names, lower-cased."""
    attributes = node.attributes
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower().split()


def _furniture_names(node: LexborNode) -> list[str]:
    """The element's class and id names, and its ARIA label when it names cookies or an ad, as one name of its words
    (`cookie-banner`, `advertisement`; a word holding `cookie`, `cookieconsent`, counts as `cookie`)."""
    attributes = node.attributes  # built anew at each call: read once
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower().split()
    label = attributes.get("aria-label")
    if not label:  # most elements
        return names
    words = ["cookie" if "cookie" in word else word for word in _LABEL_WORD.findall(label.lower())]
    if "cookie" not in words and _LABEL_WORDS.isdisjoint(words):
        return names
    return [*names, "-".join(words)]


def _name_parts(name: str) -> set[str]:
    return {part for part in _NAME_PARTS.split(name) if part}


# How strongly an element's class and id names mark it as furniture (chrome_name).
NOT_CHROME, PARTLY_CHROME, CHROME = 0, 1, 2


def chrome_name(node: LexborNode) -> int:
    """CHROME when a class or id name is furniture through and through (a hidden name, _is_hidden_name: HIDDEN_NAMES
    or a screen reader's only; a furniture word that is
    not AMBIGUOUS_WORDS, whatever stands beside it: `comments-cta`; an ambiguous or page-level word with only
    FURNITURE_QUALIFIERS, state words or numbers beside it: `share`, `article-share`, `ad-slot-2`, `skip-link`,
    `author-bio`), unless another name of the element names a kind of article text (`pull-quote social`); then, or
    when an ambiguous word stands beside any other word (`share-price`, `ad-hoc`, `author-note`), PARTLY_CHROME;
    else NOT_CHROME. An ARIA label naming a cookie notice or an ad counts as a name (_furniture_names)."""
    names = _furniture_names(node)
    if _is_article_body(node) or (
        any(name in CONTENT_NAMES for name in names) and not any(_is_hidden_name(name) for name in names)
    ):
        return NOT_CHROME
    strength = max((_name_strength(name) for name in names), default=NOT_CHROME)
    if strength == CHROME and not any(_is_hidden_name(name) for name in names):
        content = any(
            (parts := _name_parts(name)) & CONTENT_KIND_WORDS and not parts & (CHROME_WORDS | PAGE_LEVEL_WORDS)
            for name in names
        )
        return PARTLY_CHROME if content or _wraps_text_and_ads(node, names) else CHROME
    return strength


# Words of a wrapper of ads (`ads-wrapper`, `ad-container`): beside a name of the article's text on the same element
# (`content ads-wrapper`), the story's paragraphs with the ads a CMS put between them (session 51's new user: the
# paragraphs were lost). Only one holding paragraphs of its own, two or more: a promotion's paragraph alone in
# `content ad-container` is the ad (session 53's review I2).
_AD_WORDS = frozenset({"ad", "ads", "advert", "adverts", "advertisement", "advertisements"})
_WRAPPER_WORDS = frozenset({"wrapper", "wrap", "container", "holder"})
MIN_WRAPPED_PARAGRAPHS = 2


def _wraps_text_and_ads(node: LexborNode, names: list[str]) -> bool:
    """Whether an element is named for the article's text (every part of a name an ARTICLE_WORDS word: `content`,
    `story-body`), its furniture names only name a wrapper of ads (`ads-wrapper`; `ads` alone is an ad's name), and
    it holds paragraphs of its own (MIN_WRAPPED_PARAGRAPHS <p> right inside it), as the story's text does."""
    furniture = [name for name in names if _name_strength(name) == CHROME]
    return (
        any(_name_parts(name) <= ARTICLE_WORDS for name in names)
        and all(
            (parts := _name_parts(name)) & _AD_WORDS and parts & _WRAPPER_WORDS and parts <= _AD_WORDS | _WRAPPER_WORDS
            for name in furniture
        )
        and sum(child.tag == "p" for child in child_nodes(node)) >= MIN_WRAPPED_PARAGRAPHS
    )


def _is_article_body(node: LexborNode) -> bool:
    """Whether the element is marked as the article's text (schema.org `itemprop=articleBody`)."""
    return "articlebody" in (node.attributes.get("itemprop") or "").lower().split()


def _name_strength(name: str) -> int:
    if _is_hidden_name(name) or name in FURNITURE_NAMES or _CONSENT_NAMES.match(name) or _WIDGET_NAMES.match(name):
        return CHROME
    if name.startswith(TAXONOMY_PREFIXES):
        return NOT_CHROME
    block = _BEM_TAIL.split(name, maxsplit=1)[0]
    if block and block != name and not _name_parts(block) & (CHROME_WORDS | PAGE_LEVEL_WORDS):
        # A BEM element or modifier of a block that is no furniture (`tonal__main--tone-comment`, the Guardian's
        # opinion pieces) is a part or a look of that block: a furniture word there names no furniture.
        return _name_strength(block)
    parts = _name_parts(name)
    if strong := parts & (CHROME_WORDS - AMBIGUOUS_WORDS):
        return PARTLY_CHROME if strong <= SUBJECT_FURNITURE_WORDS and parts & SUBJECT_WORDS else CHROME
    known = CHROME_WORDS | PAGE_LEVEL_WORDS | FURNITURE_QUALIFIERS | STATE_WORDS
    ambiguous = parts & AMBIGUOUS_WORDS
    if ambiguous and ambiguous <= CONTEXT_WORDS and not (parts - CONTEXT_WORDS) & known:
        return PARTLY_CHROME  # `tools`, `cta-map`: no word of furniture beside it (CONTEXT_WORDS), only in part
    if ambiguous or (parts & PAGE_LEVEL_WORDS and not parts & ARTICLE_WORDS):
        return CHROME if all(part in known or part.isdigit() for part in parts) else PARTLY_CHROME
    return NOT_CHROME


# Names of a paywall's prompt (`paywall`, `paywall-prompt`; Piano's `tp-container-inner`, `tp-modal`) and of a media
# credit (`credit`, `image-credit`): the text they name is furniture only when it says so (_is_named_prompt), as a
# site may wrap its story's gated paragraphs in `div.paywall`, and `credit` names a reporting credit too.
_PAYWALL_PARTS = frozenset({"paywall"})
_PIANO_NAME = re.compile(r"tp-")
_CREDIT_PARTS = frozenset({"credit", "credits"})
_PROMPT_MAX_CHARS = 500
_MEDIA_CREDIT = re.compile(
    r"(?:(?:photo(?:graph)?|image|picture|pic|video|illustration|graphic)s?(?:\s+credit)?\s*[:/|©]|©"
    r"|\(c\)|credits?\s*:)",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"https?://\S+")
# A sentence of a paywall's prompt, and no story's: it opens as a prompt does ("Subscribe to continue reading.",
# "Already a subscriber?", "Log in.", "You have read 3 of 3 free articles.", "Subscribe for unlimited access."). A
# story's sentence using the words ("Members get unlimited access to the archive", "The Times asks readers to
# subscribe to continue reading", "Already a subscriber? You will pay £1 more, Netflix said.") is no prompt: a site
# may wrap the story's gated paragraphs in `div.paywall` (session 53's review).
_PAYWALL_SENTENCE = re.compile(
    r"(?:subscribe\b|already (?:a (?:subscriber|member)|subscribed|have an account)"
    r"|you(?:[\u2019']ve| have) (?:read|reached)|(?:log|sign) in\b|register (?:now|for free|to)\b"
    r"|become a (?:member|subscriber)|(?:get )?unlimited (?:digital )?access|continue reading)"
    r"[^.!?\u2026]*[.!?\u2026]*",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u2026])\s+")
# A prompt's sentence is short: "You have read 3 of 3 free articles" is eight words.
_PROMPT_MAX_WORDS = 15


def _is_paywall_prompt(text: str) -> bool:
    """Whether a paywall-named element's text says only what a prompt says: each of its sentences opens as one
    (_PAYWALL_SENTENCE) and is short (_PROMPT_MAX_WORDS)."""
    sentences = _SENTENCE_BREAK.split(text)
    return all(
        _PAYWALL_SENTENCE.fullmatch(sentence) is not None and len(_words_of(sentence)) <= _PROMPT_MAX_WORDS
        for sentence in sentences
    )


def _beside_media(node: LexborNode) -> bool:
    """Whether an element stands right beside an image, a video or an embed, or an element holding one: where a
    photo's credit stands (`<img><span class="credit">Photo: Reuters</span>`)."""
    siblings = _adjacent_elements(node)
    return any(sibling.tag in _MEDIA_TAGS or sibling.css_first(_MEDIA) is not None for sibling in siblings)


# Class names of a photo's caption outside a <figure> (session 54), whole: WordPress's classic `div.wp-caption >
# p.wp-caption-text`, `span.caption`, `p.image-caption`. A name holding "caption" among other words
# (`story-caption`, `intro-caption`, `has-caption-style`) may name a standfirst or a style (the session's review).
_CAPTION_NAMES = frozenset(
    {"caption", "wp-caption-text", "image-caption", "photo-caption", "media-caption", "img-caption", "caption-text"}
    | {"picture-caption", "figure-caption", "gallery-caption"}
)
_CAPTIONS = ", ".join(f".{name}" for name in sorted(_CAPTION_NAMES))
MAX_CAPTIONS = 500  # caption-named elements judged in one article: a gallery has a few dozen
# What a label over or under a video says (session 54): "Watch: Kerry arrives in Sochi", "Video: …", a short title
# with no clause (_MEDIA_LABEL_MAX_WORDS): a paragraph of the story's that starts so says more. And what a gallery's
# counter and caption say beside a photo: "1 of 12: Kerry arrives in Sochi", "Photo 2 of 5 - …".
_VIDEO_LABEL = re.compile(r"(?:watch|video)\s*:\s*[^.,;!?\n]{1,150}", re.IGNORECASE)
_VIDEO = "video, iframe, embed, object, amp-video, amp-iframe, amp-youtube"
_VIDEO_TAGS = frozenset(_VIDEO.split(", "))
_COUNTER_LABEL = re.compile(
    r"(?P<named>(?:photo|image|picture|slide) )?\d{1,3} (?:of|/) \d{1,3}\s*[:|\u2013\u2014-]\s*[^\n]{1,200}",
    re.IGNORECASE,
)
# Words of a gallery's or slideshow's class names, around a counter "1 of 10: …" that is no numbered list's item.
_GALLERY_PARTS = frozenset({"gallery", "slideshow", "slider", "carousel", "slides", "slide", "swiper", "lightbox"})
_GALLERY_DEPTH = 4  # elements around a counter asked whether they are its gallery
_MEDIA_LABEL_MAX_CHARS = 200
_MEDIA_LABEL_MAX_WORDS = 12
_MEDIA_LABEL_TAGS = frozenset({"p", "div", "span", "small", "strong", "b", "em"})  # a heading heads what is shown


def _labels_media(node: LexborNode, lengths: dict[int, int]) -> bool:
    """Whether an element right beside an image, a video or an embed (_beside_media) is its label: saying only what a
    gallery's counter says (_COUNTER_LABEL), "Photo 1 of 5: …" or "1 of 5: …" in a gallery (_in_gallery: elsewhere
    it is a numbered list's item, a quiz's question: session 54's review); or, beside a video or an embed, saying
    only what its label says (_VIDEO_LABEL). Each only short (_MEDIA_LABEL_MAX_CHARS)."""
    if node.tag not in _MEDIA_LABEL_TAGS or cached_text_length(node, lengths) > _MEDIA_LABEL_MAX_CHARS:
        return False
    text = normalise_space(node.text(deep=True))
    counter = _COUNTER_LABEL.fullmatch(text)
    if counter is not None:
        return (counter.group("named") is not None or _in_gallery(node)) and _beside_media(node)
    if _VIDEO_LABEL.fullmatch(text) is None or len(text.split()) > _MEDIA_LABEL_MAX_WORDS:
        return False
    siblings = _adjacent_elements(node)
    return any(sibling.tag in _VIDEO_TAGS or sibling.css_first(_VIDEO) is not None for sibling in siblings)


def _in_gallery(node: LexborNode) -> bool:
    """Whether an element is inside a gallery or a slideshow (_GALLERY_PARTS in a class name of one of the
    _GALLERY_DEPTH elements around it)."""
    outer = node.parent
    for _ in range(_GALLERY_DEPTH):
        if outer is None:
            return False
        if any(_name_parts(name) & _GALLERY_PARTS for name in _names(outer)):
            return True
        outer = outer.parent
    return False


def _media_captions(root: LexborNode, lengths: dict[int, int]) -> frozenset[int]:
    """The captions of photos outside a <figure> under root, which the body leaves out as it does a <figcaption> beside
    its media: an element named as one (_CAPTION_NAMES), short (_MEDIA_LABEL_MAX_CHARS), right beside its image
    (_beside_media), a phrase element only with no text of a paragraph around it (`<p>Harbour master <span
    class="caption">…` is a sentence's). None when the captions hold half the text or more: a photo story told in
    its captions keeps them (session 54's review: such a page was rejected as empty)."""
    captions = [node for node in islice(root.css(_CAPTIONS), MAX_CAPTIONS) if _is_caption(node, lengths)]
    if not captions:
        return frozenset()
    told = sum(cached_text_length(node, lengths) for node in captions)
    return frozenset() if told * 2 >= text_length(root) else frozenset(node.mem_id for node in captions)


def _is_caption(node: LexborNode, lengths: dict[int, int]) -> bool:
    if node.tag not in _MEDIA_LABEL_TAGS or not set(_names(node)) & _CAPTION_NAMES:
        return False
    length = cached_text_length(node, lengths)
    if length > _MEDIA_LABEL_MAX_CHARS:
        return False
    parent = node.parent
    if node.tag not in ("p", "div") and parent is not None and _words_around(parent) != _words_around(node):
        return False
    return _beside_media(node)


def _words_around(node: LexborNode) -> str:
    return "".join(node.text(deep=True).split())


def _is_named_prompt(node: LexborNode) -> bool:
    """Whether an element is furniture by its name and what it says (session 53, narrowed after its review): a
    paywall's prompt (_PAYWALL_PARTS, _PIANO_NAME) saying only what one says (_is_paywall_prompt: "You have read 3 of
    3 free articles. Subscribe…"), a credit (_CREDIT_PARTS) that credits a photo (_MEDIA_CREDIT: "Photo:
    Reuters/Maxim Shemetov") right beside it (_beside_media: a `p.credit` of the story's, "Credit: card borrowing
    rose…", stands among paragraphs; the one inside a figure goes with it), or a WordPress embed block
    (`wp-block-embed`) holding only the URL it embeds (what the player loads, as WORDPRESS_MEDIA's `[embed]`). Each
    only short (_PROMPT_MAX_CHARS)."""
    names = _names(node)
    paywall = any(_name_parts(name) & _PAYWALL_PARTS or _PIANO_NAME.match(name) for name in names)
    credit = any(_name_parts(name) & _CREDIT_PARTS for name in names)
    embed = any(name.startswith("wp-block-embed") for name in names)
    if not (paywall or credit or embed) or text_length(node) > _PROMPT_MAX_CHARS:
        return False
    text = normalise_space(node.text(deep=True))
    return (
        (paywall and _is_paywall_prompt(text))
        or (credit and _MEDIA_CREDIT.match(text) is not None and _beside_media(node))
        or (embed and _URL_ONLY.fullmatch(text) is not None)
    )


def left_out_by_name(node: LexborNode, chrome_limit: float, lengths: dict[int, int] | None = None) -> bool:
    """Whether the element is furniture by its class and id names (chrome_name): named so through and through,
    unless it is the content's wrapper (_is_content_wrapper: it holds paragraphs and more than chrome_limit
    characters of text, and its names say no comments, ads or the like); named so in part, when it reads like
    furniture (_reads_like_furniture). `lengths` caches the text lengths of elements (cached_text_length) for a walk
    that asks of many nested elements. An ad slot (_AD_ATTRIBUTES) is furniture too, unless it holds more than
    FURNITURE_MAX_CHARS characters or is the content's wrapper: a CMS may mark the story's wrapper for ad targeting."""
    named = chrome_name(node)
    if named == CHROME:
        return _names_other_content(node) or not _is_content_wrapper(node, chrome_limit, lengths)
    if (named == PARTLY_CHROME and _reads_like_furniture(node, lengths)) or _is_named_prompt(node):
        return True
    attributes = node.attributes  # built anew at each call
    return (
        any(attribute in attributes for attribute in _AD_ATTRIBUTES)
        and cached_text_length(node, lengths) <= FURNITURE_MAX_CHARS
        and not _is_content_wrapper(node, chrome_limit, lengths)
    )


# Names of what holds other writings than the article's: readers' comments, teasers of other stories, ads. A byline
# or a date there is theirs (session 21's review: a comment's <time> became the article's date, a comment's author
# and a teaser's byline its author).
OTHER_WRITINGS_WORDS = frozenset(
    {"comments", "comment", "discussion", "replies", "related", "recommended", "advert", "advertisement", "ad", "ads"}
    | {"sponsored", "promo"}
)
# Names of what lists other stories beside the article: outside the article only (inside it, `article-sidebar` or
# `story-teaser` is the article's own), and not on an element holding the page's first <h1> (a wrapper of the whole
# story).
LIST_OF_STORIES_WORDS = frozenset({"teaser", "teasers", "sidebar", "popular", "trending"})
# ...but not in a layout's name (`content-sidebar-wrap`, the Genesis theme's wrapper of the story and its sidebar).
_LAYOUT_WORDS = frozenset({"wrap", "wrapper", "layout", "container", "content", "main", "inner", "outer", "page"})
# Names of two words for the same: `most-read`, `read-next`, `more-stories` (session 21's second review: a "Most read"
# list's teaser outside any <aside> gave the article its date and author).
OTHER_WRITINGS_PAIRS = (
    frozenset({"most", "read"}),
    frozenset({"most", "viewed"}),
    frozenset({"most", "shared"}),
    frozenset({"read", "next"}),
    frozenset({"more", "stories"}),
)


# Names of an aside that holds the article's own metadata wherever it stands (`<aside class="byline">`).
OWN_METADATA_WORDS = frozenset({"byline", "author", "meta", "metadata", "dateline", "timestamp"})
# ...and an aside named for the article's details (`article-info`, `story-details`).
_DETAILS_WORDS, _OWN_WORDS = frozenset({"info", "details"}), frozenset({"article", "story", "entry", "post"})


def _in_article(node: LexborNode, facts: dict[tuple[str, int], bool] | None) -> bool:
    """Whether an <article>, <main>, `role=main` or the article's text (`itemprop=articleBody`) is around node.
    `facts` keeps the answer for each element passed on the way up (it is, or is inside, such an element), so that
    a walk asking of many nested elements climbs each once (5,000 lists 1,900 elements deep took 27 s)."""
    passed: list[int] = []
    parent, found = node.parent, False
    while parent is not None:
        known = facts.get(("article", parent.mem_id)) if facts is not None else None
        if known is not None:
            found = known
            break
        passed.append(parent.mem_id)
        if parent.tag in ("article", "main") or _is_article_body(parent):
            found = True
            break
        if (parent.attributes.get("role") or "").strip().lower() == "main":
            found = True
            break
        parent = parent.parent
    if facts is not None:
        facts.update(dict.fromkeys((("article", mem_id) for mem_id in passed), found))
    return found


def _names_own_metadata(node: LexborNode, details: bool) -> bool:
    """Whether an aside's name says it holds the article's metadata; `details`: `article-info` too (said where no
    article element stands apart from the page: beside one, `entry-info` is a widget's)."""
    return any(
        (parts := _name_parts(name)) & OWN_METADATA_WORDS or (details and parts & _DETAILS_WORDS and parts & _OWN_WORDS)
        for name in _names(node)
    )


def holds_other_writings(
    node: LexborNode, by_tag: bool = True, page_wide: bool = True, headline: LexborNode | None = None
) -> bool:
    """Whether the element is (`by_tag`) an aside or a nav, or named for what holds other writings
    (OTHER_WRITINGS_WORDS: not a state of its wrapper, `has-comments`). An aside named for the article's own metadata
    (OWN_METADATA_WORDS: `<aside class="byline">`) holds the article's, wherever it stands."""
    if by_tag and (node.tag == "nav" or (node.tag == "aside" and not _names_own_metadata(node, page_wide))):
        return True
    if by_tag and _names_list_of_stories(node) and not (headline is not None and is_inside(headline, node)):
        return True
    return any(
        ((parts := _name_parts(name)) & OTHER_WRITINGS_WORDS and not parts & STATE_WORDS)
        or _COMMENT_SYSTEM_NAMES.match(name)
        for name in _names(node)
    )


def is_inside(node: LexborNode, ancestor: LexborNode) -> bool:
    """Whether `node` lies inside `ancestor` (not `ancestor` itself)."""
    parent = node.parent
    while parent is not None and parent.mem_id != ancestor.mem_id:
        parent = parent.parent
    return parent is not None


def _names_list_of_stories(node: LexborNode) -> bool:
    """Whether a name says the element lists other stories (LIST_OF_STORIES_WORDS, OTHER_WRITINGS_PAIRS)."""
    return any(
        ((parts := _name_parts(name)) & LIST_OF_STORIES_WORDS or any(pair <= parts for pair in OTHER_WRITINGS_PAIRS))
        and not parts & (STATE_WORDS | _LAYOUT_WORDS)
        for name in _names(node)
    )


def _names_other_content(node: LexborNode) -> bool:
    """Whether a class or id name says the element holds what a page adds beside the article (NEVER_CONTENT_WORDS:
    `comments-area`, `comment-list`, `related-stories`, a consent manager's banner), not a state of its wrapper
    (`has-comments`). An ARIA label is no such name: a wrapper labelled "Cookies" holding most of the page's text is
    a recipe's."""
    return any(
        ((parts := _name_parts(name)) & NEVER_CONTENT_WORDS and not parts & STATE_WORDS)
        or _CONSENT_NAMES.match(name)
        or _WIDGET_NAMES.match(name)
        for name in _names(node)
    )


def _reads_like_furniture(node: LexborNode, lengths: dict[int, int] | None) -> bool:
    """Whether an element its names mark only in part is furniture by what it holds: no text (an ad slot, an icon),
    or text that is mostly (LINK_LIST_RATIO) its links' and buttons' (share, social and tag links, a skip link).
    Furniture is short: an element holding more than FURNITURE_MAX_CHARS characters is text (and elements nested in
    one another are counted once, bottom up: cached_text_length)."""
    if cached_text_length(node, lengths) > FURNITURE_MAX_CHARS:
        return False
    total = len(normalise_space(node.text(deep=True)))
    if total == 0:
        return True
    controls = [node] if node.tag in ("a", "button") else node.css("a, button")
    linked = sum(len(normalise_space(control.text(deep=True))) for control in controls)
    return linked / total >= LINK_LIST_RATIO


def text_length(node: LexborNode) -> int:
    """Characters of text under node, whitespace included (cheap: computed by Lexbor, not in Python)."""
    return len(node.text(deep=True))


def cached_text_length(node: LexborNode, lengths: dict[int, int] | None) -> int:
    """text_length, each element's computed once from its children's into `lengths` (by mem_id, for one tree): asked
    of each of 1,900 nested elements, text_length read the text under each, 2.6 s for 2 MB."""
    if lengths is None:
        return text_length(node)
    stack: list[tuple[LexborNode, bool]] = [(node, False)]
    while stack:
        current, counted = stack.pop()
        if current.mem_id in lengths:
            continue
        if current.tag == "-text":
            lengths[current.mem_id] = len(current.text_content or "")
        elif counted:
            lengths[current.mem_id] = sum(lengths.get(child.mem_id, 0) for child in child_nodes(current))
        else:
            stack.append((current, True))
            stack.extend((child, False) for child in child_nodes(current))
    return lengths[node.mem_id]


def _is_link_list(node: LexborNode) -> bool:
    links = node.css("a")
    if len(links) < LINK_LIST_MIN_LINKS:
        return False
    total = len(normalise_space(node.text(deep=True)))
    linked = sum(len(normalise_space(link.text(deep=True))) for link in links)
    return total > 0 and linked / total >= LINK_LIST_RATIO


# Headings over a list of the article's sources, kept though its items are links (session 51: a "Sources" list
# under the story was left out as related links, with its heading).
_SOURCES_HEADINGS = frozenset(
    {"source", "sources", "references", "reference", "notes", "footnotes", "endnotes", "bibliography", "citations"}
    | {"works cited", "sources and notes", "notes and sources", "data sources", "sources and references"}
)
# Running text: a sentence's end, or a closing quotation mark or bracket after one.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*$")
_RUNNING_TEXT_WORDS = 6
# Words of a label of other stories longer than furniture_lines' (`More from the Daily Planet:`, `In other news:`,
# `Most read this week:`): after them a list of links is furniture, whatever the label's length.
_OTHER_STORIES_WORDS = re.compile(
    r"\b(?:more (?:from|on|stories|news|articles|coverage)|other (?:news|stories)|most (?:read|popular|viewed|shared)"
    r"|latest (?:news|stories|headlines)|(?:related|recommended|trending|popular) (?:stories|articles|links|news)"
    r"|read (?:more|next|also)|also read|see also|you (?:may|might) also|elsewhere on"
    # the paper's own earlier stories (session 51's second review: `Catch up on the rest of our coverage…:`)
    r"|(?:our|earlier|previous|related) (?:\w+ )?(?:coverage|reports|reporting|stories|articles)|full coverage"
    r"|we(?:'ve| have)? (?:published|reported|written)|these pages|previously on|catch up|(?:don't|do not) miss"
    r"|(?:in case )?you missed|(?:further|background) reading|from (?:the|our) archives?)\b",
    re.IGNORECASE,
)
LINKED_TEXT_MAX_SHARE = 0.5
# What a page's own box says (a call to action, an offer, a newsroom role's noun): a list of links after it stays
# furniture (`Share this story with your friends:`).
_CALL_TO_ACTION = re.compile(
    r"\b(?:follow us|sign (?:up|in)|log in|register|subscri\w*|newsletters?|share this|like us|join us|our app"
    r"|free trial|unlimited access|special offer|\d+% off|buy now|shop now|click here|(?:learn|find out) more"
    r"|(?:reporter|correspondent|editor|writer|columnist|journalist|contributor)s?"
    r"|(?:writes|reports) (?:for|about|on)|this (?:article|story|page|post))\b",
    re.IGNORECASE,
)


def is_call_to_action(paragraph: str) -> bool:
    """Whether a paragraph says what a page's own box says (_CALL_TO_ACTION: `Sign up to our briefing`, `Follow us
    on Twitter`, `Subscribe today`)."""
    return _CALL_TO_ACTION.search(paragraph) is not None


def is_running_text(paragraph: str) -> bool:
    """Whether a paragraph reads as the story's running text: a sentence of six words or more."""
    return len(paragraph.split()) >= _RUNNING_TEXT_WORDS and _SENTENCE_END.search(paragraph) is not None


# Where a list's links lead when it is the page's tags, share buttons or the article's table of contents: an archive
# of a tag, topic, category or author, a network's share dialog, a mail, or a place on the page (whose headings the
# body holds already).
_NAVIGATING_HREF = re.compile(
    r"(?:^|/)(?:tags?|topics?|category|categories|author|authors)/|^#|^mailto:|^whatsapp:|/sharer|/share\b|/intent/"
    r"|[?&](?:share|sharer)=",
    re.IGNORECASE,
)


def _links_navigate(node: LexborNode) -> bool:
    """Whether half or more of a list's links lead to the page's tags, a share dialog or a place on the page
    (_NAVIGATING_HREF): such a list is furniture wherever it stands."""
    hrefs = [(link.attributes.get("href") or "").strip() for link in node.css("a")]
    navigating = sum(1 for href in hrefs if _NAVIGATING_HREF.search(href) is not None)
    return bool(hrefs) and navigating * 2 >= len(hrefs)


# Where a link to another story leads on a news site: a path dated by year and month or by day
# (`/news/2015/05/sea-wall-cracks`, `/2015-05-12-harbour-vote`, the Guardian's `/uk-news/2015/may/12/northgate`,
# Reuters' `idUSKBN0NX1AB20150512`), or a story's number (the BBC's `/news/uk-england-32703115`, the Telegraph's
# `/news/uknews/11600432/Headline.html`, WordPress's `?p=101`, `story.php?id=101`): session 55's review.
_STORY_PATH = re.compile(
    r"/(?:19|20)\d\d/(?:[01]?\d|" + "|".join(MONTH_ABBREVIATIONS) + r")/|(?<!\d)(?:19|20)\d\d-?[01]\d-?[0-3]\d(?!\d)"
    r"|-\d{6,}(?=$|[/?#.])|/\d{6,}/[\w-]+\.html?\b|[?&](?:p|(?:story|article|post)_?id)=\d+"
    r"|/(?:story|article|news|post)s?\.(?:php|aspx?|cfm|jsp)\?",
    re.IGNORECASE,
)
# A document's address (a report, a table), not a page: `/docs/budget.pdf`.
_DOCUMENT_PATH = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|csv|odt|ods|txt|zip)$", re.IGNORECASE)
# What introduces the items that follow (`Here are the ten books our critics loved most this year.`, `Our critics
# chose these ten books`, `the following`): a box's label (`More:`, `Top stories:`) or the story's last sentence
# before a box of headlines says none of it.
_INTRODUCTION = re.compile(r"\b(?:these|those|the following|below|here (?:are|is)|here's|here\u2019s)\b", re.I)
# The numbers a lead-in may count its items with (`The three ferries affected:` over three).
_COUNTS = {
    **{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10},
    **{"eleven": 11, "twelve": 12, "both": 2},
}
# Words of a box of other stories' label that counts them (`Top 3 stories:`, `5 must-reads:`, `3 more from Sport:`).
_STORY_BOX_WORDS = re.compile(
    r"\b(?:stor(?:y|ies)|articles?|headlines?|posts?|reads?)\b|\bmore\s+(?:from|on|in|about|like)\b", re.I
)
# Words a box's label may be all of, beside a count (`Top 3:`, `The 5 latest:`, `More news:`): in a label that says
# more (`Three more ferries were cancelled:`, `The three top routes affected:`) they are the story's words.
_STORY_BOX_ONLY = frozenset({"top", "more", "latest", "news", "the", "our", "today", "today's", "s", "from", "of"})


def _introduces(lead_in: str, node: LexborNode) -> bool:
    """Whether the text before a list introduces its items (_INTRODUCTION), or counts them: `The three ferries
    affected:` over three items is the story's own list, where a box of other stories' label counts none or names
    them (`More:`, `The story so far:`, `Top 3 stories:`, `Top 3:`: _STORY_BOX_WORDS, _STORY_BOX_ONLY). Session 56's
    review: the list was dropped as headlines and the label stayed with nothing under it; its second review: so were
    `Three more ferries were cancelled:` and `The three top routes affected:`'s."""
    if _INTRODUCTION.search(lead_in) is not None:
        return True
    words = re.findall(r"\w+", lead_in.casefold())
    if _STORY_BOX_WORDS.search(lead_in) is not None or all(
        word in _STORY_BOX_ONLY or word in _COUNTS or word.isdigit() for word in words
    ):
        return False
    items = sum(1 for child in child_nodes(node) if child.tag == "li") or len(node.css("a"))
    counts = {int(word) if word.isdigit() else _COUNTS.get(word) for word in words}
    return items in counts


# A headline: five words or more, no sentence's end (`Council votes to close two libraries in budget row`), where a
# name (`Elm Park`), a document's (`Library consultation results`) or a book's title is shorter.
_HEADLINE_WORDS = 5


def _is_own_page(href: str) -> bool:
    """Whether an address leads to a page of the site's own: no scheme, no host, no document (_DOCUMENT_PATH)."""
    address = urlsplit(href)
    return not address.scheme and not address.netloc and _DOCUMENT_PATH.search(address.path) is None


def _is_story_link(link: LexborNode, introduced: bool) -> bool:
    """Whether a link leads to another story: a story's path (_STORY_PATH), or, in a list its lead-in does not
    introduce, a headline (_HEADLINE_WORDS words or more, not a sentence) leading to a page of the site's own
    (_is_own_page)."""
    href = (link.attributes.get("href") or "").strip()
    if _STORY_PATH.search(href) is not None:
        return True
    if introduced:
        return False
    text = normalise_space(link.text(deep=True))
    return len(text.split()) >= _HEADLINE_WORDS and _SENTENCE_END.search(text) is None and _is_own_page(href)


def _links_to_stories(node: LexborNode, introduced: bool) -> bool:
    """Whether half or more of a list's links lead to other stories of the site (_is_story_link); headlines only
    where the text before the list does not introduce its items (_INTRODUCTION)."""
    links = node.css("a")
    stories = sum(1 for link in links if _is_story_link(link, introduced))
    return bool(links) and stories * 2 >= len(links)


def _story_text_follows(node: LexborNode, root: LexborNode) -> bool:
    """Whether the first element with text after `node` (its next sibling, else its parent's, up to root) is a
    sentence, not half links: the list stands inside the story, not after its end."""
    current: LexborNode | None = node
    while current is not None and current.mem_id != root.mem_id:
        sibling = current.next
        while sibling is not None:
            if sibling.tag == "-text":
                if (sibling.text_content or "").strip():
                    return False  # text right after the list: a run of the page's, judged with it
            elif sibling.is_element_node and sibling.text(deep=True).strip():
                if sibling.tag != "p" or _is_hidden(sibling) or chrome_name(sibling) != NOT_CHROME:
                    return False
                text = normalise_space(sibling.text(deep=True))
                linked = sum(len(normalise_space(link.text(deep=True))) for link in sibling.css("a"))
                return _SENTENCE_END.search(text) is not None and linked / len(text) < LINKED_TEXT_MAX_SHARE
            sibling = sibling.next
        current = current.parent
    return False


def _is_content_wrapper(node: LexborNode, chrome_limit: float, lengths: dict[int, int] | None = None) -> bool:
    """A chrome-named element ("page has-sidebar") that holds paragraphs and most of the text is the content."""
    if node.tag in _PARAGRAPH_TAGS or cached_text_length(node, lengths) <= chrome_limit:
        return False
    return node.css_first(", ".join(_PARAGRAPH_TAGS)) is not None


def child_nodes(node: LexborNode) -> list[LexborNode]:
    children = []
    child = node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children


def element_paragraphs(
    root: LexborNode,
    skip: frozenset[int] = frozenset(),
    keep: frozenset[int] = frozenset(),
    tags: list[str] | None = None,
    page: bool = True,
) -> list[str]:
    """The text paragraphs under root, in document order, separated at block elements, and words separated where an
    element left out stood between them (_leaves_a_gap).

    `skip` holds `mem_id`s of elements to leave out (the title heading, a byline paragraph), `keep` those to read
    though their tag (an article's <header>) or, for other tags, name is never text elsewhere (its `div.header`:
    html_page._article_headers). In a `page`, a paragraph that is furniture by what it says and links
    (furniture_lines.furniture_line: a share line, a comment count, a bar of links) is left out, and the links of a
    line of tags are added to `tags`; in any markup, so is a paragraph or a <div>'s text saying only what an ad's
    label says (furniture_lines.is_ad_label). A fragment (a JSON body, Markdown) keeps its lines of links: its tags
    are its own fields, so a line of tags there would be lost, and Markdown writes a link only where its editor put
    one.
    """
    chrome_limit = text_length(root) * CHROME_MAX_SHARE
    lengths: dict[int, int] = {}  # text lengths of the elements judged by their names (cached_text_length)
    skip = skip | _media_captions(root, lengths)
    facts: dict[tuple[str, int], bool] = {}  # whether each element is inside an article container (_in_article)
    paragraphs: list[str] = []
    current: list[str] = []

    # Preformatted lines (a poem, a table of figures, code) stay lines: inside a <pre> each is a paragraph of its own,
    # where HTML's whitespace rule would run them into one. Its elements are read as everywhere else (a hidden span,
    # a script, a copy button or a ruby reading stays out, a <br> ends a line).
    pre_depth = 0

    ended = 0  # paragraphs ended so far: a superscript's text is read whole only when none ended inside it

    linked = LinkedLine()  # the paragraph's text apart from its links', to tell a line of links from a sentence
    blocks: list[str] = []  # the block elements open around the walk: the last holds the paragraph being read

    # A heading whose content is all furniture left out goes with it (session 23's review: "ALSO READ" stayed
    # over the story's next paragraph once its list of links was left out). The last paragraph, when it is a heading
    # or a label of other stories (furniture_lines.is_other_stories_label), is `heading`, its index: a label goes at
    # the first furniture left out after it, before any text; another heading at the next heading or the end, when
    # only furniture (`furniture_after`) followed it.
    heading: int | None = None
    label = furniture_after = False

    # A list of links the story introduces is the story's (story_list): what the last paragraph kept held, and
    # whether furniture holding text was left out since.
    last_holder = ""
    left_since = False
    imaged = False  # whether the paragraph being read holds an image (_without_shortcodes)

    def the_articles_content(node: LexborNode) -> bool:
        """Whether a list after the story's last paragraph is what the article is about (a reading list, a
        listicle's items): more text than the paragraphs before it (its links leading to no other story: story_list)."""
        told = sum(map(len, paragraphs)) + len(normalise_space("".join(current)))
        return len(normalise_space(node.text(deep=True))) > told

    def story_list(node: LexborNode) -> bool:
        """Whether a list that is mostly links is the story's own (session 51: a listicle's items and a "Sources"
        list vanished with their text): after the story's lead-in with nothing left out between (running text,
        is_running_text, or since session 55 a label ending in a colon, `The libraries that will close:`, when its
        links lead to no other story, _links_to_stories), inside an article container (_in_article: on a page with
        none, a list between two paragraphs is as often the page's menu) and before more of the story's text
        (_story_text_follows) unless it is the article's content (the_articles_content, its links leading to no
        other story); or under a heading naming the article's sources (_SOURCES_HEADINGS). A label of other stories
        before it (is_other_stories_label, _OTHER_STORIES_WORDS) or a call to action leaves it furniture. In a
        fragment (Markdown, a JSON body) the editor wrote every link: a list after a lead-in is the story's wherever
        it stands."""
        run = normalise_space("".join(current))
        if run:
            before, holder = run, "p"
        elif paragraphs and not left_since:
            before, holder = paragraphs[-1], last_holder
        else:
            return False
        if is_other_stories_label(before) or _CALL_TO_ACTION.search(before) is not None or _links_navigate(node):
            return False  # "Share this story with your friends:" over share links
        if holder in _HEADINGS or heading is not None:
            return before.rstrip(" :").casefold() in _SOURCES_HEADINGS
        if _OTHER_STORIES_WORDS.search(before) is not None:
            return False  # "More from the Daily Planet:", "In other news:"
        stories = _links_to_stories(node, _introduces(before, node))
        if before.endswith(":"):
            if stories:
                return False  # "Previously on the harbour saga, as reported in these pages:"
        elif not is_running_text(before):
            return False
        if not page:
            return True
        return _in_article(node, facts) and (
            _story_text_follows(node, root) or (not stories and the_articles_content(node))
        )

    def keep_paragraph(paragraph: str, holder: str) -> None:
        nonlocal heading, label, furniture_after, last_holder, left_since
        if holder in _HEADINGS and heading is not None and furniture_after:
            paragraphs.pop()
        paragraphs.append(paragraph)
        last_holder, left_since = holder, False
        label = is_other_stories_label(paragraph)
        heading = len(paragraphs) - 1 if label or holder in _HEADINGS else None
        furniture_after = False

    def furniture_left_out() -> None:
        nonlocal heading, furniture_after
        if heading is None or "".join(current).strip():
            return
        if label:
            paragraphs.pop()
            heading = None
        else:
            furniture_after = True

    def quoted() -> bool:
        """Whether the paragraph ending is quoted: inside a quotation, or after a paragraph of the story's that
        introduces it with a colon ("The campaign's slogan, printed on every bus:" over "READ MORE")."""
        return "blockquote" in blocks or bool(paragraphs and not left_since and paragraphs[-1].endswith(":"))

    def end_paragraph() -> None:
        nonlocal ended, heading, left_since, imaged
        ended += 1
        with_image, imaged = imaged, False
        for at in pending:  # controls with no text after them in their paragraph (CONTROL_TAGS)
            current[at] = ""
        pending.clear()
        text = "".join(current)
        current.clear()
        found = linked.end()
        if pre_depth:
            lines = [line for line in map(normalise_space, text.splitlines()) if line]
            paragraphs.extend(lines)
            heading = heading if not lines else None
            return
        paragraph = normalise_space(_without_shortcodes(text, with_image) if page else text)
        if not paragraph or (notes and _ARTICLE_NOTE.match(paragraph) is None):
            return
        holder = blocks[-1] if blocks else ""
        if page and found is not None:
            if tags is not None:
                tags.extend(found)
            furniture_left_out()
        elif (holder in _AD_LABEL_HOLDERS and (is_ad_label(paragraph) or (page and is_share_bar(paragraph)))) or (
            # A label quoted is the story's ("Continued on next page", the misprint's words: session 54's review)
            holder in _PAGE_LABEL_HOLDERS
            and is_page_label(paragraph, embedded=embeds > 0)
            and (embeds > 0 or not quoted())
        ):
            furniture_left_out()
        elif holder in _AD_LABEL_HOLDERS and is_reading_label(paragraph) and not quoted():
            left_since = True  # a list after it is no list the story introduces (story_list)
            furniture_left_out()
        else:
            keep_paragraph(paragraph, holder)

    numbers: dict[int, int] = {}  # each ordered list's next item number, by mem_id (ordered_list_start)
    marker: list[str] = []  # an ordered item's number, put before its first text (a loose item's is in a <p>)
    quotes: list[str] = []  # the <q> elements open around the walk
    scripts: list[tuple[int, int]] = []  # where each <sup> or <sub> open around the walk starts: (ended, in current)
    with_media: set[int] | None = None  # the figures showing media beside their caption, found at the first caption
    # An element left out between words leaves a space before the next word (_leaves_a_gap).
    gap = False
    copies = 0  # the aria-hidden elements open around the walk, read as what the reader sees (_is_visible_copy)
    repeats = _Repeats(root)  # whether an aria-hidden text repeats another (_is_plain_text)
    controls = 0  # the form controls open around the walk (CONTROL_TAGS)
    pending: list[int] = []  # where in `current` the controls' text since the paragraph's last other text stands
    note_holders: set[int] = set()  # the article's footers and asides read for its notes (_holds_article_notes)
    instagram = {embed.mem_id for embed in root.css(_INSTAGRAM_EMBED)}
    embeds = 0  # the Instagram embeds open around the walk: their labels are no text (furniture_lines.is_page_label)
    notes = 0  # those open around the walk: only their notes are text
    # Stack entries: (node, depth, inside a list already judged not to be a link list, is a closing marker).
    stack: list[tuple[LexborNode, int, bool, bool]] = [(root, 0, False, False)]
    while stack:
        node, depth, in_list, closing = stack.pop()
        tag = node.tag or ""
        if closing:
            copies -= depth > 0 and _is_aria_hidden(node)
            controls -= tag in CONTROL_TAGS
            embeds -= node.mem_id in instagram
            if tag in BLOCK_TAGS or node.mem_id in note_holders:
                gap = False
                end_paragraph()
                blocks.pop()
                notes -= node.mem_id in note_holders
                if tag == "li":
                    marker.clear()  # an item without text shows its number alone: nothing to search
                if tag == "pre":
                    pre_depth -= 1
            elif tag in CELL_TAGS:
                current.append(" ")
            elif tag == "q":
                current.append("\u201d" if len(quotes) % 2 else "\u2019")
                quotes.pop()
            elif tag in _SCRIPTS:
                paragraph, start = scripts.pop()
                if paragraph == ended:
                    current[start:] = [_script_text(tag, "".join(current[start:]))]
                    pending[:] = [at for at in pending if at < start]  # a control in a superscript stays with it
            elif tag == "a":
                linked.close_link()
            continue
        if tag == "-text":
            text = node.text_content or ""
            if gap and text:
                current.append(" " * _needs_a_space(current, text, bool(scripts)))
                gap = False
            if marker and text.strip():
                current.append(marker.pop())
            if controls:
                pending.append(len(current))
            elif text.strip():
                pending.clear()  # text after the controls: they stand in running text
            current.append(text)
            if not controls:  # a control is no text of a line of links: "Share: Facebook Twitter <button>Copy"
                linked.add(text)
            continue
        imaged = imaged or tag == "img"
        holds_notes = depth > 0 and tag in _NOTE_HOLDERS and _holds_article_notes(node, facts)
        if depth > 0 and (
            _left_out(node, skip, keep, chrome_limit, lengths, copies > 0, holds_notes, repeats)
            or (tag in LIST_TAGS and not in_list and _is_link_list(node) and not story_list(node))
            or (tag in CONTROL_TAGS and not _is_control_text(node, blocks, any(part.strip() for part in current)))
        ):
            gap = gap or _leaves_a_gap(node)
            furniture = _is_furniture_with_text(node, skip)
            left_since = left_since or furniture
            if heading is not None and furniture:
                furniture_left_out()
            continue
        if tag == "figcaption" and node.parent is not None and node.parent.tag == "figure":
            with_media = _figures_with_media(root) if with_media is None else with_media
            if node.parent.mem_id in with_media:
                continue
        if tag == "figure" and depth > 0:
            with_media = _figures_with_media(root) if with_media is None else with_media
            if node.mem_id in with_media and node.css_first(_FIGURE_TEXT) is None:
                continue
        if tag in ("math", "img"):  # an image not left out is a character's (_character_alt)
            shown = _math_text(node) if tag == "math" else _character_alt(node) or ""
            current.extend([*marker, " " * (gap and _needs_a_space(current, shown, bool(scripts))), shown])
            linked.add(shown)
            marker.clear()
            gap = False
            continue
        if tag in ("input", "select"):
            shown = _control_value(node)
            current.extend([*marker, " " * (gap and _needs_a_space(current, shown, bool(scripts)))])
            pending.append(len(current))
            current.append(shown)
            marker.clear()
            gap = False
            continue
        if tag in LIST_TAGS:
            in_list = True
        if tag in BLOCK_TAGS or holds_notes:
            gap = False
            end_paragraph()
            blocks.append(tag)
            if holds_notes:
                note_holders.add(node.mem_id)
                notes += 1
            if tag == "pre":
                pre_depth += 1
            elif tag == "ol":
                numbers[node.mem_id] = ordered_list_start(node)
            elif tag == "li" and node.parent is not None and node.parent.mem_id in numbers:
                marker[:] = [_item_marker(node, numbers)]
        elif tag in CELL_TAGS:
            current.append(" ")
        elif tag == "q":
            quotes.append(tag)  # browsers show a quotation's marks (single ones inside double); the markup holds none
            current.append("\u201c" if len(quotes) % 2 else "\u2018")
        elif tag in _SCRIPTS:
            scripts.append((ended, len(current)))
        elif tag == "a":
            linked.open_link()
        copies += depth > 0 and _is_aria_hidden(node)
        controls += tag in CONTROL_TAGS
        embeds += node.mem_id in instagram
        stack.append((node, depth, in_list, True))
        shadow = _shadow_root(node)  # not left out: a template is read only as a shadow root, in place
        children = child_nodes(node if shadow is None else shadow)
        stack.extend((child, depth + 1, in_list, False) for child in reversed(children))
    end_paragraph()
    if heading is not None and furniture_after:
        paragraphs.pop()
    return paragraphs


def _is_furniture_with_text(node: LexborNode, skip: frozenset[int]) -> bool:
    """Whether an element the body's walk left out is furniture holding text (a list of links, a nav, a box named
    as furniture): not what the caller skips (the headline, a byline), hidden text, media or a script. Asked only of
    elements left out, none inside another, so their text is read once."""
    if not node.is_element_node or node.mem_id in skip or node.tag in _NOT_FURNITURE_TAGS or _is_hidden(node):
        return False
    return bool(node.text(deep=True).strip())


def ordered_list_start(node: LexborNode) -> int:
    """An <ol>'s first item number: its `start`, else 1, or its item count when `reversed` (the HTML standard)."""
    start = _integer(node.attributes.get("start"))
    if start is not None:
        return start
    if "reversed" in node.attributes:
        return sum(1 for child in child_nodes(node) if child.tag == "li")
    return 1


def _item_marker(item: LexborNode, numbers: dict[int, int]) -> str:
    """The number a browser shows before an ordered list's item, as text ("3. "), the list's next number moved on:
    an item's `value` sets it. A list item number is part of what was written ("1989. The year the wall fell" in
    Markdown is such a list; a "top 10" counts down): left out, the text lost it in silence."""
    parent = item.parent
    assert parent is not None
    value = _integer(item.attributes.get("value"))
    number = numbers[parent.mem_id] if value is None else value
    numbers[parent.mem_id] = number - 1 if "reversed" in parent.attributes else number + 1
    return f"{number}. "


def _integer(value: str | None) -> int | None:
    """An HTML integer attribute's value, or None when it is absent or no integer (browsers ignore those)."""
    text = (value or "").strip()
    return int(text) if re.fullmatch(r"[+-]?\d{1,9}", text) else None


def _is_control_text(node: LexborNode, blocks: list[str], text_before: bool) -> bool:
    """Whether a form control may be text where it stands (CONTROL_TAGS): inside running text
    (_RUNNING_TEXT_HOLDERS), and, a button, showing a word: a footnote's button (`7-2<button>1</button>`) or an
    arrow is no text. A button, an input or a select stands inside a sentence, after text of its paragraph
    (`text_before`: "Press the <button>Vote</button> button"); one that opens its paragraph is the page's
    (`<button>Listen</button> to this article`, `<button>Follow</button> Jane Doe`, `<button>Like</button> 12
    people like this`; session 53's review). A label may open it (`<label>Note:</label> the meeting…`)."""
    if not (blocks and blocks[-1] in _RUNNING_TEXT_HOLDERS):
        return False
    if node.tag != "label" and not text_before:
        return False
    return node.tag != "button" or any(char.isalpha() for char in node.text(deep=True))


def _control_value(node: LexborNode) -> str:
    """What an <input> or <select> shows as text: an input's value (_VALUE_INPUTS), a select's options marked
    `selected` (one with none chosen is a choice the page offers the reader: "Choose a region <select>…")."""
    if node.tag == "input":
        kind = (node.attributes.get("type") or "").strip().lower()
        return normalise_space(node.attributes.get("value") or "") if kind in _VALUE_INPUTS else ""
    chosen = [option for option in node.css("option") if "selected" in option.attributes]
    return ", ".join(normalise_space(option.text(deep=True)) for option in chosen)


def _math_text(node: LexborNode) -> str:
    """A formula as text: its `alttext` (`E=mc^2`), which the author wrote to be read, else its tokens' text with a
    space between each (`<mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup>` is "E = m c 2")."""
    alttext = normalise_space(node.attributes.get("alttext") or "")
    if alttext:
        return alttext
    texts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag == "-text":
            texts.append(current.text_content or "")
        elif current.tag not in _MATH_ANNOTATIONS:
            stack.extend(reversed(child_nodes(current)))
    return normalise_space(" ".join(texts))


def _figures_with_media(root: LexborNode) -> set[int]:
    """The `mem_id`s of the figures under root that show an image, video or embed beside their caption (in a nested
    figure too: a gallery's). Each element is walked up from once, so the search is linear in the size of root (a
    search of the figure for each caption took 6 s for 5,000 captions in 140 KB)."""
    figures: set[int] = set()
    walked: set[int] = set()
    for media in root.css(_MEDIA):
        if media.tag == "img" and _character_alt(media) is not None:
            continue  # a character of the text, not a picture beside it
        node = media.parent
        while node is not None and node.mem_id not in walked and node.tag not in _NOT_BESIDE:
            walked.add(node.mem_id)
            if node.tag == "figure":
                figures.add(node.mem_id)
            node = None if node.mem_id == root.mem_id else node.parent
    return figures


def element_text(node: LexborNode) -> str:
    """The element's text on one line, as element_paragraphs reads it: `<h1>Kerry<br>meets Putin</h1>` is "Kerry meets
    Putin" (Lexbor's text() glues it, "Kerrymeets Putin"), and hidden parts stay out as they do from the body."""
    return " ".join(element_paragraphs(node))


def _character_alt(node: LexborNode) -> str | None:
    """The alt text of an image that stands for a character of the text: an emoji or a smiley (an image named
    `emoji`, `wp-smiley`, `twemoji`..., whose alt is a short run of symbols, `:)`, `:slight_smile:`), any image
    whose alt is only emoji characters (`❤`, `👨‍👩‍👧`, `1️⃣`), or a drop cap (_drop_cap_alt); None for any other image,
    and for a word (`flag`: a description, as any other image's alt text is)."""
    alt = (node.attributes.get("alt") or "").strip()
    if not alt:
        return None
    if _is_emoji(alt):
        return alt
    if len(alt) == 1 and alt.isalpha():
        return _drop_cap_alt(node)
    named = any(word in name for name in _names(node) for word in _EMOJI_CLASS_WORDS)
    symbols = len(alt) <= _MAX_SYMBOL_ALT and not alt.isalnum() and not any(char.isspace() for char in alt)
    return alt if named and symbols else None


def _drop_cap_alt(node: LexborNode) -> str | None:
    """The letter of a drop cap drawn as an image (old pages): an image whose alt is one letter and whose name says
    it is a drop cap (_names_a_drop_cap: `<img class="dropcap" src="C.png" alt="C">ouncil` is "Council"; session 52).
    An image's place alone says nothing: a logo's `<img src="x-logo.svg" alt="X">Twitter's` is no "XTwitter's"
    (session 52's review), so an unnamed one stays out as any image's alt text does."""
    alt = (node.attributes.get("alt") or "").strip()
    return alt if len(alt) == 1 and alt.isalpha() and _names_a_drop_cap(node) else None


def _is_emoji(text: str) -> bool:
    """Whether the text is only emoji: symbols (Unicode's So, skin tones' Sk) with their joiners, variation selectors
    and tags, and digits, `#` or `*` only before a keycap."""
    keycap = "\u20e3" in text
    parts = all(
        unicodedata.category(char) in ("So", "Sk") or _EMOJI_PARTS.match(char) or (keycap and char in "0123456789#*")
        for char in text
    )
    return parts and (keycap or any(unicodedata.category(char) == "So" for char in text))


def _script_text(tag: str, text: str) -> str:
    """A superscript's or subscript's text as plain text shows it (_SCRIPTS): `2` is "²", `-6` "⁻⁶", `2n` "^(2n)",
    `[1]` "^[1]", `st` "st"; the spaces around it kept."""
    written = text.strip()
    if not written:
        return text
    table, mark = _SCRIPTS[tag]
    start = text.index(written)
    if tag == "sub" and written.isascii() and written.isdecimal():
        # A formula's count (H2O, CO2) as plain text writes it, and as a search finds it: the engine's tokenizer
        # drops subscript characters (`CO₂` is indexed as `co`; session 23).
        shown = written
    elif all(char in _SCRIPT_SIGNS for char in written):
        shown = written.translate(table)
    elif any(char.isdecimal() for char in written):
        bracketed = len(written) == 1 or written[0] + written[-1] in ("()", "[]", "{}")
        shown = f"{mark}{written}" if bracketed else f"{mark}({written})"
    else:
        return text
    return text[:start] + shown + text[start + len(written) :]


def _shadow_root(node: LexborNode) -> LexborNode | None:
    """The content of a declarative shadow root (`<template shadowrootmode="open">`, or `"closed"`, or the older
    `shadowroot` attribute), which browsers show in place of the template (HTML standard, "template" element); None
    for any other element, and for a plain `<template>`, whose content is never shown."""
    if node.tag != "template":
        return None
    attributes = node.attributes
    mode = attributes.get("shadowrootmode") or attributes.get("shadowroot") or ""
    if mode.strip().lower() not in ("open", "closed"):
        return None
    fragments = node.template_fragments()  # Lexbor keeps a template's content apart from the tree
    return fragments[0] if fragments else None


def _left_out(
    node: LexborNode,
    skip: frozenset[int],
    keep: frozenset[int],
    chrome_limit: float,
    lengths: dict[int, int],
    in_copy: bool,
    holds_notes: bool,
    repeats: _Repeats,
) -> bool:
    if not node.is_element_node:
        return True  # comments, doctype (the walk is iterative and check_nesting bounds depth: none is too deep)
    shown = (node.tag == "img" and _character_alt(node) is not None) or _shadow_root(node) is not None or holds_notes
    dropped = node.tag in DROPPED_TAGS and node.mem_id not in keep and not shown
    if dropped or node.mem_id in skip or _is_hidden_from_screen(node) or _has_chrome_role(node):
        return True
    if _is_aria_hidden(node) and not _is_visible_copy(node, in_copy, repeats):
        return True
    if (node.tag == "a" and _is_heading_permalink(node)) or _labels_media(node, lengths) or _is_button_box(node):
        return True
    # A <header> kept is still judged by its names (`<header class="site-header">` in an article is the site's).
    return (node.mem_id not in keep or node.tag in DROPPED_TAGS) and left_out_by_name(node, chrome_limit, lengths)


# Names of the permalink that site generators and themes put in a heading, beside its text: Sphinx's and MkDocs'
# `headerlink` (¶), Docusaurus's `hash-link` (a zero-width space), markdown-it-anchor's and VuePress's
# `header-anchor`, AnchorJS's `anchorjs-link`, Jekyll, Hugo and GitHub themes' `anchor`, `anchor-link`,
# `heading-anchor`, `permalink`.
_PERMALINK_NAMES = frozenset(
    {"headerlink", "hash-link", "header-anchor", "anchorjs-link", "anchor", "anchor-link", "heading-anchor"}
    | {"permalink", "header-link", "heading-link"}
)
# Its mark, all its text but whitespace, zero-width and format characters and emoji variation selectors (Docusaurus's
# is a zero-width space alone): any other, "+", "!", "?", "&", "★", a flag, is a heading's word in a link (session 54's
# review: "Google+", "Yahoo!", "Tom & Jerry" lost their marks).
_PERMALINK_MARKS = frozenset({"", "#", "\u00b6", "\u00a7", "\U0001f517", "\u2693"})
_VARIATION_SELECTORS = frozenset("\ufe0e\ufe0f")
# What may stand between a heading and its permalink: the heading's text wrappers (`<span class="mw-headline">`).
_PHRASING_AROUND_PERMALINK = frozenset({"span", "a", "div", "strong", "b", "em", "i", "small", "code"})


def _is_button_box(node: LexborNode) -> bool:
    """Whether an element is Substack's `button-wrapper` holding only its buttons ("Subscribe now", "Share": session
    54): a theme's box so named holding words of its own is text (the session's review: a how-to's step)."""
    if "button-wrapper" not in _names(node):
        return False
    words = "".join(node.text(deep=True).split())
    return len(words) <= sum(len("".join(button.text(deep=True).split())) for button in node.css("a, button"))


def _is_heading_permalink(link: LexborNode) -> bool:
    """Whether a link inside a heading is the heading's permalink (session 54: "…Sochi#", "…Sochi ¶" and "Background🔗"
    were titles and subheads): its text only a mark (_PERMALINK_MARKS), and either named so (_PERMALINK_NAMES) or
    leading to the heading itself (`#` and the id of the heading or of an element in it), a "#" apart from its words
    (_apart_from_words: "C<a href='#c'>#</a> 12" is "C# 12"). `href="#"` alone is a script's link (a hashtag, a rating):
    only its name makes it a permalink. A heading's words that are a link are text, whatever it leads to."""
    text = link.text(deep=True)
    mark = "".join(
        char
        for char in text
        if not char.isspace() and unicodedata.category(char) != "Cf" and char not in _VARIATION_SELECTORS
    )
    if mark not in _PERMALINK_MARKS:
        return False
    heading = link.parent
    while heading is not None and heading.tag not in _HEADINGS:
        heading = heading.parent if heading.tag in _PHRASING_AROUND_PERMALINK else None
    if heading is None:
        return False
    if set(_names(link)) & _PERMALINK_NAMES:
        return True
    target = (link.attributes.get("href") or "").strip()
    ids = {heading.attributes.get("id"), *(inner.attributes.get("id") for inner in heading.css("[id]"))} - {None}
    return target.startswith("#") and target[1:] in ids and (mark != "#" or _apart_from_words(link, text))


def _apart_from_words(link: LexborNode, text: str) -> bool:
    """Whether a link's text is no part of a word beside it: whitespace, or nothing, at each side."""
    before = link.prev.text(deep=True) if link.prev is not None else ""
    after = link.next.text(deep=True) if link.next is not None else ""
    return (not before or before[-1].isspace() or text[:1].isspace()) and (
        not after or after[0].isspace() or text[-1:].isspace()
    )


def is_article_note(paragraph: str) -> bool:
    """Whether a paragraph is one of the article's notes (_ARTICLE_NOTE: `Editor's note: an earlier version of this
    story…`, `Additional reporting by …`)."""
    return _ARTICLE_NOTE.match(paragraph) is not None


def _holds_article_notes(node: LexborNode, facts: dict[tuple[str, int], bool]) -> bool:
    """Whether a <footer> or <aside> inside the article (_in_article) holds one of its notes (_ARTICLE_NOTE): a
    correction, an editor's note, an update or a credit for reporting is the article's, where the page's footer and
    asides are not. Only the notes of such an element are read (element_paragraphs)."""
    return _in_article(node, facts) and _ARTICLE_NOTE.search(normalise_space(node.text(deep=True))) is not None


def _leaves_a_gap(node: LexborNode) -> bool:
    """Whether an element left out of the text stood between words (session 52): a line break, media (an icon's
    <svg>, an image), or an element whose own text starts or ends with whitespace (`voted<span aria-hidden="true">
    </span>on` read "votedon"). Where the space goes is _needs_a_space's."""
    if not node.is_element_node:
        return False
    if node.tag == "br" or node.tag in _MEDIA_TAGS:
        return True
    text = node.text(deep=True)
    return text[:1].isspace() or text[-1:].isspace()


def _needs_a_space(current: list[str], text: str, in_script: bool) -> bool:
    """Whether the text after a gap (_leaves_a_gap) is a word of its own, apart from the text before it: it starts
    with a letter, a digit, an opening bracket or quotation mark or a currency sign, and what stands before it ends
    with a letter, a digit or punctuation that closes. Never inside a superscript or subscript (a footnote's number:
    `voted<sup><span class="sr-only">Footnote </span>1</sup>` is "voted¹"), before other punctuation or a symbol
    (`the report<span class="sr-only"> (opens in a new tab)</span>.`), nor after a hyphen or dash, a space or an
    opening mark (`state-of-the-<br class="hidden">art` is one word; session 52's review)."""
    first = text[:1]
    if in_script or not first or unicodedata.category(first) not in _WORD_START_CATEGORIES:
        return False
    last = next((part[-1] for part in reversed(current) if part), "")
    return bool(last) and (last in _SENTENCE_MARKS or unicodedata.category(last) in _WORD_END_CATEGORIES)


def check_nesting(markup: str) -> None:
    """Reject markup nested deeper than MAX_NESTING, or with a tag of more than MAX_ATTRIBUTES attributes, before the
    parser sees it.

    Lexbor's tree building slows down with the square of the nesting depth (10,000 unclosed <div>s take 0.3 s,
    40,000 take 15 s), so a small hostile or broken file could hold the ingest function for minutes. The count is
    approximate (tags that close themselves, like <p> and <li>, are not counted) and generous: real pages nest a
    few dozen levels.
    """
    for tag in _QUOTED_TAG.finditer(markup):
        if len(tag.group()) > _LONG_TAG_CHARS:
            names = sum(1 for found in _ATTRIBUTE_OR_VALUE.finditer(tag.group()) if not found.group(1))
            if names > MAX_ATTRIBUTES:
                raise RejectedUploadError(
                    f"the HTML has a tag with {names} attributes, more than {MAX_ATTRIBUTES}",
                    fix="check the page's markup: a tag holds a few attributes",
                )
    depth = 0
    for count, match in enumerate(_TAG.finditer(markup), start=1):
        if count > MAX_TAGS:
            # Each element costs the parser and the text walk memory: 1,200,000 <p>s took 659 MB (the function
            # has 512 MB) before the body was found too long. A long real page has a few thousand tags.
            raise RejectedUploadError(
                f"the HTML holds more than {MAX_TAGS} tags", fix="split the article, or upload its text as .txt"
            )
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _NOT_NESTING or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > MAX_NESTING:
            raise RejectedUploadError(
                f"the HTML nests elements more than {MAX_NESTING} levels deep",
                fix="check for tags that are opened but never closed",
            )


def parse_markup(markup: str, where: str | None) -> tuple[LexborHTMLParser, dict[str, RejectedUploadError]]:
    """The Lexbor tree of a page or fragment, and the stand-ins for references to no character in it
    (text.joined_references: the caller checks the text it keeps with refuse_stand_ins). Unreadable markup is a
    rejection, and so is a CDATA section whose text HTML drops (refuse_cdata), named as in `where` (`the body`);
    `where` None: the caller checks what it keeps (a page, its article's element)."""
    check_nesting(markup)
    markup, stand_ins = joined_references(markup)
    from selectolax.lexbor import LexborHTMLParser

    try:
        tree = LexborHTMLParser(markup)
    except Exception as exc:  # noqa: BLE001 - third-party C parser: whatever it raises, the markup is unreadable
        raise RejectedUploadError(
            f"the HTML could not be read ({type(exc).__name__})", fix="save the page again as HTML in UTF-8"
        ) from None
    if where is not None:
        refuse_cdata(markup, tree.root, where)
    _close_headings(tree)
    return tree, stand_ins


_HEADING_SELECTOR = "h1, h2, h3, h4, h5, h6"
MAX_HEADINGS_CLOSED = 1_000  # headings asked whether they swallowed the text after them: a page has a few dozen
# How deep in a heading's block a swallowed paragraph is looked for (`<div class="body"><div><p>`): a bounded search
# reads each element for a few headings at most, where a whole one read 900 nested headings' blocks in 2 s.
PARAGRAPH_DEPTH = 3


def _close_headings(tree: LexborHTMLParser) -> None:
    """Close each heading left open over the text after it, as its writer meant: from its first child that is a
    paragraph or a block holding one (within PARAGRAPH_DEPTH), after text of the heading's own, the rest of the
    heading is moved out to follow it. HTML's parser, as a browser, keeps `<h1>Title<p>First…<p>Second…</article>`
    inside the <h1> (a paragraph does not close a heading), so the whole story was the headline and the page was
    rejected as holding no text (session 54's attack report). A heading holds phrasing content only (the HTML
    standard), so a closed one holding a paragraph after its text is as rare as it is invalid;
    `<h1><div>Title</div></h1>` stays whole."""
    for heading in islice(tree.css(_HEADING_SELECTOR), MAX_HEADINGS_CLOSED):
        children = child_nodes(heading)
        at = next(
            (
                at
                for at, child in enumerate(children)
                if child.is_element_node and child.tag in BLOCK_TAGS and _holds_paragraph(child)
            ),
            None,
        )
        if at is None or not any(
            not child.is_comment_node and child.text(deep=True).strip() for child in children[:at]
        ):
            continue
        for swallowed in reversed(children[at:]):  # each right after the heading: the last one first
            heading.insert_after(swallowed, move=True)


def _holds_paragraph(block: LexborNode) -> bool:
    """Whether the block is a <p> or holds one within PARAGRAPH_DEPTH levels."""
    level = [block]
    for _ in range(PARAGRAPH_DEPTH + 1):
        if any(node.tag == "p" for node in level):
            return True
        level = [child for node in level for child in child_nodes(node) if child.is_element_node]
    return False


CDATA_OPENER = re.compile(r"<!\[cdata\[", re.IGNORECASE)
_CDATA_SECTION = re.compile(r"<!\[cdata\[.*?\]\]>", re.IGNORECASE | re.DOTALL)
_CDATA_COMMENT = re.compile(r"\[cdata\[(.*?)(?:\]\])?", re.IGNORECASE | re.DOTALL)


def refuse_cdata(markup: str, root: LexborNode | None, where: str, *, text_blocks: bool = False) -> None:
    """RejectedUploadError naming the first CDATA section (`<![CDATA[…]]>`, XML) under `root` that the HTML parser
    read as a comment, for every format that holds markup (an HTML page's article, a JSON body or summary, Markdown).
    A browser shows none of it (and, past a `>` inside it, the rest as text): an XHTML
    export's `<p><![CDATA[7 < 2]]></p>` lost its sentence without a word. The parser, Lexbor, decides as browsers
    do (the HTML standard), so what it reads as text is never refused: a CDATA section in a <script> or <style>
    (raw text), a comment or an attribute, and one written in capitals inside <svg> or <math> (foreign content,
    where HTML reads it as text; not inside an HTML element there, such as a <p> in a <foreignObject>). An empty
    one too: its markers are what the editor wrote (`Wrap it in <![CDATA[]]> markers` lost them; the session's
    review). A page is checked in its article's element only (a footer's ad may hold one: the session's review
    saw whole pages rejected for it). Python's tokenizer cannot decide this: the 3.11 one reports a section inside
    <svg> and <math> as one outside (it knows no foreign content), and later releases changed how they read one.
    `text_blocks` (a page): only a section in a paragraph, a list item, a heading, a quotation or a cell, no hidden
    or chrome element around it (_in_text_block): a share widget's, a <noscript>'s or a hidden block's is no text the
    page keeps, and the first form rejected such pages (the session's last review)."""
    if CDATA_OPENER.search(markup) is None:  # cheap: only then walk the tree's nodes
        return
    for node in root.traverse(include_text=True) if root is not None else ():
        if not node.is_comment_node:
            continue
        # HTML reads `<![CDATA[x]]>` outside foreign content as a bogus comment `[CDATA[x]]`, cut at its first `>`.
        section = _CDATA_COMMENT.fullmatch(node.comment_content or "")
        if section is None or (text_blocks and not _in_text_block(node, root)):
            continue
        start = "<!" + section.group(0) + (">" if section.group(0).endswith("]]") else "")
        quoted = start if len(start) <= 50 else start[:50] + "\u2026"
        raise RejectedUploadError(
            f"{where} holds a CDATA section ({quoted!r}), which is XML: HTML reads it as a comment, and its text "
            "would be lost",
            fix="remove <![CDATA[ and ]]> and upload what is inside them as HTML (a < or & that is text written "
            "&lt; or &amp;)",
        )


_TEXT_BLOCK_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt"})
_NO_TEXT_TAGS = frozenset({"noscript", "template", "aside", "nav", "header", "footer", "form", "button"})


def _in_text_block(node: LexborNode, root: LexborNode | None) -> bool:
    """Whether a node sits in a text block (_TEXT_BLOCK_TAGS) under root, with nothing hidden, chrome or no text
    (_NO_TEXT_TAGS) between."""
    block = False
    parent = node.parent
    while parent is not None and (root is None or parent.mem_id != root.mem_id):
        if parent.tag in _NO_TEXT_TAGS or is_hidden_or_chrome_by_markup(parent):
            return False
        block = block or parent.tag in _TEXT_BLOCK_TAGS
        parent = parent.parent
    return block


# An `&` before a name without its closing `;` (`?a=1&times=5`, `&copy2015`): HTML decodes its legacy names so, but
# a JSON body is a text its editor wrote, read as HTML only because it holds a tag; decoded, a pasted address changed
# (`&times=` became a multiplication sign) once a `<b>` stood anywhere in the body (session 21's review). Markdown's
# renderer already writes such an `&` as `&amp;`. A page keeps the browser's reading.
_UNCLOSED_NAME = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*(?![A-Za-z0-9;]))")


def fragment_paragraphs(markup: str, where: str) -> list[str]:
    """Paragraphs of an HTML fragment (rendered Markdown, an HTML body inside JSON), which reports name as in
    `where` (`the body`).

    The fragment is parsed inside <body>: at the start of a document the parser would put a leading <noscript> in
    the head and move its text to the body as if it were article text. A leading byte-order mark (an export pasted
    with its file's mark) is dropped, as decoding drops it from a page. RejectedUploadError for a comment or an
    element left open that hides the rest of the text (refuse_left_open), and for a CDATA section whose text HTML
    drops (refuse_cdata).
    """
    markup = _UNCLOSED_NAME.sub("&amp;", markup.lstrip("\ufeff"))
    refuse_left_open(markup)
    tree, stand_ins = parse_markup("<body>" + markup, where)
    paragraphs = element_paragraphs(tree.body, page=False) if tree.body is not None else []
    refuse_stand_ins(paragraphs, stand_ins)
    return paragraphs


# What hides every word after it until it is closed: a comment, a declaration (`<!x`, read as a comment to its `>`),
# and the elements whose content is no text of the page (raw text, a form control's, a template's).
_HIDING_ELEMENTS = frozenset(
    [
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
        "template",
        "select",
    ]
)
# A comment or declaration opened, or a start tag with its attributes (a quoted value whole: `href="x"><script>"` is
# no script; an unquoted one to its `>`, as browsers read `<a title=<!--x>`; session 48's new user's pages and its
# review). Its alternatives start with different characters and it never fails where it starts, so the scan is linear.
_OPENER = re.compile(r"""<!--|<!|<([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*""")
_COMMENT_END = re.compile(r"--!?>")
_DECLARATION_END = re.compile(">")
_START_TAG = re.compile(r"<[a-zA-Z]")
# A tag, as far as the next `<`: bounded so, each `<` with no `>` after it is read once (to its end, at every `<` of
# `1 &lt; 2 < 3 …`, a 520 KB page took 13 s: the third review).
_ANY_TAG = re.compile(r"<[^<>]*>")
_FOREIGN = re.compile(r"<(/?)(svg|math)(?=[\s/>])", re.IGNORECASE)


def refuse_left_open(markup: str, page: bool = False) -> None:
    """RejectedUploadError naming the first comment or element that HTML (a JSON body, rendered Markdown, an HTML
    page) opens and never closes: a browser, and the extractor that reads as one, shows nothing after it, and the
    upload was accepted without the rest of its text (session 22's review: `<!-- TODO: check figures` dropped every
    paragraph below it; session 48's new user, in an HTML page). Of a `page`, only one that hides text a browser
    would show (_hides_page_text): an `<iframe … />` left open before `</body>`, a comment after `</html>` or a
    script cut short at the end hide none (the session's review). Each construct found closed is
    skipped whole, and each tag with its attributes, so the scan is linear; inside <svg> and <math> a tag closed with
    `/>` is closed."""
    position = 0
    foreign: _ForeignContent | None = None
    skipped: list[tuple[int, int]] = []  # the comments and elements found closed, in order: no `</body` inside counts
    while (found := _OPENER.search(markup, position)) is not None:
        opened, name = found.group(0), (found.group(1) or "").lower()
        if found.group(1) is not None and name not in _HIDING_ELEMENTS:
            position = found.end()
            continue
        if opened == "<!--":
            if markup.startswith((">", "->"), found.end()):  # `<!-->` and `<!--->` are empty comments
                position = markup.index(">", found.end()) + 1
                continue
            end = _COMMENT_END.search(markup, found.end())
            closer = "-->"
        elif opened == "<!":
            end = _DECLARATION_END.search(markup, found.end())
            closer = ">"
        else:
            tag_end = markup.find(">", found.end())
            if tag_end > 0 and markup[tag_end - 1] == "/":
                foreign = foreign or _ForeignContent(markup)
                # Any tag in an <svg> closed after it (`<svg><script href="x"/></svg>`); a <title/> or <style/>
                # in one left open too, which a paragraph's end closes before any other (`<svg><rect/> icon.</p>`).
                if foreign.inside(found.start(), closed_after=name not in ("title", "style")):
                    position = tag_end + 1  # `<svg><title/>`, `<svg><script href="x"/>`: SVG closes a tag so
                    continue
            end = None if name == "plaintext" else re.compile(rf"</{name}(?=[\s/>])", re.I).search(markup, found.end())
            closer = f"</{name}>"
        if end is None:
            if page and not _hides_page_text(markup, found, name, _body_end(markup, skipped)):
                return
            start = markup[found.start() : found.start() + 40]
            raise RejectedUploadError(
                f"the text holds {start!r}, which opens {'a comment' if opened.startswith('<!') else f'<{name}>'} "
                f"never closed by {closer}: a browser shows nothing after it, and the rest of the text would be lost",
                fix=f"close it with {closer} where it should end, or remove it",
            )
        skipped.append((found.start(), end.end()))
        position = end.end()


def _body_end(markup: str, skipped: list[tuple[int, int]]) -> int:
    """Where the page's last `</body` is, outside the comments and elements `skipped` (a `</body>` written in a
    script or a comment ends no body: the second review), or -1."""
    lowered, starts = markup.lower(), [start for start, _ in skipped]
    at = len(markup)
    while (at := lowered.rfind("</body", 0, at)) >= 0:
        i = bisect_right(starts, at) - 1
        if i < 0 or skipped[i][1] <= at:
            return at
    return -1


def _hides_page_text(markup: str, found: re.Match[str], name: str, body_end: int) -> bool:
    """Whether what a page leaves open from `found` to its end hides text a browser would show: any start tag after
    it, or, but in a script or a style cut short (code), text outside tags, unless the opener is past the page's
    last `</body` (`</body></html><!-- served from cache`; the second review: text after a comment, with or without
    the real `</body>` inside it, was accepted and lost)."""
    if _START_TAG.search(markup, found.end()):
        return True
    if name in ("script", "style") or 0 <= body_end < found.start():
        return False
    after = markup.find(">", found.end()) + 1 if name else found.end()  # an element's text starts after its tag
    return bool(_ANY_TAG.sub("", markup[after:] if after else "").strip())


class _ForeignContent:
    """Where markup opens and closes <svg> and <math>, read once: whether a position is inside one of them (SVG and
    MathML close a tag with `/>`). Read at each tag, the markup before it made 200,000 `<title/>` in an <svg> take
    64 s (the session's review); bisected, 0.2 s."""

    def __init__(self, markup: str) -> None:
        self._tags: dict[str, tuple[list[int], list[int]]] = {"svg": ([], []), "math": ([], [])}
        for tag in _FOREIGN.finditer(markup):
            self._tags[tag.group(2).lower()][1 if tag.group(1) else 0].append(tag.start())

    def inside(self, at: int, closed_after: bool = False) -> bool:
        """Whether the last <svg> (or <math>) opened before `at` was opened after the last one closed, and, with
        `closed_after`, one is closed after `at`."""
        for opened, closed in self._tags.values():
            i, j = bisect_left(opened, at), bisect_left(closed, at)
            if i and opened[i - 1] > (closed[j - 1] if j else -1) and (j < len(closed) or not closed_after):
                return True
        return False


# Every element of the HTML Living Standard (and the obsolete ones CMS exports still write): a tag with one of these
# names is markup, `<Kerry>` or `<3` is text.
HTML_ELEMENTS = (
    BLOCK_TAGS
    | DROPPED_TAGS
    | CONTROL_TAGS
    | CELL_TAGS
    | MATHML_ELEMENTS
    | PHRASING_ELEMENTS
    | {"acronym", "blink", "col", "colgroup", "datalist", "legend", "map", "marquee", "meter", "nobr", "optgroup"}
    | {"option", "output", "param", "progress", "rb", "rp", "rt", "rtc", "ruby", "search", "slot", "source", "track"}
    | {"xmp", "plaintext", "listing", "area", "base", "basefont", "bgsound", "dir", "image", "keygen", "menuitem"}
    | {"applet", "isindex", "multicol", "nextid", "spacer", "frame"}
)


def _names_pattern(names: frozenset[str] | set[str]) -> str:
    """A regular expression matching exactly `names`, written as a tree of their shared prefixes (`b(?:r|ody)?`).
    Python's `re` tries each branch of an alternation in turn: as a flat list of the ~200 element names, NOT_A_TAG
    cost 1.4 µs a `<`, 2.3 s over a 4.9 MB body of `<b>`; as a tree, 0.13 µs."""
    children: dict[str, set[str]] = {}
    for name in names:
        if name:
            children.setdefault(name[0], set()).add(name[1:])
    branches = [re.escape(first) + _names_pattern(rests) for first, rests in sorted(children.items())]
    if "" in names:  # a name ends here, and others go on: `b(?:r|ody)?`
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


_ELEMENT_NAMES = _names_pattern(HTML_ELEMENTS)
# A `<` that opens no HTML element's tag, comment or doctype: in text that holds markup (a JSON body, Markdown) it
# is text, where HTML would drop `vector<int>`, `<editor@somanet.example>` or `<Kerry>` as unknown tags. A tag ends
# at its `>` before any other `<` (quoted attribute values aside): in "a<b and <b>c</b>" the first `<` opens no tag,
# where HTML read `<b and <b>` as one and dropped "c". (A `<` right after a letter may open one: H<sub>2</sub>O.)
# `<![` opens a marked section only with a keyword Python's tokenizer knows: CDATA (refused where HTML drops its
# text: refuse_cdata) and Word's conditional comments (`<![if !supportLists]>`, `<![endif]>`, dropped as a browser
# drops them); any other `<![` is text (the tokenizer failed on it, and a browser would drop what follows as a
# comment).
# The attributes HTML elements are written with (the Living Standard's index, and the obsolete ones CMS exports and
# old pages still write). A bare word that is none of these is no attribute: see _BARE_WORDS_TAG.
HTML_ATTRIBUTES = frozenset(
    {"abbr", "accept", "accept-charset", "accesskey", "action", "align", "alink", "allow", "allowfullscreen"}
    | {"allowtransparency", "alt", "archive", "async", "autocapitalize", "autocomplete", "autocorrect", "autofocus"}
    | {"autoplay", "axis", "background", "bgcolor", "blocking", "border", "bordercolor", "bottommargin"}
    | {"cellpadding", "cellspacing", "char", "charoff", "charset", "checked", "cite", "class", "classid", "clear"}
    | {"code", "codebase", "codetype", "color", "cols", "colspan", "command", "commandfor", "compact", "content"}
    | {"contenteditable", "controls", "coords", "credentialless", "crossorigin", "data", "datetime", "declare"}
    | {"decoding", "default", "defer", "dir", "dirname", "disabled", "disablepictureinpicture"}
    | {"disableremoteplayback", "download", "draggable", "enctype", "enterkeyhint", "event", "face", "fetchpriority"}
    | {"for", "form", "formaction", "formenctype", "formmethod", "formnovalidate", "formtarget", "frame"}
    | {"frameborder", "headers", "height", "hidden", "high", "href", "hreflang", "hspace", "http-equiv", "icon", "id"}
    | {"inert", "inputmode", "integrity", "is", "ismap", "itemid", "itemprop", "itemref", "itemscope", "itemtype"}
    | {"kind", "label", "lang", "language", "leftmargin", "link", "list", "loading", "longdesc", "loop", "low"}
    | {"lowsrc", "manifest", "marginheight", "marginwidth", "max", "maxlength", "media", "method", "min", "minlength"}
    | {"mozallowfullscreen", "multiple", "muted", "name", "nohref", "nomodule", "nonce", "noresize", "noshade"}
    | {"novalidate", "nowrap", "object", "open", "optimum", "pattern", "ping", "placeholder", "playsinline"}
    | {"popover", "popovertarget", "popovertargetaction", "poster", "preload", "profile", "readonly"}
    | {"referrerpolicy", "rel", "required", "rev", "reversed", "rightmargin", "role", "rows", "rowspan", "rules"}
    | {"sandbox", "scope", "scoped", "scrolling", "seamless", "selected", "shadowrootclonable"}
    | {"shadowrootdelegatesfocus", "shadowrootmode", "shadowrootserializable", "shape", "size", "sizes", "slot"}
    | {"span", "spellcheck", "src", "srcdoc", "srclang", "srcset", "standby", "start", "step", "style", "summary"}
    | {"tabindex", "target", "text", "title", "topmargin", "translate", "truespeed", "type", "typemustmatch"}
    | {"usemap", "valign", "value", "valuetype", "version", "vlink", "vspace", "webkitallowfullscreen", "width"}
    | {"wrap", "writingsuggestions", "xmlns"}
)
# A "tag" of an HTML element's name followed by bare words only, one of them (letters and digits) no attribute:
# `a<b and c>d`, `n<p and q>r`, `S&P<i and j>k` are comparisons, where HTML would drop `<b and c>` and the words
# with it (session 51). A bare attribute (`<td nowrap>`, `<video controls muted>`), a value (`alt=The chamber`) or a
# framework's name (`v-cloak`, `:class`, `@click`, `#ref`) keeps it a tag.
_SPACE = r"[ \t\r\n\f]"
_BARE_WORDS_TAG = (
    rf"""(?:{_ELEMENT_NAMES})(?=(?:{_SPACE}++[^\s"'<>/=]++)++{_SPACE}*+/?>)"""
    rf"""(?=[^>]*?{_SPACE}(?!(?:{_names_pattern(HTML_ATTRIBUTES)})[\s/>])[a-z0-9]++[\s/>])"""
)
NOT_A_TAG = re.compile(
    rf"""<(?:(?={_BARE_WORDS_TAG})|(?!/?(?:{_ELEMENT_NAMES})(?![\w:@.-])(?:[^<>"']|"[^"<]*"|'[^'<]*')*>"""
    r"""|!(?!\[(?!(?:cdata|temp|ignore|include|rcdata|if|else|endif)\b))))""",
    re.IGNORECASE,
)


# Elements that are never closed, so "opened and closed" cannot tell their markup from a mention of them.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
    | {"basefont", "bgsound", "frame", "image", "isindex", "keygen", "nextid", "spacer"}
)
# Two line breaks in a row: how a CMS writes a paragraph break, never how prose mentions the tag.
_BREAKS = re.compile(r"<br[ \t\r\n\f]*+/?>[ \t\r\n\f]*+<br[ \t\r\n\f]*+/?>", re.IGNORECASE)
_VOID_LINE = re.compile(
    rf"(?:^|\n)[ \t\r]*+(?:<(?:{_names_pattern(VOID_ELEMENTS)})[ \t\r\n\f]*+/?>[ \t\r]*+)++(?:\n|$)", re.IGNORECASE
)
_LINE_COMMENT = re.compile(r"(?:^|\n)[ \t\r]*+<!--")
_LINE_END = re.compile(r"[ \t\r]*+(?:\n|$)")
# WordPress's caption shortcode, around an image and its caption (`[caption id="…" width="300"]<img …/> The council
# chamber[/caption]`): its brackets are no text, the caption is. WordPress before 3.4 wrote the caption in the
# shortcode's `caption="…"` attribute instead, which is kept as the caption's text then. Each opener is read to the
# next opener or closer, so the scan is linear.
CAPTION_OPENER = re.compile(r"""\[caption(?=[\s\]])((?:[^\]"']|"[^"]*+"|'[^']*+')*+)\]""")
CAPTION_CLOSER = re.compile(r"\[/caption\]")
_CAPTION_SHORTCODE = re.compile(
    rf"{CAPTION_OPENER.pattern}((?:(?!\[/?caption[\s\]]).)*+){CAPTION_CLOSER.pattern}", re.DOTALL
)
_CAPTION_ATTRIBUTE = re.compile(r"""\bcaption=(?:"([^"]*)"|'([^']*)')""")
# WordPress's media shortcodes (session 51), which show an image gallery, a player or an embed and no text: a
# `[gallery]` or `[playlist]` (bare or with attributes), a `[video]` or `[audio]` with attributes (a bare `[Video]`
# labels a story), optionally closed, and an `[embed]` around the URL it embeds (what the player loads, not words a
# reader sees). Other bracketed text (`[sic]`, `[1]`, `[Updated]`) is text.
_SHORTCODE_ATTRIBUTES = r"""(?:[ \t]++[\w-]++=(?:"[^"\n]*+"|'[^'\n]*+'|[^\s\]"']++))"""
_SHORTCODE_URL = r"""[ \t]*+(?:https?://[^\s\[\]<>"]*+)?[ \t]*+"""
WORDPRESS_MEDIA = re.compile(
    rf"\[(?:(?:gallery|playlist){_SHORTCODE_ATTRIBUTES}*+[ \t]*+\]"
    rf"|(video|audio){_SHORTCODE_ATTRIBUTES}++[ \t]*+\](?:{_SHORTCODE_URL}\[/\1\])?"
    rf"|embed{_SHORTCODE_ATTRIBUTES}*+[ \t]*+\]{_SHORTCODE_URL}\[/embed\])"
)


class _MarkupProbe(HTMLParser):
    """Tokenises a text field with the standard library's HTML tokenizer, noting what makes it markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.leading_markup: bool | None = None  # None until the first non-blank token
        self.opened: set[str] = set()
        self.closed_element = False
        self.void_markup = False  # a void element's tag, or a self-closed one, with attributes (`<img src=… />`)

    def _first(self, is_markup: bool) -> None:
        if self.leading_markup is None:
            self.leading_markup = is_markup

    def handle_data(self, data: str) -> None:
        if data.strip(" \t\n\r\f\ufeff\u200b"):  # a byte-order mark or zero-width space before <p> is not text
            self._first(False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._first(tag in HTML_ELEMENTS)
        self.opened.add(tag)
        self.void_markup = self.void_markup or (tag in VOID_ELEMENTS and bool(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._first(tag in HTML_ELEMENTS)
        self.void_markup = self.void_markup or (tag in HTML_ELEMENTS and bool(attrs))

    def handle_endtag(self, tag: str) -> None:
        self._first(tag in HTML_ELEMENTS)
        self.closed_element = self.closed_element or (tag in HTML_ELEMENTS and tag in self.opened)

    def handle_comment(self, data: str) -> None:
        self._first(True)

    def handle_decl(self, decl: str) -> None:
        self._first(True)

    def unknown_decl(self, data: str) -> None:
        self._first(True)


def as_markup(text: str, field: str) -> str | None:
    """A text field (a JSON body or summary) as the markup to read, when it holds HTML rather than text that mentions a
    tag; None when it is text. In the markup, each `<` that opens no HTML element's tag (NOT_A_TAG: `<p-value`, `<3`,
    `<Kerry>`) is written `&lt;`: it is text there, for the extractor too.

    The field holds HTML when it starts with a tag of an HTML element, a comment or a doctype (after spaces, a
    byte-order mark or a zero-width space), or when anywhere in it an HTML element is opened and closed
    (`…<p>x <script>…</script></p>`), or when it holds markup no sentence mentioning a tag writes (a comment filling
    its line, `<img src=…>`, `<br><br>`: below). `Use the <p> tag.` opens an element it never closes, after text: it
    is kept as written (docs/ingestion-formats.md, JSON). In markup, WordPress's caption shortcodes show their
    caption only, and its media shortcodes (`[gallery]`, `[embed]…[/embed]`: WORDPRESS_MEDIA) nothing.
    A closed CDATA section (`<![CDATA[…]]>`) anywhere makes it markup too, so that the rule every format reads
    decides on it (refuse_cdata: HTML reads it as a comment, unless in <svg> or <math>). RejectedUploadError for more
    than MAX_TAGS tags and comments, markup or not (below).
    """
    # The probe reads the field as the extractor will: a `<` that opens no HTML element's tag is text. Read raw,
    # `The <p-value was 0.03 and the <em>effect</em>` was one unknown tag swallowing `<em>` as an attribute, and the
    # field's markup was kept as written.
    markup = NOT_A_TAG.sub("&lt;", text)
    # Each `<` left opens a tag, a comment or a declaration, about 2 µs of the tokenizer's below and more of the
    # extractor's: a 4.9 MB body of `<b>` took 9.1 s to be rejected for its nesting, 540,000 `a<b>c</b>` 6.1 s and an
    # ordinary 5 MB body of `<p>`s 1.1 s for their tag count (check_nesting, which bounds an HTML page's tags so).
    # Counted here first, 0.24 s, 0.17 s and 0.08 s. A text holding as many tags (`<br>` written 100,000 times after a
    # word) is no article either.
    if (tags := markup.count("<")) > MAX_TAGS:
        raise RejectedUploadError(
            f"the {field} holds {tags} HTML tags and comments, more than {MAX_TAGS}",
            fix="split the article, or upload its text without markup",
        )
    if not tags:
        return None
    probe = _MarkupProbe()
    # The probe reads tokens, and only whether text precedes the first: `&lt;` is text to it, as a letter is, but one
    # it decodes (1.2 million `x<y` took it 0.5 s).
    probe.feed(markup.replace("&lt;", "x"))
    probe.close()
    # A section closed (an opener alone is text that mentions one, kept as written: the session's review).
    cdata = _CDATA_SECTION.search(markup) is not None
    # Markup no prose that mentions a tag writes (session 51: WordPress-classic exports, whose markup is inline and
    # void: `<!--more-->`, `<img src="chamber.jpg" … />`, `<hr />`, `<br><br>` between sentences, were kept as text):
    # a comment or void elements' tags that fill their lines, a void element's tag (or a self-closed one) with
    # attributes, two breaks in a row. `Use the <br /> tag`, `the <hr> element` and `comments start with <!--. They
    # end with -->.` still mention them (the last was cut to `comments start with .` by a first, wider rule).
    written = probe.void_markup or _BREAKS.search(markup) is not None or _VOID_LINE.search(markup) is not None
    written = written or _comment_line(markup)
    if not (probe.leading_markup or probe.closed_element or cdata or written):
        return None
    return WORDPRESS_MEDIA.sub("", _CAPTION_SHORTCODE.sub(_caption_text, markup))


def _comment_line(markup: str) -> bool:
    """Whether a comment closed fills the lines it is on (`<!--more-->`, `<!-- wp:paragraph -->`), as a CMS writes
    one: `HTML comments start with <!--. They end with -->.` mentions its markers in a sentence. A comment runs to the
    first `-->` after it, as in HTML, so each opener is read once."""
    at = 0
    while (found := _LINE_COMMENT.search(markup, at)) is not None:
        end = markup.find("-->", found.end())
        if end < 0:
            return False
        after = _LINE_END.match(markup, end + 3)
        if after is not None:
            return True
        at = end + 3
    return False


def _without_shortcodes(text: str, imaged: bool) -> str:
    """A paragraph of a page without WordPress's shortcodes, as as_markup reads them in a JSON body: a caption's shows
    its caption, and a paragraph of media ones (WORDPRESS_MEDIA) alone is none (session 53: `[caption id=…]…
    [/caption]` and `[gallery ids="1,2,3"]` stayed in an HTML page's body). In a sentence, `[gallery]` is a mention
    of the shortcode, kept as written. A paragraph of the shortcodes alone holding an image (`imaged`) is none either
    (session 54): WordPress shows such a caption shortcode as a figure of its image, whose caption stays out as a
    <figcaption> beside its image does; beside the story's words, or with no image, its caption stays."""
    if "[" not in text:
        return text
    if imaged and not WORDPRESS_MEDIA.sub("", _CAPTION_SHORTCODE.sub("", text)).strip():
        return ""
    text = _CAPTION_SHORTCODE.sub(_caption_text, text)
    return "" if not WORDPRESS_MEDIA.sub("", text).strip() else text


def _caption_text(shortcode: re.Match[str]) -> str:
    """What a caption shortcode shows: its content, and the caption an old one gives in its attribute."""
    attribute = _CAPTION_ATTRIBUTE.search(shortcode.group(1))
    caption = next((value for value in attribute.groups() if value is not None), "") if attribute else ""
    return shortcode.group(2) + (f" {caption}" if caption else "")
