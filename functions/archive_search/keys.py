"""Mapping between upload keys, article ids and report keys."""

from __future__ import annotations

import posixpath

from archive_search.errors import RejectedUploadError

MAX_ID_LENGTH = 512


def article_id_for_key(key: str, upload_prefix: str) -> str:
    """The article id is the upload's path below the prefix, without its extension.

    Re-uploading the same path therefore updates the same article, whatever the format.
    """
    if not key.startswith(upload_prefix):
        raise RejectedUploadError(
            f"the key {key!r} is outside the upload prefix {upload_prefix!r}",
            fix=f"upload under {upload_prefix}",
        )
    path = key[len(upload_prefix) :]
    stem, _ext = posixpath.splitext(path)
    if not stem or stem.endswith("/") or path.endswith("/"):
        raise RejectedUploadError(f"the key {key!r} names a folder, not a file", fix="upload a file")
    if len(stem.encode()) > MAX_ID_LENGTH:
        raise RejectedUploadError(
            f"the path is longer than {MAX_ID_LENGTH} bytes", fix="use a shorter file name or folder path"
        )
    return stem


def extension_of(key: str) -> str:
    return posixpath.splitext(key)[1].lower()


def report_key_for(key: str, upload_prefix: str, report_prefix: str) -> str:
    """Where the editor finds the rejection report of an upload: beside it, under the report prefix."""
    return f"{report_prefix}{key[len(upload_prefix) :]}.json"
