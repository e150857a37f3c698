"""Feeds queue messages to the real ingest handler as SQS batch events, as Lambda's event source would."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from archive_search_cli.local_aws import REGION, aws_client
from archive_search_cli.template import LAMBDA_DEFAULT_MEMORY_MB

logger = logging.getLogger(__name__)
BATCH_SIZE = 10
# Retry delay for a failed message: receive count -> seconds it stays hidden; None keeps the queue's visibility timeout.
RetryDelay = Callable[[int], int] | None


@dataclass
class FakeLambdaContext:
    """The attributes Powertools reads from a Lambda context; the remaining time counts down from the timeout."""

    function_name: str = "IngestFunction"
    # Powertools logs it as function_memory_size: a fixed 512 there contradicted the template's 1024 (session 53).
    memory_limit_in_mb: int = LAMBDA_DEFAULT_MEMORY_MB
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))  # logs of one request correlate by it
    timeout_seconds: float = 60.0
    started: float = field(default_factory=time.monotonic)

    @property
    def invoked_function_arn(self) -> str:
        """The function's own ARN (the search API's log lines named IngestFunction's)."""
        return f"arn:aws:lambda:{REGION}:123456789012:function:{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self.started + self.timeout_seconds - time.monotonic()) * 1000))


def sqs_event(messages: list[dict[str, Any]], queue_arn: str) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": {
                    "ApproximateReceiveCount": message.get("Attributes", {}).get("ApproximateReceiveCount", "1")
                },
                "messageAttributes": {},
                "md5OfBody": message.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": REGION,
            }
            for message in messages
        ]
    }


class QueueWorker:
    """Polls the ingest queue from several threads and retries like Lambda's SQS event source.

    A failed record stays hidden for the queue's visibility timeout (the template's: 360 s) and is delivered
    again, until the queue's redrive policy moves it to the dead-letter queue after maxReceiveCount receives
    (5): about 30 minutes of retries, as in production, so an engine outage of minutes heals by itself. Tests
    pass a shorter `retry_delay`. Each batch gets the function's timeout as its time budget.
    """

    def __init__(
        self,
        endpoint_url: str,
        queue_url: str,
        handler: Any,
        threads: int = 4,
        timeout_seconds: float = 60.0,
        retry_delay: RetryDelay = None,
        memory_mb: int = LAMBDA_DEFAULT_MEMORY_MB,
    ) -> None:
        self._sqs = aws_client("sqs", endpoint_url)
        self._queue_url = queue_url
        self._queue_arn = self._sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        self._handler = handler
        self._timeout_seconds = timeout_seconds
        self._memory_mb = memory_mb
        self._retry_delay = retry_delay
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, name=f"ingest-worker-{i}") for i in range(threads)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll_once(wait_seconds=1)
            except Exception:
                logger.exception("ingest worker poll failed")
                self._stop.wait(1)

    def poll_once(self, wait_seconds: int = 0) -> int:
        """Receive one batch, hand it to the handler, settle each message; returns how many were received."""
        messages = self._sqs.receive_message(
            QueueUrl=self._queue_url,
            MaxNumberOfMessages=BATCH_SIZE,
            WaitTimeSeconds=wait_seconds,
            AttributeNames=["ApproximateReceiveCount"],
        ).get("Messages", [])
        if not messages:
            return 0
        context = FakeLambdaContext(
            aws_request_id=str(uuid.uuid4()), timeout_seconds=self._timeout_seconds, memory_limit_in_mb=self._memory_mb
        )
        response = self._handler(sqs_event(messages, self._queue_arn), context)
        failed = {item["itemIdentifier"] for item in response.get("batchItemFailures", [])}
        for message in messages:
            if message["MessageId"] in failed:
                if self._retry_delay is not None:
                    receives = int(message.get("Attributes", {}).get("ApproximateReceiveCount", "1"))
                    self._sqs.change_message_visibility(
                        QueueUrl=self._queue_url,
                        ReceiptHandle=message["ReceiptHandle"],
                        VisibilityTimeout=self._retry_delay(receives),
                    )
            else:
                self._sqs.delete_message(QueueUrl=self._queue_url, ReceiptHandle=message["ReceiptHandle"])
        return len(messages)
