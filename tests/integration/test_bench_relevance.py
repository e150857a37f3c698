"""`make bench-relevance` end to end on a small corpus of our own, so the benchmark cannot rot unnoticed."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bench import relevance

pytestmark = pytest.mark.integration

_WORDS = """
    harbour ferry council budget tariff orchard glacier senate verdict striker monsoon vaccine pension refinery
    festival lagoon satellite copper election parliament drought factory museum tribunal cathedral railway
"""
VOCABULARY = _WORDS.split()


def _corpus(path: Path, articles: int) -> None:
    rng = random.Random(5)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            title = " ".join(rng.sample(VOCABULARY, 3)).capitalize() + f" {n}"
            body = " ".join(rng.choices(VOCABULARY, k=60))
            out.write(json.dumps({"id": f"doc-{n}", "title": title, "body": body, "section": "news"}) + "\n")


def test_the_benchmark_runs_every_kind_against_the_real_node(
    opensearch_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, output = tmp_path / "corpus.jsonl", tmp_path / "relevance.json"
    _corpus(corpus, 40)
    monkeypatch.setenv("OPENSEARCH_URL", opensearch_url)

    assert relevance.main(["--corpus", str(corpus), "--per-kind", "5", "--output", str(output)]) == 0

    results = json.loads(output.read_text(encoding="utf-8"))
    assert set(results["ours"]) == set(relevance.KINDS) == set(results["baseline_fts5_bm25"])
    assert all(row["queries"] == 5 for row in results["ours"].values())
    # Every headline is unique and typed in full: a working engine finds each one first.
    assert results["ours"]["headline"]["mrr@10"] == 1.0
