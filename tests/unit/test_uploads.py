"""What `archive-search` puts into the uploads bucket (files, folders, a JSON-lines corpus) and reads back."""

from __future__ import annotations

import io
import json
import re
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError

from archive_search.keys import article_id_for_key
from archive_search_cli.main import _upload_target, build_parser, main
from archive_search_cli.operator import resolve_target
from archive_search_cli.stack import RunningStack
from archive_search_cli.uploads import (
    PendingUpload,
    UploadSourceError,
    keys_for_paths,
    uploads_for_jsonl,
    uploads_for_paths,
)

PREFIX = "incoming/"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of articles as an editor keeps them, with a nested subfolder."""
    root = tmp_path / "batch"
    (root / "world" / "2015").mkdir(parents=True)
    (root / "kerry.txt").write_text("Kerry\n\nBody.", encoding="utf-8")
    (root / "world" / "2015" / "putin.json").write_text('{"title": "Putin", "body": "B"}', encoding="utf-8")
    (root / "world" / "notes.md").write_bytes(b"# Notes")
    return root


def test_a_file_is_uploaded_under_its_name(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "kerry.txt"
    path.parent.mkdir()
    path.write_bytes(b"Kerry\n\nBody.")

    assert list(uploads_for_paths([path], PREFIX)) == [
        PendingUpload("incoming/kerry.txt", b"Kerry\n\nBody.", "text/plain")
    ]


def test_a_folder_keeps_its_files_paths_below_it(folder: Path) -> None:
    uploads = list(uploads_for_paths([folder], PREFIX))

    assert [(u.key, u.content_type) for u in uploads] == [
        ("incoming/kerry.txt", "text/plain"),
        ("incoming/world/2015/putin.json", "application/json"),
        ("incoming/world/notes.md", "text/markdown"),
    ]
    assert uploads[1].body == (folder / "world" / "2015" / "putin.json").read_bytes()


def test_unknown_extensions_are_sent_as_octet_stream(tmp_path: Path) -> None:
    path = tmp_path / "scan.PDF"
    path.write_bytes(b"%PDF")

    (upload,) = uploads_for_paths([path], PREFIX)

    assert upload.content_type == "application/octet-stream"


def test_folder_uploads_become_the_articles_of_their_paths(folder: Path) -> None:
    ids = [article_id_for_key(u.key, PREFIX) for u in uploads_for_paths([folder], PREFIX)]

    assert ids == ["kerry", "world/2015/putin", "world/notes"]


def test_keys_for_paths_are_the_keys_uploads_for_paths_writes(folder: Path, tmp_path: Path) -> None:
    single = tmp_path / "single.json"
    single.write_text("{}", encoding="utf-8")
    paths = [folder, single]

    keys = keys_for_paths(paths, PREFIX)

    assert keys == [upload.key for upload in uploads_for_paths(paths, PREFIX)]
    assert keys[-1] == "incoming/single.json"
    assert len(keys) == 4


def test_empty_folder_has_no_uploads(tmp_path: Path) -> None:
    (tmp_path / "empty" / "sub").mkdir(parents=True)

    assert list(uploads_for_paths([tmp_path / "empty"], PREFIX)) == []
    assert keys_for_paths([tmp_path / "empty"], PREFIX) == []


def test_jsonl_corpus_is_keyed_by_id_under_the_prefix(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "kerry-putin", "title": "Kerry", "body": "B"}),
        "",
        json.dumps({"id": "world/2015/sochi", "title": "Sochi", "body": "B", "extra": 1}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")

    uploads = list(uploads_for_jsonl(corpus, PREFIX))

    assert [u.key for u in uploads] == ["incoming/kerry-putin.json", "incoming/world/2015/sochi.json"]
    assert all(u.content_type == "application/json" for u in uploads)
    assert json.loads(uploads[1].body) == {"id": "world/2015/sochi", "title": "Sochi", "body": "B", "extra": 1}


@pytest.mark.parametrize("bad_line", ['{"title": "no id", "body": "B"}', '{"id": 42, "title": "T"}', '["kerry"]'])
def test_jsonl_line_without_a_string_id_is_refused_with_its_line_number(tmp_path: Path, bad_line: str) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "ok", "title": "T", "body": "B"}\n' + bad_line + "\n", encoding="utf-8")

    with pytest.raises(UploadSourceError, match=r"corpus\.jsonl:2: each line must be a JSON object with a string id"):
        list(uploads_for_jsonl(corpus, PREFIX))


class RecordingS3:
    def __init__(self) -> None:
        self.put: list[str] = []

    def put_object(self, Bucket: str, Key: str, Body: bytes, ContentType: str) -> None:
        self.put.append(Key)


@pytest.fixture
def recording_s3(monkeypatch: pytest.MonkeyPatch) -> RecordingS3:
    s3 = RecordingS3()
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: s3)
    return s3


def test_a_missing_file_is_named_and_nothing_is_uploaded(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # A mistyped name ended `upload` in a FileNotFoundError traceback.
    good = tmp_path / "kerry.txt"
    good.write_text("Kerry\n\nBody.", encoding="utf-8")
    missing = tmp_path / "putin.txt"

    status = main(["upload", "--data-dir", str(tmp_path), str(good), str(missing)])

    assert status == 1
    assert (
        capsys.readouterr().err.strip()
        == f"{missing}: cannot read it (No such file or directory); nothing was uploaded"
    )
    assert recording_s3.put == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "sochi", "title": "Sochi"', r"corpus\.jsonl:2: not JSON \(Expecting ',' delimiter at column 33\)"),
        ('{"title": "no id"}', r"corpus\.jsonl:2: each line must be a JSON object with a string id"),
    ],
)
def test_a_bad_corpus_line_is_named_and_nothing_is_uploaded_or_deleted(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str], line: str, reason: str
) -> None:
    # A corpus line that was not JSON ended `upload --jsonl` in a JSONDecodeError traceback without its line number.
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "kerry", "title": "T", "body": "B"}\n' + line + "\n", encoding="utf-8")

    for command, outcome in (("upload", "uploaded"), ("delete", "deleted")):
        status = main([command, "--data-dir", str(tmp_path), "--jsonl", str(corpus)])

        assert status == 1
        assert re.fullmatch(
            rf"{re.escape(str(tmp_path))}/{reason}.*; nothing was {outcome}", capsys.readouterr().err.strip()
        )
    assert recording_s3.put == []


def test_a_corpus_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'{"id": "caf\xe9", "title": "T", "body": "B"}\n')

    with pytest.raises(UploadSourceError, match=r"corpus\.jsonl: not UTF-8 text"):
        list(uploads_for_jsonl(corpus, PREFIX))


def test_commands_find_the_stack_serve_runs_with_the_same_data_dir(tmp_path: Path) -> None:
    # `serve --data-dir X` writes X/stack.json; upload, delete, verify and redrive looked only in .local/.
    running = RunningStack(
        api_url="http://127.0.0.1:3310",
        aws_endpoint_url="http://127.0.0.1:5310",
        opensearch_url="http://127.0.0.1:9310",
        uploads_bucket="uploads-here",
        archive_bucket="archive-here",
        ingest_queue_url="http://127.0.0.1:5310/q",
        dead_letter_queue_url="http://127.0.0.1:5310/dlq",
        upload_prefix="incoming/",
    )
    (tmp_path / "stack.json").write_text(json.dumps(asdict(running)), encoding="utf-8")
    parser = build_parser()

    assert _upload_target(parser.parse_args(["upload", "--data-dir", str(tmp_path), "a.json"])) == (
        "http://127.0.0.1:5310",
        "uploads-here",
        "incoming/",
    )
    target = resolve_target(parser.parse_args(["verify", "--data-dir", str(tmp_path)]))
    assert (target.s3_endpoint, target.engine.endpoint) == ("http://127.0.0.1:5310", "http://127.0.0.1:9310")
    assert parser.parse_args(["redrive", "--data-dir", str(tmp_path)]).data_dir == tmp_path
    assert _upload_target(parser.parse_args(["upload", "--data-dir", str(tmp_path / "none"), "a.json"]))[0] != (
        "http://127.0.0.1:5310"
    )


def test_a_folders_hidden_and_system_files_are_not_uploaded_but_a_named_one_is(tmp_path: Path) -> None:
    # Finder and Explorer leave these in every folder: each one became a rejection report.
    folder = tmp_path / "articles"
    (folder / ".git").mkdir(parents=True)
    (folder / "2015").mkdir()
    for name in (".DS_Store", "2015/._kerry.md", ".git/HEAD", "Thumbs.db", "2015/desktop.ini"):
        (folder / name).write_bytes(b"x")
    (folder / "2015" / "kerry.md").write_text("# Kerry\n\nText.\n")

    keys = [upload.key for upload in uploads_for_paths([folder], "incoming/")]

    assert keys == keys_for_paths([folder], "incoming/") == ["incoming/2015/kerry.md"]
    assert [upload.key for upload in uploads_for_paths([folder / ".DS_Store"], "incoming/")] == ["incoming/.DS_Store"]


class ReportsS3:
    """The uploads bucket as `report` reads it: objects with a body and a modification time. `editor`: the editors'
    policy, which refuses HEAD on an upload and on a missing report (403) but lets them list and read reports."""

    def __init__(self, objects: dict[str, tuple[bytes, datetime]], editor: bool = False) -> None:
        self.objects = objects
        self.editor = editor

    def head_object(self, Bucket: str, Key: str) -> dict[str, Any]:
        if self.editor and (Key.startswith(PREFIX) or Key not in self.objects):
            raise ClientError({"Error": {"Code": "403", "Message": "Forbidden"}}, "HeadObject")
        if Key not in self.objects:
            raise ClientError({"Error": {"Code": "404", "Message": "Not Found"}}, "HeadObject")
        return {"LastModified": self.objects[Key][1]}

    def get_object(self, Bucket: str, Key: str) -> dict[str, Any]:
        return {"Body": io.BytesIO(self.objects[Key][0])}

    def list_objects_v2(self, Bucket: str, Prefix: str, MaxKeys: int = 1000) -> dict[str, Any]:
        keys = sorted(key for key in self.objects if key.startswith(Prefix))[:MaxKeys]
        return {"Contents": [{"Key": key, "LastModified": self.objects[key][1]} for key in keys]}

    def get_paginator(self, operation: str) -> Any:
        s3 = self

        class Pages:
            def paginate(self, Bucket: str, Prefix: str) -> list[dict[str, Any]]:
                return [s3.list_objects_v2(Bucket=Bucket, Prefix=Prefix)]

        return Pages()


def _rejection(upload: str, reason: str) -> bytes:
    return json.dumps({"upload": upload, "status": "rejected", "reason": reason, "how_to_fix": "fix it"}).encode()


def test_report_tells_the_editor_what_became_of_each_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The README told editors to read reports/<path>.json, and no command read it: locally that took the AWS CLI,
    # dummy credentials and moto's endpoint, and the key to ask for (reports/broken.json.json).
    noon = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    later = datetime(2026, 12, 1, 12, 5, tzinfo=UTC)
    s3 = ReportsS3(
        {
            "incoming/broken.json": (b"{}", noon),
            "reports/broken.json.json": (_rejection("incoming/broken.json", "the article has no body text"), noon),
            "incoming/fixed.md": (b"# Fixed", later),  # uploaded again after its report: not ingested yet
            "reports/fixed.md.json": (_rejection("incoming/fixed.md", "no title"), noon),
            "incoming/kerry.txt": (b"Kerry", noon),  # uploaded from a folder, under its path below it
        }
    )
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: s3)
    files = [tmp_path / name for name in ("broken.json", "fixed.md", "gone.txt")]
    target = ["--data-dir", str(tmp_path), "--bucket", "uploads"]

    status = main(["report", *target, *map(str, files)])
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert status == 2  # as `parse` answers a rejected file
    assert answers == [
        {
            "upload": "incoming/broken.json",
            "status": "rejected",
            "reason": "the article has no body text",
            "how_to_fix": "fix it",
        },
        {"upload": "incoming/fixed.md", "status": "waiting", "article": "fixed"},
        {"upload": "incoming/gone.txt", "status": "not uploaded"},
    ]

    (tmp_path / "world").mkdir()
    (tmp_path / "world" / "kerry.txt").write_text("Kerry", encoding="utf-8")
    assert main(["report", *target, str(tmp_path / "world")]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "upload": "incoming/kerry.txt",
        "status": "no report",
        "article": "kerry",
    }

    assert main(["report", *target]) == 2  # no path: every report in the bucket
    assert [json.loads(line)["status"] for line in capsys.readouterr().out.splitlines()] == ["rejected", "waiting"]


def test_report_works_with_the_editors_policy_which_cannot_read_uploads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # EditorsPolicy grants PutObject and DeleteObject on uploads, GetObject and ListBucket on reports: a HEAD on an
    # upload, or on a report that is not there, answers 403.
    noon = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    rejection = _rejection("incoming/broken.json", "the article has no body text")
    s3 = ReportsS3(
        {
            "incoming/broken.json": (b"{}", noon),
            "reports/broken.json.json": (rejection, noon),
            "reports/broken.json.json.json": (_rejection("incoming/broken.json.json", "no body"), noon),
            "incoming/kerry.txt": (b"Kerry", noon),
        },
        editor=True,
    )
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: s3)

    status = main(["report", "--data-dir", str(tmp_path), *(str(tmp_path / n) for n in ("broken.json", "kerry.txt"))])

    assert status == 2
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == [
        json.loads(rejection),
        {"upload": "incoming/kerry.txt", "status": "no report", "article": "kerry"},
    ]
