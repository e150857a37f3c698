"""The data's journey, one model per step: upload -> canonical article -> index document."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Upload:
    """An object read from the uploads bucket."""

    key: str
    body: bytes
    etag: str
    last_modified_ms: int


@dataclass(frozen=True)
class Article:
    """The canonical article: what the archive bucket stores and the index is built from."""

    id: str
    title: str
    body: str
    source_key: str
    source_format: str
    author: str | None = None
    published: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    url: str | None = None
    credit: str | None = None
    source_etag: str = ""
    source_modified_ms: int = 0

    def to_json_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Article:
        fields: dict[str, Any] = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        fields["tags"] = tuple(data.get("tags") or ())
        return cls(**fields)


@dataclass(frozen=True)
class ParsedUpload:
    """What a parser extracts from an upload, before it is tied to a key."""

    title: str
    body: str
    source_format: str
    author: str | None = None
    published: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    url: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str
    author: str | None
    published: str | None
    section: str | None
    url: str | None
    snippet: str
    highlights: dict[str, list[str]] = field(default_factory=dict)
    score: float | None = None


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A better spelling of the query and how many articles it finds."""

    q: str
    total: int


@dataclass(frozen=True)
class SearchPage:
    total: int
    took_ms: int
    results: list[SearchHit]
    page: int = 1
    sort: str = "relevance"
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    did_you_mean: Suggestion | None = None
    next_cursor: str | None = None
    # Exclusions as typed that the search did not apply (query_parser.ParsedQuery.unapplied): their articles may be
    # among the results, and the reader is told so rather than left to wonder.
    unapplied_exclusions: list[str] = field(default_factory=list)
    # The query as the search read it when it searched a word no article holds as its likeliest spelling (`oil prces`
    # as `oil prices`) and offers no did_you_mean: the reader sees why the results hold another word.
    altered_query: str | None = None
    # The quoted phrases no article holds, searched as their words (search.relaxed_phrases): the page says so, as it
    # says "Quotes find a phrase".
    relaxed_phrases: list[str] = field(default_factory=list)
