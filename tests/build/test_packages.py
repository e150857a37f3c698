"""Smoke test of the built Lambda packages (.aws-sam/build, made by `make build`).

Each handler is imported in a clean interpreter (`-I -S`: no site-packages, no user paths) that sees only the
function's package plus the libraries the Lambda runtime provides (boto3 and its dependencies). Any import the
package does not satisfy fails here instead of at the first invocation in AWS.
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import platform
import re
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archive_search_cli.template import load_template
from tests.build.conftest import BUILD_DIR, PACKAGE_SIZES, REPO_ROOT

# What the Lambda Python runtime brings: a handler may import these without packaging them.
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3", "six")
EVENTS = REPO_ROOT / "events"
ELF_AARCH64 = 183
# The sentence-embedding model (44 MiB of float16 weights, which barely compress) and numpy make up most of it; sam
# deploy uploads through S3, where Lambda's limit is 250 MiB unzipped. A jump means an unwanted dependency.
MAX_ZIPPED_BYTES = 90 * 2**20
MAX_UNZIPPED_BYTES = 200 * 2**20

# Modules that import packaged native code (numpy, tokenizers) at the top: adapters/text_encoder.py only, loaded
# lazily by handlers/text_model.py, so the handlers themselves import on any machine.
NATIVE_IMPORTERS = {"archive_search.adapters.text_encoder"}

PROBE = r"""
import importlib, json, pkgutil, sys
package, runtime, handler = sys.argv[1:4]
sys.path[:0] = [package, runtime]
module_name, function_name = handler.rsplit(".", 1)
handler_module = importlib.import_module(module_name)
assert callable(getattr(handler_module, function_name)), handler
loaded = {name: getattr(module, "__file__", None) for name, module in list(sys.modules.items())}
import archive_search
failures = {}
for info in pkgutil.walk_packages(archive_search.__path__, "archive_search."):
    try:
        importlib.import_module(info.name)
    except ImportError as exc:
        failures[info.name] = repr(exc)
print(json.dumps({"loaded": loaded, "submodule_failures": failures, "version": list(sys.version_info[:2])}))
"""

INVOKE = r"""
import json, sys
package, runtime, event_file = sys.argv[1:4]
sys.path[:0] = [package, runtime]
from archive_search.handlers import search

class Context:
    function_name = "SearchFunction"
    function_version = "$LATEST"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:SearchFunction"
    aws_request_id = "00000000-0000-0000-0000-000000000000"

with open(event_file, encoding="utf-8") as handle:
    event = json.load(handle)
