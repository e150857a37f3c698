"""Pages saved in place of the article: an HTTP error page, a bot check, a log-in or consent prompt, a notice that
the article was removed. Scrapers' bug reports are full of them (trafilatura's and newspaper3k's "Just a moment...",
"Access Denied"); published, they became articles titled "Page not found" (session 53's attack report).

Such a page is known by its title, whole (a `| Site` segment aside), by being short, and by naming no author and no
date: an article ABOUT a 404 page or Cloudflare has a headline of its own, and a brief titled "Access denied" a
byline or a date.
"""

from __future__ import annotations

import re

from archive_search.errors import RejectedUploadError

# A page of at most this much body text can be a saved error page (they hold a line or two: Cloudflare's check is
# about 200 characters, a log-in form's labels a few hundred); a story is longer.
ERROR_PAGE_MAX_CHARS = 1_000
# Separators of a title's site segment ("Page not found | SomaNet", "Attention Required! | Cloudflare").
_SEGMENTS = re.compile(r"\s+[|\u2013\u2014\u00b7\u00bb-]\s+|\s+::\s+")
_STATUS = (
    r"not found|page not found|file not found|forbidden|access denied|unauthori[sz]ed|gone|bad request"
    r"|internal server error|bad gateway|service (?:temporarily )?unavailable|gateway time-?out|error"
)
_SAVE_AGAIN = (
    "open the article in a browser, wait until it shows (after any check, log-in or cookie prompt) and save that page "
    "again"
)
# What a web server's own error page says beside its status: a title of its status alone ("Access Denied", "Not
# Found", "Forbidden", "500") is a story's headline as well ("Access denied" over a court report), and is an error
# page's only with these words in its text (Apache's "The requested URL was not found on this server", Akamai's
# "Reference #18.2f3c…", nginx's signature line).
_SERVER_WORDS = re.compile(
    r"\b(?:on this server|requested url|permission to access|reference #|ray id|error code|nginx|apache|akamai"
    r"|cloudflare|varnish|iis|page you (?:are|were) looking for|requested page)\b",
    re.IGNORECASE,
)
# Each kind of page by its whole title (or a segment of it), lower-cased, without a final `!` or `?` (a final full
# stop is allowed by _matches): what the editor is told it is, the words its text must hold besides (if any), and
# what to do.
_KINDS = (
    (
        "an error page",
        re.compile(
            rf"(?:http )?(?:error )?[45]\d\d\s*[:-]?\s*(?:{_STATUS})|(?:http )?error [45]\d\d"
            r"|(?:oops!? |sorry,? )?(?:the |this |that )?(?:page|file|article|story|content) (?:was )?not found"
            r"|(?:oops!? |sorry,? )?(?:the |this |that )?page (?:can(?:no|')t|could not|cannot) be found"
            r"|nothing found|wayback machine"
        ),
        None,
        _SAVE_AGAIN,
    ),
    (
        "an error page",
        re.compile(
            r"[45]\d\d|not found|access denied|forbidden|unauthori[sz]ed|internal server error|bad gateway"
            r"|service (?:temporarily )?unavailable|gateway time-?out"
        ),
        _SERVER_WORDS,
        _SAVE_AGAIN,
    ),
    (
        "a bot check",
        re.compile(
            r"just a moment(?:\.\.\.|\u2026)|attention required|checking your browser(?: before accessing.*)?"
            r"|ddos-guard|are you a (?:robot|human)|robot check|captcha|human verification"
            r"|verify(?:ing)? (?:that )?you are (?:a )?human|pardon our interruption"
        ),
        None,
        _SAVE_AGAIN,
    ),
    (
        "a log-in page",
        re.compile(r"log ?in|sign ?in|subscriber log ?in|log in or sign up|sign in or register"),
        None,
        _SAVE_AGAIN,
    ),
    (
        "a cookie consent prompt",
        re.compile(r"before you continue(?: to \w+)?|we value your privacy|cookie consent"),
        None,
        _SAVE_AGAIN,
    ),
    (
        "a notice that the article was removed",
        re.compile(
            r"(?:this )?(?:article|page|story|content|post) (?:has been |was )?(?:removed|deleted|unavailable)"
            r"|(?:this )?content is no longer available"
        ),
        None,
        "the site no longer shows the article: upload it from another copy (the archive's export, a saved copy from "
        "before it was removed)",
    ),
)


def refuse_error_page(titles: tuple[str, ...], text: str, *, signed_or_dated: bool) -> None:
    """RejectedUploadError when a page is a saved error, bot-check, log-in, consent or removal page: one of its
    `titles` (the headline found, the `<title>`) is such a page's (_KINDS), whole or in a segment between
    separators, its body `text` holds at most ERROR_PAGE_MAX_CHARS characters (and the words that kind needs), and it
    names no author and no date (not `signed_or_dated`)."""
    if len(text) > ERROR_PAGE_MAX_CHARS or signed_or_dated:
        return
    for title in titles:
        for segment in (title, *_SEGMENTS.split(title)):
            words = " ".join(segment.casefold().replace("\u2019", "'").split()).rstrip(" !?")
            found = next(
                (
                    (kind, fix)
                    for kind, names, needs, fix in _KINDS
                    if _matches(names, words) and (needs is None or needs.search(text) is not None)
                ),
                None,
            )
            if found is not None:
                raise RejectedUploadError(
                    f"the page is {found[0]}, saved in place of the article (its title is \u201c{title}\u201d): it "
                    "holds no story",
                    fix=found[1],
                )


def _matches(names: re.Pattern[str], words: str) -> bool:
    return names.fullmatch(words) is not None or names.fullmatch(words.removesuffix(".")) is not None
