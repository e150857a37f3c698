"""Bring the archive and the index in line with what the uploads bucket holds for one article.

Notifications can be duplicated, late or out of order, so the service never trusts the event's
content: it reads the bucket's current state for the article, applies it, then reads the state
again. If the state moved while it worked, it applies the new state, so whichever worker writes
last also checks last and the archive and index converge on what S3 holds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from archive_search.errors import ArchiveSearchError, RejectedUploadError
from archive_search.keys import article_id_for_key, report_key_for
from archive_search.models import Article, Upload
from archive_search.parsing import parse_upload
from archive_search.ports import ArchiveStore, ArticleIndex, ObjectVersion, ReportStore, UploadSource

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


class Outcome(StrEnum):
    INDEXED = "indexed"
    DELETED = "deleted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class SyncResult:
    article_id: str
    outcome: Outcome
    source_key: str | None
    reason: str | None = None


class SourceKeptChangingError(ArchiveSearchError):
    """The upload changed on every attempt; the message is retried later by the queue."""


def _latest(versions: list[ObjectVersion]) -> ObjectVersion | None:
    # Ties (same millisecond, different extensions) break on the key so every worker picks the same one.
    return max(versions, key=lambda v: (v.last_modified_ms, v.key), default=None)


class IngestService:
    def __init__(
        self,
        uploads: UploadSource,
        archive: ArchiveStore,
        index: ArticleIndex,
        reports: ReportStore,
        upload_prefix: str,
        report_prefix: str,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._uploads = uploads
        self._archive = archive
        self._index = index
        self._reports = reports
        self._upload_prefix = upload_prefix
        self._report_prefix = report_prefix
        self._now = now

    def sync(self, bucket: str, key: str) -> SyncResult:
        """Apply the current state of the article that `key` belongs to."""
        try:
            article_id = article_id_for_key(key, self._upload_prefix)
        except RejectedUploadError as exc:
            self._report(bucket, key, exc)
            return SyncResult(key, Outcome.REJECTED, key, exc.reason)
        stem = f"{self._upload_prefix}{article_id}"
        for _attempt in range(MAX_ATTEMPTS):
            current = _latest(self._uploads.versions_of(bucket, stem))
            result = self._apply(bucket, key, article_id, current)
            if result is not None and _latest(self._uploads.versions_of(bucket, stem)) == current:
                return result
        raise SourceKeptChangingError(f"{key} changed during each of {MAX_ATTEMPTS} attempts")

    def _apply(self, bucket: str, event_key: str, article_id: str, current: ObjectVersion | None) -> SyncResult | None:
        if current is None:
            self._withdraw(article_id)
            self._reports.delete(bucket, self._report_key(event_key))
            return SyncResult(article_id, Outcome.DELETED, None)
        upload = self._uploads.read(bucket, current)
        if upload is None:
            return None  # replaced or deleted since it was listed: look again
        try:
            article = self._article_from(article_id, upload)
        except RejectedUploadError as exc:
            # The bucket holds no valid article for this id, so neither may the archive or the index.
            self._withdraw(article_id)
            self._report(bucket, upload.key, exc)
            return SyncResult(article_id, Outcome.REJECTED, upload.key, exc.reason)
        self._archive.put(article)
        self._index.upsert(article)
        self._reports.delete(bucket, self._report_key(upload.key))
        return SyncResult(article_id, Outcome.INDEXED, upload.key)

    def _article_from(self, article_id: str, upload: Upload) -> Article:
        parsed = parse_upload(upload.key, upload.body)
        return Article(
            id=article_id,
            title=parsed.title,
            body=parsed.body,
            author=parsed.author,
            published=parsed.published,
            section=parsed.section,
            tags=parsed.tags,
            summary=parsed.summary,
            url=parsed.url,
            credit=parsed.credit,
            source_key=upload.key,
            source_format=parsed.source_format,
            source_etag=upload.etag,
            source_modified_ms=upload.last_modified_ms,
        )

    def _withdraw(self, article_id: str) -> None:
        self._index.delete(article_id)
        self._archive.delete(article_id)

    def _report_key(self, key: str) -> str:
        return report_key_for(key, self._upload_prefix, self._report_prefix)

    def _report(self, bucket: str, key: str, exc: RejectedUploadError) -> None:
        report_key = self._report_key(key) if key.startswith(self._upload_prefix) else None
        logger.warning("upload rejected", extra={"key": key, "reason": exc.reason, "report_key": report_key})
        if report_key is None:
            return
        self._reports.put(
            bucket,
            report_key,
            {
                "upload": key,
                "status": "rejected",
                "reason": exc.reason,
                "how_to_fix": exc.fix,
                "checked_at": self._now().isoformat(timespec="seconds"),
                "note": "The article is not searchable until a valid file is uploaded under the same path.",
            },
        )
