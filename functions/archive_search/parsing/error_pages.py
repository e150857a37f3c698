"""Pages saved in place of the article: an HTTP error page, a bot check, a log-in or consent prompt, a notice that
the article was removed. Scrapers' bug reports are full of them (trafilatura's and newspaper3k's "Just a moment...",
"Access Denied"); published, they became articles titled "Page not found" (session 53's attack report).

Such a page is known by its `<title>` (whole, or beside a `| Site` segment) or its headline (whole) AND by its
text: short, every sentence of it one of that page's own phrases ("the page you are looking for", "we use
cookies", "log in to continue"), and naming no author and no date. A title alone is a headline as well: "Captcha",
"Access Denied", "Nothing found" and "Sign in" head real briefs, whose sentences are a story's (session 53's review:
the title alone rejected 21 of 22 unsigned briefs).
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from archive_search.errors import RejectedUploadError

# A page of at most this much body text can be a saved error page (they hold a line or two: Cloudflare's check is
# about 200 characters, a log-in form's labels a few hundred); a story is longer.
ERROR_PAGE_MAX_CHARS = 1_000
# Separators of a `<title>`'s site segment ("Page not found | SomaNet", "Attention Required! | Cloudflare").
_SEGMENTS = re.compile(r"\s+[|\u2013\u2014\u00b7\u00bb-]\s+|\s+::\s+")
# A site's name as a `<title>` segment: a few capitalised words or a domain ("SomaNet", "The Daily Planet",
# "somanet.org"), not a headline's rest ("paper apologises to minister", "why the web keeps asking").
_SITE_NAME = re.compile(r"(?:[A-Z0-9][^\s]*|\S+\.[a-z]{2,}|of|the|and|&)(?:\s+(?:[A-Z0-9][^\s]*|of|the|and|&)){0,4}")
# A line of such a page that is no sentence: a label, a button, a server's signature ("Ray ID: 7d1a…", "403
# Forbidden nginx", "Performance & security by Cloudflare"). A brief's sentences end with a stop.
_LABEL_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*$")
_STATUS = (
    r"not found|page not found|file not found|forbidden|access denied|unauthori[sz]ed|gone|bad request"
    r"|internal server error|bad gateway|service (?:temporarily )?unavailable|gateway time-?out|error"
)
_SAVE_AGAIN = (
    "open the article in a browser, wait until it shows (after any check, log-in or cookie prompt) and save that page "
    "again"
)
# A web server's signature, on a label line of its own (nginx's `<center>nginx</center>`): in a sentence these are
# a story's words ("the Apache County courthouse", "Apache helicopters").
_SERVER_SIGNATURE = re.compile(r"\b(?:nginx|apache|openresty|akamai|cloudflare|varnish|microsoft-iis|lighttpd)\b", re.I)
# An error status title with its code ("404 Not Found", "Error 503", "HTTP 500 - Internal Server Error").
_CODED = re.compile(rf"(?:http )?(?:error )?[45]\d\d\s*[:-]?\s*(?:{_STATUS})|(?:http )?error [45]\d\d")
# The titles a legacy text, Markdown or JSON upload must have to be asked at all (refuse_error_page's
# `status_title_only`): a status with its code, "Page not found", a bot check's, a search's that found nothing.
# Their briefs have no <title> to tell them apart, and "Access denied", "Not found", "Service unavailable" or
# "Search for killer goes on" head real ones (session 55's review N, R2).
_STATUS_TITLES = re.compile(
    rf"{_CODED.pattern}|(?:oops!? |sorry,? )?(?:the |this )?(?:page|file) (?:was )?(?:not found|(?:can(?:no|')t"
    r"|could not|cannot) be found)|just a moment(?:\.\.\.|\u2026)|attention required|search results|no results found"
)


class _Kind(NamedTuple):
    """A kind of page: what the editor is told it is (`kind`), its `titles` (lower-cased, without a final `!` or `?`;
    a final full stop is allowed by _title_words), the `phrases` its own text says (a story's sentences say none of
    them: each is the page speaking to its reader), and what to do (`fix`)."""

    kind: str
    titles: re.Pattern[str]
    phrases: re.Pattern[str]
    fix: str


_KINDS = (
    _Kind(
        "an error page",
        re.compile(
            rf"(?:http )?(?:error )?[45]\d\d\s*[:-]?\s*(?:{_STATUS})|(?:http )?error [45]\d\d|[45]\d\d"
            r"|(?:oops!? |sorry,? )?(?:the |this |that )?(?:page|file|article|story|content) (?:was )?not found"
            r"|(?:oops!? |sorry,? )?(?:the |this |that )?page (?:can(?:no|')t|could not|cannot) be found"
            r"|nothing found|wayback machine|not found|access denied|forbidden|unauthori[sz]ed|internal server error"
            r"|bad gateway|service (?:temporarily )?unavailable|gateway time-?out"
            r"|(?:error: )?the request could not be satisfied"  # CloudFront's
            r"|error (?:code )?1\d\d\d"  # Cloudflare's own codes ("Error 1020": access denied by a firewall rule)
        ),
        re.compile(
            r"page you(?:'re| are| were) looking for|(?:could not|couldn't|cannot|can't|can not) be found"
            r"|request could not be satisfied|^request blocked\.?$"
            r"|on this server|requested url|(?:don't|do not) have permission to access|reference #|ray id"
            r"|not archived that url|try searching|check the (?:url|address|spelling)"
            # WordPress's "Nothing Found" (its theme's own words)
            r"|(?:can't|cannot|could not|couldn't) find what you(?:'re| are) looking for"
            r"|perhaps searching (?:can|will) help|nothing matched your search"
            # Cloudflare's block page ("Error 1020", session 56's second review: it was archived as an article), each
            # a paragraph whole: a story may say them in passing
            r"|^(?:what happened\??|this website is using a security service to protect itself from online attacks\.?"
            r"|the site owner may have set restrictions that prevent you from accessing the site\.?)$",
            re.IGNORECASE,
        ),
        _SAVE_AGAIN,
    ),
    _Kind(
        # A 5xx page's words (Apache's 500, a 503's) are an outage story's too ("asked the public to try again
        # later"): only under a title with the status code (session 55's review N, R2).
        "an error page",
        _CODED,
        re.compile(
            r"encountered an internal error|unable to (?:complete|service|handle) (?:your|the|this) request"
            r"|try again later",
            re.IGNORECASE,
        ),
        _SAVE_AGAIN,
    ),
    _Kind(
        "a bot check",
        re.compile(
            r"just a moment(?:\.\.\.|\u2026)|attention required|checking your browser(?: before accessing.*)?"
            r"|ddos-guard|are you a (?:robot|human)|robot check|captcha|human verification"
            r"|verify(?:ing)? (?:that )?you are (?:a )?human|pardon our interruption"
        ),
        re.compile(
            r"(?:you are|you're) not a robot|(?:you are|you're) (?:a )?human|security of your connection"
            r"|connection is secure|checking your browser|ray id|enable (?:javascript|cookies)"
            r"|press (?:&|and) hold|unusual traffic|automated (?:queries|requests|access)|why did this happen"
            r"|complete the (?:security )?check|completing the (?:security )?check",
            re.IGNORECASE,
        ),
        _SAVE_AGAIN,
    ),
    _Kind(
        "a search page that found nothing",
        # Only these bare titles: "Search for killer goes on", "No results in recount" head stories (review N, R2).
        re.compile(r"search results|no results found"),
        re.compile(
            r"no (?:results|matches|articles|stories|posts) (?:were |was )?found|(?:did not|didn't) match any"
            r"|try (?:different|other) (?:keywords|search terms|words)|nothing matched your search",
            re.IGNORECASE,
        ),
        "upload the article from its own page: a search page lists other pages, and this one none",
    ),
    _Kind(
        "a log-in page",
        re.compile(r"log ?in|sign ?in|subscriber log ?in|log in or sign up|sign in or register"),
        re.compile(
            r"(?:log|sign) ?in to (?:continue|keep reading|read|your account)|forgot(?:ten)? your password"
            r"|(?:create|don't have) an account|remember me|keep me (?:logged|signed) in",
            re.IGNORECASE,
        ),
        _SAVE_AGAIN,
    ),
    _Kind(
        "a cookie consent prompt",
        re.compile(r"before you continue(?: to \w+)?|we value your privacy|cookie consent"),
        re.compile(
            r"we use cookies|(?:we|our partners) (?:and our partners )?(?:store|use) (?:and/or access )?"
            r"(?:cookies|information on a device)|accept all|reject all|manage (?:cookies|preferences|options)"
            r"|cookie (?:settings|preferences)|personali[sz]ed ads",
            re.IGNORECASE,
        ),
        _SAVE_AGAIN,
    ),
    _Kind(
        "a notice that the article was removed",
        re.compile(
            r"(?:this )?(?:article|page|story|content|post) (?:has been |was )?(?:removed|deleted|unavailable)"
            r"|(?:this )?content is no longer available"
        ),
        re.compile(
            r"^(?:this|the) (?:article|page|story|content|post|video) (?:has been|was|is) (?:removed|deleted"
            r"|taken down|no longer available)|^(?:this|the) (?:article|page|story|content|post|video) is no longer "
            r"available",
            re.IGNORECASE,
        ),
        "the site no longer shows the article: upload it from another copy (the archive's export, a saved copy from "
        "before it was removed)",
    ),
)

# What only a web server's error page says of itself, for a title a brief has too (refuse_error_page): Apache's, IIS's
# (6 and 7 on: 401/403's "view this directory or page", 404's "has been removed, had its name changed") and Akamai's
# sentences, each line of the page one or more of them whole. A story's sentence is no such line, its
# own ("Customers do not have permission to access files", "could not be found, police said": session 55's briefs)
# or quoting one ("“You don't have permission to access this resource,” read the message…", "The page you are
# looking for, the minister said, is…", "The inquiry report, reference # 4471, says…": session 56's review I).
_SERVERS_SENTENCE = (
    r"you (?:don't|do not) have permission to access (?:this (?:resource|page|directory)|\"?(?:/|https?://)\S*)"
    r"(?: on this server)?"
    r"|(?:the )?requested url(?: \"?(?:/|https?://)\S*)? was not found on this server"
    r"|you (?:don't|do not) have permission to view this directory or page(?: using the credentials that you"
    r" supplied)?"
    r"|(?:sorry,? |oops!? )?the (?:page|resource|file) you(?:'re| are| were) looking for (?:(?:might have|has) been"
    r" removed(?:, had its name changed,? or is temporarily unavailable)?|(?:could not|couldn't|cannot|can't)"
    r" be found|(?:does not|doesn't) exist|is no longer available|was not found)"
    r"|\(?additionally, a [45]\d\d [a-z ]+ error was encountered while trying to use an errordocument to handle the"
    r" request\.?\)?"
    r"|reference #\s*\d[\w.]*"
    # Cloudflare's block page as text (its "Error code 1020", "Ray ID: …" lines are labels)
    r"|you (?:don't|do not) have access to \S+"
    r"|the site owner may have set restrictions that prevent you from accessing the site"
    r"|this website is using a security service to protect itself from online attacks"
)
_SERVERS_WORDS = re.compile(rf"^(?:(?:{_SERVERS_SENTENCE})[.!]?\s*)+$", re.IGNORECASE)


def refuse_error_page(
    headline: str, page_title: str, paragraphs: list[str], *, signed_or_dated: bool, status_title_only: bool = False
) -> None:
    """RejectedUploadError when a page is a saved error, bot-check, log-in, consent or removal page: its `headline`
    (whole) or its `<title>` (whole, or a segment beside segments naming the site: _SITE_NAME) is such a page's
    (_KINDS), its body `paragraphs` hold at most ERROR_PAGE_MAX_CHARS characters and are that page's own
    (_is_pages_text), and it names no author and no date (not `signed_or_dated`). With `status_title_only` (an upload
    with no <title>), a headline that is an error status title (_STATUS_TITLES) is asked of every kind, and another
    error page's title (`Access Denied`) only whether each line of its text is wholly a server's own sentences or a
    label (_SERVERS_WORDS)."""
    if sum(map(len, paragraphs)) > ERROR_PAGE_MAX_CHARS or signed_or_dated:
        return
    # Another error title than a status one ("Access Denied", "Forbidden", "Not Found") heads real briefs: such a page
    # is asked only whether its text is a server's own sentences (a server's name or a status alone is a brief's too).
    # Until session 56 it was not asked, and `Access Denied` / `You don't have permission…` was archived.
    strict = status_title_only and not any(map(_STATUS_TITLES.fullmatch, _title_words(headline, whole=True)))
    if strict and not paragraphs:
        return
    kinds = (_KINDS[0]._replace(phrases=_SERVERS_WORDS),) if strict else _KINDS
    paragraphs = [paragraph.replace("\u2019", "'") for paragraph in paragraphs]
    if strict:  # each line of the page whole (Akamai's reference under its sentence)
        paragraphs = [line.strip() for paragraph in paragraphs for line in paragraph.splitlines() if line.strip()]
    for title, whole in ((headline, True), (page_title, False)):
        for kind, names, phrases, fix in kinds:
            if any(map(names.fullmatch, _title_words(title, whole=whole))) and _is_pages_text(
                paragraphs, phrases, server=kind == "an error page" and not strict
            ):
                raise RejectedUploadError(
                    f"the page is {kind}, saved in place of the article (its title is \u201c{title}\u201d): it holds "
                    "no story",
                    fix=fix,
                )


def _title_words(title: str, *, whole: bool) -> list[str]:
    """The title's forms to match against a kind's titles: lower-cased, without a final `!`, `?` or full stop; for a
    `<title>` (not `whole`) also each segment whose other segments all name the site."""
    segments = [title]
    parts = _SEGMENTS.split(title)
    if not whole and len(parts) > 1:
        names = [_SITE_NAME.fullmatch(part.strip()) is not None for part in parts]
        segments += [part for i, part in enumerate(parts) if all(names[:i] + names[i + 1 :])]
    found = []
    for segment in segments:
        words = " ".join(segment.casefold().replace("\u2019", "'").split()).rstrip(" !?")
        found += [words, words.removesuffix(".")]
    return found


def _is_pages_text(paragraphs: list[str], phrases: re.Pattern[str], *, server: bool) -> bool:
    """Whether the body is such a page's own text: every paragraph says one of its `phrases` or is a label (at most
    _LABEL_MAX_WORDS words, no sentence), and one of them says a phrase or, for an HTTP error (`server`), is a label
    holding a server's signature or an error status (`Access Denied` under `403 Forbidden`). No text at all is such a
    page's too (the page is rejected for that anyway)."""
    said = False
    for paragraph in paragraphs:
        if phrases.search(paragraph) is not None:
            said = True
        elif len(paragraph.split()) > _LABEL_MAX_WORDS or _SENTENCE_END.search(paragraph) is not None:
            return False
        elif server and (
            _SERVER_SIGNATURE.search(paragraph) is not None
            or any(map(_KINDS[0].titles.fullmatch, _title_words(paragraph, whole=True)))
        ):
            said = True
    return said or not paragraphs


