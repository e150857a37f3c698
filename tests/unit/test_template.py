"""local_stack_spec(): what the local stack builds is read from infra/template.yaml, not kept by hand."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from archive_search.config import TEXT_MODEL_FILES, IngestSettings, SearchSettings
from archive_search_cli import worker as worker_module
from archive_search_cli.template import LocalStackSpec, load_template, local_stack_spec
from archive_search_cli.worker import QueueWorker


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template()


@pytest.fixture(scope="module")
def spec(template: dict[str, Any]) -> LocalStackSpec:
    return local_stack_spec(copy.deepcopy(template))


@pytest.fixture(scope="module")
def ingest_id(template: dict[str, Any], spec: LocalStackSpec) -> str:
    """The logical id of the function whose SQS event source is the ingest queue."""
    for logical_id, resource in template["Resources"].items():
        for event in resource.get("Properties", {}).get("Events", {}).values():
            if event["Type"] == "SQS" and event["Properties"]["Queue"]["Fn::GetAtt"][0] == spec.ingest_queue_logical_id:
                return str(logical_id)
    raise AssertionError("no function reads the ingest queue")


def test_default_call_reads_the_repository_template(spec: LocalStackSpec) -> None:
    assert local_stack_spec() == spec


def test_uploads_bucket_notifies_the_ingest_queue_of_creates_and_removes_under_the_upload_prefix(
    template: dict[str, Any], spec: LocalStackSpec, ingest_id: str
) -> None:
    upload_prefix = spec.function_environment[ingest_id]["UPLOAD_PREFIX"]
    assert upload_prefix.endswith("/")

    notifying = [bucket for bucket in spec.buckets.values() if bucket.notifications]
    assert len(notifying) == 1
    (uploads,) = notifying
    assert sorted(uploads.notifications) == [
        ("s3:ObjectCreated:*", spec.ingest_queue_logical_id, upload_prefix),
        ("s3:ObjectRemoved:*", spec.ingest_queue_logical_id, upload_prefix),
    ]


def test_ingest_queue_has_a_dead_letter_queue(template: dict[str, Any], spec: LocalStackSpec) -> None:
    queue = spec.queues[spec.ingest_queue_logical_id]

    assert queue.dead_letter_logical_id in spec.queues
    assert queue.dead_letter_logical_id != queue.logical_id
    raw_redrive = template["Resources"][queue.logical_id]["Properties"]["RedrivePolicy"]
    assert queue.max_receive_count == int(raw_redrive["maxReceiveCount"])
    assert queue.max_receive_count is not None and queue.max_receive_count >= 1
    dead_letter = spec.queues[queue.dead_letter_logical_id]
    assert dead_letter.dead_letter_logical_id is None
    assert dead_letter.name != queue.name


def test_ingest_queue_visibility_covers_six_ingest_timeouts(
    template: dict[str, Any], spec: LocalStackSpec, ingest_id: str
) -> None:
    # Lambda's SQS integration asks for at least six times the function timeout.
    function_timeout = int(template["Resources"][ingest_id]["Properties"]["Timeout"])

    assert spec.queues[spec.ingest_queue_logical_id].visibility_timeout >= 6 * function_timeout


def test_ingest_keeps_its_slowest_step_in_hand_well_within_its_timeout(spec: LocalStackSpec, ingest_id: str) -> None:
    from archive_search.handlers.ingest import ENGINE_CLIENT_RETRIES, REPORT_SECONDS

    engine_timeout = float(spec.function_environment[ingest_id]["OPENSEARCH_TIMEOUT"])
    reserve = engine_timeout * (ENGINE_CLIENT_RETRIES + 1) + REPORT_SECONDS

    # At least half the invocation is left for work once the reserve is set aside.
    assert 2 * reserve <= spec.function_timeouts[ingest_id]


def test_ingest_archive_bucket_is_the_archive_buckets_resolved_name(
    template: dict[str, Any], spec: LocalStackSpec, ingest_id: str
) -> None:
    environment = spec.function_environment[ingest_id]
    archive_ref = template["Resources"][ingest_id]["Properties"]["Environment"]["Variables"]["ARCHIVE_BUCKET"]

    assert environment["ARCHIVE_BUCKET"] == spec.buckets[archive_ref["Ref"]].name
    assert "${" not in environment["ARCHIVE_BUCKET"]
    assert spec.buckets[archive_ref["Ref"]].versioned


def test_ingest_uploads_bucket_is_the_bucket_that_notifies_the_queue(spec: LocalStackSpec, ingest_id: str) -> None:
    assert spec.function_environment[ingest_id]["UPLOADS_BUCKET"] == spec.uploads_bucket


def test_bucket_names_resolve_the_pseudo_parameters(spec: LocalStackSpec) -> None:
    for bucket in spec.buckets.values():
        assert "${" not in bucket.name
        assert bucket.name.startswith("archive-search-local-")
        assert bucket.name.endswith("-123456789012")


def test_functions_get_the_global_environment_plus_their_own(template: dict[str, Any], spec: LocalStackSpec) -> None:
    global_names = set(template["Globals"]["Function"]["Environment"]["Variables"])
    functions = [
        logical_id
        for logical_id, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
    ]

    assert sorted(spec.function_environment) == sorted(functions)
    for logical_id in functions:
        own = set(template["Resources"][logical_id]["Properties"]["Environment"]["Variables"])
        assert set(spec.function_environment[logical_id]) == global_names | own


def test_template_environment_is_accepted_by_the_settings(
    template: dict[str, Any], spec: LocalStackSpec, ingest_id: str, tmp_path: Path
) -> None:
    # The endpoint parameter has no default, the signing key is resolved by CloudFormation at deploy time and the
    # model lies in the package; the local stack supplies its own of each.
    for name in TEXT_MODEL_FILES:
        (tmp_path / name).write_bytes(b"")
    local = {
        "OPENSEARCH_ENDPOINT": "http://127.0.0.1:9200",
        "AWS_REGION": "us-east-1",
        "CURSOR_SIGNING_KEY": "k" * 32,
        "TEXT_MODEL_DIR": str(tmp_path),
    }
    ingest = IngestSettings.from_env({**spec.function_environment[ingest_id], **local})
    search = SearchSettings.from_env({**spec.function_environment["SearchFunction"], **local})

    assert spec.function_environment[ingest_id]["TEXT_MODEL_DIR"] == "/var/task/text_model"
    assert ingest.text_model_dir == search.text_model_dir == tmp_path
    assert ingest.archive_bucket == spec.buckets["ArchiveBucket"].name
    assert search.allowed_origins == tuple(template["Parameters"]["AllowedOrigins"]["Default"].split(","))


def test_prefix_and_names_follow_the_template_not_fixed_values(template: dict[str, Any], ingest_id: str) -> None:
    changed = copy.deepcopy(template)
    changed["Parameters"]["UploadPrefix"]["Default"] = "editors/drop/"
    changed["Resources"]["ArchiveBucket"]["Properties"]["BucketName"] = {"Fn::Sub": "${AWS::StackName}-store"}

    spec = local_stack_spec(changed)

    assert {prefix for _event, _queue, prefix in spec.buckets["UploadsBucket"].notifications} == {"editors/drop/"}
    assert spec.function_environment[ingest_id]["UPLOAD_PREFIX"] == "editors/drop/"
    assert spec.function_environment[ingest_id]["ARCHIVE_BUCKET"] == "archive-search-local-store"


def test_template_without_an_sqs_fed_function_is_refused(template: dict[str, Any], ingest_id: str) -> None:
    changed = copy.deepcopy(template)
    del changed["Resources"][ingest_id]["Properties"]["Events"]

    with pytest.raises(ValueError, match="no function fed by an SQS queue"):
        local_stack_spec(changed)


def test_the_cursor_signing_key_comes_from_a_generated_secret_not_the_template(template: dict[str, Any]) -> None:
    variables = template["Resources"]["SearchFunction"]["Properties"]["Environment"]["Variables"]
    secret = template["Resources"]["CursorSigningSecret"]

    assert variables["CURSOR_SIGNING_KEY"] == {
        "Fn::Sub": "{{resolve:secretsmanager:${CursorSigningSecret}:SecretString}}"
    }
    assert secret["Type"] == "AWS::SecretsManager::Secret"
    assert secret["Properties"]["GenerateSecretString"]["PasswordLength"] >= 32


def test_the_local_stack_gives_the_search_function_a_fresh_signing_key() -> None:
    from archive_search_cli.stack import local_signing_key

    assert len(local_signing_key()) >= 32
    assert local_signing_key() != local_signing_key()


def test_the_local_functions_are_given_the_templates_memory_size(
    template: dict[str, Any], spec: LocalStackSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The local stack's logs said function_memory_size 512 where the template gives 1024 (session 53's new user)
    functions = {k: r for k, r in template["Resources"].items() if r["Type"] == "AWS::Serverless::Function"}
    assert spec.function_memory == {k: int(r["Properties"]["MemorySize"]) for k, r in functions.items()}

    class Sqs:
        def get_queue_attributes(self, **_: Any) -> dict[str, Any]:
            return {"Attributes": {"QueueArn": "arn:aws:sqs:us-east-1:123456789012:q"}}

        def receive_message(self, **_: Any) -> dict[str, Any]:
            return {"Messages": [{"MessageId": "m", "ReceiptHandle": "m", "Body": "{}"}]}

        def delete_message(self, **_: Any) -> None:
            pass

    monkeypatch.setattr(worker_module, "aws_client", lambda *_: Sqs())
    memory: list[int] = []

    def handler(_event: dict[str, Any], context: Any) -> dict[str, Any]:
        memory.append(context.memory_limit_in_mb)
        return {"batchItemFailures": []}

    QueueWorker("http://moto", "queue", handler, memory_mb=spec.function_memory["IngestFunction"]).poll_once()
    assert memory == [spec.function_memory["IngestFunction"]]


def test_the_local_gateway_is_given_the_templates_get_routes(template: dict[str, Any], spec: LocalStackSpec) -> None:
    paths = {
        event["Properties"]["Path"]
        for resource in template["Resources"].values()
        for event in resource.get("Properties", {}).get("Events", {}).values()
        if event["Type"] == "HttpApi" and event["Properties"]["Method"] == "GET"
    }
    assert set(spec.api_routes) == paths and {"/search", "/articles/{id+}"} <= paths
