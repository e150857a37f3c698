"""Checks every parsed upload passes before it becomes an article, whatever its format.

Every text field leaves here NFC-normalised: the bytes were normalised when decoded, but JSON `\\u` escapes, YAML
escapes and HTML numeric entities are resolved later by the parsers and can produce decomposed text (`e` + U+0301),
which the composed spelling would not find.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from calendar import monthrange
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from typing import Any
from urllib.parse import urlsplit

from archive_search.errors import RejectedUploadError
from archive_search.index_mapping import INVISIBLE_CLASS
from archive_search.models import ParsedUpload
from archive_search.parsing.text import (
    PUBLICATION_DATE_NAMES,
    body_lines,
    clean_line,
    closed_bidi,
    has_visible,
    one_line,
    one_of,
    without_escape_sequences,
)
from archive_search.typed_dates import MONTH_ABBREVIATIONS

MAX_TITLE_CHARS = 500
MAX_BODY_CHARS = 1_000_000
MAX_TAGS = 50
# Author, section and each tag are labels a reader selects from the facets: a filter value takes at most this many
# characters (search.MAX_FILTER_VALUE_CHARS is this figure), so a longer one could be shown but never selected; and
# the engine refuses a keyword term above 32,766 bytes, so an unbounded one could be archived but never indexed.
MAX_LABEL_CHARS = 200
MAX_CREDIT_CHARS = 1_000
MAX_SUMMARY_CHARS = 10_000
MAX_URL_CHARS = 2_048  # the longest address browsers and CDNs reliably carry
MIN_YEAR = 1800
MAX_YEAR = 2200
MAX_DATE_CHARS = 100
# The digits of a count since 1970 that epoch_day reads: seconds in 10 (from 2001-09-09), milliseconds in 13. A count
# of 9 digits (the 1990s) is not read: `987654321` in a date meta is more likely any number than a day (session 53's
# review).
_EPOCH_DIGITS = {10: 1, 13: 1000}
# The instants a JSON date given as a number may be, in Unix time (1990-01-01 to 2100-01-01 UTC): seconds, or
# milliseconds as JavaScript's Date.now() writes them. The two ranges and YYYYMMDD's (18000101-22001231) do not meet,
# so a number is read one way only; before 1990 a count (under 631,152,000) is more likely a slip than a news date.
_EPOCH_SECONDS = range(631_152_000, 4_102_444_800)
_EPOCH_MILLISECONDS = range(631_152_000_000, 4_102_444_800_000)
# MySQL's zero date, which WordPress writes for a post without one (`post_date_gmt` of a draft, a post imported
# undated: `0000-00-00 00:00:00`) and some CMSs put in their date metas (`0000-00-00T00:00:00+00:00`): no date.
_ZERO_DATE = re.compile(r"0000-00-00(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?", re.IGNORECASE)
# Characters that never appear unescaped in an address (RFC 3986) and would carry markup into a page.
_NOT_IN_URL = re.compile(r"[\s<>\"'`{}|\\^\x00-\x1f\x7f]")
# Invisible characters (Default_Ignorable, bidi controls included); with every other format character (Cf), an
# address that holds one shows differently from where it leads.
_INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")
_NOT_ABSOLUTE = "is not an absolute http(s) address"
_DNS_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.IGNORECASE)
_MAX_HOST_CHARS = 253
# Numeric day/month/year dates (03/04/2015, 3-4-15, 03.04.2015): the order of day and month is not written, but
# dots are written day first (_DAY_FIRST_SEPARATOR).
_NUMERIC_DMY = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{2}|\d{4})")
# The conventions that write a date in numbers with dots write the day first: DIN 5008 (German, `TT.MM.JJJJ`) and
# the dotted short and medium patterns of every CLDR locale (de `dd.MM.yy`, ru `dd.MM.y`, pl, cs, fi, nb, tr, uk…);
# American and British writers, whose orders differ, both write slashes (session 53's attacker: `12.05.2015` was
# rejected as ambiguous on German pages and exports). A dotted date whose second number cannot be a month
# (`12.25.2015`) is still read the one way it can be.
_DAY_FIRST_SEPARATOR = "."
# C0 and C1 control characters (C1 arrive from legacy pages' undefined bytes) other than tab and LF, which a body
# keeps; line breaks are made LF (body) or spaces (one-line fields) before this applies. Each is a space (a control
# between two words, Word's `&#11;` line break, keeps them apart), after escape sequences went whole.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What a label (a title, author, section, tag, summary or credit: short text shown on one line of a page) loses:
# bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), with which `\u202eevil` shows as `live`
# (Trojan Source, CVE-2021-42574), and the invisible characters that only hide in a label (zero-width space U+200B,
# word joiner U+2060, invisible operators U+2061-U+2064, zero-width no-break space U+FEFF, soft hyphen U+00AD, which
# only hyphenates a word broken across lines). Kept: the joiners U+200C (ZWNJ, which Persian and Indic scripts write
# inside words) and U+200D (ZWJ, emoji sequences), and the marks U+200E, U+200F, U+061C (LRM, RLM, ALM), which
# place a neutral character in right-to-left text and reorder no letter.
_HIDDEN_IN_LABELS = re.compile("[\u00ad\u200b\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069]")
# What a body loses of them: the overrides (LRO, RLO), which show letters in an order they are not read in; the
# embeddings and isolates a right-to-left quotation can need are kept (each closed at its line's end: closed_bidi).
_OVERRIDES = re.compile("[\u202d\u202e]")
# A lone UTF-16 surrogate (from a JSON, JSON-LD or YAML `\ud800` escape) is no character: it cannot be encoded as
# UTF-8, so the archive, the index and the report could not store it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def validated(parsed: ParsedUpload) -> ParsedUpload:
    """The upload with clean, NFC text fields, an ISO date and an absolute url; RejectedUploadError otherwise."""
    _refuse_surrogates(parsed)
    title = _label(parsed.title)
    body = _body(parsed.body)
    if not has_visible(title):
        raise RejectedUploadError("the article has no title", fix="add a title")
    if len(title) > MAX_TITLE_CHARS:
        raise RejectedUploadError(
            f"the title is {len(title):,} characters long, above the {MAX_TITLE_CHARS:,} characters a title may have",
            fix="shorten the title",
        )
    if not has_visible(body):
        raise RejectedUploadError("the article has no body text", fix="add the article's text")
    _refuse_template(title, body)
    if len(body) > MAX_BODY_CHARS:
        raise RejectedUploadError(
            f"the body is {len(body):,} characters long, above the {MAX_BODY_CHARS:,} characters an article's body"
            " may have",
            fix="split the article",
        )
    tags = tuple(dict.fromkeys(tag for tag in map(_optional_label, parsed.tags) if tag is not None))
    if len(tags) > MAX_TAGS:
        raise RejectedUploadError(
            f"the article has {len(tags):,} tags, above the {MAX_TAGS} tags an article may have", fix="keep fewer tags"
        )
    for tag in tags:
        _within("a tag", tag, MAX_LABEL_CHARS, "shorten the tag")
    return replace(
        parsed,
        title=title,
        body=body,
        author=_within("the author", _optional_label(parsed.author), MAX_LABEL_CHARS, "shorten the byline"),
        section=_within("the section", _optional_label(parsed.section), MAX_LABEL_CHARS, "shorten the section name"),
        summary=_within("the summary", _optional_label(parsed.summary), MAX_SUMMARY_CHARS, "shorten the summary"),
        url=_url(_within("the url", _optional(parsed.url), MAX_URL_CHARS, "give a shorter address")),
        published=_published(parsed.published),
        tags=tags,
        credit=_within("the credit", _optional_label(parsed.credit), MAX_CREDIT_CHARS, "shorten the credit"),
    )


def _refuse_template(title: str, body: str) -> None:
    """RejectedUploadError for a title or body that is only template syntax (template_tags.only_template_syntax): a
    static site's layout, which a folder of the site holds beside its posts."""
    if "{" not in title and "{" not in body:
        return
    from archive_search.parsing.template_tags import only_template_syntax  # it imports the HTML extractor

    for field, text in (("title", title), ("body", body)):
        if only_template_syntax(text):
            raise RejectedUploadError(
                f"the {field} is only template syntax ({text[:80]}), which a static-site generator fills in when it "
                "builds the site's pages: the file is a template (a layout or an include), not an article",
                fix="upload the articles (a Jekyll site's _posts/, a Hugo site's content/), not the site's templates",
            )


