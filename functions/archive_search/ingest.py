"""Bring the archive and the index in line with what the uploads bucket holds, a batch at a time.

Notifications can be duplicated, late or out of order, so the service never trusts an event's content:
for each article it reads the bucket's current state, applies it (archive writes, then one bulk request
for the whole batch), then reads the state again. If the state moved while it worked, it applies the new
state, so whichever worker writes last also checks last, and the archive and index converge on S3.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from archive_search.errors import ArchiveSearchError, RejectedUploadError
from archive_search.keys import article_id_for_key, report_key_for
from archive_search.models import Article, Upload
from archive_search.notifications import ObjectChange
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


class IndexingFailedError(ArchiveSearchError):
    """The engine refused this article's document; the message is retried, then dead-lettered with this reason."""


@dataclass
class _Work:
    """One article being synced: what the bucket held when last read, and what was decided for it."""

    bucket: str
    event_key: str
    article_id: str
    stem: str
    changes: list[ObjectChange] = field(default_factory=list)
    version: ObjectVersion | None = None
    article: Article | None = None
    result: SyncResult | None = None


def _latest(versions: list[ObjectVersion]) -> ObjectVersion | None:
    return max(versions, key=lambda v: v.recency, default=None)


def article_from_upload(article_id: str, upload: Upload) -> Article:
    """The canonical article an upload parses to (raises RejectedUploadError for a bad upload)."""
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

    def sync_batch(self, changes: Sequence[ObjectChange]) -> dict[ObjectChange, SyncResult | ArchiveSearchError]:
        """Sync every article the changes touch; each change gets its article's result or its failure."""
        outcomes: dict[ObjectChange, SyncResult | ArchiveSearchError] = {}
        work: dict[tuple[str, str], _Work] = {}
        for change in changes:
            try:
                article_id = article_id_for_key(change.key, self._upload_prefix)
            except RejectedUploadError as exc:
                self._report(change.bucket, change.key, exc)
                outcomes[change] = SyncResult(change.key, Outcome.REJECTED, change.key, exc.reason)
                continue
            item = work.setdefault(
                (change.bucket, article_id),
                _Work(change.bucket, change.key, article_id, f"{self._upload_prefix}{article_id}"),
            )
            item.changes.append(change)

        pending = list(work.values())
        for _attempt in range(MAX_ATTEMPTS):
            if not pending:
                break
            pending = self._attempt(pending, outcomes)
        for item in pending:
            changing = SourceKeptChangingError(f"{item.stem} changed during each of {MAX_ATTEMPTS} attempts")
            self._fail(item, changing, outcomes)
        return outcomes

    def _attempt(
        self, items: list[_Work], outcomes: dict[ObjectChange, SyncResult | ArchiveSearchError]
    ) -> list[_Work]:
        """One pass: read, decide, write the archive, bulk-index; returns the items whose source moved."""
        planned: list[_Work] = []
        for item in items:
            try:
                self._plan(item)
                if item.result is not None:
                    self._write_archive_and_report(item)
                planned.append(item)
            except ArchiveSearchError as exc:
                self._fail(item, exc, outcomes)
        ready = [item for item in planned if item.result is not None]
        try:
            failures = self._index.apply(
                upserts=[item.article for item in ready if item.article is not None],
                deletes=[item.article_id for item in ready if item.article is None],
            )
        except ArchiveSearchError as exc:
            for item in ready:
                self._fail(item, exc, outcomes)
            return []
        moved = []
        for item in planned:
            if item.article_id in failures:
                self._fail(item, IndexingFailedError(f"{item.article_id}: {failures[item.article_id]}"), outcomes)
                continue
            try:
                current = _latest(self._uploads.versions_of(item.bucket, item.stem))
            except ArchiveSearchError as exc:
                self._fail(item, exc, outcomes)
                continue
            if item.result is None or current != item.version:
                moved.append(item)
            else:
                for change in item.changes:
                    outcomes[change] = item.result
        return moved

    def _plan(self, item: _Work) -> None:
        item.version = _latest(self._uploads.versions_of(item.bucket, item.stem))
        item.article, item.result = None, None
        if item.version is None:
            item.result = SyncResult(item.article_id, Outcome.DELETED, None)
            return
        upload = self._uploads.read(item.bucket, item.version)
        if upload is None:
            return  # replaced or deleted since it was listed: the next attempt looks again
        try:
            item.article = article_from_upload(item.article_id, upload)
        except RejectedUploadError as exc:
            # The bucket holds no valid article for this id, so neither may the archive or the index.
            self._report(item.bucket, upload.key, exc)
            item.result = SyncResult(item.article_id, Outcome.REJECTED, upload.key, exc.reason)
            return
        item.result = SyncResult(item.article_id, Outcome.INDEXED, upload.key)

    def _write_archive_and_report(self, item: _Work) -> None:
        if item.article is not None:
            self._archive.put(item.article)
            self._reports.delete(item.bucket, self._report_key(item.article.source_key))
        else:
            self._archive.delete(item.article_id)
            if item.version is None:
                self._reports.delete(item.bucket, self._report_key(item.event_key))

    def _fail(
        self, item: _Work, exc: ArchiveSearchError, outcomes: dict[ObjectChange, SyncResult | ArchiveSearchError]
    ) -> None:
        for change in item.changes:
            outcomes[change] = exc

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
