"""The functions in their Lambda containers (`sam local`), against the local OpenSearch and moto.

sam local runs each function in a container on Docker's default bridge network: SAM CLI 1.170 creates the
containers there even with `--docker-network host`, so 127.0.0.1 inside a container is the container itself. The
containers reach this machine as host.docker.internal, which `--add-host host.docker.internal:host-gateway`
(samconfig.toml) maps to the bridge's gateway address. OpenSearch and moto listen on 127.0.0.1 only, so a relay
listens on that gateway address, which only this machine and its containers can reach, and forwards to them.
"""

from __future__ import annotations

import ipaddress
import json
import platform
import socket
import socketserver
import subprocess
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from archive_search_cli.template import REPO_ROOT

ENV_FILE = REPO_ROOT / "infra" / "sam-local-env.json"
CONTAINER_HOST = "host.docker.internal"
# samconfig.toml's environment for the locally built image (infra/sam-local/lambda-image.sh).
CONFIG_ENV = "local"


def host_architecture() -> str:
    """The Lambda architecture this machine runs natively (the template's Architecture parameter)."""
    return "arm64" if platform.machine() in ("aarch64", "arm64") else "x86_64"


def docker_gateway() -> str:
    """The address `host-gateway` stands for: the default bridge's own address on this machine."""
    answer = subprocess.run(
        ["docker", "network", "inspect", "bridge", "--format", "{{json .IPAM.Config}}"],
        capture_output=True,
        text=True,
        check=True,
    )
    config = json.loads(answer.stdout)[0]
    # Docker 20.10 leaves Gateway out of the default bridge's IPAM config; the bridge then has the subnet's
    # first address.
    return config.get("Gateway") or str(next(ipaddress.ip_network(config["Subnet"]).hosts()))


def container_environment(opensearch_url: str, aws_endpoint_url: str) -> dict[str, dict[str, str]]:
    """infra/sam-local-env.json, with the endpoints at the ports the services really listen on."""
    environment: dict[str, dict[str, str]] = json.loads(ENV_FILE.read_text(encoding="utf-8"))
    for variables in environment.values():
        variables["OPENSEARCH_ENDPOINT"] = f"http://{CONTAINER_HOST}:{urlparse(opensearch_url).port}"
        if "AWS_ENDPOINT_URL_S3" in variables:
            variables["AWS_ENDPOINT_URL_S3"] = f"http://{CONTAINER_HOST}:{urlparse(aws_endpoint_url).port}"
    return environment


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    with suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)
    # Pass the end of the stream on, so the other side's request or answer completes.
    with suppress(OSError):
        sink.shutdown(socket.SHUT_WR)


class _Forward(socketserver.BaseRequestHandler):
    server: _RelayServer

    def handle(self) -> None:
        with socket.create_connection(("127.0.0.1", self.server.target_port), timeout=None) as upstream:
            answers = threading.Thread(target=_pipe, args=(upstream, self.request), daemon=True)
            answers.start()
            _pipe(self.request, upstream)
            answers.join()


class _RelayServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], target_port: int) -> None:
        self.target_port = target_port
        super().__init__(address, _Forward)


@contextmanager
def relay(listen_host: str, port: int) -> Iterator[None]:
    """Forwards connections to listen_host:port to 127.0.0.1:port until the block ends."""
    server = _RelayServer((listen_host, port), port)
    thread = threading.Thread(target=server.serve_forever, name=f"relay-{port}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def reachable_from_containers(*urls: str) -> Iterator[None]:
    """Relays each local service (http://127.0.0.1:PORT) to the Docker gateway for as long as the block runs."""
    gateway = docker_gateway()
    with ExitStack() as stack:
        for url in urls:
            port = urlparse(url).port
            if port is None:
                raise ValueError(f"{url} names no port")
            stack.enter_context(relay(gateway, port))
        yield


def sam_local_command(sam: str, command: str, env_file: Path, *args: str) -> list[str]:
    """`sam local COMMAND` with the local image, this machine's architecture and the services' environment."""
    return [
        sam,
        "local",
        command,
        *args,
        "--config-env",
        CONFIG_ENV,
        "--env-vars",
        str(env_file),
        "--parameter-overrides",
        # Last: the option takes every word that follows it.
        f"Architecture={host_architecture()}",
    ]


def write_environment(path: Path, environment: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(environment, indent=2), encoding="utf-8")
    return path
