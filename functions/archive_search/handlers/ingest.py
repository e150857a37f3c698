"""Ingest Lambda: SQS batches of S3 notifications -> archive + index, with per-record failures."""

from __future__ import annotations

import functools
import os
import warnings
from typing import Any

import botocore.session
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from archive_search.adapters.opensearch_index import OpenSearchArticleIndex, create_client
from archive_search.adapters.s3_stores import S3ArchiveStore, S3ReportStore, S3UploadSource
from archive_search.config import IngestSettings
from archive_search.errors import ArchiveSearchError
from archive_search.handlers.text_model import text_encoder
from archive_search.ingest import IngestService, Outcome, SyncResult, UnexpectedFailureError
from archive_search.notifications import MalformedNotificationError, ObjectChange, object_changes

logger = Logger(service="archive-search-ingest")
metrics = Metrics(service="archive-search-ingest")
# A batch whose every record failed publishes no metric, by design: Powertools warns of it on each such invocation,
# which a newcomer read as a fault in `make run`'s console (session 54). Its documented way to expect empty metrics.
warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)
OUTCOME_METRICS = {
    Outcome.INDEXED: "ArticlesIndexed",
    Outcome.DELETED: "ArticlesDeleted",
    Outcome.REJECTED: "UploadsRejected",
    Outcome.ARCHIVED: "ArticlesAwaitingReindex",
    Outcome.IGNORED: "FoldersIgnored",
}
# One engine request may take its timeout twice (the client retries once); keep that, and time for the handler to
# report, in hand when deciding whether to start another step.
ENGINE_CLIENT_RETRIES = 1
REPORT_SECONDS = 5.0


@functools.cache
def ingest_service() -> IngestService:
    """Built on the first invocation and reused while the container is warm."""
    settings = IngestSettings.from_env(os.environ)
    metrics.namespace = settings.metrics_namespace
    # botocore's client is boto3's without boto3 and s3transfer (~0.05-0.1 s of cold start): only plain S3 calls here.
    s3 = botocore.session.get_session().create_client("s3")
    engine = create_client(settings.engine, max_retries=ENGINE_CLIENT_RETRIES)
    index = OpenSearchArticleIndex(engine, settings.engine.index_alias, text_encoder(settings.text_model_dir))
    index.ensure_exists()
    return IngestService(
        uploads=S3UploadSource(s3),
        archive=S3ArchiveStore(s3, settings.archive_bucket),
        index=index,
        reports=S3ReportStore(s3),
        uploads_bucket=settings.uploads_bucket,
        upload_prefix=settings.upload_prefix,
        report_prefix=settings.report_prefix,
        reserve_seconds=settings.engine.timeout_seconds * (ENGINE_CLIENT_RETRIES + 1) + REPORT_SECONDS,
    )


Notice = list[ObjectChange] | MalformedNotificationError
Outcomes = dict[ObjectChange, SyncResult | ArchiveSearchError]


def _read_notice(body: str) -> Notice:
    try:
        return object_changes(body)
    except MalformedNotificationError as exc:
        return exc  # its record fails on its own in settle_record
    except Exception as exc:  # noqa: BLE001 - whatever else a body raises (a 5,000-digit number) is its fault
        return MalformedNotificationError(f"the message body cannot be read: {exc.__class__.__name__}")


def _sync(changes: list[ObjectChange], context: LambdaContext) -> Outcomes:
    """Each change's outcome. sync_batch settles every change itself; what can still raise here is building the
    service (settings, or the engine unreachable at cold start): then every change fails on its own, and the
    queue retries each message."""
    try:
        service = ingest_service()
    except Exception as exc:  # see the docstring
        logger.exception("the ingest service could not start")
        failure = exc if isinstance(exc, ArchiveSearchError) else UnexpectedFailureError(exc.__class__.__name__)
        return dict.fromkeys(changes, failure)
    return service.sync_batch(changes, remaining_seconds=lambda: context.get_remaining_time_in_millis() / 1000)


def settle_record(notices: dict[str, Notice], outcomes: Outcomes, record: SQSRecord) -> None:
    """Fail the record if its message was malformed or any of its changes failed, so the queue retries it."""
    notice = notices[record.message_id]
    if isinstance(notice, MalformedNotificationError):
        raise notice
    for change in notice:
        outcome = outcomes[change]
        if isinstance(outcome, ArchiveSearchError):
            logger.warning("sync failed", extra={"key": change.key, "reason": str(outcome)})
            raise outcome
        metrics.add_metric(name=OUTCOME_METRICS[outcome.outcome], unit=MetricUnit.Count, value=1)
        logger.info(
            "article synced",
            extra={
                "event": change.event_name,
                "key": change.key,
                "article_id": outcome.article_id,
                "outcome": outcome.outcome.value,
                "reason": outcome.reason,
            },
        )


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    # The whole batch is synced at once (one bulk request); each record is then settled on its own outcome.
    notices = {record["messageId"]: _read_notice(record.get("body", "")) for record in event.get("Records", [])}
    changes = [change for notice in notices.values() if isinstance(notice, list) for change in notice]
    outcomes = _sync(changes, context)
    # A processor per invocation: it holds the batch's state, and the local worker calls from several threads.
    # A batch that fails entirely is reported record by record too, so the queue's redrive counts each message.
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    return process_partial_response(
        event=event,
        record_handler=functools.partial(settle_record, notices, outcomes),
        processor=processor,
        context=context,
    )
