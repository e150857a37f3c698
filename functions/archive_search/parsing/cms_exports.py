"""JSON exports of one post from a CMS, read as the JSON format's fields, and exports of many posts, refused naming
the export of one that works (session 52's new user: each was "no title" or "no body", naming no way out).

- WordPress's REST API post (`GET /wp-json/wp/v2/posts/ID`, with `?_embed` for names): `title.rendered`,
  `content.rendered` (HTML), `excerpt.rendered`, `date`, `link`, `status`; the author's name and the categories
  and tags from `_embedded` when it is there (without it they are numbers, ids of nothing the file holds).
- WP-CLI's `wp post get ID --format=json`: `post_title`, `post_content`, `post_excerpt`, `post_date`,
  `post_status` (`post_author` is an id: no name).

- Ghost's API answer for one post (`{"posts": [one]}`), when the post is plain: `title`, `html`, `published_at`,
  `status` and fields that say nothing of the article (ids, slug, url, excerpt, times, image).

- Any other CMS's export that names its body otherwise (session 54): `articleBody`, `content` (text or
  `{"rendered": …}`), `html` or `text` (BODY_NAMES, the one holding the most words wins), a WordPress title object,
  and a date under `datePublished` or `date_gmt`; and a schema.org JSON-LD object's one article item
  (json_ld.from_json_ld).

A JSON that gives the format's own `title` (text) and `body` is the format's, whatever else it holds (a live blog's
`posts`, a stray `post_content`): it is never read as an export (session 52's second review: such articles were
rejected or lost their fields). An export that also gives the format's own fields (`author`, `section`, `tags`,
`published`: a CMS that names its title `post_title`) has them read, over the export's.

A WordPress post whose status is other than `publish`, or which a password protects, is not public: rejected as
the module rejects every unpublished article (text.publishable); so is a Ghost post that is not published or is
for members only. Ghost's site export (`db[0].data.posts`) and a list of posts (`wp post list`, the REST API's
`/posts`, Ghost's API answer holding several) hold many articles, where an upload is one.
"""

from __future__ import annotations

from typing import Any

from archive_search.errors import RejectedUploadError
from archive_search.parsing.json_ld import from_json_ld, is_json_ld
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
    elif (
        isinstance(document, dict)
        and not is_own_format(document)
        and _is_ghost_list(document.get("posts"))
        and len(document["posts"]) > 1
    ):
        posts, what = document["posts"], "a Ghost API response"
    elif isinstance(document, list) and document and all(_is_listed_wordpress_post(item) for item in document):
        posts, what, fix = document, "a list of WordPress posts", _ONE_WORDPRESS_POST
    if posts is None:
        return
    if len(posts) == 1:  # the export's form holds many, whatever this one holds
        reason = f"the JSON is {what}, a form that holds many posts (this one holds 1), and is not read as an article"
    else:
        reason = f"the JSON is {what}, holding {len(posts)} posts, and an upload is one article"
    raise RejectedUploadError(reason, fix=fix)


def _is_ghost_list(posts: object) -> bool:
    """Ghost's Admin or Content API answer: `{"posts": [{"title": …, "html": …}]}`."""
    return (
        isinstance(posts, list)
        and bool(posts)
        and all(isinstance(p, dict) and "title" in p and any(body in p for body in _GHOST_BODIES) for p in posts)
    )


def is_own_format(document: dict[str, Any]) -> bool:
    """Whether a JSON object gives the format's own title (text) and body: then it is the format's."""
    names = {name.strip().lower(): value for name, value in document.items()}
    return isinstance(names.get("title"), str) and "body" in names


