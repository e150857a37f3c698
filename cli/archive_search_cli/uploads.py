"""What an editor does with the uploads bucket: put files, put a corpus, delete files, read rejection reports."""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from botocore.exceptions import ClientError
from tqdm import tqdm

from archive_search.adapters.s3_stores import ARCHIVE_PREFIX
from archive_search.errors import RejectedUploadError
from archive_search.keys import article_id_for_key, listing_prefix, report_key_for, spells_stem, stem_of
from archive_search.parsing import unsupported_extension, upload_group

UPLOAD_THREADS = 16
_Item = TypeVar("_Item", "PendingUpload", "PendingDeletion")


class UploadSourceError(Exception):
    """A file or corpus line given to `upload` (or `delete`) that cannot be read as one, or two of them for one
    upload; the message names them. Raised while the uploads are collected, before the first is sent, so nothing is
    uploaded (or deleted)."""


@dataclass(frozen=True)
class PendingUpload:
    key: str
    body: bytes
    content_type: str
    source: str = field(default="", compare=False)  # the file, or corpus file and line, it is read from


@dataclass(frozen=True)
class PendingDeletion:
    key: str
    body: bytes | None  # what was uploaded from this source, when it can still be read; None: not checked
    source: str = field(default="", compare=False)  # the file, or corpus file and line, it was uploaded from


CONTENT_TYPES = {
    ".json": "application/json",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".txt": "text/plain",
}


# What operating systems and tools leave in a folder besides its files: never an article, each one a rejection
# report the editor did not ask for. A file named on the command line is uploaded whatever its name.
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})


def folder_files(folder: Path) -> list[Path]:
    """The folder's files, at any depth, in path order, without hidden files or folders (`.DS_Store`, `._x.md`,
    `.git/`), SYSTEM_FILES and saved pages' folders (saved_page_folders)."""
    return sorted(entry for entry in _listed_entries(folder) if entry.is_file())


# What a browser's "Save page as, complete" writes beside `X.html`: `X_files/` with the page's css, scripts, images
# and frames, none of them an article (session 53's new user got four rejection reports from one saved page).
SAVED_PAGE_SUFFIX = "_files"
SAVED_PAGE_EXTENSIONS = (".html", ".htm")


def saved_page_folders(paths: Iterable[Path]) -> list[Path]:
    """The folders a browser saved beside a page (`X_files/` beside `X.html` or `X.htm`) in the folders among
    `paths`: left out of an upload (`upload` names them)."""
    return sorted(
        entry
        for folder in paths
        if folder.is_dir()
        for entry in folder.rglob(f"*{SAVED_PAGE_SUFFIX}")
        if _is_saved_page_folder(entry) and not _hidden(entry, folder)
    )


def _is_saved_page_folder(path: Path) -> bool:
    page = path.name.removesuffix(SAVED_PAGE_SUFFIX)
    return (
        path.name.endswith(SAVED_PAGE_SUFFIX)
        and path.is_dir()
        and any((path.parent / f"{page}{extension}").is_file() for extension in SAVED_PAGE_EXTENSIONS)
    )


def _hidden(entry: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in entry.relative_to(folder).parts)


def left_out(paths: Iterable[Path]) -> list[Path]:
    """What folder_files leaves out of the folders among `paths` that is neither hidden nor a system file nor a
    folder: a broken symbolic link, a named pipe, a socket or a device (`upload` says so: session 47's new user saw
    `broken.json` left out without a word)."""
    return sorted(
        entry
        for folder in paths
        if folder.is_dir()
        for entry in _listed_entries(folder)
        if not (entry.is_file() or entry.is_dir())
    )


def _listed_entries(folder: Path) -> Iterator[Path]:
    """Every entry below the folder but hidden ones (or in hidden folders), SYSTEM_FILES and what saved pages' folders
    hold."""
    saved = saved_page_folders([folder])
    for entry in folder.rglob("*"):
        if (
            not _hidden(entry, folder)
            and entry.name.casefold() not in SYSTEM_FILES
            and not any(entry == page or entry.is_relative_to(page) for page in saved)
        ):
            yield entry