# A redirect stub's own titles and phrases: what jekyll-redirect-from ("Redirecting…", "Click here if you are not
# redirected."), Hugo's alias page, a CMS's "This article has moved" page and a script's fallback link say.
_REDIRECT_TITLES = re.compile(
    r"redirect(?:ing|ion)?(?: to .+)?(?:\.\.\.|\u2026)?|(?:(?:this|the) )?(?:page|article|story|post|site) "
    r"(?:has )?moved(?: permanently)?|(?:301 |302 )?moved permanently|(?:document|object) moved|302 found"
)
# A story's sentences say "flights were redirected" or "the market has moved": these are the page speaking of itself.
_REDIRECT_PHRASES = re.compile(
    r"\bredirecting\b|\b(?:you (?:are|will be)(?: being)?|not(?: being)?|automatically) redirected\b"
    r"|\b(?:page|article|story|post|site|blog|content|document) (?:has|have|was) (?:been )?moved\b"
    r"|\bmoved permanently\b|\bclick here\b|\bfollow this link\b",
    re.IGNORECASE,
)
MAX_TARGET_CHARS = 200  # a redirect's address as the rejection quotes it


def refuse_redirect(
    headline: str, page_title: str, paragraphs: list[str], target: str | None, *, redirects: bool
) -> None:
    """RejectedUploadError when a page is a redirect stub saved in place of the article it points to: it names a
    `target` address, it `redirects` (a meta refresh or a script sending the browser to the target) or its headline
    or `<title>` is a redirect's (_REDIRECT_TITLES: "Redirecting…", "Page moved"), and its body `paragraphs` hold at
    most ERROR_PAGE_MAX_CHARS characters, each a redirect's phrase (_REDIRECT_PHRASES) or a label (_is_pages_text),
    or none at all (Hugo's alias page is a head alone). Published, "Redirecting…" became an article, and a stub
    under the story's own title shadowed the story in search (session 54's attack report). A story with a refresh
    that reloads it keeps its sentences and is read."""
    if target is None or sum(map(len, paragraphs)) > ERROR_PAGE_MAX_CHARS:
        return
    titled = any(
        _REDIRECT_TITLES.fullmatch(words) is not None
        for title, whole in ((headline, True), (page_title, False))
        for words in _title_words(title, whole=whole)
    )
    paragraphs = [paragraph.replace("\u2019", "'") for paragraph in paragraphs]
    if (redirects or titled) and _is_pages_text(paragraphs, _REDIRECT_PHRASES, server=False):
        quoted = target if len(target) <= MAX_TARGET_CHARS else target[:MAX_TARGET_CHARS] + "\u2026"
        raise RejectedUploadError(
            f"the page is a redirect to {quoted}, saved in place of the article: it holds no story of its own",
            fix=f"open {quoted} in a browser and upload the article that page shows",
        )