def from_cms_export(document: dict[str, Any]) -> dict[str, Any]:
    """The fields of a WordPress post (REST API or WP-CLI) or of Ghost's API answer for one post, keyed in lower case,
    under the JSON format's names, with the format's own fields it also gives (_own_fields) over the export's; the
    document as it is when it is the format's own (is_own_format) or no such export. RejectedUploadError for a post
    that is not public, or a Ghost post this reads not all of."""
    if is_own_format(document):
        return document
    if _is_rest_post(document):
        fields = {
            "title": _rendered(document, "title"),
            "body": _rendered(document, "content"),
            "summary": _rendered(document, "excerpt") or None,
            "published": document.get("date") if document.get("date") is not None else document.get("date_gmt"),
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
    elif _is_one_ghost_post(document):
        return _ghost_post(document["posts"][0])
    elif is_json_ld(document):
        return from_json_ld(document)
    else:
        return _with_body_named_otherwise(document)
    _refuse_not_public(status_name, fields.get("status"), protected)
    return _with_own_fields({name: value for name, value in fields.items() if value is not None}, document)


# The format's own names of an article's fields (text.FIELD_NAMES, TAG_NAMES) that an export may also give: not the
# exports' own `date`, `excerpt`, `title`, `content`, whose values are theirs.
_OWN_NAMES = {
    "author": ("author", "authors", "byline"),
    "published": ("published", "pubdate", "publishdate", "published_at"),
    "section": ("section", "category", "categories"),
    "summary": ("summary", "description"),
    "tags": ("tags", "keywords"),
    "url": ("url",),
}


def _with_own_fields(fields: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """The export's fields, each replaced by the format's own one when the document gives it as text or a list of
    texts (the REST API's `author: 3`, `tags: [9]` are ids of nothing the file holds: not read)."""
    for field, names in _OWN_NAMES.items():
        own = {name: document[name] for name in names if _is_text(document.get(name), field == "author")}
        if own:
            fields.pop(field, None)
            fields.update(own)
    return fields


def _is_text(value: object, people: bool) -> bool:
    """Text or a list of texts; with `people`, people with a name too (`{"name": "Jane Doe"}`, a list of them: as
    JSON-LD and Ghost give authors)."""
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) and people else None
    if items is None:
        return isinstance(value, str) and bool(value.strip())
    named = (i.get("name") if isinstance(i, dict) and people else i for i in items)
    return bool(items) and all(isinstance(name, str) for name in named)


# What a plain Ghost post holds beside its title, HTML, date and status: names of nothing the article shows.
_GHOST_PLAIN = frozenset(
    {"id", "uuid", "slug", "url", "title", "html", "published_at", "status", "created_at", "updated_at"}
    | {"excerpt", "custom_excerpt", "feature_image", "comment_id", "reading_time", "visibility"}
)


def _is_one_ghost_post(document: dict[str, Any]) -> bool:
    """Ghost's API answer for one post: `posts` holding one post, beside its `meta` at most."""
    return set(document) <= {"posts", "meta"} and _is_ghost_list(document.get("posts")) and len(document["posts"]) == 1


def _ghost_post(post: dict[str, Any]) -> dict[str, Any]:
    """The fields of Ghost's one post under the JSON format's names. RejectedUploadError for a post not published, or
    for members only, and for one that holds more than this reads (its authors, its tags, a body in Ghost's own
    formats), which the page saved as .html gives whole."""
    unread = [name for name in post if name not in _GHOST_PLAIN]
    if unread or not isinstance(post.get("title"), str) or not isinstance(post.get("html"), str):
        what = ", ".join(f'"{name}"' for name in unread[:8]) or 'a "title" and "html" that are not text'
        raise RejectedUploadError(
            f"the JSON is Ghost's API answer for one post, which gives {what}: only a plain post (title, html, "
            "published_at, status) is read from it",
            fix=_ONE_GHOST_POST,
        )
    status = post.get("status")
    if status is not None and status != "published":
        raise RejectedUploadError(
            f"the JSON gives status: {status}, and only a Ghost post whose status is published is public",
            fix="publish the post in Ghost and export it again",
        )
    visibility = post.get("visibility")
    if visibility is not None and visibility != "public":
        raise RejectedUploadError(
            f"the Ghost post's visibility is {visibility}, so not everyone may read it",
            fix="make the post public in Ghost and export it again",
        )
    fields = {
        "title": post["title"],
        "body": post["html"],
        "published": post.get("published_at"),
        "summary": post.get("custom_excerpt") or None,
        "url": post.get("url"),
    }
    return {name: value for name, value in fields.items() if value is not None}


def is_wordpress_post(document: dict[str, Any]) -> bool:
    """Whether the document (keyed in lower case) is a WordPress post (REST API or WP-CLI) read as one, or gives its
    title as WordPress does (`"title": {"rendered": …}`, read as a CMS export without `body`), whose title is HTML as
    the site shows it (`<em>Hamlet</em> review`), where any other JSON title is text."""
    if is_own_format(document):
        return False
    rendered_title = _other_body(document) is not None and _is_rendered("title", document)
    return _is_rest_post(document) or _is_wp_cli_post(document) or rendered_title


# Where CMS exports and APIs put an article's body when they do not call it `body`: schema.org's `articleBody`
# names nothing but an article's body; `content` is WordPress's and most headless CMSs' body; `html` is Ghost's;
# `text` is schema.org's for any work, and APIs use it for a plain-text copy or a teaser beside the body.
BODY_NAMES = ("articlebody", "content", "html", "text")


def _other_body(document: dict[str, Any]) -> str | None:
    """The one of BODY_NAMES a JSON without `body` gives as text (or as WordPress's `{"rendered": …}`), not blank,
    whose text has the most words (HTML's tags not counted), the first of BODY_NAMES among equals: a teaser under
    one name beside the full body under another is never the body, whichever comes first (session 54's review I:
    `"articleBody": "The council voted."` beside the story in `content` was the body), and a plain copy of the
    body beside its HTML leaves the HTML, which keeps its paragraphs, in BODY_NAMES' order."""
    if "body" in document:
        return None
    # Imported here, as the HTML path imports it (html_page.py): the parser loads with the first upload needing it
    from selectolax.lexbor import LexborHTMLParser

    words: dict[str, int] = {}
    for name in BODY_NAMES:
        value = _rendered(document, name) if _is_rendered(name, document) else document.get(name)
        if isinstance(value, str) and value.strip():
            words[name] = len((LexborHTMLParser(value).text(separator=" ") if "<" in value else value).split())
    return max(words, key=lambda name: words[name], default=None)


def _is_rendered(name: str, document: dict[str, Any]) -> bool:
    value = document.get(name)
    return isinstance(value, dict) and isinstance(value.get("rendered"), str)


def _with_body_named_otherwise(document: dict[str, Any]) -> dict[str, Any]:
    """A JSON without the format's `body` that gives it under a CMS's name (BODY_NAMES: `content`, `text`,
    `articleBody`, `html`) with its body there, its WordPress title object (`{"rendered": …}`) as the title, and a
    date under schema.org's or WordPress's UTC name (`datePublished`, `date_gmt`) when it gives none of the format's.
    RejectedUploadError when one of those names holds what is no text (a rich-text editor's list of blocks, an object
    that renders nothing), which could be the body: we do not guess which is; or a body a password protects."""
    name = _other_body(document)
    for other in BODY_NAMES if "body" not in document else ():
        value = document.get(other)
        if value is not None and not isinstance(value, str) and not _is_rendered(other, document):
            raise RejectedUploadError(
                f'the JSON gives "{other}" as {_kind(value)}, which holds no text this reads, and the body may be '
                "in it",
                fix='put the article\'s text (or its HTML) under "body"',
            )
    if name is None:
        return document
    fields = {key: value for key, value in document.items() if key not in BODY_NAMES}
    fields["body"] = _rendered(document, name)
    _refuse_not_public("status", None, isinstance(document[name], dict) and document[name].get("protected") is True)
    if _is_rendered("title", document):
        fields["title"] = _rendered(document, "title")
    return fields


def _kind(value: object) -> str:
    return "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else "a number or flag"


def _is_wp_cli_post(document: dict[str, Any]) -> bool:
    return (
        "post_title" in document and "post_content" in document and "title" not in document and "body" not in document
    )


def _is_rest_post(document: dict[str, Any]) -> bool:
    return all(isinstance(document.get(name), dict) and "rendered" in document[name] for name in ("title", "content"))


def _is_listed_wordpress_post(item: object) -> bool:
    """Whether an item of a JSON list is a WordPress post (WP-CLI, or REST API with its keys in any case)."""
    return isinstance(item, dict) and (
        "post_title" in item or _is_rest_post({name.lower(): value for name, value in item.items()})
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