def _within(what: str, value: str | None, limit: int, fix: str) -> str | None:
    """The value, or RejectedUploadError when it is longer than `limit` characters (after cleaning)."""
    if value is not None and len(value) > limit:
        raise RejectedUploadError(f"{what} is {len(value):,} characters long, above {limit:,} characters", fix=fix)
    return value


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _one_line(text: str) -> str:
    """A date or url: one line, no control characters (escape sequences gone whole), bidi controls closed."""
    return closed_bidi(one_line(without_controls(_nfc(text))))


def _label(text: str) -> str:
    """A title, author, section, tag, summary or credit: one line, no control characters (escape sequences gone
    whole), no bidi control nor the invisible characters of _HIDDEN_IN_LABELS."""
    return one_line(_HIDDEN_IN_LABELS.sub("", without_controls(_nfc(text))))


def without_controls(text: str) -> str:
    """The text with each complete terminal escape sequence gone (text.without_escape_sequences), the file's or
    one a JSON, YAML or HTML escape wrote (`\\u001b[31m`), and each other control character a body may not hold (a
    lone ESC too) a space (_CONTROL): for every field in validation, and for a text rendered before it, whose
    renderer would make one something else (markdown-it makes NUL U+FFFD)."""
    return _CONTROL.sub(" ", without_escape_sequences(text))


def _body(text: str) -> str:
    """The body with LF line ends (U+2029 a paragraph break), no control characters but tab and LF, no bidi
    override (_OVERRIDES)."""
    lines = _OVERRIDES.sub("", without_controls(body_lines(_nfc(text)))).strip().split("\n")
    return "\n".join(closed_bidi(line) for line in lines)


def _refuse_surrogates(parsed: ParsedUpload) -> None:
    for name, value in vars(parsed).items():
        values = value if isinstance(value, tuple) else (value,)
        if any(isinstance(v, str) and _SURROGATE.search(v) for v in values):
            raise RejectedUploadError(
                f"the {name} holds an unpaired surrogate escape (\\ud800 to \\udfff), which is not a character",
                fix="remove the escape, or write the character itself in UTF-8",
            )


def _optional(value: str | None) -> str | None:
    cleaned = _one_line(value) if value else ""
    return cleaned if has_visible(cleaned) else None


def _optional_label(value: str | None) -> str | None:
    """An author, section, tag, summary or credit cleaned as a label (_label), or None when nothing visible is
    left (absent, empty, only spaces or invisible characters)."""
    cleaned = _label(value) if value else ""
    return cleaned if has_visible(cleaned) else None


def _url(cleaned: str | None) -> str | None:
    problem = url_problem(cleaned) if cleaned else None
    if problem:
        raise RejectedUploadError(
            f"the url {cleaned!r} {problem}",
            fix="give the full address, starting with https:// and the site's host, without quotes or markup,"
            " as the browser's address bar shows it",
        )
    return cleaned


def absolute_url(text: str) -> str | None:
    """`text` (trimmed) if url_problem finds nothing wrong with it, else None."""
    return None if url_problem(text) else text.strip()


def url_problem(text: str) -> str | None:
    """What makes `text` (trimmed) unfit as an article's address, said for an editor; None for a good one.

    A good one is an absolute http(s) URL whose host is a DNS name (ASCII letters, digits and hyphens; punycode
    `xn--` labels for other scripts) or an IP literal, with nothing that could be markup. Refused: relative paths and
    protocol-relative links (`//elsewhere/...`, the site they point to depends on the page that shows them); a
    user name before `@` (`https://news.somanet.example@evil.example/` leads to evil.example); invisible and
    direction characters anywhere (`\u202e` shows `/moc.live` as `/evil.com`); a host in another script, which is
    not converted: Python's idna codec (IDNA 2003) and browsers (IDNA 2008) disagree on some names (`faß.de`).
    """
    url = text.strip()
    hidden = next((c for c in url if _INVISIBLE.match(c) or unicodedata.category(c) == "Cf"), None)
    if hidden:
        return (
            f"holds an invisible or direction character (U+{ord(hidden):04X}),"
            " so it shows differently from where it leads"
        )
    if _WRAPPED.fullmatch(url):
        return "is wrapped in <>, quotes or a link's markup: give the address alone"
    if unsafe := _NOT_IN_URL.search(url):
        # Named, with how an address writes it: `http://example.com/a b` is absolute, and was told it was not
        # (session 49's new user); one that is no absolute address either is told that first (one round trip).
        if _not_absolute(_NOT_IN_URL.sub("", url)):
            return _NOT_ABSOLUTE
        character = unsafe.group()
        escaped = f" as %{ord(character):02X}" if ord(character) < 0x80 else " percent-encoded"
        return f"holds {_character_name(character)}, which an address here must write{escaped}"
    parts = urlsplit(url) if not _not_absolute(url) else None
    if parts is None or not parts.hostname:
        return _NOT_ABSOLUTE
    if "@" in parts.netloc:
        return "has a user name or password before @, so it leads to the host after the @"
    if not parts.hostname.isascii():
        return f"has a host with non-ASCII characters ({parts.hostname!r}): write it in its ASCII form (xn--...)"
    if not _is_host(parts.hostname, bracketed=parts.netloc.startswith("[")):
        return f"has a host ({parts.hostname!r}) that is not a domain name or IP address"
    return None


