"""Local S3 and SQS: moto in server mode, with the resources the template declares."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import boto3
from moto.server import ThreadedMotoServer

from archive_search_cli.template import LOCAL_PSEUDO_PARAMETERS, LocalStackSpec

REGION = LOCAL_PSEUDO_PARAMETERS["AWS::Region"]


def use_local_credentials() -> None:
    """moto accepts any credentials; set dummy ones so boto3 never reaches for real ones."""
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", REGION),
        ("AWS_REGION", REGION),
    ):
        os.environ.setdefault(name, value)


def aws_client(service: str, endpoint_url: str) -> Any:
    return boto3.client(service, endpoint_url=endpoint_url, region_name=REGION)


@contextmanager
def moto_server(port: int) -> Iterator[str]:
    use_local_credentials()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@dataclass(frozen=True)
class LocalResources:
    queue_urls: dict[str, str]
    bucket_names: dict[str, str]


def create_resources(spec: LocalStackSpec, endpoint_url: str) -> LocalResources:
    """Create the template's queues and buckets (idempotently) and wire the S3 -> SQS notifications."""
    sqs = aws_client("sqs", endpoint_url)
    s3 = aws_client("s3", endpoint_url)
    queue_urls: dict[str, str] = {}
    queue_arns: dict[str, str] = {}
    # Dead-letter queues first: the queues that redrive to them need their ARNs.
    for queue in sorted(spec.queues.values(), key=lambda q: q.dead_letter_logical_id is not None):
        attributes = {"VisibilityTimeout": str(queue.visibility_timeout)}
        if queue.dead_letter_logical_id:
            attributes["RedrivePolicy"] = json.dumps(
                {
                    "deadLetterTargetArn": queue_arns[queue.dead_letter_logical_id],
                    "maxReceiveCount": queue.max_receive_count,
                }
            )
        url = sqs.create_queue(QueueName=queue.name, Attributes=attributes)["QueueUrl"]
        queue_urls[queue.logical_id] = url
        queue_arns[queue.logical_id] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]
    for bucket in spec.buckets.values():
        s3.create_bucket(Bucket=bucket.name)
        if bucket.versioned:
            s3.put_bucket_versioning(Bucket=bucket.name, VersioningConfiguration={"Status": "Enabled"})
        if bucket.notifications:
            s3.put_bucket_notification_configuration(
                Bucket=bucket.name,
                NotificationConfiguration={
                    "QueueConfigurations": [
                        {
                            "QueueArn": queue_arns[queue_id],
                            "Events": [event],
                            "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": prefix}]}},
                        }
                        for event, queue_id, prefix in bucket.notifications
                    ]
                },
            )
    return LocalResources(queue_urls, {b.logical_id: b.name for b in spec.buckets.values()})
