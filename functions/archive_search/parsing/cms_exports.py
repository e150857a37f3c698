"""JSON exports of one post from a CMS, read as the JSON format's fields, and exports of many posts, refused naming
the export of one that works (session 52's new user: each was "no title" or "no body", naming no way out).

- WordPress's REST API post (`GET /wp-json/wp/v2/posts/ID`, with `?_embed` for names): `title.rendered`,
  `content.rendered` (HTML), `excerpt.rendered`, `date`, `link`, `status`; the author's name and the categories
  and tags from `_embedded` when it is there (without it they are numbers, ids of nothing the file holds).
- WP-CLI's `wp post get ID --format=json`: `post_title`, `post_content`, `post_excerpt`, `post_date`,
  `post_status` (`post_author` is an id: no name).

A WordPress post whose status is other than `publish`, or which a password protects, is not public: rejected as
the module rejects every unpublished article (text.publishable). Ghost's site export (`db[0].data.posts`) and a list
of posts (`wp post list`, the REST API's `/posts`, Ghost's API answer `{"posts": [...]}`) hold many articles,
where an upload is one.
"""

from __future__ import annotations

from typing import Any

from archive_search.errors import RejectedUploadError
from archive_search.parsing.text import publishable

_ONE_WORDPRESS_POST = (
    "upload each post on its own: its page as .html, or `wp post get ID --format=json` (or the REST API's "
    "/wp-json/wp/v2/posts/ID) as .json"
)
_ONE_GHOST_POST = "upload each post on its own: open it on the site and save the page as .html"
# What a Ghost post holds its text in, whichever editor wrote it.
_GHOST_BODIES = ("html", "lexical", "mobiledoc")
# WP-CLI's post fields and the JSON format's names for them.
_WP_CLI_FIELDS = {
    "post_title": "title",
    "post_content": "body",
    "post_excerpt": "summary",
    "post_date": "published",
    "post_status": "status",
}


def refuse_many_posts(document: object) -> None:
    """RejectedUploadError for a JSON that holds many posts (Ghost's site export, a list of WordPress posts), naming
    how many and the export of one post to upload instead."""
    posts: list[Any] | None = None
    what, fix = "", _ONE_GHOST_POST
    if isinstance(document, dict) and isinstance(document.get("db"), list):
        sites = [site for site in document["db"] if isinstance(site, dict) and isinstance(site.get("data"), dict)]
        posts = [post for site in sites for post in site["data"].get("posts") or [] if isinstance(post, dict)]
        what = "a Ghost site export"
    elif isinstance(document, dict) and _is_ghost_list(document.get("posts")):
        posts, what = document["posts"], "a Ghost API response"
    elif isinstance(document, list) and document and all(_is_wordpress_post(item) for item in document):
        posts, what, fix = document, "a list of WordPress posts", _ONE_WORDPRESS_POST
    if posts is None:
        return
    raise RejectedUploadError(
        f"the JSON is {what}, holding {len(posts)} post{'s' if len(posts) != 1 else ''}, and an upload is one article",
        fix=fix,
    )


def _is_ghost_list(posts: object) -> bool:
    """Ghost's Admin or Content API answer: `{"posts": [{"title": …, "html": …}]}`."""
    return (
        isinstance(posts, list)
        and bool(posts)
        and all(isinstance(p, dict) and "title" in p and any(body in p for body in _GHOST_BODIES) for p in posts)
    )


def from_cms_export(document: dict[str, Any]) -> dict[str, Any]:
    """The fields of a WordPress post (REST API or WP-CLI, keyed in lower case) under the JSON format's names, or the
    document as it is when it is no such post. RejectedUploadError for a post that is not public."""
    if is_rest_post(document):
        fields = {
            "title": _rendered(document, "title"),
            "body": _rendered(document, "content"),
            "summary": _rendered(document, "excerpt") or None,
            "published": document.get("date"),
            "url": document.get("link"),
            "status": document.get("status"),
            **_embedded(document.get("_embedded")),
        }
        protected = isinstance(document.get("content"), dict) and document["content"].get("protected") is True
        status_name = "status"
    elif _is_wp_cli_post(document):
        fields = {name: document.get(field) for field, name in _WP_CLI_FIELDS.items()}
        fields["summary"] = fields["summary"] or None  # WordPress writes "" for a post without an excerpt
        protected = bool(document.get("post_password"))
        status_name = "post_status"
    else:
        return document
    _refuse_not_public(status_name, fields.get("status"), protected)
    return {name: value for name, value in fields.items() if value is not None}


def is_wordpress_post(document: dict[str, Any]) -> bool:
    """Whether the document (keyed in lower case) is a WordPress post (REST API or WP-CLI), whose title is HTML as the
    site shows it (`<em>Hamlet</em> review`), where any other JSON title is text."""
    return is_rest_post(document) or _is_wp_cli_post(document)


def _is_wp_cli_post(document: dict[str, Any]) -> bool:
    return "post_title" in document or "post_content" in document


def is_rest_post(document: dict[str, Any]) -> bool:
    return all(isinstance(document.get(name), dict) and "rendered" in document[name] for name in ("title", "content"))


def _is_wordpress_post(item: object) -> bool:
    return isinstance(item, dict) and (
        "post_title" in item or is_rest_post({name.lower(): value for name, value in item.items()})
    )


def _rendered(document: dict[str, Any], name: str) -> Any:
    """The REST API's `"title": {"rendered": "…"}` as its value."""
    value = document.get(name)
    return value.get("rendered") if isinstance(value, dict) else value


def _embedded(embedded: object) -> dict[str, Any]:
    """The author's name, the first category (the section: the others are tags, as for a list of sections) and the
    tags that `?_embed` puts under `_embedded`: `author[0].name`, `wp:term` (lists of terms with their taxonomy)."""
    if not isinstance(embedded, dict):
        return {}
    fields: dict[str, Any] = {}
    authors = embedded.get("author")
    names = [a.get("name") for a in authors if isinstance(a, dict)] if isinstance(authors, list) else []
    if names and all(isinstance(name, str) for name in names):
        fields["author"] = names
    terms = [term for group in embedded.get("wp:term") or [] if isinstance(group, list) for term in group]
    for taxonomy, field in (("category", "section"), ("post_tag", "tags")):
        named = [t.get("name") for t in terms if isinstance(t, dict) and t.get("taxonomy") == taxonomy]
        if named and all(isinstance(name, str) for name in named):
            fields[field] = named
    return fields


def _refuse_not_public(name: str, status: object, protected: bool) -> None:
    """A WordPress post is public when its status is `publish` and no password protects it: WordPress's other
    statuses (draft, pending, private, future, trash, a plugin's own) are rejected, the module's known ones in its
    words (text.publishable)."""
    publishable({name: status}, "the JSON")
    if isinstance(status, str) and status.strip().casefold() != "publish":
        raise RejectedUploadError(
            f"the JSON gives {name}: {status}, and only a WordPress post whose status is publish is public",
            fix="publish the post in WordPress and export it again",
        )
    if protected:
        raise RejectedUploadError(
            "the WordPress post is protected by a password, so not everyone may read it",
            fix="remove the post's password in WordPress and export it again",
        )
