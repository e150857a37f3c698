"""What the performance benchmark writes: package sizes, the cost estimate, the README's table and the charts."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path
from typing import Any

from bench.loadgen import Sample

# us-east-1 list prices (USD), checked against aws.amazon.com's pricing pages in late 2026; free tiers ignored.
PRICES: dict[str, float] = {
    "lambda_arm64_per_gb_second": 0.0000133334,  # first 7.5 billion GB-s a month
    "lambda_per_request": 0.20 / 1e6,
    "http_api_per_request": 1.00 / 1e6,  # first 300 million a month
    "s3_put_list_per_request": 0.005 / 1000,  # PUT, COPY, POST, LIST
    "s3_get_per_request": 0.0004 / 1000,  # GET, HEAD and the rest; DELETE is free
    "sqs_per_request": 0.40 / 1e6,  # standard queue, 64 KB chunks
}
# Lambda gives a function CPU in proportion to its memory: one full vCPU at 1,769 MB.
FULL_VCPU_MB = 1769
S3_PUT_CLASS = ("PutObject", "CopyObject", "ListObjectVersions", "ListObjectsV2", "ListObjects")
S3_FREE = ("DeleteObject", "DeleteObjects")
GOALS = {"ingest_ratio": 0.70, "search_overhead_ratio": 1.10, "cold_start_search": 0.70, "cold_start_ingest": 1.00}
P99_GOAL_MS = 50.0


# --- package sizes -----------------------------------------------------------------------------------------------


def package_sizes(build_dir: Path, functions: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Bytes of each function's built package (as `make build` leaves it), unzipped and zipped (deflate, as sam
    deploy uploads it), and its file count; None when there is no build."""
    if not (build_dir / "template.yaml").is_file():
        return None
    sizes: dict[str, Any] = {}
    for name, properties in functions.items():
        package = build_dir / name
        files = sorted(p for p in package.rglob("*") if p.is_file())
        with tempfile.TemporaryFile() as handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in files:
                    archive.write(path, path.relative_to(package))
            zipped = handle.tell()
        sizes[name] = {
            "zipped_bytes": zipped,
            "unzipped_bytes": sum(p.stat().st_size for p in files),
            "files": len(files),
            "memory_mb": properties.get("MemorySize"),
        }
    return sizes


# --- cost --------------------------------------------------------------------------------------------------------


def lambda_ms(waiting_ms: float, cpu_ms: float, memory_mb: int) -> float:
    """Estimated billed duration in Lambda: the time spent waiting on S3 and the engine (as measured here), plus
    all CPU work at the function's share of a vCPU (memory / 1,769 MB, at most one)."""
    return waiting_ms + cpu_ms / min(1.0, memory_mb / FULL_VCPU_MB)


def cost_estimate(search: dict[str, Any], ingest: dict[str, Any], memory_mb: dict[str, int]) -> dict[str, Any]:
    """USD per million searches and per thousand ingested articles, from the in-process handler measurements.

    `search`: search_perf's result (handler cpu_mean_ms, breakdown of engine ms); `ingest`: ingest_perf's child
    result (cpu and S3/engine ms per article, AWS requests per article); `memory_mb`: MemorySize per function.
    """
    engine_ms = sum(row["ms_per_search"] for name, row in search["breakdown"].items() if name.startswith("engine"))
    search_ms = lambda_ms(engine_ms, search["handler"]["cpu_mean_ms"], memory_mb["SearchFunction"])
    search_gb = memory_mb["SearchFunction"] / 1024
    per_million = {
        "lambda_duration": 1e6 * search_ms / 1000 * search_gb * PRICES["lambda_arm64_per_gb_second"],
        "lambda_requests": 1e6 * PRICES["lambda_per_request"],
        "http_api_requests": 1e6 * PRICES["http_api_per_request"],
    }
    waits = sum(
        row["ms_per_article"] for name, row in ingest["breakdown"].items() if name.startswith(("s3 ", "engine"))
    )
    article_ms = lambda_ms(waits, ingest["handler_cpu_ms_per_article"], memory_mb["IngestFunction"])
    ingest_gb = memory_mb["IngestFunction"] / 1024
    requests = ingest["aws_requests_per_article"]
    s3_put = sum(n for op, n in requests.items() if op.startswith("s3 ") and op[3:] in S3_PUT_CLASS)
    s3_get = sum(n for op, n in requests.items() if op.startswith("s3 ") and op[3:] not in (*S3_PUT_CLASS, *S3_FREE))
    # SQS in AWS: S3 sends one message per upload; the event source receives and deletes per batch.
    sqs_per_article = 1 + 2 / ingest["batch_size"]
    per_thousand = {
        "lambda_duration": 1000 * article_ms / 1000 * ingest_gb * PRICES["lambda_arm64_per_gb_second"],
        "lambda_requests": 1000 / ingest["batch_size"] * PRICES["lambda_per_request"],
        "s3_requests": 1000 * (s3_put * PRICES["s3_put_list_per_request"] + s3_get * PRICES["s3_get_per_request"]),
        "sqs_requests": 1000 * sqs_per_article * PRICES["sqs_per_request"],
    }
    return {
        "prices_usd": PRICES,
        "full_vcpu_mb": FULL_VCPU_MB,
        "search_ms_estimated": round(search_ms, 1),
        "ingest_ms_per_article_estimated": round(article_ms, 1),
        "usd_per_million_searches": round(sum(per_million.values()), 2),
        "per_million_searches": {k: round(v, 3) for k, v in per_million.items()},
        "usd_per_thousand_articles": round(sum(per_thousand.values()), 4),
        "per_thousand_articles": {k: round(v, 5) for k, v in per_thousand.items()},
        "not_included": "the OpenSearch domain (a fixed monthly cost, docs/deploy.md), logs, data transfer, free tiers",
    }


