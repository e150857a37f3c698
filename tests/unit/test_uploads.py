"""What `archive-search` puts into the uploads bucket (files, folders, a JSON-lines corpus) and reads back."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from opensearchpy.exceptions import ConnectionError as OpenSearchRefused

import archive_search_cli.main as main_module
from archive_search.errors import SearchUnavailableError, StorageUnavailableError
from archive_search.keys import article_id_for_key
from archive_search.parsing import MAX_UPLOAD_BYTES
from archive_search_cli.main import LISTED_KEYS, _upload_target, build_parser, main
from archive_search_cli.operator import resolve_target
from archive_search_cli.stack import RunningStack, read_stack_file
from archive_search_cli.template import local_stack_spec
from archive_search_cli.uploads import (
    NOT_KNOWN,
    PendingUpload,
    UploadSourceError,
    keys_for_paths,
    one_source_each,
    put_all,
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
    """The uploads bucket as `upload` and `delete` use it: what was put and deleted, and HEAD's ETag (the MD5 of a
    single-part PUT)."""

    def __init__(self) -> None:
        self.put: list[str] = []
        self.deleted: list[str] = []
        self.objects: dict[str, bytes] = {}

    def put_object(self, Bucket: str, Key: str, Body: bytes, ContentType: str) -> None:
        self.put.append(Key)
        self.objects[Key] = Body

    def head_object(self, Bucket: str, Key: str) -> dict[str, Any]:
        if Key not in self.objects:
            raise ClientError({"Error": {"Code": "404", "Message": "Not Found"}}, "HeadObject")
        return {"ETag": f'"{hashlib.md5(self.objects[Key], usedforsecurity=False).hexdigest()}"'}

    def delete_object(self, Bucket: str, Key: str) -> None:
        self.deleted.append(Key)
        self.objects.pop(Key, None)

    def list_objects_v2(self, Bucket: str, Prefix: str, MaxKeys: int = 1000) -> dict[str, Any]:
        noon = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
        keys = sorted(key for key in self.objects if key.startswith(Prefix))[:MaxKeys]
        return {"Contents": [{"Key": key, "LastModified": noon} for key in keys]}

    def get_paginator(self, operation: str) -> Any:
        objects = self.objects

        class Pages:
            def paginate(self, Bucket: str, Prefix: str) -> list[dict[str, Any]]:
                # Written in the order put, a second apart
                keys = [key for key in objects if key.startswith(Prefix)]
                noon = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
                return [{"Contents": [{"Key": k, "LastModified": noon.replace(second=n)} for n, k in enumerate(keys)]}]

        return Pages()


@pytest.fixture
def recording_s3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> RecordingS3:
    s3 = RecordingS3()
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: s3)
    _write_stack_file(tmp_path)
    return s3


def _write_stack_file(data_dir: Path) -> None:
    """A stack's file in data_dir, as the commands given `--data-dir data_dir` look for one (running_stack)."""
    spec = local_stack_spec()
    stack = RunningStack(
        api_url="http://127.0.0.1:1",
        aws_endpoint_url="http://127.0.0.1:1",
        opensearch_url="http://127.0.0.1:1",
        uploads_bucket=spec.uploads_bucket,
        archive_bucket=spec.function_environment["IngestFunction"]["ARCHIVE_BUCKET"],
        ingest_queue_url="http://127.0.0.1:1/queue",
        dead_letter_queue_url="http://127.0.0.1:1/dlq",
        upload_prefix=spec.function_environment["IngestFunction"]["UPLOAD_PREFIX"],
    )
    (data_dir / "stack.json").write_text(json.dumps(asdict(stack)), encoding="utf-8")


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


SUPPORTED = "upload one of: .json, .txt, .md, .markdown, .html, .htm"


