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


def _collection(folder: Path) -> None:
    """A tiny judged collection: each query names one topic word; the articles about it are the relevant ones."""
    folder.mkdir(parents=True)
    rng = random.Random(9)
    topics = VOCABULARY[:6]
    qrels: list[str] = []
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for n in range(30):
            topic = topics[n % len(topics)]
            body = " ".join([topic] * 5 + rng.choices(VOCABULARY[6:], k=40))
            out.write(json.dumps({"id": f"c-{n}", "title": f"Report {n}", "body": body}) + "\n")
            qrels.append(f"{n % len(topics) + 1} 0 c-{n} 1")
    with (folder / "queries.jsonl").open("w", encoding="utf-8") as out:
        for i, topic in enumerate(topics, start=1):
            out.write(json.dumps({"qid": str(i), "text": f"news about the {topic} please"}) + "\n")
        out.write(json.dumps({"qid": "99", "text": "an unjudged query"}) + "\n")
    (folder / "qrels.txt").write_text("\n".join(qrels) + "\n", encoding="utf-8")


def test_the_benchmark_runs_every_kind_against_the_real_node(
    opensearch_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, output = tmp_path / "corpus.jsonl", tmp_path / "relevance.json"
    readme, chart = tmp_path / "README.md", tmp_path / "chart.png"
    readme.write_text(f"# x\n{relevance.README_START}\nold\n{relevance.README_END}\nafter\n", encoding="utf-8")
    _corpus(corpus, 40)
    _collection(tmp_path / "collections" / "tiny")
    monkeypatch.setenv("OPENSEARCH_URL", opensearch_url)

    arguments = ["--corpus", str(corpus), "--collections", str(tmp_path / "collections"), "--per-kind", "5"]
    arguments += ["--output", str(output), "--readme", str(readme), "--chart", str(chart)]
    assert relevance.main(arguments) == 0

    results = json.loads(output.read_text(encoding="utf-8"))
    for generator in relevance.GENERATORS:
        ours, baseline = results["known_item"][generator]["ours"], results["known_item"][generator]["fts5"]
        assert set(ours) == set(relevance.KINDS) == set(baseline)
        assert all(row["queries"] == 5 for row in ours.values())
        # Every headline is unique and typed in full: a working engine finds each one first.
        assert ours["headline"]["mrr@10"] == 1.0
        best = results["known_item"][generator]["best_possible"]
        assert set(best) == {"words3", "words2", "misspelt"} and all(0 < mrr <= 1 for mrr in best.values())
    tiny = results["collections"]["tiny"]
    assert tiny["judged_queries"] == 6  # the unjudged query is not scored
    assert tiny["ours"]["ndcg@10"] == 1.0 and tiny["ours"]["zero_results"] == 0
    assert {"fts5", "bm25s"} <= set(tiny) and set(tiny["p_vs"]) == {"fts5", "bm25s"}
    # The ranking request is one of the requests that made the page: its time is part of the page's.
    for timed in (tiny, results["known_item"]):
        assert 0 <= timed["ranking_took_ms_p50"] <= timed["took_ms_p50"]
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = readme.read_text(encoding="utf-8")
    assert "| tiny | 6 |" in table and "old" not in table and table.endswith("after\n")
    assert "tfidf: best possible" in table


def test_engine_time_compares_checkouts_side_by_side(
    opensearch_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from opensearchpy import OpenSearch

    from bench import engine_time

    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 40)
    monkeypatch.setenv("OPENSEARCH_URL", opensearch_url)
    repo = Path(engine_time.__file__).resolve().parents[1]

    alias = engine_time.index_alias(repo, corpus)
    try:
        assert engine_time.main([str(repo), "--runs", "2", "--per-kind", "3", "--corpus", str(corpus)]) == 0
    finally:  # this corpus's index only: a node may keep other commits' indices of news-dev
        OpenSearch(hosts=[opensearch_url]).indices.delete(index=f"{alias}-*", ignore_unavailable=True)

    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0].split()[:2] for line in lines] == [["run", "1"]] * 2 + [["run", "2"]] * 2
    for line in lines:
        assert all(f"{kind} " in line for kind in engine_time.KINDS), line
        assert float(line.split("p50 ")[1].split(" ms")[0]) >= 0
    # took_ms counts every search request of a search (the vocabulary's questions and did_you_mean's count too)
    took, every = (line.split(": ", 1)[1] for line in lines[:2])
    assert lines[0].split(":")[0].endswith("took_ms") and lines[1].split(":")[0].endswith("every request")
    assert took == every
