"""Real test collections (real queries, human judgments): loading, metrics, plain baselines, significance.

A collection is a folder of `articles.jsonl` (upload-shaped JSON, one per line), `queries.jsonl`
(`{"qid", "text"}`) and `qrels.txt` (TREC: `qid 0 docid relevance`), as in `../shared/data/relevance/`.

Metrics (binary judgments; trec_eval's definitions):
  nDCG@10    DCG of the top ten (gain 1 / log2(rank + 1)) over the ideal DCG for that query's judged documents
  MAP@100    mean over queries of average precision, precision summed at each relevant rank <= 100, divided by
             the number of relevant documents (capped at 100)
  recall@100 relevant documents in the top 100 / all relevant documents
  zero rate  share of judged queries that got no result at all
Only judged queries count (a query with no relevant document cannot be scored).

Baselines, each on the same documents and queries:
  fts5   SQLite FTS5 bm25 (k1 1.2, b 0.75), porter stemmer, title and body columns, OR of the query's words
  bm25s  bm25s (Lucene BM25 variant, k1 1.5, b 0.75) on title + body, English Snowball stemmer, English stopwords out

Significance: a paired two-sided randomization (permutation) test on per-query nDCG@10, 10,000 sign flips
(Smucker, Allan and Carterette, "A comparison of statistical significance tests for information retrieval
evaluation", CIKM 2007, recommend it).
"""

from __future__ import annotations

import json
import math
import random
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEPTH = 100
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Collection:
    name: str
    articles: list[dict[str, Any]]
    queries: dict[str, str]  # judged queries only: qid -> text
    qrels: dict[str, set[str]]  # qid -> relevant document ids


def load_collection(folder: Path) -> Collection:
    with (folder / "articles.jsonl").open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    qrels: dict[str, set[str]] = {}
    for line in (folder / "qrels.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4 and int(parts[3]) > 0:
            qrels.setdefault(parts[0], set()).add(parts[2])
    queries: dict[str, str] = {}
    with (folder / "queries.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                if str(row["qid"]) in qrels:
                    queries[str(row["qid"])] = str(row["text"])
    return Collection(folder.name, articles, queries, {q: qrels[q] for q in queries})


def find_collections(root: Path) -> list[Path]:
    """Every folder under root that holds a collection, sorted by name."""
    return sorted(p.parent for p in root.glob("*/qrels.txt"))


# --- metrics -----------------------------------------------------------------------------------------------------


def ndcg_at(ranked: Sequence[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, doc in enumerate(ranked[:k]) if doc in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def average_precision(ranked: Sequence[str], relevant: set[str], depth: int = DEPTH) -> float:
    hits = 0
    total = 0.0
    for i, doc in enumerate(ranked[:depth]):
        if doc in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / min(len(relevant), depth) if relevant else 0.0


def recall_at(ranked: Sequence[str], relevant: set[str], depth: int = DEPTH) -> float:
    return len(set(ranked[:depth]) & relevant) / len(relevant) if relevant else 0.0


@dataclass(frozen=True)
class Evaluation:
    per_query_ndcg: dict[str, float]
    ndcg10: float
    map100: float
    recall100: float
    zero_results: int
    queries: int

    def row(self) -> dict[str, float | int]:
        return {
            "ndcg@10": round(self.ndcg10, 4),
            "map@100": round(self.map100, 4),
            "recall@100": round(self.recall100, 4),
            "zero_results": self.zero_results,
            "queries": self.queries,
        }


def evaluate(collection: Collection, rankings: Mapping[str, Sequence[str]]) -> Evaluation:
    ndcg = {q: ndcg_at(rankings.get(q, []), collection.qrels[q]) for q in collection.queries}
    n = len(collection.queries)
    return Evaluation(
        per_query_ndcg=ndcg,
        ndcg10=sum(ndcg.values()) / n,
        map100=sum(average_precision(rankings.get(q, []), rel) for q, rel in collection.qrels.items()) / n,
        recall100=sum(recall_at(rankings.get(q, []), rel) for q, rel in collection.qrels.items()) / n,
        zero_results=sum(1 for q in collection.queries if not rankings.get(q)),
        queries=n,
    )


def randomization_test(a: Mapping[str, float], b: Mapping[str, float], trials: int = 10_000, seed: int = 1) -> float:
    """Two-sided p-value of the paired randomization test on the mean difference of a and b (same keys)."""
    diffs = [a[q] - b[q] for q in a]
    observed = abs(sum(diffs))
    rng = random.Random(seed)
    at_least = 0
    for _ in range(trials):
        flipped = abs(sum(d if rng.random() < 0.5 else -d for d in diffs))
        if flipped >= observed - 1e-12:
            at_least += 1
    return (at_least + 1) / (trials + 1)


# --- baselines ---------------------------------------------------------------------------------------------------


class Fts5Baseline:
    """SQLite FTS5 bm25 over title and body, porter stemmer, OR of the words."""

    name = "fts5"

    def __init__(self, articles: list[dict[str, Any]]) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body,"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        self._db.executemany(
            "INSERT INTO docs (id, title, body) VALUES (?, ?, ?)",
            [(d["id"], d.get("title") or "", d.get("body") or "") for d in articles],
        )

    def search(self, text: str, depth: int = DEPTH) -> list[str]:
        words = _WORD.findall(text.lower())
        if not words:
            return []
        return self.match(" OR ".join(f'"{w}"' for w in dict.fromkeys(words)), depth)

    def match(self, expression: str, depth: int = DEPTH) -> list[str]:
        """The ids an FTS5 MATCH expression finds, best bm25 first."""
        rows = self._db.execute(
            "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (expression, depth)
        ).fetchall()
        return [row[0] for row in rows]


class Bm25sBaseline:
    """bm25s on title + body, English Snowball stemmer (PyStemmer), English stopwords out."""

    name = "bm25s"

    def __init__(self, articles: list[dict[str, Any]]) -> None:
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self._stemmer = Stemmer.Stemmer("english")
        self._ids = [d["id"] for d in articles]
        corpus = [f"{d.get('title') or ''}\n{d.get('body') or ''}" for d in articles]
        tokens = bm25s.tokenize(corpus, stopwords="en", stemmer=self._stemmer, show_progress=False)
        self._retriever = bm25s.BM25()
        self._retriever.index(tokens, show_progress=False)

    def search(self, text: str, depth: int = DEPTH) -> list[str]:
        tokens = self._bm25s.tokenize([text], stopwords="en", stemmer=self._stemmer, show_progress=False)
        if not tokens.ids or not tokens.ids[0]:
            return []
        k = min(depth, len(self._ids))
        docs, scores = self._retriever.retrieve(tokens, k=k, show_progress=False)
        return [self._ids[int(i)] for i, s in zip(docs[0], scores[0], strict=True) if s > 0]


Searcher = Callable[[str], list[str]]
