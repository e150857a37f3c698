"""In-memory stand-ins for the ports (ports.py), with switches to make one key or article fail."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from archive_search.errors import StorageUnavailableError
from archive_search.keys import listing_prefix, spells_stem
from archive_search.models import Article, Upload
from archive_search.parsing import upload_group
from archive_search.ports import ObjectVersion


@dataclass
class FakeBucket:
    """An uploads bucket: key -> (bytes, modification ms). `broken_reads` raise the given exception."""

    objects: dict[str, tuple[bytes, int]] = field(default_factory=dict)
    broken_reads: dict[str, Exception] = field(default_factory=dict)
    # Unix ms, from 2026-01-01 UTC as S3's LastModified would be: ingest rejects articles dated after their upload.
    clock_ms: int = 1_767_225_600_000

    def put(self, key: str, body: bytes) -> None:
        self.clock_ms += 1000
        self.objects[key] = (body, self.clock_ms)

    def version(self, key: str) -> ObjectVersion:
        body, modified = self.objects[key]
        return ObjectVersion(key, hashlib.md5(body).hexdigest(), modified)  # noqa: S324 - an ETag, as S3's

    # UploadSource
    def versions_of(self, bucket: str, key_stem: str) -> list[ObjectVersion]:
        # As the S3 adapter: list by the shared prefix, keep the keys that spell this stem.
        prefix = listing_prefix(key_stem)
        return [self.version(key) for key in self.objects if key.startswith(prefix) and spells_stem(key, key_stem)]

    def read(self, bucket: str, version: ObjectVersion) -> Upload | None:
        if version.key in self.broken_reads:
            raise self.broken_reads[version.key]
        if version.key not in self.objects or self.version(version.key) != version:
            return None
        return Upload(version.key, self.objects[version.key][0], version.etag, version.last_modified_ms)

    def exists(self, bucket: str, key: str) -> bool:
        return key in self.objects

    # UploadListing (operations.py)
    def latest_uploads(self, bucket: str, prefix: str) -> dict[str, ObjectVersion]:
        latest: dict[str, ObjectVersion] = {}
        for key in sorted(self.keys_under(bucket, prefix)):
            stem = upload_group(key)
            version = self.version(key)
            if stem not in latest or version.recency > latest[stem].recency:
                latest[stem] = version
        return latest

    def keys_under(self, bucket: str, prefix: str) -> set[str]:
        return {key for key in self.objects if key.startswith(prefix)}


@dataclass
class FakeArchive:
    articles: dict[str, str] = field(default_factory=dict)  # id -> JSON, as the bucket holds it
    reads: int = 0

    def put(self, article: Article) -> None:
        # As S3 would: the body must encode as UTF-8.
        self.articles[article.id] = json.dumps(article.to_json_dict(), ensure_ascii=False).encode().decode()

    def delete(self, article_id: str) -> None:
        self.articles.pop(article_id, None)

    def get(self, article_id: str) -> Article | None:
        self.reads += 1
        text = self.articles.get(article_id)
        return Article.from_json_dict(json.loads(text)) if text is not None else None

    def get_many(self, article_ids: Iterable[str]) -> Iterator[Article]:
        for article_id in article_ids:
            article = self.get(article_id)
            if article is not None:
                yield article

    def list_ids(self) -> Iterator[str]:
        yield from sorted(self.articles)


@dataclass
class FakeReports:
    """Reports by key; with `bucket`, also written into that uploads bucket, as S3 keeps them."""

    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    broken_keys: set[str] = field(default_factory=set)
    bucket: FakeBucket | None = None

    def put(self, bucket: str, report_key: str, report: dict[str, Any]) -> None:
        if report_key in self.broken_keys:
            raise StorageUnavailableError(f"S3 failed to write the report {report_key}: InternalError")
        self.reports[report_key] = report
        if self.bucket is not None:
            self.bucket.put(report_key, json.dumps(report).encode())

    def delete(self, bucket: str, report_key: str) -> None:
        self.reports.pop(report_key, None)
        if self.bucket is not None:
            self.bucket.objects.pop(report_key, None)


@dataclass
class FakeIndex:
    """Documents by id. `poison_titles`: a bulk request holding such an article raises `error` (as a client bug
    on one document would); `down`: every call raises it."""

    documents: dict[str, Article] = field(default_factory=dict)
    poison_titles: set[str] = field(default_factory=set)
    error: Exception = field(default_factory=lambda: ValueError("cannot serialise"))
    down: Exception | None = None
    requests: int = 0

    def apply(self, upserts: Sequence[Article], deletes: Sequence[str]) -> dict[str, str]:
        self.requests += 1
        if self.down is not None:
            raise self.down
        if any(article.title in self.poison_titles for article in upserts):
            raise self.error
        for article in upserts:
            self.documents[article.id] = article
        for article_id in deletes:
            self.documents.pop(article_id, None)
        return {}

    def search(self, body: dict[str, Any], size: int, offset: int, preference: str | None = None) -> dict[str, Any]:
        raise NotImplementedError

    def doc_freqs(self, words: Sequence[str], field: str = "body") -> dict[str, int]:
        raise NotImplementedError

    def get(self, article_id: str) -> dict[str, Any] | None:
        article = self.documents.get(article_id)
        return None if article is None else {"_id": article_id, "_source": article.to_json_dict()}

    def count(self) -> int:
        return len(self.documents)
