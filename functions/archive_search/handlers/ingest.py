"""Ingest Lambda: SQS batches of S3 notifications -> archive + index, with per-record failures."""

from __future__ import annotations

import functools
import os
from typing import Any

import boto3
from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from archive_search.adapters.opensearch_index import OpenSearchArticleIndex, create_client
from archive_search.adapters.s3_stores import S3ArchiveStore, S3ReportStore, S3UploadSource
from archive_search.config import IngestSettings
from archive_search.ingest import IngestService
from archive_search.notifications import object_changes

logger = Logger(service="archive-search-ingest")
processor = BatchProcessor(event_type=EventType.SQS)


@functools.cache
def ingest_service() -> IngestService:
    """Built on the first invocation and reused while the container is warm."""
    settings = IngestSettings.from_env(os.environ)
    s3 = boto3.client("s3")
    index = OpenSearchArticleIndex(create_client(settings.engine, max_retries=3), settings.engine.index_alias)
    index.ensure_exists()
    return IngestService(
        uploads=S3UploadSource(s3),
        archive=S3ArchiveStore(s3, settings.archive_bucket),
        index=index,
        reports=S3ReportStore(s3),
        upload_prefix=settings.upload_prefix,
        report_prefix=settings.report_prefix,
    )


def record_handler(record: SQSRecord) -> None:
    service = ingest_service()
    for change in object_changes(record.body):
        result = service.sync(change.bucket, change.key)
        logger.info(
            "article synced",
            extra={
                "event": change.event_name,
                "key": change.key,
                "article_id": result.article_id,
                "outcome": result.outcome.value,
                "reason": result.reason,
            },
        )


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
