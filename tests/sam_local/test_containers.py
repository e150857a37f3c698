"""Each function in its Lambda container, given the events in events/, and the search API through start-api."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest

from archive_search_cli.sam_local import sqs_event
from archive_search_cli.template import REPO_ROOT
from tests.sam_local.conftest import Api, ContainerStack

pytestmark = pytest.mark.sam_local
EVENTS = REPO_ROOT / "events"
RESULT_FIELDS = {"id", "title", "url", "author", "published", "section", "snippet", "highlights", "score"}
QUERIES = [
    "/search?q=kerry+putin",
    "/search?q=ferry",
    "/search?q=orchard+festival",
    "/search?q=lighthouse",
    "/search?q=caf%C3%A9+rent",
    "/search?q=tide+gauge",
    "/search?q=jobb+fair",
    "/search?q=ferry+OR+festival&sort=newest",
    "/search?author=Estera+Popowska&size=3",
    "/suggest?q=ferr",
    "/articles/legacy-page-kerry-putin",
]


def without_timing(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != "took_ms"}


def as_make_run(body: dict[str, Any]) -> dict[str, Any]:
    """make run's answer without its timing, each result's score compared to float32's precision: the score fuses
    the engine's with the cosine of embeddings each side computed in its own runtime (Python 3.13 in the container,
    the venv's locally), which differed in the seventh digit (0.7502803 against 0.7502806) from December 2026 on,
    the order and every other field the same."""
    answer = without_timing(body)
    if isinstance(answer.get("results"), list):
        answer["results"] = [
            {**hit, "score": pytest.approx(hit["score"], rel=1e-5)} if isinstance(hit.get("score"), float) else hit
            for hit in answer["results"]
        ]
    return answer


@pytest.fixture(scope="session")
def ingested(container_stack: ContainerStack) -> ContainerStack:
    # events/sqs-s3-put.json names the legacy page; the rest of the uploads arrive as one batch, as SQS sends them.
    assert container_stack.invoke("IngestFunction", EVENTS / "sqs-s3-put.json") == {"batchItemFailures": []}
    batch = container_stack.workdir / "sqs-uploads.json"
    batch.write_text(json.dumps(sqs_event(container_stack.uploads_bucket, container_stack.upload_keys)))
    assert container_stack.invoke("IngestFunction", batch) == {"batchItemFailures": []}
    container_stack.refresh()
    return container_stack


def test_ingest_function_in_its_container_archives_and_indexes_every_upload(ingested: ContainerStack) -> None:
    from opensearchpy import OpenSearch

    engine = OpenSearch(hosts=[ingested.opensearch_url])
    assert engine.count(index="articles")["count"] == len(ingested.upload_keys) == 8
    assert engine.get(index="articles", id="legacy-page-kerry-putin")["_source"]["author"] == "Estera Popowska"


def test_search_function_in_its_container_answers_the_api_gateway_event(ingested: ContainerStack) -> None:
    answer = ingested.invoke("SearchFunction", EVENTS / "http-search.json")

    assert answer["statusCode"] == 200
    assert answer["headers"]["Content-Type"] == "application/json"
    body = json.loads(answer["body"])
    assert body["query"] == "kerry putin"
    assert body["total"] == 1
    assert set(body["results"][0]) == RESULT_FIELDS
    assert body["results"][0]["id"] == "legacy-page-kerry-putin"
    assert "<mark>Kerry</mark>" in body["results"][0]["highlights"]["title"][0]


def test_start_api_serves_the_template_routes_from_the_container(ingested: ContainerStack, start_api: Api) -> None:
    assert start_api.get("/health") == (200, {"status": "ok", "documents": 8, "engine": "ok"})
    status, body = start_api.get("/search?q=harbour+ferry")
    assert status == 200
    assert body["results"][0]["id"] == "harbour-ferry"
    assert {"total", "took_ms", "results", "facets", "did_you_mean", "next_cursor"} <= set(body)
    status, body = start_api.get("/search?q=ferry&size=500")
    assert status == 400
    assert body["error"]["code"]


@pytest.mark.parametrize("path", QUERIES)
def test_the_container_answers_as_make_run_does(
    ingested: ContainerStack, start_api: Api, make_run_api: Api, path: str
) -> None:
    container_status, container_body = start_api.get(path)
    local_status, local_body = make_run_api.get(path)

    assert container_status == local_status == 200
    assert without_timing(container_body) == as_make_run(local_body)


def test_a_cursor_from_the_container_pages_as_make_runs_does(start_api: Api, make_run_api: Api) -> None:
    first_page = "/search?q=harbour+OR+festival+OR+lighthouse+OR+tide&size=2"
    container_first, local_first = start_api.get(first_page)[1], make_run_api.get(first_page)[1]
    assert container_first["next_cursor"]
    assert without_timing(container_first) == as_make_run(local_first)

    next_page = f"{first_page}&cursor={quote(container_first['next_cursor'])}"
    container_status, container_next = start_api.get(next_page)
    local_status, local_next = make_run_api.get(next_page)

    assert container_status == local_status == 200
    assert container_next["results"]
    assert without_timing(container_next) == as_make_run(local_next)
