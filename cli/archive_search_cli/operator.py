"""`reindex` and `verify`: the operator's commands, against the local stack or a deployed one."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from typing import Any

import boto3
from tqdm import tqdm

from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
from archive_search.adapters.opensearch_index import OpenSearchArticleIndex, create_client
from archive_search.adapters.s3_stores import S3ArchiveStore, S3ReportStore, S3UploadSource
from archive_search.config import EngineSettings
from archive_search.handlers.text_model import text_encoder
from archive_search.ingest import IngestService
from archive_search.operations import UploadsLocation, reindex, repair, verify
from archive_search.ports import TextEncoder
from archive_search_cli.local_aws import REGION, aws_client
from archive_search_cli.stack import RunningStack, StackPorts, add_stack_option, running_stack, s3_endpoint
from archive_search_cli.template import local_stack_spec
from archive_search_cli.text_model import ensure_model

EXIT_DRIFT = 1


@dataclass(frozen=True)
class Target:
    engine: EngineSettings
    s3_endpoint: str | None
    archive_bucket: str


def add_target_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("target (default: the running local stack)")
    group.add_argument("--opensearch-url", help="OpenSearch endpoint")
    group.add_argument("--auth", choices=("none", "sigv4"), help="sigv4 for an AWS domain (default: none)")
    group.add_argument("--alias", default="articles", help="index alias (default: articles)")
    group.add_argument("--endpoint-url", help="S3 endpoint; 'aws' for the real one")
    group.add_argument(
        "--archive-bucket", help="the stack's archive bucket (default: the local stack's; required with --endpoint-url)"
    )
    group.add_argument(
        "--uploads-bucket",
        help="the stack's uploads bucket, read by verify (default: the local stack's; required with --endpoint-url)",
    )
    add_stack_option(parser)


def resolve_target(args: argparse.Namespace) -> Target:
    return _target(args, _running(args))


def _target(args: argparse.Namespace, running: RunningStack | None) -> Target:
    ingest_env = local_stack_spec().function_environment["IngestFunction"]
    local_archive = running.archive_bucket if running else ingest_env["ARCHIVE_BUCKET"]
    auth = args.auth or "none"
    url = args.opensearch_url or (running.opensearch_url if running else f"http://127.0.0.1:{StackPorts.opensearch}")
    engine = EngineSettings(
        endpoint=url.rstrip("/"),
        auth=auth,
        timeout_seconds=60.0,
        index_alias=args.alias,
        region=_engine_region(auth),
    )
    return Target(
        engine=engine,
        s3_endpoint=s3_endpoint(args.endpoint_url, running),
        archive_bucket=_bucket(args, "--archive-bucket", args.archive_bucket, local_archive),
    )


def _uploads(args: argparse.Namespace, running: RunningStack | None) -> UploadsLocation:
    """Where the stack's uploads and reports are, which verify reads (reindex reads none)."""
    spec = local_stack_spec()
    ingest_env = spec.function_environment["IngestFunction"]
    bucket = _bucket(
        args, "--uploads-bucket", args.uploads_bucket, running.uploads_bucket if running else spec.uploads_bucket
    )
    return UploadsLocation(bucket, ingest_env["UPLOAD_PREFIX"], ingest_env["REPORT_PREFIX"])


def _running(args: argparse.Namespace) -> RunningStack | None:
    return running_stack(args.data_dir, named=bool(args.endpoint_url and args.opensearch_url))


def _bucket(args: argparse.Namespace, flag: str, given: str | None, local: str) -> str:
    """A bucket the command reads: the one its `flag` names, else, on the local stack's S3 (no --endpoint-url), the
    `local` one (the running stack's, else the template's). With --endpoint-url and no name, SystemExit in one line
    naming the flag: the local name is no deployed stack's, and reading it failed, or read another stack's (session
    54; `report` guesses none either since session 53)."""
    if given:
        return given
    if args.endpoint_url:
        raise SystemExit(
            f"archive-search {args.command}: with --endpoint-url, name the stack's bucket with {flag} (the local"
            " stack's name is no other stack's)"
        )
    return local


def _engine_region(auth: str) -> str:
    """SigV4 signs for the domain's region: the user's configured one (AWS_DEFAULT_REGION or the profile's)."""
    if auth != "sigv4":
        return REGION
    region = boto3.session.Session().region_name
    if not region:
        raise SystemExit("--auth sigv4 signs for the domain's region: set AWS_DEFAULT_REGION (or a profile's region)")
    return region


def local_text_encoder() -> TextEncoder | None:
    """The model the functions embed articles with, from this machine's cache (fetched if missing)."""
    return text_encoder(ensure_model())


def _s3(target: Target) -> Any:
    return aws_client("s3", target.s3_endpoint)


def run_reindex(args: argparse.Namespace) -> int:
    target = resolve_target(args)
    s3 = _s3(target)
    archive = S3ArchiveStore(s3, target.archive_bucket)
    admin = OpenSearchIndexAdmin(
        create_client(target.engine, max_retries=3), target.engine.index_alias, local_text_encoder()
    )
    # disable=None: a bar only on a terminal (piped to a file it wrote hundreds of frames: session 53's new user).
    with tqdm(unit="article", desc="reindex", disable=None) as bar:
        result = reindex(archive, admin, progress=bar.update, changes=archive)
    if result.failures:
        print(json.dumps({"status": "failed", "index": result.index, "failures": result.failures}, indent=2))
        print("the alias was left unchanged; fix the articles above and run reindex again", file=sys.stderr)
        return EXIT_DRIFT
    print(
        f"indexed {result.articles} articles into {result.index}; alias {target.engine.index_alias!r} now points "
        f"at it" + (f"; removed {', '.join(result.removed_indices)}" if result.removed_indices else "")
    )
    if result.catch_up_failures:
        print(json.dumps({"status": "swapped", "catch_up_failures": result.catch_up_failures}, indent=2))
        print("some writes made during the rebuild could not be applied: run verify --repair", file=sys.stderr)
        return EXIT_DRIFT
    return 0


def run_verify(args: argparse.Namespace) -> int:
    running = _running(args)  # read once: the index, the archive and the uploads are one stack's
    target, uploads_at = _target(args, running), _uploads(args, running)
    s3 = _s3(target)
    archive = S3ArchiveStore(s3, target.archive_bucket)
    client = create_client(target.engine, max_retries=3)
    admin = OpenSearchIndexAdmin(client, target.engine.index_alias)
    uploads = S3UploadSource(s3)
    with tqdm(unit="article", desc="reading archive", disable=None) as bar:
        report = verify(archive, admin, uploads, uploads_at, progress=bar.update)
    summary = asdict(report) | {"drift": report.drift}
    print(json.dumps(summary, indent=2))
    if report.drift and args.repair:
        index = OpenSearchArticleIndex(client, target.engine.index_alias, local_text_encoder())
        ingest = IngestService(
            uploads, archive, index, S3ReportStore(s3), uploads_at.upload_prefix, uploads_at.report_prefix
        )
        failures = repair(report, archive, index, ingest, uploads_at)
        if failures:
            print(json.dumps({"repair_failures": failures}, indent=2))
            return EXIT_DRIFT
        report = verify(archive, admin, uploads, uploads_at)
        print(f"repaired; drift now {report.drift}")
    return EXIT_DRIFT if report.drift else 0
