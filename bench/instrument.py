"""Where a handler's time goes: wall time per category, by wrapping the calls that cross a boundary.

The wrappers are installed on classes and modules for the length of a `with` block (the benchmark's child
processes only; nothing in functions/ is changed), and add the time of each call to its category. Categories
must not nest (an engine request never calls the encoder, and so on), so their sum is comparable with the
handler's own time; what the categories do not cover is the handler's own Python work.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import pstats
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

Categorizer = Callable[[tuple[Any, ...], dict[str, Any]], str]


class Timers:
    """Seconds and calls per category, summed over every thread that calls a wrapped function."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, category: str, seconds: float) -> None:
        with self._lock:
            self.seconds[category] += seconds
            self.calls[category] += 1

    @contextlib.contextmanager
    def wrapped(self, owner: Any, name: str, category: str | Categorizer) -> Iterator[None]:
        """Time every call of `owner.name` (a function on a class or a module) under `category` (or the category
        the callable returns for the call's arguments) until the block ends."""
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                label = category if isinstance(category, str) else category(args, kwargs)
                self.add(label, time.perf_counter() - started)

        setattr(owner, name, timed)
        try:
            yield
        finally:
            setattr(owner, name, original)

    def reset(self) -> None:
        """Forget what was counted so far (after a warm-up)."""
        with self._lock:
            self.seconds.clear()
            self.calls.clear()

    def snapshot(self) -> dict[str, dict[str, float]]:
        """{category: {"seconds": s, "calls": n}}, largest first."""
        return {
            category: {"seconds": round(seconds, 4), "calls": self.calls[category]}
            for category, seconds in sorted(self.seconds.items(), key=lambda item: -item[1])
        }


def engine_category(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """`engine _bulk`, `engine _search`, ...: the endpoint of a Transport.perform_request(self, method, url, ...)."""
    url = str(kwargs.get("url") or (args[2] if len(args) > 2 else ""))
    endpoint = next((part for part in reversed(url.split("/")) if part.startswith("_")), "other")
    return f"engine {endpoint}"


def aws_category(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """`s3 GetObject`, `sqs ReceiveMessage`, ...: a botocore BaseClient._make_api_call(self, operation, params)."""
    client, operation = args[0], str(args[1] if len(args) > 1 else kwargs.get("operation_name"))
    return f"{client.meta.service_model.service_name} {operation}"


REPO = Path(__file__).resolve().parents[1]


def _short_path(path: str) -> str:
    """A profile's file name without this machine's folders (the repo must hold no absolute paths): relative to
    site-packages, to the standard library or to the repo."""
    for marker in ("/site-packages/", "/lib/python3."):
        if marker in path:
            rest = path.rsplit(marker, 1)[1]
            return rest if marker.endswith("/") else rest.split("/", 1)[-1]
    with contextlib.suppress(ValueError):
        return Path(path).resolve().relative_to(REPO).as_posix()
    return Path(path).name


def profile_table(profile: cProfile.Profile, sort: str, limit: int = 25) -> str:
    """The top `limit` functions of a profile by `sort` ("tottime" or "cumulative") as a Markdown table."""
    stats = pstats.Stats(profile, stream=io.StringIO())
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2 if sort == "tottime" else 3])  # type: ignore[attr-defined]
    lines = ["| function | calls | own s | cumulative s | own % |", "| --- | ---: | ---: | ---: | ---: |"]
    for (path, line, function), (_cc, calls, own, cumulative, _callers) in rows[:limit]:
        where = f"{_short_path(path)}:{line}" if line else path
        share = 100 * own / total if total else 0.0
        lines.append(f"| `{function}` ({where}) | {calls} | {own:.3f} | {cumulative:.3f} | {share:.1f} |")
    return "\n".join(lines)


def profiled(work: Callable[[], object]) -> str:
    """Run `work` under cProfile; its top functions by own and by cumulative time, as Markdown."""
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    return (
        "By own time:\n\n" + profile_table(profiler, "tottime") + "\n\nBy cumulative time:\n\n"
        "" + profile_table(profiler, "cumulative")
    )
