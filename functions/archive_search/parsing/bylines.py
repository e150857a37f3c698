"""Bylines and agency credits, as news pages write them in running text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from archive_search.parsing.text import clean_line, normalise_space
from archive_search.parsing.validate import (
    date_line_problem,
    date_line_readings,
    is_change_stamp,
    is_first_publication,
    is_relative_time,
    parse_date,
)
from archive_search.typed_dates import MONTH_NAMES

MAX_AUTHOR_CHARS = 120

# Canonical spelling of the agencies a story may be credited to, by lower-case spelling.
AGENCIES = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "reuter": "Reuters",
    "upi": "UPI",
    "dpa": "DPA",
    "ansa": "ANSA",
    "efe": "EFE",
    "xinhua": "Xinhua",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "aap": "AAP",
    "bbc": "BBC",
    "cnn": "CNN",
    "tass": "TASS",
    "itar-tass": "TASS",
    "interfax": "Interfax",
    "ria novosti": "RIA Novosti",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "bloomberg": "Bloomberg",
    "anadolu": "Anadolu",
    "bernama": "Bernama",
    "antara": "Antara",
    "press association": "PA",
    "british broadcasting corporation": "BBC",
    "press trust of india": "PTI",
    "united press international": "UPI",
    "australian associated press": "AAP",
    "cable news network": "CNN",
    "deutsche presse-agentur": "DPA",
    "indo-asian news service": "IANS",
    "asian news international": "ANI",
    "canadian press": "CP",
    "the canadian press": "CP",
    "jiji": "Jiji Press",
    "jiji press": "Jiji Press",
    "kyodo news": "Kyodo",
    "agencia efe": "EFE",
    "europa press": "Europa Press",
    "notimex": "Notimex",
    "irna": "IRNA",
    "islamic republic news agency": "IRNA",
    "jiji press agency": "Jiji Press",
    "ukrinform": "Ukrinform",
    # National agencies and public broadcasters whose copy a page credits as it credits AFP's (session 53's new user:
    # `(RTE)` stayed in the text). Not those whose short name is a word or a given name (Syria's SANA, Morocco's MAP,
    # Croatia's HINA, Egypt's MENA, Taiwan's CNA, Poland's PAP, a party's too): their bracket ends as many sentences as
    # it credits.
    "rte": "RT\u00c9",
    "rt\u00e9": "RT\u00c9",
    "raidi\u00f3 teilif\u00eds \u00e9ireann": "RT\u00c9",
    "pa media": "PA",
    "anp": "ANP",
    "belga": "Belga",
    "apa": "APA",
    "keystone-sda": "Keystone-SDA",
    "sda": "Keystone-SDA",
    "ntb": "NTB",
    "stt": "STT",
    "ritzau": "Ritzau",
    "ctk": "\u010cTK",
    "\u010dtk": "\u010cTK",
    "mti": "MTI",
    "agerpres": "Agerpres",
    "bta": "BTA",
    "tanjug": "Tanjug",
    "ana-mpa": "ANA-MPA",
    "lusa": "Lusa",
    "unian": "UNIAN",
    "kcna": "KCNA",
    "vna": "VNA",
    "rnz": "RNZ",
    "cbc": "CBC",
    "npr": "NPR",
    "voa": "VOA",
}
# Of those, the abbreviations that end as many sentences as they credit: a party (Bosnia's SDA, Pakistan's ANP), an
# association (APA), a blood count (CBC), a province (Indonesia's NTB), speech-to-text (STT), an institute (MTI), a
# broadcaster spelled out just before (`Voice of America (VOA).`; session 53's review). They credit only where no
# sentence holds them: on a line of their own (credit_only), after the last sentence's end (`... at home. (ANP)`) or
# in a wire dateline (`AMSTERDAM (ANP) -`), or after a byline's names (without_agency_tail).
_AMBIGUOUS_CREDITS = frozenset({"anp", "apa", "sda", "ntb", "stt", "mti", "bta", "vna", "rnz", "cbc", "npr", "voa"})
# Their full names, which a sentence writes before the abbreviation it introduces (`Voice of America (VOA)`).
_FULL_NAMES = {
    "VOA": ("voice of america",),
    "NPR": ("national public radio",),
    "RNZ": ("radio new zealand",),
    "NTB": ("norsk telegrambyr\u00e5", "norsk telegrambyra"),
    "APA": ("austria presse agentur", "austria presse-agentur"),
    "VNA": ("vietnam news agency",),
    "CBC": ("canadian broadcasting corporation",),
    "ANP": ("algemeen nederlands persbureau",),
    "Keystone-SDA": ("schweizerische depeschenagentur",),
    "MTI": ("magyar t\u00e1virati iroda",),
    "STT": ("suomen tietotoimisto",),
    "BTA": ("bulgarian news agency",),
}
# Broadcasters: "the national broadcaster (RTE)" names one, "the national broadcaster (AFP)" credits the agency.
_BROADCASTERS = frozenset({"RT\u00c9", "BBC", "CNN", "CBC", "NPR", "VOA", "RNZ"})
# Countries and states of two or more words, written after a byline's place ("in Seoul, South Korea"): one such
# place, not a second author (a name of two words is as likely as a country of one, so only these are known).
_COUNTRIES_OF_WORDS = frozenset(
    {"south korea", "north korea", "new zealand", "south africa", "united states", "united kingdom", "saudi arabia"}
    | {"sri lanka", "costa rica", "el salvador", "puerto rico", "hong kong", "south sudan", "east timor", "timor-leste"}
    | {"burkina faso", "sierra leone", "ivory coast", "cote d'ivoire", "papua new guinea", "new caledonia"}
    | {"united arab emirates", "czech republic", "dominican republic", "central african republic", "north macedonia"}
    | {"bosnia and herzegovina", "trinidad and tobago", "antigua and barbuda", "the netherlands", "the gambia"}
    | {"the philippines", "the bahamas", "new york", "new jersey", "new mexico", "new hampshire", "north carolina"}
    | {"south carolina", "north dakota", "south dakota", "west virginia", "rhode island", "new south wales"}
    | {"british columbia", "nova scotia", "new brunswick", "northern ireland", "western australia"}
    | {"northern territory", "south australia", "west bank", "gaza strip", "tamil nadu", "uttar pradesh"}
    | {"west bengal", "madhya pradesh", "andhra pradesh", "himachal pradesh", "arunachal pradesh", "solomon islands"}
    | {"marshall islands", "cayman islands", "faroe islands", "cook islands", "san marino", "el paso", "cape verde"}
    | {"democratic republic of congo", "democratic republic of the congo", "republic of congo", "isle of man"}
    | {"south ossetia", "western sahara", "new territories", "the hague", "rio de janeiro", "sao paulo"}
)
_AGENCY = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))
_AGENCY_LIST = rf"(?:{_AGENCY})(?:\s*[/,&]\s*(?:{_AGENCY}))*"
# "... at home (AFP)." / "(Reuters) " / "- AFP" / "— AP" / "(With AFP)" at the very end of the text.
_TRAILING_CREDIT = re.compile(
    rf"\s*(?:\(\s*(?:with\s+|source:\s*)?(?P<paren>{_AGENCY_LIST})\s*\)|(?:--?|\u2013|\u2014)\s*(?P<dash>{_AGENCY_LIST}))"
    r"\s*(?P<stop>\.)?\s*$",
    re.IGNORECASE,
)
_CREDIT_TAIL_CHARS = 300
# A sentence's or clause's end, with the quotes or brackets that close after it: `over.`, `over."`, `(in Sochi.)`,
# `at home:`, `at home;`. A full stop written after a credit that follows one is no part of what was written.
_SENTENCE_END = re.compile("[.!?\u2026:;][\"'\u201d\u2019)\\]]*$")
_CREDIT_ONLY = re.compile(
    rf"^(?:(?:--?|\u2013|\u2014)\s*)?\(?\s*(?:with\s+|source:\s*)?(?P<credit>{_AGENCY_LIST})\s*\)?\.?$", re.IGNORECASE
)
# A wire dateline: "SOCHI, Russia (AFP) - US Secretary of State ..."
_DATELINE_CREDIT = re.compile(rf"^[A-Z][^()\n]{{0,60}}\((?P<credit>(?i:{_AGENCY_LIST}))\)\s*(?:-|\u2013|\u2014)")

# "By Our Correspondent", "By A Staff Reporter", "By Our Foreign Staff": a newspaper's unnamed writers.
_STAFF = re.compile(
    r"^(?:our|a|an|the)\s+(?:[A-Za-z]+\s+){0,2}(?:correspondents?|staff|reporters?|writers?|team|desk|bureau)$",
    re.IGNORECASE,
)


# "(By Jane Doe)", "[By Jane Doe]", "(Written by Jane Doe)".
def _bracketed(by: str) -> re.Pattern[str]:
    """A byline in brackets after its `by` word (a pattern): "(By Jane Doe)", "[By Jane Doe]", "(Par Jean Dupont)"."""
    return re.compile(rf"^[(\[]\s*{by}:?\s+(?P<name>[^()\[\]]{{2,120}}?)\s*[)\]]\.?$", re.IGNORECASE)


# The labels before "by" that credit the writing: "Story by", "Words by", "Text by", "Reported by", Reuters'
# "Reporting by ...; Writing by ...", "Photos and words by" (the words are hers). A credit of pictures, an edit or a
# review names no writer (_NOT_WRITTEN_BY). "Report by" and "Interview by" start headlines as often ("Report by UN
# Panel Finds Abuse"): bracketed only. A blog's "Posted by" and Drupal's "Submitted by" label a byline too (session 54's
# attacker: "Submitted by Jane Doe on Tue, 12 May 2015 - 10:00" stayed the body's first paragraph).
_PICTURES_AND = r"(?:(?:photos?|pictures?|photographs?|photography)\s+and\s+)?"
_AND_PICTURES = r"(?:\s+and\s+(?:photos?|pictures?|photographs?|photography))?"
_WRITING = r"written|words|story|text|reported|reporting|writing"
_WRITER_LABEL = rf"{_PICTURES_AND}(?:{_WRITING}){_AND_PICTURES}"
_ANY_WRITER_LABEL = rf"{_PICTURES_AND}(?:{_WRITING}|report|interview){_AND_PICTURES}"
_PAREN_BYLINE = _bracketed(rf"(?:{_ANY_WRITER_LABEL}\s+)?by")
_PLAIN_BYLINE = re.compile(
    rf"^(?:(?P<label>{_WRITER_LABEL}|posted|submitted)\s+)?by:?\s+(?P<name>.{{2,120}}?)\.?$", re.IGNORECASE
)
# "By" in other languages, at the start of a byline only: French "Par", German "Von", Spanish and Portuguese "Por",
# Italian "di", Dutch "Door", Arabic "بقلم" ("by the pen of"), Chinese "记者" ("reporter"), Russian, Ukrainian and
# Bulgarian "Автор:" ("author", one word in the three). "Von" and "di" are also the first words of names ("Von
# Miller", "Di Maria"): what follows must be a name of two words or more.
_FOREIGN_BY = r"(?:par|von|por|di|door|\u0628\u0642\u0644\u0645|\u8bb0\u8005|\u0430\u0432\u0442\u043e\u0440)"
_FOREIGN_PAREN_BYLINE = _bracketed(_FOREIGN_BY)
# Unbracketed, with the label's colon: "Автор: Иван Петров", "Par: Jean Dupont" (a colon no subheading puts there).
_FOREIGN_LABELLED_BYLINE = re.compile(rf"^{_FOREIGN_BY}:\s+(?P<name>.{{2,120}}?)\.?$", re.IGNORECASE)
# The words that join two names in those languages: "y" (Spanish), "e" (Italian, Portuguese), "en" (Dutch), "und"
# (German), "et" (French), "و" (Arabic), "和" (Chinese, written with spaces in a byline), "и" (Russian, Bulgarian),
# "\u0456" and "та" (Ukrainian).
_FOREIGN_JOINERS = re.compile(r"\s+(?:y|e|en|und|et|\u0648|\u548c|\u0438|\u0456|\u0442\u0430|and|&)\s+")
# Contact details a byline gives after the name: an e-mail address or a social handle, bracketed or after a comma,
# a dash or a line break ("Jane Doe (jane@example.com)", "Jane Doe, jane@example.com", "Jane Doe (@janedoe)").
_CONTACT = re.compile(
    # A label before it has its colon ("Twitter: @janedoe"; "Malcolm X @mx" keeps its X), or is "Follow ... on X".
    r"\s*(?:[,;|\u2013\u2014-]\s*|\s)?[(\[<]?\s*(?:mailto:|(?:e-?mail|twitter|x|instagram|bluesky|mastodon|threads"
    r"|contact)\s*:\s*|follow(?:\s+(?:me|her|him|them))?(?:\s+on\s+\w+)?\s+)?"
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.])@\w{1,30})\s*[)\]>]?",
    re.IGNORECASE,
)
# A name's last word that ends with its own full stop, not the sentence's: `Jr.`, `Sr.`, an initial, `Ph.D.`, `D.C.`
_ABBREVIATED = re.compile(r"(?:\b(?:jr|sr|jnr|snr)|(?<![\w.])\w|\w\.\w+)$", re.IGNORECASE)
# Name particles: parts of a name ("Ana de la Cruz", "Ludwig van Beethoven", "Osama bin Laden"), never all of one.
_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le"}
    | {"al", "el", "bin", "ibn", "y", "e", "ter", "ten", "st.", "mc", "o'", "wa"}
)
# A particle joined to the name it precedes: "al-Assad", "d'Alembert", "O'Brien" (lower-case or not).
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|ben|bin|d|l|o)[-'\u2019](?P<name>.)", re.IGNORECASE)
# Articles, prepositions, conjunctions and pronouns, in any case, are no part of a name: "By THE NUMBERS" and
# "By Land And Sea" are subheadings. "and", "AND" and "&" join two names.
_NOT_NAME_WORDS = frozenset(
    {"the", "a", "an", "and", "or", "nor", "but", "of", "at", "in", "on", "to", "for", "with", "from", "by", "as"}
    | {"into", "onto", "over", "under", "about", "after", "before", "than", "via", "per", "off", "up", "out"}
    | {"upon", "across", "through", "against", "between", "without", "within", "during", "near", "this", "that"}
    | {"these", "those", "our", "your", "my", "his", "her", "its", "their", "we", "you", "it", "how", "what"}
    | {"why", "when", "where", "who", "is", "are", "was", "were", "no", "not", "all", "more", "most"}
)
# Words of dates that are first names as often ("April", "June", "Dawn", "Summer"): common words in running text
# (_COMMON_WORDS), names in a byline element (names_people).
_NAME_LIKE_DATES = frozenset(
    {*MONTH_NAMES, "dawn", "summer", "autumn", "winter", "spring", "christmas", "easter", "sunday"}
)
# Common English words that are no name on their own: a "name" made only of these ("By Popular Demand", "(By Law)",
# "By Comparison", "By Design") is a subheading or an aside. Words that are also common names or surnames (Mark,
# Young, Rose, King, Brown, Day...) are deliberately absent: "By Mark Young" is a byline.
_COMMON_WORDS = _NAME_LIKE_DATES | frozenset(
    {"accident", "acclaim", "account", "accounts", "age", "agreement", "air", "analogy", "any"}
    | {"appointment", "area", "arrangement", "association", "big", "bike", "boat", "bounds", "bus"}
    | {"candlelight", "car", "category", "chance", "choice", "city", "coincidence", "comparison"}
    | {"consensus", "consent", "contract", "contrast", "country", "county", "courtesy", "crook", "data"}
    | {"date", "daylight", "days", "decades", "decree", "default", "definition", "degree", "degrees"}
    | {"demand", "design", "dint", "district", "each", "ear", "early", "email", "error", "evening", "every"}
    | {"example", "extension", "eye", "facts", "far", "fate", "figures", "final", "first", "foot", "force"}
    | {"full", "global", "great", "half", "hand", "heart", "hook", "hour", "hours", "imagination"}
    | {"implication", "inches", "intent", "invitation", "land", "large", "last", "late", "law", "laws"}
    | {"leaps", "least", "local", "location", "luck", "mail", "majority", "mandate", "many", "margin"}
    | {"means", "miles", "minority", "minute", "minutes", "mistake", "month", "months", "moonlight"}
    | {"morning", "mouth", "name", "national", "nature", "necessity", "new", "next", "night", "now"}
    | {"number", "numbers", "official", "old", "only", "order", "other", "permission", "phone", "place"}
    | {"policy", "popular", "popularity", "post", "private", "proxy", "public", "purpose", "rail", "reason"}
    | {"region", "regulation", "request", "reservation", "road", "rote", "rule", "rules", "sea", "seconds"}
    | {"secret", "sector", "sight", "size", "small", "some", "special", "state", "statistics", "stats"}
    | {"statute", "stealth", "stretch", "subject", "surprise", "theme", "then", "time", "today", "tomorrow"}
    | {"topic", "total", "town", "tradition", "train", "treaty", "turns", "type", "virtue", "vote", "votes"}
    | {"water", "way", "week", "weeks", "word", "year", "years", "yesterday"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "weekend", "midnight", "noon", "dusk"}
    | {"sunset", "sunrise", "itself", "himself", "herself", "themselves", "ourselves", "yourself", "myself"}
    | {"royal", "unanimous", "decision", "necessary", "committee", "ballot", "ferry", "telephone", "plane"}
)
_NAME_JOINERS = re.compile(r"\s+(?:and|AND|&)\s+")
# What separates the names of a byline (kept when a place is taken out): a comma, or a joining "and".
_NAME_SEPARATORS = re.compile(r"(\s*,\s*|\s+(?:and|AND|&)\s+)")
# "Jane Doe in Moscow": the place a name is written from, no part of it.
_PLACE = re.compile(r"\s+(in|IN)\s+")
# "By", or a label of the writer ("Reporter: Jane Doe", "Author: Jane Doe", "Por: Juan Pérez", "Von: Hans Müller").
_AUTHOR_PREFIX = re.compile(
    rf"^(?:(?:(?:{_ANY_WRITER_LABEL}|posted|opinion|analysis|commentary|review)\s+)?by:?\s+"
    # An author page's link: "View all posts by Jane Doe" (WordPress), "More articles by Jane Doe".
    r"|(?:view\s+)?(?:all\s+|more\s+)?(?:posts|articles|stories)\s+by:?\s+"
    r"|(?:reporters?|authors?|autora?|auteure?|por|par|von|text|texte|words|writers?|written\s+by|reporting)\s*:\s*)",
    re.IGNORECASE,
)


def canonical_credit(text: str) -> str:
    parts = re.split(r"\s*[/,&]\s*", clean_line(text))
    return "/".join(AGENCIES.get(part.casefold(), part) for part in parts if part)


def split_trailing_credit(paragraph: str) -> tuple[str, str | None]:
    """The paragraph without its trailing agency credit, and the credit (or None). Only the credit's own characters
    go: a full stop written after it ends the sentence it followed."""
    # A credit ends its paragraph: looking for one only in the last few hundred characters keeps this linear
    # (searched from every dash of "itar-tass/itar-tass/...", 80 KB took 17 s).
    match = _TRAILING_CREDIT.search(paragraph, max(0, len(paragraph) - _CREDIT_TAIL_CHARS))
    if not match:
        return paragraph, None
    if not match.group("paren") and not paragraph[: match.start()].strip():
        return paragraph, None  # a paragraph that is only "- AFP" is handled by credit_only
    if match.group("paren") and _spelled_out_before(paragraph[: match.start()], match.group("paren")):
        return paragraph, None  # "... the British Broadcasting Corporation (BBC)." names the BBC, credits nobody
    written = match.group("paren") or match.group("dash")
    credit = canonical_credit(written)
    ending = paragraph[: match.start()].rstrip()
    if is_ambiguous_credit(written) and not _STOP.search(ending):
        return paragraph, None  # "... the main Bosniak party (SDA)." ends a sentence, credits nobody
    # The sentence's full stop written after the credit ("at home (AFP).", 'said "no" (AFP).') stays; none is added
    # where none was written ("profits rose (Reuters)" ends "profits rose"), nor doubled ("at home. (AP)."), nor put
    # after a colon or semicolon ("at home: (AFP)." ends "at home:", not the "home:." no one wrote).
    if match.group("stop") and ending and not _SENTENCE_END.search(ending):
        ending = f"{ending}."
    return ending, credit


# The last sentence's end before a credit that follows it: `at home. (ANP)`, `said "no." (ANP)`.
_STOP = re.compile("[.!?\u2026][\"'\u201d\u2019)\\]]*$")


def is_ambiguous_credit(written: str) -> bool:
    """Whether a credit as written names only agencies whose abbreviations are as often a party's, a test's or a
    place's (_AMBIGUOUS_CREDITS: `SDA`, `CBC`, `NTB`); `Reuters/ANP` is a credit."""
    return all(part.casefold() in _AMBIGUOUS_CREDITS for part in re.split(r"\s*[/,&]\s*", clean_line(written)))


