"""Performance benchmark: ingest vs raw `_bulk`, search handler vs its engine requests, cold starts, load on the
local HTTP API, package sizes and a cost estimate.

    make bench                                   # news-large capped at BENCH_LARGE_ARTICLES (Makefile), ~15 min
    make bench BENCH_LARGE_ARTICLES=all          # all of news-large through the ingest path (about 45 min here)
    python bench/perf.py [--large-articles N|all] [--load-seconds S] [--clients 1,8,32] ...

For each corpus (news-dev, then news-large) on one OpenSearch node started for the run:
1. `archive-search serve` is started against that node (OPENSEARCH_URL), the corpus is uploaded to its uploads bucket
   as one JSON file per article, and the time until the index holds every article is the ingest throughput: S3
   notifications -> SQS -> the stack's worker -> the real ingest handler (archive, embedding, bulk).
   Every article is embedded on ingest (about 0.035 s of both cores each), so all 47,303 articles of news-large
   take about 30 minutes: by default a seeded sample of BENCH_LARGE_ARTICLES of them is loaded (results.json
   records how many).
2. The search handler in-process on API Gateway events, beside the same engine requests sent raw
   (bench/search_perf.py), with where its time goes; this also warms the engine for the next step.
3. `/search` through the stack's local HTTP API at 1, 8 and 32 concurrent clients for --load-seconds each
   (bench/loadgen.py): p50, p99, requests/s, errors, and the 503s apart.
4. The stack stops; the documents ingest indexed (embeddings included) are read back and sent again with
   opensearch-py's bulk helper in requests of one SQS batch, from as many threads as the stack's worker: the raw
   `_bulk` baseline (bench/ingest_perf.py).
Then, on news-large's index: the ingest handler in-process, instrumented and profiled (where ingest time goes, CPU
per article for the cost estimate); cold starts of fresh interpreters (bench/coldstart.py); the size of each
function's package (`make build`'s .aws-sam/build; `make bench` builds first); the cost estimate (bench/report.py).

Results: bench/results.json, the README's table between its bench markers, charts in bench/results/perf-*.png and
the profiles in bench/results/perf-profiles.md. Logs of the stack and child processes: .local/bench/.
Benchmarks are not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import os
import platform
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable as it is under pytest
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import coldstart, ingest_perf, loadgen, report
from bench.markers import write_between_markers
from bench.relevance import STOPWORDS, WORD, opensearch_url

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
DEFAULT_DEV, DEFAULT_LARGE = DATA / "news-dev.jsonl", DATA / "news-large.jsonl"
RESULTS = REPO / "bench" / "results.json"
CHARTS = REPO / "bench" / "results"
README = REPO / "README.md"
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
LOGS = REPO / ".local" / "bench"
BUILD_DIR = REPO / ".aws-sam" / "build"
ALIAS = "articles"  # the alias the template gives both functions: what `archive-search serve` writes and reads
DEFAULT_SEED = 20261130
DEFAULT_CLIENTS = (1, 8, 32)
STACK_START_SECONDS = 300.0


def log(message: str, started: float) -> None:
    print(f"[bench {time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)


def _machine_busy_seconds() -> float | None:
    """CPU seconds every process of the machine has used since boot (Linux /proc/stat), or None elsewhere."""
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").splitlines()[0].split()[1:8]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq = map(int, fields)
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def _own_cpu_seconds() -> float:
    """CPU seconds of this process and of every child it has waited for (the node, the stacks, the probes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# --- corpora and queries -----------------------------------------------------------------------------------------


def load_articles(path: Path, limit: int | None, seed: int) -> tuple[list[dict[str, Any]], int]:
    """The corpus's articles, or a seeded sample of `limit` of them in file order; and how many the file holds."""
    with path.open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    if limit is None or limit >= len(articles):
        return articles, len(articles)
    chosen = sorted(random.Random(seed).sample(range(len(articles)), limit))
    return [articles[i] for i in chosen], len(articles)


def build_queries(articles: list[dict[str, Any]], count: int, seed: int) -> list[str]:
    """Reader-like queries from the corpus, in turn: two or three headline words, two body words, three body words
    (words of 4+ letters that are not stopwords; headline words of 3+)."""
    rng = random.Random(seed)
    queries: list[str] = []
    attempts = 0
    while len(queries) < count and attempts < count * 20:
        attempts += 1
        article = rng.choice(articles)
        kind = len(queries) % 3
        if kind == 0:
            words = sorted({w for w in WORD.findall(article["title"]) if len(w) >= 3 and w.lower() not in STOPWORDS})
            want = min(len(words), rng.choice((2, 3)))
        else:
            words = sorted(
                {w.lower() for w in WORD.findall(article["body"]) if len(w) >= 4 and w.lower() not in STOPWORDS}
            )
            want = kind + 1
        if len(words) < max(2, want):
            continue
        queries.append(" ".join(rng.sample(words, want)))
    return queries


# --- the local stack ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def serve_stack(node_url: str, log_path: Path) -> Iterator[Any]:
    """`archive-search serve` on free ports against `node_url`, until the block ends; yields its RunningStack."""
    from archive_search_cli.opensearch_node import free_port
    from archive_search_cli.stack import RunningStack

    with tempfile.TemporaryDirectory(prefix="bench-stack-") as data_dir:
        command = [sys.executable, "-m", "archive_search_cli.main", "serve", "--data-dir", data_dir]
        command += ["--port", str(free_port()), "--moto-port", str(free_port())]
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("wb") as output:
            process = subprocess.Popen(
                command, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "OPENSEARCH_URL": node_url}
            )
            try:
                yield RunningStack(**_wait_for_stack(process, Path(data_dir) / "stack.json", log_path))
            finally:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_for_stack(process: subprocess.Popen[bytes], stack_file: Path, log_path: Path) -> dict[str, Any]:
    deadline = time.monotonic() + STACK_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"archive-search serve exited ({process.returncode}); see {log_path}")
        if stack_file.is_file():
            stack = json.loads(stack_file.read_text(encoding="utf-8"))
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{stack['api_url']}/health", timeout=5).close()  # noqa: S310 - our own URL
                return dict(stack)
        time.sleep(0.5)
    raise RuntimeError(f"archive-search serve did not come up in {STACK_START_SECONDS:.0f} s; see {log_path}")


