"""The build smoke test runs after `sam build` (make test-build): without a build there is nothing to collect."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_DIR = REPO_ROOT / ".aws-sam" / "build"
PACKAGE_SIZES: dict[str, tuple[int, int, int]] = {}  # function -> (unzipped bytes, zipped bytes, files)

if not (BUILD_DIR / "template.yaml").is_file():
    collect_ignore_glob = ["test_*.py"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if PACKAGE_SIZES:
        terminalreporter.section("Lambda packages")
        for function, (unzipped, zipped, files) in sorted(PACKAGE_SIZES.items()):
            terminalreporter.write_line(
                f"{function}: {zipped / 2**20:.1f} MiB zipped, {unzipped / 2**20:.1f} MiB unzipped, {files} files"
            )