# An address in angle brackets or quotes, or a whole link (`<https://…>`, `"https://…"`, `<a href="https://…">`),
# as mail and chat paste it: the fix is to drop the wrapping, not to encode it (the session's last review).
_WRAPPED = re.compile(
    r"""<https?://[^<>]*>|"https?://[^"]*"|'https?://[^']*'|<a\s[^>]*href\s*=[^>]*>.*""", re.IGNORECASE | re.DOTALL
)


def _not_absolute(url: str) -> bool:
    """Whether url is no absolute http(s) address with a host (or its port is no number in range)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return True
    return parts.scheme.lower() not in ("http", "https") or not parts.hostname


def _character_name(character: str) -> str:
    """`a space`, `a line break`, `the character '<'`, `the control character U+0007`."""
    if character == " ":
        return "a space"
    if character in "\r\n":
        return "a line break"
    if character.isspace():
        return f"a white space (U+{ord(character):04X})"
    if unicodedata.category(character) == "Cc":
        return f"the control character U+{ord(character):04X}"
    return f"the character {character!r}"


def _is_host(host: str, *, bracketed: bool) -> bool:
    """A DNS name (a trailing root dot allowed), a dotted IPv4 address or, in brackets, an IPv6 address."""
    if bracketed:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return False
        return True
    labels = host.removesuffix(".").split(".")
    if labels[-1].isdigit():  # a numeric last label is an IPv4 address or nothing (browsers read 1.2.3 oddly)
        try:
            ipaddress.IPv4Address(host.removesuffix("."))
        except ValueError:
            return False
        return True
    return len(host) <= _MAX_HOST_CHARS and all(_DNS_LABEL.fullmatch(label) for label in labels)


def _published(value: str | None) -> str | None:
    """Normalise to an ISO date (YYYY-MM-DD); the index stores dates, the archive keeps the same. None for no date,
    MySQL's zero date included (_ZERO_DATE)."""
    cleaned = _optional(value)
    if not cleaned:
        return None
    cleaned = _without_field_label(cleaned)
    if _ZERO_DATE.fullmatch(cleaned):
        return None
    _reject_ambiguous_numeric(cleaned)
    day, problem = read_date(cleaned)
    if problem is not None:
        raise problem
    if day is None:
        raise RejectedUploadError(
            f"the date {cleaned!r} is not understood", fix="write it as YYYY-MM-DD, for example 2015-05-12"
        )
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise RejectedUploadError(
            f"the date {cleaned!r} is outside {MIN_YEAR}-{MAX_YEAR}", fix="check the year of the date"
        )
    return day.isoformat()


def date_problem(text: str) -> RejectedUploadError | None:
    """The rejection a date field holding `text` gets (why it names no day one can tell, and how to write it), or
    None when it is a date or no date: for a caller that names where the text stands (an HTML page's meta tag)."""
    try:
        _published(text)
    except RejectedUploadError as problem:
        return problem
    return None


def is_zero_date(text: str) -> bool:
    """Whether `text` is MySQL's zero date (_ZERO_DATE), which says there is no date."""
    return bool(_ZERO_DATE.fullmatch(clean_line(text)))


def epoch_day(text: str) -> date | None:
    """The UTC day of a count of seconds or milliseconds since 1970 (Unix time: `1431424800`, `1431424800000`;
    _EPOCH_DIGITS) up to today; None for any other text, for a later day and for digits that begin with a day
    written YYYYMMDD (`2015051210`, a compact stamp to the hour, was read as 2033-11-08: session 53's review). Only
    for where a count can only be a date (an HTML page's date meta): in text it is a number."""
    text = clean_line(text)
    per_second = _EPOCH_DIGITS.get(len(text))
    if per_second is None or not text.isascii() or not text.isdigit() or parse_date(text[:8]) is not None:
        return None
    day = datetime.fromtimestamp(int(text) / per_second, UTC).date()
    return day if day <= datetime.now(UTC).date() else None


def publication_date(fields: dict[str, Any], where: str, fix: str) -> tuple[str, object] | None:
    """The name and value of the article's publication date among `fields` (keyed in lower case), or None: one of the
    names of the publication date (text.PUBLICATION_DATE_NAMES), else WordPress's `date_gmt`. Names that say the same
    moment give it (session 55's attacker: Hugo's `date` and `publishDate` of one day, Astro's `date` and `pubDate`,
    were rejected as two names of one field), the first of those names giving it; names that say other moments are
    RejectedUploadError (text.one_of: `where`, `fix`), but for Hugo's `date` beside `publishDate`: there `date` is the
    content's date and publishDate when the article is published (Hugo's front matter documentation), which is read,
    up to today (a later one is a post Hugo has not published yet: which day the editor means of the two cannot be
    told). A blank value, or one no date can be read from (_moment), says nothing against another (session 55's review:
    `"publishedAt": ""`, a count of milliseconds or MongoDB's `{"$date": …}` beside `date` rejected the article)."""
    given = [name for name in PUBLICATION_DATE_NAMES if fields.get(name) is not None]
    published = date_moment(fields.get("publishdate"))
    if "date" in given and published is not None and published[0] <= datetime.now(UTC).date():
        given.remove("date")
    read = {name: moment for name in given if (moment := date_moment(fields[name])) is not None}
    for first, second in combinations(read, 2):
        if not _same_moment(read[first], read[second]):
            one_of(fields, (first, second), where, fix)
    name = next(
        (name for name in (*read, *given, "date_gmt") if fields.get(name) is not None and not _is_blank(fields[name])),
        next(iter(given), None),
    )
    return (name, _unwrapped(fields[name])) if name is not None else None


# The widest a day can be from UTC's: UTC-12:00 (Baker Island) to UTC+14:00 (Kiribati's Line Islands).
_ZONE_OFFSETS = (timedelta(hours=-12), timedelta(hours=14))


def _is_blank(value: object) -> bool:
    return isinstance(value, str) and not value.strip()


def _unwrapped(value: object) -> object:
    """A date field's value with MongoDB Extended JSON's wrapping taken off: `{"$date": "2015-05-12T10:00:00Z"}` and
    `{"$date": {"$numberLong": "1431424800000"}}` (its relaxed and canonical forms, as mongoexport writes them) are
    that text and that count of milliseconds."""
    if isinstance(value, dict) and value.keys() == {"$date"}:
        value = value["$date"]
        if isinstance(value, dict) and value.keys() == {"$numberLong"} and str(value["$numberLong"]).isdigit():
            return int(value["$numberLong"])
    return value


