"""`make reliability`'s table: each attack, how many cases ran against it, and the outcome.

A test names the attack it makes with `@pytest.mark.attack("...")` (or its module's `pytestmark`); tests without
the marker are left out of the table. Cases are counted, in this order of preference:
- what the test recorded with `record_property("cases", n)` (summed when recorded more than once);
- the examples Hypothesis generated for a property (its generate, reuse and target phases: the cases that ran,
  not the shrinks after a failure);
- otherwise one per test.
`record_property("figure", "...")` adds a measured figure to the attack's row (a p99, a duration), reported and
not asserted.

With `--reliability-report PATH` the table is printed at the end of the run, written to PATH, and put between the
README's `reliability` markers. Tests marked `long_scenario` (minutes each) run only with `--long-scenarios`.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest

from bench.markers import write_between_markers

README = Path(__file__).resolve().parents[1] / "README.md"
README_START, README_END = "<!-- reliability:start -->", "<!-- reliability:end -->"
HYPOTHESIS_RUN_PHASES = ("reuse", "generate", "target")
_CASES = pytest.StashKey[int]()
_OUTCOMES = pytest.StashKey[list[str]]()


@dataclass
class AttackRow:
    tests: int = 0
    cases: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    figures: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        failed = self.outcomes.get("failed", 0)
        if failed:
            return f"**FAILED** ({failed} of {self.tests} tests)"
        if self.outcomes.get("skipped", 0) == self.tests:
            return "skipped"
        skipped = self.outcomes.get("skipped", 0)
        return "passed" + (f" ({skipped} skipped)" if skipped else "")


class ReliabilityReport:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.rows: dict[str, AttackRow] = {}

    def record(self, item: pytest.Item, outcome: str) -> None:
        marker = item.get_closest_marker("attack")
        if marker is None:
            return
        row = self.rows.setdefault(str(marker.args[0]), AttackRow())
        row.tests += 1
        row.outcomes[outcome] = row.outcomes.get(outcome, 0) + 1
        recorded = [int(str(value)) for name, value in item.user_properties if name == "cases"]
        if outcome != "skipped":
            row.cases += sum(recorded) if recorded else item.stash.get(_CASES, 1)
        row.figures.extend(str(value) for name, value in item.user_properties if name == "figure")

    def table(self) -> str:
        lines = [
            "| attack | tests | cases run | outcome | figures (reported, not asserted) |",
            "| --- | ---: | ---: | --- | --- |",
        ]
        for attack, row in self.rows.items():
            figures = "; ".join(row.figures) or ""
            lines.append(f"| {attack} | {row.tests} | {row.cases:,} | {row.outcome} | {figures} |")
        return "\n".join(lines)

    @property
    def green(self) -> bool:
        return all(not row.outcomes.get("failed") for row in self.rows.values())


_report = pytest.StashKey[ReliabilityReport]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("reliability")
    group.addoption(
        "--reliability-report",
        metavar="PATH",
        type=Path,
        help="print the table of attacks, cases and outcomes, and write it to PATH and the README",
    )
    group.addoption("--long-scenarios", action="store_true", help="run the tests marked long_scenario (minutes each)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "attack(name): the row of make reliability's table this test counts in")
    config.addinivalue_line("markers", "long_scenario: minutes long; runs with --long-scenarios (make reliability)")
    config.stash[_report] = ReliabilityReport(config.getoption("--reliability-report"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without --long-scenarios the long scenarios are deselected (not collected for this run, as `-m` would do):
    `make test` runs their bounded versions (test_engine_outage's short outage, the contract test's 25 examples);
    `make reliability` runs them in full."""
    if config.getoption("--long-scenarios"):
        return
    long = [item for item in items if item.get_closest_marker("long_scenario")]
    if long:
        config.hook.pytest_deselected(items=long)
        items[:] = [item for item in items if not item.get_closest_marker("long_scenario")]


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Count the examples of a Hypothesis property. Runs inside Hypothesis's own wrapper, whose statistics callback
    it passes the statistics on to."""
    from hypothesis import statistics as hypothesis_statistics

    collector = cast(Any, hypothesis_statistics.collector)
    outer = collector.value

    def note(statistics: dict[str, Any]) -> None:
        cases = sum(
            1
            for phase in HYPOTHESIS_RUN_PHASES
            for case in statistics.get(f"{phase}-phase", {}).get("test-cases", [])
            if case.get("status") in ("valid", "interesting")
        )
        item.stash[_CASES] = item.stash.get(_CASES, 0) + cases
        if outer is not None:
            outer(statistics)

    with collector.with_value(note):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report: pytest.TestReport = yield
    outcomes = item.stash.setdefault(_OUTCOMES, [])
    outcomes.append("failed" if report.failed else report.outcome)
    if report.when == "teardown":
        outcome = "failed" if "failed" in outcomes else "skipped" if "skipped" in outcomes else "passed"
        item.config.stash[_report].record(item, outcome)
    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    report = config.stash[_report]
    if report.path is None or not report.rows:
        return
    table = report.table()
    terminalreporter.write_sep("=", "reliability: each attack, the cases run and the outcome")
    terminalreporter.write_line(table)
    report.path.parent.mkdir(parents=True, exist_ok=True)
    report.path.write_text(table + "\n", encoding="utf-8")
    where = (
        f"{report.path} and the README"
        if write_between_markers(README, README_START, README_END, table)
        else str(report.path)
    )
    terminalreporter.write_line(f"{'green' if report.green else 'RED'}; written to {where}")
