"""`make bench` end to end on a tiny corpus of our own, so the performance benchmark cannot rot unnoticed.

Checks the shape of what it writes, never a time: benchmarks are not tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from opensearchpy import OpenSearch

from bench import perf
from tests.conftest import FIXTURES

pytestmark = pytest.mark.integration

CORPUS = FIXTURES / "bench" / "tiny-news.jsonl"  # 24 invented articles


def test_bench_writes_every_figure(opensearch_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # serve uses the template's alias: start from an empty one on the shared test node (as the e2e stack does).
    OpenSearch(hosts=[opensearch_url]).indices.delete(index="articles*", ignore_unavailable=True)
    monkeypatch.setenv("OPENSEARCH_URL", opensearch_url)
    output, charts, readme = tmp_path / "results.json", tmp_path / "charts", tmp_path / "README.md"
    readme.write_text(f"# x\n{perf.README_START}\nold\n{perf.README_END}\nafter\n", encoding="utf-8")

    arguments = ["--dev", str(CORPUS), "--large", str(CORPUS), "--large-articles", "12", "--queries", "9"]
    arguments += ["--load-seconds", "0.5", "--warmup-seconds", "0.1", "--overhead-queries", "6"]
    arguments += ["--profile-articles", "4", "--cold-repetitions", "1", "--build-dir", str(tmp_path / "no-build")]
    arguments += ["--output", str(output), "--charts", str(charts), "--readme", str(readme)]
    assert perf.main(arguments) == 0

    results = json.loads(output.read_text(encoding="utf-8"))
    assert isinstance(results["ingest_ratio"], float) and isinstance(results["search_overhead_ratio"], float)
    assert set(results["cold_start_ratio"]) == {"search", "ingest"}
    assert results["corpora"]["news-large"]["articles"] == 12 and results["corpora"]["news-dev"]["articles"] == 24
    assert results["ingest"]["news-large"]["stack"]["articles"] == 12
    for corpus in ("news-dev", "news-large"):
        assert set(results["load"][corpus]) == {"1", "8", "32"}
        for row in results["load"][corpus].values():
            assert {"p50_ms", "p99_ms", "requests_per_s", "errors"} <= set(row)
        assert results["search"][corpus]["statuses"] == {"200": 6}
    assert results["package_sizes"] is None  # no build in tmp_path
    assert results["cost"]["usd_per_million_searches"] > 0 and results["cost"]["usd_per_thousand_articles"] > 0
    for chart in ("perf-latency", "perf-ingest", "perf-coldstart", "perf-search"):
        assert (charts / f"{chart}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "By own time" in (charts / "perf-profiles.md").read_text(encoding="utf-8")
    table = readme.read_text(encoding="utf-8")
    assert "ingest ÷ raw `_bulk`" in table and "\nold\n" not in table and table.endswith("after\n")
