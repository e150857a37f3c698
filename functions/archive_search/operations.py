"""Operator actions: rebuild the index from the archive, and verify (and repair) that everything agrees.

The archive bucket is the source of truth for the index; the uploads bucket is the source of truth for the
archive. `verify` checks both links; `reindex` rebuilds the index from the archive without downtime.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from archive_search.ingest import IngestService
from archive_search.keys import article_id_for_key, report_key_for
from archive_search.models import Article
from archive_search.notifications import ObjectChange
from archive_search.ports import ArticleIndex, IndexedVersion, ObjectVersion

Progress = Callable[[int], None]


class IndexAdmin(Protocol):
    def indices_behind_alias(self) -> list[str]: ...

    def unaliased_versions(self) -> list[str]: ...

    def create_build_index(self) -> str: ...

    def load(self, index_name: str, articles: Iterable[Article]) -> Iterator[tuple[str, str | None]]: ...

    def add_keywords(self, index_name: str) -> Iterator[tuple[str, str | None]]: ...

    def finish_build(self, index_name: str) -> None: ...

    def point_alias_at(self, index_name: str) -> list[str]: ...

    def delete_indices(self, names: list[str]) -> None: ...

    def indexed_versions(self) -> dict[str, IndexedVersion]: ...


class UploadListing(Protocol):
    def latest_uploads(self, bucket: str, prefix: str) -> dict[str, ObjectVersion]:
        """The newest object of each path stem under the prefix, keyed by stem."""

    def keys_under(self, bucket: str, prefix: str) -> set[str]: ...


class ArchiveReader(Protocol):
    def list_ids(self) -> Iterator[str]: ...

    def get_many(self, article_ids: Iterable[str]) -> Iterator[Article]: ...


@dataclass(frozen=True)
class ReindexResult:
    index: str
    articles: int
    failures: dict[str, str]
    removed_indices: list[str]


def reindex(archive: ArchiveReader, admin: IndexAdmin, progress: Progress = lambda _n: None) -> ReindexResult:
    """Build a new versioned index from the archive, then move the alias to it in one atomic step.

    Once every article is loaded, each one's keywords are computed from the complete new index's statistics
    (keywords.py), which a live index only approximates while the archive grows.

    Searches keep using the old index until the swap, so no search fails or sees a partial index. Leftovers of
    an interrupted run are removed first, so rerunning is safe. If any article fails to load, the alias stays
    where it was and the new index is dropped.
    """
    admin.delete_indices(admin.unaliased_versions())
    new_index = admin.create_build_index()
    failures: dict[str, str] = {}
    loaded = 0
    try:
        for article_id, failure in admin.load(new_index, archive.get_many(archive.list_ids())):
            loaded += 1
            progress(1)
            if failure:
                failures[article_id] = failure
        if not failures:
            failures = {article_id: failure for article_id, failure in admin.add_keywords(new_index) if failure}
        if failures:
            admin.delete_indices([new_index])
            return ReindexResult(new_index, loaded, failures, [])
        admin.finish_build(new_index)
        previous = admin.point_alias_at(new_index)
    except BaseException:
        admin.delete_indices([new_index])
        raise
    admin.delete_indices(previous)
    return ReindexResult(new_index, loaded, failures, previous)


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

    @property
    def drift(self) -> int:
        return (
            len(self.missing_from_index)
            + len(self.stale_in_index)
            + len(self.orphaned_in_index)
            + len(self.unprocessed_uploads)
            + len(self.archived_without_upload)
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
) -> tuple[VerifyReport, dict[str, Article]]:
    """Compare uploads -> archive -> index; returns the report and the archived articles it read."""
    articles: dict[str, Article] = {}
    for article in archive.get_many(archive.list_ids()):
        articles[article.id] = article
        progress(1)
    indexed = admin.indexed_versions()
    report = VerifyReport(archived=len(articles), indexed=len(indexed))
    for article_id, article in articles.items():
        found = indexed.get(article_id)
        if found is None:
            report.missing_from_index.append(article_id)
        elif found.source_etag != article.source_etag or found.source_key != article.source_key:
            report.stale_in_index.append(article_id)
    report.orphaned_in_index = sorted(set(indexed) - set(articles))
    if uploads is not None and location is not None:
        _compare_uploads(report, articles, uploads, location)
    report.missing_from_index.sort()
    report.stale_in_index.sort()
    return report, articles


def _compare_uploads(
    report: VerifyReport, articles: dict[str, Article], uploads: UploadListing, location: UploadsLocation
) -> None:
    latest = uploads.latest_uploads(location.bucket, location.upload_prefix)
    reports = uploads.keys_under(location.bucket, location.report_prefix)
    report.uploads = len(latest)
    ids_with_upload = set()
    for version in latest.values():
        article_id = article_id_for_key(version.key, location.upload_prefix)
        ids_with_upload.add(article_id)
        archived = articles.get(article_id)
        if archived is not None and archived.source_etag == version.etag and archived.source_key == version.key:
            continue
        report_key = report_key_for(version.key, location.upload_prefix, location.report_prefix)
        if archived is None and report_key in reports:
            report.rejected_uploads.append(version.key)
        else:
            report.unprocessed_uploads.append(version.key)
    report.archived_without_upload = sorted(set(articles) - ids_with_upload)
    report.unprocessed_uploads.sort()
    report.rejected_uploads.sort()


def repair(
    report: VerifyReport,
    articles: dict[str, Article],
    index: ArticleIndex,
    ingest: IngestService | None = None,
    location: UploadsLocation | None = None,
) -> dict[str, str]:
    """Fix what `verify` found: re-sync uploads through ingest, then re-index from the archive.

    Returns the failures that remain (article id or key -> reason).
    """
    failures: dict[str, str] = {}
    # Articles ingest has just synced from S3's current state: the snapshot in `articles` may be older.
    synced: set[str] = set()
    if ingest is not None and location is not None:
        keys = report.unprocessed_uploads + [
            # Any extension will do: the article's stem is what ingest looks up.
            f"{location.upload_prefix}{article_id}.json"
            for article_id in report.archived_without_upload
        ]
        outcomes = ingest.sync_batch([ObjectChange(location.bucket, key, "verify:repair") for key in keys])
        for change, outcome in outcomes.items():
            if isinstance(outcome, Exception):
                failures[change.key] = str(outcome)
            else:
                synced.add(outcome.article_id)
    to_index = [
        articles[i] for i in report.missing_from_index + report.stale_in_index if i in articles and i not in synced
    ]
    deletes = [i for i in report.orphaned_in_index if i not in synced]
    failures.update(index.apply(upserts=to_index, deletes=deletes))
    return failures
