"""verify and repair on keys of any shape, poison uploads and large archives (in-memory ports)."""

from __future__ import annotations

import io
import json
import threading
import tracemalloc
from typing import Any

import pytest

from archive_search.adapters.s3_stores import READ_AHEAD, S3ArchiveStore
from archive_search.ingest import IngestService
from archive_search.notifications import ObjectChange
from archive_search.operations import REPAIR_BATCH, UploadsLocation, repair, verify
from archive_search.ports import IndexedVersion
from tests.unit.fakes import FakeArchive, FakeBucket, FakeIndex, FakeReports

pytestmark = pytest.mark.attack("verify and repair at any size")
LOCATION = UploadsLocation("uploads", "incoming/", "reports/")


class FakeAdmin:
    """indexed_versions() of a FakeIndex, with replicas as they should be; verify uses nothing else."""

    def __init__(self, index: FakeIndex) -> None:
        self._index = index

    def redundancy_problems(self) -> list[str]:
        return []

    def indexed_versions(self) -> dict[str, IndexedVersion]:
        return {i: IndexedVersion(a.source_etag, a.source_key) for i, a in self._index.documents.items()}


class World:
    def __init__(self) -> None:
        self.bucket, self.archive, self.index = FakeBucket(), FakeArchive(), FakeIndex()
        self.reports = FakeReports(bucket=self.bucket)
        self.ingest = IngestService(self.bucket, self.archive, self.index, self.reports, "incoming/", "reports/")

    def upload(self, name: str, body: bytes, *, sync: bool = True) -> str:
        key = f"incoming/{name}"
        self.bucket.put(key, body)
        if sync:
            self.ingest.sync_batch([ObjectChange("uploads", key, "ObjectCreated:Put")])
        return key

    def verify(self) -> Any:
        return verify(self.archive, FakeAdmin(self.index), self.bucket, LOCATION)  # type: ignore[arg-type]


def _article(title: str) -> bytes:
    return json.dumps({"title": title, "body": "Ships."}).encode()


@pytest.mark.attack("keys no article can come of")
def test_verify_classifies_keys_no_article_can_come_of_and_stops_seeing_them_once_reported() -> None:
    world = World()
    world.upload("fine.json", _article("Fine"))
    odd_keys = [world.upload(name, b"x", sync=False) for name in ("noext", ".json", "a" * 600 + ".txt")]

    before = world.verify()  # does not raise on any of them
    assert before.unprocessed_uploads == sorted(odd_keys)

    assert repair(before, world.archive, world.index, world.ingest, LOCATION) == {}
    after = world.verify()
    assert after.drift == 0 and after.rejected_uploads == sorted(odd_keys)


def test_verify_finds_a_report_whose_upload_is_gone_and_repair_withdraws_it() -> None:
    # A report left behind (by an ingest before reports were withdrawn with their upload, or by hand) said an
    # upload was not searchable; verify counted no drift for it.
    world = World()
    world.upload("kept.json", _article("Kept"))
    world.upload("older.json", b"{not json")
    world.upload("older.md", b"---\ntitle: #1 bad\n---\nbody\n")  # newer, also rejected: both reports stand
    world.reports.put("uploads", "reports/kept.md.json", {"upload": "incoming/kept.md", "status": "rejected"})
    world.reports.put("uploads", "reports/gone/x.txt.json", {"upload": "incoming/gone/x.txt", "status": "rejected"})

    report = world.verify()

    assert report.orphaned_reports == ["reports/gone/x.txt.json", "reports/kept.md.json"]
    assert report.drift == 2
    assert repair(report, world.archive, world.index, world.ingest, LOCATION) == {}
    assert sorted(world.reports.reports) == ["reports/older.json.json", "reports/older.md.json"]
    assert world.verify().drift == 0


def test_repair_skips_and_reports_poison_uploads_and_fixes_the_rest() -> None:
    world = World()
    for n in range(3):
        world.upload(f"a{n}.json", _article(f"A {n}"))
    world.upload("poison.json", b'{"title": "x \\ud800", "body": "b"}', sync=False)
    world.index.documents.clear()  # drift behind the pipeline's back

    report = world.verify()
    failures = repair(report, world.archive, world.index, world.ingest, LOCATION)

    assert failures == {}
    assert sorted(world.index.documents) == ["a0", "a1", "a2"]
    assert "reports/poison.json.json" in world.reports.reports
    assert world.verify().drift == 0


