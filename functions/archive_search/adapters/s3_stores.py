"""The uploads bucket, the archive bucket and the reports, on S3."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from archive_search.errors import StorageUnavailableError
from archive_search.keys import listing_prefix, spells_stem
from archive_search.models import Article, Upload
from archive_search.parsing import MAX_UPLOAD_BYTES, upload_group
from archive_search.ports import ObjectVersion

MISSING_CODES = ("NoSuchKey", "404", "NotFound", "PreconditionFailed", "412")
ARCHIVE_PREFIX = "articles/"
READ_THREADS = 16
READ_AHEAD = 4 * READ_THREADS


@contextmanager
def _translated_errors(action: str) -> Iterator[None]:
    try:
        yield
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        raise StorageUnavailableError(f"S3 failed to {action}: {code}") from exc
    except BotoCoreError as exc:
        raise StorageUnavailableError(f"S3 failed to {action}: {exc.__class__.__name__}") from exc


def _is_missing(exc: ClientError) -> bool:
    return exc.response.get("Error", {}).get("Code", "") in MISSING_CODES


def _millis(value: Any) -> int:
    return int(value.timestamp() * 1000)


class S3UploadSource:
    def __init__(self, client: Any) -> None:
        self._s3 = client

    def versions_of(self, bucket: str, key_stem: str) -> list[ObjectVersion]:
        versions = []
        with _translated_errors(f"list s3://{bucket}/{key_stem}.*"):
            paginator = self._s3.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=bucket, Prefix=listing_prefix(key_stem)):
                for item in page.get("Contents", []):
                    key = item["Key"]
                    # The prefix also matches "stem.more.ext" and other stems: keep this stem, in any spelling.
                    if spells_stem(key, key_stem):
                        versions.append(ObjectVersion(key, item["ETag"].strip('"'), _millis(item["LastModified"])))
        return versions

    def latest_uploads(self, bucket: str, prefix: str) -> dict[str, ObjectVersion]:
        latest: dict[str, ObjectVersion] = {}
        for item in self._list(bucket, prefix):
            key = item["Key"]
            version = ObjectVersion(key, item["ETag"].strip('"'), _millis(item["LastModified"]))
            stem = upload_group(key)
            current = latest.get(stem)
            if current is None or version.recency > current.recency:
                latest[stem] = version
        return latest

    def keys_under(self, bucket: str, prefix: str) -> set[str]:
        return {item["Key"] for item in self._list(bucket, prefix)}

    def _list(self, bucket: str, prefix: str) -> Iterator[dict[str, Any]]:
        with _translated_errors(f"list s3://{bucket}/{prefix}"):
            for page in self._s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
                yield from page.get("Contents", [])

    def exists(self, bucket: str, key: str) -> bool:
        try:
            self._s3.head_object(Bucket=bucket, Key=key)
        except ClientError as exc:
            if _is_missing(exc):
                return False
            raise StorageUnavailableError(f"S3 failed to look up s3://{bucket}/{key}") from exc
        except BotoCoreError as exc:
            raise StorageUnavailableError(f"S3 failed to look up s3://{bucket}/{key}") from exc
        return True

    def read(self, bucket: str, version: ObjectVersion) -> Upload | None:
        try:
            response = self._s3.get_object(Bucket=bucket, Key=version.key, IfMatch=f'"{version.etag}"')
            # One byte past the limit is enough for parse_upload to refuse it; a 5 GB object never fills memory.
            body = response["Body"].read(MAX_UPLOAD_BYTES + 1)
        except ClientError as exc:
            if _is_missing(exc):
                return None
            raise StorageUnavailableError(f"S3 failed to read s3://{bucket}/{version.key}") from exc
        except BotoCoreError as exc:
            raise StorageUnavailableError(f"S3 failed to read s3://{bucket}/{version.key}") from exc
        return Upload(version.key, body, version.etag, version.last_modified_ms)


class S3ArchiveStore:
    """Canonical articles as `articles/<id>.json` in the (versioned) archive bucket."""

    def __init__(self, client: Any, bucket: str) -> None:
        self._s3 = client
        self._bucket = bucket

    def put(self, article: Article) -> None:
        with _translated_errors(f"archive {article.id}"):
            self._s3.put_object(
                Bucket=self._bucket,
                Key=f"{ARCHIVE_PREFIX}{article.id}.json",
                Body=json.dumps(article.to_json_dict(), ensure_ascii=False).encode(),
                ContentType="application/json; charset=utf-8",
            )

    def delete(self, article_id: str) -> None:
        with _translated_errors(f"delete archived {article_id}"):
            self._s3.delete_object(Bucket=self._bucket, Key=f"{ARCHIVE_PREFIX}{article_id}.json")

    def get(self, article_id: str) -> Article | None:
        try:
            response = self._s3.get_object(Bucket=self._bucket, Key=f"{ARCHIVE_PREFIX}{article_id}.json")
            return Article.from_json_dict(json.loads(response["Body"].read()))
        except ClientError as exc:
            if _is_missing(exc):
                return None
            raise StorageUnavailableError(f"S3 failed to read archived {article_id}") from exc
        except BotoCoreError as exc:
            raise StorageUnavailableError(f"S3 cannot be reached to read archived {article_id}") from exc

    def get_many(self, article_ids: Iterable[str]) -> Iterator[Article]:
        """Read articles in parallel (S3 latency, not bandwidth, is the limit), in the order of `article_ids`;
        skips any deleted meanwhile. At most READ_AHEAD reads are started ahead of the consumer, so memory
        stays flat however many ids there are (`Executor.map` would submit them all at once)."""
        ids = iter(article_ids)
        with ThreadPoolExecutor(READ_THREADS) as pool:
            pending: deque[Future[Article | None]] = deque(pool.submit(self.get, i) for i in islice(ids, READ_AHEAD))
            while pending:
                article = pending.popleft().result()
                for article_id in islice(ids, 1):
                    pending.append(pool.submit(self.get, article_id))
                if article is not None:
                    yield article

    def list_ids(self) -> Iterator[str]:
        for article_id, _modified in self.list_modified():
            yield article_id

    def list_modified(self) -> Iterator[tuple[str, int]]:
        with _translated_errors("list the archive"):
            paginator = self._s3.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=self._bucket, Prefix=ARCHIVE_PREFIX):
                for item in page.get("Contents", []):
                    key = item["Key"]
                    if key.endswith(".json"):
                        yield key[len(ARCHIVE_PREFIX) : -len(".json")], _millis(item["LastModified"])


class S3ReportStore:
    def __init__(self, client: Any) -> None:
        self._s3 = client

    def put(self, bucket: str, report_key: str, report: dict[str, Any]) -> None:
        with _translated_errors(f"write the report {report_key}"):
            self._s3.put_object(
                Bucket=bucket,
                Key=report_key,
                Body=json.dumps(report, indent=2, ensure_ascii=False).encode(),
                ContentType="application/json; charset=utf-8",
            )

    def delete(self, bucket: str, report_key: str) -> None:
        with _translated_errors(f"delete the report {report_key}"):
            self._s3.delete_object(Bucket=bucket, Key=report_key)