def run_child(module: str, spec: dict[str, Any], log_path: Path) -> dict[str, Any]:
    """`python -m bench.<module> SPEC RESULT` with its output in `log_path`; returns the result it wrote."""
    with tempfile.TemporaryDirectory(prefix="bench-child-") as folder:
        spec_path, result_path = Path(folder) / "spec.json", Path(folder) / "result.json"
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("wb") as output:
            done = subprocess.run(
                [sys.executable, "-m", f"bench.{module}", str(spec_path), str(result_path)],
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=REPO,
                check=False,
            )
        if done.returncode != 0:
            raise RuntimeError(f"bench.{module} failed ({done.returncode}); see {log_path}")
        return dict(json.loads(result_path.read_text(encoding="utf-8")))


# --- the run -----------------------------------------------------------------------------------------------------


def _worker_threads() -> int:
    """How many worker threads `archive-search serve` feeds the ingest handler from (stack.local_stack's default)."""
    from archive_search_cli.stack import local_stack

    return int(inspect.signature(local_stack).parameters["worker_threads"].default)


def _function_properties() -> dict[str, dict[str, Any]]:
    from archive_search_cli.template import load_template

    resources = load_template()["Resources"]
    return {
        name: resources[name]["Properties"]
        for name in ("IngestFunction", "SearchFunction")
        if resources.get(name, {}).get("Type") == "AWS::Serverless::Function"
    }