def test_upload_does_not_send_a_file_in_an_unsupported_format(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # `upload notes.pdf story.json` listed "incoming/notes.pdf -> article notes", though ingest reads no article
    # from it; then it said "no article" and uploaded it all the same, leaving a rejection report (session 53).
    for name in ("notes.pdf", "story.json"):
        (tmp_path / name).write_bytes(b'{"title": "T", "body": "B"}')

    status = main(["upload", "--data-dir", str(tmp_path), str(tmp_path / "notes.pdf"), str(tmp_path / "story.json")])

    # and exits 2, as `report` does for a rejected upload (session 48's new user: `upload /dev/null` exited 0)
    assert status == 2
    assert recording_s3.put == ["incoming/story.json"]
    assert capsys.readouterr().out.splitlines() == [
        f"uploaded 1 file(s) to s3://{local_stack_spec().uploads_bucket}/incoming/",
        f"  incoming/notes.pdf -> not uploaded: files ending in '.pdf' are not supported; {SUPPORTED}",
        "  incoming/story.json -> article story",
    ]
    assert main(["upload", "--data-dir", str(tmp_path), str(tmp_path / "story.json")]) == 0
    # of more uploads than are listed, those that make no article are
    for n in range(LISTED_KEYS + 1):
        (tmp_path / "many" / f"{n}.json").parent.mkdir(exist_ok=True)
        (tmp_path / "many" / f"{n}.json").write_bytes(b'{"title": "T", "body": "B"}')
    (tmp_path / "many" / "notes.pdf").write_bytes(b"%PDF")
    capsys.readouterr()
    assert main(["upload", "--data-dir", str(tmp_path), str(tmp_path / "many")]) == 2
    assert capsys.readouterr().out.splitlines()[1:] == [
        f"  incoming/notes.pdf -> not uploaded: files ending in '.pdf' are not supported; {SUPPORTED}"
    ]
    assert "incoming/notes.pdf" not in recording_s3.put


def test_no_progress_bar_off_a_terminal(recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]) -> None:
    # `verify > out.txt` held hundreds of progress-bar frames, and a one-file upload drew a bar (session 53)
    put_all(recording_s3, "bucket", [PendingUpload(f"incoming/{n}.json", b"{}", "application/json") for n in range(3)])

    assert capsys.readouterr().err == ""
    assert len(recording_s3.put) == 3