def _sources(paths: Iterable[Path], prefix: str) -> Iterator[tuple[Path, str]]:
    """Each file the paths name, with its upload key: a file under its name; a folder's files (folder_files) under
    their path below the folder."""
    for path in paths:
        if path.is_dir():
            for file in folder_files(path):
                yield file, prefix + file.relative_to(path).as_posix()
        else:
            yield path, prefix + path.name


def uploads_for_paths(paths: Iterable[Path], prefix: str) -> Iterator[PendingUpload]:
    """A file is uploaded under its name; a folder's files (folder_files) keep their path below the folder."""
    for file, key in _sources(paths, prefix):
        yield _file_upload(file, key)


def keys_for_paths(paths: Iterable[Path], prefix: str) -> list[str]:
    """The keys `uploads_for_paths` would write for these paths (for deleting them again)."""
    return [key for _file, key in _sources(paths, prefix)]


def _file_upload(path: Path, key: str) -> PendingUpload:
    """Raises UploadSourceError when the file cannot be read (missing, a folder's unreadable file)."""
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise UploadSourceError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    return PendingUpload(key, body, CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream"), str(path))


def uploads_for_jsonl(path: Path, prefix: str) -> Iterator[PendingUpload]:
    """One JSON upload per corpus line, keyed by the record's id. Raises UploadSourceError naming the file that
    cannot be read (missing, not UTF-8), or, once every line is read, each line that is no upload (not JSON, no
    string id): one run lists them all (session 47's new user fixed three bad lines in three runs)."""
    problems: list[str] = []
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line.rstrip("\r\n"))
                except json.JSONDecodeError as exc:
                    problems.append(f"{path}:{number}: not JSON ({exc.msg} at column {exc.colno})")
                    continue
                if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                    problems.append(f"{path}:{number}: each line must be a JSON object with a string id")
                    continue
                key = f"{prefix}{record['id']}.json"
                yield PendingUpload(key, line.encode(), "application/json", f"{path}:{number}")
    except OSError as exc:
        raise UploadSourceError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise UploadSourceError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if problems:
        raise UploadSourceError(_one_a_line(problems))


def _one_a_line(problems: Sequence[str], most: int = 20) -> str:
    """Problems one a line, the first `most` of them and how many more."""
    more = [f"... and {len(problems) - most} more"] if len(problems) > most else []
    return "\n".join([*problems[:most], *more])


def one_source_each(items: Sequence[_Item], *, articles: bool) -> list[_Item]:
    """The items without repeats of one file (the same key and content, named twice), in their order.

    Raises UploadSourceError naming both sources when two of them are different files for one key (`c1/x.json` and
    `c2/x.json`, both the upload `x.json`; a corpus's id on two lines), or, with `articles`, for one article under
    two keys (`x.json` and `x.txt`, `café.json` spelt composed and decomposed): the uploads are sent 16 at a time,
    so which one the bucket kept, or which one ingest took for the newer, would be chance, and the command would
    say it uploaded both. Deleting both keys of one article is no such race: `delete` checks keys only."""
    kept: list[_Item] = []
    first: dict[str, _Item] = {}
    problems: list[str] = []  # every one, in one run (session 47's new user renamed files over several)
    for item in items:
        seen = first.get(item.key)
        if seen is not None and seen.body == item.body:
            continue  # one file named twice (`x.json ./x.json`, a folder and a file in it): one upload
        if seen is not None:
            problems.append(
                f"{seen.source or seen.key} and {item.source or item.key} differ but are both the upload {item.key}, "
                "and which one it would hold is chance; give only one of them, or rename one (in a corpus, give "
                "each line its own id)"
            )
            continue
        first[item.key] = item
        kept.append(item)
    if articles:
        groups: dict[str, _Item] = {}
        for item in kept:
            other = groups.setdefault(upload_group(item.key), item)
            if other is not item:
                # Two spellings that look alike (`café.json` composed and decomposed) are told apart (session 48's
                # new user saw "café.json and café.json").
                same_name = unicodedata.normalize("NFC", other.key) == unicodedata.normalize("NFC", item.key)
                forms = " (the same name in two Unicode forms, composed and decomposed)" if same_name else ""
                problems.append(
                    f"{other.source or other.key} ({other.key}) and {item.source or item.key} ({item.key}) are both "
                    f"versions of one article{forms}, whose newest upload wins, and sent together which one is newest"
                    " is chance; give only the one you mean"
                )
    if problems:
        raise UploadSourceError(_one_a_line(problems))
    return kept