def run(args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every measurement; returns (results for results.json, extras for the charts and profiles)."""
    from opensearchpy import OpenSearch

    from archive_search_cli.text_model import ensure_model
    from archive_search_cli.worker import BATCH_SIZE

    started = time.perf_counter()
    busy_before, own_before = _machine_busy_seconds(), _own_cpu_seconds()
    large_limit = None if args.large_articles == "all" else int(args.large_articles)
    dev_limit = None if args.dev_articles == "all" else int(args.dev_articles)
    corpora: dict[str, tuple[list[dict[str, Any]], int]] = {
        "news-dev": load_articles(args.dev, dev_limit, args.seed),
        "news-large": load_articles(args.large, large_limit, args.seed),
    }
    queries = {name: build_queries(arts, args.queries, args.seed) for name, (arts, _total) in corpora.items()}
    clients = [int(c) for c in args.clients.split(",")]
    threads = _worker_threads()
    results: dict[str, Any] = {"load": {}, "ingest": {}, "search": {}}
    extras: dict[str, Any] = {"samples": {}, "profiles": {}, "search_ms": {}}
    with opensearch_url() as node:
        client = OpenSearch(hosts=[node], timeout=120)
        if os.environ.get("OPENSEARCH_URL") and client.indices.exists_alias(name=ALIAS):
            raise SystemExit(
                f"the cluster at OPENSEARCH_URL already has an alias {ALIAS!r}: the benchmark loads its own corpora "
                "there (as `archive-search serve` does) and would replace it; unset OPENSEARCH_URL to start a node"
            )
        for corpus, (articles, _total) in corpora.items():
            client.indices.delete(index=f"{ALIAS}-*", ignore_unavailable=True)
            log(f"{corpus}: starting archive-search serve", started)
            with serve_stack(node, LOGS / f"serve-{corpus}.log") as stack:
                log(f"{corpus}: uploading {len(articles)} articles and ingesting them", started)
                stack_ingest = ingest_perf.ingest_through_stack(stack, articles, client, ALIAS)
                log(f"{corpus}: ingested at {stack_ingest['articles_per_s']} articles/s", started)
                # In-process, while the stack idles: it also warms the engine (caches, JIT) before the load levels.
                log(f"{corpus}: search handler vs its raw engine requests", started)
                search_spec = {
                    "opensearch_url": node,
                    "alias": ALIAS,
                    "queries": queries[corpus][: args.overhead_queries],
                    "profile": corpus == "news-large",
                }
                search = run_child("search_perf", search_spec, LOGS / f"search-perf-{corpus}.log")
                results["load"][corpus], extras["samples"][corpus] = {}, {}
                for n in clients:
                    summary, samples = loadgen.run_level(
                        stack.api_url, queries[corpus], n, args.load_seconds, args.warmup_seconds, args.seed
                    )
                    results["load"][corpus][str(n)], extras["samples"][corpus][str(n)] = summary, samples
                    log(
                        f"{corpus}: {n} clients: {summary['requests_per_s']} requests/s, p50 {summary['p50_ms']} ms, "
                        f"p99 {summary['p99_ms']} ms, {summary['errors']} errors",
                        started,
                    )
            log(f"{corpus}: raw _bulk of the same documents", started)
            raw = ingest_perf.raw_bulk(node, ingest_perf.read_documents(client, ALIAS), threads, BATCH_SIZE)
            results["ingest"][corpus] = {
                "stack": stack_ingest,
                "raw_bulk": raw,
                "ratio": round(stack_ingest["articles_per_s"] / raw["articles_per_s"], 4),
                "worker_threads": threads,
            }
            per_search = ("handler_ms", "raw_ms", "raw_compressed_ms")
            extras["search_ms"][corpus] = {key: search.pop(key) for key in per_search}
            if "profile" in search:
                extras["profiles"]["search"] = search.pop("profile")
            results["search"][corpus] = search
        log("ingest handler in-process: where the time goes", started)
        large_articles = corpora["news-large"][0]
        profile_spec = {
            "opensearch_url": node,
            "articles": large_articles[: args.profile_articles],
            "profiled": max(1, args.profile_articles // 3),
        }
        handler_profile = run_child("ingest_perf", profile_spec, LOGS / "ingest-perf.log")
        extras["profiles"]["ingest"] = handler_profile.pop("profile", "")
        results["ingest"]["handler_profile"] = handler_profile
        log("cold starts", started)
        with coldstart.probe_environments(node, ALIAS, ensure_model()) as environments:
            probes = coldstart.measure(environments, args.cold_repetitions)
        results["cold_start"] = {"repetitions": args.cold_repetitions, "probes": probes}
        client.indices.delete(index=f"{ALIAS}-*,bench-coldstart-ingest-*", ignore_unavailable=True)
    # The machine may be shared: the CPU other processes used meanwhile says how much the figures are disturbed.
    busy_after, elapsed = _machine_busy_seconds(), time.perf_counter() - started
    others = None
    if busy_before is not None and busy_after is not None:
        foreign = busy_after - busy_before - (_own_cpu_seconds() - own_before)
        others = round(max(0.0, foreign) / (elapsed * (os.cpu_count() or 1)), 3)
    log("package sizes", started)
    functions = _function_properties()
    results["package_sizes"] = report.package_sizes(args.build_dir, functions)
    memory = {name: int(properties["MemorySize"]) for name, properties in functions.items()}
    results["cost"] = report.cost_estimate(results["search"]["news-large"], handler_profile, memory)
    naive = probes["naive"]["cpu_ms"]
    summary = {
        "ingest_ratio": results["ingest"]["news-large"]["ratio"],
        "search_overhead_ratio": results["search"]["news-large"]["ratio_p50"],
        "cold_start_ratio": {kind: round(probes[kind]["cpu_ms"] / naive, 3) for kind in ("search", "ingest")},
        "goals": {**report.GOALS, "p99_ms_at_8_clients_news_large": report.P99_GOAL_MS},
        "run": {
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            "machine": f"{os.cpu_count()} cores {platform.machine()}, Python {platform.python_version()}",
            "seconds": round(time.perf_counter() - started, 1),
            "other_processes_cpu_share": others,  # of all cores, while the benchmark ran (None: not Linux)
            "large_articles_option": args.large_articles,
            "load_seconds": args.load_seconds,
            "warmup_seconds": args.warmup_seconds,
            "clients": clients,
            "seed": args.seed,
        },
        "corpora": {
            name: {"file": path.name, "articles": len(corpora[name][0]), "available": corpora[name][1]}
            | {"queries": len(queries[name])}
            for name, path in (("news-dev", args.dev), ("news-large", args.large))
        },
    }
    return {**summary, **results}, extras


def write_outputs(results: dict[str, Any], extras: dict[str, Any], args: argparse.Namespace) -> None:
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    charts: Path = args.charts
    report.latency_chart(extras["samples"], charts / "perf-latency.png")
    report.ingest_chart(results["ingest"], charts / "perf-ingest.png")
    report.coldstart_chart(results["cold_start"], charts / "perf-coldstart.png")
    report.search_chart(
        {c: {**results["search"][c], **extras["search_ms"][c]} for c in results["search"]}, charts / "perf-search.png"
    )
    profiles = [
        "# Profiles of the last `make bench` run",
        "",
        "cProfile of the handlers in-process (bench/ingest_perf.py, bench/search_perf.py): the profiler slows Python "
        "code more than native code, so read shares, not times. Paths are relative to site-packages or the repo.",
        "",
        f"## Ingest handler ({results['ingest']['handler_profile'].get('profiled_articles', 0)} news-large articles)",
        "",
        extras["profiles"].get("ingest", ""),
        "",
        f"## Search handler ({results['search']['news-large'].get('profiled_queries', 0)} searches on news-large)",
        "",
        extras["profiles"].get("search", ""),
        "",
        "## Cold-start imports (self time per top-level package, ms, `python -X importtime`)",
        "",
    ]
    for kind, row in results["cold_start"]["probes"].items():
        top = ", ".join(f"{name} {ms:.0f}" for name, ms in row["import_self_ms_by_package"].items())
        profiles.append(f"- {kind}: {top}")
    (charts / "perf-profiles.md").write_text("\n".join(profiles) + "\n", encoding="utf-8")
    text = report.markdown(results)
    print(text)
    write_between_markers(args.readme, README_START, README_END, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="news-dev corpus (JSON lines)")
    parser.add_argument("--large", type=Path, default=DEFAULT_LARGE, help="news-large corpus (JSON lines)")
    parser.add_argument("--large-articles", default="3500", help="how many news-large articles to load, or 'all'")
    parser.add_argument("--dev-articles", default="all", help="how many news-dev articles to load, or 'all'")
    parser.add_argument("--clients", default=",".join(map(str, DEFAULT_CLIENTS)), help="client counts, e.g. 1,8,32")
    parser.add_argument("--load-seconds", type=float, default=15.0, help="measured seconds per load level")
    parser.add_argument("--warmup-seconds", type=float, default=2.0, help="unmeasured seconds before each level")
    parser.add_argument("--queries", type=int, default=300, help="queries drawn from each corpus")
    parser.add_argument("--overhead-queries", type=int, default=200, help="of those, how many time the handler")
    parser.add_argument("--profile-articles", type=int, default=300, help="articles of the in-process ingest run")
    parser.add_argument("--cold-repetitions", type=int, default=5)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--build-dir", type=Path, default=BUILD_DIR, help="make build's output (package sizes)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--charts", type=Path, default=CHARTS, help="folder of the PNG charts and the profiles")
    parser.add_argument("--readme", type=Path, default=README, help="where to write the table (between the markers)")
    args = parser.parse_args(argv)
    if args.large_articles != "all" and not args.large_articles.isdigit():
        parser.error("--large-articles takes a number or 'all'")
    missing = [str(path) for path in (args.dev, args.large) if not path.is_file()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found (benchmarks read ../shared/data)", file=sys.stderr)
        return 0
    # On SIGTERM, unwind like Ctrl-C does, so the node, the stack and moto started for the run are stopped too.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(143))
    results, extras = run(args)
    write_outputs(results, extras, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
