"""End-to-end fixtures: `archive-search serve` as a user starts it, reached only over HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import free_port

pytestmark = pytest.mark.e2e
CLI = [sys.executable, "-m", "archive_search_cli.main"]


@dataclass(frozen=True)
class ServedStack:
    api_url: str
    aws_endpoint_url: str
    uploads_bucket: str
    process: subprocess.Popen[bytes]
    seed_search_at_start: dict[str, Any]  # /search?q=SEED_WORD asked as soon as serve said it was running

    def get(self, path: str) -> tuple[int, dict[str, Any]]:
        try:
            with urllib.request.urlopen(self.api_url + path, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def upload(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("upload", *args, "--endpoint-url", self.aws_endpoint_url, "--bucket", self.uploads_bucket)

    def wait_for(self, path: str, until: Any, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            status, body = self.get(path)
            if status == 200 and until(body):
                return body
            if time.monotonic() > deadline:
                raise AssertionError(f"{path} never satisfied the condition; last answer {status}: {body}")
            time.sleep(0.5)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600, check=False)


SEED_WORD = "quillbarrow"
SEED_ARTICLE = f"""---
title: Seeded article
date: 2024-05-01
---

The {SEED_WORD} pier reopened on Monday after a winter of repairs.
"""
RUNNING = "SomaNet Archive Search is running"


@pytest.fixture(scope="session")
def served_stack(opensearch_url: str) -> Iterator[ServedStack]:
    from opensearchpy import OpenSearch

    # serve uses the template's alias; start from an empty index on the shared test node.
    OpenSearch(hosts=[opensearch_url]).indices.delete(index="articles*", ignore_unavailable=True)
    data_dir = Path(tempfile.mkdtemp(prefix="archive-search-e2e-"))
    api_port = free_port()
    env = {**os.environ, "OPENSEARCH_URL": opensearch_url}
    log = (data_dir / "serve.log").open("wb")
    seed = data_dir / "seeded-article.md"
    seed.write_text(SEED_ARTICLE, encoding="utf-8")
    # As `make run` starts it: with a file to ingest at start.
    command = ["serve", "--port", str(api_port), "--moto-port", str(free_port()), "--data-dir", str(data_dir)]
    process = subprocess.Popen(
        [*CLI, *command, "--seed", str(seed)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    stack_file = data_dir / "stack.json"
    deadline = time.monotonic() + 240
    while RUNNING not in (data_dir / "serve.log").read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"serve did not start:\n{(data_dir / 'serve.log').read_text()}")
        time.sleep(0.2)
    info = json.loads(stack_file.read_text())
    with urllib.request.urlopen(f"{info['api_url']}/search?q={SEED_WORD}", timeout=10) as response:
        seeded = json.loads(response.read())
    yield ServedStack(info["api_url"], info["aws_endpoint_url"], info["uploads_bucket"], process, seeded)
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        log.close()
