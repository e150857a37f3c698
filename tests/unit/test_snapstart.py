"""SnapStart priming of the search function (handlers/search.py): what the snapshot holds and the restore hook."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterator

import pytest

from archive_search.handlers import search

# Nothing listens on port 9 (discard): the engine cannot be reached, as right after a restore in a bad moment.
UNREACHABLE_ENV = {
    "OPENSEARCH_ENDPOINT": "http://127.0.0.1:9",
    "OPENSEARCH_AUTH": "none",
    "AWS_REGION": "eu-west-1",
    "CURSOR_SIGNING_KEY": "k" * 32,
    "OPENSEARCH_TIMEOUT": "0.5",
}


@pytest.fixture
def restore_hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Callable[[], None]]]:
    """Lambda's snapshot_restore_py (present only in its managed runtimes), recording the hooks registered."""
    hooks: list[Callable[[], None]] = []
    module = types.ModuleType("snapshot_restore_py")
    module.register_after_restore = hooks.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "snapshot_restore_py", module)
    for name, value in UNREACHABLE_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TEXT_MODEL_DIR", raising=False)
    search.app.cache_clear()
    search.search_index.cache_clear()
    yield hooks
    search.app.cache_clear()
    search.search_index.cache_clear()


def test_priming_builds_the_app_during_init_and_registers_the_reconnect_hook(
    restore_hooks: list[Callable[[], None]],
) -> None:
    search.prime_for_snapshot()

    assert search.app.cache_info().currsize == 1  # built before the snapshot, not on the first request
    assert restore_hooks == [search.reconnect]


def test_the_restore_hook_never_fails_the_restore_when_the_engine_is_unreachable(
    restore_hooks: list[Callable[[], None]],
) -> None:
    search.prime_for_snapshot()

    restore_hooks[0]()  # logs a warning and returns; the first search then answers 503 on its own

    assert search.search_index.cache_info().currsize == 1
