"""The functions in their Lambda containers: `sam local invoke` and `sam local start-api` with the locally built
image (`make test-sam-local` builds it, the Docker engine and the x86_64/arm64 packages first), against the shared
test OpenSearch node and a moto server relayed to the Docker bridge."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archive_search_cli.local_aws import aws_client, create_resources, use_local_credentials
from archive_search_cli.sam_local import (
    container_environment,
    reachable_from_containers,
    sam_local_command,
    write_json,
)
from archive_search_cli.template import REPO_ROOT, local_stack_spec
from archive_search_cli.uploads import put_all, uploads_for_paths
from tests.conftest import FIXTURES, LEGACY_PAGE, free_port

pytestmark = pytest.mark.sam_local
SAM = os.environ.get("SAM", str(REPO_ROOT / ".tools" / "sam" / "bin" / "sam"))
# A cold container: the emulator image is derived on the first run, then each function imports its package.
INVOKE_TIMEOUT = 300


@dataclass(frozen=True)
class ContainerStack:
    opensearch_url: str
    aws_endpoint_url: str
    uploads_bucket: str
    upload_keys: list[str]
    env_file: Path
    workdir: Path

    def invoke(self, function: str, event: Path) -> dict[str, Any]:
        """`sam local invoke FUNCTION -e EVENT`: what the handler returned (its logs go to stderr)."""
        command = sam_local_command(SAM, "invoke", self.env_file, function, "-e", str(event))
        done = subprocess.run(command, capture_output=True, text=True, timeout=INVOKE_TIMEOUT, check=False)
        assert done.returncode == 0, f"sam local invoke {function} exited {done.returncode}:\n{done.stderr}"
        try:
            answer: dict[str, Any] = json.loads(done.stdout)
        except json.JSONDecodeError:
            raise AssertionError(f"{function} answered no JSON: {done.stdout!r}\n{done.stderr}") from None
        return answer

    def refresh(self) -> None:
        """Searches see what ingest wrote once the index refreshes (every second); tests do not wait for it."""
        from opensearchpy import OpenSearch

        OpenSearch(hosts=[self.opensearch_url]).indices.refresh(index="articles")


@pytest.fixture(scope="session")
def container_stack(opensearch_url: str, moto_url: str) -> Iterator[ContainerStack]:
    from opensearchpy import OpenSearch

    # The functions use the template's alias: start from an empty index on the shared test node.
    OpenSearch(hosts=[opensearch_url]).indices.delete(index="articles*", ignore_unavailable=True)
    use_local_credentials()
    spec = local_stack_spec()
    create_resources(spec, moto_url)
    prefix = spec.function_environment["IngestFunction"]["UPLOAD_PREFIX"]
    uploads = list(uploads_for_paths([LEGACY_PAGE, FIXTURES / "uploads"], prefix))
    put_all(aws_client("s3", moto_url), spec.uploads_bucket, uploads)
    workdir = Path(tempfile.mkdtemp(prefix="archive-search-sam-local-"))
    env_file = write_json(workdir / "env.json", container_environment(opensearch_url, moto_url))
    with reachable_from_containers(opensearch_url, moto_url):
        yield ContainerStack(opensearch_url, moto_url, spec.uploads_bucket, [u.key for u in uploads], env_file, workdir)
    shutil.rmtree(workdir, ignore_errors=True)


@dataclass(frozen=True)
class Api:
    url: str

    def get(self, path: str) -> tuple[int, dict[str, Any]]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())


@pytest.fixture(scope="session")
def start_api(container_stack: ContainerStack) -> Iterator[Api]:
    """`sam local start-api`: the search function behind the template's HTTP API routes, in its container."""
    port = free_port()
    log_path = container_stack.workdir / "start-api.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            sam_local_command(SAM, "start-api", container_stack.env_file, "--port", str(port)),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        api = Api(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + INVOKE_TIMEOUT
        while True:
            try:
                if api.get("/health")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise AssertionError(f"sam local start-api did not answer /health:\n{log_path.read_text()}")
            time.sleep(1)
        yield api
        process.terminate()
        try:
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()


@pytest.fixture(scope="session")
def make_run_api(container_stack: ContainerStack) -> Iterator[Api]:
    """The search API as `make run` serves it: the search handler in this process behind the local gateway."""
    from archive_search.handlers import search
    from archive_search_cli.gateway import make_server
    from archive_search_cli.stack import configure_function_environment

    # As in `archive-search serve`: the handler reads its settings once, in its function's environment, then
    # keeps them; the environment is put back so the sam processes started later do not inherit it.
    saved = dict(os.environ)
    configure_function_environment(container_stack.aws_endpoint_url, container_stack.opensearch_url, "SearchFunction")
    # serve draws a signing key per run; the container's key makes the two next_cursor values comparable.
    container_env = json.loads(container_stack.env_file.read_text(encoding="utf-8"))
    os.environ["CURSOR_SIGNING_KEY"] = container_env["SearchFunction"]["CURSOR_SIGNING_KEY"]
    search.app()
    os.environ.clear()
    os.environ.update(saved)
    server = make_server("127.0.0.1", free_port(), search.handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Api(f"http://127.0.0.1:{server.server_address[1]}")
    server.shutdown()
    server.server_close()
