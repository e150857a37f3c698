"""`archive-search`: run the local stack, upload as an editor would, and inspect parsing."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from botocore.exceptions import ClientError, EndpointConnectionError
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

from archive_search.errors import RejectedUploadError, SearchUnavailableError, StorageUnavailableError
from archive_search.keys import article_id_for_key
from archive_search.parsing import too_large, unsupported_extension
from archive_search_cli.local_aws import aws_client
from archive_search_cli.opensearch_node import OpenSearchNodeError
from archive_search_cli.operator import add_target_options, run_reindex, run_verify
from archive_search_cli.redrive import add_redrive_command
from archive_search_cli.sam_local import run as run_sam_local
from archive_search_cli.stack import (
    DEFAULT_FUNCTION_LOG_LEVEL,
    FUNCTION_LOG_LEVELS,
    LOCAL_DIR,
    StackPorts,
    add_stack_option,
    local_stack,
    read_stack_file,
    refuse_taken_ports,
    running_stack,
    s3_endpoint,
    wait_until_ingested,
)
from archive_search_cli.template import local_stack_spec
from archive_search_cli.uploads import (
    PendingDeletion,
    UploadSourceError,
    delete_all,
    has_report,
    left_out,
    named_uploads,
    put_all,
    remaining_versions,
    reported_uploads,
    resolve_named,
    saved_page_folders,
    upload_report,
    uploads_for_jsonl,
    uploads_for_paths,
)

EXIT_REJECTED = 2
LOG_LEVEL_VARIABLE = "ARCHIVE_SEARCH_LOG_LEVEL"  # what `make run` passes on: `ARCHIVE_SEARCH_LOG_LEVEL=INFO make run`


def _serve(args: argparse.Namespace) -> int:
    log_level = args.log_level or os.environ.get(LOG_LEVEL_VARIABLE, "").strip().upper() or DEFAULT_FUNCTION_LOG_LEVEL
    if log_level not in FUNCTION_LOG_LEVELS:
        raise SystemExit(f"{LOG_LEVEL_VARIABLE} must be one of {', '.join(FUNCTION_LOG_LEVELS)}, got {log_level!r}")
    ports = StackPorts(api=args.port, moto=args.moto_port, opensearch=args.opensearch_port)
    refuse_taken_ports("serve", ports, Path(args.data_dir))
    stopping = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with local_stack(ports, Path(args.data_dir), function_log_level=log_level) as stack:
        if args.seed:
            s3 = aws_client("s3", stack.aws_endpoint_url)
            put_all(s3, stack.uploads_bucket, uploads_for_paths([Path(p) for p in args.seed], stack.upload_prefix))
            # Say it is running once a search finds what was seeded, not before.
            if not wait_until_ingested(stack):
                print("the seed is not all ingested yet: `archive-search report FILE` says why", file=sys.stderr)
        print(
            f"SomaNet Archive Search is running:\n"
            f"  search page  {stack.api_url}/\n"
            f"  search API   {stack.api_url}/search?q=...  (health: {stack.api_url}/health)\n"
            f"  OpenSearch   {stack.opensearch_url}\n"
            f"  S3 and SQS   {stack.aws_endpoint_url} (moto); uploads bucket {stack.uploads_bucket}\n"
            f"Press Ctrl-C to stop.",
            flush=True,
        )
        stopping.wait()
        print("stopping…", file=sys.stderr, flush=True)
    print("stopped", file=sys.stderr, flush=True)
    return 0


def _upload_target(args: argparse.Namespace) -> tuple[str | None, str, str]:
    """Endpoint, bucket and prefix: explicit options, else the running local stack, else the template's."""
    running = running_stack(args.data_dir, named=bool(args.endpoint_url))
    spec = local_stack_spec()
    default_prefix = spec.function_environment["IngestFunction"]["UPLOAD_PREFIX"]
    bucket = args.bucket or (running.uploads_bucket if running else spec.uploads_bucket)
    prefix = args.prefix or (running.upload_prefix if running else default_prefix)
    return s3_endpoint(args.endpoint_url, running), bucket, prefix


