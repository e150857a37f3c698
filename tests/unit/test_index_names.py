"""The versioned index names a rebuild creates (OpenSearchIndexAdmin.create_build_index)."""

from __future__ import annotations

from typing import Any, cast

from opensearchpy import OpenSearch

from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin


class _Indices:
    def __init__(self) -> None:
        self.created: list[str] = []

    def create(self, index: str, body: dict[str, Any]) -> None:
        self.created.append(index)


class _Client:
    def __init__(self) -> None:
        self.indices = _Indices()


def test_build_indices_created_in_the_same_second_never_share_a_name() -> None:
    # A rebuild deletes the leftovers of an interrupted one, then creates its own index: named by the second and the
    # clock's nanoseconds modulo 1,000, it could take the leftover's name (a CI run of session 32 saw it).
    client = _Client()
    admin = OpenSearchIndexAdmin(cast(OpenSearch, client), "articles")

    names = [admin.create_build_index() for _ in range(3000)]

    assert len(set(names)) == len(names) == len(client.indices.created)
    assert all(name.startswith("articles-") for name in names)