def _progress(files: int) -> tqdm[Any]:
    """A progress bar for several files, on a terminal only (disable=None): a bar for one file, or frames written to a
    file the output is piped to, are noise (session 53's new user)."""
    return tqdm(total=files, unit="file", disable=None if files > 1 else True)


def put_all(s3: Any, bucket: str, uploads: Iterable[PendingUpload]) -> int:
    """Puts every upload, 16 at a time; the count. All are read and checked first (one_source_each), so an
    UploadSourceError puts none."""
    items = one_source_each(list(uploads), articles=True)
    with ThreadPoolExecutor(UPLOAD_THREADS) as pool, _progress(len(items)) as bar:
        for _ in pool.map(
            lambda item: s3.put_object(Bucket=bucket, Key=item.key, Body=item.body, ContentType=item.content_type),
            items,
        ):
            bar.update()
    return len(items)


@dataclass(frozen=True)
class Deletions:
    deleted: list[str]
    not_uploaded: list[str]
    differing: list[str]  # the upload holds another file than the one named: kept (delete --force deletes it)


@dataclass(frozen=True)
class NamedUpload:
    """A path given to `delete` or `report`, with every upload key it may name: first the one `upload` of the same
    path makes (a file under its name alone), then the keys a folder around it would have given it
    (`2026/11/x.json` after `upload uploads`), shortest first. A name no file here has is read as typed: a key under
    the prefix (`incoming/2026/11/x.json`) names itself."""

    keys: tuple[str, ...]
    body: bytes | None  # the file's content, when it can be read here
    source: str
    checked_first: bool = True  # a file read here: its own key, when it holds the file, is the upload meant


def named_uploads(paths: Iterable[Path], prefix: str) -> list[NamedUpload]:
    """What each of the paths may name (NamedUpload): a folder's files, a file, or a name as typed."""
    named: list[NamedUpload] = []
    for path in paths:
        if path.is_dir() or path.is_file():
            for file, key in _sources([path], prefix):
                below = key.removeprefix(prefix)
                around = Path(os.path.abspath(file)).parts[1 : -1 - below.count("/")]
                wider = [prefix + "/".join([*around[start:], below]) for start in range(len(around) - 1, -1, -1)]
                named.append(NamedUpload((key, *wider), _read_or_none(file), str(file)))
        elif path.as_posix().startswith(prefix):
            named.append(NamedUpload((path.as_posix(),), None, str(path), checked_first=False))
        else:
            parts = Path(os.path.normpath(path)).parts
            parts = parts[len(parts) - parts[::-1].index("..") :] if ".." in parts else parts  # `../x.json`: x.json
            parts = parts[1:] if path.is_absolute() else parts
            keys = tuple(prefix + "/".join(parts[start:]) for start in range(len(parts) - 1, -1, -1))
            named.append(NamedUpload(keys, None, str(path), checked_first=False))
    return named


def _read_or_none(file: Path) -> bytes | None:
    try:
        return file.read_bytes()
    except OSError:  # the local copy is gone: the upload is named by its name
        return None