def date_moment(value: object) -> tuple[date, datetime | None] | None:
    """The day a date field's value writes and, where it writes the time with its zone (ISO 8601) or is a count since
    1970 (_number_date), the instant; None for a value no date is read from (blank, a flag, text that is no date)."""
    value = _unwrapped(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        for counts, per_second in ((_EPOCH_SECONDS, 1), (_EPOCH_MILLISECONDS, 1000)):
            if counts.start <= value < counts.stop:
                instant = datetime.fromtimestamp(value / per_second, UTC)
                return instant.date(), instant
        value = str(value) if isinstance(value, int) and len(str(value)) == 8 else None
    day = parse_date(value) if isinstance(value, str) else None
    if day is None or not isinstance(value, str):
        return None
    try:
        instant = datetime.fromisoformat(value.strip())
    except ValueError:
        return day, None
    return day, instant if instant.tzinfo is not None else None


def _same_moment(one: tuple[date, datetime | None], other: tuple[date, datetime | None]) -> bool:
    """Whether two date values (_moment) may say one moment: the same day, the same instant, or an instant that falls
    on the other's day in that one's zone, or in some zone where that one writes none (a CMS's `publishedAt` in UTC,
    `2015-05-13T03:30:00Z`, is a New York evening's `date: 2015-05-12`)."""
    (day, instant), (other_day, other_instant) = one, other
    if day == other_day:
        return True
    if instant is not None and other_instant is not None:
        return (
            instant == other_instant
            or other_instant.astimezone(instant.tzinfo).date() == day
            or instant.astimezone(other_instant.tzinfo).date() == other_day
        )
    if instant is not None:
        zoned, local = instant, other_day
    elif other_instant is not None:
        zoned, local = other_instant, day
    else:
        return False
    utc = zoned.astimezone(UTC)
    return (utc + _ZONE_OFFSETS[0]).date() <= local <= (utc + _ZONE_OFFSETS[1]).date()


def date_value(value: object, name: str) -> object:
    """A JSON date field's value with a number read as a date (_number_date), as YYYY-MM-DD; any other value as it
    is. RejectedUploadError naming the field (`name`, as the JSON gives it) for true or false, which is no date."""
    if isinstance(value, bool):
        raise RejectedUploadError(
            f"{name} must be a date such as 2015-05-12, not a {'true' if value else 'false'} flag",
            fix=f"write {name} as text",
        )
    return _number_date(value, name) if isinstance(value, int | float) else value


def _number_date(number: float, name: str) -> str:
    """A JSON date field given as a number (`"published": 1104537600`), as YYYY-MM-DD: a count of seconds or
    milliseconds since 1970 within 1990-2100 (_EPOCH_SECONDS, _EPOCH_MILLISECONDS) is an instant, whose day UTC gives
    (as an HTML page's date meta holding one: epoch_day); eight digits that write a day (`20050101`) are that day.
    RejectedUploadError naming the field (`name`) for any other number: we do not guess what `2015.5` or `42` means.
    """
    if isinstance(number, int) and parse_date(str(number)) is not None and len(str(number)) == 8:
        return str(number)
    for counts, per_second in ((_EPOCH_SECONDS, 1), (_EPOCH_MILLISECONDS, 1000)):
        if counts.start <= number < counts.stop:
            return datetime.fromtimestamp(number / per_second, UTC).date().isoformat()
    raise RejectedUploadError(
        f"{name} is the number {number}, which is no date: a number is read as Unix time (seconds or milliseconds "
        "since 1970, for a day from 1990 to 2100) or as a day written YYYYMMDD (20050101)",
        fix=f'write {name} as text, for example "2015-05-12"',
    )


def _reject_ambiguous_numeric(text: str) -> None:
    """Say exactly what is missing from `03/04/2015` (day or month first?) or `03/04/15` (which century?), with a
    time of day after it too (`03/04/2015 10:00`, which read_date reads as the day alone). A French or German label
    says which (`Publié le 03/04/2015`: _day_first), and so do dots (`03.04.2015`: _DAY_FIRST_SEPARATOR)."""
    numeric = _NUMERIC_DMY.fullmatch(_TIME_OF_DAY.sub("", _unlabelled(text), count=1))
    if numeric is None or _day_first(text) is not None:
        return
    a, b, year = int(numeric["a"]), int(numeric["b"]), numeric["year"]
    if len(year) == 2:
        raise RejectedUploadError(
            f"the date {text!r} has a two-digit year", fix="write it as YYYY-MM-DD, with the year in four digits"
        )
    if a != b and 1 <= a <= 12 and 1 <= b <= 12 and numeric["sep"] != _DAY_FIRST_SEPARATOR:
        raise RejectedUploadError(
            f"the date {text!r} does not say which number is the day and which the month "
            f"(day {a} of month {b}, or month {a}, day {b})",
            fix=f"write it as YYYY-MM-DD: {year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}",
        )


def date_line_problem(line: str) -> RejectedUploadError | None:
    """Why a line where an article's date line goes (at the top, under the title or byline) is written as a date but
    names no day that can be told: a day that does not exist (`31 April 2015`, `2015-02-29`), a day and month that
    could be either (`03/04/2015`), a two-digit year (`12 May 98`, `03/04/15`), a weekday the day does not fall on
    (`Mon, 12 May 2015`). None for a date, and for a line that is not written as one: a sentence (`31 April 2015 was
    the deadline.`), a year, a month or a week alone (`2015`, `May 2015`). Kept as text, such a line left the article
    without its date and put the date's typo in its first paragraph, with nothing said."""
    text = clean_line(line)
    if not text or len(text) > MAX_DATE_CHARS or not _written_as_a_day(text):
        return None
    try:
        _reject_ambiguous_numeric(text)
    except RejectedUploadError as ambiguous:
        problem = ambiguous
    else:
        day, unreadable = read_date(text)
        if day is not None or unreadable is None:
            return None
        problem = unreadable
    return RejectedUploadError(
        f"the line at the top of the article, where its date goes, is a date that cannot be read: {problem.reason}",
        fix=f"{problem.fix}; the month in words does as well (3 April 2015)",
    )


def date_line_readings(line: str) -> frozenset[date]:
    """The days a line written as a date could name, read every way its writer may have meant it: both orders of
    `03/04/2015` (3 April, 4 March), both centuries of a two-digit year (`12 May 98`, `03/04/15`), the date of
    `Mon, 12 May 2015` without its weekday (only the readings on that weekday when some are). The day parse_date
    reads, for a line it reads; none for a day that does not exist (`31 April 2015`) or a line not written as a date.

    A page that declares its date (front matter, a meta tag, <time datetime>) and shows it in the date-line position
    in the reader's own style (`03/04/2015` on a US site, `05.12.2015` on one that writes dots) says which reading
    is meant. A label saying the line is
    the day published (`Posted: 03/04/2015`) changes none of its readings, but a French or German one's says the day
    comes first (`Publié le 03/04/2015` is 3 April)."""
    line = clean_line(line)
    text = _unlabelled(line)
    if not text or len(text) > MAX_DATE_CHARS or not _written_as_a_day(line):
        return frozenset()
    day = parse_date(line)
    weekday = _WEEKDAY.match(text)
    written = _TIME_OF_DAY.sub("", text[weekday.end() :] if weekday else text, count=1).rstrip(".")
    if day is not None:
        # Dots are read day first, but a page declaring the other reading says its writer meant that: `05.12.2015`
        # under a declared 2015-05-12 is its date line (session 50's review), not a paragraph naming 5 December.
        dotted = _NUMERIC_DMY.fullmatch(written)
        return frozenset({day}) | (_readings(written) if dotted and dotted["sep"] == _DAY_FIRST_SEPARATOR else set())
    readings = _readings(written)
    if weekday is not None:
        named = _WEEKDAYS.index(weekday["day"][:3].casefold())
        on_the_weekday = frozenset(day for day in readings if day.weekday() == named)
        return on_the_weekday or readings
    return readings


def _readings(written: str) -> frozenset[date]:
    """The days a date without weekday or time may name (date_line_readings)."""
    numeric = _NUMERIC_DMY.fullmatch(written)
    if numeric is not None:
        a, b, year = int(numeric["a"]), int(numeric["b"]), numeric["year"]
        years = [int(year)] if len(year) == 4 else [1900 + int(year), 2000 + int(year)]
        return frozenset(
            day for y in years for month, number in ((b, a), (a, b)) if (day := _day_or_none(y, month, number))
        )
    short = _SHORT_YEAR_AT_END.fullmatch(written)
    if short is not None and _TWO_DIGIT_YEAR.fullmatch(written):
        centuries = (f"{short['head']}{century}{short['year']}" for century in ("19", "20"))
        return frozenset(day for text in centuries if (day := parse_date(text)) is not None)
    day = parse_date(written)
    return frozenset({day}) if day is not None else frozenset()


def _day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _written_as_a_day(text: str) -> bool:
    """Whether the whole text is in one of the shapes of a day read_date reads (numbers, a named month, an ISO week
    or ordinal date), with a weekday before it or a time after it, whatever its numbers, after a label saying it is
    the day published (`Posted: 03/04/2015`, `Publié le 12 mai 2015`: _day_first)."""
    day_first = _day_first(text)
    if day_first is not None and _DAY_FIRST.fullmatch(_TIME_OF_DAY.sub("", day_first, count=1).rstrip(".")):
        return True
    text = _unlabelled(text)
    weekday = _WEEKDAY.match(text)
    written = _TIME_OF_DAY.sub("", text[weekday.end() :] if weekday else text, count=1).rstrip(".")
    shapes = (_NUMERIC_DMY, _ISO_NUMBERS, _ISO_WEEK_DAY, _ORDINAL, _WRITTEN_NUMBERS, _TWO_DIGIT_YEAR)
    return any(shape.fullmatch(written) for shape in shapes)


def parse_date(text: str) -> date | None:
    """A calendar date from ISO 8601, RFC 2822 (`Tue, 12 May 2015 10:00:00 GMT`) or common written forms.

    Numeric day/month dates are read only when they cannot be misread: `25/12/2015` (no month 25), `12/25/2015`,
    `04/04/2015`, and with dots, which are written day first, `03.04.2015` (3 April: _DAY_FIRST_SEPARATOR);
    `03/04/2015` is None (the caller says why). Four-digit years only: None for a two-digit year,
    and for a weekday the date does not fall on (read_date says which).
    """
    return read_date(text)[0]


def read_date(text: str) -> tuple[date | None, RejectedUploadError | None]:
    """The date parse_date reads, or None and the rejection that says what makes it unreadable when it can tell.

    `Tue, 12 May 49` (RFC 2822, like the written forms) has a two-digit year: email.utils would guess 2049 and
    `12 May 98` 1998, while `03/04/15` is refused; a weekday that is not the date's (`Mon, 12 May 2015`, a
    Tuesday) means the day, month or year is wrong, and which one is unknown.
    """
    text = clean_line(text)
    if not text or len(text) > MAX_DATE_CHARS:
        return None, None
    if (day_first := _day_first(text)) is not None:
        return _read_day_first(day_first)
    if (labelled := _labelled(text)) is not None:
        return read_date(labelled)
    if (cjk := _CJK_DATE.fullmatch(_TIME_OF_DAY.sub("", text, count=1))) is not None:
        year, month, number = int(cjk["year"]), int(cjk["month"]), int(cjk["day"])
        if not 1 <= year <= 9999:
            return None, None
        if not 1 <= month <= 12:
            return None, _no_such(text, f"there is no month {month}")
        day = _day_or_none(year, month, number)
        days = monthrange(year, month)[1]
        return day, _no_such(text, f"{date(year, month, 1):%B %Y} has days 1 to {days}") if day is None else None
    if (published := _before_later_change(text)) is not None or (published := _after_later_change(text)) is not None:
        return read_date(published)
    day_text = _TIME_OF_DAY.sub("", text, count=1)  # what names the day; rejections quote the text as written
    weekday = _WEEKDAY.match(day_text)
    # A weekday before a numeric date too (Drupal's `Thu, 11/14/2019`; session 51's new user)
    numeric = _NUMERIC_DMY.fullmatch(day_text[weekday.end() :] if weekday else day_text)
    if numeric:
        day = _unambiguous_numeric(int(numeric["a"]), int(numeric["b"]), numeric["year"], numeric["sep"])
        if weekday is not None and len(numeric["year"]) == 4:
            # The weekday tells which of two readings is meant (`Thu, 03/04/2021` is 4 March, a Thursday; 3 April
            # was a Saturday), when one falls on it; over the dots' day first too (`Tue, 05.12.2015` is 12 May, a
            # Tuesday: session 53's review, a dateline the base code read right)
            named = _WEEKDAYS.index(weekday["day"][:3].casefold())
            on_it = [d for d in _readings(numeric.group()) if d.weekday() == named]
            day = on_it[0] if len(on_it) == 1 else day
        if day is None:
            return None, _no_such_day(text)
        return _on_the_weekday(text, day, weekday)
    partial = _NOT_A_DAY.fullmatch(text)
    if partial:
        what = "an ISO week" if partial["week"] else "a month" if partial["month"] else "a year"
        return None, RejectedUploadError(
            f"the date {text!r} names {what}, not a day", fix="write the day as YYYY-MM-DD, for example 2015-05-12"
        )
    ordinal = _ORDINAL.fullmatch(text)
    if ordinal:
        return _ordinal_date(text, int(ordinal["year"]), int(ordinal["day"]))
    try:
        return datetime.fromisoformat(_padded(day_text).replace("Z", "+00:00")).date(), None
    except ValueError:
        pass
    if _TWO_DIGIT_YEAR.search(text):
        return None, RejectedUploadError(
            f"the date {text!r} has a two-digit year", fix="write it as YYYY-MM-DD, with the year in four digits"
        )
    day = _written_date(day_text[weekday.end() :] if weekday else day_text)
    if day is None:
        return None, _no_such_day(text)
    return _on_the_weekday(text, day, weekday)


def _padded(text: str) -> str:
    """An ISO date with its month and day in two digits: `2015-05-02` for `2015-5-2` (_UNPADDED_ISO)."""
    return _UNPADDED_ISO.sub(lambda day: f"{day['year']}-{int(day['month']):02d}-{int(day['day']):02d}", text, count=1)


def _on_the_weekday(
    text: str, day: date, weekday: re.Match[str] | None
) -> tuple[date | None, RejectedUploadError | None]:
    """The day of a date written with a weekday (`weekday`: _WEEKDAY's match, or None), or a rejection when the day
    does not fall on it (the day, month or year is wrong, and which is unknown)."""
    if weekday is not None:
        named = _WEEKDAYS.index(weekday["day"][:3].casefold())
        if named != day.weekday():
            return None, RejectedUploadError(
                f"the date {text!r} names a {_DAY_NAMES[named]}, but {day:%d %B %Y} is a {_DAY_NAMES[day.weekday()]}",
                fix="check which of the weekday and the date is wrong, and write the date as YYYY-MM-DD",
            )
    return day, None


# A label saying the date after it is the day the article was published, as pages write it above or below the text:
# `Published: 12 May 2015`, `Posted on May 12, 2015 at 10:00 am`, `First published 12 May 2015`, and French and
# German pages' `Publié le 25/12/2015`, `Veröffentlicht am 25.12.2015` (session 50's new user: such a line stayed the
# first paragraph of a legacy page, and the page had no date). A change's label (`Updated`, `Last modified`) is none:
# that day is never the article's (is_change_stamp). Nor is `Date:` or `Dated` in a body: an event's day (`Date:
# Saturday 16 May 2015` / `Time: 7pm` / `Venue: …`) or a reproduced order's (`Dated 12 May 2015`), which the
# session's review saw read as the article's date or rejected as ambiguous; in a date field it is (_FIELD_LABEL).
_PUBLISHED_LABEL = re.compile(
    r"(?:(?:(?:first|originally)\s+)?(?:published|posted)(?:\s+on)?"
    r"|(?P<day_first>publi[\u00e9e]\s+le|ver[\u00f6o]ffentlicht(?:\s+am)?|publicado(?:\s+el|\s+em)?"
    r"|pubblicato(?:\s+il)?|gepubliceerd(?:\s+op)?))(?:\s*:\s*|\s+)",
    re.IGNORECASE,
)
# The label of a date field's value (`"date": "Date: 2015-05-12"`), beside _PUBLISHED_LABEL's.
_FIELD_LABEL = re.compile(r"dated?(?:\s*:\s*|\s+)(?=.)", re.IGNORECASE)
# French and German pages write the day first (`12/05/2015`, `12.05.2015`, `12 mai 2015`, `1er mai 2015`, `12. Mai
# 2015`), never the month: behind their label a numeric date is no longer ambiguous (the session's review: `Publié le
# 12/05/2015` was rejected, as `Posted: 12/05/2015` rightly is) and the month may be named in the page's language.
# Spanish, Portuguese, Italian and Dutch pages likewise (`Publicado el 12 de mayo de 2015`, `Publicado em 12 de maio
# de 2015`, `Pubblicato il 12 maggio 2015`, `Gepubliceerd op 12 mei 2015`: session 51's attacker).
_DAY_FIRST_MONTHS = {
    **dict.fromkeys(("janvier", "januar", "jänner", "enero", "janeiro", "gennaio", "januari"), 1),
    **dict.fromkeys(("février", "fevrier", "februar", "febrero", "fevereiro", "febbraio", "februari"), 2),
    **dict.fromkeys(("mars", "märz", "maerz", "marzo", "março", "marco", "maart"), 3),
    **dict.fromkeys(("avril", "april", "abril", "aprile"), 4),
    **dict.fromkeys(("mai", "mayo", "maio", "maggio", "mei"), 5),
    **dict.fromkeys(("juin", "juni", "junio", "junho", "giugno"), 6),
    **dict.fromkeys(("juillet", "juli", "julio", "julho", "luglio"), 7),
    **dict.fromkeys(("août", "aout", "august", "agosto", "augustus"), 8),
    **dict.fromkeys(("septembre", "september", "septiembre", "setiembre", "setembro", "settembre"), 9),
    **dict.fromkeys(("octobre", "oktober", "octubre", "outubro", "ottobre"), 10),
    **dict.fromkeys(("novembre", "november", "noviembre", "novembro"), 11),
    **dict.fromkeys(("décembre", "decembre", "dezember", "diciembre", "dezembro", "dicembre", "december"), 12),
}
_DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})(?:[/.\-](?P<month>\d{1,2})[/.\-]"
    r"|(?:er|\.|\u00ba)?\s+(?:de\s+)?(?P<name>[^\W\d_]+)\.?\s+(?:de\s+)?)(?P<year>\d{4})",
    re.IGNORECASE,
)
# A date as Chinese and Japanese pages write it, year, month and day: `2015年5月12日` (session 51's attacker).
_CJK_DATE = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")


