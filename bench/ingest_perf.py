"""Ingest throughput through the real pipeline, the raw `_bulk` baseline, and where the handler's time goes.

Three measurements (bench/perf.py runs them):

- `ingest_through_stack`: a corpus uploaded to a running `archive-search serve` stack, one JSON upload per article
  (as `archive-search upload --jsonl` does), and the time until the index holds every article: S3 notifications
  -> SQS -> the stack's worker threads -> the real ingest handler (archive, embeddings, bulk) -> visible in the
  index. Uploading overlaps with ingesting, as it does when editors upload.
- `raw_bulk`: the documents ingest indexed, read back from the index (embeddings included), sent again with
  opensearch-py's parallel bulk helper into a fresh index with the same settings: requests of one SQS batch of
  articles, as many threads as the stack's worker, a plain client; timed until the index holds them all. Both are
  timed the same way (until a count sees every document), so their ratio is the ingest path's cost over the engine's.
- `python -m bench.ingest_perf SPEC.json RESULT.json` (child process): the ingest handler in-process on a moto
  server of its own, fed batch by batch from the queue in one thread, with every boundary call timed (S3, the
  engine, the embedding, parsing), CPU time per article (for the cost estimate) and a cProfile of a few batches.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.instrument import Timers, aws_category, engine_category, profiled

COUNT_POLL_SECONDS = 0.5
STALL_SECONDS = 300.0


def wait_for_count(client: Any, index: str, expected: int, started: float, what: str) -> float:
    """Poll the index's count (as readers see it: after the engine's own refresh) until it reaches `expected`;
    returns the perf_counter time it did. Raises if the count does not move for STALL_SECONDS."""
    last, last_change = -1, time.perf_counter()
    while True:
        count = int(client.count(index=index)["count"])
        now = time.perf_counter()
        if count >= expected:
            return now
        if count != last:
            last, last_change = count, now
        elif now - last_change > STALL_SECONDS:
            raise RuntimeError(
                f"{what}: the index {index} stayed at {count} of {expected} documents for {STALL_SECONDS:.0f} s "
                f"({now - started:.0f} s after the start)"
            )
        time.sleep(COUNT_POLL_SECONDS)


def corpus_uploads(articles: list[dict[str, Any]], prefix: str) -> list[Any]:
    """One JSON upload per article, keyed by its id, as `archive-search upload --jsonl` makes them."""
    from archive_search_cli.uploads import PendingUpload

    return [
        PendingUpload(f"{prefix}{article['id']}.json", json.dumps(article).encode(), "application/json")
        for article in articles
    ]


def ingest_through_stack(stack: Any, articles: list[dict[str, Any]], client: Any, alias: str) -> dict[str, Any]:
    """Upload `articles` to the running stack and wait until its index holds them all (a RunningStack)."""
    from archive_search_cli.local_aws import aws_client
    from archive_search_cli.uploads import put_all

    uploads = corpus_uploads(articles, stack.upload_prefix)
    s3 = aws_client("s3", stack.aws_endpoint_url)
    started = time.perf_counter()
    put_all(s3, stack.uploads_bucket, uploads)
    uploaded = time.perf_counter()
    done = wait_for_count(client, alias, len(articles), started, "ingest")
    seconds = done - started
    return {
        "articles": len(articles),
        "upload_s": round(uploaded - started, 2),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 2),
    }


def read_documents(client: Any, index: str) -> list[tuple[str, dict[str, Any]]]:
    """Every document of `index` as (id, source), embedding included: what the ingest path sent to the engine."""
    from opensearchpy import helpers

    return [(hit["_id"], hit["_source"]) for hit in helpers.scan(client, index=index, size=500)]


def raw_bulk(opensearch_url: str, documents: list[tuple[str, dict[str, Any]]], threads: int, chunk: int) -> dict:
    """Index `documents` with opensearch-py's parallel_bulk into a new index with the production settings."""
    from opensearchpy import OpenSearch, helpers

    from archive_search.adapters.opensearch_index import BULK_MAX_BYTES
    from archive_search.index_mapping import INDEX_SETTINGS

    client = OpenSearch(hosts=[opensearch_url], timeout=120, pool_maxsize=threads)
    index = "bench-raw-bulk"
    client.indices.delete(index=index, ignore_unavailable=True)
    client.indices.create(index=index, body=INDEX_SETTINGS)
    actions = [{"_op_type": "index", "_index": index, "_id": i, "_source": source} for i, source in documents]
    try:
        started = time.perf_counter()
        results = helpers.parallel_bulk(
            client,
            actions,
            thread_count=threads,
            chunk_size=chunk,
            max_chunk_bytes=BULK_MAX_BYTES,
            raise_on_error=False,
        )
        failed = sum(1 for ok, _item in results if not ok)
        sent = time.perf_counter()
        done = wait_for_count(client, index, len(documents) - failed, started, "raw bulk")
    finally:
        client.indices.delete(index=index, ignore_unavailable=True)
    seconds = done - started
    return {
        "articles": len(documents),
        "failed": failed,
        "threads": threads,
        "chunk": chunk,
        "send_s": round(sent - started, 2),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(documents) / seconds, 2),
    }


# --- the child process: the handler in-process, instrumented -----------------------------------------------------