def _spelled_out_before(text: str, bracketed: str) -> bool:
    """Whether the bracketed agency only abbreviates what the sentence names just before it, as a sentence introduces
    an abbreviation: the agency's full name ("British Broadcasting Corporation (BBC)", "Press Trust of India (PTI)",
    "the Associated Press (AP)"), a news agency named as one ("the German news agency (dpa)"), or other words whose
    initials it spells after an article or a preposition ("credit in Advanced Placement (AP)"; session 51's attack
    report: each lost its abbreviation and credited the agency). A person's name whose initials happen to match
    ("said Ann Parker (AP).") is followed by a credit."""
    folded = f" {clean_line(text).casefold().rstrip()}"
    credit = canonical_credit(bracketed)
    if _AGENCY_NAMED.search(folded) or _initials_before(clean_line(text), bracketed):
        return True
    if credit in _BROADCASTERS and _BROADCASTER_NAMED.search(folded):
        return True
    names = [name for name, short in AGENCIES.items() if short == credit and name != bracketed.casefold()]
    return any(folded.endswith(f" {name}") for name in (*names, *_FULL_NAMES.get(credit, ())))


# What names a news agency just before its bracketed abbreviation: "the German news agency (dpa)", "the state news
# agency (Xinhua)", "the wire service (AP)"; a broadcaster named as one: "the national broadcaster (RTE)" (only a
# broadcaster's abbreviation: "an interview with the national broadcaster (AFP)." is AFP's copy; session 53's review).
_AGENCY_NAMED = re.compile(r"\b(?:news\s+)?(?:agency|agencies|wire\s+service|news\s+service|newswire)$")
_BROADCASTER_NAMED = re.compile(r"\bbroadcaster$")
# Capitalised words spelled out before their abbreviation, after a word no person's name follows: an article or a
# preposition ("in Advanced Placement (AP)", "the Asian Nuclear Initiative (ANI)"); "said Ann Parker (AP)" is a credit.
_SPELLED_OUT = re.compile(
    r"(?:^|\s)(?:the|a|an|in|of|at|on|for|from|into|under|its|their|his|her|our)\s+"
    r"(?P<words>[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][\w'\u2019-]*){1,6})$"
)
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&"})