def _labelled(line: str, day_first: bool = False) -> str | None:
    """What follows a label saying when the article was published (_PUBLISHED_LABEL): `12 May 2015` of `Published:
    12 May 2015`; None for a line with no such label (`day_first`: no French or German one). Whether it is a date is
    read_date's to say: `Published reports say...` is the label's word and no date."""
    label = _PUBLISHED_LABEL.match(line)
    if label is None or label.end() >= len(line) or (day_first and not label["day_first"]):
        return None
    return line[label.end() :]


def _unlabelled(line: str) -> str:
    """The line without its label saying it is the day published (_labelled)."""
    labelled = _labelled(line)
    return line if labelled is None else labelled


def _day_first(line: str) -> str | None:
    """What follows a French or German label (`Publié le`, `Veröffentlicht am`: _DAY_FIRST), or None."""
    return _labelled(line, day_first=True)


def _read_day_first(text: str) -> tuple[date | None, RejectedUploadError | None]:
    """read_date for the date after a French or German label: the day first, the month in numbers or named in either
    language (_DAY_FIRST); any other form as read_date reads it (`Publié le 2015-12-25`)."""
    written = _DAY_FIRST.fullmatch(_TIME_OF_DAY.sub("", text, count=1).rstrip("."))
    if written is None:
        return read_date(text)
    number, year = int(written["day"]), int(written["year"])
    month = int(written["month"]) if written["month"] else _DAY_FIRST_MONTHS.get(written["name"].casefold())
    if month is None:
        return None, None  # `12 Mais 2015`: no month's name, no date
    if not 1 <= month <= 12:
        return None, _no_such(text, f"there is no month {month}")
    day = _day_or_none(year, month, number)
    if day is None:
        days = monthrange(year, month)[1]
        return None, _no_such(text, f"{date(year, month, 1):%B %Y} has days 1 to {days}")
    return day, None