def resolve_named(s3: Any, bucket: str, named: list[NamedUpload]) -> list[PendingDeletion]:
    """The upload each path names (session 54's new user uploaded a folder, then could not `report` or `delete` one
    of its files: `report 2026/11/x.json` said "not uploaded", as `incoming/x.json`). A file's own key, when it holds
    the file, is the one meant; else the one key that is uploaded, or of several the one that holds the file. When
    none is uploaded, the first key (reported not uploaded); when several may be meant, UploadSourceError names them
    all, one path a line, before anything is done. The editors' policy refuses HEAD: then the first key, as before."""

    def resolve(item: NamedUpload) -> PendingDeletion | str:
        first, *others = item.keys
        etags: dict[str, str] = {}
        for key in item.keys if not item.checked_first else [first]:
            etag = _etag(s3, bucket, key)
            if etag == "denied":
                return PendingDeletion(first, item.body, item.source)
            if etag is not None:
                etags[key] = etag
        if item.checked_first and (first not in etags or not _holds(etags[first], item.body)):
            for key in others:
                if (etag := _etag(s3, bucket, key)) not in (None, "denied"):
                    etags[key] = str(etag)
        holding = [key for key, etag in etags.items() if _holds(etag, item.body)]
        found = holding or list(etags)  # of several uploaded, those that hold the file
        if len(found) > 1:
            return (
                f"{item.source} may be any of the uploads {', '.join(found)}: name the one you mean by its key"
                f" (such as {found[-1]})"
            )
        return PendingDeletion(found[0] if found else first, item.body, item.source)

    with ThreadPoolExecutor(UPLOAD_THREADS) as pool:
        resolved = list(pool.map(resolve, named))
    if problems := [outcome for outcome in resolved if isinstance(outcome, str)]:
        raise UploadSourceError(_one_a_line(problems))
    return [outcome for outcome in resolved if isinstance(outcome, PendingDeletion)]


def _holds(etag: str, body: bytes | None) -> bool:
    return body is not None and etag == hashlib.md5(body, usedforsecurity=False).hexdigest()


def _etag(s3: Any, bucket: str, key: str) -> str | Literal["denied"] | None:
    head = _head(s3, bucket, key)
    return str(head["ETag"]).strip('"') if isinstance(head, dict) else head


def delete_all(s3: Any, bucket: str, pending: list[PendingDeletion], force: bool = False) -> Deletions:
    """Deletes each upload that holds the file it was made from. A file named on the command line is uploaded under
    its name alone, a folder's under their path below it: naming a folder's file alone (`delete 2015/05/kerry.json`)
    means the upload `kerry.json`, which may be another article. So an upload whose content (its ETag, the MD5 of a
    single-part PUT, as `upload` makes them) is not the file's is kept and reported, unless `force`; one that is not
    there is reported. The editors' policy refuses them HEAD: their deletions are not checked. Two different files
    for one key (one_source_each) raise UploadSourceError before anything is deleted: one of them would be reported
    kept and the upload deleted all the same."""
    pending = one_source_each(pending, articles=False)

    def delete(item: PendingDeletion) -> tuple[str, str]:
        if not force:
            try:
                etag = str(s3.head_object(Bucket=bucket, Key=item.key)["ETag"]).strip('"')
            except ClientError as exc:
                code = exc.response.get("Error", {}).get("Code")
                if code in _MISSING:
                    return item.key, "not uploaded"
                if code not in _DENIED:
                    raise
            else:
                if item.body is not None and etag != hashlib.md5(item.body, usedforsecurity=False).hexdigest():
                    return item.key, "differing"
        s3.delete_object(Bucket=bucket, Key=item.key)
        return item.key, "deleted"

    outcomes: dict[str, list[str]] = {"deleted": [], "not uploaded": [], "differing": []}
    with ThreadPoolExecutor(UPLOAD_THREADS) as pool, _progress(len(pending)) as bar:
        for key, outcome in pool.map(delete, pending):
            outcomes[outcome].append(key)
            bar.update()
    return Deletions(outcomes["deleted"], outcomes["not uploaded"], outcomes["differing"])


# The editors' policy (infra/template.yaml, EditorsPolicy) lets them write uploads but not read them: their HEAD is
# refused, and what the upload is cannot be told apart from whether it is there.
_DENIED = frozenset({"403", "AccessDenied", "Forbidden"})
_MISSING = frozenset({"404", "NoSuchKey", "NotFound"})


