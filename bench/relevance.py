"""Relevance benchmark: known-item queries built from a news corpus, our /search and /suggest vs plain BM25.

    make bench-relevance                       # news-dev.jsonl, seed 20261128, 400 queries per kind
    python bench/relevance.py --corpus FILE --seed N --per-kind N [--queries FILE]

Queries (for each sampled article, deterministic for a seed):
  headline   the article's title as typed
  words3     three distinctive words of the body (among its ten of highest tf-idf, 4+ letters, not in the title)
  words2     two such words
  misspelt   two such words (5+ letters), each changed by one random edit (insert, delete, replace, swap)
  prefix     the title's first word and half of its second (for /suggest; a hit when it is in the top 5)
  title_words  two words of the title (4+ letters): no bar in the issue; a guard against burying headline
             matches, drawn from a separate random stream so the kinds above are as they were

Articles whose title is shared by another article are not sampled for headline and prefix queries (the query
cannot tell them apart). Each line is parsed as the ingest function parses an uploaded JSON article, and the
corpus is indexed by the production rebuild (operations.reindex: the mapping, each
article's keywords from the whole index's statistics, the alias swap) into a temporary index on OPENSEARCH_URL
(or a node started for the run), queried through the domain functions the Lambda runs (search_articles,
suggest_titles), and through SQLite FTS5's bm25 (porter stemmer, title and body columns) as
the plain baseline. Results: a table on stdout and bench/results/relevance.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news-dev.jsonl"
RESULTS = REPO / "bench" / "results" / "relevance.json"
DEFAULT_SEED = 20261128
KINDS = ("headline", "words3", "words2", "misspelt", "prefix", "title_words")
BAR = {"headline": 0.99, "words3": 0.97, "words2": 0.88, "misspelt": 0.75, "prefix": 0.90}
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own said same she should so some such than that
    the their theirs them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself yourselves mr mrs ms
    one two three four five six seven eight nine ten year years says say told new also last first people"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    target: str


# --- corpus and queries ------------------------------------------------------------------------------------------


def load_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _distinctive(doc: dict[str, Any], df: Counter[str], n_docs: int, min_len: int) -> list[str]:
    """The body's words a reader would remember: its ten highest tf-idf words that are not in the headline."""
    title_words = {w.lower() for w in WORD.findall(doc["title"])}
    tf = Counter(w.lower() for w in WORD.findall(doc["body"]))
    scored = [
        (count * math.log(n_docs / df[word]), word)
        for word, count in tf.items()
        if len(word) >= min_len and word not in STOPWORDS and word not in title_words
    ]
    scored.sort(reverse=True)
    return [word for _score, word in scored[:10]]


def _misspell(word: str, rng: random.Random) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(20):
        i = rng.randrange(len(word))
        edit = rng.choice(("insert", "delete", "replace", "swap"))
        if edit == "insert":
            out = word[:i] + rng.choice(letters) + word[i:]
        elif edit == "delete":
            out = word[:i] + word[i + 1 :]
        elif edit == "replace":
            out = word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1 :]
        else:
            if i == len(word) - 1 or word[i] == word[i + 1]:
                continue
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if out != word:
            return out
    return word


def build_queries(corpus: list[dict[str, Any]], seed: int, per_kind: int) -> list[Query]:
    rng = random.Random(seed)
    df: Counter[str] = Counter()
    for doc in corpus:
        df.update({w.lower() for w in WORD.findall(doc["body"])})
    titles = Counter(doc["title"].strip().casefold() for doc in corpus)
    unique_titles = [doc for doc in corpus if titles[doc["title"].strip().casefold()] == 1]
    queries: list[Query] = []
    for doc in rng.sample(unique_titles, per_kind):
        queries.append(Query("headline", doc["title"], doc["id"]))
    for kind, count, min_len in (("words3", 3, 4), ("words2", 2, 4), ("misspelt", 2, 5)):
        made = 0
        for doc in rng.sample(corpus, len(corpus)):
            if made == per_kind:
                break
            words = _distinctive(doc, df, len(corpus), min_len)
            if len(words) < count:
                continue
            picked = rng.sample(words, count)
            if kind == "misspelt":
                picked = [_misspell(word, rng) for word in picked]
            queries.append(Query(kind, " ".join(picked), doc["id"]))
            made += 1
    made = 0
    for doc in rng.sample(unique_titles, len(unique_titles)):
        if made == per_kind:
            break
        words = doc["title"].split()
        if len(words) < 2:
            continue
        second = words[1]
        queries.append(Query("prefix", f"{words[0]} {second[: math.ceil(len(second) / 2)]}", doc["id"]))
        made += 1
    queries += _title_word_queries(unique_titles, random.Random(seed + 1), per_kind)
    return queries


