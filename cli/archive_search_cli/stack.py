"""The whole stack on this machine: OpenSearch, moto, the ingest worker and the HTTP gateway."""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

from aws_lambda_powertools import Logger

from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
from archive_search.adapters.opensearch_index import create_client
from archive_search.adapters.s3_stores import S3ArchiveStore
from archive_search.config import IngestSettings
from archive_search.handlers.text_model import text_encoder
from archive_search.operations import reindex
from archive_search_cli.gateway import make_server
from archive_search_cli.local_aws import (
    LocalResources,
    aws_client,
    create_resources,
    moto_server,
    use_local_credentials,
)
from archive_search_cli.opensearch_node import opensearch_for_tests_or_local
from archive_search_cli.ports import port_in_use, taken_ports_message
from archive_search_cli.template import REPO_ROOT, LocalStackSpec, local_stack_spec
from archive_search_cli.text_model import ensure_model
from archive_search_cli.worker import QueueWorker

logger = logging.getLogger(__name__)
LOCAL_DIR = REPO_ROOT / ".local"
STACK_FILE = LOCAL_DIR / "stack.json"
# How long `serve --seed` waits for its uploads to be ingested before it says it is running (seconds); one legacy
# page takes about a second here, the text model's first load included.
SEED_TIMEOUT_SECONDS = 120.0
# The ingest handler's invocations at once, as Lambda runs up to that many environments off the queue.
WORKER_THREADS = 4
# What the functions print on the local console: their own log lines (Powertools JSON, the domain's records) at this
# level and above. AWS gets the template's LogLevel (INFO); locally every search and upload was a JSON line and an
# EMF blob (5,000 lines in 12 minutes of session 56's new user), hiding the stack's own messages.
FUNCTION_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_FUNCTION_LOG_LEVEL = "WARNING"
_QUEUED = ("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed")


@dataclass(frozen=True)
class StackPorts:
    api: int = 3000
    moto: int = 5005
    opensearch: int = 9200


@dataclass(frozen=True)
class RunningStack:
    api_url: str
    aws_endpoint_url: str
    opensearch_url: str
    uploads_bucket: str
    archive_bucket: str
    ingest_queue_url: str
    dead_letter_queue_url: str
    upload_prefix: str

    @classmethod
    def of(
        cls, spec: LocalStackSpec, resources: LocalResources, api_url: str, aws_url: str, opensearch_url: str
    ) -> RunningStack:
        """What a stack built from `spec` on these services tells other commands about itself."""
        ingest_env = spec.function_environment["IngestFunction"]
        queue = spec.queues[spec.ingest_queue_logical_id]
        return cls(
            api_url=api_url,
            aws_endpoint_url=aws_url,
            opensearch_url=opensearch_url,
            uploads_bucket=spec.uploads_bucket,
            archive_bucket=ingest_env["ARCHIVE_BUCKET"],
            ingest_queue_url=resources.queue_urls[queue.logical_id],
            dead_letter_queue_url=resources.queue_urls[queue.dead_letter_logical_id or queue.logical_id],
            upload_prefix=ingest_env["UPLOAD_PREFIX"],
        )


def read_stack_file(data_dir: Path = LOCAL_DIR) -> RunningStack | None:
    """What a running `archive-search serve --data-dir data_dir` wrote about itself (`stack.json` there), so other
    commands given the same `--data-dir` can find it; None when no stack runs there."""
    path = data_dir / STACK_FILE.name
    if data_dir.exists() and not data_dir.is_dir():
        raise SystemExit(f"--data-dir {data_dir} is a file, not the folder `archive-search serve --data-dir` was given")
    try:
        return RunningStack(**json.loads(path.read_text(encoding="utf-8")))
    except (FileNotFoundError, NotADirectoryError):  # no stack there (a path through a file holds none either)
        return None
    except OSError as exc:  # a folder of that name, or no permission to read it
        raise SystemExit(f"{path}: cannot read the stack file ({exc.strerror or exc})") from None
    except (ValueError, TypeError) as exc:  # cut short or another file: say which, not a traceback
        raise SystemExit(f"{path} is not the stack file `archive-search serve` writes ({exc}); remove it") from None


def running_stack(data_dir: Path, named: bool = False) -> RunningStack | None:
    """The stack running in a command's `--data-dir` (read_stack_file), None when the default one holds none (the
    command then uses the default ports, or the endpoints it was given). SystemExit, in one line, when another
    folder was named and holds no stack: the command went on to the default stack's bucket and index, and a folder
    misspelt beside two running stacks uploaded to, reported on or verified the other (session 48's new user). Not
    when the command was `named` its endpoints (the session's review: `verify --data-dir X --opensearch-url …`)."""
    running = read_stack_file(data_dir)
    if running is None and not named and data_dir.resolve() != LOCAL_DIR.resolve():
        raise SystemExit(
            f"no local stack is running in --data-dir {data_dir} ({data_dir / STACK_FILE.name} is absent): start it"
            f" with `archive-search serve --data-dir {data_dir}`, or leave --data-dir out for the default stack"
        )
    return running


