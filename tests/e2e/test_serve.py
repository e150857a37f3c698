"""A new user's path: start the stack, upload the legacy page with the CLI, find it over HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import LEGACY_PAGE, free_port
from tests.e2e.conftest import CLI, ServedStack, run_cli

pytestmark = pytest.mark.e2e


def test_seed_is_found_as_soon_as_serve_says_it_is_running(served_stack: ServedStack) -> None:
    # `make run` seeds the legacy page; a reader who searched the moment it said "running" found nothing (session 30).
    assert [hit["title"] for hit in served_stack.seed_search_at_start["results"]] == ["Seeded article"]


def test_uploaded_legacy_page_is_found_over_http(served_stack: ServedStack) -> None:
    uploaded = served_stack.upload(str(LEGACY_PAGE))
    assert uploaded.returncode == 0, uploaded.stderr

    # Until the page is indexed, "kerry" is a word no article holds and is searched as its nearest known word
    # ("ferry", in another test's article): wait for the page itself.
    title = "U.S: Secretary of State John Kerry to meet Russian President Putin"
    body = served_stack.wait_for(
        "/search?q=kerry+putin+sochi", until=lambda b: any(hit["title"] == title for hit in b["results"])
    )

    top = body["results"][0]
    assert top["title"] == title
    assert top["author"] == "Estera Popowska"
    assert "<mark>" in top["snippet"]
    status, article = served_stack.get(f"/articles/{top['id']}")
    assert status == 200
    for chrome in ("site-wide search", "SomaNet News Archive"):
        assert chrome not in article["title"] and chrome not in article["body"]
    health = served_stack.wait_for("/health", until=lambda b: b["documents"] >= 1)
    assert health["status"] == "ok"


def test_bad_parameter_is_a_json_400(served_stack: ServedStack) -> None:
    status, body = served_stack.get("/search?q=kerry&page=zero")

    assert status == 400
    assert "page" in body["error"]["message"]


def test_parse_command_prints_the_article_or_the_rejection(tmp_path: Path) -> None:
    good = run_cli("parse", str(LEGACY_PAGE))
    assert good.returncode == 0
    assert json.loads(good.stdout)["author"] == "Estera Popowska"

    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    result = run_cli("parse", str(bad))

    assert result.returncode == 2
    assert json.loads(result.stdout)["status"] == "rejected"
    assert "object" in json.loads(result.stdout)["reason"]


def test_ctrl_c_stops_the_stack_cleanly(opensearch_url: str, tmp_path: Path) -> None:
    # As a terminal does: SIGINT to the whole foreground process group, serve and what it started alike.
    env = {**os.environ, "OPENSEARCH_URL": opensearch_url}
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*CLI, "serve", "--port", str(free_port()), "--moto-port", str(free_port()), "--data-dir", str(tmp_path)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 120
            while not (tmp_path / "stack.json").exists():
                assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.2)
            time.sleep(2)  # the worker polling the queue
            os.killpg(process.pid, signal.SIGINT)
            code = process.wait(timeout=60)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)

    output = log_path.read_text()
    assert code == 0, output
    assert "stopping" in output and "Traceback" not in output and "ERROR" not in output, output
    # It says when it is done (session 56's new user saw `stopping…` and nothing after)
    assert output.splitlines()[-1] == "stopped", output