def test_a_folder_upload_leaves_out_a_saved_pages_own_files(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a browser's "Save page as, complete" in a folder: the page, and beside it its css, script, image and an
    # iframe's page (session 53's new user got four rejection reports); and a folder that only ends in _files
    saved = tmp_path / "saved"
    assets = saved / "Bakery named best_files"
    assets.mkdir(parents=True)
    (saved / "Bakery named best.html").write_bytes(b"<h1>Bakery</h1><p>Body.</p>")
    for name in ("style.css", "app.js", "logo.png", "frame.html"):
        (assets / name).write_bytes(b"x")
    (saved / "old_files").mkdir()
    (saved / "old_files" / "note.md").write_bytes(b"# Note")

    status = main(["upload", "--data-dir", str(tmp_path), str(saved)])

    # Then only the page and the other folder's file are uploaded, and the saved page's folder is named
    assert status == 0
    assert sorted(recording_s3.put) == ["incoming/Bakery named best.html", "incoming/old_files/note.md"]
    assert capsys.readouterr().err.splitlines() == [
        f"left out, a saved page's own files (css, scripts, images): {assets}"
    ]


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


def _collide(tmp_path: Path) -> tuple[Path, Path]:
    """Two files with one name in two folders: both are the upload `collide.json` when named alone."""
    first, second = tmp_path / "c1" / "collide.json", tmp_path / "c2" / "collide.json"
    for path, title in ((first, "ONE"), (second, "TWO")):
        path.parent.mkdir()
        path.write_text(json.dumps({"title": f"Collide {title}", "body": "B"}), encoding="utf-8")
    return first, second


def test_two_files_for_one_upload_are_refused_naming_both_and_nothing_is_uploaded(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # `upload c1/collide.json c2/collide.json` put both under incoming/collide.json, 16 at a time: the article was
    # ONE or TWO by chance, and the command said "uploaded 2 file(s)".
    first, second = _collide(tmp_path)

    status = main(["upload", "--data-dir", str(tmp_path), str(first), str(second)])

    assert status == 1
    assert capsys.readouterr().err.strip() == (
        f"{first} and {second} differ but are both the upload incoming/collide.json, and which one it would hold is "
        "chance; give only one of them, or rename one (in a corpus, give each line its own id); nothing was uploaded"
    )
    assert recording_s3.put == []


def test_two_files_for_one_upload_are_refused_by_delete_too_and_nothing_is_deleted(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # One of them was reported "holds another file than the one named, kept" while the other deleted the upload.
    first, second = _collide(tmp_path)
    recording_s3.objects["incoming/collide.json"] = second.read_bytes()

    status = main(["delete", "--data-dir", str(tmp_path), str(first), str(second)])

    assert status == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{first} and {second} differ but are both the upload incoming/collide.json")
    assert err.endswith("; nothing was deleted")
    assert recording_s3.deleted == []
    assert "incoming/collide.json" in recording_s3.objects


def test_a_corpus_id_on_two_lines_is_refused_naming_the_lines_by_upload_and_delete(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # `upload --jsonl` with an id on two lines kept one of them by chance; `delete --jsonl` then reported the upload
    # kept and deleted it, exit status 1.
    corpus = tmp_path / "corpus.jsonl"
    lines = [{"id": "kerry", "title": "K", "body": "B"}, {"id": "dup", "title": "A", "body": "B"}]
    lines.append({"id": "dup", "title": "B", "body": "B"})
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    recording_s3.objects["incoming/dup.json"] = (json.dumps(lines[2]) + "\n").encode()

    for command, outcome in (("upload", "uploaded"), ("delete", "deleted")):
        status = main([command, "--data-dir", str(tmp_path), "--jsonl", str(corpus)])

        assert status == 1
        assert capsys.readouterr().err.strip() == (
            f"{corpus}:2 and {corpus}:3 differ but are both the upload incoming/dup.json, and which one it would hold "
            f"is chance; give only one of them, or rename one (in a corpus, give each line its own id); nothing was "
            f"{outcome}"
        )
    assert (recording_s3.put, recording_s3.deleted) == ([], [])


@pytest.mark.parametrize(
    ("first", "second"),
    [("kerry.json", "kerry.txt"), ("caf\u00e9.json", "cafe\u0301.json"), ("2015/kerry.json", "2015/kerry.MD")],
)
def test_two_versions_of_one_article_in_one_upload_are_refused(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str], first: str, second: str
) -> None:
    # The newest upload of an article wins (README): sent 16 at a time, which one was newest was chance.
    folder = tmp_path / "batch"
    for name in (first, second):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"# {name}\n\nBody.", encoding="utf-8")
    if len(list(uploads_for_paths([folder], PREFIX))) < 2:
        pytest.skip("this file system has one name for both spellings")

    status = main(["upload", "--data-dir", str(tmp_path), str(folder)])

    err = capsys.readouterr().err.strip()
    assert status == 1
    assert "are both versions of one article" in err and ", whose newest upload wins" in err
    assert f"(incoming/{first})" in err and f"(incoming/{second})" in err
    # names that look alike are said to be one name in two Unicode forms (session 48's new user)
    assert ("in two Unicode forms" in err) == (first == "caf\u00e9.json")
    assert err.endswith("nothing was uploaded")
    assert recording_s3.put == []


def test_one_file_named_twice_is_one_upload_and_one_deletion(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "batch").mkdir()
    story = tmp_path / "batch" / "kerry.json"
    story.write_text('{"title": "Kerry", "body": "B"}', encoding="utf-8")

    assert main(["upload", "--data-dir", str(tmp_path), str(story), str(tmp_path / "batch")]) == 0
    assert recording_s3.put == ["incoming/kerry.json"]
    assert main(["delete", "--data-dir", str(tmp_path), str(story), str(tmp_path / "batch")]) == 0
    assert recording_s3.deleted == ["incoming/kerry.json"]
    assert "deleted 1 upload(s)" in capsys.readouterr().out


def test_deleting_two_versions_of_one_article_deletes_both(tmp_path: Path, recording_s3: RecordingS3) -> None:
    # Unlike uploading them, deleting both keys has one outcome whatever the order: no article.
    for name in ("kerry.json", "kerry.txt"):
        (tmp_path / name).write_text("Kerry\n\nBody.", encoding="utf-8")
        recording_s3.objects[f"incoming/{name}"] = (tmp_path / name).read_bytes()

    status = main(["delete", "--data-dir", str(tmp_path), str(tmp_path / "kerry.json"), str(tmp_path / "kerry.txt")])

    assert status == 0
    assert sorted(recording_s3.deleted) == ["incoming/kerry.json", "incoming/kerry.txt"]


def test_deleting_one_version_of_an_article_says_it_follows_the_other(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given an article uploaded as harbour.json, then as harbour.txt, and another article uploaded once
    for name in ("harbour.json", "harbour.txt", "ferry.md"):
        (tmp_path / name).write_text("Harbour\n\nBody.", encoding="utf-8")
        recording_s3.objects[f"incoming/{name}"] = (tmp_path / name).read_bytes()

    # When the .txt and the other article are deleted
    status = main(["delete", "--data-dir", str(tmp_path), str(tmp_path / "harbour.txt"), str(tmp_path / "ferry.md")])

    # Then the article is said to follow the .json (it read "-> article harbour", as if removed: session 53)
    assert status == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  incoming/harbour.txt -> article harbour kept: it now follows incoming/harbour.json (delete that too to "
        "remove it)",
        "  incoming/ferry.md -> article ferry removed",
    ]


def test_deleting_a_rejected_upload_says_it_had_no_article_and_its_report_goes(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given an upload ingest rejected (its report beside it) and one it accepted
    for name in ("bad-date.json", "ferry.md"):
        (tmp_path / name).write_text("Ferry\n\nBody.", encoding="utf-8")
        recording_s3.objects[f"incoming/{name}"] = (tmp_path / name).read_bytes()
    recording_s3.objects["reports/bad-date.json.json"] = _rejection("incoming/bad-date.json", "there is no month 13")

    # When both are deleted
    status = main(["delete", "--data-dir", str(tmp_path), str(tmp_path / "bad-date.json"), str(tmp_path / "ferry.md")])

    # Then the rejected one is not said to have removed an article (it read "article bad-date removed": session 54)
    assert status == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  incoming/bad-date.json -> article bad-date was not in the archive (the upload was rejected): its rejection "
        "report is removed",
        "  incoming/ferry.md -> article ferry removed",
    ]


def test_one_source_each_keeps_the_order_and_drops_only_repeats_of_one_file() -> None:
    items = [PendingUpload("incoming/a.json", b"1", "application/json", "a.json")]
    items += [PendingUpload("incoming/b.json", b"2", "application/json", "b.json"), items[0]]

    assert one_source_each(items, articles=True) == items[:2]


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
    assert target.archive_bucket == "archive-here"
    assert parser.parse_args(["redrive", "--data-dir", str(tmp_path)]).data_dir == tmp_path
    # A folder named that holds no stack is said so, in one line, by every command: they went on to the default
    # stack's bucket and index (session 48's new user)
    none = str(tmp_path / "none")
    for argv in (["upload", "--data-dir", none, "a.json"], ["verify", "--data-dir", none]):
        with pytest.raises(SystemExit) as stopped:
            (_upload_target if argv[0] == "upload" else resolve_target)(parser.parse_args(argv))
        assert str(stopped.value).startswith(f"no local stack is running in --data-dir {none} ("), argv
    with pytest.raises(SystemExit, match="no local stack is running in --data-dir"):
        main(["redrive", "--data-dir", none])
    # unless the command is named every endpoint it uses (the session's reviews: one named, the other went to the
    # default stack)
    named = ["verify", "--data-dir", none, "--opensearch-url", "http://127.0.0.1:1", "--endpoint-url", "http://x:1"]
    named += ["--archive-bucket", "archive"]
    assert resolve_target(parser.parse_args(named)).engine.endpoint == "http://127.0.0.1:1"
    with pytest.raises(SystemExit, match="no local stack is running in --data-dir"):
        resolve_target(parser.parse_args(named[:5]))
    assert _upload_target(parser.parse_args(["upload", "--data-dir", none, "--endpoint-url", "http://x:1", "a"]))[0]
    # while the default folder with none uses the default ports (a stack started before stack.json was written)
    assert _upload_target(parser.parse_args(["upload", "a.json"]))[0] is not None


def _no_client(service: str, endpoint: str | None) -> Any:
    raise AssertionError(f"a {service} client was made for {endpoint}")


@pytest.mark.parametrize("command", ["verify", "reindex"])
@pytest.mark.parametrize("stack", ["running", "none"])
def test_an_operator_command_on_a_named_endpoint_guesses_no_archive_bucket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, stack: str
) -> None:
    # Given verify or reindex sent to AWS's S3 with no --archive-bucket: they read the local stack's archive bucket
    # there, or the template's (session 53's review: a deployed stack has neither)
    if stack == "running":
        running = RunningStack(*(f"http://127.0.0.1:1/{n}" for n in range(8)))
        (tmp_path / "stack.json").write_text(json.dumps(asdict(running)), encoding="utf-8")
    monkeypatch.setattr("archive_search_cli.operator.aws_client", _no_client)
    deployed = [command, "--data-dir", str(tmp_path), "--endpoint-url", "aws", "--opensearch-url", "https://x.example"]

    # Then it stops in one line naming the flag, before reading anything
    with pytest.raises(SystemExit) as stopped:
        main([*deployed, "--uploads-bucket", "uploads"])
    message = str(stopped.value)
    assert message.startswith(
        f"archive-search {command}: with --endpoint-url, name the stack's bucket with --archive-bucket"
    )
    assert "\n" not in message
    # and the bucket named is the one read
    assert (
        resolve_target(build_parser().parse_args([*deployed, "--archive-bucket", "theirs"])).archive_bucket == "theirs"
    )


def test_verify_on_a_named_endpoint_guesses_no_uploads_bucket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given verify sent to AWS's S3 with its archive bucket but not its uploads bucket (it read the template's)
    monkeypatch.setattr("archive_search_cli.operator.aws_client", _no_client)
    deployed = ["--data-dir", str(tmp_path), "--endpoint-url", "aws", "--opensearch-url", "https://x.example"]
    deployed += ["--archive-bucket", "archive"]

    # Then it stops in one line naming the flag
    with pytest.raises(SystemExit) as stopped:
        main(["verify", *deployed])
    assert str(stopped.value).startswith(
        "archive-search verify: with --endpoint-url, name the stack's bucket with --uploads-bucket"
    )
    # while reindex, which reads no uploads, needs none
    assert resolve_target(build_parser().parse_args(["reindex", *deployed])).archive_bucket == "archive"


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
    """The uploads and archive buckets as `report` reads them: objects with a body and a modification time (archived
    articles under `articles/`). `editor`: the editors' policy, which refuses HEAD on an upload and on a missing
    report (403) and reading the archive, but lets them list and read reports."""

    def __init__(self, objects: dict[str, tuple[bytes, datetime]], editor: bool = False) -> None:
        self.objects = objects
        self.editor = editor

    def head_object(self, Bucket: str, Key: str) -> dict[str, Any]:
        if self.editor and (Key.startswith(PREFIX) or Key not in self.objects):
            raise ClientError({"Error": {"Code": "403", "Message": "Forbidden"}}, "HeadObject")
        if Key not in self.objects:
            raise ClientError({"Error": {"Code": "404", "Message": "Not Found"}}, "HeadObject")
        body, modified = self.objects[Key]
        return {"LastModified": modified, "ETag": f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'}

    def get_object(self, Bucket: str, Key: str) -> dict[str, Any]:
        if self.editor and Key.startswith("articles/"):
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "Access Denied"}}, "GetObject")
        if Key not in self.objects:
            raise ClientError({"Error": {"Code": "NoSuchKey", "Message": "Not Found"}}, "GetObject")
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