@contextlib.contextmanager
def _instrumented(timers: Timers) -> Iterator[None]:
    """Boundary calls timed: every AWS call (by service and operation), engine request (by endpoint), embedding and
    parsing. The categories do not nest (parsing and embedding call neither S3 nor the engine)."""
    import botocore.client
    from opensearchpy.transport import Transport

    import archive_search.ingest
    from archive_search.adapters.text_encoder import MiniLMEncoder

    with (
        timers.wrapped(botocore.client.BaseClient, "_make_api_call", aws_category),
        timers.wrapped(Transport, "perform_request", engine_category),
        timers.wrapped(MiniLMEncoder, "embed", "embedding (text_encoder)"),
        timers.wrapped(archive_search.ingest, "article_from_upload", "parsing"),
    ):
        yield


def _drain(worker: Any, expected_records: int) -> None:
    """Poll until `expected_records` messages were handled and the queue reads empty."""
    handled = 0
    empty = 0
    deadline = time.monotonic() + STALL_SECONDS
    while handled < expected_records or empty < 2:
        received = worker.poll_once(wait_seconds=1)
        handled += received
        empty = empty + 1 if received == 0 else 0
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {handled} of {expected_records} notifications were handled")


def profile_ingest(opensearch_url: str, articles: list[dict[str, Any]], profile_articles: int) -> dict[str, Any]:
    """The ingest handler on `articles` (uploaded first, then drained batch by batch in this thread), instrumented;
    then `profile_articles` more uploads (the same articles under other keys) under cProfile. Times per article."""
    from archive_search_cli.local_aws import aws_client, create_resources, moto_server
    from archive_search_cli.opensearch_node import free_port
    from archive_search_cli.stack import configure_function_environment
    from archive_search_cli.template import local_stack_spec
    from archive_search_cli.uploads import put_all
    from archive_search_cli.worker import BATCH_SIZE, QueueWorker

    with moto_server(free_port()) as moto_url:
        spec = local_stack_spec()
        resources = create_resources(spec, moto_url)
        configure_function_environment(moto_url, opensearch_url, "IngestFunction")
        alias = "bench-ingest-profile"
        os.environ["INDEX_ALIAS"] = alias
        from opensearchpy import OpenSearch

        from archive_search.handlers import ingest

        engine = OpenSearch(hosts=[opensearch_url], timeout=60)
        engine.indices.delete(index=f"{alias}-*", ignore_unavailable=True)
        ingest.ingest_service()  # built at cold start in Lambda: model load and index check are not per-batch work

        handler_seconds: list[float] = []
        handler_cpu: list[float] = []
        records: list[int] = []

        def timed_handler(event: dict[str, Any], context: Any) -> Any:
            cpu, started = time.process_time(), time.perf_counter()
            try:
                return ingest.handler(event, context)
            finally:
                handler_seconds.append(time.perf_counter() - started)
                handler_cpu.append(time.process_time() - cpu)
                records.append(len(event["Records"]))

        queue_url = resources.queue_urls[spec.ingest_queue_logical_id]
        worker = QueueWorker(moto_url, queue_url, timed_handler, threads=1)
        s3 = aws_client("s3", moto_url)
        prefix = os.environ["UPLOAD_PREFIX"]
        put_all(s3, spec.uploads_bucket, corpus_uploads(articles, prefix))
        timers = Timers()
        started = time.perf_counter()
        with _instrumented(timers):
            _drain(worker, len(articles))
        wall = time.perf_counter() - started
        in_handler = sum(handler_seconds)
        n = len(articles)
        categories = timers.snapshot()
        handler_categories = {k: v for k, v in categories.items() if not k.startswith("sqs ")}
        covered = sum(row["seconds"] for row in handler_categories.values())
        breakdown = {
            name: {
                "ms_per_article": round(row["seconds"] / n * 1000, 2),
                "share_of_handler": round(row["seconds"] / in_handler, 3),
                "calls_per_article": round(row["calls"] / n, 2),
            }
            for name, row in handler_categories.items()
        }
        breakdown["handler's own work (notifications, planning, documents, Powertools)"] = {
            "ms_per_article": round((in_handler - covered) / n * 1000, 2),
            "share_of_handler": round((in_handler - covered) / in_handler, 3),
            "calls_per_article": 0,
        }
        result: dict[str, Any] = {
            "articles": n,
            "batch_size": BATCH_SIZE,
            "batches": len(handler_seconds),
            "wall_s": round(wall, 2),
            "articles_per_s_one_thread": round(n / wall, 2),
            "handler_ms_per_article": round(in_handler / n * 1000, 2),
            "handler_cpu_ms_per_article": round(sum(handler_cpu) / n * 1000, 2),
            "handler_ms_per_batch": round(in_handler / max(1, len(handler_seconds)) * 1000, 1),
            "breakdown": breakdown,
            "aws_requests_per_article": {
                k: round(v["calls"] / n, 2) for k, v in categories.items() if k.split(" ")[0] in ("s3", "sqs")
            },
        }
        if profile_articles:
            sample = [{**a, "id": f"{a['id']}-profiled"} for a in articles[:profile_articles]]
            put_all(s3, spec.uploads_bucket, corpus_uploads(sample, prefix))
            result["profile"] = profiled(lambda: _drain(worker, len(sample)))
            result["profiled_articles"] = len(sample)
        engine.indices.delete(index=f"{alias}-*", ignore_unavailable=True)
        return result


def main(argv: list[str] | None = None) -> int:
    spec_path, result_path = (argv if argv is not None else sys.argv[1:])[:2]
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    result = profile_ingest(spec["opensearch_url"], spec["articles"], int(spec.get("profiled", 0)))
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