def _initials_before(text: str, bracketed: str) -> bool:
    """Whether the capitalised words that end `text`, after an article or a preposition (_SPELLED_OUT), spell
    `bracketed` by their initials, function words aside or not ("Advanced Placement" is AP)."""
    letters = bracketed.replace(" ", "").casefold()
    if not letters.isalpha():
        return False
    found = _SPELLED_OUT.search(text)
    if found is None:
        return False
    words = [word.strip("'\u2019-") for word in found.group("words").split()]
    for start in range(len(words)):
        run = words[start:]
        if not run or run[0].casefold() in _FUNCTION_WORDS:
            continue
        every = "".join(word[0] for word in run if word).casefold()
        content = "".join(word[0] for word in run if word and word.casefold() not in _FUNCTION_WORDS).casefold()
        if letters in (every, content):
            return True
    return False


def credit_only(paragraph: str) -> str | None:
    """The credit, if the whole paragraph is one ("AFP", "(Reuters)")."""
    match = _CREDIT_ONLY.match(paragraph)
    return canonical_credit(match.group("credit")) if match else None


def dateline_credit(paragraph: str) -> str | None:
    """The agency a wire dateline credits ("SOCHI, Russia (AFP) - ..."), not an abbreviation introduced after its
    full name ("The Associated Press (AP) - a news agency - ...")."""
    match = _DATELINE_CREDIT.match(paragraph)
    if match is None or _spelled_out_before(paragraph[: match.start("credit") - 1], match.group("credit")):
        return None
    return canonical_credit(match.group("credit"))


# What a separator adds after a byline's names: "By Jane Doe | Photos by John Roe", "By Jane Doe • 5 min read".
_BYLINE_ADDS = re.compile(r"\s+[|\u2022\u00b7]\s+")
# A wire byline's credits after a semicolon or "with": its editors ("By Jane Doe; Editing by John Roe", "...;
# additional reporting by Sam Roe", "By Jane Doe with additional reporting by Sam Roe"; session 51's new user: the
# byline named no one and stayed in the body), or a writer ("Reporting by Jane Doe; Writing by John Roe").
# After a comma too, since the session's review, a credit of the pictures, an edit or the writing ("Text by Jane
# Doe, photos by John Roe" was "Jane Doe, photos by John Roe"; "Jane Doe, John Roe by …" stays a list of names), and
# a picture's credit with its label's colon ("Автор: Иван Петров, фото: Анна Смирнова" named no one). After a full
# stop too ("Story by Jane Doe. Photographs by John Roe.", "By Jane Doe. Photos: John Roe": session 54's attacker), and
# after a dot or bullet ("Words by Jane Doe · Photos by John Roe": session 55's attacker; a bullet before names alone,
# "By Jane Roe • John Roe", joins two writers).
_PICTURE_LABEL = (
    r"(?:photos?|pictures?|photographs?|photography|images?|graphics?|video|illustrations?|foto|fotos"
    r"|\u0444\u043e\u0442\u043e)"
)
_COMMA_CREDIT = (
    rf"(?:(?:additional\s+)?(?:reporting|research)|editing|edited|design|designed|produced|{_WRITING}"
    rf"|{_PICTURE_LABEL})"
)
_CREDIT_CLAUSE = re.compile(
    rf"(?:\s*;\s*|\s+with\s+)(?=(?:[^\W\d_]+\s+){{1,3}}by\b)|\s*[,.\u00b7\u2022]\s*(?={_COMMA_CREDIT}\s+by\b)"
    rf"|\s*[;,.]\s*(?={_PICTURE_LABEL}\s*:)",
    re.IGNORECASE,
)
_WRITING_CLAUSE = re.compile(rf"^{_WRITER_LABEL}\s+by:?\s+(?P<names>.+)$", re.IGNORECASE)
# "Jane Doe with John Roe": two writers, in lower or upper case as "and" joins them ("Jane Doe With Love" is none).
_WITH = re.compile(r"\s+(?:with|WITH)\s+")
# What "with" adds that names no writer, and ends the byline (the session's review: `By Jane Doe with additional
# reporting`, `(By Jane Doe with agencies)`, `(… with wire services)` named no one, `Jane Doe with Staff` was "Jane Doe
# and Staff", `Jane Doe with agencies` the author as written): an agency (`with AFP`, once "Jane Roe and AFP": an agency
# helps, as `with agencies` does, and is the article's credit, not a second writer), agencies, wire or news services,
# the paper's staff or correspondents, additional reporting or research (from anyone: as `; additional reporting by`).
_OTHERS = (
    rf"(?:the\s+)?(?:{_AGENCY})|(?:(?:news|wire)\s+)?(?:agencies|agency\s+reports|services|wires?|reports)"
    r"|staff(?:\s+reports)?|(?:our\s+|other\s+)?(?:correspondents|reporters)"
    r"|(?:(?:additional|extra|further)\s+)?(?:reporting|research|contributions?)"
)
_NO_WRITERS_WITH = re.compile(
    rf"^(?:{_OTHERS})(?:(?:\s*,\s*|\s+(?:and|&)\s+)(?:{_OTHERS}))*(?:\s+(?:from|by|in)\s+.+)?$", re.IGNORECASE
)
# A place after a comma, last: "By Jane Doe, in Athens", "By Jane Doe, Chief Correspondent, in Moscow" (no part of
# the author, as _named leaves out the place of "Jane Doe in Athens").
_COMMA_IN_PLACE = re.compile(r",\s+in\s+[A-Z][^,;]*$")


def byline_name(line: str) -> str | None:
    """The author named by a byline line: "(By Name)", "By Name", "By: Name", "Written by Name".

    Every form must name people or agencies (_named): "(By law, the budget must ...)" is an aside and "By Popular
    Demand" a subheading. A place after a name ("Jane Doe in Moscow") is no part of the author."""
    match = _PAREN_BYLINE.match(line) or _PLAIN_BYLINE.match(line)
    if match is None:
        return _foreign_byline_name(line)
    # What a separator adds after the names is no part of them: "By Jane Doe | Photos by John Roe" (session 23's
    # review), "By Jane Doe • 5 min read"; nor is a job title after a comma ("By Jane Doe, Staff Writer"), nor an
    # e-mail address or a handle (session 51).
    name = _names_written(match.group("name"))
    if match.re is _PLAIN_BYLINE and line.rstrip().endswith(".") and _ABBREVIATED.search(name):
        name += "."  # its full stop is the name's (`By Martin Luther King Jr.`, as the bracketed form keeps it)
    if name.casefold().strip() in AGENCIES or _STAFF.match(name):
        return clean_line(name)
    if match.re is _PLAIN_BYLINE and match.group("label") and not _people(name):
        # Unbracketed, a label of the writing starts a headline as often: `Reported by Witnesses`, `Written by
        # Machines`, `Words by Wordsworth` named "Witnesses", "Machines", "Wordsworth" (the session's review). Its
        # writer has a full name there, as a foreign byline's does (_foreign_byline_name); bracketed, one word too.
        return None
    named = _named(name)
    return clean_line(named) if named is not None else None


def is_labelled_byline(line: str) -> bool:
    """Whether a line is a byline written unbracketed with a label before its names (byline_name): a label of the
    writing (`Reported by Jane Doe`, `Words by Jane Doe`) or a byline word of another language with its colon (`Par:
    Jean Dupont`, `Автор: Иван Петров`). Such a line starts a headline as often (`Reported by Locals`, `Par: Rory
    McIlroy Leads`)."""
    plain = _PLAIN_BYLINE.match(line)
    labelled = bool(plain and plain.group("label")) or bool(_FOREIGN_LABELLED_BYLINE.match(line))
    return labelled and byline_name(line) is not None


def _names_written(text: str) -> str:
    """A byline's text after its `by` word without what it adds: what a separator adds (_BYLINE_ADDS), the credits
    of no writer (_writers), a place after a comma (_COMMA_IN_PLACE), contact details (without_contact) and a job
    title; its writers joined by "and", as the writers of several bylines are (legacy_text._with_more_bylines)."""
    writers = _writers(_without_tail(_BYLINE_ADDS.split(text, maxsplit=1)[0]))
    return " and ".join(
        without_places(without_job_titles(without_contact(_COMMA_IN_PLACE.sub("", names)))) for names in writers
    )


# What a byline adds after its names and a spaced dash or slash, or "for": the agency it writes for (`(By Estera
# Popowska - AFP)`, `By Jane Doe for Reuters`, `(By Jane Doe and John Roe / Reuters)`), or the place it is written
# from (`By Jane Doe / Moscow`). Read as part of the names, the byline named no one and stayed the body's first
# paragraph (session 54's attacker).
_TAIL = re.compile(r"^(?P<names>.+?)\s+(?P<separator>[-\u2013\u2014/]|for)\s+(?P<tail>[^-\u2013\u2014/]+)$")


def _without_tail(text: str) -> str:
    """A byline's names without the tail a dash, a slash or "for" adds (_TAIL) after people's names (_people, with no
    common word of _has_common_word's: `By Public Transport / Berlin` is a subhead): an
    agency stays after a comma, as in `Jane Doe, AFP`, whose agency becomes the credit (without_agency_tail); a known
    place (_is_known_place, after "for" never) leaves, as "in Moscow" does: `Jane Doe / New York`, `Jane Doe - Sochi,
    Russia`. Any other tail may be a second writer (`Jane Doe / John Roe`, `Jane Doe / Madonna`): such a text stays
    as written."""
    # Bounded as a byline's names are (the patterns' 120 characters): the lazy match is quadratic in the length
    match = _TAIL.match(text.strip()) if len(text) <= MAX_AUTHOR_CHARS else None
    if match is None or not _people(match.group("names")) or _has_common_word(match.group("names")):
        return text
    names, tail = match.group("names"), match.group("tail").strip()
    if tail.casefold() in AGENCIES:
        return f"{names}, {tail}"
    # Each piece a known place, as a piece after a comma is (_is_byline_place). Any capitalised word was, and dropped
    # a second writer: `Jane Doe / Madonna` named Jane Doe alone (session 54's reading of the change).
    if match.group("separator") != "for" and all(
        _is_known_place(" ".join(piece.split())) for piece in tail.split(", ")
    ):
        return names
    return text


