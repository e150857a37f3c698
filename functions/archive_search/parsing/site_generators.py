"""What a static-site generator's conventions say about an upload's path (session 52's new user uploaded a Jekyll
site folder): which of its folders are never published, and the date a Jekyll post's file name gives.

The key is the upload's path under `incoming/` (parse_upload's key), so a folder uploaded whole keeps the names of the
site's folders.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date

from archive_search.errors import RejectedUploadError
from archive_search.parsing.validate import MAX_YEAR, MIN_YEAR

# Jekyll's folders that hold no page of the site (jekyllrb.com/docs/structure/): drafts (`jekyll build` leaves them
# out unless told `--drafts`), the layouts and includes the pages are built with, data files, Sass partials, and the
# built site itself (a copy of the posts, generated from them). Jekyll never renders a folder whose name starts with
# an underscore, so no editor's folder of articles is named so by chance. Hugo's `layouts/` and `archetypes/` are
# not listed: an editor may name a folder of articles `layouts`, and Hugo's templates are refused by their content
# (a title or body that is only template syntax: validate.py).
UNPUBLISHED_FOLDERS = {
    "_drafts": "Jekyll's drafts, which the site does not publish",
    "_layouts": "Jekyll's page layouts, templates the site's pages are built with",
    "_includes": "Jekyll's includes, templates the site's pages are built with",
    "_data": "Jekyll's data files, which the site's templates read",  # a JSON there only: refuse_unpublished_folder
    "_sass": "Jekyll's style sheets",
    "_site": "the site Jekyll built, copies of the pages built from their source files",
}
# Jekyll's post name (Jekyll's Document::DATE_FILENAME_MATCHER, with a four-digit year): `2024-03-28-ferry.md`.
_POST_NAME = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})-[^/]+\.(?:md|markdown|html?)")


def refuse_unpublished_folder(key: str) -> None:
    """RejectedUploadError when a folder of the key is one a static-site generator never publishes
    (UNPUBLISHED_FOLDERS: `_drafts/mayor-profile.md`, `_layouts/default.html`), naming the folder and its
    convention; a file beside such a folder is read as any other."""
    for folder in key.split("/")[:-1]:
        convention = UNPUBLISHED_FOLDERS.get(folder.casefold())
        # Jekyll reads only data files in `_data/` (YAML, JSON, CSV): a page or a story there is an editor's, whose
        # folder happens to bear the name (the second review: `newsroom/_data/2015-election.html`).
        if folder.casefold() == "_data" and not key.casefold().endswith(".json"):
            continue
        if convention is not None:
            raise RejectedUploadError(
                f"the file is in a folder named {folder}/, which holds {convention}: it is no published article",
                fix="move the draft to _posts/, named with the day it is published (2024-03-28-title.md), when it is "
                "ready"
                if folder.casefold() == "_drafts"
                else f"upload the site's articles (its _posts/ folder and its pages), not its {folder}/ folder",
            )


def is_jekyll_post(key: str) -> bool:
    """Whether a key is plainly a Jekyll post's: under a `_posts/` folder (any case). A name that starts with a date
    elsewhere (`2015-05-12-budget.md`) is an editor's as often (an upload day, a reference, a phone number): it
    made no Jekyll post (session 52's second review)."""
    return "_posts" in (folder.casefold() for folder in key.split("/")[:-1])


def file_name_date(key: str) -> str | None:
    """The date a Jekyll post's file name gives (`_posts/2024-03-28-ferry-timetable.md` is 2024-03-28), as
    YYYY-MM-DD; None for any other name, and for any file outside `_posts/` (is_jekyll_post: `0800-11-22-helpline.md`
    is no date). Jekyll reads it only when the front matter gives no date, and so does the caller: a file that
    declares its own date is read whatever its name. RejectedUploadError for a post's name whose date names no day
    (Jekyll refuses to build the site) or lies outside the years the archive holds."""
    name = _POST_NAME.fullmatch(posixpath.basename(key).casefold())
    if name is None or not is_jekyll_post(key):
        return None
    written = posixpath.basename(key)[: name.start("day") + len(name["day"])]
    fix = (
        "rename the file with the day the article was published, as YYYY-MM-DD-title, or give its date in the front "
        "matter (date: 2024-03-28)"
    )
    try:
        day = date(int(name["year"]), int(name["month"]), int(name["day"]))
    except ValueError:
        raise RejectedUploadError(
            f"the file name starts with the date {written}, which names no day (a Jekyll post's name gives its date, "
            "and the file declares none)",
            fix=fix,
        ) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise RejectedUploadError(
            f"the file name starts with the date {written}, outside {MIN_YEAR}-{MAX_YEAR} (a Jekyll post's name gives "
            "its date, and the file declares none)",
            fix=fix,
        )
    return day.isoformat()