def test_repair_writes_what_s3_holds_at_repair_time_not_what_verify_read() -> None:
    world = World()
    world.upload("story.json", _article("First"))
    world.index.documents.clear()
    report = world.verify()
    assert report.missing_from_index == ["story"]

    # The editor corrects the story after verify read it, and its notification is still queued.
    world.upload("story.json", _article("Corrected"), sync=False)
    repair(report, world.archive, world.index, world.ingest, LOCATION)

    assert world.index.documents["story"].title == "Corrected"


def test_repair_without_ingest_rereads_the_archive_and_never_resurrects_a_deleted_article() -> None:
    world = World()
    world.upload("kept.json", _article("Kept"))
    world.upload("gone.json", _article("Gone"))
    world.index.documents.clear()
    report = verify(world.archive, FakeAdmin(world.index), None, None)  # type: ignore[arg-type]
    world.archive.delete("gone")  # deleted between verify and repair

    assert repair(report, world.archive, world.index) == {}
    assert sorted(world.index.documents) == ["kept"]


def test_repair_works_in_bounded_batches() -> None:
    world = World()
    for n in range(2 * REPAIR_BATCH + 10):
        world.upload(f"a{n:04d}.json", _article(f"A {n}"))
    world.index.documents.clear()
    world.index.requests = 0

    repair(world.verify(), world.archive, world.index, world.ingest, LOCATION)

    assert len(world.index.documents) == 2 * REPAIR_BATCH + 10
    assert world.index.requests == 3  # one bulk request per batch of REPAIR_BATCH


class _CountingS3:
    """get_object answers after a gate opens; counts how many reads were started."""

    def __init__(self) -> None:
        self.started = 0
        self.lock = threading.Lock()

    def get_object(self, Bucket: str, Key: str) -> dict[str, Any]:  # boto3's argument names
        with self.lock:
            self.started += 1
        article_id = Key.removeprefix("articles/").removesuffix(".json")
        body = {"id": article_id, "title": "T", "body": "B", "source_key": "k", "source_format": "json"}
        return {"Body": io.BytesIO(json.dumps(body).encode())}


def test_get_many_reads_only_a_bounded_window_ahead_of_its_consumer() -> None:
    s3 = _CountingS3()
    store = S3ArchiveStore(s3, "archive")

    articles = store.get_many(f"id-{n}" for n in range(20_000))
    first = next(articles)

    assert first.id == "id-0"
    assert s3.started <= READ_AHEAD + 1
    assert [a.id for a in articles][:2] == ["id-1", "id-2"]


def test_verify_memory_does_not_grow_with_the_articles_text() -> None:
    # 200 articles of 100 KB each: 20 MB of text, which verify once kept whole.
    world = World()
    body = "Ships in the harbour. " * 4_700
    for n in range(200):
        world.upload(f"big-{n:03d}.json", json.dumps({"title": f"Big {n}", "body": body}).encode())

    tracemalloc.start()
    try:
        report = world.verify()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert report.drift == 0 and report.archived == 200
    assert peak < 20 * len(body)  # a few articles in flight, not 200


def test_verify_sees_a_file_in_another_format_beside_an_article_as_a_report_not_as_the_article() -> None:
    world = World()
    world.upload("sib/pic.json", _article("Picture story"))
    world.upload("sib/pic.jpg", b"\xff\xd8\xff\xe0 JPEG bytes")

    report = world.verify()

    # The article is as its supported upload made it; the photo is a rejected upload of its own.
    assert report.drift == 0 and report.unprocessed_uploads == []
    assert report.rejected_uploads == ["incoming/sib/pic.jpg"]
    assert report.uploads == 2


@pytest.mark.attack("keys no article can come of")
def test_a_folder_is_neither_article_nor_report_and_a_report_it_got_is_withdrawn() -> None:
    # The S3 console's Create folder writes an empty `incoming/world/`; it got a report ("names a folder, not a
    # file: upload a file") that no upload withdrew, and deleting the folder in the console deletes its files.
    world = World()
    world.upload("world/kerry.json", _article("Kerry"))
    world.upload("world/", b"", sync=False)
    world.reports.put("uploads", "reports/world/.json", {"upload": "incoming/world/", "status": "rejected"})

    report = world.verify()
    assert report.orphaned_reports == ["reports/world/.json"]
    assert report.unprocessed_uploads == [] and report.rejected_uploads == []
    assert repair(report, world.archive, world.index, world.ingest, LOCATION) == {}

    assert sorted(world.reports.reports) == []
    world.ingest.sync_batch([ObjectChange("uploads", "incoming/world/", "ObjectCreated:Put")])
    assert sorted(world.reports.reports) == []
    assert sorted(world.index.documents) == ["world/kerry"] and world.verify().drift == 0
