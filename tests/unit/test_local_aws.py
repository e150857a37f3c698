"""Which credentials the CLI's AWS clients use (dummy ones for moto on this machine, the user's own for AWS), and
moto's SQS made safe for the local stack's concurrent workers."""

from __future__ import annotations

import os
import threading

import pytest
from moto.core import DEFAULT_ACCOUNT_ID
from moto.sqs.models import Queue, SQSBackend, sqs_backends

from archive_search.adapters.s3_stores import READ_THREADS
from archive_search_cli.local_aws import (
    APPROXIMATE_COUNTS,
    REGION,
    _briefly_cached,
    _counting_afresh,
    _receive_under_messages_lock,
    aws_client,
)
from archive_search_cli.uploads import UPLOAD_THREADS


@pytest.fixture
def no_aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_PROFILE"):
        monkeypatch.setenv(name, "")  # so that what the code sets is undone after the test
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)


@pytest.mark.usefixtures("no_aws_environment")
def test_a_local_endpoint_gets_dummy_credentials_and_the_local_region() -> None:
    client = aws_client("s3", "http://127.0.0.1:5005")

    assert client.meta.region_name == REGION
    assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"


@pytest.mark.usefixtures("no_aws_environment")
def test_aws_itself_keeps_the_users_region_and_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")

    client = aws_client("s3", None)

    assert client.meta.region_name == "eu-west-2"
    assert "AWS_ACCESS_KEY_ID" not in os.environ


@pytest.mark.usefixtures("no_aws_environment")
@pytest.mark.parametrize("endpoint", ["http://127.0.0.1:5005", None])
def test_a_client_keeps_a_connection_for_each_thread_the_cli_runs(endpoint: str | None) -> None:
    # `upload` sends 16 files at a time and `verify`/`reindex` read the archive 16 at a time through one client,
    # whose pool kept 10 connections: each run printed "Connection pool is full, discarding connection" warnings
    # (every few hundred files) and opened a new connection for each discarded one.
    client = aws_client("s3", endpoint)

    assert client.meta.config.max_pool_connections >= max(UPLOAD_THREADS, READ_THREADS)


@pytest.mark.attack("duplicated and shuffled notifications from concurrent workers")
def test_receives_from_one_queue_take_turns_with_its_other_writers() -> None:
    # moto's ReceiveMessage raised "Set changed size during iteration" under concurrent receives, after hiding
    # messages it never returned (the long engine-outage scenario met it): receives now hold the queue's lock.
    backend = sqs_backends[DEFAULT_ACCOUNT_ID][REGION]
    queue = backend.create_queue("receive-turns-test")
    backend.send_message("receive-turns-test", "hello")
    receive = _receive_under_messages_lock(SQSBackend.receive_message)
    received: list[int] = []
    receiver = threading.Thread(
        target=lambda: received.append(len(receive(backend, "receive-turns-test", 10, 0, visibility_timeout=30)))
    )
    try:
        with queue._messages_lock:  # as a send or a delete holds it
            receiver.start()
            receiver.join(timeout=0.3)
            assert received == []  # waits its turn
        receiver.join(timeout=10)
        assert received == [1]
    finally:
        backend.delete_queue("receive-turns-test")


def test_queue_attributes_count_the_messages_sent_and_received_within_the_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The counts moto caches for its own sends once read 0 for a second after the queue was created, so the test
    # pipeline's drain stopped with the failed messages of a fast first delivery still in flight.
    for name in APPROXIMATE_COUNTS:
        monkeypatch.setattr(Queue, name, property(_briefly_cached(name, getattr(Queue, name).fget)))
    backend = sqs_backends[DEFAULT_ACCOUNT_ID][REGION]
    backend.create_queue("count-afresh-test")
    get_queue_attributes = _counting_afresh(SQSBackend.get_queue_attributes)
    names = [
        "ApproximateNumberOfMessages",
        "ApproximateNumberOfMessagesNotVisible",
        "ApproximateNumberOfMessagesDelayed",
    ]
    try:
        assert sum(get_queue_attributes(backend, "count-afresh-test", names).values()) == 0
        backend.send_message("count-afresh-test", "one")
        backend.send_message("count-afresh-test", "two")
        backend.receive_message("count-afresh-test", 1, 0, visibility_timeout=30)

        counts = get_queue_attributes(backend, "count-afresh-test", names)

        assert counts == {
            "ApproximateNumberOfMessages": 1,
            "ApproximateNumberOfMessagesNotVisible": 1,
            "ApproximateNumberOfMessagesDelayed": 0,
        }
    finally:
        backend.delete_queue("count-afresh-test")
