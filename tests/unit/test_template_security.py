"""Security and wiring of infra/template.yaml that the linters do not check.

checkov's OpenSearch checks cover AWS::Elasticsearch::Domain only, and no linter knows which role may do what here:
these tests read the template (with the loader the local stack uses) and assert the decisions themselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from archive_search.errors import EngineRefusedRequestError
from archive_search.handlers import search
from archive_search.search import MAX_ENGINE_REQUESTS
from archive_search_cli.gateway import ROUTED_METHODS
from archive_search_cli.template import REPO_ROOT, TemplateResolver, load_template, local_stack_spec

INGEST, SEARCH = "IngestFunction", "SearchFunction"
READ_ONLY_POST_ENDPOINTS = ("/_search", "/_count", "/_mget", "/_msearch", "/_termvectors")
# Services without resource-level permissions: "*" is the only resource their actions accept.
RESOURCELESS_ACTIONS = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template()


@pytest.fixture(scope="module")
def resources(template: dict[str, Any]) -> dict[str, Any]:
    return dict(template["Resources"])


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def props(resources: dict[str, Any], logical_id: str) -> dict[str, Any]:
    return dict(resources[logical_id].get("Properties", {}))


def role_of(resources: dict[str, Any], function: str) -> str:
    role = props(resources, function)["Role"]
    assert role == {"Fn::GetAtt": [role["Fn::GetAtt"][0], "Arn"]}, f"{function} must use a role of this template"
    return str(role["Fn::GetAtt"][0])


def policy_documents(resources: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every IAM, bucket, queue and domain policy document of the template, with the resource that holds it."""
    for logical_id, resource in resources.items():
        properties = resource.get("Properties", {})
        kind = resource["Type"]
        if kind == "AWS::IAM::Role":
            yield logical_id, properties["AssumeRolePolicyDocument"]
            for policy in properties.get("Policies", []):
                yield logical_id, policy["PolicyDocument"]
        elif kind in ("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy"):
            yield logical_id, properties["PolicyDocument"]
        elif kind == "AWS::OpenSearchService::Domain":
            yield logical_id, properties["AccessPolicies"]


def statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(statement) for statement in as_list(document["Statement"])]