def add_stack_option(parser: argparse.ArgumentParser) -> None:
    """`--data-dir`: which running local stack a command talks to, the same folder given to `serve`."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=LOCAL_DIR,
        help="the --data-dir of the running `archive-search serve` (default: .local in the repo)",
    )


def s3_endpoint(option: str | None, running: RunningStack | None) -> str | None:
    """`--endpoint-url`: 'aws' for AWS itself (None), a URL, else the running local stack's moto."""
    if option == "aws":
        return None
    if option:
        return option
    return running.aws_endpoint_url if running else f"http://127.0.0.1:{StackPorts.moto}"


def refuse_taken_ports(command: str, ports: StackPorts, data_dir: Path, *, data_dir_option: bool = True) -> None:
    """SystemExit, in one line, when a port the stack would take is taken (the OpenSearch one unless OPENSEARCH_URL
    names a node), or a stack runs in `data_dir`: what holds each, and the flags with free ones. Checked before
    anything starts, so that every clash is named at once. `data_dir_option`: whether the command has `--data-dir`
    to offer another folder; `sam-local` has not, and always uses `.local` (its node's data, stack.json)."""
    flags = {"--port": ports.api, "--moto-port": ports.moto}
    if not os.environ.get("OPENSEARCH_URL"):
        flags["--opensearch-port"] = ports.opensearch
    running = read_stack_file(data_dir)
    api_port = urlparse(running.api_url).port if running else None
    # A stack.json whose API does not answer was left by a stack that was killed: nothing runs there.
    in_use: tuple[str, str | None] | None = None
    if running and api_port and port_in_use(api_port):
        holder = f"the stack serving {running.api_url}"
        in_use = (
            (f"the --data-dir is in use by {holder}", f"--data-dir {data_dir}2")
            if data_dir_option
            else (f"{data_dir}, which {command} always uses, is in use by {holder}", None)
        )
    message = taken_ports_message(command, flags, in_use, _stack_ports(running) if in_use else None)
    if message is not None:
        raise SystemExit(f"archive-search {command}: {message}")


def _stack_ports(running: RunningStack | None) -> dict[int, str]:
    """What of the stack running holds each of its local ports: it, not "another process" (session 54's new user read
    that of the stack's own moto)."""
    if running is None:
        return {}
    services = {
        running.api_url: "its search API",
        running.aws_endpoint_url: "its S3 and SQS (moto)",
        running.opensearch_url: "its OpenSearch node",
    }
    ports = {urlparse(url).port: what for url, what in services.items() if urlparse(url).hostname == "127.0.0.1"}
    return {port: what for port, what in ports.items() if port}


def local_signing_key() -> str:
    """A fresh cursor signing key: in AWS it comes from Secrets Manager, which the local stack does not have."""
    return secrets.token_urlsafe(48)


def configure_function_environment(aws_endpoint_url: str, opensearch_url: str, function: str) -> None:
    """The environment the template gives `function`, pointed at the local services.

    CURSOR_SIGNING_KEY is a new random key for each run of the local stack: cursors from an earlier run are refused.
    """
    environment = local_stack_spec().function_environment[function]
    os.environ.update(environment)
    os.environ.update(
        {
            "OPENSEARCH_ENDPOINT": opensearch_url,
            "OPENSEARCH_AUTH": "none",
            "AWS_ENDPOINT_URL": aws_endpoint_url,
            "POWERTOOLS_METRICS_NAMESPACE": "SomaNetArchiveSearchLocal",
        }
    )
    if "TEXT_MODEL_DIR" in environment:  # in Lambda it is inside the package; here it is in the cache
        os.environ["TEXT_MODEL_DIR"] = str(ensure_model())
    if "CURSOR_SIGNING_KEY" in environment:
        os.environ["CURSOR_SIGNING_KEY"] = local_signing_key()


def set_function_log_level(level: str, *function_loggers: Logger) -> None:
    """The functions' log lines at `level` (one of FUNCTION_LOG_LEVELS) and above: their Powertools loggers and the
    domain's `archive_search.*` records. Above INFO their EMF metric lines are not printed either
    (POWERTOOLS_METRICS_DISABLED, read at each flush): CloudWatch reads them in AWS, and no one locally."""
    for function_logger in function_loggers:
        function_logger.setLevel(level)
    logging.getLogger("archive_search").setLevel(level)
    os.environ["POWERTOOLS_METRICS_DISABLED"] = "false" if level in ("DEBUG", "INFO") else "true"