# --- README table ------------------------------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "ok" if ok else "**not met**"


def _share(value: float | None) -> str:
    return "an unknown share" if value is None else f"{100 * value:.0f}%"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} ms"


def markdown(results: dict[str, Any]) -> str:
    """The README's section between the bench markers: goals, load, where time goes, cold starts, sizes, cost."""
    r = results
    ingest, search, cold = r["ingest"], r["search"], r["cold_start"]
    large = r["corpora"]["news-large"]
    lines = [
        f"Run of {r['run']['date']} on {r['run']['machine']} in {r['run']['seconds'] / 60:.1f} min "
        f"(other processes used {_share(r['run'].get('other_processes_cpu_share'))} of the CPU meanwhile); news-large: "
        f"{large['articles']} of {large['available']} articles loaded through the ingest path "
        f"(`BENCH_LARGE_ARTICLES={r['run']['large_articles_option']}`).",
        "",
        "| goal | measured | |",
        "| --- | --- | --- |",
    ]
    ir, il = r["ingest_ratio"], ingest["news-large"]
    lines.append(
        f"| ingest ÷ raw `_bulk` ≥ {GOALS['ingest_ratio']} (news-large) | {ir:.3f}: "
        f"{il['stack']['articles_per_s']:.1f} vs {il['raw_bulk']['articles_per_s']:.0f} articles/s "
        f"| {_verdict(ir >= GOALS['ingest_ratio'])} |"
    )
    sr, sl = r["search_overhead_ratio"], search["news-large"]
    lines.append(
        f"| search handler p50 ÷ its raw engine requests p50 ≤ {GOALS['search_overhead_ratio']} (news-large) | "
        f"{sr:.2f}: {sl['handler']['p50_ms']:.1f} vs {sl['raw_engine']['p50_ms']:.1f} ms "
        f"| {_verdict(sr <= GOALS['search_overhead_ratio'])} |"
    )
    naive = cold["probes"]["naive"]["cpu_ms"]
    for kind in ("search", "ingest"):
        ratio, goal = r["cold_start_ratio"][kind], GOALS[f"cold_start_{kind}"]
        lines.append(
            f"| {kind} cold start ÷ naive import (CPU) ≤ {goal} | {ratio:.2f}: "
            f"{cold['probes'][kind]['cpu_ms']:.0f} vs {naive:.0f} ms | {_verdict(ratio <= goal)} |"
        )
    l8 = r["load"]["news-large"].get("8")
    if l8:
        met = l8["p99_ms"] is not None and l8["p99_ms"] <= P99_GOAL_MS and l8["errors"] == 0
        lines.append(
            f"| `/search` via `archive-search serve`, 8 clients, news-large: p99 ≤ {P99_GOAL_MS:.0f} ms, 0 errors | "
            f"p99 {_ms(l8['p99_ms'])}, {l8['errors']} errors | {_verdict(met)} |"
        )
    l32 = r["load"]["news-large"].get("32")
    if l32:
        fast = l32["unavailable_503"] > 0 and (l32["p99_503_ms"] or 0) <= P99_GOAL_MS
        shed = f" (p99 {_ms(l32['p99_503_ms'])})" if l32["unavailable_503"] else ""
        lines.append(
            f"| overload (32 clients): fast 503s, not slow answers | {l32['unavailable_503']} 503s{shed}; "
            f"p99 of all answers {_ms(l32['p99_ms'])} | {_verdict(fast)} |"
        )
    lines += [
        "",
        "Load on `/search` (a query drawn from the corpus per request; "
        f"{r['run']['load_seconds']:.0f} s per level after {r['run']['warmup_seconds']:.0f} s of warm-up):",
        "",
        "| corpus | clients | requests/s | p50 | p90 | p99 | max | errors | 503s (p99) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for corpus, levels in r["load"].items():
        for clients, row in levels.items():
            unavailable = f"{row['unavailable_503']}" + (
                f" ({_ms(row['p99_503_ms'])})" if row["unavailable_503"] else ""
            )
            lines.append(
                f"| {corpus} | {clients} | {row['requests_per_s']} | {_ms(row['p50_ms'])} | {_ms(row['p90_ms'])} "
                f"| {_ms(row['p99_ms'])} | {_ms(row['max_ms'])} | {row['errors']} | {unavailable} |"
            )
    lines += ["", "Ingest (articles/s until the index holds every article; raw: same documents, same bulk size):", ""]
    lines += [
        "| corpus | articles | ingest articles/s | raw `_bulk` articles/s | ratio |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for corpus, row in ingest.items():
        if not isinstance(row, dict) or "stack" not in row:
            continue
        lines.append(
            f"| {corpus} | {row['stack']['articles']} | {row['stack']['articles_per_s']:.1f} "
            f"| {row['raw_bulk']['articles_per_s']:.0f} | {row['ratio']:.3f} |"
        )
    profile = ingest["handler_profile"]
    lines += [
        "",
        f"Where the ingest handler's time goes (in-process, one thread, {profile['articles']} articles in batches of "
        f"{profile['batch_size']}: {profile['handler_ms_per_article']:.1f} ms and "
        f"{profile['handler_cpu_ms_per_article']:.1f} ms of CPU per article):",
        "",
        "| step | ms per article | share | calls per article |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, row in profile["breakdown"].items():
        lines.append(
            f"| {name} | {row['ms_per_article']:.2f} | {100 * row['share_of_handler']:.1f}% "
            f"| {row['calls_per_article']} |"
        )
    lines += [
        "",
        f"Where the search handler's time goes (news-large, {sl['queries']} queries, "
        f"{sl['engine_requests_per_search']} engine requests per search):",
        "",
        "| step | ms per search | share |",
        "| --- | ---: | ---: |",
    ]
    for name, row in sl["breakdown"].items():
        lines.append(f"| {name} | {row['ms_per_search']:.2f} | {100 * row['share']:.1f}% |")
    compressed = sl.get("raw_engine_compressed", {}).get("p50_ms")
    if compressed is not None:
        lines += [
            "",
            f"The same engine requests sent raw with gzip (`http_compress`, which the reader's path no longer uses): "
            f"p50 {compressed:.1f} ms "
            f"(plain: {sl['raw_engine']['p50_ms']:.1f} ms).",
        ]
    lines += [
        "",
        f"Cold starts (fresh interpreter, CPU time to the first answer, median of {cold['repetitions']}; "
        "SigV4 with dummy credentials), by phase:",
        "",
        "| probe | CPU | phases (ms) | wall | largest import costs (self, ms) |",
        "| --- | ---: | --- | ---: | --- |",
    ]
    for kind, row in cold["probes"].items():
        top = ", ".join(f"{name} {ms:.0f}" for name, ms in list(row["import_self_ms_by_package"].items())[:5])
        phases = "; ".join(f"{phase} {ms:.0f}" for phase, ms in row["phases_cpu_ms"].items())
        lines.append(f"| {kind} | {row['cpu_ms']:.0f} ms | {phases} | {row['wall_ms']:.0f} ms | {top} |")
    sizes = r.get("package_sizes")
    if sizes:
        lines += ["", "| function | zipped | unzipped | files | MemorySize |", "| --- | ---: | ---: | ---: | ---: |"]
        for name, row in sizes.items():
            lines.append(
                f"| {name} | {row['zipped_bytes'] / 2**20:.1f} MiB | {row['unzipped_bytes'] / 2**20:.1f} MiB "
                f"| {row['files']} | {row['memory_mb']} MB |"
            )
    cost = r["cost"]
    lines += [
        "",
        f"Estimated AWS cost (us-east-1, arm64; list prices in `bench/results.json`): "
        f"**${cost['usd_per_million_searches']:.2f} per million searches** "
        f"(Lambda {cost['search_ms_estimated']:.0f} ms at 1024 MB, requests, HTTP API) and "
        f"**${cost['usd_per_thousand_articles']:.3f} per thousand ingested articles** "
        f"(Lambda {cost['ingest_ms_per_article_estimated']:.0f} ms per article, S3 and SQS requests); "
        "the OpenSearch domain is a fixed cost on top.",
    ]
    return "\n".join(lines)


# --- charts ------------------------------------------------------------------------------------------------------


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def latency_chart(samples: dict[str, dict[str, list[Sample]]], path: Path) -> None:
    """Latency distribution (share of requests answered within x ms) per corpus, one line per client count."""
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(samples), figsize=(5 * len(samples), 3.6), dpi=110, sharey=True, squeeze=False)
    for ax, (corpus, levels) in zip(axes[0], samples.items(), strict=True):
        ax.axvline(P99_GOAL_MS, color="grey", linestyle=":", linewidth=1, label=f"{P99_GOAL_MS:.0f} ms")
        series = [(f"{clients} clients", [s.latency_ms for s in rows]) for clients, rows in levels.items()]
        _cdf_panel(ax, series, "latency (ms, log scale)", f"/search on {corpus}")
    axes[0][0].set_ylabel("share of requests answered")
    _save(fig, path)


def ingest_chart(results: dict[str, Any], path: Path) -> None:
    """Left: ingest vs raw `_bulk` articles/s per corpus. Right: the ingest handler's time per article by step."""
    plt = _pyplot()
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8), dpi=110, gridspec_kw={"width_ratios": [1, 1.4]})
    corpora = [c for c, row in results.items() if isinstance(row, dict) and "stack" in row]
    width = 0.38
    for i, (key, label) in enumerate((("stack", "ingest path"), ("raw_bulk", "raw _bulk"))):
        values = [results[c][key]["articles_per_s"] for c in corpora]
        bars = left.bar([x + (i - 0.5) * width for x in range(len(corpora))], values, width, label=label)
        left.bar_label(bars, fmt="%.0f", fontsize=7)
    left.set_xticks(range(len(corpora)), corpora)
    left.set_yscale("log")
    left.set_ylabel("articles/s (log scale)")
    left.set_title("Ingest vs raw _bulk")
    left.legend(fontsize=8)
    breakdown = results["handler_profile"]["breakdown"]
    names = list(breakdown)[::-1]
    right.barh(names, [breakdown[n]["ms_per_article"] for n in names])
    right.set_xlabel("ms per article (one thread)")
    right.set_title("Ingest handler: where the time goes")
    right.tick_params(axis="y", labelsize=7)
    _save(fig, path)