def _upload(args: argparse.Namespace) -> int:
    endpoint, bucket, prefix = _upload_target(args)
    s3 = aws_client("s3", endpoint)
    if not (args.jsonl or args.paths):
        print("give files or folders to upload, or --jsonl FILE", file=sys.stderr)
        return 1
    uploads = (
        uploads_for_jsonl(Path(args.jsonl), prefix) if args.jsonl else uploads_for_paths(map(Path, args.paths), prefix)
    )
    try:
        items = list(uploads)
        # A file no article can come of is not sent: ingest would only leave a report on it (session 53's new user:
        # `upload story.docx` exited 2 and uploaded it all the same).
        # So is one above ingest's size limit (session 54's new user: announced as an article, then rejected).
        sizes = {item.key: len(item.body) for item in items}
        refused = {item.key for item in items if _no_article(item.key, prefix, sizes[item.key]) is not None}
        # put_all also refuses two files for one upload or article, before sending any: which won would be chance.
        count = put_all(s3, bucket, [item for item in items if item.key not in refused])
    except UploadSourceError as exc:  # a mistyped name or a bad corpus line: what to fix, not a traceback
        print(f"{exc}; nothing was uploaded", file=sys.stderr)
        return 1
    print(f"uploaded {count} file(s) to s3://{bucket}/{prefix}")
    _list_articles(list(sizes), prefix, outcome="not uploaded", sizes=sizes)
    if not args.jsonl:
        paths = [Path(p) for p in args.paths]
        if skipped := left_out(paths):
            print(f"left out, not regular files: {', '.join(map(str, skipped))}", file=sys.stderr)
        for folder in saved_page_folders(paths):
            print(f"left out, a saved page's own files (css, scripts, images): {folder}", file=sys.stderr)
    # As `report` exits when an upload was rejected: a script notices a file that can make no article (session
    # 48's new user: `upload /dev/null` said "no article" and exited 0).
    return 2 if refused else 0


LISTED_KEYS = 20  # a corpus's thousands are counted, not listed


def _no_article(key: str, prefix: str, size: int | None = None) -> RejectedUploadError | None:
    """Why no article can come of an upload key (a name no article can have, a format ingest does not read) or of a
    file of `size` bytes (too_large), or None."""
    try:
        article_id_for_key(key, prefix)
    except RejectedUploadError as exc:
        return exc
    return unsupported_extension(key) or (too_large(size) if size is not None else None)


def _list_articles(
    keys: list[str],
    prefix: str,
    outcome: str = "no article",
    after: Callable[[str], str] | None = None,
    sizes: dict[str, int] | None = None,
) -> None:
    """Each key with the article it names (`delete` and `report` take the same paths), and `after` says what became
    of it, for a few keys; of more, those that name none (of their `sizes` too), with `outcome` and why."""
    lines: list[str] = []
    for key in keys:
        unsupported = _no_article(key, prefix, (sizes or {}).get(key))
        if unsupported is not None:
            fix = f"; {unsupported.fix}" if unsupported.fix else ""
            lines.append(f"  {key} -> {outcome}: {unsupported.reason}{fix}")
        elif len(keys) <= LISTED_KEYS:
            lines.append(f"  {key} -> article {article_id_for_key(key, prefix)}{after(key) if after else ''}")
    for line in lines[:LISTED_KEYS]:
        print(line)
    if len(lines) > LISTED_KEYS:
        print(f"  … and {len(lines) - LISTED_KEYS} more -> {outcome}")


