"""redrive against moto's SQS, which holds batches to SQS's limits."""

from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from archive_search_cli.redrive import redrive


@pytest.mark.attack("dead letters redriven")
def test_large_dead_letters_are_moved_in_batches_sqs_accepts() -> None:
    # Ten 200 KB bodies (anything sent to the queue by mistake) are 2 MB: one batch was refused
    # (BatchRequestTooLong) on every run, so no dead letter could be moved.
    bodies = [f"{n}" + "x" * 200_000 for n in range(10)] + ["small"]
    with mock_aws():
        sqs = boto3.client("sqs", region_name="us-east-1")
        queue = sqs.create_queue(QueueName="ingest")["QueueUrl"]
        dead_letters = sqs.create_queue(QueueName="ingest-dlq")["QueueUrl"]
        for body in bodies:
            sqs.send_message(QueueUrl=dead_letters, MessageBody=body)

        moved = redrive(sqs, dead_letters, queue)

        received: list[str] = []
        while messages := sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", []):
            received += [message["Body"] for message in messages]
            sqs.delete_message_batch(
                QueueUrl=queue,
                Entries=[{"Id": str(n), "ReceiptHandle": m["ReceiptHandle"]} for n, m in enumerate(messages)],
            )
        left = sqs.get_queue_attributes(QueueUrl=dead_letters, AttributeNames=["ApproximateNumberOfMessages"])

    assert moved == len(bodies)
    assert sorted(received) == sorted(bodies)
    assert left["Attributes"]["ApproximateNumberOfMessages"] == "0"
