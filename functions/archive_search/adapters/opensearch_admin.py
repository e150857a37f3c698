"""Operator actions on the index: versioned rebuilds behind the alias and a full read for verification."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from opensearchpy import OpenSearch, helpers

from archive_search.adapters.opensearch_index import bulk_results, indexed_sources, translated_errors
from archive_search.index_mapping import AUTO_EXPAND_REPLICAS, INDEX_SETTINGS
from archive_search.models import Article
from archive_search.ports import IndexedVersion, SeqNo, TextEncoder

VERSION_CONFLICT = 409


class OpenSearchIndexAdmin:
    def __init__(self, client: OpenSearch, alias: str, encoder: TextEncoder | None = None) -> None:
        """`encoder`: embeds each article loaded (for the semantic rerank); without one, none is stored."""
        self._client = client
        self._alias = alias
        self._encoder = encoder

    def indices_behind_alias(self) -> list[str]:
        with translated_errors():
            if not self._client.indices.exists_alias(name=self._alias):
                return []
            return sorted(self._client.indices.get_alias(name=self._alias))

    def unaliased_versions(self) -> list[str]:
        """Indices named like ours that the alias does not point at: leftovers of an interrupted rebuild."""
        with translated_errors():
            names = self._client.indices.get(index=f"{self._alias}-*", params={"ignore_unavailable": "true"})
        behind = set(self.indices_behind_alias())
        return sorted(name for name in names if name not in behind)

    def create_build_index(self) -> str:
        """A new versioned index, tuned for loading (no refresh) until `finish_build`. Named by the time and a random
        suffix: the clock's nanoseconds modulo 1,000 could repeat within a second, and a rebuild then recreated the
        leftover it had just deleted under the same name (a CI run of session 32). 64 random bits: with 32, the unit
        test's 3,000 names in one second shared one about once in a thousand runs (the birthday bound), and one run
        of session 33 did."""
        name = f"{self._alias}-{time.strftime('%Y%m%d%H%M%S', time.gmtime())}-{secrets.token_hex(8)}"
        body: dict[str, Any] = {**INDEX_SETTINGS}
        body["settings"] = {**INDEX_SETTINGS["settings"], "index": {**INDEX_SETTINGS["settings"]["index"]}}
        body["settings"]["index"]["refresh_interval"] = "-1"
        with translated_errors():
            self._client.indices.create(index=name, body=body)
        return name

    def load(self, index_name: str, articles: Iterable[Article]) -> Iterator[tuple[str, str | None]]:
        """Bulk-index into one concrete index; yields (article id, failure reason or None) per article."""
        actions = (
            {"_op_type": "index", "_index": index_name, "_id": a.id, "_source": source}
            for a, source in _with_sources(articles, self._encoder)
        )
        for ok, item in bulk_results(self._client, actions):
            result = item["index"]
            yield str(result["_id"]), None if ok else f"{result.get('status')} {result.get('error')}"

    def finish_build(self, index_name: str) -> None:
        refresh = INDEX_SETTINGS["settings"]["index"]["refresh_interval"]
        with translated_errors():
            self._client.indices.put_settings(index=index_name, body={"index": {"refresh_interval": refresh}})
            self._client.indices.refresh(index=index_name)

    def point_alias_at(self, index_name: str) -> list[str]:
        """Move the alias to `index_name` in one atomic step; returns the indices it left."""
        previous = self.indices_behind_alias()
        actions: list[dict[str, Any]] = [{"remove": {"index": name, "alias": self._alias}} for name in previous]
        actions.append({"add": {"index": index_name, "alias": self._alias}})
        with translated_errors():
            self._client.indices.update_aliases(body={"actions": actions})
        return [name for name in previous if name != index_name]

    def delete_indices(self, names: list[str]) -> None:
        if names:
            with translated_errors():
                self._client.indices.delete(index=",".join(names), params={"ignore_unavailable": "true"})

    def indexed_versions(self) -> dict[str, IndexedVersion]:
        """Every document behind the alias, with what identifies the upload it was built from."""
        with translated_errors():
            if not self._client.indices.exists_alias(name=self._alias):
                return {}
            self._client.indices.refresh(index=self._alias)
            return {
                hit["_id"]: IndexedVersion(hit["_source"].get("source_etag", ""), hit["_source"].get("source_key", ""))
                for hit in helpers.scan(
                    self._client,
                    index=self._alias,
                    query={"_source": ["source_etag", "source_key"]},
                    size=1000,
                )
            }

    def redundancy_problems(self) -> list[str]:
        with translated_errors():
            if not self._client.indices.exists_alias(name=self._alias):
                return []
            settings = self._client.indices.get_settings(index=self._alias, name="index.auto_expand_replicas")
        problems = []
        for name, body in sorted(settings.items()):
            found = ((body.get("settings") or {}).get("index") or {}).get("auto_expand_replicas", "false")
            if found != AUTO_EXPAND_REPLICAS:
                problems.append(
                    f"{name}: auto_expand_replicas is {found!r}, not {AUTO_EXPAND_REPLICAS!r} (reindex applies it)"
                )
        return problems

    def sequence_numbers(self, index_name: str) -> dict[str, SeqNo]:
        with translated_errors():
            self._client.indices.refresh(index=index_name)
            return {
                hit["_id"]: (hit["_seq_no"], hit["_primary_term"])
                for hit in helpers.scan(
                    self._client,
                    index=index_name,
                    query={"_source": False, "seq_no_primary_term": True},
                    size=1000,
                )
            }

    def write_unless_changed(
        self, index_name: str, articles: Sequence[Article], seen: dict[str, SeqNo | None]
    ) -> dict[str, str]:
        actions = []
        for article, source in _with_sources(articles, self._encoder):
            action: dict[str, Any] = {"_index": index_name, "_id": article.id, "_source": source}
            version = seen.get(article.id)
            if version is None:
                action["_op_type"] = "create"  # fails if ingest created it meanwhile
            else:
                action |= {"_op_type": "index", "if_seq_no": version[0], "if_primary_term": version[1]}
            actions.append(action)
        failures = {}
        for ok, item in bulk_results(self._client, actions):
            ((_operation, result),) = item.items()
            if not ok and result.get("status") != VERSION_CONFLICT:
                failures[str(result["_id"])] = f"{result.get('status')} {result.get('error')}"
        return failures

    def delete_unless_changed(self, index_name: str, seen: dict[str, SeqNo]) -> dict[str, str]:
        actions = (
            {"_op_type": "delete", "_index": index_name, "_id": i, "if_seq_no": seq, "if_primary_term": term}
            for i, (seq, term) in seen.items()
        )
        failures = {}
        for ok, item in bulk_results(self._client, actions):
            result = item["delete"]
            # Gone already (404), or rewritten by ingest (409): either way not ours to delete.
            if not ok and result.get("status") not in (404, VERSION_CONFLICT):
                failures[str(result["_id"])] = f"{result.get('status')} {result.get('error')}"
        return failures


def _with_sources(articles: Iterable[Article], encoder: TextEncoder | None) -> Iterator[tuple[Article, dict[str, Any]]]:
    for article in articles:
        (source,) = indexed_sources([article], encoder)
        yield article, source
