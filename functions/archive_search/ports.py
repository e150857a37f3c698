"""The interfaces the domain needs from the outside world; adapters implement them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from archive_search.models import Article, Upload


@dataclass(frozen=True)
class ObjectVersion:
    """What identifies one state of an object in the uploads bucket."""

    key: str
    etag: str
    last_modified_ms: int

    @property
    def recency(self) -> tuple[int, str]:
        """Newest wins; within the same millisecond the key decides, so every worker and `verify` agree."""
        return (self.last_modified_ms, self.key)


SeqNo = tuple[int, int]  # a document's (seq_no, primary_term): it changes with every write


@dataclass(frozen=True)
class IndexedVersion:
    """What identifies the upload an indexed document was built from."""

    source_etag: str
    source_key: str


class UploadSource(Protocol):
    def versions_of(self, bucket: str, key_stem: str) -> list[ObjectVersion]:
        """Every object whose key, in NFC (keys.spells_stem), is `key_stem` plus an extension."""

    def read(self, bucket: str, version: ObjectVersion) -> Upload | None:
        """The object's bytes, or None if it is gone or changed since `version` was listed."""

    def exists(self, bucket: str, key: str) -> bool:
        """Whether the bucket holds an object under exactly this key."""


class ArchiveStore(Protocol):
    def put(self, article: Article) -> None: ...

    def delete(self, article_id: str) -> None: ...

    def get(self, article_id: str) -> Article | None: ...

    def list_ids(self) -> Iterator[str]: ...


class ReportStore(Protocol):
    def put(self, bucket: str, report_key: str, report: dict[str, Any]) -> None: ...

    def delete(self, bucket: str, report_key: str) -> None: ...


class TextEncoder(Protocol):
    """What a text means, as a vector: adapters/text_encoder.py."""

    def embed(self, texts: Sequence[str]) -> list[bytes]:
        """One vector per text, as bytes."""

    def similarities(self, query: bytes, vectors: Sequence[bytes | None]) -> list[float]:
        """Cosine similarity of the query vector with each vector (0 for a missing one)."""


class SearchableIndex(Protocol):
    """What a search asks of the index (search.py)."""

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        """The engine's answer to `body`. Requests with the same `preference` are answered by the same copy of the
        index while it is available, so their scores agree (copies score apart by their deleted documents)."""

    def doc_freqs(self, words: Sequence[str], field: str = "body") -> dict[str, int]:
        """In how many articles each word occurs, as `field` (the body or one of its subfields) analyses it (words
        the archive does not know may be left out)."""


class ArticleIndex(SearchableIndex, Protocol):
    def apply(self, upserts: Sequence[Article], deletes: Sequence[str]) -> dict[str, str]:
        """Index and delete in bulk; returns the reason for each article id the engine refused.

        Raises IndexVersionMismatchError, writing nothing, when the index behind the alias has another mapping
        version than this code's; SearchUnavailableError when the engine cannot be reached.
        """

    def get(self, article_id: str) -> dict[str, Any] | None: ...

    def count(self) -> int: ...


class IndexAdmin(Protocol):
    def indices_behind_alias(self) -> list[str]: ...

    def unaliased_versions(self) -> list[str]: ...

    def create_build_index(self) -> str: ...

    def load(self, index_name: str, articles: Iterable[Article]) -> Iterator[tuple[str, str | None]]: ...

    def finish_build(self, index_name: str) -> None: ...

    def point_alias_at(self, index_name: str) -> list[str]: ...

    def delete_indices(self, names: list[str]) -> None: ...

    def indexed_versions(self) -> dict[str, IndexedVersion]: ...

    def redundancy_problems(self) -> list[str]:
        """Why an index behind the alias would not keep a replica on a multi-node domain (empty: it would)."""

    def sequence_numbers(self, index_name: str) -> dict[str, SeqNo]:
        """Every document id of the index with its (seq_no, primary_term), after a refresh."""

    def write_unless_changed(
        self, index_name: str, articles: Sequence[Article], seen: dict[str, SeqNo | None]
    ) -> dict[str, str]:
        """Index each article only if its document is still as `seen` (None: absent);
        one that changed meanwhile was written by ingest from a newer state and is left alone. Returns failures."""

    def delete_unless_changed(self, index_name: str, seen: dict[str, SeqNo]) -> dict[str, str]:
        """Delete each document only if it is still as `seen`. Returns failures."""


class UploadListing(Protocol):
    def latest_uploads(self, bucket: str, prefix: str) -> dict[str, ObjectVersion]:
        """The newest upload of each article under the prefix, keyed by its path stem (NFC); a file in a format no
        parser reads (`pic.jpg`) is no upload of the article beside it and is listed on its own, keyed by its key."""

    def keys_under(self, bucket: str, prefix: str) -> set[str]: ...


class ArchiveReader(Protocol):
    def list_ids(self) -> Iterator[str]: ...

    def get_many(self, article_ids: Iterable[str]) -> Iterator[Article]: ...


class ArchiveChangeLog(Protocol):
    def list_modified(self) -> Iterator[tuple[str, int]]:
        """Every archived article's id with the time its archive object was last written (epoch ms)."""
