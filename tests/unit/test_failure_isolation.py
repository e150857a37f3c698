"""One bad upload, one failing write or one broken document never holds the rest of its batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws
from selectolax.lexbor import LexborHTMLParser

from archive_search.adapters.s3_stores import S3ReportStore, S3UploadSource
from archive_search.errors import RejectedUploadError, SearchUnavailableError, StorageUnavailableError
from archive_search.handlers import ingest as ingest_handler
from archive_search.ingest import (
    ForeignBucketError,
    IndexingFailedError,
    IngestService,
    Outcome,
    OutOfTimeError,
    SyncResult,
    UnexpectedFailureError,
)
from archive_search.notifications import ObjectChange
from archive_search.parsing import json_upload, parse_upload
from archive_search.parsing.html_page import _outermost
from archive_search_cli.main import main
from tests.unit.fakes import FakeArchive, FakeBucket, FakeIndex, FakeReports

BUCKET = "uploads"
LONE_SURROGATE = '{"title": "x \\ud800 y", "body": "Text."}'
POISON_UPLOADS = {
    "surrogate.json": LONE_SURROGATE.encode(),
    "surrogate-body.json": b'{"title": "Fine", "body": "a \\udfff b"}',
    "huge-number.json": b'{"title": "Fine", "body": "Text.", "extra": ' + b"9" * 5000 + b"}",
    "json-ld.html": (
        b'<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ld",'
        b' "author": {"name": "A \\ud800"}}</script></head><body><h1>Title</h1><p>Text of the page.</p></body></html>'
    ),
    "front-matter.md": b'---\ntitle: "x \\ud800 y"\n---\nBody text.\n',
}


def _good(n: int) -> bytes:
    return json.dumps({"title": f"Innocent {n}", "body": "Ships in the harbour."}).encode()


@pytest.mark.attack("poison uploads among innocent ones")
@pytest.mark.parametrize("name", sorted(POISON_UPLOADS))
def test_poison_upload_is_a_rejection_not_a_crash(name: str) -> None:
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload(f"incoming/{name}", POISON_UPLOADS[name])

    assert caught.value.reason and caught.value.fix


@pytest.mark.attack("poison uploads among innocent ones")
def test_any_exception_a_parser_raises_becomes_a_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_data: bytes) -> Any:
        raise KeyError("a library bug on odd input")

    monkeypatch.setattr(json_upload, "parse_json", broken)

    with pytest.raises(RejectedUploadError, match="could not be read"):
        parse_upload("incoming/a.json", _good(1))


@pytest.mark.attack("poison uploads among innocent ones")
@pytest.mark.parametrize("name", [*sorted(POISON_UPLOADS), ".json", "no-extension"])
def test_parse_command_exits_2_with_a_json_reason(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(POISON_UPLOADS.get(name, _good(1)))

    status = main(["parse", str(path)])

    assert status == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer["status"] == "rejected" and answer["reason"]


def test_parse_command_says_a_folder_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # It said "the file name 'batch' has no extension".
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.json").write_bytes(_good(1))

    status = main(["parse", str(folder)])

    assert status == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer == {
        "file": str(folder),
        "status": "unreadable",
        "reason": "this is a folder; parse reads one file",
        "how_to_fix": f"name a file in it: archive-search parse {folder / '<file>'}",
    }


def _service(bucket: FakeBucket, index: FakeIndex, reports: FakeReports | None = None, **kwargs: Any) -> IngestService:
    return IngestService(bucket, FakeArchive(), index, reports or FakeReports(), "incoming/", "reports/", **kwargs)


def _batch(bucket: FakeBucket, uploads: dict[str, bytes]) -> list[ObjectChange]:
    for name, body in uploads.items():
        bucket.put(f"incoming/{name}", body)
    return [ObjectChange(BUCKET, f"incoming/{name}", "ObjectCreated:Put") for name in uploads]


def _outcome_kinds(outcomes: dict[ObjectChange, Any]) -> dict[str, str]:
    return {
        change.key.removeprefix("incoming/"): o.outcome.value if isinstance(o, SyncResult) else type(o).__name__
        for change, o in outcomes.items()
    }


@pytest.mark.attack("poison uploads among innocent ones")
def test_poison_uploads_are_rejected_with_reports_and_their_batch_mates_indexed() -> None:
    bucket, index, reports = FakeBucket(), FakeIndex(), FakeReports()
    uploads = {**POISON_UPLOADS, **{f"good-{n}.json": _good(n) for n in range(5)}}
    changes = _batch(bucket, uploads)

    outcomes = _service(bucket, index, reports).sync_batch(changes)

    kinds = _outcome_kinds(outcomes)
    assert {k: v for k, v in kinds.items() if k.startswith("good")} == {f"good-{n}.json": "indexed" for n in range(5)}
    assert {k: v for k, v in kinds.items() if not k.startswith("good")} == dict.fromkeys(POISON_UPLOADS, "rejected")
    assert sorted(index.documents) == [f"good-{n}" for n in range(5)]
    assert set(reports.reports) == {f"reports/{name}.json" for name in POISON_UPLOADS}


@pytest.mark.attack("S3 errors on read and write")
def test_a_failing_report_write_fails_that_upload_alone() -> None:
    bucket, index = FakeBucket(), FakeIndex()
    reports = FakeReports(broken_keys={"reports/bad.json.json", "reports/noext.json"})
    changes = _batch(bucket, {"bad.json": b"{not json", "noext": b"x", "good.json": _good(1)})

    outcomes = _service(bucket, index, reports).sync_batch(changes)

    assert _outcome_kinds(outcomes) == {
        "bad.json": "StorageUnavailableError",
        "noext": "StorageUnavailableError",
        "good.json": "indexed",
    }


@pytest.mark.attack("engine refusals, a failing bulk request, a bug on one article")
def test_an_unforeseen_exception_on_one_read_fails_that_upload_alone() -> None:
    bucket, index = FakeBucket(), FakeIndex()
    changes = _batch(bucket, {"a.json": _good(1), "b.json": _good(2)})
    bucket.broken_reads["incoming/a.json"] = RuntimeError("a bug")

    outcomes = _service(bucket, index).sync_batch(changes)

    assert _outcome_kinds(outcomes) == {"a.json": "UnexpectedFailureError", "b.json": "indexed"}
    assert isinstance(outcomes[changes[0]], UnexpectedFailureError)


@pytest.mark.attack("engine refusals, a failing bulk request, a bug on one article")
def test_an_exception_in_the_bulk_request_falls_back_to_one_request_per_article() -> None:
    bucket, index = FakeBucket(), FakeIndex(poison_titles={"Innocent 2"})
    changes = _batch(bucket, {f"a{n}.json": _good(n) for n in range(4)})

    outcomes = _service(bucket, index).sync_batch(changes)

    assert _outcome_kinds(outcomes) == {
        "a0.json": "indexed",
        "a1.json": "indexed",
        "a2.json": "UnexpectedFailureError",
        "a3.json": "indexed",
    }
    assert index.requests == 1 + 4


@pytest.mark.attack("engine stopped during an upload stream")
def test_an_unreachable_engine_fails_the_batch_without_a_request_per_article() -> None:
    bucket, index = FakeBucket(), FakeIndex(down=SearchUnavailableError("refused"))
    changes = _batch(bucket, {f"a{n}.json": _good(n) for n in range(4)})

    outcomes = _service(bucket, index).sync_batch(changes)

    assert set(_outcome_kinds(outcomes).values()) == {"SearchUnavailableError"}
    assert index.requests == 1


@pytest.mark.attack("engine refusals, a failing bulk request, a bug on one article")
def test_engine_refusals_fail_only_the_refused_articles() -> None:
    class Refusing(FakeIndex):
        def apply(self, upserts: Any, deletes: Any) -> dict[str, str]:
            super().apply(upserts, deletes)
            return {"a1": "400 mapper_parsing_exception"}

    bucket = FakeBucket()
    changes = _batch(bucket, {"a0.json": _good(0), "a1.json": _good(1)})

    outcomes = _service(bucket, Refusing()).sync_batch(changes)

    assert isinstance(outcomes[changes[1]], IndexingFailedError)
    assert isinstance(outcomes[changes[0]], SyncResult)


@pytest.mark.attack("engine frozen during an upload stream (time budget)")
def test_work_stops_with_the_reserve_in_hand_and_unfinished_articles_fail() -> None:
    bucket, index = FakeBucket(), FakeIndex()
    changes = _batch(bucket, {f"a{n}.json": _good(n) for n in range(6)})
    clock = iter([50.0, 40.0, 30.0, 9.0] + [5.0] * 20)  # seconds left at each look

    outcomes = _service(bucket, index, reserve_seconds=10.0).sync_batch(changes, remaining_seconds=lambda: next(clock))

    kinds = _outcome_kinds(outcomes)
    assert kinds == {"a0.json": "indexed", "a1.json": "indexed"} | {f"a{n}.json": "OutOfTimeError" for n in range(2, 6)}
    assert all(isinstance(outcomes[c], OutOfTimeError) for c in changes[2:])


@pytest.mark.attack("keys no article can come of")
def test_a_key_with_no_extension_gets_a_report_while_it_exists_and_loses_it_once_deleted() -> None:
    bucket, reports = FakeBucket(), FakeReports()
    service = _service(bucket, FakeIndex(), reports)
    (change,) = _batch(bucket, {"notes": b"some text"})

    assert _outcome_kinds(service.sync_batch([change])) == {"notes": "rejected"}
    assert "has no extension" in reports.reports["reports/notes.json"]["reason"]

    del bucket.objects["incoming/notes"]
    service.sync_batch([ObjectChange(BUCKET, "incoming/notes", "ObjectRemoved:Delete")])
    assert reports.reports == {}


def _sqs_event(bodies: list[str]) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": f"m{n}",
                "receiptHandle": f"r{n}",
                "body": body,
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:q",
                "awsRegion": "us-east-1",
            }
            for n, body in enumerate(bodies)
        ]
    }


def _notification(key: str) -> str:
    record = {"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}}}
    return json.dumps({"Records": [record]})


class _Context:
    function_name = "IngestFunction"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:IngestFunction"
    aws_request_id = "request"

    def get_remaining_time_in_millis(self) -> int:
        return 60_000


@pytest.mark.attack("S3 errors on read and write")
def test_handler_fails_only_the_records_whose_uploads_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    bucket, index = FakeBucket(), FakeIndex()
    _batch(bucket, {"good.json": _good(1), "poison.json": LONE_SURROGATE.encode(), "down.json": _good(2)})
    bucket.broken_reads["incoming/down.json"] = StorageUnavailableError("S3 failed to read")
    monkeypatch.setattr(ingest_handler, "ingest_service", lambda: _service(bucket, index))
    monkeypatch.setattr(ingest_handler.metrics, "namespace", "Test")
    event = _sqs_event(
        [
            _notification("incoming/good.json"),
            _notification("incoming/poison.json"),
            _notification("incoming/down.json"),
            '{"Records": [], "n": ' + "9" * 5000 + "}",
        ]
    )

    response = ingest_handler.handler(event, _Context())  # type: ignore[arg-type]

    assert sorted(item["itemIdentifier"] for item in response["batchItemFailures"]) == ["m2", "m3"]
    assert sorted(index.documents) == ["good"]


@pytest.mark.attack("engine stopped during an upload stream")
def test_handler_reports_every_record_failed_when_the_service_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable() -> IngestService:
        raise SearchUnavailableError("the search engine cannot be reached")

    monkeypatch.setattr(ingest_handler, "ingest_service", unavailable)

    response = ingest_handler.handler(_sqs_event([_notification("incoming/a.json")] * 2), _Context())  # type: ignore[arg-type]

    assert sorted(item["itemIdentifier"] for item in response["batchItemFailures"]) == ["m0", "m1"]


def test_outcome_metric_covers_every_outcome() -> None:
    assert set(ingest_handler.OUTCOME_METRICS) == set(Outcome)


@pytest.mark.attack("poison uploads among innocent ones")
def test_markdown_with_pathological_markup_is_rejected_before_the_slow_inline_parser_runs() -> None:
    from archive_search.parsing.markdown_upload import MAX_INLINE_MARKUP

    # 900 KB of `[` took about 9 s of CPU to render; the mark count now refuses it before rendering starts.
    with pytest.raises(RejectedUploadError, match="link, emphasis and code marks"):
        parse_upload("incoming/a.md", b"---\ntitle: T\n---\n" + b"[" * 900_000)

    at_limit = b"---\ntitle: T\n---\nText " + b"[x] " * (MAX_INLINE_MARKUP // 2)
    assert parse_upload("incoming/a.md", at_limit).title == "T"


@pytest.mark.attack("poison uploads among innocent ones")
def test_a_markdown_table_of_too_many_cells_is_rejected_before_the_parser_runs() -> None:
    from archive_search.parsing.markdown_upload import MAX_TABLE_MARKS

    # A 980 KB table of 485,000 cells took 18 s and 950 MB to parse (the function has 512 MB), holding its batch.
    row = b"|" + b"x|" * 100 + b"\n"
    with pytest.raises(RejectedUploadError, match="table marks"):
        parse_upload("incoming/a.md", b"---\ntitle: T\n---\n" + row * 4_850)

    rows = MAX_TABLE_MARKS // 101 - 1  # with the header and the delimiter row, just within the limit
    at_limit = b"---\ntitle: T\n---\n" + row + b"|" + b"-|" * 100 + b"\n" + row * (rows - 1)
    assert parse_upload("incoming/a.md", at_limit).title == "T"


@pytest.mark.attack("poison uploads among innocent ones")
@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.html", b"<html><head><title>T</title></head><body>" + b"<p>x" * 120_000, "tags"),
        ("a.json", json.dumps({"title": "T", "body": "<b>a</b>" + "a\n\n" * 120_000}).encode(), "tags"),
        ("a.md", b"---\ntitle: T\n---\n" + b"# h\n" * 60_000, "lines"),
        ("a.md", b"---\ntitle: T\n---\n" + b"a\n" * 60_000, "lines"),
    ],
)
def test_uploads_whose_parse_would_outgrow_the_function_are_rejected_first(name: str, data: bytes, reason: str) -> None:
    # 1,200,000 <p>s took 659 MB to parse (the function has 512 MB), 245,000 Markdown headings 6.5 s and 500 MB.
    with pytest.raises(RejectedUploadError, match=reason):
        parse_upload(f"incoming/{name}", data)


def test_nested_article_containers_are_read_once_the_outermost() -> None:
    # Each of 1,990 nested <article>s was read whole to find the longest: 8 s for an 18 KB page.
    page = b"<html><head><title>T</title></head><body>" + b"<article>" * 1990 + b"<p>word</p></body></html>"
    assert parse_upload("incoming/a.html", page).body == "word"
    tree = LexborHTMLParser("<body><article><article></article></article><article></article></body>")
    assert [node.mem_id for node in _outermost(tree.css("article"))] == [
        node.mem_id for node in tree.css("body > article")
    ]


@pytest.mark.attack("poison notifications among innocent ones")
def test_a_key_no_rule_foresaw_fails_its_change_alone() -> None:
    bucket, index = FakeBucket(), FakeIndex()
    (good,) = _batch(bucket, {"good.json": _good(1)})
    surrogate = ObjectChange(BUCKET, "incoming/\ud800.json", "ObjectCreated:Put")

    outcomes = _service(bucket, index).sync_batch([good, surrogate])

    assert isinstance(outcomes[surrogate], UnexpectedFailureError)
    assert outcomes[good] == SyncResult("good", Outcome.INDEXED, "incoming/good.json")
    assert sorted(index.documents) == ["good"]


@pytest.mark.attack("poison notifications among innocent ones")
@pytest.mark.parametrize(
    ("bucket_name", "key", "event_name"),
    [
        (BUCKET, "incoming/\ud800.json", "ObjectCreated:Put"),
        ("up\udc80", "incoming/a.json", "ObjectCreated:Put"),
        (BUCKET, "incoming/a.json", ["ObjectCreated:Put"]),
    ],
)
def test_handler_fails_only_a_message_whose_fields_s3_could_not_have_written(
    monkeypatch: pytest.MonkeyPatch, bucket_name: str, key: str, event_name: object
) -> None:
    record = {"eventName": event_name, "s3": {"bucket": {"name": bucket_name}, "object": {"key": key}}}
    bucket, index = FakeBucket(), FakeIndex()
    _batch(bucket, {"good.json": _good(1)})
    monkeypatch.setattr(ingest_handler, "ingest_service", lambda: _service(bucket, index))
    monkeypatch.setattr(ingest_handler.metrics, "namespace", "Test")
    event = _sqs_event([_notification("incoming/good.json"), json.dumps({"Records": [record]})])

    response = ingest_handler.handler(event, _Context())  # type: ignore[arg-type]

    assert response["batchItemFailures"] == [{"itemIdentifier": "m1"}]
    assert sorted(index.documents) == ["good"]


@pytest.mark.attack("keys no article can come of")
def test_a_folder_is_ignored_beside_its_batch_mates() -> None:
    bucket, index, reports = FakeBucket(), FakeIndex(), FakeReports()
    changes = _batch(bucket, {"world/": b"", "world/kerry.json": _good(1)})

    outcomes = _service(bucket, index, reports).sync_batch(changes)

    assert _outcome_kinds(outcomes) == {"world/": "ignored", "world/kerry.json": "indexed"}
    assert reports.reports == {} and sorted(index.documents) == ["world/kerry"]


class _DeletedWhileReporting(FakeReports):
    """A report write that lands just after another worker synced the upload's deletion (and withdrew the report)."""

    def __init__(self, uploads: FakeBucket) -> None:
        super().__init__()
        self.uploads = uploads

    def put(self, bucket: str, report_key: str, report: dict[str, Any]) -> None:
        self.uploads.objects.pop(report["upload"], None)
        super().put(bucket, report_key, report)