def _has_common_word(names: str) -> bool:
    """Whether a byline's names hold a common English word that is no name (_COMMON_WORDS): "Special Delivery",
    "Public Transport" are a subhead's words before a tail (`By Special Delivery / London`; session 54's review I),
    where a person's name has none of them (the list leaves out words that are surnames too, as Young or King)."""
    return any(word.casefold().strip(".") in _COMMON_WORDS for word in names.split())


def _writers(text: str) -> list[str]:
    """The writers a byline's names and credits name, each as written: the names before its first credit
    (_CREDIT_CLAUSE), and those of each credit of the writing (_WRITING_CLAUSE), not an editor's or an additional
    reporter's: Reuters' "Jane Doe; Writing by John Roe; Editing by Sam Roe" after "Reporting by" names Jane Doe and
    John Roe (session 52's tester: it named no one, and stayed the body's first paragraph). Names joined by "with"
    are two writers when what follows names people (_named): "Jane Doe with John Roe", not "Jane Doe with love"."""
    first, *credits = _CREDIT_CLAUSE.split(text)
    credited = (clause.group("names") for clause in map(_WRITING_CLAUSE.match, credits) if clause)
    writers: list[str] = []
    for names in (first, *credited):
        before, *after = _WITH.split(names, maxsplit=1)
        if after and _NO_WRITERS_WITH.match(after[0].strip(" .")):
            writers.append(before)  # "Jane Doe with agencies", "… with additional reporting": her byline ends
        elif after and _people(after[0]):
            writers += [before, after[0]]
        else:
            writers.append(names)
    return list(dict.fromkeys(writers))


def _people(text: str) -> bool:
    """Whether a byline's text names people by their full names (_named): each name two words or more, or in a script
    without capitals, or an agency's beside one ("John Roe in Moscow", "John Roe and AFP"); not "Staff", "Love",
    "Witnesses" or "Machines", one capitalised word that is a common noun as often as a name."""
    named = _named(text)
    if named is None:
        return False
    names = [piece.strip() for piece in _NAME_SEPARATORS.split(named)[0::2] if piece.strip()]
    return any(_full_name(name) for name in names) and all(
        _full_name(name) or name.casefold() in AGENCIES for name in names
    )


def _full_name(name: str) -> bool:
    """A person's name of two words or more, or one in a script without capitals (`王伟`)."""
    words = name.split()
    return len(words) >= 2 or (len(words) == 1 and not _has_capitals(words[0]))


_COMMAS = re.compile(r",(?:\s*,)+")  # an address between two commas leaves one (`Jane Doe, @jd, Reuters`)


def without_contact(text: str) -> str:
    """A byline's names without the contact details written after them: an e-mail address or a handle, bracketed or
    after a comma, a dash or a line break ("Jane Doe (jane.doe@example.com)", "Jane Doe, jane@example.com", "Jane Doe
    (@janedoe)" are Jane Doe). Read as part of the name, they made the byline name no one, and a byline element, which
    leaves the body, lost its writer (session 51's attack report). What is only an address stays as it was."""
    # What follows an address is what the byline adds after the names (a role, an agency): as after a comma, never
    # glued to the name (`Jane Doe @janedoe Reuters` was "Jane DoeReuters"; the session's review).
    if _CONTACT.search(text) is None:
        return text
    kept = _COMMAS.sub(",", normalise_space(_CONTACT.sub(", ", text)).replace(" ,", ",")).strip(_TRAILING_SEPARATORS)
    kept = _SERIAL_JOINER.sub(r" \1 ", kept)  # "Jane Doe (jane@x.org) and John Roe": two names joined
    if kept.endswith(".") and not _ABBREVIATED.search(kept[:-1]):
        kept = kept[:-1]  # "Jane Doe. Follow her on Twitter @janedoe": the sentence's full stop
    return kept if kept and kept != text.strip() else text


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def without_address(author: str) -> str | None:
    """An author without the e-mail address it is given with (without_contact): RSS 2.0's `jane@example.com (Jane
    Doe)` and `Jane Doe <jane@example.com>` are Jane Doe; an address alone (`jane@example.com`, `mailto:…`) names
    no one, and gives no author: a personal address is no facet value (session 54's attacker: each was published as
    the author). An author with no address is returned as it is."""
    if _ADDRESS.search(author) is None:
        return author
    kept = without_contact(author).strip(" ()[]<>,;")
    return kept if _ADDRESS.search(kept) is None and _LETTER.search(kept) else None


_LETTER = re.compile(r"[^\W\d_]")


def _foreign_byline_name(line: str) -> str | None:
    """The author of a byline in another language ("Par Jean Dupont", "(Von Hans Müller)", "Por Ana García y Luis
    Pérez", "di Marco Rossi", "Door Jan de Vries en Piet Jansen"): never with its "by" word (session 51's attack report:
    legacy and Markdown pages read no such byline). Its names are two to four words each, and none is a common English
    word: "Von Miller", "Di Maria" and "Door Number Three" are no bylines. Bracketed only, as a legacy page writes its
    byline: unbracketed, such a line at a page's top is a subheading as often (`Par Excellence Awards`, `Por Vida
    Tacos Opens`, `Door Dash Drivers Strike` became authors; the session's review), unless the word has a label's
    colon (`Автор: Иван Петров`; session 52's tester)."""
    match = _FOREIGN_PAREN_BYLINE.match(line) or _FOREIGN_LABELLED_BYLINE.match(line)
    if match is None or foreign_byline_word(line.strip("()[]. ")) is None:
        return None  # a capitalised Di, or Von before a particle, starts a name: `(Di Maio Resigns)`
    name = _names_written(match.group("name"))
    # The agency a writer files for (`Por Juan Pérez - EFE`, `Par Marie Dupont, AFP`) is no name: it stays on the
    # byline, to be credited as an English byline's is (without_agency_tail), and the names alone are judged.
    names, _agency = without_agency_tail(name)
    pieces = [piece for piece in _FOREIGN_JOINERS.split(_NAME_SEPARATORS.sub(" and ", names))]
    for piece in pieces:
        words = piece.split()
        if len(words) > 4 or (len(words) < 2 and not (len(words) == 1 and not _has_capitals(words[0]))):
            return None  # a headline's words more likely than a name ("José Luis Rodríguez Zapatero" is four)
        if any(word.casefold().strip(".") in _COMMON_WORDS for word in words) or _named(piece) != piece:
            return None
    return clean_line(name)


def _has_capitals(word: str) -> bool:
    """Whether a word is written in a script with capitals ("Müller"; not "王伟")."""
    return any(char.isupper() or char.islower() for char in word)


def foreign_byline_word(text: str) -> str | None:
    """An author element's text without a byline word of another language at its start ("Par Jean Dupont" is Jean
    Dupont, "di Marco Rossi" Marco Rossi), when what follows is a name of two words or more, or in a script without
    capitals ("记者 王伟"); None if it starts with no such word. "Von Miller" stays as written, and so do a capitalised
    "Di" and a "Von" before a particle, which start names as often (`Di Stefano Marco`, `Von der Leyen Ursula` lost
    their first word; the session's review)."""
    match = re.match(rf"^(?P<by>{_FOREIGN_BY}):?\s+(?P<rest>.+)$", text, re.IGNORECASE)
    if match is None:
        return None
    rest = match.group("rest")
    if match.group("by") in ("Di", "DI") or (
        match.group("by").casefold() == "von" and rest.split()[0].casefold() in _PARTICLES
    ):
        return None
    first_piece = _NAMES_END.split(rest, maxsplit=1)[0].split()
    if len(first_piece) >= 2 or (first_piece and not _has_capitals(first_piece[0])):
        return rest
    return None


def _named(text: str) -> str | None:
    """The names a byline's text gives, as written but without the place each may end with, or None if it gives
    none: "Estera Popowska", "Ana de la Cruz and J. Smith", "Li Wei, Beijing", "Jane Doe and John Roe, Reuters",
    "Jane Doe and AFP", "Jane Doe in Moscow" (Jane Doe), "Jane Doe in New York and John Roe in London" (Jane Doe and
    John Roe); not "the way, it rained all day", "THE NUMBERS" or "Land And Sea".

    Names are separated by commas, or joined by "and", "AND" or "&" (never "And"); a joined name has two words or
    more ("Land and Sea" is no pair of names) unless it is an agency's ("AFP"). A name is capitalised words and
    particles inside it ("de", "van", "bin"; "al-Assad"), at most ten words in all; a name of two words or more, or an
    agency's, may be followed by "in" and a place of one to four capitalised words ("By Bicycle in Berlin" is a
    subheading). Any other article, preposition or conjunction, in any case, makes the
    line no byline.
    """
    if text.rstrip().endswith(("?", "!", ":", ";")):
        return None
    joined = bool(_NAME_JOINERS.search(text))
    pieces = _NAME_SEPARATORS.split(text)  # names at even indexes, the separators between them at odd ones
    # "Jane Doe in Sochi, Russia": a last word after a comma that ends a place is the place's country or state, not
    # a second author (session 21's review: "Russia" and "DC" became authors). A last piece of two words or more
    # stays a name ("Jane Doe in Sochi, John Roe").
    if len(pieces) >= 3 and pieces[-2].strip() == "," and _PLACE.search(pieces[-3]) and _place_word(pieces[-1]):
        pieces = pieces[:-2]
    words_in_names = 0
    for index in range(0, len(pieces), 2):
        parts = _PLACE.split(pieces[index].strip(), maxsplit=1)  # [name] or [name, "in", place]
        name, place = parts[0], parts[-1] if len(parts) == 3 else ""
        if not name and not place:
            continue  # "Li Wei, " or a trailing comma leaves an empty part
        words = name.split()
        agency = name.casefold() in AGENCIES
        if not (agency or (_is_name(words) and (len(words) >= 2 or not joined))):
            return None
        # One capitalised word before a place is a subheading as often as a name ("By Bicycle in Berlin", "By Jove in
        # Rome"): with a place, a name has two words or more, or is an agency's ("AFP in Moscow").
        if place and not ((agency or len(words) >= 2) and _is_place(place.split())):
            return None
        words_in_names += len(words)
        pieces[index] = name
    if not 1 <= words_in_names <= 10:
        return None
    return "".join(pieces)


