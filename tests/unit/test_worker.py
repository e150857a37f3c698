"""The local queue worker retries as Lambda's SQS event source does, within the function's time budget."""

from __future__ import annotations

from typing import Any

import pytest

from archive_search_cli import worker as worker_module
from archive_search_cli.worker import FakeLambdaContext, QueueWorker

pytestmark = pytest.mark.attack("Lambda's retry schedule, kept by the local worker")


class FakeSqs:
    def __init__(self) -> None:
        self.visibility_changes: list[int] = []
        self.deleted: list[str] = []

    def get_queue_attributes(self, **_: Any) -> dict[str, Any]:
        return {"Attributes": {"QueueArn": "arn:aws:sqs:us-east-1:123456789012:q"}}

    def receive_message(self, **_: Any) -> dict[str, Any]:
        return {
            "Messages": [
                {"MessageId": m, "ReceiptHandle": m, "Body": "{}", "Attributes": {"ApproximateReceiveCount": "3"}}
                for m in ("ok", "failed")
            ]
        }

    def change_message_visibility(self, VisibilityTimeout: int, **_: Any) -> None:  # boto3's argument name
        self.visibility_changes.append(VisibilityTimeout)

    def delete_message(self, ReceiptHandle: str, **_: Any) -> None:  # boto3's argument name
        self.deleted.append(ReceiptHandle)


def _worker(monkeypatch: pytest.MonkeyPatch, **kwargs: Any) -> tuple[QueueWorker, FakeSqs, list[Any]]:
    sqs, contexts = FakeSqs(), []
    monkeypatch.setattr(worker_module, "aws_client", lambda *_: sqs)

    def handler(_event: dict[str, Any], context: Any) -> dict[str, Any]:
        contexts.append(context)
        return {"batchItemFailures": [{"itemIdentifier": "failed"}]}

    return QueueWorker("http://moto", "queue", handler, **kwargs), sqs, contexts


def test_a_failed_message_waits_out_the_queues_visibility_timeout_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    worker, sqs, _ = _worker(monkeypatch)

    worker.poll_once()

    # Left as received: it reappears after the template's 360 s, and is dead-lettered after maxReceiveCount.
    assert sqs.visibility_changes == [] and sqs.deleted == ["ok"]


def test_tests_may_shorten_the_retry_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    worker, sqs, _ = _worker(monkeypatch, retry_delay=lambda receives: receives * 2)

    worker.poll_once()

    assert sqs.visibility_changes == [6]


def test_each_batch_gets_the_functions_timeout_as_its_remaining_time(monkeypatch: pytest.MonkeyPatch) -> None:
    worker, _, contexts = _worker(monkeypatch, timeout_seconds=60)

    worker.poll_once()

    assert 59_000 < contexts[0].get_remaining_time_in_millis() <= 60_000


def test_the_remaining_time_counts_down() -> None:
    context = FakeLambdaContext(timeout_seconds=10, started=0.0)

    assert context.get_remaining_time_in_millis() == 0


def test_a_local_context_names_its_own_function_and_request() -> None:
    # The search API's local log lines named IngestFunction's ARN and no request id (review F19).
    search, other = FakeLambdaContext(function_name="SearchFunction"), FakeLambdaContext(function_name="SearchFunction")
    assert search.invoked_function_arn.endswith(":function:SearchFunction")
    assert FakeLambdaContext().invoked_function_arn.endswith(":function:IngestFunction")
    assert search.aws_request_id and search.aws_request_id != other.aws_request_id