def _without_field_label(value: str) -> str:
    """A date field's value without its `Date:` or `Dated` label (_FIELD_LABEL)."""
    label = _FIELD_LABEL.match(value)
    return value[label.end() :] if label is not None else value


# When a date line's article was changed, after it: `May 12, 2015 — Updated May 13, 2015`, `12 May 2015 | Last
# modified: 13 May 2015 14:32`, `May 12, 2015, updated 10:40 GMT`.
_LATER_CHANGE = re.compile(
    r"\s*[-\u2013\u2014|,;\u00b7\u2022]?\s*(?:last\s+)?(?:updated|modified|edited|revised)\b:?\s*(?:on\s+|at\s+)?"
    r"(?P<when>.+)$",
    re.IGNORECASE,
)
# A time of day after the change's word, its zone one a news page writes (not any word: `March 3, 1987 - revised
# 12.50 dlrs` is a price, and the line was read as a date line and left the body; the session's last review).
_ZONES = "GMT|UTC|BST|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|IST|JST|HKT|SGT|AEST|AEDT"
_CLOCK = re.compile(
    rf"(?:\d{{1,2}}[:.]\d{{2}}(?:\s*(?i:[ap]\.?m\.?))?|\d{{1,2}}\s*(?i:[ap]\.?m\.?))(?:\s+(?:{_ZONES}))?"
)