def match_index_to_archive() -> None:
    """Rebuild the index behind the ingest function's alias from its archive bucket, if the alias exists.

    moto keeps the buckets in memory while the node's data folder persists, so after a restart the index
    would hold articles the (new, empty) buckets do not: the archive is the truth, and the index follows it.
    Reads the ingest function's environment (configure_function_environment).
    """
    settings = IngestSettings.from_env(os.environ)
    client = create_client(settings.engine, max_retries=3)
    admin = OpenSearchIndexAdmin(client, settings.engine.index_alias, text_encoder(settings.text_model_dir))
    if not admin.indices_behind_alias():
        return
    archive = S3ArchiveStore(aws_client("s3", os.environ["AWS_ENDPOINT_URL"]), settings.archive_bucket)
    result = reindex(archive, admin, changes=archive)
    logger.info("index rebuilt from the archive at start: %d articles in %s", result.articles, result.index)


@contextmanager
def local_stack(
    ports: StackPorts,
    data_dir: Path = LOCAL_DIR,
    worker_threads: int = WORKER_THREADS,
    function_log_level: str = DEFAULT_FUNCTION_LOG_LEVEL,
) -> Iterator[RunningStack]:
    use_local_credentials()
    spec = local_stack_spec()
    with ExitStack() as stack:
        opensearch_url = stack.enter_context(opensearch_for_tests_or_local(data_dir / "opensearch", ports.opensearch))
        aws_url = stack.enter_context(moto_server(ports.moto))
        resources = create_resources(spec, aws_url)
        # Both handlers share this process, so each is built (settings read, clients made) in its own
        # function's environment before the next one's is set; they keep what they read while warm.
        from archive_search.handlers import ingest, search

        configure_function_environment(aws_url, opensearch_url, "IngestFunction")
        match_index_to_archive()
        ingest.ingest_service()
        configure_function_environment(aws_url, opensearch_url, "SearchFunction")
        search.app()
        set_function_log_level(function_log_level, ingest.logger, search.logger)

        queue = spec.queues[spec.ingest_queue_logical_id]
        worker = QueueWorker(
            aws_url,
            resources.queue_urls[queue.logical_id],
            ingest.handler,
            worker_threads,
            timeout_seconds=spec.function_timeouts["IngestFunction"],
            memory_mb=spec.function_memory["IngestFunction"],
        )
        worker.start()
        stack.callback(worker.stop)

        server = make_server(
            "127.0.0.1",
            ports.api,
            search.handler,
            max_concurrency=spec.function_concurrency.get("SearchFunction"),
            memory_mb=spec.function_memory["SearchFunction"],
            routes=spec.api_routes,
        )
        stack.callback(server.server_close)
        stack.callback(server.shutdown)
        threading.Thread(target=server.serve_forever, name="http-gateway", daemon=True).start()

        running = RunningStack.of(spec, resources, f"http://127.0.0.1:{ports.api}", aws_url, opensearch_url)
        data_dir.mkdir(parents=True, exist_ok=True)
        stack_file = data_dir / "stack.json"
        stack_file.write_text(json.dumps(asdict(running), indent=2), encoding="utf-8")
        stack.callback(stack_file.unlink, missing_ok=True)
        yield running


def wait_until_ingested(stack: RunningStack, timeout: float = SEED_TIMEOUT_SECONDS) -> bool:
    """Wait until the ingest queue holds no notification (visible, in flight or delayed: moto counts them exactly,
    and queues an upload's notification before put_object returns), then refresh the search alias so that a search
    finds what was ingested. True when done within `timeout` seconds, False when notifications remain then.

    Why: `make run` printed that the stack was running as soon as its seed page was uploaded, and a search sent at
    once found nothing (2 of 6 checks right after start in session 30)."""
    sqs = aws_client("sqs", stack.aws_endpoint_url)
    deadline = time.monotonic() + timeout
    while True:
        attributes = sqs.get_queue_attributes(QueueUrl=stack.ingest_queue_url, AttributeNames=list(_QUEUED))
        if not any(int(value) for value in attributes["Attributes"].values()):
            break
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    alias = local_stack_spec().function_environment["SearchFunction"]["INDEX_ALIAS"]
    refresh = urllib.request.Request(f"{stack.opensearch_url}/{alias}/_refresh", method="POST")  # noqa: S310
    with urllib.request.urlopen(refresh, timeout=30):  # noqa: S310 - the local node's own URL
        return True
