"""A second stack started on taken ports says which, by what, and the flags to choose others, in one line (session
53's new user got a 20-line traceback naming only OpenSearch's port)."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from archive_search_cli.gateway import make_server
from archive_search_cli.main import main
from archive_search_cli.opensearch_node import free_port
from archive_search_cli.ports import describe_listener, next_free_port


@pytest.fixture
def taken_api_port() -> Iterator[int]:
    """A port held by a local search API, as another stack's."""
    server = make_server("127.0.0.1", 0, lambda event, context: {"statusCode": 200, "body": "{}"})
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_serve_on_taken_ports_names_each_port_its_holder_and_flag_in_one_line(
    taken_api_port: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the API port held by another stack's search API and the OpenSearch port by some other listener
    monkeypatch.delenv("OPENSEARCH_URL", raising=False)
    with socket.create_server(("127.0.0.1", 0)) as other:
        opensearch_port = other.getsockname()[1]
        moto_port = free_port()
        # When a stack is served on them
        with pytest.raises(SystemExit) as exited:
            main(
                [
                    "serve",
                    *("--port", str(taken_api_port), "--opensearch-port", str(opensearch_port)),
                    *("--moto-port", str(moto_port), "--data-dir", str(tmp_path)),
                ]
            )
    # Then it stops before starting anything, with one line naming both ports, their holders and the flags
    message = str(exited.value.code)
    assert "\n" not in message
    assert f"port {taken_api_port} (--port) is taken by the search API of another archive-search stack" in message
    assert f"port {opensearch_port} (--opensearch-port) is taken by another process" in message
    assert f"({moto_port})" not in message and "--moto-port" not in message
    assert "archive-search serve --port " in message and " --opensearch-port " in message
    assert not (tmp_path / "opensearch").exists()


def test_serve_in_the_data_dir_of_a_running_stack_names_it(
    taken_api_port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a stack running in the data dir (its stack.json names its API, which answers), and OpenSearch's port taken
    monkeypatch.delenv("OPENSEARCH_URL", raising=False)
    api_url = f"http://127.0.0.1:{taken_api_port}"
    fields = ("aws_endpoint_url", "opensearch_url", "uploads_bucket", "archive_bucket", "ingest_queue_url")
    stack = {"api_url": api_url, **dict.fromkeys(fields, "x"), "dead_letter_queue_url": "x", "upload_prefix": "x"}
    (tmp_path / "stack.json").write_text(json.dumps(stack), encoding="utf-8")
    # When another stack is served there on free API and moto ports
    with socket.create_server(("127.0.0.1", 0)) as other, pytest.raises(SystemExit) as exited:
        ports = ("--port", str(free_port()), "--moto-port", str(free_port()))
        main(["serve", *ports, "--opensearch-port", str(other.getsockname()[1]), "--data-dir", str(tmp_path)])
    # Then it says the folder is in use, and by what
    message = str(exited.value.code)
    assert f"the --data-dir is in use by the stack serving {api_url}" in message
    assert f"--data-dir {tmp_path}2" in message


def test_sam_local_beside_a_running_serve_names_no_flag_it_lacks(
    taken_api_port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The session's review: with `serve` running in .local, sam-local advised `--data-dir .local2`, which it rejects.
    # Given a stack running in the folder sam-local always uses (its node's data and stack.json are there)
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "AWS_REGION", "OPENSEARCH_URL"):
        monkeypatch.delenv(name, raising=False)  # use_local_credentials sets them: undone after the test
    monkeypatch.setattr("archive_search_cli.sam_local.LOCAL_DIR", tmp_path)
    api_url = f"http://127.0.0.1:{taken_api_port}"
    fields = ("aws_endpoint_url", "opensearch_url", "uploads_bucket", "archive_bucket", "ingest_queue_url")
    stack = {"api_url": api_url, **dict.fromkeys(fields, "x"), "dead_letter_queue_url": "x", "upload_prefix": "x"}
    (tmp_path / "stack.json").write_text(json.dumps(stack), encoding="utf-8")
    # When sam-local is started on free ports
    with pytest.raises(SystemExit) as exited:
        ports = ("--port", str(free_port()), "--moto-port", str(free_port()), "--opensearch-port", str(free_port()))
        main(["sam-local", *ports])
    # Then it names the stack to stop, and no --data-dir, which sam-local does not have
    message = str(exited.value.code)
    assert f"{tmp_path}, which sam-local always uses, is in use by the stack serving {api_url}. Stop it" in message
    assert "--data-dir" not in message
    assert not (tmp_path / "opensearch").exists()


def test_the_next_free_port_stops_at_65535() -> None:
    # It counted on past 65535, where port_in_use raised OverflowError (the session's review).
    assert next_free_port(65535) is None
    assert next_free_port(65533, avoid=frozenset({65534, 65535})) is None


def test_serve_beside_the_stack_running_in_its_data_dir_names_each_port_as_that_stacks(
    taken_api_port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Session 54's new user: the stack's own moto was "another process", beside a stack running in the same folder.
    monkeypatch.delenv("OPENSEARCH_URL", raising=False)
    with socket.create_server(("127.0.0.1", 0)) as moto:
        moto_port = moto.getsockname()[1]
        # Given a stack running in the data dir, its API and moto answering on the ports its stack.json names
        stack = {
            "api_url": f"http://127.0.0.1:{taken_api_port}",
            "aws_endpoint_url": f"http://127.0.0.1:{moto_port}",
            **dict.fromkeys(("opensearch_url", "uploads_bucket", "archive_bucket", "ingest_queue_url"), "x"),
            **dict.fromkeys(("dead_letter_queue_url", "upload_prefix"), "x"),
        }
        (tmp_path / "stack.json").write_text(json.dumps(stack), encoding="utf-8")
        # When a second one is served on the same ports
        with pytest.raises(SystemExit) as exited:
            ports = ("--port", str(taken_api_port), "--moto-port", str(moto_port))
            main(["serve", *ports, "--opensearch-port", str(free_port()), "--data-dir", str(tmp_path)])
    # Then each port is named as that stack's, and that stack is the one to stop
    message = str(exited.value.code)
    assert f"; port {taken_api_port} (--port) is its search API; port {moto_port} (--moto-port) is its S3 and SQS" in (
        message
    )
    assert "Stop that stack (Ctrl-C where it runs), or choose others: archive-search serve --port " in message


class _Moto(http.server.BaseHTTPRequestHandler):
    """moto as a port's listener: S3's ListBuckets at its root, its whole state at /moto-api/data.json; the paths
    asked for in `paths`."""

    server_version = "Werkzeug/3.1.3"
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.paths.append(self.path)
        body = b'<?xml version="1.0"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_moto_holding_many_objects_is_named_moto() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Moto)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert describe_listener(server.server_address[1]).startswith("moto (S3 and SQS)")
        # not from its whole state, which took 2.6 s with a corpus loaded (session 54's new user)
        assert "/moto-api/data.json" not in _Moto.paths
    finally:
        server.shutdown()
        server.server_close()