def _archived(source_key: str, source: bytes) -> bytes:
    """An archived article as ingest writes it, made from the upload at source_key that held `source`."""
    etag = hashlib.md5(source, usedforsecurity=False).hexdigest()
    return json.dumps({"id": "x", "title": "T", "body": "B", "source_key": source_key, "source_etag": etag}).encode()


def _rejection(upload: str, reason: str) -> bytes:
    return json.dumps({"upload": upload, "status": "rejected", "reason": reason, "how_to_fix": "fix it"}).encode()


def test_report_tells_the_editor_what_became_of_each_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_stack_file(tmp_path)
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
    # Without a report, not ingested yet (it said "no report", as for an accepted one: session 53's new user)
    assert json.loads(capsys.readouterr().out) == {
        "upload": "incoming/kerry.txt",
        "status": "waiting",
        "article": "kerry",
    }
    # and accepted once the archive holds the article made from this upload, not from an earlier content of it
    s3.objects["articles/kerry.json"] = (_archived("incoming/kerry.txt", b"Kerry, before"), noon)
    main(["report", *target, str(tmp_path / "world")])
    assert json.loads(capsys.readouterr().out)["status"] == "waiting"
    s3.objects["articles/kerry.json"] = (_archived("incoming/kerry.txt", b"Kerry"), noon)
    main(["report", *target, str(tmp_path / "world")])
    assert json.loads(capsys.readouterr().out) == {
        "upload": "incoming/kerry.txt",
        "status": "accepted",
        "article": "kerry",
    }

    assert main(["report", *target]) == 2  # no path: every report in the bucket
    assert [json.loads(line)["status"] for line in capsys.readouterr().out.splitlines()] == ["rejected", "waiting"]


