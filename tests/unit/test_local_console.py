"""What `make run` prints: the functions' own log lines from a level, no pool warnings (session 56's new user saw
5,000 JSON lines in 12 minutes and a dozen "Connection pool is full" warnings during a corpus upload)."""

from __future__ import annotations

import http.server
import logging
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit

from archive_search.adapters.opensearch_index import create_client
from archive_search.config import EngineSettings
from archive_search_cli.stack import WORKER_THREADS, set_function_log_level


@pytest.fixture
def engine_answering_all_at_once() -> Iterator[int]:
    """An engine stand-in that answers no request until WORKER_THREADS of them are open at once."""
    together = threading.Barrier(WORKER_THREADS, timeout=30)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # connections kept, as the engine's

        def do_POST(self) -> None:  # the client's count is a POST with a body
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            together.wait()
            body = b'{"count": 0}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_one_engine_client_serves_the_ingest_workers_threads_without_pool_warnings(
    engine_answering_all_at_once: int, caplog: pytest.LogCaptureFixture
) -> None:
    # Given the client the ingest handler builds, shared by the local stack's worker threads
    settings = EngineSettings(f"http://127.0.0.1:{engine_answering_all_at_once}", "none", 30, "articles", "")
    client = create_client(settings, max_retries=0)

    # When each thread has a request open at once, twice over
    with caplog.at_level(logging.WARNING, logger="urllib3"), ThreadPoolExecutor(WORKER_THREADS) as pool:
        answers = list(pool.map(lambda _: client.count(), range(2 * WORKER_THREADS)))

    # Then every connection goes back to the pool (urllib3's default pool of 1 discarded the others with a warning)
    assert answers == [{"count": 0}] * (2 * WORKER_THREADS)
    assert not [r for r in caplog.records if "pool is full" in r.getMessage()]


@pytest.fixture
def domain_logger() -> Iterator[logging.Logger]:
    """The domain's loggers' parent, its level put back after the test."""
    domain = logging.getLogger("archive_search")
    before = domain.level
    yield domain
    domain.setLevel(before)


@pytest.mark.parametrize(("level", "printed"), [("WARNING", False), ("ERROR", False), ("INFO", True), ("DEBUG", True)])
def test_the_functions_info_lines_and_metrics_are_printed_from_the_level_chosen(
    level: str,
    printed: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    domain_logger: logging.Logger,
) -> None:
    monkeypatch.setenv(
        "POWERTOOLS_METRICS_DISABLED", "false"
    )  # restored after the test: set_function_log_level sets it
    function_logger = Logger(service="archive-search-test")
    metrics = Metrics(namespace="Test", service="archive-search-test")

    set_function_log_level(level, function_logger)
    metrics.add_metric(name="Searches", unit=MetricUnit.Count, value=1)
    metrics.flush_metrics()

    assert ("CloudWatchMetrics" in capsys.readouterr().out) is printed
    assert (function_logger.log_level <= logging.INFO) is printed
    assert (function_logger.log_level <= logging.WARNING) is (level != "ERROR")
    assert domain_logger.getChild("search").isEnabledFor(logging.INFO) is printed