# The nouns a newsroom's job title ends with ("Staff Writer", "Chief Political Correspondent", "Business Editor",
# "Editor-in-Chief"), and the desks a credit names ("SomaNet Staff", "News Team", "The Editors"). Words that are also
# surnames (Judge, Dean, Fellow, Porter, Host, Stringer) are not on it: "Jane Doe, John Fellows" and "Jane Doe, Scott
# Stringer" name two people (session 50's review).
_ROLE_NOUNS = frozenset(
    {"writer", "reporter", "correspondent", "editor", "columnist", "critic", "economist", "analyst", "journalist"}
    | {"commentator", "contributor", "producer", "photographer", "photojournalist", "researcher", "strategist"}
    | {"specialist", "presenter", "broadcaster", "blogger", "intern", "chief", "director"}
)
_DESK_NOUNS = frozenset({"staff", "team", "desk", "newsroom"})
# The words a job title of two capitalised words begins with: a rank, a beat or a desk ("Senior Writer", "Political
# Correspondent", "Fire Chief"). Any other first word is a given name: "Scott Stringer", "John Writer" and "Tom Chief"
# name people (session 50's review), and so, as before, do "Hollywood Reporter" and "Moscow Correspondent".
_TITLE_MODIFIERS = frozenset(
    {"staff", "senior", "junior", "chief", "deputy", "associate", "assistant", "contributing", "special", "managing"}
    | {"executive", "principal", "lead", "head", "general", "guest", "freelance", "student", "bureau", "news", "city"}
    | {"metro", "political", "parliamentary", "lobby", "diplomatic", "foreign", "international", "national", "world"}
    | {"regional", "local", "community", "business", "economics", "economic", "financial", "finance", "markets"}
    | {"money", "consumer", "property", "education", "health", "medical", "science", "technology", "tech", "climate"}
    | {"environment", "environmental", "energy", "transport", "defence", "defense", "security", "legal", "crime"}
    | {"courts", "home", "investigative", "investigations", "data", "digital", "online", "video", "photo", "picture"}
    | {"graphics", "design", "research", "features", "feature", "opinion", "editorial", "arts", "art", "culture"}
    | {"film", "music", "theatre", "theater", "dance", "books", "television", "tv", "radio", "media", "food", "wine"}
    | {"restaurant", "travel", "fashion", "style", "lifestyle", "entertainment", "sports", "sport", "football"}
    | {"cricket", "rugby", "tennis", "golf", "racing", "motoring", "weather", "religion", "royal", "sunday"}
    | {"weekend", "night", "copy", "fire", "police"}
)
# The parts of a hyphenated job title beside its role's noun: "Editor-at-Large", "Editor-in-Chief", "Co-Editor".
_COMPOUND_PARTS = frozenset({"at", "in", "of", "large", "residence", "co", "vice", "sub"})
_LEADING_JOINER = re.compile(r"^(?:and|AND|&)\s+")
# A desk's or a wire's credit that a byline joins to a role ("Staff and Wire Reports", "Staff and News Services",
# "Reporter and Times Wire Services", "Staff and Agencies"): part of the job title, not a co-author.
_WIRE_CREDIT = re.compile(
    r"^(?:[A-Z][\w.&'-]*\s+){0,2}?(?i:(?:(?:wire|news)\s+)?(?:reports|services|agencies)|wire|staff\s+reports)$"
)
# What an organisation's name ends with, or is (an acronym: "CNN", "NPR"): after a dropped job title, the title's
# ("Jane Doe, Executive Director, Lowtown Food Bank", "Jane Doe, Producer, CNN").
_ORGANISATION = re.compile(
    r"^(?:[A-Z][\w.&'-]*\s+){0,5}(?:Bank|University|College|Institute|Foundation|Association|Council|Society|Centre"
    r"|Center|Group|Company|Corporation|Inc\.?|Ltd\.?|LLC|Trust|Fund|Party|Committee|Department|Ministry|Agency"
    r"|Hospital|School|Club|Union|Network|Coalition|Alliance|Federation|Commission|Authority|Organi[sz]ation"
    r"|Partnership|Project|Initiative|Charity|Museum|Library|Office|Board)$|^[A-Z]{2,5}$"
)
_ROLE_WORD = re.compile(r"^[^\W\d_][\w.'\u2019&-]*$")


def _is_role_noun(word: str) -> bool:
    """Whether a word is a role's or a desk's noun, singular or plural ("Correspondent", "Writers", "staff"), or a
    compound of one and _COMPOUND_PARTS ("Editor-in-Chief", "Writer-in-Residence", "Co-Editor"). Whole words only:
    "Stringer-Hye" and "Writer-Smith" are surnames (session 50's review)."""
    parts = word.casefold().rstrip(".").split("-")
    nouns = [bool({part, part.removesuffix("s")} & (_ROLE_NOUNS | _DESK_NOUNS)) for part in parts]
    return any(nouns) and all(noun or part in _COMPOUND_PARTS for part, noun in zip(parts, nouns, strict=True))


def is_job_title(text: str) -> bool:
    """Whether text is a job title: one to five words ending with a newsroom role's noun or a desk's (_ROLE_NOUNS,
    _DESK_NOUNS), in any case ("Staff Writer", "Political Correspondent", "chief economist", "Moscow Bureau Chief",
    "Editor-at-Large", "Times Staff"). Not a name ("John Smith"), a place ("Moscow") nor a paper ("The Washington
    Post"); nor two capitalised words whose first is no rank, beat or desk (_TITLE_MODIFIERS) nor an agency: a given
    name and a surname ("Scott Stringer", "John Writer"; session 50's review)."""
    words = text.split()
    if not (1 <= len(words) <= 5 and all(_ROLE_WORD.match(word) for word in words) and _is_role_noun(words[-1])):
        return False
    first = words[0].casefold().rstrip(".")
    names_a_person = len(words) == 2 and all(word[0].isupper() for word in words)
    return not names_a_person or first in _TITLE_MODIFIERS or _is_role_noun(first) or first in AGENCIES


def _is_title_phrase(parts: list[str]) -> bool:
    """Whether the parts a comma's phrase joins by "and" or "&" are one job title: a job title with others or with
    single words ("Editor and Publisher", "Staff Writer and Columnist", "Professor and Director"). A name joined to a
    title has two words or more ("Staff Writer and John Roe"), as names joined in a byline do (_named)."""
    titles = [is_job_title(part) for part in parts]
    one_word = [
        (len(part.split()) == 1 and part.casefold() not in AGENCIES) or bool(_WIRE_CREDIT.match(part)) for part in parts
    ]
    return any(titles) and all(title or word for title, word in zip(titles, one_word, strict=True))


def without_job_titles(names: str) -> str:
    """A byline's names without the job title each may have after a comma (is_job_title): "Jane Doe, Staff Writer" is
    Jane Doe, "Jane Doe, Staff Writer and John Roe, Political Correspondent" Jane Doe and John Roe. Kept as one
    reporter's title, it split her into as many authors as her titles (facet values "Jane Doe" and "Jane Doe, Staff
    Writer"; session 50's new user). Roles joined by "and" or "&" are one title (_is_title_phrase): "John Smith,
    Editor and Publisher" is John Smith, where dropping "Editor" alone left "John Smith and Publisher" (session 50's
    review). A name or a place after a comma stays ("Smith, John", "Jane Doe, John Smith", "Li Wei, Beijing"), and so
    does the first piece ("Staff Writer" alone is what the byline gives), and what follows a single word: "By Jove,
    the Critic" and "By George, Writer" are exclamations, not Jove's and George's bylines (session 50's review: the
    legacy page whose headline "By Jove, the Critic" is was rejected as having none)."""
    pieces = _NAME_SEPARATORS.split(names)  # names at even indexes, the separators between them at odd ones
    kept, dropped, index = pieces[:1], False, 1
    while index < len(pieces):
        separator, piece = pieces[index], pieces[index + 1]
        if separator.strip() == ",":
            end = index + 2  # the next comma, or the end: the pieces before it are joined by "and" or "&"
            while end < len(pieces) and pieces[end].strip() != ",":
                end += 2
            # "Jane Doe, Staff Writer, and Photographer": a serial comma's joiner is no part of the title.
            parts = [_LEADING_JOINER.sub("", piece), *pieces[index + 3 : end : 2]]
            # A title follows a writer's full name ("Jane Doe", "Smith, John"); after one word, an exclamation's.
            named = len("".join(kept).split()) >= 2
            whole = _is_title_phrase(parts)
            if named and (whole or is_job_title(parts[0])):
                dropped = True
                index = end if whole else index + 2
                continue
            # The organisation after a dropped title, the last piece, is the title's: "Jane Doe, Producer, CNN" and
            # "Jane Doe, Executive Director, Lowtown Food Bank" are Jane Doe (session 50's final review).
            if dropped and end == len(pieces) and _ORGANISATION.match(piece):
                index += 2
                continue
            if dropped and _LEADING_JOINER.match(piece):
                separator = " "  # "Jane Doe, Staff Writer, and John Roe": the serial comma went with the title
        kept += [separator, piece]
        dropped = False
        index += 2
    return "".join(kept)


# The place a byline gives after a writer's name and a comma, maybe after a preposition: "Moscow", "à Paris", "in
# New York". Words after a name that are no place: a generational suffix or a degree ("Jane Doe, Jr.", "PhD").
_COMMA_PLACE = re.compile(r"(?:(?:in|à|a|en|aus|em)\s+)?(?P<place>\S.*)")
_NAME_SUFFIXES = frozenset({"jr", "sr", "jnr", "snr", "ii", "iii", "iv", "phd", "md", "esq", "obe", "mbe", "cbe"})


def without_places(names: str) -> str:
    """A byline's names without the place each writer's name may have after a comma (the dateline, as "Jane Doe in
    Moscow" has it): "Jane Doe, Moscow", "Jean Dupont, à Paris", "Jana Müller, Berlin, und Peter Schmidt, Wien" are
    Jane Doe, Jean Dupont, "Jana Müller und Peter Schmidt" (session 54's attacker: each was the author whole, one
    writer in as many facet values as her cities). A place is one capitalised word (_place_word; no agency, no suffix
    such as Jr.), or one to four after a preposition (`à`, `in`), after a full name of two words or more. Two words
    or more without a preposition are a second writer ("Jane Doe, John Roe"), and so is anything after a surname alone
    ("Smith, John"); a word followed by another piece of the same writer is a title's ("Jane Doe, President, Acme
    Bank" stays)."""
    pieces = _NAME_SEPARATORS.split(names)  # names at even indexes, the separators between them at odd ones
    kept, dropped = pieces[:1], False
    for index in range(1, len(pieces), 2):
        separator, piece = pieces[index], pieces[index + 1]
        after = pieces[index + 2 : index + 4]  # the next separator and piece: the place ends its writer's part
        last = not after or after[0].strip() != "," or bool(_LEADING_JOINER_WORD.match(after[1]))
        if separator.strip() == "," and last and len(kept[-1].split()) >= 2 and _is_byline_place(piece):
            dropped = True
            continue
        if dropped and separator.strip() == "," and _LEADING_JOINER_WORD.match(piece):
            separator = " "  # "Jana Müller, Berlin, und Peter Schmidt": the comma went with the place
        kept += [separator, piece]
        dropped = False
    return "".join(kept)


_LEADING_JOINER_WORD = re.compile(r"^(?:y|e|en|und|et)\s+")


