"""`archive-search redrive`: move dead-lettered notifications back to the ingest queue once the cause is fixed.

Receive, send, delete, ten at a time: it works on moto and on AWS alike, keeps each message's body (the S3
notification), and a message is deleted from the dead-letter queue only once the ingest queue has it, so an
interrupted run loses nothing (at worst a message is delivered twice, which ingest tolerates). On AWS,
`aws sqs start-message-move-task --source-arn <DLQ ARN>` does the same server-side (docs/deploy.md).
"""

from __future__ import annotations

import argparse
from typing import Any

from archive_search_cli.local_aws import aws_client
from archive_search_cli.stack import add_stack_option, running_stack, s3_endpoint

BATCH = 10
# SQS refuses a batch whose bodies add up to more than its largest message (1 MiB): ten large dead letters
# (anything sent to the queue by mistake) made every run fail, so messages are sent in batches within it.
BATCH_BYTES = 1_048_576
# A message being moved stays hidden this long; if the run stops, it reappears in the dead-letter queue.
MOVE_VISIBILITY_SECONDS = 60


def redrive(sqs: Any, dead_letter_queue_url: str, queue_url: str) -> int:
    """Move every message from the dead-letter queue to `queue_url`; returns how many were moved."""
    moved = 0
    while True:
        messages = sqs.receive_message(
            QueueUrl=dead_letter_queue_url,
            MaxNumberOfMessages=BATCH,
            WaitTimeSeconds=1,
            VisibilityTimeout=MOVE_VISIBILITY_SECONDS,
        ).get("Messages", [])
        if not messages:
            return moved
        for batch in _within_batch_bytes(messages):
            moved += _move(sqs, batch, dead_letter_queue_url, queue_url, moved)


def _within_batch_bytes(messages: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    batches: list[list[dict[str, Any]]] = []
    size = 0
    for message in messages:
        body_bytes = len(message["Body"].encode())
        if not batches or size + body_bytes > BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(message)
        size += body_bytes
    return batches


def _move(sqs: Any, messages: list[dict[str, Any]], dead_letter_queue_url: str, queue_url: str, moved: int) -> int:
    """Send `messages` on, then delete from the dead-letter queue those the ingest queue took; returns how many."""
    sent = sqs.send_message_batch(
        QueueUrl=queue_url,
        Entries=[{"Id": str(n), "MessageBody": m["Body"]} for n, m in enumerate(messages)],
    )
    delivered = {int(entry["Id"]) for entry in sent.get("Successful", [])}
    done = [m for n, m in enumerate(messages) if n in delivered]
    if done:
        sqs.delete_message_batch(
            QueueUrl=dead_letter_queue_url,
            Entries=[{"Id": str(n), "ReceiptHandle": m["ReceiptHandle"]} for n, m in enumerate(done)],
        )
    if len(done) < len(messages):
        failed = [f"{entry.get('Code')}: {entry.get('Message')}" for entry in sent.get("Failed", [])]
        raise SystemExit(f"moved {moved + len(done)}; the ingest queue refused the rest: {'; '.join(failed)}")
    return len(done)


def run_redrive(args: argparse.Namespace) -> int:
    running = running_stack(args.data_dir, named=bool(args.queue_url and args.dead_letter_queue_url))
    queue_url = args.queue_url or (running.ingest_queue_url if running else None)
    dead_letter_queue_url = args.dead_letter_queue_url or (running.dead_letter_queue_url if running else None)
    if not queue_url or not dead_letter_queue_url:
        raise SystemExit(
            "no local stack is running (.local/stack.json is absent): start it with `make run` (or `archive-search"
            " serve`) and try again, or give --queue-url and --dead-letter-queue-url"
        )
    moved = redrive(aws_client("sqs", s3_endpoint(args.endpoint_url, running)), dead_letter_queue_url, queue_url)
    print(f"moved {moved} message(s) from the dead-letter queue back to the ingest queue")
    return 0


def add_redrive_command(commands: Any) -> None:
    command = commands.add_parser("redrive", help="move dead-lettered notifications back to the ingest queue")
    command.add_argument("--endpoint-url", help="SQS endpoint; 'aws' for the real one (default: the local stack's)")
    command.add_argument("--queue-url", help="the ingest queue (default: the running local stack's)")
    command.add_argument("--dead-letter-queue-url", help="its dead-letter queue (default: the running local stack's)")
    add_stack_option(command)
    command.set_defaults(run=run_redrive)
