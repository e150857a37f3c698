"""Engine time side by side: the same known-item searches through two or more checkouts of this repository.

    python bench/engine_time.py BEFORE_DIR AFTER_DIR [--runs 3] [--per-kind 100] [--seed 7] [--pin]

Issue 10 asks that the engine time per search be no worse than before (b050e66), `took` p50 side by side on the same
queries. Each checkout (a `git worktree` of a commit) indexes news-dev with its own code into a kept index
(`engine-time-<commit>-<corpus>`, reused when present; changes not committed get one of their own) and answers the
known-item queries of both generators (headline, words3, words2, misspelt, title_words: the kinds /search answers)
through its own `search_articles`, a page of 10, reranked when that code reranks. Each search's `took_ms` is recorded:
every engine request of the page the code counts (since session 9 the window, the page's highlights and, since session
16, the probe). The runs alternate between checkouts, so a machine getting busier slows each alike, and the engine's
request cache is cleared before each run. `--pin` puts the node's threads on the first CPU and the searches on the
second: the query is embedded in the function while the engine searches, and on one machine of two cores that
embedding slowed the engine's own `took` (on AWS they run on different machines); a code without the rerank has no
such cost. Needs OPENSEARCH_URL, or starts a node as `make bench-relevance` does. Prints p50 (ms) overall and by kind
for each run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
KINDS = ("headline", "words3", "words2", "misspelt", "title_words")
DEFAULT_SEED = 7  # not the relevance benchmark's: these queries time, they do not judge


def _one_run(code: Path, alias: str, queries_file: Path, url: str, corpus: Path) -> list[tuple[int, int]]:
    """(took_ms, every request's took summed) of each query, searched through the checkout at `code`, in a process of
    its own that has imported nothing of this repository (two checkouts' modules cannot share an interpreter). The
    second counts what took_ms leaves out: the questions a misspelt word asks of the vocabulary and did_you_mean's
    count."""
    sys.path[:0] = [str(code / "functions"), str(code / "cli"), str(code)]
    import inspect

    from opensearchpy import OpenSearch

    from archive_search.search import SearchRequest, search_articles
    from bench import relevance

    queries = json.loads(queries_file.read_text())
    engine = relevance.OurSearch(url, relevance.load_corpus(corpus), alias)
    OpenSearch(hosts=[url]).indices.clear_cache(index=alias, request=True)
    reranks = "encoder" in inspect.signature(search_articles).parameters
    sent: list[int] = []
    search = engine.client.search

    def counted(*args: Any, **kwargs: Any) -> Any:
        response = search(*args, **kwargs)
        sent.append(int(response.get("took", 0)))
        return response

    engine.client.search = counted  # type: ignore[method-assign]
    took: list[tuple[int, int]] = []
    for query in queries:
        sent.clear()
        request = SearchRequest(q=" ".join(query["text"].split()), size=10)
        page = (
            search_articles(engine.index, request, encoder=engine.encoder)
            if reranks
            else search_articles(engine.index, request)
        )
        took.append((page.took_ms, sum(sent)))
    return took


def _pin_node(url: str, cpus: str) -> None:
    """Every thread of the node's process on `cpus` (the node must run on this machine, as this user)."""
    from opensearchpy import OpenSearch

    nodes = OpenSearch(hosts=[url]).nodes.info(node_id="_local", metric="process")["nodes"]
    pid = next(iter(nodes.values()))["process"]["id"]
    subprocess.run(["taskset", "-a", "-p", "-c", cpus, str(pid)], check=True, stdout=subprocess.DEVNULL)


def index_alias(code: Path, corpus: Path) -> str:
    """The kept index of a checkout's code and a corpus: its commit, its changes not committed (a digest of `git diff
    HEAD`, when there are any) and the corpus file (path, size and time), so that other code or another corpus gets
    an index of its own."""
    git = ["git", "-C", str(code)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], check=True, capture_output=True, text=True)
    changes = subprocess.run([*git, "diff", "HEAD"], check=True, capture_output=True).stdout
    stat = corpus.resolve().stat()
    source = f"{corpus.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()
    label = commit.stdout.strip() + (f"+{hashlib.sha256(changes).hexdigest()[:8]}" if changes else "")
    return f"engine-time-{label}-{hashlib.sha256(source).hexdigest()[:8]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkouts", type=Path, nargs="*", help="directories of the commits to compare, in order")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-kind", type=int, default=100)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "data" / "news-dev.jsonl")
    parser.add_argument("--pin", action="store_true", help="the node on CPU 0, the searches on CPU 1 (taskset)")
    parser.add_argument("--one", nargs=3, metavar=("CODE", "ALIAS", "QUERIES"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        code, alias, queries_file = args.one
        print(json.dumps(_one_run(Path(code).resolve(), alias, Path(queries_file), args.url, args.corpus)))
        return 0
    if not args.checkouts:
        parser.error("give the directories of the checkouts to compare")
    sys.path.insert(0, str(REPO))
    from bench.relevance import build_queries, load_corpus, opensearch_url

    corpus = load_corpus(args.corpus)
    queries: list[dict[str, Any]] = [
        {"text": q.text, "kind": q.kind}
        for generator in ("tfidf", "random")
        for q in build_queries(corpus, args.seed, args.per_kind, generator)
        if q.kind in KINDS
    ]
    with opensearch_url() as url, tempfile.TemporaryDirectory() as tmp:
        queries_file = Path(tmp) / "queries.json"
        queries_file.write_text(json.dumps(queries))
        pin: list[str] = []
        if args.pin:
            _pin_node(url, "0")
            pin = ["taskset", "-c", "1"]
        try:
            _alternate(args.checkouts, args.runs, pin, queries, queries_file, url, args.corpus)
        finally:
            if args.pin:
                _pin_node(url, f"0-{(os.cpu_count() or 1) - 1}")
    return 0


def _alternate(
    checkouts: list[Path],
    runs: int,
    pin: list[str],
    queries: list[dict[str, Any]],
    queries_file: Path,
    url: str,
    corpus: Path,
) -> None:
    """`runs` rounds of one run a checkout, each in a process of its own; prints each run's p50s."""
    aliases = {code: index_alias(code, corpus) for code in checkouts}
    for run in range(1, runs + 1):
        for code, alias in aliases.items():
            command = [*pin, sys.executable, str(Path(__file__).resolve()), "--one", str(code), alias]
            command += [str(queries_file), "--url", url, "--corpus", str(corpus)]
            done = subprocess.run(command, capture_output=True, text=True, env=os.environ)
            if done.returncode:
                raise RuntimeError(f"{code}'s run failed:\n{done.stderr[-2000:]}")
            output = done.stdout
            took = json.loads(output.strip().splitlines()[-1])
            for name, column in (("took_ms", 0), ("every request", 1)):
                by_kind: dict[str, list[int]] = defaultdict(list)
                for query, ms in zip(queries, took, strict=True):
                    by_kind[query["kind"]].append(ms[column])
                kinds = ", ".join(f"{kind} {statistics.median(by_kind[kind])}" for kind in KINDS)
                overall = statistics.median(ms[column] for ms in took)
                print(f"run {run} {alias} {name}: p50 {overall} ms ({kinds})", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
