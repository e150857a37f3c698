"""Operator actions: rebuild the index from the archive, and verify (and repair) that everything agrees.

The archive bucket is the source of truth for the index; the uploads bucket is the source of truth for the
archive. `verify` checks both links; `reindex` rebuilds the index from the archive without downtime.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from archive_search.errors import ArchiveSearchError, RejectedUploadError
from archive_search.ingest import IngestService
from archive_search.keys import article_id_for_key, is_folder, report_key_for, upload_key_of_report
from archive_search.notifications import ObjectChange
from archive_search.parsing import unsupported_extension
from archive_search.ports import (
    ArchiveChangeLog,
    ArchiveReader,
    ArticleIndex,
    IndexAdmin,
    IndexedVersion,
    UploadListing,
)

Progress = Callable[[int], None]
# Articles repaired per ingest batch or bulk request: memory and request size stay bounded whatever the drift.
REPAIR_BATCH = 100
# How far before a pass began `catch_up` looks: covers clock differences between this machine and S3.
CATCH_UP_MARGIN_MS = 5 * 60 * 1000


@dataclass(frozen=True)
class ReindexResult:
    """`failures` kept the alias where it was; `catch_up_failures` happened after the swap (`verify --repair`
    fixes them)."""

    index: str
    articles: int
    failures: dict[str, str]
    removed_indices: list[str]
    catch_up_failures: dict[str, str] = field(default_factory=dict)


def reindex(
    archive: ArchiveReader,
    admin: IndexAdmin,
    progress: Progress = lambda _n: None,
    changes: ArchiveChangeLog | None = None,
    now_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
) -> ReindexResult:
    """Build a new versioned index from the archive, then move the alias to it in one atomic step.

    Searches keep using the old index until the swap, so no search fails or sees a partial index. Leftovers of
    an interrupted run are removed first, so rerunning is safe. If any article fails to load, the alias stays
    where it was and the new index is dropped.

    No write made while it runs is lost: ingest keeps writing the archive (and the old index) meanwhile, so
    before the swap a catch-up pass applies to the new index every archived article written since the build
    began (and removes what the archive no longer holds), and after the swap a second pass does the same for
    what changed during the first, without overwriting what ingest has written to the new index since.
    Both passes need `changes` (the archive's modification times; S3ArchiveStore is both): a source that
    cannot change while it is read, such as the benchmark's corpus, may leave it out.
    """
    admin.delete_indices(admin.unaliased_versions())
    started_ms = now_ms()
    new_index = admin.create_build_index()
    failures: dict[str, str] = {}
    loaded = 0
    try:
        for article_id, failure in admin.load(new_index, archive.get_many(archive.list_ids())):
            loaded += 1
            progress(1)
            if failure:
                failures[article_id] = failure
        before_swap_ms = now_ms()
        if not failures and changes is not None:
            failures = catch_up(archive, changes, admin, new_index, since_ms=started_ms)
        if failures:
            admin.delete_indices([new_index])
            return ReindexResult(new_index, loaded, failures, [])
        admin.finish_build(new_index)
        previous = admin.point_alias_at(new_index)
    except BaseException:
        admin.delete_indices([new_index])
        raise
    admin.delete_indices(previous)
    late = catch_up(archive, changes, admin, new_index, since_ms=before_swap_ms) if changes is not None else {}
    return ReindexResult(new_index, loaded, {}, previous, late)


def catch_up(
    archive: ArchiveReader, changes: ArchiveChangeLog, admin: IndexAdmin, index_name: str, since_ms: int
) -> dict[str, str]:
    """Bring `index_name` up to date with the archive for what changed since `since_ms` (epoch ms, less
    CATCH_UP_MARGIN_MS for clocks), and remove documents whose article the archive no longer holds.

    Safe while ingest writes the same index: each write and delete is conditional on the document being as it
    was before the archive was read (ingest's own write wins), and a deletion re-checks the archive first.
    Returns failures (article id -> reason).
    """
    archived: set[str] = set()
    changed: list[str] = []
    for article_id, modified_ms in changes.list_modified():
        archived.add(article_id)
        if modified_ms >= since_ms - CATCH_UP_MARGIN_MS:
            changed.append(article_id)
    indexed = admin.sequence_numbers(index_name)
    failures: dict[str, str] = {}
    for batch in _batches(changed, REPAIR_BATCH):
        seen = {article_id: indexed.get(article_id) for article_id in batch}
        current = list(archive.get_many(batch))
        failures.update(admin.write_unless_changed(index_name, current, seen))
        archived.difference_update(set(batch) - {article.id for article in current})  # deleted meanwhile
    gone = sorted(set(indexed) - archived)
    for batch in _batches(gone, REPAIR_BATCH):
        recreated = {article.id for article in archive.get_many(batch)}
        failures.update(admin.delete_unless_changed(index_name, {i: indexed[i] for i in batch if i not in recreated}))
    return failures


@dataclass
class VerifyReport:
    """Differences between the uploads, the archive and the index; empty lists mean they agree."""

    uploads: int = 0
    archived: int = 0
    indexed: int = 0
    missing_from_index: list[str] = field(default_factory=list)
    stale_in_index: list[str] = field(default_factory=list)
    orphaned_in_index: list[str] = field(default_factory=list)
    unprocessed_uploads: list[str] = field(default_factory=list)
    archived_without_upload: list[str] = field(default_factory=list)
    rejected_uploads: list[str] = field(default_factory=list)
    orphaned_reports: list[str] = field(default_factory=list)  # rejection reports whose upload is gone
    index_settings: list[str] = field(default_factory=list)

    @property
    def drift(self) -> int:
        return (
            len(self.index_settings)
            + len(self.missing_from_index)
            + len(self.stale_in_index)
            + len(self.orphaned_in_index)
            + len(self.unprocessed_uploads)
            + len(self.archived_without_upload)
            + len(self.orphaned_reports)
        )


@dataclass(frozen=True)
class UploadsLocation:
    bucket: str
    upload_prefix: str
    report_prefix: str


def verify(
    archive: ArchiveReader,
    admin: IndexAdmin,
    uploads: UploadListing | None = None,
    location: UploadsLocation | None = None,
    progress: Progress = lambda _n: None,
) -> VerifyReport:
    """Compare uploads -> archive -> index.

    Articles are read as a stream and only what identifies each one's upload (its key and ETag) is kept, so
    memory grows with the number of articles, not with their text. Any key the bucket can hold is classified
    (a key ingest rejects for its name is a rejected upload once its report exists), never raised on.
    """
    archived: dict[str, IndexedVersion] = {}
    for article in archive.get_many(archive.list_ids()):
        archived[article.id] = IndexedVersion(article.source_etag, article.source_key)
        progress(1)
    indexed = admin.indexed_versions()
    report = VerifyReport(archived=len(archived), indexed=len(indexed), index_settings=admin.redundancy_problems())
    for article_id, version in archived.items():
        found = indexed.get(article_id)
        if found is None:
            report.missing_from_index.append(article_id)
        elif found != version:
            report.stale_in_index.append(article_id)
    report.orphaned_in_index = sorted(set(indexed) - set(archived))
    if uploads is not None and location is not None:
        _compare_uploads(report, archived, uploads, location)
    report.missing_from_index.sort()
    report.stale_in_index.sort()
    return report


def _compare_uploads(
    report: VerifyReport, archived: dict[str, IndexedVersion], uploads: UploadListing, location: UploadsLocation
) -> None:
    latest = {
        group: version
        for group, version in uploads.latest_uploads(location.bucket, location.upload_prefix).items()
        if not is_folder(version.key)
    }
    reports = uploads.keys_under(location.bucket, location.report_prefix)
    report.uploads = len(latest)
    ids_with_upload = set()
    for version in latest.values():
        report_key = report_key_for(version.key, location.upload_prefix, location.report_prefix)
        article_id = _article_id_of_upload(version.key, location.upload_prefix)
        if article_id is None:
            # No article can come of this key: ingest's report is the only outcome it can have.
            (report.rejected_uploads if report_key in reports else report.unprocessed_uploads).append(version.key)
            continue
        ids_with_upload.add(article_id)
        found = archived.get(article_id)
        if found is not None and found == IndexedVersion(version.etag, version.key):
            continue
        if found is None and report_key in reports:
            report.rejected_uploads.append(version.key)
        else:
            report.unprocessed_uploads.append(version.key)
    report.archived_without_upload = sorted(set(archived) - ids_with_upload)
    # Every upload, not only each article's newest: an older rejected upload of an id keeps its report.
    upload_keys = {key for key in uploads.keys_under(location.bucket, location.upload_prefix) if not is_folder(key)}
    expected = {report_key_for(key, location.upload_prefix, location.report_prefix) for key in upload_keys}
    report.orphaned_reports = sorted(reports - expected)
    report.unprocessed_uploads.sort()
    report.rejected_uploads.sort()


def _article_id_of_upload(key: str, upload_prefix: str) -> str | None:
    """The article an upload key is a version of; None for a key no article can come of (a format no parser
    reads, a key no id can be made of)."""
    if unsupported_extension(key) is not None:
        return None
    try:
        return article_id_for_key(key, upload_prefix)
    except RejectedUploadError:
        return None


def repair(
    report: VerifyReport,
    archive: ArchiveReader,
    index: ArticleIndex,
    ingest: IngestService | None = None,
    location: UploadsLocation | None = None,
) -> dict[str, str]:
    """Fix what `verify` found, REPAIR_BATCH articles at a time, from S3's state at the time of the fix.

    With `ingest` (and its `location`), every drifted article is synced as a notification would be: ingest
    reads the upload as it is now, so nothing `verify` read earlier is written back, a poison upload gets its
    report like any other, and an id whose upload is gone is withdrawn. Without it, the index is brought in
    line with the archive as it is now (each article re-read before it is indexed or deleted).

    Returns the failures that remain (article id or key -> reason); a failure never stops the others.
    """
    drifted_ids = report.missing_from_index + report.stale_in_index + report.orphaned_in_index
    failures: dict[str, str] = {}
    if ingest is not None and location is not None:
        # Any extension will do for an id: ingest looks up the article's stem.
        keys = report.unprocessed_uploads + [
            f"{location.upload_prefix}{article_id}.json"
            for article_id in sorted(set(report.archived_without_upload + drifted_ids))
        ]
        # Syncing a gone upload withdraws its report.
        for report_key in report.orphaned_reports:
            upload_key = upload_key_of_report(report_key, location.upload_prefix, location.report_prefix)
            if upload_key is None:
                failures[report_key] = "a report whose upload cannot be told from its key: delete it by hand"
            else:
                keys.append(upload_key)
        for batch in _batches(dict.fromkeys(keys), REPAIR_BATCH):
            outcomes = ingest.sync_batch([ObjectChange(location.bucket, key, "verify:repair") for key in batch])
            failures.update({c.key: str(o) for c, o in outcomes.items() if isinstance(o, ArchiveSearchError)})
        return failures
    for batch in _batches(drifted_ids, REPAIR_BATCH):
        current = {article.id: article for article in archive.get_many(batch)}
        try:
            failures.update(index.apply(upserts=list(current.values()), deletes=[i for i in batch if i not in current]))
        except ArchiveSearchError as exc:
            failures.update(dict.fromkeys(batch, str(exc)))
    return failures


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    """`itertools.batched` of Python 3.12, which the 3.11 tooling here lacks."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
