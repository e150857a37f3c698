"""Which uploads make up one article: every Unicode spelling of its path, in the supported formats."""

from __future__ import annotations

import json

import pytest

from archive_search.ingest import IngestService, Outcome, SyncResult
from archive_search.notifications import ObjectChange
from tests.unit.fakes import FakeArchive, FakeBucket, FakeIndex, FakeReports

BUCKET = "uploads"
NFC_KEY = "incoming/dup/caf\u00e9.json"
NFD_KEY = "incoming/dup/cafe\u0301.json"


class _Ingest:
    """The service over fake ports, with what it wrote."""

    def __init__(self) -> None:
        self.bucket, self.archive, self.index, self.reports = FakeBucket(), FakeArchive(), FakeIndex(), FakeReports()
        self.service = IngestService(self.bucket, self.archive, self.index, self.reports, "incoming/", "reports/")

    def put(self, key: str, title: str, body: bytes | None = None) -> SyncResult:
        self.bucket.put(key, json.dumps({"title": title, "body": "Text."}).encode() if body is None else body)
        return self._sync(key, "ObjectCreated:Put")

    def delete(self, key: str) -> SyncResult:
        del self.bucket.objects[key]
        return self._sync(key, "ObjectRemoved:Delete")

    def _sync(self, key: str, event: str) -> SyncResult:
        change = ObjectChange(BUCKET, key, event)
        outcome = self.service.sync_batch([change])[change]
        assert isinstance(outcome, SyncResult), outcome
        return outcome


def test_composed_and_decomposed_spellings_of_a_path_are_one_article_the_newer_wins() -> None:
    ingest = _Ingest()

    first = ingest.put(NFC_KEY, "Composed")
    second = ingest.put(NFD_KEY, "Decomposed")

    assert first.article_id == second.article_id == "dup/caf\u00e9"
    assert list(ingest.archive.articles) == ["dup/caf\u00e9"]
    article = ingest.archive.get("dup/caf\u00e9")
    assert article is not None
    assert (article.title, article.source_key) == ("Decomposed", NFD_KEY)


def test_deleting_one_spelling_brings_back_the_other() -> None:
    ingest = _Ingest()
    ingest.put(NFC_KEY, "Composed")
    ingest.put(NFD_KEY, "Decomposed")

    outcome = ingest.delete(NFD_KEY)

    assert outcome.outcome is Outcome.INDEXED
    article = ingest.archive.get("dup/caf\u00e9")
    assert article is not None
    assert (article.title, article.source_key) == ("Composed", NFC_KEY)

    assert ingest.delete(NFC_KEY).outcome is Outcome.DELETED
    assert ingest.archive.articles == {}


def test_a_decomposed_key_alone_is_reachable_by_the_composed_id() -> None:
    ingest = _Ingest()

    ingest.put(NFD_KEY, "Decomposed")

    assert list(ingest.archive.articles) == ["dup/caf\u00e9"]
    assert "dup/caf\u00e9" in ingest.index.documents


def test_verify_listing_counts_both_spellings_as_one_upload() -> None:
    ingest = _Ingest()
    ingest.put(NFC_KEY, "Composed")
    ingest.put(NFD_KEY, "Decomposed")

    latest = ingest.bucket.latest_uploads(BUCKET, "incoming/")

    assert list(latest) == ["incoming/dup/caf\u00e9"]
    assert latest["incoming/dup/caf\u00e9"].key == NFD_KEY


@pytest.mark.parametrize("other", ["incoming/sib/pic.jpg", "incoming/sib/pic."])
def test_a_file_in_another_format_beside_an_article_is_reported_alone_and_withdraws_nothing(other: str) -> None:
    ingest = _Ingest()
    ingest.put("incoming/sib/pic.json", "Picture story")

    outcome = ingest.put(other, "", body=b"\xff\xd8\xff\xe0 JPEG bytes")

    assert outcome.outcome is Outcome.REJECTED
    article = ingest.archive.get("sib/pic")
    assert article is not None and article.source_key == "incoming/sib/pic.json"
    assert "sib/pic" in ingest.index.documents
    report = ingest.reports.reports[f"reports/{other.removeprefix('incoming/')}.json"]
    assert "are not supported" in report["reason"]
    assert "not searchable" not in report["note"]

    ingest.delete(other)

    assert ingest.reports.reports == {}
    assert "sib/pic" in ingest.index.documents


def test_an_article_whose_valid_upload_is_replaced_by_a_newer_sibling_file_keeps_its_version() -> None:
    ingest = _Ingest()
    ingest.put("incoming/sib/pic.jpg", "", body=b"\xff\xd8\xff\xe0 JPEG bytes")

    outcome = ingest.put("incoming/sib/pic.json", "Picture story")

    assert outcome.outcome is Outcome.INDEXED
    assert "reports/sib/pic.jpg.json" in ingest.reports.reports


def test_a_file_in_an_unsupported_format_alone_is_reported_and_makes_no_article() -> None:
    ingest = _Ingest()

    assert ingest.put("incoming/lone/pic.jpg", "", body=b"\xff\xd8\xff").outcome is Outcome.REJECTED

    assert ingest.archive.articles == {}
    assert list(ingest.reports.reports) == ["reports/lone/pic.jpg.json"]


def test_a_valid_upload_withdraws_the_report_of_an_older_rejected_upload_of_the_same_article() -> None:
    ingest = _Ingest()
    assert ingest.put("incoming/upd/x.json", "", body=b"{not json").outcome is Outcome.REJECTED
    assert "reports/upd/x.json.json" in ingest.reports.reports

    ingest.bucket.put("incoming/upd/x.md", b"---\ntitle: Fixed\n---\nText.\n")
    outcome = ingest._sync("incoming/upd/x.md", "ObjectCreated:Put")

    # The report said the article was not searchable until a valid file was uploaded: it now is.
    assert outcome.outcome is Outcome.INDEXED
    assert ingest.reports.reports == {}


@pytest.mark.parametrize("valid_remains", [True, False])
def test_deleting_a_rejected_upload_withdraws_its_report_whatever_remains_of_the_article(valid_remains: bool) -> None:
    # A valid x.json, then a broken x.md (newer: the article is withdrawn, the .md reported), then the .md deleted:
    # the .json's article is back, and the .md's report ("not searchable until...") spoke of nothing any more.
    ingest = _Ingest()
    if valid_remains:
        assert ingest.put("incoming/upd/x.json", "Kept").outcome is Outcome.INDEXED
    else:
        assert ingest.put("incoming/upd/x.json", "", body=b"{not json").outcome is Outcome.REJECTED
    assert ingest.put("incoming/upd/x.md", "", body=b"---\ntitle: #1 bad\n---\nbody\n").outcome is Outcome.REJECTED
    assert "reports/upd/x.md.json" in ingest.reports.reports

    outcome = ingest.delete("incoming/upd/x.md")

    assert "reports/upd/x.md.json" not in ingest.reports.reports
    if valid_remains:
        assert outcome.outcome is Outcome.INDEXED
        assert ingest.reports.reports == {}
    else:
        assert outcome.outcome is Outcome.REJECTED
        assert list(ingest.reports.reports) == ["reports/upd/x.json.json"]  # the .json is still there, still broken
