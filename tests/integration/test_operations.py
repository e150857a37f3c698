"""reindex, verify and repair against the real node and the moto server."""

from __future__ import annotations

import copy
import json
import logging
import uuid

import pytest
from opensearchpy.exceptions import RequestError

from archive_search.adapters.opensearch_admin import OpenSearchIndexAdmin
from archive_search.adapters.opensearch_index import OpenSearchArticleIndex
from archive_search.adapters.s3_stores import S3ArchiveStore, S3ReportStore, S3UploadSource
from archive_search.index_mapping import INDEX_SETTINGS
from archive_search.ingest import IngestService
from archive_search.operations import UploadsLocation, reindex, repair, verify
from tests.integration.conftest import LocalPipeline
from tests.integration.test_search_api import get

pytestmark = pytest.mark.integration


def _upload_articles(pipeline: LocalPipeline, count: int) -> list[str]:
    stems = [f"op-{uuid.uuid4().hex[:8]}" for _ in range(count)]
    for n, stem in enumerate(stems):
        pipeline.upload(f"{stem}.json", json.dumps({"title": f"Harbour story {n}", "body": "Ships."}).encode())
    pipeline.drain()
    return stems


def _tools(pipeline: LocalPipeline) -> tuple[S3ArchiveStore, OpenSearchIndexAdmin, S3UploadSource, UploadsLocation]:
    location = UploadsLocation(pipeline.uploads_bucket, pipeline.upload_prefix, "reports/")
    return (
        S3ArchiveStore(pipeline.s3, pipeline.archive_bucket),
        OpenSearchIndexAdmin(pipeline.engine, pipeline.alias),
        S3UploadSource(pipeline.s3),
        location,
    )


def test_reindex_builds_a_new_index_and_swaps_the_alias(pipeline: LocalPipeline) -> None:
    stems = _upload_articles(pipeline, 5)
    archive, admin, _uploads, _location = _tools(pipeline)
    before = admin.indices_behind_alias()

    result = reindex(archive, admin)

    after = admin.indices_behind_alias()
    assert after == [result.index] and result.index not in before
    assert result.articles == 5 and not result.failures
    assert result.removed_indices == before
    assert not pipeline.engine.indices.exists(index=before[0])
    found = pipeline.engine.search(index=pipeline.alias, body={"query": {"match": {"title": "harbour"}}})
    assert sorted(hit["_id"] for hit in found["hits"]["hits"]) == sorted(stems)


def test_repair_keeps_what_ingest_just_synced(pipeline: LocalPipeline) -> None:
    (stem,) = _upload_articles(pipeline, 1)
    # A newer upload whose notification has not been handled yet, and an index copy that looks stale.
    pipeline.upload(f"{stem}.json", json.dumps({"title": "Harbour story, corrected", "body": "Ships."}).encode())
    pipeline.engine.update(index=pipeline.alias, id=stem, body={"doc": {"source_etag": "old"}}, refresh=True)
    archive, admin, uploads, location = _tools(pipeline)
    report = verify(archive, admin, uploads, location)
    assert report.unprocessed_uploads and report.stale_in_index == [stem]

    index = OpenSearchArticleIndex(pipeline.engine, pipeline.alias)
    ingest = IngestService(uploads, archive, index, S3ReportStore(pipeline.s3), location.upload_prefix, "reports/")
    assert repair(report, archive, index, ingest, location) == {}

    after = verify(archive, admin, uploads, location)
    assert after.drift == 0
    assert pipeline.engine.get(index=pipeline.alias, id=stem)["_source"]["title"] == "Harbour story, corrected"


def test_reindex_removes_leftovers_of_an_interrupted_run(pipeline: LocalPipeline) -> None:
    _upload_articles(pipeline, 2)
    archive, admin, _uploads, _location = _tools(pipeline)
    leftover = admin.create_build_index()

    reindex(archive, admin)

    assert not pipeline.engine.indices.exists(index=leftover)
    assert admin.unaliased_versions() == []


def test_verify_finds_missing_stale_and_orphaned_and_repair_fixes_them(pipeline: LocalPipeline) -> None:
    stems = _upload_articles(pipeline, 4)
    archive, admin, uploads, location = _tools(pipeline)
    # Drift made behind the pipeline's back: a document removed, one altered, one invented.
    pipeline.engine.delete(index=pipeline.alias, id=stems[0], refresh=True)
    pipeline.engine.update(index=pipeline.alias, id=stems[1], body={"doc": {"source_etag": "old"}}, refresh=True)
    pipeline.engine.index(index=pipeline.alias, id="ghost", body={"title": "Ghost", "body": "x"}, refresh=True)

    report = verify(archive, admin, uploads, location)

    assert report.missing_from_index == [stems[0]]
    assert report.stale_in_index == [stems[1]]
    assert report.orphaned_in_index == ["ghost"]
    assert report.drift == 3

    index = OpenSearchArticleIndex(pipeline.engine, pipeline.alias)
    ingest = IngestService(uploads, archive, index, S3ReportStore(pipeline.s3), location.upload_prefix, "reports/")
    assert repair(report, archive, index, ingest, location) == {}
    after = verify(archive, admin, uploads, location)
    assert after.drift == 0 and after.indexed == 4


