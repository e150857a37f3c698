"""GET /articles/{id} and GET /related/{id}."""

from __future__ import annotations

from typing import Any

from archive_search.errors import NotFoundError
from archive_search.keys import MAX_ID_LENGTH
from archive_search.models import SearchHit
from archive_search.ports import ArticleIndex
from archive_search.search import LIST_FIELDS, search_hit

ARTICLE_FIELDS = ("title", "body", "author", "published", "section", "tags", "url", "summary", "credit")
MAX_RELATED = 5
RELATED_BODY_CHARS = 5000


def get_article(index: ArticleIndex, article_id: str) -> dict[str, Any]:
    """The article's fields by id; NotFoundError when there is none (ids longer than any upload path can make are
    not looked up, nor is an empty one)."""
    found = index.get(article_id) if 0 < len(article_id.encode()) <= MAX_ID_LENGTH else None
    if found is None:
        raise NotFoundError(f"no article with id {article_id[:200]!r}")
    source = found["_source"]
    return {"id": found["_id"], **{name: source.get(name) for name in ARTICLE_FIELDS}}


def build_related(article: dict[str, Any], size: int = MAX_RELATED) -> dict[str, Any]:
    """Articles sharing the most distinctive words of this one's title and body (more_like_this)."""
    like = " ".join(
        filter(None, [article.get("title"), article.get("summary"), (article.get("body") or "")[:RELATED_BODY_CHARS]])
    )
    return {
        "query": {
            "bool": {
                "must": [
                    {
                        "more_like_this": {
                            "fields": ["title", "body"],
                            "like": like,
                            "min_term_freq": 1,
                            "min_doc_freq": 2,
                            "max_query_terms": 25,
                            "minimum_should_match": "20%",
                        }
                    }
                ],
                "must_not": [{"ids": {"values": [article["id"]]}}],
            }
        },
        "_source": [*LIST_FIELDS, "body"],  # the snippet is the start of the body
        "size": size,
    }


def related_articles(index: ArticleIndex, article_id: str) -> list[SearchHit]:
    article = get_article(index, article_id)
    response = index.search(build_related(article), size=MAX_RELATED, offset=0)
    return [search_hit(raw) for raw in response["hits"]["hits"]]