def coldstart_chart(cold: dict[str, Any], path: Path) -> None:
    """CPU to the first answer per probe, stacked by phase, with the goals as lines."""
    plt = _pyplot()
    probes = cold["probes"]
    names = list(probes)
    phases = list(dict.fromkeys(phase for row in probes.values() for phase in row["phases_cpu_ms"]))
    fig, ax = plt.subplots(figsize=(7.5, 3.8), dpi=110)
    bottoms = [0.0] * len(names)
    for phase in phases:
        values = [probes[n]["phases_cpu_ms"].get(phase, 0.0) for n in names]
        ax.bar(names, values, bottom=bottoms, label=phase)
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    naive = probes["naive"]["cpu_ms"]
    ax.axhline(naive * GOALS["cold_start_search"], color="grey", linestyle="--", linewidth=1, label="search goal")
    ax.axhline(naive * GOALS["cold_start_ingest"], color="black", linestyle=":", linewidth=1, label="ingest goal")
    ax.set_ylabel("CPU ms (median)")
    ax.set_title("Cold start: fresh interpreter to first answer")
    ax.legend(fontsize=7, loc="upper left")
    _save(fig, path)


def search_chart(search: dict[str, Any], path: Path) -> None:
    """Per corpus, the handler's time per search beside the raw engine time of the same requests."""
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(search), figsize=(5 * len(search), 3.4), dpi=110, sharey=True, squeeze=False)
    for ax, (corpus, row) in zip(axes[0], search.items(), strict=True):
        lines = (
            ("handler_ms", "search handler"),
            ("raw_ms", "its engine requests, raw"),
            ("raw_compressed_ms", "the same, gzip-compressed"),
        )
        series = [(label, row.get(key) or []) for key, label in lines]
        _cdf_panel(ax, series, "ms per search (log scale)", f"{corpus}: p50 ratio {row['ratio_p50']:.2f}")
    axes[0][0].set_ylabel("share of searches")
    _save(fig, path)


def _cdf_panel(ax: Any, series: list[tuple[str, list[float]]], xlabel: str, title: str) -> None:
    """One panel of latency distributions: for each (label, ms values), the share answered within x ms."""
    for label, values in series:
        ordered = sorted(values)
        if ordered:
            ax.plot(ordered, [(i + 1) / len(ordered) for i in range(len(ordered))], label=label)
    ax.set_xscale("log")
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")


def _save(fig: Any, path: Path) -> None:
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    _pyplot().close(fig)