# A line that says only when its article was changed: `Last updated: 13 May 2015`, `Updated 13 May 2015 14:32`,
# `Last modified on May 13, 2015`, `Updated 10:40 GMT` (not `Update on the bridge`, `Updated rules for 5G masts`).
_CHANGE_STAMP = re.compile(
    r"(?:last\s+)?(?:update[ds]?|modified|edited|revised)\b:?\s*(?:on\s+|at\s+)?(?P<when>.+)", re.IGNORECASE
)


def is_change_stamp(line: str) -> bool:
    """Whether a line says only when its article was changed (_CHANGE_STAMP): a date or a time of day after the
    word. That day is never the article's date."""
    stamp = _CHANGE_STAMP.fullmatch(clean_line(line))
    return stamp is not None and _names_when(stamp.group("when").strip(" ."))


def _names_when(when: str) -> bool:
    """Whether the text after a change's word says when: a time of day (_CLOCK) or a date."""
    return bool(_CLOCK.fullmatch(when)) or parse_date(when) is not None


def _before_later_change(text: str) -> str | None:
    """The date of a line that says when it was changed after it (_LATER_CHANGE, a date or a time of day after the
    word), which is the day published (a later change is never the article's date); None for any other text. `May
    12, 2015 — Updated May 13, 2015` was no date: a legacy page kept it as its first paragraph, undated (session 49's
    new user). Not `May 12, 2015 — Updated rules for masts`."""
    change = _LATER_CHANGE.search(text)
    if change is None or not change.start():
        return None
    return text[: change.start()] if _names_when(change.group("when").strip(" .")) else None


# A later change written before the day published, on one line: `Updated: 12 May 2015 | Published: 11 May 2015`,
# `Last modified 12 May 2015 - First published 11 May 2015` (session 54's attacker: no date, and the line stayed the
# body's first paragraph).
_EARLIER_PUBLICATION = re.compile(
    r"\s*[-\u2013\u2014|,;\u00b7\u2022]\s*(?=(?:(?:first|originally)\s+)?published\b)", re.IGNORECASE
)


def _after_later_change(text: str) -> str | None:
    """The day-published stamp of a line that says first when the article was changed (is_change_stamp) and then when
    it was published (`Updated: 12 May 2015 | Published: 11 May 2015` gives `Published: 11 May 2015`); None for any
    other text. A later change is never the article's date."""
    parts = _EARLIER_PUBLICATION.split(text, maxsplit=1)
    return parts[1] if len(parts) == 2 and is_change_stamp(parts[0]) else None


def is_first_publication(line: str) -> bool:
    """Whether a date line says when its article was first published (`First published on Mon 11 May 2015`,
    `Originally published 11 May 2015`): that day is the article's, whatever date line came before it (the Guardian
    writes the last change's day above it; session 54's attacker)."""
    return _FIRST_PUBLICATION.match(clean_line(line)) is not None and parse_date(line) is not None


_FIRST_PUBLICATION = re.compile(r"(?:first|originally)\s+published\b", re.IGNORECASE)
# A time relative to when the page was seen, which a page shows in place of its date: `2 hours ago`, `3 hrs ago`,
# `Updated 5 mins ago`, `a day ago`. It names no day: the page does not say when it was seen.
_RELATIVE_TIME = re.compile(
    r"(?:(?:last\s+)?(?:updated|posted|published|modified)\s*:?\s*)?(?:\d{1,3}|an?|one)\s+"
    r"(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\.?",
    re.IGNORECASE,
)


def is_relative_time(line: str) -> bool:
    """Whether a line is only a time relative to when the page was seen (_RELATIVE_TIME: `2 hours ago`)."""
    return _RELATIVE_TIME.fullmatch(clean_line(line)) is not None


def _no_such_day(text: str) -> RejectedUploadError | None:
    """Why a text written as a date in one of the forms read_date reads names no day (`2015-02-29`, `31 April 2015`,
    `2015-13-01`, `04/31/2015`, `2015-W54-1`), or None when it is no such text. Python's parsers only fail."""
    weekday = _WEEKDAY.match(text)
    written = _TIME_OF_DAY.sub("", text[weekday.end() :] if weekday else text, count=1)
    week = _ISO_WEEK_DAY.fullmatch(written)
    if week is not None:
        year, number, day = int(week["year"]), int(week["week"]), int(week["day"])
        if not 1 <= day <= 7:
            return _no_such(text, "a week has days 1 (Monday) to 7 (Sunday)")
        weeks = date(year, 12, 28).isocalendar().week if 1 <= year <= 9999 else 0  # 28 December is in the last week
        if weeks and not 1 <= number <= weeks:
            return _no_such(text, f"{year} has weeks 1 to {weeks}")
        return None
    numbers = _day_month_year(written)
    if numbers is None or not 1 <= numbers[2] <= 9999:
        return None
    day, month, year = numbers
    if not 1 <= month <= 12:
        return _no_such(text, f"there is no month {month}")
    days = monthrange(year, month)[1]
    if not 1 <= day <= days:
        return _no_such(text, f"{date(year, month, 1):%B %Y} has days 1 to {days}")
    return None


def _day_month_year(text: str) -> tuple[int, int, int] | None:
    """The day, month and year numbers of a date in numbers or with a named month, read as read_date reads it."""
    iso = _ISO_NUMBERS.fullmatch(text)
    if iso is not None:
        return int(iso["day"]), int(iso["month"]), int(iso["year"])
    numeric = _NUMERIC_DMY.fullmatch(text)
    if numeric is not None:
        a, b, year = int(numeric["a"]), int(numeric["b"]), int(numeric["year"])
        # The reading _unambiguous_numeric takes: a number above 12 is the day, and with dots the first (03/04 was
        # rejected as ambiguous).
        day_first = a == b or a > 12 or (numeric["sep"] == _DAY_FIRST_SEPARATOR and b <= 12)
        return (a, b, year) if day_first else (b, a, year) if b > 12 else None
    written = _WRITTEN_NUMBERS.match(text)
    if written is not None:
        month = _MONTH_PREFIXES.index((written["month"] or written["month_first"])[:3].casefold()) + 1
        return int(written["day"] or written["day_after"]), month, int(written["year"])
    return None


def _no_such(text: str, why: str) -> RejectedUploadError:
    return RejectedUploadError(
        f"the date {text!r} names a day that does not exist: {why}",
        fix="check the date, and write it as YYYY-MM-DD, for example 2015-05-12",
    )