def _title_word_queries(unique_titles: list[dict[str, Any]], rng: random.Random, count: int) -> list[Query]:
    """Two words of the headline: a guard that body-word ranking does not bury headline matches (no bar).

    Drawn from their own random stream, so adding them left the other kinds' queries unchanged.
    """
    queries: list[Query] = []
    for doc in rng.sample(unique_titles, len(unique_titles)):
        if len(queries) == count:
            break
        words = [w for w in WORD.findall(doc["title"]) if len(w) >= 4 and w.lower() not in STOPWORDS]
        if len(words) >= 2:
            queries.append(Query("title_words", " ".join(rng.sample(words, 2)), doc["id"]))
    return queries


# --- scoring -----------------------------------------------------------------------------------------------------


def score(queries: list[Query], ranked_for: Callable[[Query], list[str]]) -> dict[str, dict[str, float]]:
    per_kind: dict[str, list[tuple[float, bool, bool]]] = {}
    for query in queries:
        ranked = ranked_for(query)[:10]
        rank = ranked.index(query.target) + 1 if query.target in ranked else None
        per_kind.setdefault(query.kind, []).append(
            (1 / rank if rank else 0.0, rank is not None, rank is not None and rank <= 5)
        )
    return {
        kind: {
            "mrr@10": round(sum(r for r, _h, _h5 in rows) / len(rows), 4),
            "hit@10": round(sum(h for _r, h, _h5 in rows) / len(rows), 4),
            "hit@5": round(sum(h5 for _r, _h, h5 in rows) / len(rows), 4),
            "queries": len(rows),
        }
        for kind, rows in per_kind.items()
    }


# --- baseline: SQLite FTS5 bm25 ----------------------------------------------------------------------------------


class Fts5Baseline:
    def __init__(self, corpus: list[dict[str, Any]]) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body,"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        self._db.executemany(
            "INSERT INTO docs (id, title, body) VALUES (?, ?, ?)", [(d["id"], d["title"], d["body"]) for d in corpus]
        )

    def search(self, query: Query) -> list[str]:
        words = [w for w in re.findall(r"\w+", query.text.lower())]
        if not words:
            return []
        if query.kind == "prefix":
            *complete, last = words
            match = " AND ".join([*(f'title:"{w}"' for w in complete), f'title:"{last}"*'])
        else:
            match = " OR ".join(f'"{w}"' for w in words)
        rows = self._db.execute(
            "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10", (match,)
        ).fetchall()
        return [row[0] for row in rows]


# --- ours: the production mapping and domain functions on a real node --------------------------------------------


@contextlib.contextmanager
def opensearch_url() -> Iterator[str]:
    """OPENSEARCH_URL, else a node started for the run (the launcher the tests and `make run` use)."""
    from archive_search_cli.opensearch_node import free_port, opensearch_for_tests_or_local

    data_dir = Path(tempfile.mkdtemp(prefix="archive-search-bench-os-"))
    try:
        with opensearch_for_tests_or_local(data_dir, free_port()) as url:
            yield url
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


class CorpusArchive:
    """The corpus as the archive `reindex` reads from: each line parsed as the ingest function parses an upload."""

    def __init__(self, corpus: list[dict[str, Any]]) -> None:
        from archive_search.ingest import article_from_upload
        from archive_search.models import Upload

        self._articles = {
            doc["id"]: article_from_upload(
                doc["id"], Upload(f"incoming/{doc['id']}.json", json.dumps(doc).encode(), etag="", last_modified_ms=0)
            )
            for doc in corpus
        }

    def list_ids(self) -> Iterator[str]:
        return iter(self._articles)

    def get_many(self, article_ids: Iterable[str]) -> Iterator[Any]:
        return (self._articles[article_id] for article_id in article_ids)