@pytest.mark.attack("keys no article can come of")
@pytest.mark.parametrize("name", ["notes", "pic.jpg"])
def test_a_report_written_as_its_upload_is_deleted_is_withdrawn(name: str) -> None:
    bucket = FakeBucket()
    reports = _DeletedWhileReporting(bucket)
    (change,) = _batch(bucket, {name: b"some text"})

    outcome = _service(bucket, FakeIndex(), reports).sync_batch([change])[change]

    assert isinstance(outcome, SyncResult) and outcome.outcome is Outcome.REJECTED
    assert reports.reports == {}


@pytest.mark.attack("poison notifications among innocent ones")
def test_a_notification_naming_another_bucket_changes_no_article() -> None:
    # Ids are paths without the bucket: a stray notification of a bucket lacking incoming/good.json (a second
    # bucket wired to the queue, a message replayed from another stage) deleted article good.
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        for name in (BUCKET, "staging-uploads"):
            s3.create_bucket(Bucket=name)
        s3.put_object(Bucket=BUCKET, Key="incoming/good.json", Body=_good(1))
        index = FakeIndex()
        service = IngestService(
            S3UploadSource(s3), FakeArchive(), index, S3ReportStore(s3), "incoming/", "reports/", uploads_bucket=BUCKET
        )
        service.sync_batch([ObjectChange(BUCKET, "incoming/good.json", "ObjectCreated:Put")])
        stray = ObjectChange("staging-uploads", "incoming/good.json", "ObjectRemoved:Delete")

        outcomes = service.sync_batch([stray])

    assert isinstance(outcomes[stray], ForeignBucketError)
    assert sorted(index.documents) == ["good"]