# The places one word after a byline's comma may be (without_places), written by us: the one-word English short
# names of the UN's member states and of other places datelines name, their capitals, the US states, and cities
# news is often written from, some in their own languages (`Wien`). A word not on it is a second writer, since a
# writer lost is worse than a place kept (session 54's review I: `Jane Doe, Madonna`, `…, Kim`, `…, Bono` lost their
# writer), and so is a town off the list (`Hans Meier, Blomberg` stays). Places that are given names too (Georgia,
# Jordan, Florence, Lincoln, Sydney) are on it: in a byline's last place they are the dateline far more often than a
# co-author named by a given name alone.
_BYLINE_PLACES = frozenset(
    {"afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria"}
    | {"azerbaijan", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin", "bhutan", "bolivia"}
    | {"botswana", "brazil", "brunei", "bulgaria", "burundi", "cambodia", "cameroon", "canada", "chile", "china"}
    | {"colombia", "comoros", "congo", "croatia", "cuba", "cyprus", "czechia", "denmark", "djibouti", "dominica"}
    | {"ecuador", "egypt", "eritrea", "estonia", "eswatini", "ethiopia", "fiji", "finland", "france", "gabon"}
    | {"gambia", "germany", "ghana", "greece", "grenada", "guatemala", "guinea", "guyana", "haiti", "honduras"}
    | {"hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan"}
    | {"kazakhstan", "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho"}
    | {"liberia", "libya", "liechtenstein", "lithuania", "luxembourg", "madagascar", "malawi", "malaysia"}
    | {"maldives", "mali", "malta", "mauritania", "mauritius", "mexico", "micronesia", "moldova", "monaco"}
    | {"mongolia", "montenegro", "morocco", "mozambique", "myanmar", "burma", "namibia", "nauru", "nepal"}
    | {"netherlands", "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan", "palau", "palestine", "panama"}
    | {"paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "samoa"}
    | {"senegal", "serbia", "seychelles", "singapore", "slovakia", "slovenia", "somalia", "spain", "sudan"}
    | {"suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga"}
    | {"tunisia", "turkey", "türkiye", "turkmenistan", "tuvalu", "uganda", "ukraine", "uruguay", "uzbekistan"}
    | {"vanuatu", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "britain", "england", "scotland", "wales"}
    | {"greenland", "tibet", "crimea", "gaza", "kashmir", "chechnya", "donbas", "catalonia", "bavaria", "kurdistan"}
    | {"darfur", "europe", "africa", "asia", "kabul", "tirana", "algiers", "luanda", "yerevan", "canberra", "vienna"}
    | {"baku", "manama", "dhaka", "minsk", "brussels", "thimphu", "gaborone", "brasilia", "brasília", "ouagadougou"}
    | {"bujumbura", "yaounde", "yaoundé", "ottawa", "santiago", "beijing", "bogota", "bogotá", "kinshasa"}
    | {"brazzaville", "zagreb", "havana", "nicosia", "prague", "copenhagen", "cairo", "asmara", "tallinn", "suva"}
    | {"helsinki", "libreville", "banjul", "tbilisi", "berlin", "accra", "athens", "conakry", "bissau", "georgetown"}
    | {"tegucigalpa", "budapest", "reykjavik", "delhi", "jakarta", "tehran", "baghdad", "dublin", "jerusalem", "rome"}
    | {"kingston", "tokyo", "amman", "astana", "nairobi", "pristina", "bishkek", "vientiane", "riga", "beirut"}
    | {"maseru", "monrovia", "tripoli", "vaduz", "vilnius", "antananarivo", "lilongwe", "bamako", "valletta"}
    | {"nouakchott", "chisinau", "ulaanbaatar", "podgorica", "rabat", "maputo", "naypyidaw", "yangon", "windhoek"}
    | {"kathmandu", "amsterdam", "wellington", "managua", "niamey", "abuja", "pyongyang", "skopje", "oslo", "muscat"}
    | {"islamabad", "ramallah", "asuncion", "asunción", "lima", "manila", "warsaw", "lisbon", "doha", "bucharest"}
    | {"moscow", "kigali", "apia", "riyadh", "dakar", "belgrade", "freetown", "bratislava", "ljubljana", "mogadishu"}
    | {"pretoria", "seoul", "juba", "madrid", "colombo", "khartoum", "paramaribo", "stockholm", "bern", "damascus"}
    | {"taipei", "dushanbe", "dodoma", "bangkok", "dili", "lome", "lomé", "tunis", "ankara", "ashgabat", "kampala"}
    | {"kyiv", "kiev", "london", "washington", "montevideo", "tashkent", "caracas", "hanoi", "sanaa", "lusaka"}
    | {"harare", "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware"}
    | {"florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine"}
    | {"maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska"}
    | {"nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "wisconsin"}
    | {"wyoming", "sochi", "istanbul", "shanghai", "mumbai", "bombay", "karachi", "lagos", "dubai", "johannesburg"}
    | {"melbourne", "brisbane", "perth", "auckland", "toronto", "montreal", "vancouver", "chicago", "boston"}
    | {"seattle", "houston", "dallas", "atlanta", "miami", "philadelphia", "detroit", "denver", "baltimore"}
    | {"cleveland", "pittsburgh", "minneapolis", "brooklyn", "manhattan", "geneva", "zurich", "frankfurt", "munich"}
    | {"hamburg", "cologne", "milan", "naples", "venice", "turin", "barcelona", "valencia", "seville", "marseille"}
    | {"lyon", "nice", "bordeaux", "manchester", "liverpool", "birmingham", "glasgow", "edinburgh", "cardiff"}
    | {"belfast", "leeds", "bristol", "oxford", "cambridge", "rotterdam", "antwerp", "gdansk", "krakow", "kraków"}
    | {"kharkiv", "odesa", "odessa", "donetsk", "luhansk", "mariupol", "kherson", "lviv", "novosibirsk", "kazan"}
    | {"yekaterinburg", "vladivostok", "grozny", "aleppo", "homs", "idlib", "mosul", "basra", "erbil", "hebron"}
    | {"haifa", "benghazi", "casablanca", "marrakech", "tangier", "mombasa", "kano", "durban", "kolkata", "calcutta"}
    | {"chennai", "madras", "bangalore", "bengaluru", "hyderabad", "lahore", "peshawar", "quetta", "kandahar"}
    | {"herat", "shenzhen", "guangzhou", "wuhan", "chongqing", "tianjin", "osaka", "kyoto", "hiroshima", "nagasaki"}
    | {"busan", "saigon", "surabaya", "davao", "cebu", "medellin", "medellín", "quito", "guayaquil", "tijuana"}
    | {"guadalajara", "monterrey", "strasbourg", "davos", "wien", "münchen", "köln", "roma", "milano", "napoli"}
    | {"firenze", "venezia", "torino", "praha", "warszawa", "bruxelles", "genève", "zürich", "lisboa", "sevilla"}
    | {"moskva", "paris", "brussel", "sarajevo", "kiew", "moskau", "varsovie", "georgia", "jordan", "chad"}
    | {"virginia", "florence", "victoria", "sofia", "sydney", "charlotte", "austin", "madison", "alexandria"}
    | {"lincoln", "adelaide", "phoenix", "nashville", "orlando"}
)


def _is_byline_place(piece: str) -> bool:
    """Whether a byline's piece after a comma is a place (without_places)."""
    found = _COMMA_PLACE.fullmatch(piece.strip())
    if found is None:
        return False
    place = found.group("place")
    words = place.split()
    last = words[-1].casefold().strip(".")
    if last in _NAME_SUFFIXES or "." in last or any(word.isupper() for word in words):
        return False  # "Jr.", "Ph.D.", an agency's or a credential's letters ("ANP", "MD")
    if place != piece.strip():
        return _is_place(words)
    return _is_known_place(place)


def _is_known_place(place: str) -> bool:
    """Whether the place is a country or state (_COUNTRIES_OF_WORDS) or a place of _BYLINE_PLACES, any case."""
    folded = place.casefold()
    return folded in _COUNTRIES_OF_WORDS or folded in _BYLINE_PLACES


_ACCOUNT = re.compile(r"^[a-z][a-z0-9._-]{0,31}$")


def is_account(text: str, sites: Sequence[str] = ()) -> bool:
    """Whether a declared author is the CMS account that posted the article rather than its writer: one lower-case
    Latin word or login ("admin", "editor", "jdoe", "j.doe"), or the site's own name (`sites`: og:site_name,
    the JSON-LD publisher). Such a value beat the byline `By Jane Doe` the page shows (session 51's attack report,
    as Yoast's `admin` Person did in session 50). An agency ("afp", "reuters") is no account, nor a name in a script
    without capitals ("王伟")."""
    folded = text.strip().casefold()
    if folded in AGENCIES:
        return False
    return bool(_ACCOUNT.match(text.strip())) or any(folded == site.strip().casefold() for site in sites)


def credits_desk(text: str) -> bool:
    """Whether an author credits a desk rather than people: a word or two before a desk's noun or a role's plural
    (_DESK_NOUNS, _ROLE_NOUNS), no comma ("SomaNet Staff", "News Team", "The Editors", "Foreign Correspondents").
    Not "Jane Doe, Staff Writer", a person and her title (session 49's review)."""
    words = text.split()
    if "," in text or not 1 <= len(words) <= 3:
        return False
    last = words[-1].casefold()
    return last in _DESK_NOUNS or (last.endswith("s") and last[:-1] in _ROLE_NOUNS)


def _place_word(piece: str) -> bool:
    """One capitalised word or abbreviation that is no agency's name, or a country or state of several words
    (_COUNTRIES_OF_WORDS): a country or state after a place ("Russia", "DC", "D.C.", "South Korea")."""
    words = piece.split()
    if " ".join(words).casefold() in _COUNTRIES_OF_WORDS:
        return True
    return len(words) == 1 and words[0].casefold() not in AGENCIES and _is_place(words)


def _is_name(words: list[str]) -> bool:
    """Capitalised words, with particles only before a capitalised word of the same name."""
    if not words or not _capitalised(words):
        return False
    return any(
        folded not in _PARTICLES and folded.rstrip(".") not in _COMMON_WORDS
        for folded in (word.casefold() for word in words)
    )


def _is_place(words: list[str]) -> bool:
    """A place after "in" in a byline: one to four capitalised words ("Moscow", "New York", "Rio de Janeiro"), after
    "the" for some ("the Hague")."""
    if words and words[0].casefold() == "the":
        words = words[1:]
    return 1 <= len(words) <= 4 and _capitalised(words)


def _capitalised(words: list[str]) -> bool:
    """Each word capitalised, a particle before a capitalised word ("de la Cruz"), or in a script without capitals;
    no article, preposition, conjunction or pronoun."""
    for index, word in enumerate(words):
        folded = word.casefold()
        if folded in _NOT_NAME_WORDS:
            return False
        if folded in _PARTICLES:
            if index == len(words) - 1:
                return False  # a particle ends no name
            continue
        joined = _JOINED_PARTICLE.match(word)
        uncased = word[0].isalpha() and not word[0].isupper() and not word[0].islower()  # 王伟, names in Arabic
        if not (word[0].isupper() or uncased or (joined and joined.group("name").isupper())):
            return False
    return True


_AUTHOR_ENDS = re.compile(r"\s+\|\s+|\s+[\u2013\u2014]\s+|\s+@\w")
# A separator the byline's cut left at its end ("Jane Doe |" of "Jane Doe | Updated", "Jane Doe \u2022 5 min read").
_TRAILING_SEPARATORS = " ,;|\u2022\u00b7\u2013\u2014-"


def clean_author(value: str | None) -> str | None:
    """An author from metadata or a byline element: no "By " prefix, no URL, not a paragraph."""
    if not value:
        return None
    text = clean_line(_AUTHOR_PREFIX.sub("", clean_line(value)))
    # A separator, or the editors a wire byline adds ("Reporting by Jane Doe; Editing by John Roe"): its writers
    # only, joined as a byline in running text joins them (_writers).
    text = " and ".join(_writers(_AUTHOR_ENDS.split(text, maxsplit=1)[0])).strip(_TRAILING_SEPARATORS)
    if not text or len(text) > MAX_AUTHOR_CHARS or re.match(r"^(https?:)?//|^www\.", text, re.IGNORECASE):
        return None
    return text


# Words of an author box that is no name: its heading, its links, a biography's sentence.
_NO_NAME = re.compile(r"\b(?:author|authors|profile|more\s+from|follow|about|is|was|has|writes|covers)\b", re.I)
# Where the names of a byline element end and what it adds begins: a role, a paper, an agency, a credit ("Jane Doe,
# The Washington Post", "Jane Doe (Reuters)", "Jane Doe - Reuters", "Jane Doe with AFP", "Jane Doe for The Guardian",
# "Jane Roe; additional reporting by John Roe").
_NAMES_END = re.compile(r"\s*[,;|(]|\s+[-\u2013\u2014]\s+|\s+(?:with|for|additional|reporting)\s+", re.IGNORECASE)
# The Oxford comma before the last name of a list: "Jane Roe, John Roe, and Jim Poe".
_SERIAL_JOINER = re.compile(r"\s*,\s+(and|AND|&)\s+")
# A label before the names ("Reporter: Jane Doe", "Por: Juan Pérez"), and the labels that credit no writer.
_LABEL = re.compile(r"^(?P<label>[^:]{1,30}):\s*(?P<names>.+)$")
# Credits of what no writer made ("Photos by Jane Doe", "Edited by John Roe", "AFP via Getty Images").
_NOT_WRITTEN_BY = re.compile(
    # An adverb may come first: "Medically reviewed by", "Independently fact-checked by" (session 23's review).
    r"^(?:\w+ly\s+)?(?:photos?|photographs?|pictures?|images?|video|videos|graphics?|illustrations?|edited|reviewed|produced"
    r"|fact[-\s]checked|design|designed|photography|illustrated)\s+by\b|^(?:posted|filed|published)\s+(?:in|under)\b",
    re.IGNORECASE,
)
_PICTURE_AGENCY = re.compile(r"\b(?:getty\s+images|shutterstock|alamy|istock(?:photo)?|via\s+getty)\b", re.I)
_NOT_WRITERS = frozenset({"photo", "photos", "photograph", "image", "images", "picture", "pictures", "illustration"})
_NOT_WRITERS |= frozenset({"video", "graphic", "graphics", "source", "sources", "credit", "updated", "published"})
_NOT_WRITERS |= frozenset({"category", "categories", "tags", "tag", "topics", "topic", "section", "filed", "under"})
# A paper's or an agency's collective authors: "The Editorial Board", "Times staff", "Staff and wire reports".
_COLLECTIVE = re.compile(
    r"^(?:(?:the\s+)?(?:[A-Z][\w.&'-]*\s+){0,3}(?i:staff|board|editors|desk|team|bureau|correspondents?|reporters)"
    r"|(?i:(?:from\s+)?(?:staff\s+and\s+)?(?:wire|news)\s+(?:reports|services|agencies)))$"
)
# Words of a page's furniture, which a byline element may hold instead of names ("Share Article", "Copy Link",
# "Facebook Twitter Email", "Contact Us"): a "name" of these only names no one.
_PAGE_WORDS = frozenset(
    {"share", "article", "story", "facebook", "twitter", "email", "e-mail", "copy", "link", "gift", "contact", "us"}
    | {"updated", "print", "comments", "comment", "subscribe", "newsletter", "listen", "read", "sign", "login", "log"}
    | {"save", "bookmark", "whatsapp", "linkedin", "reddit", "x", "menu", "search", "close", "home", "audio", "video"}
    | {"newsroom", "news", "breaking", "live", "latest", "opinion", "analysis", "exclusive", "advertisement", "editor"}
    | {"editors", "staff", "follow", "watch", "more", "top", "back", "page", "view", "profile", "bio", "website"}
    | {"published", "posted", "date", "modified", "leave", "show", "hide", "add", "reading", "list", "open"}
    | {"app", "signup", "font", "size", "tweet", "caption", "play", "copied", "report", "abuse", "subscriber", "only"}
    | {"credit", "file", "photo", "photos", "image", "images", "gallery", "loading", "admin", "related", "on"}
    | {"stories", "articles", "posts", "alerts", "see"}
)

# What a byline element's text made only of names no one: the page's furniture, common words (but the months,
# seasons and days that are first names too: "April Show", "Dawn Reading", "June Winter") and function words.
_NOT_NAMES_IN_BYLINES = _PAGE_WORDS | (_COMMON_WORDS - _NAME_LIKE_DATES) | _NOT_NAME_WORDS


# The roles a byline credits beside the writers' that are no writer's: pictures, video, graphics, editing, design.
NOT_WRITING_ROLE = (
    r"\b(?:photo\w*|pictures?|images?|illustrat\w*|graphics?|videos?|camera\w*|edit(?:or|ors|ed|ing)"
    r"|design(?:er|ers|ed)?|produc(?:er|ers|ed|tion))\b"
)
# A credit of such a role by a label: "Photo: John Roe", "Photos: John Roe/AP", "Camera: …", "Photo credit: …".
_NOT_WRITTEN_LABEL = re.compile(rf"^(?:\w+ly\s+)?{NOT_WRITING_ROLE}(?:\s+credits?)?\s*:", re.IGNORECASE)
# Where one part of a byline's line ends and the next begins: a bar, a middle dot, a bullet.
_CREDIT_SEPARATOR = re.compile(r"\s*[|\u00b7\u2022]\s*")


def credits_no_writer(text: str) -> bool:
    """Whether a line credits what no writer made: "Photos by John Roe", "Illustration by Jane Roe", "Edited by …",
    and since session 56 by a label, "Photo: John Roe", "Photos: John Roe/AP", "Camera: …" (`By Jane Doe<br>Photo:
    John Roe` named no author: session 56's review)."""
    return _NOT_WRITTEN_BY.match(text) is not None or _NOT_WRITTEN_LABEL.match(text) is not None


def without_credits(text: str) -> str:
    """A byline's line without the credits of what no writer made after a bar, a dot or a bullet (credits_no_writer):
    `By Jane Doe · Photo: John Roe` is `By Jane Doe` (session 56's review: no author). A name after a separator that
    credits no such role stays: `By Jane Roe • John Roe` names two writers."""
    for separator in _CREDIT_SEPARATOR.finditer(text):
        if separator.start() > 0 and credits_no_writer(text[separator.end() :]):
            return text[: separator.start()]
    return text


def names_people(text: str) -> bool:
    """Whether an author element's text may name its author: it starts with names (people, an agency, "Our
    Correspondent", "The Editorial Board", "Times staff", in any case and script: "jane doe", "Nguyen Van An", "王伟"),
    maybe after a label ("Reporter: Jane Doe") and before what the byline adds ("Jane Doe, The Washington Post",
    "Jane Doe (Reuters)", "Jane Roe with additional reporting by John Roe"). Not "About the author", "Jane Doe More
    from this author", a biography's sentence ("Jane Doe is a reporter who covers..."), an e-mail address, a date,
    nor the page's furniture a byline element may hold ("Share this article", "Sign in", "Copy Link", "Photo: Getty
    Images"): each of these became the author and the next source's author was lost (session 21's reviews). Lenient
    on names on purpose: the element says it holds one, and the test of a byline in running text (_named) refused
    names that hold a word such as "An" or "Do" (session 22's review)."""
    if _NO_NAME.search(text) or "@" in text or _NOT_WRITTEN_BY.match(text):
        return False
    if labelled := _LABEL.match(text):
        if set(labelled.group("label").casefold().split()) & _NOT_WRITERS:
            return False  # "Photo: Getty Images" credits a picture
        text = labelled.group("names")
    names = _NAMES_END.split(_SERIAL_JOINER.sub(r" \1 ", text), maxsplit=1)[0].strip()
    if names.casefold() in AGENCIES or _STAFF.match(names) or _COLLECTIVE.match(names):
        return True
    words = names.split()
    if not 1 <= len(words) <= 10 or any(char.isdigit() for char in names):
        return False
    if _PICTURE_AGENCY.search(_NAME_SEPARATORS.split(names, maxsplit=1)[0]):
        return False  # "AFP via Getty Images" credits a picture; "Jane Doe and Getty Images" names a writer first
    stripped = {word.casefold().strip(".:!?,;()[]\u2026") for word in words} - {""}
    return not stripped <= _NOT_NAMES_IN_BYLINES


_NAME_WORD = re.compile(r"\w+")


def _name_words(text: str) -> set[str]:
    """A name's words as names are compared: case and accents aside (`Maria Jose` is María José)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return set(_NAME_WORD.findall("".join(char for char in folded if not unicodedata.combining(char))))


def _agency(text: str) -> str | None:
    """The agency a name is (`The Associated Press` and `AP` are AP), if any."""
    return AGENCIES.get(text.casefold().strip())


def names_others(name: str, author: str | None) -> bool:
    """Whether a byline's `name` (byline_name) names someone the declared `author` does not: none of its names shares
    a word with the author (`John Roe` under Jane Doe), or a name joined to another by "and" or "&" shares none (`Jane
    Doe and John Roe` under Jane Doe), unless an agency's; case aside. What follows a comma may be a role or a credit
    (`Jane Doe, Staff Writer`, `Dr. Jane Doe, Reuters`): the same reporter. Such a byline is text: dropped, the
    reporter it named was lost (session 21's review)."""
    if not author:
        return False
    known: set[str | None] = {*_name_words(author), _agency(author)} - {None}
    pieces = _NAME_SEPARATORS.split(name)
    names, separators = pieces[0::2], [separator.strip() for separator in pieces[1::2]]
    shares = [bool({*_name_words(piece), _agency(piece)} & known) for piece in names]
    if not any(shares):
        return True
    for index, piece in enumerate(names):
        joined = (index > 0 and separators[index - 1] != ",") or (index < len(separators) and separators[index] != ",")
        if joined and not shares[index] and piece.strip().casefold() not in AGENCIES:
            return True
    return False


# The words a line of metadata holds besides its <time> and author links ("By", "Published on", "Updated at", and
# the reading time Medium, Ghost and Substack put beside them: "5 min read").
META_WORDS = frozenset(
    {"by", "and", "on", "at", "published", "updated", "posted", "last", "modified", "first", "written", "am", "pm"}
    | {"min", "mins", "minute", "minutes", "read", "reading", "time"}
)
# Between a byline and a date on one line: "By Jane Doe | 12 May 2015", "By Jane Doe, May 12, 2015".
_META_SEPARATORS = "|\u00b7\u2022\u2013\u2014-,"
# A stamp of a later change: it is never the article's date.
CHANGE_STAMPS = frozenset({"updated", "modified", "edited", "revised"})
# The longest line read as a byline beside a date (byline_with_date): a byline and a date with their labels.
_MAX_BYLINE_WITH_DATE_WORDS = 24


def byline_with_date(text: str) -> tuple[str, str | None] | None:
    """The author and date of "By Jane Doe | 12 May 2015", "By Jane Doe, May 12, 2015", "12 May 2015 · By Jane Doe",
    "By Jane Doe March 1, 2021" (two lines of a byline block joined) or Drupal's "By Jane Doe Thu, 11/14/2019 -
    09:12": the line parted between two of its words, a separator (_META_SEPARATORS) beside the part taken or none,
    the date whole (its weekday is no part of the name: "Jane Doe Thu" was the author of the last; session 51's new
    user). A later change's stamp ("By Jane Doe | Updated: 12 May 2015") gives the author and no date
    (CHANGE_STAMPS). Before the date, a label (`Published: 12 May 2015 | By Tom Price`) is the date's, as read_date
    reads it."""
    words = text.split()
    if len(words) > _MAX_BYLINE_WITH_DATE_WORDS:
        return None
    # The byline first, the date as long as it reads (the fewest words to the byline); then the date first.
    parts = [(words[:k], words[k:]) for k in range(1, len(words))]
    parts += [(after, before) for before, after in reversed(parts)]
    for byline, when in parts:
        name = byline_name(" ".join(byline).rstrip(_META_SEPARATORS + " "))
        if name is None:
            continue
        words_of_when = " ".join(when).strip(_META_SEPARATORS + " ").split()
        changed = False
        while words_of_when and words_of_when[0].casefold().rstrip(":") in META_WORDS:
            changed = changed or words_of_when.pop(0).casefold().rstrip(":") in CHANGE_STAMPS
        if words_of_when and parse_date(" ".join(words_of_when)) is not None:
            return name, None if changed else " ".join(words_of_when)
    return None


def without_leading_furniture(
    paragraphs: list[str],
    title: str,
    author: str | None = None,
    also: str = "",
    published: str | None = None,
    *,
    everywhere: bool = False,
    refuse_unreadable_dates: bool = False,
) -> tuple[list[str], str | None, str | None]:
    """Drop a repeated title (or `also`, the heading), a byline, the author's name or a date line at the top (in the
    first three paragraphs, up to the first that is text), or with `everywhere` wherever it is (an article's header,
    which puts them around a standfirst in any order).

    Returns the remaining paragraphs, the author a byline named and the date line dropped. A byline that names someone
    the declared `author` does not (names_others) is text and stays, as a date line naming another day does. A date line
    is dropped only when it is the article's date: the upload declares no date (the line becomes it) or the same day as
    `published`; a line naming another day is text and stays. A line that names no day one can tell by itself
    (`03/04/2015`, `Mon, 12 May 2015`, a Tuesday) is the date line when `published` is one of its readings
    (validate.date_line_readings). With `refuse_unreadable_dates`, such a line that no declared date reads (`31 April
    2015`, `03/04/2015` with no date declared: validate.date_line_problem) raises RejectedUploadError: kept as text, the
    date was lost without a word. When a date is declared and the line reads as no reading of it, the line is text and
    stays, as a line naming another day does: the article keeps its declared date and the line as written, nothing is
    dropped or changed. A byline with a date on one line (`Published: 12 May 2015 | By Tom Price`: byline_with_date)
    is a byline whose date is a date line's. A line of a later change only (`Last updated: 14 May 2015`: validate.
    is_change_stamp) or of a time relative to when the page was seen (`2 hours ago`) is dropped and gives no date; a
    line of the first publication (`First published on 11 May 2015`) gives the date over a date line before it.
    """
    kept: list[str] = []
    repeated = {title.casefold(), (author or title).casefold(), (also or title).casefold()}
    # What a line with a credit after it may repeat: not the title (`Jane Doe · Photo: John Roe` under a story titled
    # "Jane Doe" is text).
    credited = repeated - {title.casefold()}
    declared_author, author = author, None
    dateline = None
    declared = parse_date(published) if published else None
    for index, paragraph in enumerate(paragraphs):
        if not everywhere and (kept or index == 3):
            kept.append(paragraph)
            continue
        day = parse_date(paragraph)
        name = byline_name(paragraph)
        if day is None and (both := byline_with_date(paragraph)) is not None:
            # "Published: 12 May 2015 | By Tom Price", "By Tom Price | 12 May 2015": a byline, and a date line's date
            # (session 50's new user: the first was read as neither and stayed the first paragraph, undated).
            name, stamp = both
            stamp_day = parse_date(stamp) if stamp is not None else None
            if (
                stamp_day is not None
                and stamp_day == (declared or stamp_day)
                and not names_others(name, declared_author)
            ):
                dateline = dateline or stamp
        # The author's name with a credit after it is the author's line (`<a rel=author>Jane Doe</a> · Camera: <a
        # rel=author>John Roe</a>` stayed the body's first paragraph: session 56's review).
        alone = paragraph.casefold() in repeated or without_credits(paragraph).casefold() in credited
        if alone or (day is not None and (not published or day == declared)):
            # The first publication's line is the article's date even under a later change's day (the Guardian's
            # "Tue 12 May 2015 09.30 BST" over "First published on Mon 11 May 2015"; session 54's attacker).
            first = day is not None and is_first_publication(paragraph)
            dateline = paragraph if first else dateline or (paragraph if day is not None else None)
        elif declared is not None and declared in date_line_readings(paragraph):
            # `03/04/2015` on a page declaring 2015-03-04, `Mon, 12 May 2015` on one declaring 2015-05-12: the
            # declaration says which day the line meant, and the line is the date line. The declared date is
            # returned, which any caller can read.
            dateline = dateline or published
        elif name is not None and not names_others(name, declared_author):
            author = author or name
        elif is_change_stamp(paragraph) or is_relative_time(paragraph):
            # "Last updated: 14 May 2015", "2 hours ago": a date line that names no day published, dropped as one
            # (session 54's attacker: each opened the body). A relative time gives no date: when the page was seen
            # is unknown.
            continue
        else:
            unreadable = refuse_unreadable_dates and day is None and declared is None
            problem = date_line_problem(paragraph) if unreadable else None
            if problem is not None:
                raise problem
            kept.append(paragraph)
    return kept, author, dateline


def declared_names(value: object) -> list[str] | None:
    """The names of a declared author value: a list of names, or of people given as objects with a `name` (Ghost's,
    Hugo's and Quarto's `authors: [{name: Jane Doe}]`, a JSON-LD Person), or one such object; None for any other
    value. `"authors": [{"name": "Jane Doe"}]` was "author must be text, not a list", though lists are read (session
    51's attacker)."""
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else None
    if items is None:
        return None
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return [name for name in names if isinstance(name, str)] if all(isinstance(n, str) for n in names) else None


def without_by(name: str) -> str:
    """A declared author's name without a byline's words before it (_AUTHOR_PREFIX: "By Jane Doe", "Words by Jane Doe",
    "Reporter: Jane Doe" are Jane Doe), as an HTML or legacy byline is read: a JSON or front-matter `byline: By Jane
    Doe` kept "By", and the author facet had "By Jane Doe" beside "Jane Doe" (session 55's attacker). Only before a
    name: a word that starts with a letter and joins no words (`By and Large Media` is a name; session 55's review)."""
    rest = _AUTHOR_PREFIX.sub("", name, count=1)
    first = next(iter(rest.split()), "")
    return rest if first[:1].isalpha() and first.casefold() not in _JOINING_WORDS else name


# Words that join others, which no name starts with ("By and Large Media" is a name, not "and Large Media"); "the" may
# start an agency's ("By the Associated Press").
_JOINING_WORDS = frozenset({"and", "or", "of", "in", "on", "for", "to", "a", "an", "at", "by", "with", "from"})


def joined_authors(names: Sequence[str]) -> str:
    """A list of authors as one credit: joined by `, `, or by `; ` when a name holds a comma itself (`Smith, John`,
    as a library catalogue writes it), which `, ` would make two people of: `["Smith, John", "Doe, Jane"]` read
    "Smith, John, Doe, Jane", four names (session 49's new user)."""
    return ("; " if any("," in name for name in names) else ", ").join(names)


# An agency credited after a byline's names: `Jane Doe, Reuters`, `Jane Doe (AP)`, `Jane Doe - AFP`, `Jane Doe /
# Reuters/AFP`, `Jane Doe and AFP` (an agency helps, as `with AFP` does: _OTHERS); the names come first and hold two
# words or more, so `Smith, John` and `Reuters` alone stay.
_AGENCY_TAIL = re.compile(
    rf"^(?P<names>\S+(?:\s+\S+)+?)\s*(?:,|/|\(|\s[-\u2013\u2014]|\s(?:and|&))\s*(?P<credit>{_AGENCY_LIST})\s*\)?\.?$",
    re.IGNORECASE,
)
# Written with no separator, only Reuters, which no person's name ends with (`Brad Schade Reuters`): an agency's
# capitals end a name as often (`ISAAC KOFI ANSA`, `NGOZI ADAEZE EFE`: Ansa and Efe are surnames; session 53's review).
_BARE_AGENCY_TAIL = re.compile(r"^(?P<names>\S+(?:\s+\S+)+?)\s+(?P<credit>(?i:reuters))\.?$")
# Reuters misspelt after a comma (`Cal Mankowski, Reutersd`, the Reuters-21578 source data's slip): a letter added to
# or left out of `Reuters` or `Reuter` (_one_letter). Only these: `Hans Meier, Blomberg` is a town, no Bloomberg.
_MISSPELT_AGENCY_TAIL = re.compile(r"^(?P<names>\S+(?:\s+\S+)+?)\s*,\s*(?P<credit>[^\W\d_]{5,8})\.?$")
_MISSPELT_AGENCIES = ("reuters", "reuter")
# Agencies' abbreviations that are a profession's credentials too, written after a name and its comma.
_CREDENTIALS = frozenset({"anp"})


def _one_letter(word: str, other: str) -> bool:
    """Whether `word` is `other` with one letter added or left out."""
    if abs(len(word) - len(other)) != 1:
        return False
    short, long = sorted((word, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def without_agency_tail(author: str) -> tuple[str, str | None]:
    """An author without the agency credited after its names, and that agency (canonical_credit), or None when it
    names none: `Patti Domm, Reuter` is Patti Domm, credited to Reuters; `Cal Mankowski, Reutersd` and `Brad Schade
    Reuters` likewise (the Reuters-21578 `<AUTHOR>` tails, session 53's attack report: one writer was two facet
    values, and `author=Gail Appleson` found none of hers). The names before hold two words or more and a person's
    name (_people), so `Smith, John`, an agency alone and `By Jove, AP` stay as written; so does a credential after
    a comma (_CREDENTIALS: `Mary Jones, ANP`, an adult nurse practitioner; `Jane Doe (ANP)` is a credit)."""
    for pattern in (_AGENCY_TAIL, _BARE_AGENCY_TAIL, _MISSPELT_AGENCY_TAIL):
        match = pattern.match(author.strip())
        if match is None or not _people(match.group("names")):
            continue
        if match.group("credit").casefold() in _CREDENTIALS and author[: match.start("credit")].rstrip().endswith(","):
            continue
        credit = match.group("credit")
        if pattern is _MISSPELT_AGENCY_TAIL:
            near = next((name for name in _MISSPELT_AGENCIES if _one_letter(credit.casefold(), name)), None)
            if near is None:
                continue
            credit = near
        return match.group("names"), canonical_credit(credit)
    return author, None
