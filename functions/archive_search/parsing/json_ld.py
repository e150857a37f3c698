"""schema.org JSON-LD, as pages embed it and editors upload it: its items (a list, an `@graph`), their types, and the
article item's authors given by reference. Read by html_page for a page's metadata and by cms_exports for a JSON-LD
upload."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from archive_search.errors import RejectedUploadError
from archive_search.parsing.validate import date_value

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "blogposting"}
)


def ld_types(item: dict[str, Any]) -> set[str]:
    """A JSON-LD item's @type names, lower-cased ("NewsArticle", ["Article", "NewsArticle"])."""
    types = item.get("@type")
    names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
    return {name.lower() for name in names if isinstance(name, str)}


def json_ld_items(document: object) -> Iterator[dict[str, Any]]:
    """The items of a JSON-LD document, in order: the document's own, a list's, an `@graph`'s (its first 1,000)."""
    pending = [document]
    seen = 0
    while pending and seen < 1000:
        item = pending.pop(0)
        seen += 1
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend(graph)


def author_references(article: dict[str, Any]) -> set[str]:
    """The @id of each author the article gives by reference alone (`{"@id": "…#/schema/person/abc"}`)."""
    value = article.get("author")
    people = value if isinstance(value, list) else [value]
    return {p["@id"] for p in people if isinstance(p, dict) and isinstance(p.get("@id"), str) and len(p) == 1}


def with_authors_resolved(article: dict[str, Any], people: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The article with each author given by reference alone replaced by the page's Person of that @id, if any: Yoast
    writes `"author": {"@id": "…#/schema/person/abc"}` and the Person, name and all, elsewhere in its @graph (JSON-LD's
    node references), and the author was lost (session 50's new user). Only a Person: a reference to the publisher's
    Organization or to the WebPage made "Daily Planet" or the headline the author over the byline `By Jane Doe`
    (session 50's review); unresolved, it names no one, as before."""
    references = author_references(article)
    if not references:
        return article
    value = article["author"]
    authors = value if isinstance(value, list) else [value]
    resolved = [
        {**people[a["@id"]], BY_REFERENCE: True}
        if isinstance(a, dict) and a.get("@id") in references & people.keys()
        else a
        for a in authors
    ]
    return {**article, "author": resolved if isinstance(value, list) else resolved[0]}


# The mark of a Person the article's author named by reference alone (with_authors_resolved): known only so, it is
# often the WordPress account that posted the article ("admin", "editor", the site's name), not its writer (_author).
BY_REFERENCE = "@by-reference"


def is_json_ld(document: dict[str, Any]) -> bool:
    """Whether a JSON object (keyed in lower case) without the JSON format's `body` is JSON-LD: it says its `@context`
    or `@graph`, or its `@type` is an article's. A CMS's own `"@type": "post"` beside `content` is no schema.org item,
    and a `headline` and `body` beside an `@type` are the format's fields, read as they always were."""
    if "body" in document:
        return False
    return "@context" in document or "@graph" in document or bool(ld_types(document) & ARTICLE_TYPES)


# A JSON-LD article's properties (schema.org's) under the JSON format's names; its body is `articleBody`, else
# CreativeWork's `text`, which schema.org gives any work.
_ARTICLE_FIELDS = {
    "title": ("headline", "name"),
    "body": ("articlebody", "text"),
    "published": ("datepublished",),
    "section": ("articlesection",),
    "tags": ("keywords",),
    "summary": ("description",),
    "url": ("url",),
}
_ONE_ARTICLE = "upload the article's page as .html, or a JSON of its own fields (title, body, published, author)"


def from_json_ld(document: dict[str, Any]) -> dict[str, Any]:
    """A JSON-LD upload (a schema.org object saved as .json, `@graph` and all) as the JSON format's fields, keyed in
    lower case: its one article item's (ARTICLE_TYPES) `headline` (else `name`), `articleBody` (else `text`),
    `datePublished`, `author` (names of Persons or Organizations, references to the document's Persons resolved as
    on a page), `articleSection`, `keywords`, `description` and `url`. What a page's JSON-LD gives is read the same
    way, so one article uploaded as its page or its JSON-LD has one date and one title.
    RejectedUploadError, saying what it holds, for JSON-LD holding no article item, several (which one is the upload
    cannot be told), or an article without a body: we do not guess."""
    items = list(json_ld_items(document))
    articles = [item for item in items if ld_types(item) & ARTICLE_TYPES]
    if not articles:
        types = sorted({name for item in items for name in _written_types(item)})
        what = f"items of type {', '.join(types[:8])}" if types else "no typed item"
        raise RejectedUploadError(f"the JSON is schema.org JSON-LD holding no article ({what})", fix=_ONE_ARTICLE)
    if len(articles) > 1:
        headlines = [str(_folded(a).get("headline") or _folded(a).get("name") or "untitled")[:60] for a in articles]
        raise RejectedUploadError(
            f"the JSON is schema.org JSON-LD holding {len(articles)} articles ({'; '.join(headlines[:4])}), and an "
            "upload is one article",
            fix="upload each article on its own",
        )
    people = {
        item["@id"]: item
        for item in items
        if isinstance(item.get("@id"), str) and len(item) > 1 and "person" in ld_types(item)
    }
    article = _folded(with_authors_resolved(articles[0], people))
    fields = {
        field: next((article[n] for n in names if article.get(n) is not None), None)
        for field, names in _ARTICLE_FIELDS.items()
    }
    fields["published"] = date_value(fields["published"], "datePublished")
    if not isinstance(fields["body"], str) or not fields["body"].strip():
        raise RejectedUploadError(
            "the JSON is schema.org JSON-LD whose article gives no articleBody, so it holds no text to publish",
            fix=_ONE_ARTICLE,
        )
    authors = article.get("author")
    names = [
        person.get("name") if isinstance(person, dict) else person
        for person in (authors if isinstance(authors, list) else [authors])
    ]
    fields["author"] = [name for name in names if isinstance(name, str) and name.strip()] or None
    return {name: value for name, value in fields.items() if value is not None}


def _folded(item: dict[str, Any]) -> dict[str, Any]:
    return {name.lower(): value for name, value in item.items()}


def _written_types(item: dict[str, Any]) -> list[str]:
    types = item.get("@type")
    return [name for name in (types if isinstance(types, list) else [types]) if isinstance(name, str)]
