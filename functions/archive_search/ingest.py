"""Bring the archive and the index in line with what the uploads bucket holds, a batch at a time.

Notifications can be duplicated, late or out of order, so the service never trusts an event's content:
for each article it reads the bucket's current state, applies it (archive writes, then one bulk request
for the whole batch), then reads the state again. If the state moved while it worked, it applies the new
state, so whichever worker writes last also checks last, and the archive and index converge on S3.

Failure stays where it happens: whatever one article's step raises fails that article alone, and an
exception from the batch-wide bulk request falls back to one request per article. Work stops while a
step's worth of time is still left (the TimeBudget), and what was not finished is reported as failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TypeVar

from archive_search.errors import (
    ArchiveSearchError,
    IndexVersionMismatchError,
    RejectedUploadError,
    SearchUnavailableError,
)
from archive_search.keys import article_id_for_key, is_folder, report_key_for
from archive_search.models import Article, Upload
from archive_search.notifications import ObjectChange
from archive_search.parsing import parse_upload, unsupported_extension
from archive_search.ports import ArchiveStore, ArticleIndex, ObjectVersion, ReportStore, UploadSource

logger = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ATTEMPTS = 5
# The articles of a batch are read, archived and re-checked at the same time: each takes four or five S3 round
# trips one after another, which were 82% of ingest time when articles went one by one (issue 13's profile).
S3_CONCURRENCY = 10
# What a report tells the editor about the article at the rejected file's path.
_NOT_SEARCHABLE = "The article is not searchable until a valid file is uploaded under the same path."
_NOT_AN_ARTICLE = (
    "This file is not read as an article and changes none: an article uploaded under the same path in a supported"
    " format stays as it is."
)


class Outcome(StrEnum):
    INDEXED = "indexed"
    DELETED = "deleted"
    REJECTED = "rejected"
    # Written to the archive only: the index behind the alias has another mapping version (reindex catches up).
    ARCHIVED = "archived"
    # A folder (see keys.is_folder): no article, no report.
    IGNORED = "ignored"


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


class UnexpectedFailureError(ArchiveSearchError):
    """An exception nobody foresaw while syncing one article (the traceback is logged); it is retried."""


class ForeignBucketError(ArchiveSearchError):
    """The notification names a bucket other than the uploads bucket; it is dead-lettered for a human."""


class OutOfTimeError(ArchiveSearchError):
    """The invocation's time ran short before this article was finished; the queue delivers it again."""


@dataclass(frozen=True)
class TimeBudget:
    """How long a batch may work: `remaining()` gives the seconds left, and no step starts once fewer than
    `reserve_seconds` are left (enough for the slowest single step to finish and the handler to report)."""

    remaining: Callable[[], float]
    reserve_seconds: float

    def exhausted(self) -> bool:
        return self.remaining() < self.reserve_seconds


@dataclass
class _Work:
    """One article being synced: what the bucket held when last read, and what was decided for it."""

    bucket: str
    event_key: str
    article_id: str
    stem: str
    changes: list[ObjectChange] = field(default_factory=list)
    version: ObjectVersion | None = None
    superseded: list[str] = field(default_factory=list)  # older uploads of the id (other formats or spellings)
    article: Article | None = None
    result: SyncResult | None = None


def _unexpected(what: str, exc: Exception) -> UnexpectedFailureError:
    logger.error("unexpected failure while syncing %s", what, exc_info=exc)
    return UnexpectedFailureError(f"{what}: unexpected {exc.__class__.__name__}")


def _latest(versions: list[ObjectVersion]) -> ObjectVersion | None:
    return max(versions, key=lambda v: v.recency, default=None)