def _delete(args: argparse.Namespace) -> int:
    endpoint, bucket, prefix = _upload_target(args)
    if not (args.jsonl or args.paths):
        print("give the files or folders that were uploaded, or --jsonl FILE", file=sys.stderr)
        return 1
    try:
        s3 = aws_client("s3", endpoint)
        if args.jsonl:
            uploads = uploads_for_jsonl(Path(args.jsonl), prefix)
            pending = [PendingDeletion(u.key, u.body, u.source) for u in uploads]
        else:  # a file of a folder upload is named by its path (resolve_named), or the key
            pending = resolve_named(s3, bucket, named_uploads(map(Path, args.paths), prefix))
        # Which were rejected, asked before ingest withdraws their reports, for those listed (_list_articles)
        report_prefix = local_stack_spec().function_environment["IngestFunction"]["REPORT_PREFIX"]
        listed = pending if len(pending) <= LISTED_KEYS else []
        rejected = {item.key for item in listed if has_report(s3, bucket, item.key, prefix, report_prefix)}
        # delete_all also refuses two files for one upload, before deleting any.
        done = delete_all(s3, bucket, pending, force=args.force)
    except UploadSourceError as exc:
        print(f"{exc}; nothing was deleted", file=sys.stderr)
        return 1
    for key in done.not_uploaded:
        print(f"{key}: not uploaded, nothing to delete", file=sys.stderr)
    for key in done.differing:
        print(
            f"{key}: holds another file than the one named, kept (a file named alone is its upload by name; give "
            "the folder that was uploaded, or --force to delete it anyway)",
            file=sys.stderr,
        )
    print(f"deleted {len(done.deleted)} upload(s) from s3://{bucket}/{prefix}")
    _list_articles(done.deleted, prefix, after=lambda key: _after_deletion(s3, bucket, key, key in rejected))
    return 1 if done.differing or done.not_uploaded else 0  # as rm: a script notices a name that was not there


def _after_deletion(s3: Any, bucket: str, key: str, rejected: bool) -> str:
    """What became of the article of a deleted upload: removed, or made from another upload of it that remains (the
    newest: `x.json` once `x.txt` is deleted), which `delete` used to list as if removed (session 53's new user); or,
    of a `rejected` upload, that there was none and its report goes (it said "article … removed": session 54's)."""
    remaining = remaining_versions(s3, bucket, key)
    if rejected and not remaining:
        return " was not in the archive (the upload was rejected): its rejection report is removed"
    if remaining is None:  # the editors' policy lets them list the reports only
        return " removed, unless another format of it is uploaded (then it follows that one)"
    if remaining:
        return f" kept: it now follows {remaining[0]} (delete that too to remove it)"
    return " removed"


def _report(args: argparse.Namespace) -> int:
    endpoint, bucket, prefix = _upload_target(args)
    ingest_env = local_stack_spec().function_environment["IngestFunction"]
    report_prefix = args.report_prefix or ingest_env["REPORT_PREFIX"]
    running = running_stack(args.data_dir, named=bool(args.endpoint_url))
    # No name is guessed: the template's local one is no deployed stack's (AWS answered NoSuchBucket: the review).
    archive_bucket = args.archive_bucket or (running.archive_bucket if running else None)
    s3 = aws_client("s3", endpoint)
    try:
        named = resolve_named(s3, bucket, named_uploads(map(Path, args.paths), prefix)) if args.paths else []
    except UploadSourceError as exc:  # a path that may name several uploads: which of them
        print(exc, file=sys.stderr)
        return 1
    keys = [item.key for item in named] if args.paths else reported_uploads(s3, bucket, report_prefix)
    rejected = False
    for key in keys:
        report = upload_report(s3, bucket, key, prefix, report_prefix, archive_bucket)
        rejected |= report["status"] == "rejected"
        print(json.dumps(report, ensure_ascii=False), flush=True)
    return EXIT_REJECTED if rejected else 0


