"""The functions in their Lambda containers (`sam local`), against the local OpenSearch and moto.

sam local runs each function in a container on Docker's default bridge network: SAM CLI 1.170 creates the
containers there even with `--docker-network host`, so 127.0.0.1 inside a container is the container itself. The
containers reach this machine as host.docker.internal, which `--add-host host.docker.internal:host-gateway`
(samconfig.toml) maps to the bridge's gateway address. OpenSearch and moto listen on 127.0.0.1 only, so a relay
listens on that gateway address, which only this machine and its containers can reach, and forwards to them.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import platform
import signal
import socket
import socketserver
import subprocess
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, urlparse

from archive_search_cli.local_aws import aws_client, create_resources, moto_server, use_local_credentials
from archive_search_cli.opensearch_node import opensearch_for_tests_or_local
from archive_search_cli.stack import LOCAL_DIR, STACK_FILE, RunningStack, StackPorts, refuse_taken_ports
from archive_search_cli.template import REPO_ROOT, local_stack_spec
from archive_search_cli.uploads import put_all, uploads_for_paths

ENV_FILE = REPO_ROOT / "infra" / "sam-local-env.json"
EVENTS_DIR = REPO_ROOT / "events"
CONTAINER_HOST = "host.docker.internal"
# samconfig.toml's environment for the locally built image (infra/sam-local/lambda-image.sh); "default" uses
# AWS's images, pulled from public.ecr.aws.
LOCAL_IMAGE_CONFIG_ENV = "local"


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
        with socket.create_connection(self.server.target, timeout=None) as upstream:
            answers = threading.Thread(target=_pipe, args=(upstream, self.request), daemon=True)
            answers.start()
            _pipe(self.request, upstream)
            answers.join()


class _RelayServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], target: tuple[str, int]) -> None:
        self.target = target
        super().__init__(address, _Forward)


@contextmanager
def relay(listen_host: str, port: int, target_host: str) -> Iterator[None]:
    """Forwards connections to listen_host:port to target_host:port until the block ends."""
    server = _RelayServer((listen_host, port), (target_host, port))
    thread = threading.Thread(target=server.serve_forever, name=f"relay-{port}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def reachable_from_containers(*urls: str) -> Iterator[None]:
    """Relays each service (http://HOST:PORT) to the same port on the Docker gateway while the block runs."""
    gateway = docker_gateway()
    with ExitStack() as stack:
        for url in urls:
            parsed = urlparse(url)
            if parsed.hostname is None or parsed.port is None:
                raise ValueError(f"{url} names no host and port")
            stack.enter_context(relay(gateway, parsed.port, parsed.hostname))
        yield


def sam_local_command(
    sam: str, command: str, env_file: Path, *args: str, config_env: str = LOCAL_IMAGE_CONFIG_ENV
) -> list[str]:
    """`sam local COMMAND` with samconfig.toml's config_env, this machine's architecture and the services'
    environment."""
    return [
        sam,
        "local",
        command,
        *args,
        "--config-env",
        config_env,
        "--env-vars",
        str(env_file),
        "--parameter-overrides",
        # Last: the option takes every word that follows it.
        f"Architecture={host_architecture()}",
    ]


def write_json(path: Path, environment: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(environment, indent=2), encoding="utf-8")
    return path


def sqs_event(bucket: str, keys: list[str]) -> dict[str, Any]:
    """events/sqs-s3-put.json with one record per upload key (S3 sends keys URL-encoded)."""
    template = json.loads(EVENTS_DIR.joinpath("sqs-s3-put.json").read_text(encoding="utf-8"))["Records"][0]
    records = []
    for number, key in enumerate(keys):
        notification = json.loads(template["body"])
        s3 = notification["Records"][0]["s3"]
        s3["bucket"]["name"] = bucket
        s3["bucket"]["arn"] = f"arn:aws:s3:::{bucket}"
        s3["object"]["key"] = quote_plus(key, safe="/")
        records.append({**template, "messageId": f"local-{number}", "body": json.dumps(notification)})
    return {"Records": records}


def run(args: argparse.Namespace) -> int:
    """`archive-search sam-local`: OpenSearch and moto for the containers, the seed ingested by the ingest
    function in its container, then `sam local start-api` in the foreground until Ctrl-C."""
    use_local_credentials()
    ports = StackPorts(args.port, args.moto_port, args.opensearch_port)
    refuse_taken_ports("sam-local", ports, LOCAL_DIR, data_dir_option=False)
    spec = local_stack_spec()
    with ExitStack() as stack:
        opensearch_url = stack.enter_context(
            opensearch_for_tests_or_local(LOCAL_DIR / "opensearch", args.opensearch_port)
        )
        aws_url = stack.enter_context(moto_server(args.moto_port))
        resources = create_resources(spec, aws_url)
        stack.enter_context(reachable_from_containers(opensearch_url, aws_url))
        env_file = write_json(LOCAL_DIR / "sam-local-env.json", container_environment(opensearch_url, aws_url))
        running = RunningStack.of(spec, resources, f"http://127.0.0.1:{args.port}", aws_url, opensearch_url)
        # `archive-search upload` finds moto through this file, as it does for `serve`.
        STACK_FILE.write_text(json.dumps(asdict(running), indent=2), encoding="utf-8")
        stack.callback(STACK_FILE.unlink, missing_ok=True)
        if args.seed:
            uploads = list(uploads_for_paths([Path(p) for p in args.seed], running.upload_prefix))
            put_all(aws_client("s3", aws_url), running.uploads_bucket, uploads)
            event_file = write_json(
                LOCAL_DIR / "sam-local-seed-event.json", sqs_event(running.uploads_bucket, [u.key for u in uploads])
            )
            subprocess.run(
                sam_local_command(
                    args.sam, "invoke", env_file, "IngestFunction", "-e", str(event_file), config_env=args.config_env
                ),
                check=True,
            )
        print(
            f"OpenSearch {opensearch_url} and moto {aws_url} are relayed to the Lambda containers; uploads bucket "
            f"{running.uploads_bucket}.\nIngest an upload: archive-search upload FILE, then\n  "
            + " ".join(
                sam_local_command(
                    args.sam, "invoke", env_file, "IngestFunction", "-e", "EVENT.json", config_env=args.config_env
                )
            )
            + f"\nThe search API (sam local start-api) is starting on {running.api_url}. Press Ctrl-C to stop.",
            flush=True,
        )
        api = subprocess.Popen(
            sam_local_command(args.sam, "start-api", env_file, "--port", str(args.port), config_env=args.config_env)
        )
        signal.signal(signal.SIGTERM, lambda _signum, _frame: api.terminate())
        try:
            return api.wait()
        except KeyboardInterrupt:
            # Ctrl-C reached sam too (same process group): let it remove its containers.
            return api.wait()