# A storage service's or API's error response saved as the file (a signed link that expired, a private object
# fetched without credentials): Amazon S3's, Google Cloud Storage's and Azure Blob Storage's XML `<Error>` with its
# `<Code>` (`AccessDenied`, `NoSuchKey`, `AuthenticationFailed`), whatever the file's extension. An error response is
# short; a story quoting one is longer and starts with other text.
_XML_ERROR = re.compile(
    r"\s*(?:<\?xml[^>]*\?>\s*)?<Error>(?=.*?<Code>\s*(?P<code>[^<]{1,100}?)\s*</Code>)"
    r"(?:(?=.*?<Message>\s*(?P<message>[^<]{0,300}?)\s*</Message>))?.*</Error>\s*",
    re.DOTALL | re.IGNORECASE,
)
# The names of a JSON error response's members (AWS's `{"Code": …, "Message": …}`, API Gateway's `{"message":
# "Forbidden"}`, Google's `{"error": {"code": 403, "message": …}}`), lower-cased: an object with no other names and
# an `error`, `errors` or `message` holds no article (its title and body would be missing anyway).
_JSON_ERROR_NAMES = frozenset(
    (
        *("error", "errors", "code", "message", "status", "statuscode", "status_code"),
        *("requestid", "request_id", "hostid", "details", "reason", "type", "__type"),
    )
)
_ERROR_RESPONSE_FIX = (
    "the file was saved from an error response, not the article: download the article again (check the link has not "
    "expired and that you may read it) and upload what it holds"
)
MAX_ERROR_RESPONSE_BYTES = 4_096