print(json.dumps(search.handler(event, Context())))
"""


def built_functions() -> dict[str, dict[str, Any]]:
    template = load_template(BUILD_DIR / "template.yaml")
    return {
        logical_id: resource["Properties"]
        for logical_id, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
    }


def runtime_python_version() -> str:
    return str(load_template()["Globals"]["Function"]["Runtime"]).removeprefix("python")


def probe_interpreter() -> str:
    """An interpreter of the runtime's version if one is installed (then the packaged .pyc files are used too)."""
    version = runtime_python_version()
    candidates = [
        f"python{version}",
        *sorted(str(p) for p in Path.home().glob(f".pyenv/versions/{version}.*/bin/python3")),
    ]
    for candidate in candidates:
        try:
            subprocess.run([candidate, "-c", "pass"], check=True, capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue
        return candidate
    return sys.executable


@pytest.fixture(scope="session")
def runtime_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Stands in for the Lambda runtime's own libraries: boto3 and its dependencies, nothing else."""
    directory = tmp_path_factory.mktemp("lambda-runtime")
    for name in RUNTIME_PROVIDED:
        module = __import__(name)
        source = Path(module.__file__ or "")
        source = source.parent if source.name == "__init__.py" else source
        (directory / source.name).symlink_to(source)
    return directory


@pytest.fixture(scope="session")
def interpreter() -> str:
    return probe_interpreter()


FUNCTIONS = built_functions() if (BUILD_DIR / "template.yaml").is_file() else {}


def requirement_pins(path: Path) -> dict[str, str]:
    """name -> version of a requirements file, following `-r` includes."""
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("-r"):
            pins.update(requirement_pins(path.parent / line[2:].strip()))
        elif line:
            name, version = line.split("==")
            pins[canonical(name)] = version.strip()
    return pins


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower().strip()


def packaged_distributions(package: Path) -> Iterator[tuple[str, str, set[str]]]:
    """(name, version, top-level modules) of every distribution installed in the package."""
    for dist_info in package.glob("*.dist-info"):
        metadata = (dist_info / "METADATA").read_text(encoding="utf-8")
        name = re.search(r"^Name: (.+)$", metadata, re.MULTILINE)
        version = re.search(r"^Version: (.+)$", metadata, re.MULTILINE)
        assert name and version, dist_info
        tops = set()
        for row in (dist_info / "RECORD").read_text(encoding="utf-8").splitlines():
            first = row.split(",", 1)[0].split("/", 1)[0]
            if first and not first.endswith((".dist-info", ".data")) and first not in ("..", "bin", "__pycache__"):
                tops.add(first.removesuffix(".py"))
        yield canonical(name.group(1)), version.group(1).strip(), tops


def function_name_of(logical_id: str) -> str:
    return logical_id.removesuffix("Function").lower()


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_handler_imports_with_only_its_package(logical_id: str, runtime_dir: Path, interpreter: str) -> None:
    properties = FUNCTIONS[logical_id]
    package = BUILD_DIR / properties["CodeUri"]

    result = subprocess.run(
        [interpreter, "-I", "-S", "-c", PROBE, str(package), str(runtime_dir), properties["Handler"]],
        capture_output=True,
        text=True,
        timeout=120,
        env={"AWS_REGION": "us-east-1", "PATH": "/usr/bin:/bin"},
    )

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    outside = {
        name: path
        for name, path in report["loaded"].items()
        if path and path.startswith(str(runtime_dir)) and name.split(".")[0] not in ("boto3", "botocore", "s3transfer")
    }
    assert outside == {}, "packaged dependencies must not come from the runtime (they shadow it in /var/task)"
    failures = report["submodule_failures"]
    if platform.machine() not in ("aarch64", "arm64"):
        # numpy's and tokenizers' compiled code is packaged for arm64; this machine cannot load it. Only the module
        # that imports them may fail, and only for that reason (the architecture test checks the binaries).
        native = {name for name, error in failures.items() if name in NATIVE_IMPORTERS and "numpy" in error}
        failures = {name: error for name, error in failures.items() if name not in native}
    assert failures == {}


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_package_holds_exactly_the_pinned_requirements(logical_id: str) -> None:
    package = BUILD_DIR / FUNCTIONS[logical_id]["CodeUri"]
    pins = requirement_pins(REPO_ROOT / "functions" / f"requirements-{function_name_of(logical_id)}.txt")
    distributions = list(packaged_distributions(package))

    assert {name: version for name, version, _tops in distributions} == pins
    expected_tops = {top for _name, _version, tops in distributions for top in tops} | {"archive_search", "text_model"}
    actual_tops = {p.name.removesuffix(".py") for p in package.iterdir() if not p.name.endswith(".dist-info")}
    assert actual_tops - {"__pycache__"} == expected_tops, "only the code and its pinned dependencies are packaged"
    assert not set(RUNTIME_PROVIDED[:3]) & {name for name, _v, _t in distributions}, "boto3 comes with the runtime"


def test_requirements_match_the_pins_the_tests_run_against() -> None:
    """Every runtime dependency of pyproject.toml is packaged, in the version the tests use."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {}
    for dependency in project["dependencies"]:
        name, version = re.sub(r"\s", "", dependency).split("==")
        declared[canonical(name)] = version
    packaged: dict[str, str] = {}
    for logical_id in FUNCTIONS:
        packaged |= requirement_pins(REPO_ROOT / "functions" / f"requirements-{function_name_of(logical_id)}.txt")

    for name, version in declared.items():
        if name not in ("boto3",):
            assert packaged.get(name) == version, f"{name}=={version} (pyproject.toml) is not packaged as such"
    for name, version in packaged.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # not installed in the development environment (yet): nothing to compare with
        assert installed == version, f"{name}: packaged {version}, the tests run {installed}"


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_native_code_is_built_for_the_lambda_architecture(logical_id: str) -> None:
    package = BUILD_DIR / FUNCTIONS[logical_id]["CodeUri"]
    version = runtime_python_version().replace(".", "")

    for library in package.rglob("*.so*"):
        header = library.read_bytes()[:20]
        assert header[:4] == b"\x7fELF" and int.from_bytes(header[18:20], "little") == ELF_AARCH64, library
        if library.parent.name.endswith(".libs"):
            continue  # a wheel's vendored native libraries (numpy's OpenBLAS): any name, checked for the machine above
        assert library.name.endswith((f".cpython-{version}-aarch64-linux-gnu.so", ".abi3.so")), library


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_package_size_is_reported_and_bounded(logical_id: str) -> None:
    package = BUILD_DIR / FUNCTIONS[logical_id]["CodeUri"]
    files = [p for p in package.rglob("*") if p.is_file()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, path.relative_to(package))

    PACKAGE_SIZES[logical_id] = (sum(p.stat().st_size for p in files), len(buffer.getvalue()), len(files))
    assert len(buffer.getvalue()) < MAX_ZIPPED_BYTES
    assert PACKAGE_SIZES[logical_id][0] < MAX_UNZIPPED_BYTES


def test_search_handler_answers_an_api_event_when_the_engine_is_down(runtime_dir: Path, interpreter: str) -> None:
    # The whole request path runs from the package: resolver, settings, client, error mapping (503, JSON).
    (search_id,) = [k for k, p in FUNCTIONS.items() if p["Handler"].endswith("handlers.search.handler")]
    package = BUILD_DIR / FUNCTIONS[search_id]["CodeUri"]
    environment = {
        "PATH": "/usr/bin:/bin",
        "AWS_REGION": "us-east-1",
        "OPENSEARCH_ENDPOINT": "http://127.0.0.1:9",  # discard port: connection refused at once
        "OPENSEARCH_AUTH": "none",
        "ALLOWED_ORIGINS": "https://archive.somanet.example",
        "CURSOR_SIGNING_KEY": "k" * 32,
        "POWERTOOLS_LOG_LEVEL": "ERROR",
    }

    result = subprocess.run(
        [interpreter, "-I", "-S", "-c", INVOKE, str(package), str(runtime_dir), str(EVENTS / "http-search.json")],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )

    assert result.returncode == 0, result.stderr
    response = json.loads(result.stdout.splitlines()[-1])
    assert response["statusCode"] == 503
    assert "error" in json.loads(response["body"])