@dataclass(frozen=True)
class _Uploaded:
    modified: datetime
    etag: str


def _upload_modified(s3: Any, bucket: str, key: str) -> _Uploaded | Literal["denied"] | None:
    """When the upload was last written, and its ETag; None when there is none; "denied" when the caller may not
    tell."""
    head = _head(s3, bucket, key)
    return _Uploaded(head["LastModified"], str(head["ETag"]).strip('"')) if isinstance(head, dict) else head


def _head(s3: Any, bucket: str, key: str) -> dict[str, Any] | Literal["denied"] | None:
    """HEAD of the upload at key; None when there is none; "denied" when the caller may not tell."""
    try:
        head: dict[str, Any] = s3.head_object(Bucket=bucket, Key=key)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code")
        if code in _MISSING:
            return None
        if code in _DENIED:
            return "denied"
        raise
    return head


def _archived_from(s3: Any, archive_bucket: str, article_id: str) -> tuple[str, str] | str | None:
    """The upload key and ETag the archived article was made from; None when none is archived; else a note on why
    that cannot be told: the caller may not read the archive (the editors' policy), or there is no such bucket."""
    try:
        body = s3.get_object(Bucket=archive_bucket, Key=f"{ARCHIVE_PREFIX}{article_id}.json")["Body"].read()
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code")
        if code in _MISSING:
            return None
        if code in _DENIED:
            return NOT_KNOWN
        if code == "NoSuchBucket":  # a mistyped --archive-bucket: the report on the upload still stands
            return f"accepted, or not ingested yet: there is no archive bucket {archive_bucket} ({ARCHIVE_FLAG_USE})"
        raise
    article = json.loads(body)
    return str(article.get("source_key", "")), str(article.get("source_etag", ""))


def _report_modified(s3: Any, bucket: str, report_key: str) -> datetime | None:
    """When the report was written, None when there is none: listed, not HEAD, since the editors' policy lets them
    list the reports but answers HEAD on a missing one 403 rather than 404."""
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=report_key, MaxKeys=1).get("Contents", [])
    modified: datetime | None = listed[0]["LastModified"] if listed and listed[0]["Key"] == report_key else None
    return modified


def has_report(s3: Any, bucket: str, key: str, upload_prefix: str, report_prefix: str) -> bool:
    """Whether the upload at key has a rejection report: it made no article."""
    return _report_modified(s3, bucket, report_key_for(key, upload_prefix, report_prefix)) is not None


NOT_KNOWN = "accepted, or not ingested yet: the archive cannot be read with these credentials (search for it)"
ARCHIVE_FLAG_USE = "--archive-bucket, the stack's archive bucket, tells accepted from waiting"
NO_ARCHIVE = f"accepted, or not ingested yet: no archive bucket was given and no local stack runs ({ARCHIVE_FLAG_USE})"