def role_statements(resources: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [s for policy in props(resources, role)["Policies"] for s in statements(policy["PolicyDocument"])]


def resolved_role_statements(template: dict[str, Any], role: str, **overrides: str) -> list[dict[str, Any]]:
    resolver = TemplateResolver(template, overrides)
    return [resolver.resolve(statement) for statement in role_statements(template["Resources"], role)]


def actions_on(statements_: list[dict[str, Any]], resource_pattern: str) -> set[str]:
    """The actions the Allow statements grant on resources matching the (resolved) regular expression."""
    granted: set[str] = set()
    for statement in statements_:
        if statement["Effect"] == "Allow" and any(
            re.fullmatch(resource_pattern, r) for r in as_list(statement["Resource"])
        ):
            granted |= set(as_list(statement["Action"]))
    return granted


# ---------------------------------------------------------------- IAM


def test_no_allow_statement_grants_a_wildcard_action(resources: dict[str, Any]) -> None:
    for holder, document in policy_documents(resources):
        for statement in statements(document):
            if statement["Effect"] == "Allow":
                for action in as_list(statement["Action"]):
                    assert "*" not in action, f"{holder} allows the wildcard action {action}"


def test_allow_statements_name_their_resources(resources: dict[str, Any]) -> None:
    for holder, document in policy_documents(resources):
        for statement in statements(document):
            if statement["Effect"] != "Allow" or "Resource" not in statement:
                continue  # trust policies have no Resource
            if as_list(statement["Resource"]) == ["*"]:
                assert set(as_list(statement["Action"])) <= RESOURCELESS_ACTIONS, f"{holder}: {statement}"


def test_no_allow_statement_has_an_anonymous_principal(resources: dict[str, Any]) -> None:
    for holder, document in policy_documents(resources):
        for statement in statements(document):
            if statement["Effect"] == "Allow" and "Principal" in statement:
                assert statement["Principal"] != "*", holder
                assert as_list(statement["Principal"].get("AWS", [])) != ["*"], holder


def test_each_function_has_its_own_role_and_no_generated_policies(resources: dict[str, Any]) -> None:
    roles = {function: role_of(resources, function) for function in (INGEST, SEARCH)}

    assert len(set(roles.values())) == 2
    for function, role in roles.items():
        assert resources[role]["Type"] == "AWS::IAM::Role"
        assert "Policies" not in props(resources, function), "SAM policy templates grant more than we need"
        assert "ManagedPolicyArns" not in props(resources, role)
        (trust,) = statements(props(resources, role)["AssumeRolePolicyDocument"])
        assert trust["Principal"] == {"Service": "lambda.amazonaws.com"}


def test_search_role_only_reads_the_index(template: dict[str, Any], resources: dict[str, Any]) -> None:
    granted = resolved_role_statements(template, role_of(resources, SEARCH))

    assert {a for s in granted for a in as_list(s["Action"])} == {
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "es:ESHttpGet",
        "es:ESHttpHead",
        "es:ESHttpPost",
        *RESOURCELESS_ACTIONS,
    }
    posts = [r for s in granted if "es:ESHttpPost" in as_list(s["Action"]) for r in as_list(s["Resource"])]
    assert posts and all(r.endswith(READ_ONLY_POST_ENDPOINTS) for r in posts)


def test_ingest_role_writes_reports_never_uploads(template: dict[str, Any], resources: dict[str, Any]) -> None:
    # The notifications fire under UploadPrefix; the ingest function can only write under ReportPrefix.
    granted = resolved_role_statements(template, role_of(resources, INGEST))
    uploads = re.escape("arn:aws:s3:::archive-search-local-uploads-123456789012")

    assert actions_on(granted, uploads + "/incoming/.*") == {"s3:GetObject"}
    assert actions_on(granted, uploads + "/reports/.*") == {"s3:PutObject", "s3:DeleteObject"}
    assert actions_on(granted, uploads + "/.*") == {"s3:GetObject", "s3:PutObject", "s3:DeleteObject"}
    archive = re.escape("arn:aws:s3:::archive-search-local-archive-123456789012")
    assert actions_on(granted, archive + "/articles/.*") == {"s3:GetObject", "s3:PutObject", "s3:DeleteObject"}


def test_roles_follow_the_existing_domain_when_one_is_given(
    template: dict[str, Any], resources: dict[str, Any]
) -> None:
    existing = "arn:aws:es:eu-west-1:123456789012:domain/newsroom"

    for function in (INGEST, SEARCH):
        granted = resolved_role_statements(
            template,
            role_of(resources, function),
            ExistingOpenSearchEndpoint="https://search-newsroom-abc.eu-west-1.es.amazonaws.com",
            ExistingOpenSearchDomainArn=existing,
        )
        es_resources = [
            r for s in granted if str(as_list(s["Action"])[0]).startswith("es:") for r in as_list(s["Resource"])
        ]
        assert es_resources and all(r.startswith(existing + "/") for r in es_resources)


def test_editors_may_put_and_delete_uploads_and_read_reports_only(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    (editors_id,) = [k for k, r in resources.items() if r["Type"] == "AWS::IAM::ManagedPolicy"]
    granted = TemplateResolver(template).resolve(statements(props(resources, editors_id)["PolicyDocument"]))
    bucket = "arn:aws:s3:::archive-search-local-uploads-123456789012"

    assert all(s["Effect"] == "Allow" for s in granted)
    assert {(a, r) for s in granted for a in as_list(s["Action"]) for r in as_list(s["Resource"])} == {
        ("s3:PutObject", f"{bucket}/incoming/*"),
        ("s3:DeleteObject", f"{bucket}/incoming/*"),
        ("s3:GetObject", f"{bucket}/reports/*"),
        ("s3:ListBucket", bucket),
    }
    listing = next(s for s in granted if s["Action"] == "s3:ListBucket")
    assert listing["Condition"] == {"StringLike": {"s3:prefix": ["reports/*"]}}


# ---------------------------------------------------------------- OpenSearch


def test_domain_is_encrypted_https_only_with_a_modern_tls_policy(resources: dict[str, Any]) -> None:
    (domain,) = [props(resources, k) for k, r in resources.items() if r["Type"] == "AWS::OpenSearchService::Domain"]

    engine, version = domain["EngineVersion"].split("_")
    assert engine == "OpenSearch"
    assert tuple(int(part) for part in version.split(".")) >= (2, 19)
    assert domain["EncryptionAtRestOptions"]["Enabled"] is True
    assert domain["NodeToNodeEncryptionOptions"]["Enabled"] is True
    assert domain["DomainEndpointOptions"]["EnforceHTTPS"] is True
    assert domain["DomainEndpointOptions"]["TLSSecurityPolicy"].startswith(
        ("Policy-Min-TLS-1-2-", "Policy-Min-TLS-1-3-")
    )
    assert domain["ClusterConfig"]["InstanceType"] == {"Ref": "OpenSearchInstanceType"}
    assert domain["ClusterConfig"]["InstanceCount"] == {"Ref": "OpenSearchInstanceCount"}


def test_domain_access_policy_admits_the_two_function_roles_only(resources: dict[str, Any]) -> None:
    (domain_id,) = [k for k, r in resources.items() if r["Type"] == "AWS::OpenSearchService::Domain"]
    ingest_role, search_role = role_of(resources, INGEST), role_of(resources, SEARCH)
    granted = statements(props(resources, domain_id)["AccessPolicies"])

    principals = {p["Fn::GetAtt"][0] for s in granted for p in as_list(s["Principal"]["AWS"])}
    assert principals == {ingest_role, search_role}
    assert all(s["Effect"] == "Allow" and "Condition" not in s for s in granted)
    search_grants = [s for s in granted if as_list(s["Principal"]["AWS"]) == [{"Fn::GetAtt": [search_role, "Arn"]}]]
    search_actions = {a for s in search_grants for a in as_list(s["Action"])}
    assert search_actions == {"es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost"}
    resolver = TemplateResolver({"Resources": resources, "Parameters": {"OpenSearchDomainName": {"Default": "d"}}})
    for statement in search_grants:
        if "es:ESHttpPost" in as_list(statement["Action"]):
            resolved = as_list(resolver.resolve(statement["Resource"]))
            assert all(r.endswith(READ_ONLY_POST_ENDPOINTS) for r in resolved)


def test_domain_or_existing_endpoint_both_reach_the_functions(template: dict[str, Any]) -> None:
    globals_env = template["Globals"]["Function"]["Environment"]["Variables"]

    created = TemplateResolver(template).resolve(globals_env["OPENSEARCH_ENDPOINT"])
    existing = TemplateResolver(
        template,
        {
            "ExistingOpenSearchEndpoint": "https://search-x.eu-west-1.es.amazonaws.com",
            "ExistingOpenSearchDomainArn": "a",
        },
    )
    assert created.endswith(".es.amazonaws.com")
    assert existing.resolve(globals_env["OPENSEARCH_ENDPOINT"]) == "https://search-x.eu-west-1.es.amazonaws.com"
    assert not existing.exists("SearchDomain")
    assert globals_env["OPENSEARCH_AUTH"] == "sigv4"


def test_an_existing_endpoint_requires_its_domain_arn(template: dict[str, Any]) -> None:
    rule = template["Rules"]["ExistingEndpointNeedsItsDomainArn"]

    assert rule["RuleCondition"] == {"Fn::Not": [{"Fn::Equals": [{"Ref": "ExistingOpenSearchEndpoint"}, ""]}]}
    assert rule["Assertions"][0]["Assert"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "ExistingOpenSearchDomainArn"}, ""]}]
    }