def test_report_says_an_upload_another_format_of_its_article_superseded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # session 48's new user: twin.json, then an empty twin.txt (rejected, the article taken down): `report twin.json`
    # said "no report"
    _write_stack_file(tmp_path)
    noon, later = datetime(2026, 12, 1, 12, 0, tzinfo=UTC), datetime(2026, 12, 1, 12, 5, tzinfo=UTC)
    s3 = ReportsS3(
        {
            "incoming/twin.json": (b"{}", noon),
            "incoming/twin.txt": (b"", later),
            "reports/twin.txt.json": (_rejection("incoming/twin.txt", "the file is empty"), later),
            "incoming/twin.backup.json": (b"{}", later),  # another article (`twin.backup`)
            "incoming/solo.json": (b"{}", noon),
        }
    )
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: s3)
    for name in ("twin.json", "twin.txt", "solo.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")

    status = main(["report", "--data-dir", str(tmp_path), *(str(tmp_path / n) for n in ("twin.json", "solo.json"))])

    assert status == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == [
        {"upload": "incoming/twin.json", "status": "superseded", "by": "incoming/twin.txt", "article": "twin"},
        {"upload": "incoming/solo.json", "status": "waiting", "article": "solo"},
    ]
    # and the newer one's own report is its own
    assert main(["report", "--data-dir", str(tmp_path), str(tmp_path / "twin.txt")]) == 2
    capsys.readouterr()
    # as ingest follows it (the third review): another spelling of the name, a later key in the same instant; a file
    # no parser reads is no version of the article beside it
    s3.objects |= {
        "incoming/caf\u00e9.json": (b"{}", noon),
        "incoming/cafe\u0301.txt": (b"x", later),
        "incoming/tie.json": (b"{}", noon),
        "incoming/tie.txt": (b"x", noon),
        "incoming/pic.jpg": (b"x", noon),
        "incoming/pic.md": (b"x", later),
    }
    for name in ("caf\u00e9.json", "tie.json", "tie.txt", "pic.jpg"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    main(
        ["report", "--data-dir", str(tmp_path), *(str(tmp_path / n) for n in ("caf\u00e9.json", "tie.json", "tie.txt"))]
    )
    assert [json.loads(line).get("by") for line in capsys.readouterr().out.splitlines()] == [
        "incoming/cafe\u0301.txt",
        "incoming/tie.txt",
        None,
    ]
    main(["report", "--data-dir", str(tmp_path), str(tmp_path / "pic.jpg")])
    assert json.loads(capsys.readouterr().out)["status"] == "waiting"


def test_report_works_with_the_editors_policy_which_cannot_read_uploads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_stack_file(tmp_path)
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
        {"upload": "incoming/kerry.txt", "status": "no report", "article": "kerry", "note": NOT_KNOWN},
    ]


