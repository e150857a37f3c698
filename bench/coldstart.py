"""Cold starts: CPU time of a fresh interpreter up to its first answer, beside a naive import of the libraries.

Each probe is a new `python -c` process with a clean environment (the function's variables as the template sets
them, AWS-style: SigV4 signing with dummy credentials against the local node, which does not check signatures).
It reports `time.process_time()` (CPU of every thread of the process since it started, interpreter start-up
included) at the end of each phase: imports, the text model, the handler's settings and clients, the first answer.
Probes:

- `python`: `pass` (the interpreter alone);
- `naive`: `import boto3, opensearchpy` and Powertools' Logger, Tracer, Metrics and APIGatewayHttpResolver;
- `search`: import the search handler, answer events/http-search.json (200 expected);
- `ingest`: import the ingest handler, handle one SQS batch of one S3 notification for an upload in a moto
  bucket (no failed record expected).

Bytecode: a Lambda package carries .pyc files (make build compiles them), and PYTHONDONTWRITEBYTECODE is set
machine-wide here, so the probes run with PYTHONPYCACHEPREFIX pointing at a folder of their own (one untimed run
of each probe fills it): every probe, the naive one included, imports from bytecode as in Lambda.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

REPO = Path(__file__).resolve().parents[1]
EVENTS = REPO / "events"
RESULT_MARK = "BENCH_RESULT "

_CONTEXT = """
class Context:
    function_name = "{name}"
    function_version = "$LATEST"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:{name}"
    aws_request_id = "00000000-0000-0000-0000-000000000000"
    def get_remaining_time_in_millis(self):
        return 60000
"""

# Each probe records `marks`: the CPU seconds (time.process_time) when each phase ended. The handlers build their
# settings, clients and model on the first invocation (functools.cache); calling those builders first splits that
# work from the first request without changing the total.
PROBES = {
    "python": "mark('imports')\n",
    "naive": (
        "import boto3, opensearchpy\n"
        "from aws_lambda_powertools import Logger, Tracer, Metrics\n"
        "from aws_lambda_powertools.event_handler import APIGatewayHttpResolver\n"
        "mark('imports')\n"
    ),
    "search": (
        "from pathlib import Path\n"
        "from archive_search.handlers import search\n"
        "from archive_search.handlers.text_model import text_encoder\n"
        "mark('imports')\n"
        "text_encoder(Path(os.environ['TEXT_MODEL_DIR']))\n"
        "mark('text model (numpy, tokenizers, weights)')\n"
        "search.app()\n"
        "mark('settings, engine client (SigV4), routes')\n"
        + _CONTEXT.format(name="SearchFunction")
        + "response = search.handler(json.loads(os.environ['BENCH_EVENT']), Context())\n"
        "assert response['statusCode'] == 200, response\n"
        "mark('first search')\n"
    ),
    "ingest": (
        "from pathlib import Path\n"
        "from archive_search.handlers import ingest\n"
        "from archive_search.handlers.text_model import text_encoder\n"
        "mark('imports')\n"
        "text_encoder(Path(os.environ['TEXT_MODEL_DIR']))\n"
        "mark('text model (numpy, tokenizers, weights)')\n"
        "ingest.ingest_service()\n"
        "mark('settings, S3 and engine clients, index check')\n"
        + _CONTEXT.format(name="IngestFunction")
        + "response = ingest.handler(json.loads(os.environ['BENCH_EVENT']), Context())\n"
        "assert not response['batchItemFailures'], response\n"
        "mark('first batch (1 article)')\n"
    ),
}
_PROLOGUE = "import json, os, time\nmarks = {}\ndef mark(name):\n    marks[name] = time.process_time()\n"
_EPILOGUE = 'print("' + RESULT_MARK + '" + json.dumps(marks), flush=True)\n'


def _base_environment(pycache: Path) -> dict[str, str]:
    """What every probe sees: no AWS settings of the user's, dummy credentials, bytecode cached in `pycache`."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env.update(
        {
            "PYTHONPYCACHEPREFIX": str(pycache),
            "AWS_ACCESS_KEY_ID": "ASIABENCHBENCHBENCH0",
            "AWS_SECRET_ACCESS_KEY": "bench-secret-access-key-bench-secret-key",
            "AWS_SESSION_TOKEN": "bench-session-token",
            "AWS_REGION": "us-east-1",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
        }
    )
    return env


def function_environment(function: str, overrides: dict[str, str]) -> dict[str, str]:
    """The template's variables for `function` with the local values in `overrides` (endpoint, buckets, model)."""
    from archive_search_cli.template import local_stack_spec

    return {**local_stack_spec().function_environment[function], **overrides}


def search_event() -> str:
    return (EVENTS / "http-search.json").read_text(encoding="utf-8")


