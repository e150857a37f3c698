"""The pieces of `archive-search sam-local` that need no Docker: events, the containers' environment, the relay."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest

from archive_search.notifications import ObjectChange, object_changes
from archive_search_cli.opensearch_node import free_port
from archive_search_cli.sam_local import CONTAINER_HOST, ENV_FILE, container_environment, relay, sqs_event


def test_sqs_event_carries_one_s3_notification_per_upload_with_the_key_encoded_as_s3_sends_it() -> None:
    event = sqs_event("uploads-bucket", ["incoming/2015/05/kerry putin.txt", "incoming/café.json"])

    bodies = [record["body"] for record in event["Records"]]
    assert "incoming/2015/05/kerry+putin.txt" in bodies[0]
    assert [change for body in bodies for change in object_changes(body)] == [
        ObjectChange("uploads-bucket", "incoming/2015/05/kerry putin.txt", "ObjectCreated:Put"),
        ObjectChange("uploads-bucket", "incoming/café.json", "ObjectCreated:Put"),
    ]
    assert len({record["messageId"] for record in event["Records"]}) == 2


def test_container_environment_points_each_function_at_the_services_through_the_docker_host() -> None:
    environment = container_environment("http://127.0.0.1:49200", "http://127.0.0.1:45005")

    assert environment["SearchFunction"]["OPENSEARCH_ENDPOINT"] == f"http://{CONTAINER_HOST}:49200"
    assert environment["IngestFunction"]["OPENSEARCH_ENDPOINT"] == f"http://{CONTAINER_HOST}:49200"
    assert environment["IngestFunction"]["AWS_ENDPOINT_URL_S3"] == f"http://{CONTAINER_HOST}:45005"
    # Everything else is the checked-in file's, which `sam local` by hand uses as it is.
    checked_in = json.loads(ENV_FILE.read_text(encoding="utf-8"))
    assert environment["SearchFunction"]["CURSOR_SIGNING_KEY"] == checked_in["SearchFunction"]["CURSOR_SIGNING_KEY"]
    assert "AWS_ENDPOINT_URL_S3" not in environment["SearchFunction"]


@pytest.fixture
def echo_port() -> Iterator[int]:
    """A server on 127.0.0.1 that answers each connection with what it received, once the client stops sending."""
    server = socket.create_server(("127.0.0.1", free_port()))

    def serve() -> None:
        with server:
            connection, _ = server.accept()
            with connection:
                received = b""
                while chunk := connection.recv(65536):
                    received += chunk
                connection.sendall(received.upper())

    threading.Thread(target=serve, daemon=True).start()
    yield server.getsockname()[1]


def test_relay_forwards_a_connection_both_ways_until_each_side_is_done(echo_port: int) -> None:
    # 127.0.0.2 stands in for the Docker gateway: another local address than the one the service listens on.
    with relay("127.0.0.2", echo_port, "127.0.0.1"), socket.create_connection(("127.0.0.2", echo_port)) as client:
        client.settimeout(10)  # a relay that never passes the end of the stream on fails here instead of hanging
        client.sendall(b"x" * 200_000)
        client.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk

    assert answer == b"X" * 200_000