class DeployedS3(ReportsS3):
    """A deployed stack's buckets: an archive bucket of another name than the template's local one, the buckets
    each read is asked of, and NoSuchBucket for any other bucket, as AWS answers."""

    def __init__(self, objects: dict[str, tuple[bytes, datetime]], archive: str) -> None:
        super().__init__(objects)
        self.archive = archive
        self.read: list[str] = []

    def get_object(self, Bucket: str, Key: str) -> dict[str, Any]:
        self.read.append(Bucket)
        if Bucket not in ("uploads", self.archive):
            raise ClientError({"Error": {"Code": "NoSuchBucket", "Message": "no such bucket"}}, "GetObject")
        return super().get_object(Bucket, Key)


def test_report_on_a_deployed_stack_guesses_no_archive_bucket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The session's review: with no local stack and no --archive-bucket, `report` read the template's local archive
    # bucket, which AWS answered NoSuchBucket: the command failed where it had said "no report".
    noon = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    s3 = DeployedS3({"incoming/kerry.txt": (b"Kerry", noon)}, archive="deployed-archive")
    s3.objects["articles/kerry.json"] = (_archived("incoming/kerry.txt", b"Kerry"), noon)
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: s3)
    (tmp_path / "kerry.txt").write_text("Kerry", encoding="utf-8")
    deployed = ["--endpoint-url", "aws", "--bucket", "uploads", "--data-dir", str(tmp_path)]  # no stack.json there

    assert main(["report", *deployed, str(tmp_path / "kerry.txt")]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer == {"upload": "incoming/kerry.txt", "status": "no report", "article": "kerry", "note": ANY}
    assert answer["note"].startswith("accepted, or not ingested yet: no archive bucket was given")
    assert "--archive-bucket" in answer["note"]
    assert s3.read == []  # no archive was guessed
    # An archive bucket that does not exist cannot tell either: no report, not a failure
    assert main(["report", *deployed, "--archive-bucket", "misspelt", str(tmp_path / "kerry.txt")]) == 0
    note = json.loads(capsys.readouterr().out)["note"]
    assert note.startswith("accepted, or not ingested yet: there is no archive bucket misspelt")
    assert "--archive-bucket" in note
    # and the deployed stack's own tells
    assert main(["report", *deployed, "--archive-bucket", "deployed-archive", str(tmp_path / "kerry.txt")]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "accepted"


def test_the_upload_overflow_line_says_not_uploaded_as_its_items_do(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # The items said "not uploaded", the line counting the rest "that make no article" (the session's review).
    (tmp_path / "many").mkdir()
    for n in range(LISTED_KEYS + 2):
        (tmp_path / "many" / f"{n:02}.pdf").write_bytes(b"%PDF")

    assert main(["upload", "--data-dir", str(tmp_path), str(tmp_path / "many")]) == 2

    lines = capsys.readouterr().out.splitlines()
    assert all(" -> not uploaded: " in line for line in lines[1:-1])
    assert lines[-1] == "  … and 2 more -> not uploaded"
    assert recording_s3.put == []


def _raised_from(error: Exception, cause: Exception) -> Exception:
    try:
        raise error from cause
    except Exception as raised:  # noqa: BLE001 - the error with its cause, as an adapter raises it
        return raised


_REFUSED = EndpointConnectionError(endpoint_url="http://127.0.0.1:5005/uploads")


@pytest.mark.parametrize(
    ("command", "error"),
    [
        ("report", EndpointConnectionError(endpoint_url="http://127.0.0.1:5005/uploads/incoming/x.json")),
        ("verify", _raised_from(StorageUnavailableError("S3 failed to list the archive"), _REFUSED)),
        ("reindex", _raised_from(SearchUnavailableError("the search engine cannot be reached"), OpenSearchRefused())),
    ],
)
def test_a_command_that_cannot_reach_its_stack_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, error: Exception
) -> None:
    # Given a command whose stack does not answer (session 47's new user saw a traceback of 128 to 266 lines)
    def unreachable(args: object) -> int:
        raise error

    runs = {"report": "_report", "verify": "run_verify", "reindex": "run_reindex"}
    monkeypatch.setattr(main_module, runs[command], unreachable)
    argv = [command, "--data-dir", str(tmp_path), *(["x.json"] if command == "report" else [])]

    # When no stack runs in its --data-dir, one line says so, what to do, and the error
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    message = str(stopped.value)
    assert message.startswith(f"no local stack is running ({tmp_path / 'stack.json'} is absent): start it with")
    assert message.endswith(str(error)) and "\n" not in message
    assert ("--opensearch-url" in message) == (command != "report")  # the options the command takes
    # and when its stack file is there, that the stack it names cannot be reached, and may have stopped
    running = RunningStack(*(f"http://127.0.0.1:1/{n}" for n in range(8)))
    (tmp_path / "stack.json").write_text(json.dumps(asdict(running)), encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert str(stopped.value) == (
        f"cannot reach the service of the stack in {tmp_path} (stopped? remove its stack.json then): {error}"
    )
    # and when an endpoint was named, that it cannot be reached
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--endpoint-url", "http://127.0.0.1:1"])
    assert str(stopped.value) == f"cannot reach the service: {error}"


def test_a_service_that_answers_with_an_error_is_not_said_to_be_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # session 47's review: NoSuchBucket read "cannot reach the service", and with no stack file "no stack is running"
    missing = ClientError({"Error": {"Code": "NoSuchBucket", "Message": "no such bucket"}}, "ListObjectsV2")
    error = _raised_from(StorageUnavailableError("S3 failed to list the archive: ClientError"), missing)

    def failing(args: object) -> int:
        raise error

    monkeypatch.setattr(main_module, "run_verify", failing)
    with pytest.raises(SystemExit) as stopped:
        main(["verify", "--data-dir", str(tmp_path)])
    assert str(stopped.value) == f"the service answered with an error: {error}"

    # a bucket that does not exist, as upload and report meet it, likewise (it was a traceback of 39 lines)
    def no_bucket(args: object) -> int:
        raise missing

    monkeypatch.setattr(main_module, "_report", no_bucket)
    with pytest.raises(SystemExit) as stopped:
        main(["report", "--data-dir", str(tmp_path), "x.json"])
    assert str(stopped.value) == f"the service answered with an error: {missing}"


def test_a_data_dir_that_is_a_file_or_holds_another_file_is_said_so(tmp_path: Path) -> None:
    # session 47's reviews: NotADirectoryError, JSONDecodeError and IsADirectoryError tracebacks
    afile = tmp_path / "hostname"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"hostname is a file, not the folder"):
        read_stack_file(afile)
    assert read_stack_file(tmp_path / "absent") is None
    (tmp_path / "stack.json").write_text('{"api_url":', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"stack\.json is not the stack file `archive-search serve` writes"):
        read_stack_file(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "stack.json").mkdir()
    with pytest.raises(SystemExit, match=r"stack\.json: cannot read the stack file"):
        read_stack_file(tmp_path / "d")
    # a path through a file holds no stack (the third review: it said to remove a file that is not there)
    assert read_stack_file(afile / "sub") is None


def test_every_bad_corpus_line_and_every_clash_is_named_in_one_run(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # session 47's new user found three bad lines in three runs, and renamed clashing files over several
    corpus = tmp_path / "corpus.jsonl"
    lines = ['{"id": "a", "title": "T", "body": "B"}', '{"id": "b"', '{"title": "no id"}', '{"id": 7}', "[1]"]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert main(["upload", "--data-dir", str(tmp_path), "--jsonl", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert [f"{corpus}:{n}:" in err for n in (2, 3, 4, 5)] == [True] * 4 and f"{corpus}:1:" not in err

    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("script.html", "script.json", "script.md"):
        (folder / name).write_text(f"# {name}\n\nBody.", encoding="utf-8")
    assert main(["upload", "--data-dir", str(tmp_path), str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("are both versions of one article") == 2
    assert all(f"(incoming/script.{ext})" in err for ext in ("html", "json", "md"))
    assert recording_s3.put == []


def test_a_folder_s_broken_link_or_pipe_is_left_out_and_named(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # session 47's new user: `broken.json` (a link to nothing) and a named pipe were left out without a word
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "story.json").write_text('{"title": "T", "body": "B"}', encoding="utf-8")
    (folder / "broken.json").symlink_to(tmp_path / "gone.json")
    os.mkfifo(folder / "fifo.json")
    (folder / ".hidden.json").symlink_to(tmp_path / "gone.json")

    assert main(["upload", "--data-dir", str(tmp_path), str(folder)]) == 0
    assert recording_s3.put == ["incoming/story.json"]
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"left out, not regular files: {folder / 'broken.json'}, {folder / 'fifo.json'}"
    )


def test_redrive_with_no_stack_says_how_to_start_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # session 48's new user: redrive alone said to give two queue URLs, without the hint every other command gives
    monkeypatch.setattr("archive_search_cli.stack.LOCAL_DIR", tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["redrive", "--data-dir", str(tmp_path)])
    assert "start it with `make run`" in str(stopped.value) and "--queue-url" in str(stopped.value)


def test_report_and_delete_name_a_file_of_a_folder_upload_by_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a folder uploaded whole (its files under their path below it) and another article uploaded as `ferry.txt`
    uploads = tmp_path / "uploads"
    (uploads / "2026" / "11").mkdir(parents=True)
    ferry, budget = uploads / "2026" / "11" / "ferry.txt", uploads / "2026" / "11" / "budget.json"
    ferry.write_text("Ferry strike\n\nBody.", encoding="utf-8")
    budget.write_text('{"title": "Budget", "body": "B"}', encoding="utf-8")
    noon = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    s3 = ReportsS3(
        {
            "incoming/2026/11/ferry.txt": (ferry.read_bytes(), noon),
            "incoming/2026/11/budget.json": (budget.read_bytes(), noon),
            "incoming/ferry.txt": (b"Another ferry\n\nBody.", noon),
        }
    )
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: s3)
    _write_stack_file(tmp_path)
    target = ["--data-dir", str(tmp_path), "--bucket", "uploads"]
    monkeypatch.chdir(uploads)

    # When the editor names one file of it as it lies in the folder, or by its key (`report 2026/11/x.json` said
    # "not uploaded" about incoming/x.json: session 54's new user)
    for name, key in (
        ("2026/11/ferry.txt", "incoming/2026/11/ferry.txt"),
        (str(ferry), "incoming/2026/11/ferry.txt"),
        ("incoming/2026/11/ferry.txt", "incoming/2026/11/ferry.txt"),
        ("2026/11/budget.json", "incoming/2026/11/budget.json"),
    ):
        main(["report", *target, name])
        # Then it is that upload, not the one of the same name alone
        assert json.loads(capsys.readouterr().out)["upload"] == key

    # A name no file here has is read as the editor typed it; one that names two uploads is refused naming both
    monkeypatch.chdir(tmp_path)
    main(["report", *target, "2026/11/budget.json"])
    assert json.loads(capsys.readouterr().out)["upload"] == "incoming/2026/11/budget.json"
    assert main(["report", *target, "2026/11/ferry.txt"]) == 1
    assert capsys.readouterr().err.strip() == (
        "2026/11/ferry.txt may be any of the uploads incoming/ferry.txt, incoming/2026/11/ferry.txt: name the one you "
        "mean by its key (such as incoming/2026/11/ferry.txt)"
    )

    # and delete removes the folder's file, not the other article of its name
    recording = RecordingS3()
    recording.objects = {key: body for key, (body, _) in s3.objects.items()}
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: recording)
    assert main(["delete", *target, str(ferry)]) == 0
    assert recording.deleted == ["incoming/2026/11/ferry.txt"]
    assert "incoming/ferry.txt" in recording.objects


class _ClosedPipe(io.StringIO):
    """Standard output whose reader has gone (`archive-search report | head -1` once head has its line)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_command_whose_reader_closes_the_pipe_stops_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `report | head -1` and `verify | head` ended in a BrokenPipeError traceback and exit status 1, which for verify
    # means drift (session 54's new user): a Unix tool stops quietly, with the status of SIGPIPE.
    _write_stack_file(tmp_path)
    noon = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    s3 = ReportsS3({"reports/a.json.json": (_rejection("incoming/a.json", "no title"), noon)})
    monkeypatch.setattr("archive_search_cli.main.aws_client", lambda service, endpoint: s3)
    monkeypatch.setattr("sys.stdout", _ClosedPipe())

    assert main(["report", "--data-dir", str(tmp_path), "--bucket", "uploads"]) == 128 + 13

    # and what is still buffered when the command ends meets the closed pipe in the command, not at exit
    story = tmp_path / "story.json"
    story.write_text(json.dumps({"title": "Kerry", "body": "Talks. " * 5000}), encoding="utf-8")
    reader, writer = os.pipe()
    os.close(reader)
    command = [sys.executable, "-c", "import sys; from archive_search_cli.main import main; sys.exit(main())"]
    parse = subprocess.run([*command, "parse", str(story)], stdout=writer, stderr=subprocess.PIPE, check=False)
    os.close(writer)
    assert (parse.returncode, parse.stderr) == (128 + 13, b"")


def test_upload_does_not_send_a_file_above_ingests_size_limit(
    tmp_path: Path, recording_s3: RecordingS3, capsys: pytest.CaptureFixture[str]
) -> None:
    # A 6.7 MB file was uploaded and listed "-> article huge", then rejected "above the limit of 5242880 bytes"
    # (session 54's new user): upload says so before sending it, in MB, with the limit ingest applies.
    huge, story = tmp_path / "huge.json", tmp_path / "story.json"
    huge.write_bytes(b'{"title": "T", "body": "' + b"x" * (MAX_UPLOAD_BYTES + 1) + b'"}')
    story.write_bytes(b'{"title": "T", "body": "B"}')

    status = main(["upload", "--data-dir", str(tmp_path), str(huge), str(story)])

    assert status == 2
    assert recording_s3.put == ["incoming/story.json"]
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  incoming/huge.json -> not uploaded: the file is 5.0 MiB (5,242,907 bytes), above the limit of 5 MiB; split "
        "the article or remove embedded media",
        "  incoming/story.json -> article story",
    ]