def refuse_error_response(data: bytes) -> None:
    """RejectedUploadError when the whole file is a storage service's XML error response (_XML_ERROR: S3's
    `<Error><Code>AccessDenied</Code><Message>Access Denied</Message>…</Error>`), in any format's extension, naming its
    code and message. Before session 56 S3's `AccessDenied` saved as .txt was archived under the title `<?xml
    version="1.0" encoding="UTF-8"?>`."""
    if len(data) > MAX_ERROR_RESPONSE_BYTES:
        return
    found = _XML_ERROR.fullmatch(data.decode("utf-8", "replace").removeprefix("\ufeff"))
    if found is not None:
        said = f": \u201c{found['message']}\u201d" if found["message"] else ""
        raise RejectedUploadError(
            f"the file is a storage service's error response ({found['code']}{said}), saved in place of the "
            "article: it holds no story",
            fix=_ERROR_RESPONSE_FIX,
        )


def refuse_error_object(document: dict[str, object]) -> None:
    """RejectedUploadError when a JSON upload's `document` is an API's error object (_JSON_ERROR_NAMES: `{"message":
    "Forbidden"}`), naming its first members."""
    names = {str(name).strip().lower() for name in document}
    if names <= _JSON_ERROR_NAMES and names & {"error", "errors", "message"}:
        shown = ", ".join(
            f'"{name}": {json.dumps(value, ensure_ascii=False)}'[:120] for name, value in list(document.items())[:3]
        )
        raise RejectedUploadError(
            f"the JSON is an error response ({shown}), saved in place of the article: it holds no story",
            fix=_ERROR_RESPONSE_FIX,
        )
