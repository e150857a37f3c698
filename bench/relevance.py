"""Relevance benchmark: real test collections first, known-item queries as guards; ours beside plain BM25.

    make bench-relevance                       # every collection under ../shared/data/relevance, then news-dev
    python bench/relevance.py [--collections DIR] [--corpus FILE] [--seed N] [--per-kind N] [--queries FILE]

1. Real test collections (bench/judged.py: real queries, human judgments). Each collection is indexed by the
   production rebuild into its own index and every judged query runs through `search_articles` as typed (pages of
   50 up to depth 100). Reported per collection: nDCG@10, MAP@100, recall@100 and judged queries with no result,
   for ours and for the plain baselines on the same documents and queries (SQLite FTS5 bm25 and bm25s), with the
   paired randomization test of ours against each, and the engine's `took` per search (p50).

2. Known-item guards on a news corpus, from two independent query generators:
   tfidf   the words of each query are drawn from the article's ten highest tf-idf body words (4+ letters, not
           stopwords, not in the headline): the generator the bars were set on
   random  the words are drawn uniformly from the article's distinct body words (4+ letters, not stopwords, not in
           the headline): no ranking feature can pick the same words as this generator does
   Kinds: headline (the title as typed), words3 / words2 (three / two such words), misspelt (two such words of 5+
   letters, each changed by one random edit), prefix (the title's first word and half of its second, on
   /suggest: a hit when in the top 5), title_words (two words of the title: no bar). Articles whose title another
   article shares are not sampled for headline and prefix. --queries FILE runs a held-out set instead (JSON list of
   {kind, text, target}).
   Beside ours and FTS5, "best possible": the expected MRR@10 of the best ranking there is on the body-word kinds,
   knowing the generator's rule (`best_possible`); it shows which bars a generator leaves within reach.

Results: tables on stdout, bench/results/relevance.json, the README's table between its bench-relevance markers,
and bench/results/relevance.png (ours vs the baselines on each collection).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import math
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable as it is under pytest
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import judged
from bench.markers import write_between_markers

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news-dev.jsonl"
DEFAULT_COLLECTIONS = REPO.parent / "shared" / "data" / "relevance"
RESULTS = REPO / "bench" / "results" / "relevance.json"
CHART = REPO / "bench" / "results" / "relevance.png"
README = REPO / "README.md"
README_START, README_END = "<!-- bench-relevance:start -->", "<!-- bench-relevance:end -->"
DEFAULT_SEED = 20261128
KINDS = ("headline", "words3", "words2", "misspelt", "prefix", "title_words")
GENERATORS = ("tfidf", "random")
BAR = {"headline": 0.99, "words3": 0.97, "words2": 0.88, "misspelt": 0.75, "prefix": 0.90}
COLLECTION_BAR = 1.03  # nDCG@10 of ours over the best plain baseline
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
    generator: str = "held-out"
    drawn: tuple[str, ...] = ()  # the body words the generator drew, before any misspelling (none when held out)


# --- corpus and known-item queries -------------------------------------------------------------------------------


def load_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _candidates(doc: dict[str, Any], df: Counter[str], n_docs: int, min_len: int, generator: str) -> list[str]:
    """The body words a generator may draw from: tfidf keeps the ten highest tf-idf, random keeps them all."""
    title_words = {w.lower() for w in WORD.findall(doc["title"])}
    tf = Counter(w.lower() for w in WORD.findall(doc["body"]))
    words = [w for w in tf if len(w) >= min_len and w not in STOPWORDS and w not in title_words]
    if generator == "random":
        return sorted(words)
    scored = sorted(((tf[w] * math.log(n_docs / df[w]), w) for w in words), reverse=True)
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


def build_queries(corpus: list[dict[str, Any]], seed: int, per_kind: int, generator: str = "tfidf") -> list[Query]:
    """Known-item queries, deterministic for (seed, generator); the tfidf stream is the one the bars were set on."""
    rng = random.Random(seed if generator == "tfidf" else f"{seed}-{generator}")
    df: Counter[str] = Counter()
    for doc in corpus:
        df.update({w.lower() for w in WORD.findall(doc["body"])})
    titles = Counter(doc["title"].strip().casefold() for doc in corpus)
    unique_titles = [doc for doc in corpus if titles[doc["title"].strip().casefold()] == 1]
    per_kind = min(per_kind, len(unique_titles))
    queries: list[Query] = []
    for doc in rng.sample(unique_titles, per_kind):
        queries.append(Query("headline", doc["title"], doc["id"], generator))
    for kind, count, min_len in (("words3", 3, 4), ("words2", 2, 4), ("misspelt", 2, 5)):
        made = 0
        for doc in rng.sample(corpus, len(corpus)):
            if made == per_kind:
                break
            words = _candidates(doc, df, len(corpus), min_len, generator)
            if len(words) < count:
                continue
            drawn = rng.sample(words, count)
            picked = [_misspell(word, rng) for word in drawn] if kind == "misspelt" else drawn
            queries.append(Query(kind, " ".join(picked), doc["id"], generator, tuple(drawn)))
            made += 1
    made = 0
    for doc in rng.sample(unique_titles, len(unique_titles)):
        if made == per_kind:
            break
        words = doc["title"].split()
        if len(words) < 2:
            continue
        second = words[1]
        queries.append(Query("prefix", f"{words[0]} {second[: math.ceil(len(second) / 2)]}", doc["id"], generator))
        made += 1
    title_seed = seed + 1 if generator == "tfidf" else f"{seed}-{generator}-title"
    queries += _title_word_queries(unique_titles, random.Random(title_seed), per_kind, generator)
    return queries


def _title_word_queries(
    unique_titles: list[dict[str, Any]], rng: random.Random, count: int, generator: str
) -> list[Query]:
    """Two words of the headline: a guard that body-word ranking does not bury headline matches (no bar)."""
    queries: list[Query] = []
    for doc in rng.sample(unique_titles, len(unique_titles)):
        if len(queries) == count:
            break
        words = [w for w in WORD.findall(doc["title"]) if len(w) >= 4 and w.lower() not in STOPWORDS]
        if len(words) >= 2:
            queries.append(Query("title_words", " ".join(rng.sample(words, 2)), doc["id"], generator))
    return queries


DRAWN_WORDS = {"words3": (3, 4), "words2": (2, 4), "misspelt": (2, 5)}  # kind: (words drawn, fewest letters)


def best_possible(corpus: list[dict[str, Any]], queries: list[Query]) -> dict[str, dict[str, float]]:
    """The MRR@10 of the best ranking there is on the body-word kinds, per generator and kind: the articles ranked by
    their posterior probability of being the target, knowing the generator's rule and the words it drew. No ranking
    beats it in expectation over the generator's draws (one sample of queries may favour another by chance).

    The generators pick an article uniformly, then `count` of its candidate words (`_candidates`) uniformly, so
    P(article | words) is proportional to 1 / C(candidates, count) for each article whose candidates hold every word,
    0 for any other (Bayes' rule); equal posteriors are ordered at random (the expected reciprocal rank is counted).
    Exact for words3 and words2, whose query is the words drawn; for misspelt an upper bound, since the words as
    drawn are known here and not to a search engine. Queries without drawn words (a held-out set) are left out.
    Returns {generator: {kind: MRR@10}}.
    """
    df: Counter[str] = Counter()
    for doc in corpus:
        df.update({w.lower() for w in WORD.findall(doc["body"])})
    rows: dict[str, dict[str, list[float]]] = {}
    postings: dict[tuple[str, int], tuple[dict[str, int], dict[str, set[str]]]] = {}
    for query in queries:
        if query.kind not in DRAWN_WORDS or not query.drawn:
            continue
        count, min_len = DRAWN_WORDS[query.kind]
        key = (query.generator, min_len)
        if key not in postings:
            sizes: dict[str, int] = {}
            holding: dict[str, set[str]] = {}
            for doc in corpus:
                words = _candidates(doc, df, len(corpus), min_len, query.generator)
                sizes[doc["id"]] = len(words)
                for word in words:
                    holding.setdefault(word, set()).add(doc["id"])
            postings[key] = (sizes, holding)
        sizes, holding = postings[key]
        ids = set.intersection(*(holding[word] for word in query.drawn))
        weight = {doc_id: 1 / math.comb(sizes[doc_id], count) for doc_id in ids}
        target = weight[query.target]
        above = sum(1 for w in weight.values() if w > target and not math.isclose(w, target))
        ties = sum(1 for w in weight.values() if math.isclose(w, target))
        reciprocal = sum(1 / (above + i) for i in range(1, ties + 1) if above + i <= 10) / ties
        rows.setdefault(query.generator, {}).setdefault(query.kind, []).append(reciprocal)
    return {g: {kind: round(sum(r) / len(r), 4) for kind, r in kinds.items()} for g, kinds in rows.items()}


def score(queries: list[Query], ranked_for: Callable[[Query], list[str]]) -> dict[str, dict[str, float]]:
    """MRR@10, hit@10 and hit@5 per kind."""
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


class KnownItemFts5:
    """The plain baseline for known-item queries: SQLite FTS5 bm25, OR of the words; prefix as title prefix."""

    def __init__(self, corpus: list[dict[str, Any]]) -> None:
        self._fts5 = judged.Fts5Baseline(corpus)

    def search(self, query: Query) -> list[str]:
        if query.kind != "prefix":
            return self._fts5.search(query.text, depth=10)
        words = re.findall(r"\w+", query.text.lower())
        if not words:
            return []
        *complete, last = words
        match = " AND ".join([*(f'title:"{w}"' for w in complete), f'title:"{last}"*'])
        return self._fts5.match(match, depth=10)


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

        # Uploaded now: an article dated after its upload is rejected (parsing.refuse_future_date).
        uploaded_ms = int(time.time() * 1000)
        self._articles = {
            doc["id"]: article_from_upload(
                doc["id"],
                Upload(f"incoming/{doc['id']}.json", json.dumps(doc).encode(), etag="", last_modified_ms=uploaded_ms),
            )
            for doc in corpus
        }

    def list_ids(self) -> Iterator[str]:
        return iter(self._articles)

    def get_many(self, article_ids: Iterable[str]) -> Iterator[Any]:
        return (self._articles[article_id] for article_id in article_ids)


@functools.cache
def text_encoder() -> Any:
    """The production encoder, from the model `make` fetched (fetched now if it is not there yet)."""
    from archive_search.adapters.text_encoder import MiniLMEncoder
    from archive_search_cli.text_model import ensure_model

    return MiniLMEncoder(ensure_model())


class OurSearch:
    """The corpus indexed by the production rebuild into its own alias, searched through the domain functions."""

    def __init__(self, url: str, corpus: list[dict[str, Any]], keep: str | None = None) -> None:
        from opensearchpy import OpenSearch

        from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
        from archive_search.adapters.opensearch_index import OpenSearchArticleIndex
        from archive_search.operations import reindex

        self.client = OpenSearch(hosts=[url], timeout=120)
        self.took_ms: list[int] = []
        # The first engine request of a search that asks for hits is the one that ranks (the reranked window): a
        # short query's probe (size 0) comes before it, the page's articles and their highlights after. Its time
        # alone compares with figures measured before took_ms summed them.
        self.ranking_took_ms: list[int] = []
        self.keep = keep is not None
        self.alias = keep or f"bench-relevance-{uuid.uuid4().hex[:8]}"
        self.encoder = text_encoder()
        self.index = OpenSearchArticleIndex(self.client, self.alias, self.encoder)
        self._tooks: list[tuple[int, int]] = []  # (hits asked for, took) of each request of a search
        self._search = self.index.search
        self.index.search = self._timed_search  # type: ignore[method-assign]
        if self.keep and self.client.indices.exists_alias(name=self.alias):
            return
        result = reindex(CorpusArchive(corpus), OpenSearchIndexAdmin(self.client, self.alias, self.encoder))
        if result.failures:
            raise RuntimeError(f"{len(result.failures)} articles failed to index: {list(result.failures.items())[:3]}")

    def _timed_search(self, body: dict[str, Any], *args: Any, **kwargs: Any) -> dict[str, Any]:
        response: dict[str, Any] = self._search(body, *args, **kwargs)
        self._tooks.append((int(kwargs.get("size", 0)), int(response.get("took", 0))))
        return response

    def search(self, query: Query) -> list[str]:
        from archive_search.suggest import suggest_titles

        if query.kind == "prefix":
            return [s.id for s in suggest_titles(self.index, query.text).suggestions]
        return self.ranked(query.text, depth=10)

    def ranked(self, text: str, depth: int, ranking: Any = None) -> list[str]:
        """The ids /search answers for text, best first, up to depth (pages of 50, as a reader could page)."""
        from archive_search.search import MAX_PAGE_SIZE, SearchRequest, search_articles

        ids: list[str] = []
        size = min(depth, MAX_PAGE_SIZE)
        for page in range(1, -(-depth // size) + 1):
            request = SearchRequest(q=" ".join(text.split()), size=size, page=page)
            self._tooks.clear()
            result = search_articles(self.index, request, ranking, encoder=self.encoder)
            if page == 1:
                self.took_ms.append(result.took_ms)
                self.ranking_took_ms.append(next(took for asked, took in self._tooks if asked))
            ids += [hit.id for hit in result.results]
            if len(result.results) < size:
                break
        return ids[:depth]

    def close(self) -> None:
        if not self.keep:
            self.client.indices.delete(index=f"{self.alias}-*", ignore_unavailable=True)


# --- the two parts -----------------------------------------------------------------------------------------------


def run_collections(url: str, root: Path, keep_prefix: str | None = None) -> dict[str, Any]:
    """Every collection under root: ours and the baselines, metrics, significance, engine time."""
    results: dict[str, Any] = {}
    for folder in judged.find_collections(root):
        collection = judged.load_collection(folder)
        baselines: dict[str, judged.Searcher] = {
            "fts5": judged.Fts5Baseline(collection.articles).search,
            "bm25s": judged.Bm25sBaseline(collection.articles).search,
        }
        engine = OurSearch(url, collection.articles, f"{keep_prefix}-{collection.name}" if keep_prefix else None)
        try:
            evaluations = {
                "ours": judged.evaluate(
                    collection, {q: engine.ranked(t, judged.DEPTH) for q, t in collection.queries.items()}
                )
            }
        finally:
            engine.close()
        for name, search in baselines.items():
            evaluations[name] = judged.evaluate(collection, {q: search(t) for q, t in collection.queries.items()})
        best = max(baselines, key=lambda name: evaluations[name].ndcg10)
        ours = evaluations["ours"]
        results[collection.name] = {
            "documents": len(collection.articles),
            "judged_queries": len(collection.queries),
            **{name: evaluation.row() for name, evaluation in evaluations.items()},
            "p_vs": {
                name: round(judged.randomization_test(ours.per_query_ndcg, evaluations[name].per_query_ndcg), 4)
                for name in baselines
            },
            "best_baseline": best,
            "ratio_to_best": round(ours.ndcg10 / evaluations[best].ndcg10, 4),
            **_took(engine),
        }
    return results


def run_known_items(url: str, corpus: list[dict[str, Any]], queries: list[Query], keep: str | None) -> dict[str, Any]:
    baseline = KnownItemFts5(corpus)
    engine = OurSearch(url, corpus, keep)
    try:
        ranked = {q: engine.search(q) for q in queries}
    finally:
        engine.close()
    results: dict[str, Any] = {}
    for generator in dict.fromkeys(q.generator for q in queries):
        subset = [q for q in queries if q.generator == generator]
        results[generator] = {
            "ours": score(subset, lambda q: ranked[q]),
            "fts5": score(subset, baseline.search),
        }
    for generator, kinds in best_possible(corpus, queries).items():
        results[generator]["best_possible"] = kinds
    results.update(_took(engine))
    return results


def _took(engine: OurSearch) -> dict[str, float | None]:
    """p50 of the engine's time (ms): every request of a search's first page, and its ranking request alone."""
    return {
        "took_ms_p50": statistics.median(engine.took_ms) if engine.took_ms else None,
        "ranking_took_ms_p50": statistics.median(engine.ranking_took_ms) if engine.ranking_took_ms else None,
    }


# --- report ------------------------------------------------------------------------------------------------------


def collections_table(results: dict[str, Any]) -> str:
    lines = [
        "| collection | judged queries | nDCG@10 ours | FTS5 | bm25s | ours ÷ best | p (vs FTS5, bm25s) "
        "| MAP@100 ours / FTS5 / bm25s | recall@100 ours / FTS5 / bm25s | no result (ours) "
        "| took p50: ranking request / page |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: | ---: |",
    ]
    for name, r in results.items():
        ok = "ok" if r["ratio_to_best"] >= COLLECTION_BAR else "BELOW"
        lines.append(
            f"| {name} | {r['judged_queries']} | {r['ours']['ndcg@10']:.3f} | {r['fts5']['ndcg@10']:.3f} "
            f"| {r['bm25s']['ndcg@10']:.3f} | {r['ratio_to_best']:.3f} ({ok}) "
            f"| {r['p_vs']['fts5']:.3f}, {r['p_vs']['bm25s']:.3f} "
            f"| {r['ours']['map@100']:.3f} / {r['fts5']['map@100']:.3f} / {r['bm25s']['map@100']:.3f} "
            f"| {r['ours']['recall@100']:.3f} / {r['fts5']['recall@100']:.3f} / {r['bm25s']['recall@100']:.3f} "
            f"| {r['ours']['zero_results']} | {r['ranking_took_ms_p50']} / {r['took_ms_p50']} ms |"
        )
    return "\n".join(lines)


def known_item_table(results: dict[str, Any]) -> str:
    generators = [g for g in results if not g.endswith("took_ms_p50")]
    head = " | ".join(f"{g}: ours | {g}: FTS5 | {g}: best possible" for g in generators)
    lines = [f"| kind | {head} | bar |", "| --- |" + " ---: |" * (3 * len(generators)) + " --- |"]
    for kind in KINDS:
        metric = "hit@5" if kind == "prefix" else "mrr@10"
        cells = []
        verdicts = []
        for g in generators:
            ours, base = results[g]["ours"].get(kind), results[g]["fts5"].get(kind)
            if ours is None:
                cells += ["—", "—", "—"]
                continue
            best = results[g].get("best_possible", {}).get(kind)
            cells += [f"{ours[metric]:.3f}", f"{base[metric]:.3f}", "—" if best is None else f"{best:.3f}"]
            if kind in BAR:
                verdicts.append(ours[metric] >= BAR[kind])
        bar = f"{metric} ≥ {BAR[kind]} {'ok' if all(verdicts) else 'BELOW'}" if kind in BAR else "none (guard)"
        lines.append(f"| {kind} | " + " | ".join(cells) + f" | {bar} |")
    return "\n".join(lines)


def write_chart(results: dict[str, Any], path: Path) -> None:
    """nDCG@10 of ours and of each baseline, one group of bars per collection."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results)
    systems = [("ours", "ours"), ("fts5", "SQLite FTS5 bm25"), ("bm25s", "bm25s")]
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=120)
    width = 0.26
    for i, (key, label) in enumerate(systems):
        values = [results[n][key]["ndcg@10"] for n in names]
        bars = ax.bar([x + (i - 1) * width for x in range(len(names))], values, width, label=label)
        ax.bar_label(bars, fmt="%.3f", fontsize=7)
    ax.set_xticks(range(len(names)), [f"{n} ({results[n]['judged_queries']} queries)" for n in names])
    ax.set_ylabel("nDCG@10")
    ax.set_ylim(0, 1)
    ax.set_title("Real queries, human judgments: ours vs plain BM25")
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--collections", type=Path, default=DEFAULT_COLLECTIONS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-kind", type=int, default=400)
    parser.add_argument("--generators", default=",".join(GENERATORS), help="comma-separated: tfidf, random")
    parser.add_argument("--queries", type=Path, help="a JSON list of {kind, text, target} to run instead")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--chart", type=Path, default=CHART)
    parser.add_argument("--readme", type=Path, default=README, help="where to write the table (between the markers)")
    parser.add_argument("--keep-index", metavar="PREFIX", help="index into PREFIX-* and keep it (reused when present)")
    parser.add_argument("--show-misses", type=int, default=0, help="print up to N missed queries per kind")
    args = parser.parse_args(argv)
    has_collections = bool(judged.find_collections(args.collections)) if args.collections.exists() else False
    if not has_collections and not args.corpus.exists():
        print(
            "skipped: neither the collections nor the corpus are here (benchmarks read ../shared/data)", file=sys.stderr
        )
        return 0
    report: dict[str, Any] = {"seed": args.seed, "bar": BAR, "collection_bar": COLLECTION_BAR}
    text: list[str] = []
    with opensearch_url() as url:
        if has_collections:
            report["collections"] = run_collections(url, args.collections, args.keep_index)
            text += [
                "Real test collections (nDCG@10; p: paired randomization test):",
                "",
                collections_table(report["collections"]),
                "",
            ]
        if args.corpus.exists():
            corpus = load_corpus(args.corpus)
            if args.queries:
                rows = json.loads(args.queries.read_text(encoding="utf-8"))
                queries = [Query(**{**row, "drawn": tuple(row.get("drawn", ()))}) for row in rows]
            else:
                queries = [
                    q
                    for g in args.generators.split(",")
                    for q in build_queries(corpus, args.seed, args.per_kind, g.strip())
                ]
            keep = f"{args.keep_index}-corpus" if args.keep_index else None
            report["known_item"] = run_known_items(url, corpus, queries, keep)
            report["corpus"] = {"file": args.corpus.name, "articles": len(corpus), "queries": len(queries)}
            text += [
                f"Known-item guards on {args.corpus.name} ({len(corpus)} articles, seed {args.seed}, "
                f"MRR@10, prefix hit@5):",
                "",
                known_item_table(report["known_item"]),
            ]
            if args.show_misses:
                _print_misses(url, corpus, queries, keep, args.show_misses)
    print("\n".join(text))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if "collections" in report:
        write_chart(report["collections"], args.chart)
    write_between_markers(args.readme, README_START, README_END, "\n".join(text))
    return 0


def _print_misses(url: str, corpus: list[dict[str, Any]], queries: list[Query], keep: str | None, n: int) -> None:
    by_id = {doc["id"]: doc for doc in corpus}
    engine = OurSearch(url, corpus, keep)
    try:
        for kind in KINDS:
            misses = [q for q in queries if q.kind == kind and engine.search(q)[:1] != [q.target]][:n]
            for q in misses:
                print(f"  {q.generator} {kind}: {q.text!r} -> want {q.target} ({by_id[q.target]['title']!r})")
    finally:
        engine.close()


if __name__ == "__main__":
    sys.exit(main())