class OurSearch:
    def __init__(self, url: str, corpus: list[dict[str, Any]], keep: str | None = None) -> None:
        from opensearchpy import OpenSearch

        from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
        from archive_search.adapters.opensearch_index import OpenSearchArticleIndex
        from archive_search.operations import reindex

        self.client = OpenSearch(hosts=[url], timeout=120)
        self.keep = keep is not None
        self.alias = keep or f"bench-relevance-{uuid.uuid4().hex[:8]}"
        self.index = OpenSearchArticleIndex(self.client, self.alias)
        if self.keep and self.client.indices.exists_alias(name=self.alias):
            return
        # The production rebuild: load, keywords from the whole index's statistics, alias swap.
        result = reindex(CorpusArchive(corpus), OpenSearchIndexAdmin(self.client, self.alias))
        if result.failures:
            raise RuntimeError(f"{len(result.failures)} articles failed to index: {list(result.failures.items())[:3]}")

    def search(self, query: Query) -> list[str]:
        from archive_search.search import SearchRequest, search_articles
        from archive_search.suggest import suggest_titles

        if query.kind == "prefix":
            return [s.id for s in suggest_titles(self.index, query.text)]
        page = search_articles(self.index, SearchRequest(q=query.text, size=10))
        return [hit.id for hit in page.results]

    def close(self) -> None:
        if self.keep:
            return
        self.client.indices.delete(index=f"{self.alias}-*", ignore_unavailable=True)


# --- report ------------------------------------------------------------------------------------------------------


def table(ours: dict[str, dict[str, float]], baseline: dict[str, dict[str, float]]) -> str:
    lines = [
        "| kind | queries | ours MRR@10 | ours hit@10 | ours hit@5 | BM25 MRR@10 | BM25 hit@10 | BM25 hit@5 | bar |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for kind in KINDS:
        if kind not in ours:
            continue
        o, b = ours[kind], baseline[kind]
        metric = "hit@5" if kind == "prefix" else "mrr@10"
        bar = f"{metric} ≥ {BAR[kind]} {'ok' if o[metric] >= BAR[kind] else 'BELOW'}" if kind in BAR else "none (guard)"
        lines.append(
            f"| {kind} | {o['queries']} | {o['mrr@10']:.3f} | {o['hit@10']:.3f} | {o['hit@5']:.3f} "
            f"| {b['mrr@10']:.3f} | {b['hit@10']:.3f} | {b['hit@5']:.3f} | {bar} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-kind", type=int, default=400)
    parser.add_argument("--queries", type=Path, help="a JSON list of {kind, text, target} to run instead")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--keep-index", metavar="ALIAS", help="index into ALIAS and keep it (reused when present)")
    parser.add_argument("--show-misses", type=int, default=0, help="print up to N missed queries per kind")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: the corpus {args.corpus} is absent (benchmarks read ../shared/data)", file=sys.stderr)
        return 0
    corpus = load_corpus(args.corpus)
    if args.queries:
        queries = [Query(**row) for row in json.loads(args.queries.read_text(encoding="utf-8"))]
    else:
        queries = build_queries(corpus, args.seed, args.per_kind)
    baseline_engine = Fts5Baseline(corpus)
    baseline = score(queries, baseline_engine.search)
    with opensearch_url() as url:
        started = time.perf_counter()
        ours_engine = OurSearch(url, corpus, args.keep_index)
        indexed_s = time.perf_counter() - started
        try:
            started = time.perf_counter()
            ranked: dict[Query, list[str]] = {q: ours_engine.search(q) for q in queries}
            query_ms = (time.perf_counter() - started) * 1000 / len(queries)
        finally:
            ours_engine.close()
    ours = score(queries, lambda q: ranked[q])
    print(f"corpus {args.corpus.name}: {len(corpus)} articles, seed {args.seed}, {len(queries)} queries")
    print(f"indexed in {indexed_s:.0f} s; {query_ms:.1f} ms per query\n")
    print(table(ours, baseline))
    if args.show_misses:
        by_id = {doc["id"]: doc for doc in corpus}
        for kind in KINDS:
            misses = [q for q in queries if q.kind == kind and ranked[q][:1] != [q.target]][: args.show_misses]
            for q in misses:
                got = ranked[q][:3]
                print(f"  {kind}: {q.text!r} -> want {q.target} ({by_id[q.target]['title']!r}), got {got}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "corpus": args.corpus.name,
                "articles": len(corpus),
                "seed": args.seed,
                "bar": BAR,
                "ours": ours,
                "baseline_fts5_bm25": baseline,
                "ms_per_query": round(query_ms, 1),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
