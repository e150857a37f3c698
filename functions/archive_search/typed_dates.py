"""Dates a reader types in a query, read as the days or months they name (session 54).

`february 1987`, `Feb. 1987`, `1987 october`: a month; `oct 19 1987`, `19 October 1987`, `1987-10-19`, `10/19/1987`,
`19.10.1987`, `oct-19-1987`: a day; `1987-10`, `10/1987`: a month. relevance.complete_match holds such a date by
the articles published then as well as by those writing it. Only a year 1900-2099 (YEAR) makes a date:
`10/19` (a score) and `3.5` stay numbers.

A day and month both 12 or less with `/` or `-` between them (`10/11/1987`) are read both ways, the 11th of October
and the 10th of November: American copy writes the month first, British copy the day first, and the archive holds
both (a search can list both days where an ingest, which stores one date, must refuse: parsing.validate). With dots
(`10.11.1987`) the day comes first, as only continental and British copy writes dates so. ISO forms (`1987-10-11`)
are never ambiguous.

A date's words are typed side by side, or with the words a date is said with between them (`march of 1987`,
`october the 19th 1987`, `march in 1987`: typed_apart), as query_units gives them with their stopwords: `may be
1987` is the verb (session 55; its `be`, a stopword, is no scored word, so `may` stood beside the year). A month
name that is an ordinary word after a year (ORDINARY_MONTHS) is a month only before it: `1987 may` is the verb, as
in both news-dev articles writing `2005 may` ("earnings in 2005 may also slide"), where the two writing `may 2005`
and the one writing `may 1987` mean the month. A day in figures with a two-digit year (`10/19/87`)
reads it as `'87` does (short_year), but not with dots (`2.7.10` is a version number). Two digits after a month's
name alone are its day, no year (`sep-11`, `may-05`: no date, as `september 11`), unless they can be no day
(`oct-87`) or follow an apostrophe (`may-'05`; session 56).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

YEAR = re.compile(r"(?:19|20)\d\d")  # a year typed (1900-2099), held by the articles published in it too
# The English months, in order, written here: `calendar.month_name` follows the process's LC_TIME locale (set by a
# dependency or a shell, `october` would be no month). An abbreviation is a name's first three letters (`sept` too).
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name: number for number, name in enumerate(MONTH_ABBREVIATIONS, 1)},
    "sept": 9,
}
# A month's name that news copy writes right after a year as another word: the verb `may` ("earnings in 2005 may also
# slide"). Not `march` nor `mar`: news-dev writes neither after a year, and `1987 march` typed lost March 1987's
# articles when read as the word (session 55's comparison).
ORDINARY_MONTHS = frozenset({"may"})
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
# Year first (ISO, `1987/10/19` too): never ambiguous. The separators of one date are the same.
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?:(?P=sep)(?P<day>\d{1,2}))?")
# A year typed with two digits behind an apostrophe (`'87`, a typographic one too): the latest such year not after
# this one, as a news archive holds no story from the future (`'68` is 1968, where POSIX strptime's `%y` pivot read
# 2068 and found nothing: session 54's review; `'05` is 2005). A bare `87` stays a number (`87 mln dlrs`: hundreds of
# wire stories).
_SHORT_YEAR = re.compile(r"['\u2018\u2019](\d\d)")
_LAST_YEAR = rf"(?P<year>\d{{4}}|{_SHORT_YEAR.pattern}|\d\d)"  # a one-word date's year: `1987`, `'87` or `87`
_YEAR_LAST = re.compile(r"(?P<first>\d{1,2})(?P<sep>[-/.])(?:(?P<second>\d{1,2})(?P=sep))?" + _LAST_YEAR)
_NAMED = re.compile(
    r"(?:(?P<month>[a-z]+)(?P<sep>[-/.])(?:(?P<day>\d{1,2})(?P=sep))?"
    r"|(?P<day_first>\d{1,2})(?P<sep_first>[-/.])(?P<month_second>[a-z]+)(?P=sep_first))" + _LAST_YEAR
)


@dataclass(frozen=True)
class Period:
    """A day of the calendar, or a month when `day` is None."""

    year: int
    month: int
    day: int | None = None

    def published(self) -> dict[str, Any]:
        """The articles published in it (the engine's date math rounds to the whole day or month)."""
        if self.day is None:
            when, unit, form = f"{self.year}-{self.month:02d}", "M", "yyyy-MM"
        else:
            when, unit, form = f"{self.year}-{self.month:02d}-{self.day:02d}", "d", "yyyy-MM-dd"
        return {"range": {"published": {"gte": f"{when}||/{unit}", "lte": f"{when}||/{unit}", "format": form}}}

    def written(self) -> list[str]:
        """How a text writes it: a month with its year (`february 1987`, `feb 1987`), a day without it (`october
        19`, `oct 19`, `19 october`: a wire dateline's form, and a British one), whose year is held apart."""
        name = MONTH_NAMES[self.month - 1]
        names = dict.fromkeys([name, MONTH_ABBREVIATIONS[self.month - 1]])
        if self.day is None:
            return [f"{written} {self.year}" for written in names]
        return [*(f"{written} {self.day}" for written in names), f"{self.day} {name}"]


@dataclass(frozen=True)
class TypedDate:
    """The query units a date spans (`("oct", "19", "1987")`, `("1987-10-19",)`) and what it may name: one period,
    or two for a day typed either way round (`10/11/1987`)."""

    words: tuple[str, ...]
    periods: tuple[Period, ...]

    @property
    def year(self) -> str:
        """The year the date names, in figures (`1987`): its first period's, which the other shares (a day typed
        either way round, `10/11/1987`, is two days of one year)."""
        return str(self.periods[0].year)


def short_year(raw: str) -> str | None:
    """The year a word typed `'87` names (`1987`; `'05`: `2005`), else None."""
    if not (match := _SHORT_YEAR.fullmatch(raw)):
        return None
    return str(_century(match[1]))


def _century(digits: str) -> int:
    """The latest year written with these two last digits not after this one (_SHORT_YEAR)."""
    this_year = datetime.datetime.now(datetime.UTC).year
    return this_year - (this_year - int(digits)) % 100


def _year(typed: str, sep: str, day: bool, named: bool) -> int | None:
    """The year a date written as one word ends with (`typed`: four digits, or two with or without an apostrophe):
    four digits in YEAR; two behind an apostrophe (short_year: `oct-'87`, `10/'87`); else two (_century) in a date
    naming its `day` (`10/19/87`, `oct-19-87`), or its month in words (`named`) where they can be no day (`oct-87`:
    `sep-11`, `may-05` are a day of the month, typed without its year, as `september 11` is no date), and never
    with dots (`2.7.10` a version number) nor after a month in figures alone (`10/87` may be a score)."""
    if year := short_year(typed):
        return int(year)
    if len(typed) == 2:
        a_year = day or (named and not 1 <= int(typed) <= 31)
        return _century(typed) if a_year and sep != "." else None
    return int(typed) if YEAR.fullmatch(typed) else None


def typed_dates(words: Sequence[str], apart: Collection[int] = ()) -> list[TypedDate]:
    """The dates among a query's units (relevance.query_units: case-folded, edge punctuation dropped), in order: one
    unit written as a date (numeric_date), or a month name or abbreviation beside a year, a day between or before
    them (`oct 19 1987`, `19 october 1987`). A month name without a year is a word (`october crash`). `apart`: the
    positions of the words typed apart from the one before them (another word between: `may be 1987`), which no
    date spans (module docstring)."""
    dates: list[TypedDate] = []
    i = 0
    while i < len(words):
        if periods := numeric_date(words[i]):
            dates.append(TypedDate((words[i],), periods))
            i += 1
            continue
        if found := _named_date(words, i, apart):
            dates.append(found)
            i += len(found.words)
            continue
        i += 1
    return dates


def typed_apart(units: Sequence[str], stopwords: Collection[str]) -> list[bool]:
    """For each of the units that are not stopwords (query_units: a query's units with its stopwords, a comma
    dropped), whether it was typed apart from the one before it: another word between them but the words a date is
    written with (_within_date: `may be 1987`, not `march of 1987` nor `october the 19th, 1987`)."""
    flags: list[bool] = []
    between: list[str] = []
    for unit in units:
        if unit in stopwords:
            between.append(unit)
            continue
        flags.append(not _within_date(between, unit))
        between = []
    return flags


def _within_date(between: Collection[str], unit: str) -> bool:
    """Whether the stopwords typed before a unit are those a date is written and said with: `of` (`march of 1987`,
    `the 19th of october`), `the` before a day (`october the 19th 1987`, `may the 5th 2005`) and `in` before a year
    (`march in 1987`, `march in '87`): how a reader says and types a date, though news-dev's copy writes only `of`
    so ("January through March of 1987"). Any other (`be` in `may be 1987`) is a word between, and no date spans it:
    session 55's review of the rule allowing `of` alone, under which `october the 19th 1987` lost its day's 10
    articles from page 1."""
    allowed = {"of"}
    if _DAY.fullmatch(unit):
        allowed.add("the")
    if YEAR.fullmatch(unit):
        allowed.add("in")
    return set(between) <= allowed


def _named_date(words: Sequence[str], i: int, apart: Collection[int]) -> TypedDate | None:
    """The date starting at words[i]: month year, year month, month day year or day month year, its words typed side
    by side (`apart`); an ordinary word's month (ORDINARY_MONTHS) before its year only."""
    window = list(words[i : i + 3])
    if together := next((n for n in range(1, len(window)) if i + n in apart), None):
        window = window[:together]
    month = MONTHS.get(window[0])
    if month is not None and len(window) > 1 and YEAR.fullmatch(window[1]):
        return TypedDate(tuple(window[:2]), (Period(int(window[1]), month),))
    if (
        YEAR.fullmatch(window[0])
        and len(window) > 1
        and window[1] not in ORDINARY_MONTHS
        and (month := MONTHS.get(window[1])) is not None
    ):
        return TypedDate(tuple(window[:2]), (Period(int(window[0]), month),))
    if len(window) < 3 or not YEAR.fullmatch(window[2]):
        return None
    for name, day in ((window[0], window[1]), (window[1], window[0])):
        month = MONTHS.get(name)
        number = _DAY.fullmatch(day)
        if month is not None and number and (period := _day(int(window[2]), month, int(number[1]))):
            return TypedDate(tuple(window), (period,))
    return None


def numeric_date(word: str) -> tuple[Period, ...]:
    """The periods one unit written as a date names (`1987-10-19`, `1987-10`, `10/1987`, `10/19/1987`,
    `19.10.1987`, `oct-19-1987`, `19-oct-1987`), none for any other word or a day the calendar lacks (`2/30/1987`)."""
    if match := _YEAR_FIRST.fullmatch(word):
        year, month = int(match["year"]), int(match["month"])
        if match["day"]:
            period = _day(year, month, int(match["day"]))
        elif match["sep"] == "-" and month != (year + 1) % 100:
            period = _month(year, month)
        else:
            # `1987.10` a number, `1987/10` a fraction, `2004-05` a season or fiscal year
            period = None
        return (period,) if period and YEAR.fullmatch(match["year"]) else ()
    if match := _YEAR_LAST.fullmatch(word):
        if (last := _year(match["year"], match["sep"], match["second"] is not None, False)) is None:
            return ()
        first = int(match["first"])
        if match["second"] is None:
            # `10/1987`, `10-1987`; `1.1987` is a number (an exchange rate)
            return (period,) if match["sep"] != "." and (period := _month(last, first)) else ()
        second = int(match["second"])
        either = dict.fromkeys(p for p in (_day(last, first, second), _day(last, second, first)) if p)
        readings = tuple(either)
        # Dots are the day-first copy's (module docstring).
        return readings[-1:] if match["sep"] == "." else readings
    if match := _NAMED.fullmatch(word):
        named = MONTHS.get(match["month"] or match["month_second"])
        day = match["day"] or match["day_first"]
        named_year = _year(match["year"], match["sep"] or match["sep_first"], day is not None, True)
        if named is None or named_year is None:
            return ()
        period = _day(named_year, named, int(day)) if day else _month(named_year, named)
        return (period,) if period else ()
    return ()


def _day(year: int, month: int, day: int) -> Period | None:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return Period(year, month, day)


def _month(year: int, month: int) -> Period | None:
    return Period(year, month) if 1 <= month <= 12 else None