def _ordinal_date(text: str, year: int, day: int) -> tuple[date | None, RejectedUploadError | None]:
    """`2015-132`, an ISO ordinal date: the 132nd day of 2015."""
    if not 1 <= year < 9999:
        return None, None
    days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    if not 1 <= day <= days:
        return None, RejectedUploadError(
            f"the date {text!r} names day {day} of {year}, which has {days} days",
            fix="write it as YYYY-MM-DD, for example 2015-05-12",
        )
    return date(year, 1, 1) + timedelta(days=day - 1), None


def _written_date(text: str) -> date | None:
    """RFC 2822 or a written form (`12 May 2015`, `May 12th, 2015`), without a weekday."""
    from email.utils import parsedate_to_datetime  # 9 ms to import; only dates that are not ISO need it

    try:
        day = parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):  # email.utils raises any of these on bad input
        pass
    else:
        # email.utils skips what it cannot read after the time: "12 May 2015 10:00 Sochi Russia talks" was a date,
        # and a body's first paragraph so written was dropped as a date line.
        if _RFC_2822_SHAPE.fullmatch(clean_line(text)):
            return day
    text = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text.replace(".", "").replace(",", ", ")).replace(" ,", ",")
    text = _SEPT.sub("Sep", clean_line(text))
    for pattern in _DATE_PATTERNS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


# What RFC 2822 writes after the weekday: day month year, a time, a zone (an offset or a few capitals), a comment.
_RFC_2822_SHAPE = re.compile(
    r"(?:\d{1,2}\s+[A-Za-z]+\.?|[A-Za-z]+\.?\s+\d{1,2},?)\s+\d{2,4}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:[+-]\d{4}|[A-Z]{1,5}))?(?:\s+\([^()]{0,40}\))?)?"
)
# A time of day after a date, and its zone, as news pages and exports write them (the date is the day as written, as
# an ISO date with an offset is): the Guardian's `12 May 2015 13.42 BST`, WordPress's `May 12, 2015 at 10:00 am`, the
# BBC's `12 May 2015, 10:00 BST`, AP's and the NYT's `May 12, 2015, 10:00 a.m. ET`, and after a numeric date
# (`2015/05/12 10:00`, `25/12/2015 10:00`, `2015-05-12 10:00 PM`); after a dash or a bar, as Drupal's default format
# writes it (`Thu, 11/14/2019 - 09:12`), and in French and German (`3 mars 2021 à 14h05`, `3. März 2021, 14:05 Uhr`:
# session 51's new user, each a first paragraph of an undated page). Only an hour and minutes that exist, and a zone
# in capitals (BST, ET) or an offset, end the text: `12 May 2015 10:00 Sochi talks` is no date.
_TIME_OF_DAY = re.compile(
    r"(?<=\d)(?:,\s*|\s+[-\u2013\u2014|]\s+|\s+)(?:(?i:at|\u00e0|um|a\s+las|\u00e0s|alle|om)\s+)?"
    r"(?:(?:0?[1-9]|1[0-2])(?:[:.][0-5]\d(?::[0-5]\d)?)?\s?(?i:[ap]\.?m\b\.?)|(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?)"
    r"(?:\s+(?:Uhr|[A-Z]{2,5}|(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?))?\Z"
)
# A named month's date ending in a two-digit year (`12 May 98`, `May 12, 98`): the text before the year, and the year.
_SHORT_YEAR_AT_END = re.compile(r"(?P<head>.*\D)(?P<year>\d{2})")
# An ISO week without its day (`2015-W20`, which Python reads as that week's Monday), a month or a year alone.
_NOT_A_DAY = re.compile(r"\d{4}(?:-?(?P<week>W\d{2})|-(?P<month>\d{2}))?(?:T.*)?", re.IGNORECASE)
# An ISO date with a month or day of one digit (`2015-5-2`, `2015-5-2T10:00`), as YAML 1.1's timestamps and the
# writers of front matter allow (session 53's attacker: "not understood"); Python's fromisoformat needs two digits.
_UNPADDED_ISO = re.compile(r"\A(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?=[T ]|\Z)", re.IGNORECASE)
# An ISO ordinal date (`2015-132`), with a time or not; a week date with its day (`2015-W20-3`) is a day too.
_ORDINAL = re.compile(r"(?P<year>\d{4})-(?P<day>\d{3})(?:T.*)?")
# AP style writes September as `Sept.` (the dots are gone when this applies); strptime knows only `Sep`.
_SEPT = re.compile(r"\bsept\b", re.IGNORECASE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(
    r"^(?P<day>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun)"
    r"\b\.?,?\s*",
    re.IGNORECASE,
)
_MONTH_PREFIXES = MONTH_ABBREVIATIONS
_MONTH = rf"(?:{'|'.join(_MONTH_PREFIXES)})[a-z]*\.?"
# A year of two or three digits after a named month: `12 May 49`, `May 12, 98` (not `May 12 10:00`, a time).
_TWO_DIGIT_YEAR = re.compile(
    rf"(?:\b\d{{1,2}}\s+{_MONTH}|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)[,\s]\s*\d{{2,3}}\b(?!:)", re.IGNORECASE
)
# The numbers of a date in the forms read_date reads with Python's parsers, which only fail on a day that does not
# exist: ISO (`2015-02-29`, `20150229`, with a time or not), `2015/02/29`, an ISO week date (`2015-W54-1`) and a named
# month (`31 April 2015`, `April 31st, 2015`, RFC 2822's `31 Apr 2015 10:00:00 GMT`). Every repeat is bounded but
# the time's, which runs to the end: matching is linear (and read_date passes at most MAX_DATE_CHARS).
_ISO_NUMBERS = re.compile(r"(?P<year>\d{4})([-/]?)(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?:T.*)?", re.IGNORECASE)
_ISO_WEEK_DAY = re.compile(r"(?P<year>\d{4})-?W(?P<week>\d{2})-?(?P<day>\d)(?:T.*)?", re.IGNORECASE)
_MONTH_NAME = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    "|nov(?:ember)?|dec(?:ember)?"
)
_WRITTEN_NUMBERS = re.compile(
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s(?P<month>{_MONTH_NAME})"
    rf"|(?P<month_first>{_MONTH_NAME})\.?\s(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?)\b\.?(?:,\s?|\s)"
    r"(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_DATE_PATTERNS = (
    "%d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%d %B, %Y",
    "%d %b, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y/%m/%d",
)


def _unambiguous_numeric(a: int, b: int, year: str, separator: str) -> date | None:
    """The day `a`, `b` and `year` name when only one reading is a date, or the day first with dots (`12.05.2015`:
    _DAY_FIRST_SEPARATOR)."""
    if len(year) != 4:
        return None
    if a == b or a > 12 or (separator == _DAY_FIRST_SEPARATOR and b <= 12):
        day, month = a, b
    elif b > 12:
        month, day = a, b
    else:
        return None
    try:
        return date(int(year), month, day)
    except ValueError:
        return None