# ---------------------------------------------------------------- queue and event source


def test_ingest_reads_the_queue_in_batches_reporting_item_failures(resources: dict[str, Any]) -> None:
    (event,) = [e for e in props(resources, INGEST)["Events"].values() if e["Type"] == "SQS"]
    settings = event["Properties"]

    assert settings["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert 1 < settings["BatchSize"] <= 10
    assert settings["MaximumBatchingWindowInSeconds"] > 0
    assert settings["ScalingConfig"]["MaximumConcurrency"] == {"Ref": "IngestMaxConcurrency"}


def test_failed_messages_end_in_an_alarmed_dead_letter_queue(resources: dict[str, Any]) -> None:
    (event,) = [e for e in props(resources, INGEST)["Events"].values() if e["Type"] == "SQS"]
    queue_id = event["Properties"]["Queue"]["Fn::GetAtt"][0]
    redrive = props(resources, queue_id)["RedrivePolicy"]
    dead_letter_id = redrive["deadLetterTargetArn"]["Fn::GetAtt"][0]

    assert resources[dead_letter_id]["Type"] == "AWS::SQS::Queue" and dead_letter_id != queue_id
    assert 2 <= int(redrive["maxReceiveCount"]) <= 10
    assert int(props(resources, dead_letter_id)["MessageRetentionPeriod"]) > int(
        props(resources, queue_id)["MessageRetentionPeriod"]
    )
    watched = [
        p["Dimensions"]
        for p in (props(resources, k) for k, r in resources.items() if r["Type"] == "AWS::CloudWatch::Alarm")
        if p["MetricName"] == "ApproximateNumberOfMessagesVisible"
    ]
    assert [{"Name": "QueueName", "Value": {"Fn::GetAtt": [dead_letter_id, "QueueName"]}}] in watched


def test_queues_are_encrypted(resources: dict[str, Any]) -> None:
    for logical_id, resource in resources.items():
        if resource["Type"] == "AWS::SQS::Queue":
            properties = props(resources, logical_id)
            assert properties.get("SqsManagedSseEnabled") is True or "KmsMasterKeyId" in properties, logical_id


# ---------------------------------------------------------------- buckets


def test_buckets_are_private_encrypted_and_tls_only(resources: dict[str, Any]) -> None:
    buckets = [k for k, r in resources.items() if r["Type"] == "AWS::S3::Bucket"]
    tls_only = {
        props(resources, k)["Bucket"]["Ref"]
        for k, r in resources.items()
        if r["Type"] == "AWS::S3::BucketPolicy"
        and any(
            s["Effect"] == "Deny" and s.get("Condition") == {"Bool": {"aws:SecureTransport": "false"}}
            for s in statements(props(resources, k)["PolicyDocument"])
        )
    }

    assert len(buckets) == 2
    for bucket in buckets:
        properties = props(resources, bucket)
        assert set(properties["PublicAccessBlockConfiguration"].values()) == {True}
        (encryption,) = properties["BucketEncryption"]["ServerSideEncryptionConfiguration"]
        assert encryption["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("AES256", "aws:kms")
        assert properties["LifecycleConfiguration"]["Rules"]
        assert bucket in tls_only


def test_archive_bucket_keeps_versions_for_a_while_and_survives_stack_deletion(resources: dict[str, Any]) -> None:
    archive = resources["ArchiveBucket"]
    rules = archive["Properties"]["LifecycleConfiguration"]["Rules"]

    assert archive["DeletionPolicy"] == "Retain"
    assert archive["Properties"]["VersioningConfiguration"] == {"Status": "Enabled"}
    assert any("NoncurrentVersionExpiration" in rule for rule in rules)


def test_reports_expire(resources: dict[str, Any]) -> None:
    rules = props(resources, "UploadsBucket")["LifecycleConfiguration"]["Rules"]

    assert any(r.get("Prefix") == {"Ref": "ReportPrefix"} and "ExpirationInDays" in r for r in rules)


def test_report_prefix_default_is_outside_the_upload_prefix(template: dict[str, Any]) -> None:
    upload = template["Parameters"]["UploadPrefix"]["Default"]
    report = template["Parameters"]["ReportPrefix"]["Default"]

    assert (upload, report) == ("incoming/", "reports/")
    assert not upload.startswith(report) and not report.startswith(upload)


# ---------------------------------------------------------------- functions, API, alarms, outputs


def test_functions_run_a_current_python_on_arm64_with_tracing_and_their_own_log_groups(
    template: dict[str, Any], resources: dict[str, Any]
) -> None:
    function_globals = template["Globals"]["Function"]
    major, minor = map(int, function_globals["Runtime"].removeprefix("python").split("."))

    assert (major, minor) >= (3, 12)
    # arm64 unless told otherwise: x86_64 exists for `make sam-local` on x86 machines (docs/deploy.md).
    assert function_globals["Architectures"] == [{"Ref": "Architecture"}]
    assert template["Parameters"]["Architecture"]["Default"] == "arm64"
    assert function_globals["Tracing"] == "Active"
    for function in (INGEST, SEARCH):
        properties = props(resources, function)
        assert resources[function]["Metadata"]["BuildMethod"] == "makefile"
        log_group = properties["LoggingConfig"]["LogGroup"]["Ref"]
        assert props(resources, log_group)["RetentionInDays"] == {"Ref": "LogRetentionDays"}
        assert properties["Environment"]["Variables"]["POWERTOOLS_SERVICE_NAME"]


def test_timeouts_nest_engine_inside_function_inside_api(resources: dict[str, Any]) -> None:
    search = props(resources, SEARCH)
    engine_timeout = float(search["Environment"]["Variables"]["OPENSEARCH_TIMEOUT"])
    integration = {e["Properties"]["TimeoutInMillis"] for e in search["Events"].values()}

    # No retry after a timeout on the search path; a search sends at most MAX_ENGINE_REQUESTS one after another.
    assert MAX_ENGINE_REQUESTS * engine_timeout < search["Timeout"] < min(integration) / 1000 <= 30
    assert engine_timeout <= 2  # an overloaded engine answers readers with a fast 503
    ingest = props(resources, INGEST)
    assert 4 * float(ingest["Environment"]["Variables"]["OPENSEARCH_TIMEOUT"]) < ingest["Timeout"]  # three retries


def test_api_routes_cors_throttling_and_access_logs(resources: dict[str, Any]) -> None:
    routes = {
        (e["Properties"]["Method"], e["Properties"]["Path"])
        for e in props(resources, SEARCH)["Events"].values()
        if e["Type"] == "HttpApi"
    }
    api = props(resources, "SearchApi")

    from archive_search.openapi import openapi_document

    # Every path of the API's contract, ids as greedy path parameters (they contain slashes).
    documented = {("GET", path.replace("{id}", "{id+}")) for path in openapi_document()["paths"]}
    assert routes == documented
    assert ("GET", "/related/{id+}") in routes
    # The local API answers the methods the template routes (and the CORS preflight); any other, HEAD too, is the
    # gateway's 404 there as here (README).
    assert {method for method, _ in routes} | {"OPTIONS"} == ROUTED_METHODS
    assert api["CorsConfiguration"]["AllowOrigins"] == {"Ref": "AllowedOrigins"}
    # In AWS API Gateway answers CORS itself: it must expose what the function exposes locally (a 503's Retry-After).
    from archive_search.api import EXPOSED_HEADERS

    exposed = {name.lower() for name in api["CorsConfiguration"].get("ExposeHeaders", [])}
    assert exposed == {name.lower() for name in EXPOSED_HEADERS}
    assert api["DefaultRouteSettings"]["ThrottlingRateLimit"] and api["DefaultRouteSettings"]["ThrottlingBurstLimit"]
    assert "DestinationArn" in api["AccessLogSettings"]


def test_alarms_cover_the_failure_modes(resources: dict[str, Any]) -> None:
    alarms = [props(resources, k) for k, r in resources.items() if r["Type"] == "AWS::CloudWatch::Alarm"]
    watched = {(a["Namespace"], a["MetricName"]) for a in alarms}

    assert {
        ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
        ("AWS/Lambda", "Errors"),
        ("AWS/ApiGateway", "5xx"),
        ("AWS/ApiGateway", "Latency"),
        ("AWS/ES", "ClusterStatus.red"),
        ("AWS/ES", "FreeStorageSpace"),
    } <= watched
    for alarm in alarms:
        assert alarm["AlarmActions"] == {"Fn::If": ["HasAlarmEmail", [{"Ref": "AlarmTopic"}], {"Ref": "AWS::NoValue"}]}


def test_an_engine_refusal_of_our_own_query_alarms_at_once(resources: dict[str, Any]) -> None:
    # The metric as the search handler emits it (EMF: its namespace, the service dimension), not as retyped here.
    search.record_engine_refusal(EngineRefusedRequestError("parsing_exception"))
    emf: dict[str, Any] = dict(search.metrics.serialize_metric_set())
    search.metrics.clear_metrics()
    (directive,) = emf["_aws"]["CloudWatchMetrics"]
    (metric,) = directive["Metrics"]
    alarms = [props(resources, k) for k, r in resources.items() if r["Type"] == "AWS::CloudWatch::Alarm"]
    (alarm,) = [a for a in alarms if a["MetricName"] == metric["Name"]]

    assert alarm["Namespace"] == directive["Namespace"]
    assert alarm["Dimensions"] == [{"Name": name, "Value": emf[name]} for name in directive["Dimensions"][0]]
    assert (alarm["Statistic"], alarm["Threshold"], alarm["ComparisonOperator"]) == ("Sum", 0, "GreaterThanThreshold")


def test_outputs_name_what_operators_and_editors_need(template: dict[str, Any]) -> None:
    assert {
        "ApiUrl",
        "UploadsBucketName",
        "ArchiveBucketName",
        "IngestQueueName",
        "IngestDeadLetterQueueName",
        "OpenSearchEndpoint",
        "EditorsPolicyArn",
    } <= set(template["Outputs"])


def test_sam_local_env_file_overrides_declared_variables_with_the_local_stacks_names(template: dict[str, Any]) -> None:
    # sam local only overrides the variables a function declares: anything else in the file would be ignored.
    overrides = json.loads((REPO_ROOT / "infra" / "sam-local-env.json").read_text(encoding="utf-8"))
    spec = local_stack_spec(template)

    assert set(overrides) <= set(spec.function_environment)
    for function, variables in overrides.items():
        assert set(variables) <= set(spec.function_environment[function]), function
        for name in ("ARCHIVE_BUCKET", "UPLOADS_BUCKET"):
            if name in variables:
                assert variables[name] == spec.function_environment[function][name]