def ingest_event(bucket: str, key: str) -> str:
    """events/sqs-s3-put.json with its notification pointing at `key` in `bucket` (keys arrive URL-encoded)."""
    event = json.loads((EVENTS / "sqs-s3-put.json").read_text(encoding="utf-8"))
    for record in event["Records"]:
        body = json.loads(record["body"])
        for notification in body["Records"]:
            notification["s3"]["bucket"]["name"] = bucket
            notification["s3"]["bucket"]["arn"] = f"arn:aws:s3:::{bucket}"
            notification["s3"]["object"]["key"] = quote_plus(key, safe="/")
        record["body"] = json.dumps(body)
    return json.dumps(event)


def _run_probe(kind: str, env: dict[str, str], importtime: bool = False) -> dict[str, Any]:
    command = [sys.executable]
    if importtime:
        command += ["-X", "importtime"]
    command += ["-c", _PROLOGUE + PROBES[kind] + _EPILOGUE]
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False, cwd=tempfile.gettempdir()
    )
    wall = time.perf_counter() - started
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_MARK)), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"cold-start probe {kind} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = {"marks": json.loads(line[len(RESULT_MARK) :]), "wall_s": wall}
    if importtime:
        result["importtime"] = done.stderr
    return result


def import_self_times(importtime_log: str, top: int = 12) -> list[tuple[str, float]]:
    """Self import time per top-level package (ms), largest first, from `python -X importtime`'s stderr."""
    per_package: dict[str, float] = defaultdict(float)
    for line in importtime_log.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
        per_package[name.split(".")[0]] += int(self_us) / 1000
    return sorted(((name, round(ms, 1)) for name, ms in per_package.items()), key=lambda item: -item[1])[:top]


def measure(environments: dict[str, dict[str, str]], repetitions: int) -> dict[str, Any]:
    """Median CPU seconds per probe over `repetitions` runs (probes interleaved, after one untimed run of each),
    with the import share and the packages whose imports cost most (one extra run under -X importtime)."""
    runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in environments}
    for kind, env in environments.items():
        _run_probe(kind, env)  # fills the bytecode cache
    for _ in range(repetitions):
        for kind, env in environments.items():
            runs[kind].append(_run_probe(kind, env))
    results: dict[str, Any] = {}
    for kind, rows in runs.items():
        profile = _run_probe(kind, environments[kind], importtime=True)
        phases = list(rows[0]["marks"])
        # Median CPU at the end of each phase; a phase's cost is the difference with the previous one.
        ends = {phase: statistics.median(r["marks"][phase] for r in rows) * 1000 for phase in phases}
        costs, previous = {}, 0.0
        for phase in phases:
            costs[phase] = round(ends[phase] - previous, 1)
            previous = ends[phase]
        results[kind] = {
            "cpu_ms": round(ends[phases[-1]], 1),
            "import_cpu_ms": round(ends["imports"], 1),
            "phases_cpu_ms": costs,
            "wall_ms": round(statistics.median(r["wall_s"] for r in rows) * 1000, 1),
            "runs_cpu_ms": [round(r["marks"][phases[-1]] * 1000, 1) for r in rows],
            "import_self_ms_by_package": dict(import_self_times(profile["importtime"])),
        }
    return results


@contextlib.contextmanager
def probe_environments(opensearch_url: str, search_alias: str, model_dir: Path) -> Iterator[dict[str, dict[str, str]]]:
    """The four probes' environments; the ingest probe's upload waits in a moto server that lives for the block."""
    from archive_search_cli.local_aws import aws_client, create_resources, moto_server
    from archive_search_cli.opensearch_node import free_port
    from archive_search_cli.template import local_stack_spec

    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as pycache, moto_server(free_port()) as moto_url:
        spec = local_stack_spec()
        create_resources(spec, moto_url)
        base = _base_environment(Path(pycache))
        engine = {"OPENSEARCH_ENDPOINT": opensearch_url, "OPENSEARCH_AUTH": "sigv4", "TEXT_MODEL_DIR": str(model_dir)}
        search_env = function_environment(
            "SearchFunction",
            {**engine, "INDEX_ALIAS": search_alias, "CURSOR_SIGNING_KEY": secrets.token_urlsafe(48)},
        )
        ingest_env = function_environment("IngestFunction", {**engine, "INDEX_ALIAS": "bench-coldstart-ingest"})
        key = f"{ingest_env['UPLOAD_PREFIX']}bench/cold-start.json"
        body = {"title": "Cold start", "body": "The first article a fresh ingest function handles."}
        aws_client("s3", moto_url).put_object(Bucket=spec.uploads_bucket, Key=key, Body=json.dumps(body).encode())
        yield {
            "python": base,
            "naive": base,
            "search": {**base, **search_env, "BENCH_EVENT": search_event()},
            "ingest": {
                **base,
                **ingest_env,
                "AWS_ENDPOINT_URL": moto_url,
                "BENCH_EVENT": ingest_event(spec.uploads_bucket, key),
            },
        }