def _parse(args: argparse.Namespace) -> int:
    from archive_search.parsing import parse_upload

    path = Path(args.file)
    if path.is_dir():
        # Read as an upload's name, a folder was "a file name with no extension", which sent readers looking for one.
        print(
            json.dumps(
                {
                    "file": str(path),
                    "status": "unreadable",
                    "reason": "this is a folder; parse reads one file",
                    "how_to_fix": f"name a file in it: archive-search parse {path / '<file>'}",
                },
                ensure_ascii=False,
            )
        )
        return EXIT_REJECTED
    key = f"incoming/{path.name}"
    try:
        article_id = article_id_for_key(key, "incoming/")
        parsed = parse_upload(key, path.read_bytes())
    except RejectedUploadError as exc:
        print(json.dumps({"file": str(path), "status": "rejected", "reason": exc.reason, "how_to_fix": exc.fix}))
        return EXIT_REJECTED
    except OSError as exc:
        print(json.dumps({"file": str(path), "status": "unreadable", "reason": exc.strerror or str(exc)}))
        return EXIT_REJECTED
    article = {"id": article_id, **parsed.__dict__, "tags": list(parsed.tags)}
    print(json.dumps(article, indent=2, ensure_ascii=False))
    return 0


def _add_uploads_target_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint-url", help="S3 endpoint; 'aws' for the real one (default: the running local stack)")
    parser.add_argument("--bucket", help="uploads bucket (default: the running local stack's)")
    parser.add_argument("--prefix", help="upload prefix (default: the template's)")
    add_stack_option(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="archive-search", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the whole stack on 127.0.0.1 until Ctrl-C")
    serve.add_argument("--port", type=int, default=StackPorts.api, help="HTTP port of the search API")
    serve.add_argument("--moto-port", type=int, default=StackPorts.moto, help="port of the local S3/SQS")
    serve.add_argument("--opensearch-port", type=int, default=StackPorts.opensearch)
    serve.add_argument("--data-dir", default=str(LOCAL_DIR), help="where OpenSearch keeps its data")
    serve.add_argument("--seed", nargs="*", default=[], help="files to upload once the stack is up")
    serve.add_argument(
        "--log-level",
        type=str.upper,
        choices=FUNCTION_LOG_LEVELS,
        help="the functions' own log lines (JSON) and metrics printed from this level up; INFO prints every search "
        f"and upload (default: ${LOG_LEVEL_VARIABLE}, else {DEFAULT_FUNCTION_LOG_LEVEL})",
    )
    serve.set_defaults(run=_serve)

    sam_local = commands.add_parser(
        "sam-local", help="OpenSearch and moto for the functions in Lambda containers, and sam local start-api"
    )
    sam_local.add_argument("--sam", default="sam", help="the SAM CLI (make sam-local passes .tools/sam/bin/sam)")
    sam_local.add_argument(
        "--config-env", default="local", help="samconfig.toml environment: local (image built here) or default (AWS's)"
    )
    sam_local.add_argument("--port", type=int, default=StackPorts.api, help="HTTP port of sam local start-api")
    sam_local.add_argument("--moto-port", type=int, default=StackPorts.moto, help="port of the local S3/SQS")
    sam_local.add_argument("--opensearch-port", type=int, default=StackPorts.opensearch)
    sam_local.add_argument("--seed", nargs="*", default=[], help="files the ingest function ingests before start-api")
    sam_local.set_defaults(run=run_sam_local)

    upload = commands.add_parser("upload", help="put files into the uploads bucket, as an editor would")
    upload.add_argument("paths", nargs="*", help="files or folders")
    upload.add_argument("--jsonl", help="a corpus file: one JSON article per line, keyed by its id")
    _add_uploads_target_options(upload)
    upload.set_defaults(run=_upload)

    delete = commands.add_parser("delete", help="remove the uploads that `upload` made for these paths")
    delete.add_argument("paths", nargs="*", help="files or folders, as given to upload")
    delete.add_argument("--jsonl", help="a corpus file given to upload --jsonl")
    delete.add_argument(
        "--force", action="store_true", help="delete an upload even when it holds another file than the one named"
    )
    _add_uploads_target_options(delete)
    delete.set_defaults(run=_delete)

    report = commands.add_parser("report", help="each upload's rejection report, or that it has none")
    report.add_argument("paths", nargs="*", help="files or folders, as given to upload (none: every report)")
    report.add_argument("--report-prefix", help="where ingest writes reports (default: the template's)")
    report.add_argument(
        "--archive-bucket",
        help="the archive bucket, to tell accepted from waiting (default: the running local stack's, else none)",
    )
    _add_uploads_target_options(report)
    report.set_defaults(run=_report)

    reindex = commands.add_parser("reindex", help="rebuild the index from the archive and swap the alias to it")
    add_target_options(reindex)
    reindex.set_defaults(run=run_reindex)

    verify = commands.add_parser("verify", help="compare uploads, archive and index; exit 1 on drift")
    add_target_options(verify)
    verify.add_argument("--repair", action="store_true", help="fix the drift found")
    verify.set_defaults(run=run_verify)

    add_redrive_command(commands)

    parse = commands.add_parser("parse", help="print the canonical article a file becomes, or why it is rejected")
    parse.add_argument("file", help="one file (a folder's files one at a time)")
    parse.set_defaults(run=_parse)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("botocore", "urllib3", "opensearch", "werkzeug"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # The client logs each failed attempt with its traceback; the command says what failed in one line (unreachable).
    logging.getLogger("opensearch").setLevel(logging.ERROR)
    args = build_parser().parse_args(argv)
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # what is still buffered meets a closed pipe here, not at exit
        return status
    except BrokenPipeError:  # `report | head`: the reader has what it wanted
        return _closed_pipe()
    except OpenSearchNodeError as exc:  # the node could not be fetched or started: why, not a traceback
        raise SystemExit(f"archive-search {args.command}: {exc}") from None
    except (EndpointConnectionError, ClientError, StorageUnavailableError, SearchUnavailableError) as exc:
        if args.command in ("serve", "sam-local"):
            raise
        raise SystemExit(unreachable(args, exc)) from None


EXIT_CLOSED_PIPE = 128 + signal.SIGPIPE  # as a Unix tool killed by SIGPIPE (`yes | head`) exits


def _closed_pipe() -> int:
    """A command whose reader closed its output (`report | head -1`, `verify | head`) stops quietly, as Unix tools do:
    it ended in a BrokenPipeError traceback and exit status 1, which for `verify` means drift (session 54's new user).
    Output still buffered goes nowhere, not to a second traceback at exit."""
    with contextlib.suppress(OSError, ValueError):  # stdout is no file (in-process callers): nothing to flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_CLOSED_PIPE


_ENDPOINTS = {"--endpoint-url": "endpoint_url", "--opensearch-url": "opensearch_url"}  # option: its attribute


def unreachable(args: argparse.Namespace, error: Exception) -> str:
    """One line for a command whose stack failed it (upload, delete, report, reindex, verify): when it could not
    connect, with no stack running in its --data-dir and no endpoint named, that none runs and what to do; else the
    error. A new user in a second shell saw a traceback of 128 to 266 lines (session 47's trial as a new user)."""
    named = {option: attribute for option, attribute in _ENDPOINTS.items() if hasattr(args, attribute)}
    given = any(getattr(args, attribute) for attribute in named.values())
    options = list(named)
    data_dir = Path(getattr(args, "data_dir", LOCAL_DIR))
    if not _connection_failure(error):
        return f"the service answered with an error: {error}"
    if not given and read_stack_file(data_dir) is None:
        return (
            f"no local stack is running ({data_dir / 'stack.json'} is absent): start it with `make run` (or"
            f" `archive-search serve`) and try again, or name the service with {' or '.join(options)}; {error}"
        )
    if not given:  # the stack that wrote it may have stopped without removing it (killed)
        return f"cannot reach the service of the stack in {data_dir} (stopped? remove its stack.json then): {error}"
    return f"cannot reach the service: {error}"


def _connection_failure(error: BaseException | None) -> bool:
    """Whether an error is, or was raised from, a failure to connect or a connection that never answered (not an
    answer such as NoSuchBucket or a 503)."""
    while error is not None:
        if isinstance(error, (EndpointConnectionError, OpenSearchConnectionError)):
            return True
        error = error.__cause__ or error.__context__
    return False


if __name__ == "__main__":
    sys.exit(main())
