"""Semantic rerank: the first results of a relevance search, reordered by what the query and each article mean.

The engine's lexical ranking (relevance.py) finds the candidates: the top RERANK_WINDOW hits, asked as whole pages
(window_size). Each hit carries its article's embedding (adapters/text_encoder.py, stored at indexing, read from its
doc values); the query is embedded here. Within each tier the lexical ranking guarantees (every quoted phrase, every
word, every word within a typo: relevance.tier_of), the score becomes

    (1 - w) * lexical + w * cosine(query, article)

with the lexical score min-max normalised over the tier's hits and w = Ranking.semantic_weight (0 turns the rerank
off). Tiers are kept, so a short query whose words an article holds completely still ranks it first; what changes
is the order among comparable candidates, and a request or a pasted paragraph finds the articles about it even
when they use other words. Hits without an embedding (indexed before embeddings existed) count a cosine of 0.

Measured on the real test collections (docs/search.md): nDCG@10 +4 to +15 % over the lexical ranking alone.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from archive_search.ports import TextEncoder
from archive_search.relevance import tier_of

RERANK_WINDOW = 100
EMBEDDING_FIELD = "embedding"
# The query is embedded on a thread of its own while the engine looks for the window, when the search's thread
# only waits on the network: of the embedding's 6.5 ms, about 4 no longer add to the reader's wait (docs/operations.md,
# "Why the goals are not met"). A function instance runs one search at a time; the other threads serve the local API's
# concurrent requests.
_EMBEDDINGS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="query-embedding")


def embedding_of(encoder: TextEncoder, text: str) -> Future[bytes]:
    """The embedding of a query's `text` (encoder.embed), computed in the background; .result() re-raises its error.
    NFKC-normalised first, so that a ligature or a styled letter a paste carries (`proﬁt`, from a PDF; full-width
    letters) means what its letters do: the index's analyzers fold them (mapping), the text model's vocabulary does
    not, and `proﬁt` found what `profit` finds, in another order (session 43's review)."""
    normalised = unicodedata.normalize("NFKC", text)
    return _EMBEDDINGS.submit(lambda: encoder.embed([normalised])[0])


def window_size(page_size: int) -> int:
    """The hits asked for a reranked page of `page_size`: the fewest whole pages holding RERANK_WINDOW hits, of which
    rerank() reorders the first RERANK_WINDOW whatever the page size. Until session 35 the most whole pages fitting
    in it, so the order of the first results depended on the page size (80 hits reranked at 40 a page, 100 at 10)."""
    return -(-RERANK_WINDOW // page_size) * page_size


@dataclass(frozen=True)
class Reranked:
    hit: dict[str, Any]
    score: float


def rerank(hits: Sequence[dict[str, Any]], query_vector: bytes, encoder: TextEncoder, weight: float) -> list[Reranked]:
    """The hits in their new order: the first RERANK_WINDOW reordered, each with its fused score (in [0, 1] within
    its tier), then any others in the engine's order with the engine's score, as the pages past the window list them.

    `hits` are the engine's, best first, with `_score`, `matched_queries` and `fields.embedding` (the field's doc
    values: a list of one base64 string); `query_vector` is the query's embedding (encoder.embed), computed by the
    caller while the engine looks for the hits.
    """
    hits, rest = hits[:RERANK_WINDOW], hits[RERANK_WINDOW:]
    tail = [Reranked(hit, float(hit.get("_score") or 0.0)) for hit in rest]
    if not hits:
        return []
    cosines = encoder.similarities(query_vector, [_vector(hit) for hit in hits])
    tiers = [tier_of(hit.get("matched_queries") or []) for hit in hits]
    scores = [float(hit.get("_score") or 0.0) for hit in hits]
    fused: list[float] = []
    for i, tier in enumerate(tiers):
        same = [scores[j] for j, t in enumerate(tiers) if t == tier]
        low, high = min(same), max(same)
        lexical = (scores[i] - low) / (high - low) if high > low else 1.0
        fused.append((1 - weight) * lexical + weight * cosines[i])
    order = sorted(range(len(hits)), key=lambda i: (-tiers[i], -fused[i], i))
    # A cosine may be below 0 (unrelated texts): the score shown keeps to [0, 1], the order as fused (session 35's
    # review saw -0.03 at rank 100, where the API promises 0-1).
    return [Reranked(hits[i], min(1.0, max(0.0, fused[i]))) for i in order] + tail


def doc_value(hit: Mapping[str, Any], field: str) -> Any:
    """A hit's value of `field` read from doc values (`fields`: a list of the value), or None."""
    values = (hit.get("fields") or {}).get(field)
    return values[0] if isinstance(values, list) and values else None


def _vector(hit: dict[str, Any]) -> bytes | None:
    encoded = doc_value(hit, EMBEDDING_FIELD)
    if not isinstance(encoded, str):
        return None
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None