def test_verify_sees_uploads_the_pipeline_never_processed(pipeline: LocalPipeline) -> None:
    _upload_articles(pipeline, 1)
    unseen = f"unseen-{uuid.uuid4().hex[:8]}"
    pipeline.upload(f"{unseen}.json", json.dumps({"title": "Unseen", "body": "Lost notification."}).encode())
    pipeline.worker._sqs.purge_queue(QueueUrl=pipeline.queue_url)
    archive, admin, uploads, location = _tools(pipeline)

    report = verify(archive, admin, uploads, location)

    assert report.unprocessed_uploads == [f"{pipeline.upload_prefix}{unseen}.json"]
    index = OpenSearchArticleIndex(pipeline.engine, pipeline.alias)
    ingest = IngestService(uploads, archive, index, S3ReportStore(pipeline.s3), location.upload_prefix, "reports/")
    assert repair(report, archive, index, ingest, location) == {}
    assert verify(archive, admin, uploads, location).drift == 0


def test_an_index_older_than_mapping_15_is_searched_with_its_snippets_until_reindex(
    pipeline: LocalPipeline, caplog: pytest.LogCaptureFixture
) -> None:
    # Given the index of an older code behind the alias: no term vectors on the body, which the fast vector
    # highlighter reads (the engine refuses it there)
    settings = copy.deepcopy(INDEX_SETTINGS)
    del settings["mappings"]["properties"]["body"]["term_vector"]
    settings["mappings"]["_meta"]["mapping_version"] = 14
    pipeline.engine.indices.create(index=f"{pipeline.alias}-v14", body={**settings, "aliases": {pipeline.alias: {}}})
    articles = {
        "old-1": {"title": "Council news", "body": "The <b>harbour</b> dredging plan was approved."},
        "old-2": {"title": "Harbour dredging week", "body": "<i>Tides</i> & more."},
    }
    for article_id, article in articles.items():
        article["source_key"] = f"incoming/{article_id}.json"  # as every version of index_document writes it
    for article_id, article in articles.items():
        pipeline.engine.index(index=pipeline.alias, id=article_id, body=article, refresh=True)
    with pytest.raises(RequestError, match="search_phase_execution_exception"):
        fast = {"query": {"match": {"body": "harbour"}}, "highlight": {"fields": {"body": {"type": "fvh"}}}}
        pipeline.engine.search(index=pipeline.alias, body=fast)

    # When a reader searches before the operator reindexes, twice (the second within the minute the function
    # keeps to the plain highlighter)
    with caplog.at_level(logging.WARNING, logger="archive_search.adapters.opensearch_index"):
        answers = [get("/search?q=harbour+dredging") for _ in range(2)]

    # Then each body is highlighted by the plain highlighter, its text escaped; one that did not match shows its start
    for status, body, _ in answers:
        assert status == 200, body
        snippets = {hit["id"]: hit["snippet"] for hit in body["results"]}
        assert snippets == {
            "old-1": "The &lt;b&gt;<mark>harbour</mark>&lt;/b&gt; <mark>dredging</mark> plan was approved.",
            "old-2": "&lt;i&gt;Tides&lt;/i&gt; &amp; more",  # the plain highlighter cuts the start at a word
        }
    # And only the first was refused: the second went to the plain highlighter at once
    refusals = [r for r in caplog.records if "no body term vectors" in r.getMessage()]
    assert len(refusals) == 1


def test_an_index_older_than_mapping_18_is_reranked_by_its_sources_embeddings_until_reindex(
    pipeline: LocalPipeline, caplog: pytest.LogCaptureFixture
) -> None:
    # Given articles ranked on this mapping, their embeddings read from doc values
    for n, text in enumerate(("Cranes dredged the harbour.", "The harbour ferry is late.", "Harbour fish prices.")):
        pipeline.upload(f"old18-{n}.json", json.dumps({"title": f"Harbour story {n}", "body": text}).encode())
    pipeline.drain()
    with caplog.at_level(logging.WARNING, logger="archive_search.adapters.opensearch_index"):
        status, ranked, _ = get("/search?q=harbour+dredging")
    assert status == 200 and len(ranked["results"]) == 3, ranked
    assert not [r for r in caplog.records if "no embedding doc values" in r.getMessage()]  # this mapping has them
    # And the same documents moved to an index of an older code: its embedding has no doc values (the engine
    # refuses to read them)
    settings = copy.deepcopy(INDEX_SETTINGS)
    settings["mappings"]["properties"]["embedding"] = {"type": "binary"}
    settings["mappings"]["_meta"]["mapping_version"] = 17
    old = f"{pipeline.alias}-older"
    pipeline.engine.indices.create(index=old, body=settings)
    (current,) = pipeline.engine.indices.get_alias(name=pipeline.alias)
    for hit in pipeline.engine.search(index=current, body={"query": {"match_all": {}}}, size=10)["hits"]["hits"]:
        pipeline.engine.index(index=old, id=hit["_id"], body=hit["_source"], refresh=True)
    pipeline.engine.indices.update_aliases(
        body={
            "actions": [
                {"remove": {"index": current, "alias": pipeline.alias}},
                {"add": {"index": old, "alias": pipeline.alias}},
            ]
        }
    )
    with pytest.raises(RequestError, match="search_phase_execution_exception"):
        pipeline.engine.search(index=pipeline.alias, body={"docvalue_fields": ["embedding"]})

    # When a reader searches before the operator reindexes, twice (the second within the minute the function
    # keeps to the sources)
    with caplog.at_level(logging.WARNING, logger="archive_search.adapters.opensearch_index"):
        answers = [get("/search?q=harbour+dredging") for _ in range(2)]

    # Then each is ranked as on this mapping, by the same embeddings (a missing one would change every score)
    for status, body, _ in answers:
        assert status == 200, body
        assert [(r["id"], r["score"]) for r in body["results"]] == [(r["id"], r["score"]) for r in ranked["results"]]
    # And only the first was refused: the second read the sources at once
    refusals = [r for r in caplog.records if "no embedding doc values" in r.getMessage()]
    assert len(refusals) == 1
