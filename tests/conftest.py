"""Fixtures shared by the integration and end-to-end tests: a real OpenSearch node and a moto server."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# As the functions run (handlers/text_model.py): one BLAS thread, set before any test module imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from archive_search_cli.opensearch_node import free_port

# make reliability's table of attacks (--reliability-report) and the long scenarios (--long-scenarios).
pytest_plugins = ["tests.reliability_report"]

FIXTURES = Path(__file__).parent / "fixtures"
LEGACY_PAGE = FIXTURES / "legacy-page-kerry-putin.txt"


@pytest.fixture(scope="session")
def opensearch_url() -> Iterator[str]:
    """One real node for the whole run (or OPENSEARCH_URL's cluster, if set)."""
    from archive_search_cli.opensearch_node import opensearch_for_tests_or_local

    # Under /tmp rather than pytest's tmp_path: the node may run as another user, who must reach the folder.
    data_dir = Path(tempfile.mkdtemp(prefix="archive-search-test-os-"))
    try:
        with opensearch_for_tests_or_local(data_dir, free_port()) as url:
            yield url
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def moto_url() -> Iterator[str]:
    from archive_search_cli.local_aws import moto_server

    with moto_server(free_port()) as url:
        yield url