def article_from_upload(article_id: str, upload: Upload) -> Article:
    """The canonical article an upload parses to (raises RejectedUploadError for a bad upload)."""
    parsed = parse_upload(upload.key, upload.body, uploaded=datetime.fromtimestamp(upload.last_modified_ms / 1000, UTC))
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
        reserve_seconds: float = 0.0,
        uploads_bucket: str | None = None,
    ) -> None:
        """`reserve_seconds`: the time a batch keeps in hand (see TimeBudget), for sync_batch's `remaining_seconds`.
        `uploads_bucket`: the only bucket whose changes are synced (None: whichever a change names)."""
        self._uploads = uploads
        self._archive = archive
        self._index = index
        self._reports = reports
        self._upload_prefix = upload_prefix
        self._report_prefix = report_prefix
        self._now = now
        self._reserve_seconds = reserve_seconds
        self._uploads_bucket = uploads_bucket
        self._pool: ThreadPoolExecutor | None = None

    def sync_batch(
        self, changes: Sequence[ObjectChange], remaining_seconds: Callable[[], float] | None = None
    ) -> dict[ObjectChange, SyncResult | ArchiveSearchError]:
        """Sync every article the changes touch; each change gets its article's result or its failure.

        Never raises: a failure of any kind is the outcome of the changes of the article it happened to.
        `remaining_seconds` (the Lambda context's remaining time) bounds the work: what is not finished while
        the reserve is still left fails with OutOfTimeError. Without it, time is not limited.
        """
        budget = TimeBudget(remaining_seconds or (lambda: float("inf")), self._reserve_seconds)
        outcomes: dict[ObjectChange, SyncResult | ArchiveSearchError] = {}
        work: dict[tuple[str, str], _Work] = {}
        for change in changes:
            if self._uploads_bucket is not None and change.bucket != self._uploads_bucket:
                # Ids are paths without the bucket: another bucket lacking incoming/x.json would delete article x.
                outcomes[change] = ForeignBucketError(
                    f"the notification names the bucket {change.bucket!r}, not the uploads bucket"
                )
                continue
            if is_folder(change.key):
                outcomes[change] = self._settle_folder(change)
                continue
            try:
                article_id = article_id_for_key(change.key, self._upload_prefix)
                unsupported = unsupported_extension(change.key)
            except RejectedUploadError as exc:
                outcomes[change] = self._settle_bad_key(change, exc, _NOT_SEARCHABLE)
                continue
            except Exception as exc:  # noqa: BLE001 - a key no rule foresaw (a lone surrogate) fails its change alone
                outcomes[change] = _unexpected(repr(change.key), exc)
                continue
            if unsupported is not None:
                # A photo beside story.json is no version of the article: it is reported on its own and leaves
                # the article that a supported upload of this path provides as it is.
                outcomes[change] = self._settle_bad_key(change, unsupported, _NOT_AN_ARTICLE)
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
            if budget.exhausted():
                for item in pending:
                    self._fail(item, OutOfTimeError(f"{item.stem}: the invocation ran out of time"), outcomes)
                return outcomes
            pending = self._attempt(pending, outcomes, budget)
        for item in pending:
            changing = SourceKeptChangingError(f"{item.stem} changed during each of {MAX_ATTEMPTS} attempts")
            self._fail(item, changing, outcomes)
        return outcomes

    def _settle_folder(self, change: ObjectChange) -> SyncResult | ArchiveSearchError:
        """Withdraw any report a folder got before folders were told apart; nothing else changes."""
        try:
            if change.key.startswith(self._upload_prefix):
                self._reports.delete(change.bucket, self._report_key(change.key))
        except ArchiveSearchError as failure:
            return failure
        except Exception as unexpected:  # noqa: BLE001 - one change's failure, whatever it is, stays its own
            return _unexpected(change.key, unexpected)
        return SyncResult(change.key, Outcome.IGNORED, change.key, "a folder")

    def _settle_bad_key(
        self, change: ObjectChange, exc: RejectedUploadError, note: str
    ) -> SyncResult | ArchiveSearchError:
        """A key that can name no article, or whose format none reads: report it while the object exists, withdraw
        the report once it is gone. No article changes. As for articles, the object is looked at again after the
        write: a worker syncing its deletion meanwhile may have withdrawn the report before this one wrote it."""
        try:
            exists = self._uploads.exists(change.bucket, change.key)
            for _attempt in range(MAX_ATTEMPTS):
                if exists:
                    self._report(change.bucket, change.key, exc, note)
                elif change.key.startswith(self._upload_prefix):
                    self._reports.delete(change.bucket, self._report_key(change.key))
                now = self._uploads.exists(change.bucket, change.key)
                if now == exists:
                    return SyncResult(change.key, Outcome.REJECTED, change.key, exc.reason)
                exists = now
        except ArchiveSearchError as failure:
            return failure
        except Exception as unexpected:  # noqa: BLE001 - one change's failure, whatever it is, stays its own
            return _unexpected(change.key, unexpected)
        return SourceKeptChangingError(f"{change.key} changed during each of {MAX_ATTEMPTS} attempts")

    def _attempt(
        self, items: list[_Work], outcomes: dict[ObjectChange, SyncResult | ArchiveSearchError], budget: TimeBudget
    ) -> list[_Work]:
        """One pass: read, decide, write the archive, bulk-index; returns the items whose source moved."""

        def prepare(item: _Work) -> None:
            if budget.exhausted():
                raise OutOfTimeError(f"{item.stem}: the invocation ran out of time")
            self._plan(item)
            if item.result is not None:
                self._write_archive_and_report(item)

        planned: list[_Work] = []
        for item, (_, error) in zip(items, self._each(prepare, items), strict=True):
            if error is not None:
                self._fail(item, error, outcomes)
            else:
                planned.append(item)
        ready = [item for item in planned if item.result is not None]
        failures = self._index_all(ready, outcomes, budget)
        indexed = []
        for item in planned:
            if item.article_id in failures:
                self._fail(item, failures[item.article_id], outcomes)
            else:
                indexed.append(item)
        moved = []
        latest = self._each(lambda item: _latest(self._article_versions(item)), indexed)
        for item, (current, error) in zip(indexed, latest, strict=True):
            if error is not None:
                self._fail(item, error, outcomes)
                continue
            if item.result is None or current != item.version:
                moved.append(item)
            else:
                for change in item.changes:
                    outcomes[change] = item.result
        return moved

    def _each(self, step: Callable[[_Work], T], items: list[_Work]) -> list[tuple[T | None, ArchiveSearchError | None]]:
        """`step` on every item at once (S3_CONCURRENCY threads), in order: its result, or the failure it raised
        (an unforeseen exception becomes that item's UnexpectedFailureError, never another item's)."""

        def guarded(item: _Work) -> tuple[T | None, ArchiveSearchError | None]:
            try:
                return step(item), None
            except ArchiveSearchError as exc:
                return None, exc
            except Exception as exc:  # noqa: BLE001 - one article's failure, whatever it is, stays its own
                return None, _unexpected(item.stem, exc)

        if len(items) <= 1:
            return [guarded(item) for item in items]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=S3_CONCURRENCY, thread_name_prefix="ingest-s3")
        return list(self._pool.map(guarded, items))

    def _index_all(
        self, ready: list[_Work], outcomes: dict[ObjectChange, SyncResult | ArchiveSearchError], budget: TimeBudget
    ) -> dict[str, ArchiveSearchError]:
        """One bulk request for the batch; if it raises for a reason other than the engine being unreachable,
        one request per article, so an article that breaks the request fails alone. Returns the failures."""
        try:
            return self._refusals(self._index_apply(ready), ready)
        except SearchUnavailableError as exc:
            return {item.article_id: exc for item in ready}  # no article's fault: retrying one by one cannot help
        except IndexVersionMismatchError as exc:
            self._archived_only(ready, exc)
            return {}
        except Exception as exc:
            logger.warning("bulk request failed; indexing one article at a time", exc_info=exc)
        failures: dict[str, ArchiveSearchError] = {}
        for item in ready:
            if budget.exhausted():
                failures[item.article_id] = OutOfTimeError(f"{item.stem}: the invocation ran out of time")
                continue
            try:
                failures.update(self._refusals(self._index_apply([item]), [item]))
            except ArchiveSearchError as exc:
                failures[item.article_id] = exc
            except Exception as exc:  # noqa: BLE001 - one article's failure, whatever it is, stays its own
                failures[item.article_id] = _unexpected(item.stem, exc)
        return failures

    def _index_apply(self, items: list[_Work]) -> dict[str, str]:
        return self._index.apply(
            upserts=[item.article for item in items if item.article is not None],
            deletes=[item.article_id for item in items if item.article is None],
        )

    @staticmethod
    def _refusals(refused: dict[str, str], items: list[_Work]) -> dict[str, ArchiveSearchError]:
        ids = {item.article_id for item in items}
        return {i: IndexingFailedError(f"{i}: {reason}") for i, reason in refused.items() if i in ids}

    @staticmethod
    def _archived_only(items: list[_Work], exc: IndexVersionMismatchError) -> None:
        """The archive holds these changes; the rebuild that brings the index to this mapping will index them."""
        logger.warning("index mapping differs: archived only, until reindex", extra={"reason": str(exc)})
        for item in items:
            if item.result is not None and item.result.outcome is Outcome.INDEXED:
                item.result = SyncResult(item.article_id, Outcome.ARCHIVED, item.result.source_key, str(exc))

    def _article_versions(self, item: _Work) -> list[ObjectVersion]:
        """The uploads of the item's id in a supported format: other files under its path are no version of it."""
        versions = self._uploads.versions_of(item.bucket, item.stem)
        return [version for version in versions if unsupported_extension(version.key) is None]

    def _plan(self, item: _Work) -> None:
        versions = self._article_versions(item)
        item.version = _latest(versions)
        item.superseded = [version.key for version in versions if version != item.version]
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
            self._report(item.bucket, upload.key, exc, _NOT_SEARCHABLE)
            item.result = SyncResult(item.article_id, Outcome.REJECTED, upload.key, exc.reason)
            return
        item.result = SyncResult(item.article_id, Outcome.INDEXED, upload.key)

    def _write_archive_and_report(self, item: _Work) -> None:
        # The report of an upload that is gone speaks of nothing (whether or not another upload of the id remains).
        existing = {item.version.key, *item.superseded} if item.version is not None else set()
        gone = [change.key for change in item.changes if change.key not in existing]
        if item.article is not None:
            self._archive.put(item.article)
            # A rejected older upload's report ("not searchable until a valid file is uploaded") no longer holds.
            for key in dict.fromkeys([item.article.source_key, *item.superseded, *gone]):
                self._reports.delete(item.bucket, self._report_key(key))
        else:
            self._archive.delete(item.article_id)
            for key in dict.fromkeys([item.event_key, *gone] if item.version is None else gone):
                self._reports.delete(item.bucket, self._report_key(key))

    def _fail(
        self, item: _Work, exc: ArchiveSearchError, outcomes: dict[ObjectChange, SyncResult | ArchiveSearchError]
    ) -> None:
        for change in item.changes:
            outcomes[change] = exc

    def _report_key(self, key: str) -> str:
        return report_key_for(key, self._upload_prefix, self._report_prefix)

    def _report(self, bucket: str, key: str, exc: RejectedUploadError, note: str) -> None:
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
                "note": note,
            },
        )
