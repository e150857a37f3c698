"""A real OpenSearch node: analysis modules present, data survives a hard kill."""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archive_search_cli.opensearch_node import OpenSearchNode, OpenSearchNodeError
from tests.conftest import free_port

pytestmark = pytest.mark.integration


def _request(method: str, url: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def _tokens(url: str, spec: dict[str, Any]) -> list[str]:
    return [t["token"] for t in _request("POST", f"{url}/_analyze", spec)["tokens"]]


@pytest.fixture
def data_dir() -> Iterator[Path]:
    # Not pytest's tmp_path: as root, /tmp/pytest-of-root is mode 700 and the node runs as another user.
    path = Path(tempfile.mkdtemp(prefix="archive-search-os-test-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_node_analyzes_and_keeps_data_across_a_kill(data_dir: Path) -> None:
    node = OpenSearchNode(data_dir, port=free_port())
    try:
        url = node.start()
        assert url == node.url

        assert _tokens(url, {"analyzer": "english", "text": "running"}) == ["run"]
        folding = {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"], "text": "Fernández"}
        assert _tokens(url, folding) == ["fernandez"]

        _request("PUT", f"{url}/survivors", {"settings": {"number_of_replicas": 0}})
        _request("PUT", f"{url}/survivors/_doc/1?refresh=true", {"title": "still here"})

        node.kill()
        assert not node.is_running()
        node.kill()  # idempotent

        assert node.start() == url
        doc = _request("GET", f"{url}/survivors/_doc/1")
        assert doc["found"] and doc["_source"] == {"title": "still here"}
        hits = _request("POST", f"{url}/survivors/_search", {"query": {"match": {"title": "still"}}})
        assert hits["hits"]["total"]["value"] == 1
    finally:
        node.stop()
    node.stop()  # idempotent
    assert not node.is_running()


def test_start_refuses_a_busy_port(data_dir: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        node = OpenSearchNode(data_dir, port=listener.getsockname()[1])
        with pytest.raises(OpenSearchNodeError, match="already taken"):
            node.start()
        assert not node.is_running()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root runs the node as another user")
def test_root_runs_a_node_whose_data_dir_sits_below_a_mode_700_folder() -> None:
    private = Path(tempfile.mkdtemp(prefix="archive-search-private-"))  # mktemp -d: mode 700, like root's home
    node = OpenSearchNode(private / "clone" / ".local" / "opensearch", free_port())
    try:
        assert not str(node.data_dir).startswith(str(private))  # moved where the node user can work
        assert OpenSearchNode(private / "clone" / ".local" / "opensearch").data_dir == node.data_dir  # stable

        node.start()

        assert _request("GET", f"{node.url}/_cluster/health")["status"] in ("green", "yellow")
    finally:
        node.stop()
        shutil.rmtree(node.data_dir, ignore_errors=True)
        shutil.rmtree(private, ignore_errors=True)