def upload_report(
    s3: Any, bucket: str, key: str, upload_prefix: str, report_prefix: str, archive_bucket: str | None
) -> dict[str, Any]:
    """What became of the upload at key, as the editor can tell from the uploads and archive buckets:

    - its rejection report as ingest wrote it (`status` "rejected", `reason`, `how_to_fix`, `checked_at`, `note`);
    - `{"upload", "status": "accepted", "article"}`: the archived article is this upload's (GET /articles/<article>);
    - `{"upload", "status": "waiting", "article"}`: not ingested yet (uploaded again after a report, or no article of
      this upload archived);
    - `{"upload", "status": "not uploaded"}`: no such upload (a report without one is a leftover `verify` lists);
    - `{"upload", "status": "superseded", "by", "article"}`: another format of the same article was uploaded after
      it (`twin.txt` after `twin.json`), whose file the article now follows, whatever this one's report says (it read
      "no report" while the newer file's rejection had taken the article down: session 48's new user).

    Accepted and waiting were one "no report" (session 53's new user could not tell them apart). With the editors'
    policy, which lets them read neither the uploads nor the archive, they still are (`"status": "no report"`, with a
    `note` saying both), the upload's absence reads "no report" too, and a report is shown even when a newer upload
    waits. So they are when no `archive_bucket` is given, or it does not exist (none is guessed: the template's local
    name, read against a deployed stack, got NoSuchBucket and failed the command: the session's review). Raises
    botocore's ClientError for anything else (no uploads bucket, no access)."""
    uploaded = _upload_modified(s3, bucket, key)
    if uploaded is None:
        return {"upload": key, "status": "not uploaded"}
    try:
        article: str | None = article_id_for_key(key, upload_prefix)
    except RejectedUploadError:  # a name no article can have: its report says so once ingested
        article = None
    if isinstance(uploaded, _Uploaded) and (newer := _newer_version(s3, bucket, key, uploaded.modified)) is not None:
        return {"upload": key, "status": "superseded", "by": newer, "article": article}
    report_key = report_key_for(key, upload_prefix, report_prefix)
    reported = _report_modified(s3, bucket, report_key)
    if reported is None:
        if not isinstance(uploaded, _Uploaded):
            return {"upload": key, "status": "no report", "article": article, "note": NOT_KNOWN}
        archived: tuple[str, str] | str | None = None  # a name no article can have: no article to look for
        if article is not None:
            archived = NO_ARCHIVE if archive_bucket is None else _archived_from(s3, archive_bucket, article)
        if isinstance(archived, str):
            return {"upload": key, "status": "no report", "article": article, "note": archived}
        # The article is this upload's when ingest made it from this key and this content.
        accepted = archived == (key, uploaded.etag)
        return {"upload": key, "status": "accepted" if accepted else "waiting", "article": article}
    # A valid upload deletes its report when ingested: until then the report is the previous file's.
    if isinstance(uploaded, _Uploaded) and uploaded.modified > reported:
        return {"upload": key, "status": "waiting", "article": article}
    body: dict[str, Any] = json.loads(s3.get_object(Bucket=bucket, Key=report_key)["Body"].read())
    return body


def _newer_version(s3: Any, bucket: str, key: str, uploaded: datetime) -> str | None:
    """The upload of the same article as `key` that ingest follows instead of it, or None: another format of its path,
    in any spelling of it (NFC or not), written after it, or in the same instant with a later key (ingest's tie-break:
    the third review). None for a key in a format no parser reads, which is no version of the article beside it, and
    when the caller may not list the uploads."""
    newer = [version for version in _versions(s3, bucket, key) or [] if version > (uploaded, key)]
    return max(newer)[1] if newer else None


def remaining_versions(s3: Any, bucket: str, key: str) -> list[str] | None:
    """The other uploads of `key`'s article still in the bucket, newest first (`x.json` once `x.txt` is deleted: the
    article falls back to it); None when the caller may not list the uploads (the editors' policy)."""
    versions = _versions(s3, bucket, key)
    return None if versions is None else [other for _, other in sorted(versions, reverse=True) if other != key]


def _versions(s3: Any, bucket: str, key: str) -> list[tuple[datetime, str]] | None:
    """Every upload of `key`'s article (key included), with when it was written, listed as ingest lists versions
    (keys.listing_prefix, spells_stem); none for a key in a format no parser reads; None when the caller may not
    list the uploads."""
    if unsupported_extension(key) is not None:
        return []
    key_stem, group = unicodedata.normalize("NFC", stem_of(key)), upload_group(key)
    versions: list[tuple[datetime, str]] = []
    try:
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=listing_prefix(key_stem)):
            versions += [
                (item["LastModified"], item["Key"])
                for item in page.get("Contents", [])
                if spells_stem(item["Key"], key_stem) and upload_group(item["Key"]) == group
            ]
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in _DENIED:
            return None
        raise
    return versions


def reported_uploads(s3: Any, bucket: str, report_prefix: str) -> Iterator[str]:
    """The upload key of every rejection report in the bucket, in the reports' key order."""
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=report_prefix):
        for item in page.get("Contents", []):
            # The report names its upload: a report key too long for S3 is cut short and hashed (keys.report_key_for).
            yield json.loads(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())["upload"]
