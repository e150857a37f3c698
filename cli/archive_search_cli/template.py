"""Read infra/template.yaml and resolve what the local stack needs from it.

The local stack creates exactly the buckets, queues and notification wiring the template declares,
so there is no second, hand-kept list to drift from the deployed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_PATH = REPO_ROOT / "infra" / "template.yaml"
LOCAL_PSEUDO_PARAMETERS = {
    "AWS::StackName": "archive-search-local",
    "AWS::AccountId": "123456789012",
    "AWS::Region": "us-east-1",
    "AWS::Partition": "aws",
    "AWS::URLSuffix": "amazonaws.com",
}


class _CfnLoader(yaml.SafeLoader):
    """YAML loader that turns CloudFormation short tags (!Ref, !Sub ...) into their long form."""


def _cfn_tag(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = tag_suffix if tag_suffix in ("Ref", "Condition") else f"Fn::{tag_suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if tag_suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return {name: value}


_CfnLoader.add_multi_constructor("!", _cfn_tag)


def load_template(path: Path = TEMPLATE_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return dict(yaml.load(handle, Loader=_CfnLoader))  # noqa: S506 - SafeLoader subclass


# Lambda's MemorySize when a function and the Globals give none (the local stack gives each function the template's).
LAMBDA_DEFAULT_MEMORY_MB = 128


@dataclass(frozen=True)
class LocalQueue:
    logical_id: str
    name: str
    visibility_timeout: int
    dead_letter_logical_id: str | None
    max_receive_count: int | None


@dataclass(frozen=True)
class LocalBucket:
    logical_id: str
    name: str
    versioned: bool
    notifications: tuple[tuple[str, str, str], ...]  # (event, queue logical id, key prefix)


@dataclass(frozen=True)
class LocalStackSpec:
    buckets: dict[str, LocalBucket]
    queues: dict[str, LocalQueue]
    function_environment: dict[str, dict[str, str]]
    ingest_queue_logical_id: str
    function_timeouts: dict[str, int] = field(default_factory=dict)  # seconds, by logical id
    # ReservedConcurrentExecutions by logical id, where the template (with default parameters) reserves some.
    function_concurrency: dict[str, int] = field(default_factory=dict)
    function_memory: dict[str, int] = field(default_factory=dict)  # MemorySize in MB, by logical id
    # The HTTP API's GET route paths (`/search`, `/articles/{id+}`): the local gateway matches them as API Gateway does.
    api_routes: tuple[str, ...] = ()

    @property
    def uploads_bucket(self) -> str:
        """The bucket editors upload to: the one whose notifications feed the ingest queue."""
        return next(bucket.name for bucket in self.buckets.values() if bucket.notifications)


class _NoValue:
    """What `Ref: AWS::NoValue` resolves to: the property or list item that holds it is dropped."""

    def __repr__(self) -> str:
        return "AWS::NoValue"


NO_VALUE: Any = _NoValue()


class TemplateResolver:
    """Evaluates the intrinsic functions the template uses, with local values for pseudo parameters.

    Conditions are evaluated with the parameters' defaults (or the overrides), so `Fn::If` picks the branch a
    deployment with default parameters would take, and resources whose condition is false do not exist.
    """

    def __init__(self, template: dict[str, Any], overrides: dict[str, str] | None = None) -> None:
        self._template = template
        self._parameters = {
            name: str(spec.get("Default", ""))
            if not isinstance(spec.get("Default"), list)
            else ",".join(spec["Default"])
            for name, spec in template.get("Parameters", {}).items()
        }
        self._parameters.update(overrides or {})
        self._resources: dict[str, Any] = template["Resources"]
        self._conditions: dict[str, Any] = template.get("Conditions", {})

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and len(value) == 1:
            ((name, argument),) = value.items()
            if name == "Ref":
                return self._ref(argument)
            if name == "Fn::Sub":
                return self._sub(argument)
            if name == "Fn::GetAtt":
                attribute = argument.split(".", 1) if isinstance(argument, str) else argument
                return self._get_att(attribute[0], attribute[1])
            if name == "Fn::Join":
                separator, parts = argument
                resolved = self.resolve(parts)
                return separator.join(resolved if isinstance(resolved, list) else [resolved])
            if name == "Fn::If":
                condition, when_true, when_false = argument
                return self.resolve(when_true if self.condition(condition) else when_false)
            if name == "Fn::Select":
                index, items = argument
                return self.resolve(items)[int(self.resolve(index))]
            if name == "Fn::Split":
                separator, text = argument
                return str(self.resolve(text)).split(separator)
        if isinstance(value, dict):
            resolved_items = {key: self.resolve(item) for key, item in value.items()}
            return {key: item for key, item in resolved_items.items() if item is not NO_VALUE}
        if isinstance(value, list):
            return [item for item in (self.resolve(item) for item in value) if item is not NO_VALUE]
        return value

    def condition(self, name: str) -> bool:
        """The value of a condition of the template's Conditions section."""
        if name not in self._conditions:
            raise KeyError(f"the template has no condition {name!r}")
        return self._evaluate_condition(self._conditions[name])

    def exists(self, logical_id: str) -> bool:
        """Whether the resource is created: it has no Condition, or its condition holds."""
        condition = self._resources[logical_id].get("Condition")
        return condition is None or self.condition(condition)

    def _evaluate_condition(self, expression: Any) -> bool:
        if isinstance(expression, bool):
            return expression
        if not (isinstance(expression, dict) and len(expression) == 1):
            raise ValueError(f"the local stack cannot evaluate the condition {expression!r}")
        ((name, argument),) = expression.items()
        if name == "Condition":
            return self.condition(argument)
        if name == "Fn::Equals":
            left, right = (self.resolve(side) for side in argument)
            return bool(_condition_scalar(left) == _condition_scalar(right))
        if name == "Fn::Not":
            (inner,) = argument
            return not self._evaluate_condition(inner)
        if name == "Fn::And":
            return all(self._evaluate_condition(inner) for inner in argument)
        if name == "Fn::Or":
            return any(self._evaluate_condition(inner) for inner in argument)
        raise ValueError(f"the local stack cannot evaluate the condition function {name}")

    def _ref(self, name: str) -> Any:
        if name == "AWS::NoValue":
            return NO_VALUE
        if name in LOCAL_PSEUDO_PARAMETERS:
            return LOCAL_PSEUDO_PARAMETERS[name]
        if name in self._parameters:
            spec = self._template.get("Parameters", {}).get(name, {})
            value = self._parameters[name]
            return value.split(",") if spec.get("Type") == "CommaDelimitedList" else value
        resource = self._resources[name]
        kind = resource["Type"]
        if kind == "AWS::S3::Bucket":
            return self.bucket_name(name)
        if kind == "AWS::SQS::Queue":
            return f"http://localhost/{LOCAL_PSEUDO_PARAMETERS['AWS::AccountId']}/{self.queue_name(name)}"
        return name

    def _sub(self, argument: Any) -> str:
        text, variables = (argument, {}) if isinstance(argument, str) else argument

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in variables:
                return str(self.resolve(variables[name]))
            if "." in name:
                resource, attribute = name.split(".", 1)
                return str(self._get_att(resource, attribute))
            return str(self._ref(name))

        return re.sub(r"\$\{([^}!]+)\}", replace, text)

    def _get_att(self, resource: str, attribute: str) -> str:
        kind = self._resources[resource]["Type"]
        account, region = LOCAL_PSEUDO_PARAMETERS["AWS::AccountId"], LOCAL_PSEUDO_PARAMETERS["AWS::Region"]
        if kind == "AWS::SQS::Queue" and attribute == "Arn":
            return f"arn:aws:sqs:{region}:{account}:{self.queue_name(resource)}"
        if kind == "AWS::SQS::Queue" and attribute == "QueueName":
            return self.queue_name(resource)
        if kind == "AWS::S3::Bucket" and attribute == "Arn":
            return f"arn:aws:s3:::{self.bucket_name(resource)}"
        if kind == "AWS::OpenSearchService::Domain":
            declared = self._resources[resource].get("Properties", {}).get("DomainName")
            domain = str(self.resolve(declared)) if declared else f"archive-search-local-{resource.lower()}"
            if attribute == "DomainEndpoint":
                return f"search-{domain}-local.{region}.es.amazonaws.com"
            if attribute in ("Arn", "DomainArn"):
                return f"arn:aws:es:{region}:{account}:domain/{domain}"
        if kind == "AWS::Logs::LogGroup" and attribute == "Arn":
            return f"arn:aws:logs:{region}:{account}:log-group:{self.resolve(self._ref(resource))}:*"
        if kind == "AWS::IAM::Role" and attribute == "Arn":
            return f"arn:aws:iam::{account}:role/{resource}"
        raise KeyError(f"the local stack cannot resolve {resource}.{attribute}")

    def bucket_name(self, logical_id: str) -> str:
        declared = self._resources[logical_id].get("Properties", {}).get("BucketName")
        return str(self.resolve(declared)) if declared else f"archive-search-local-{logical_id.lower()}"

    def queue_name(self, logical_id: str) -> str:
        declared = self._resources[logical_id].get("Properties", {}).get("QueueName")
        return str(self.resolve(declared)) if declared else f"archive-search-local-{logical_id}"


def _condition_scalar(value: Any) -> Any:
    """CloudFormation compares condition operands as strings ("true" equals true, "1" equals 1)."""
    if isinstance(value, bool):
        return str(value).lower()
    return value if isinstance(value, list) else str(value)


def local_stack_spec(template: dict[str, Any] | None = None) -> LocalStackSpec:
    template = template or load_template()
    resolver = TemplateResolver(template)
    resources: dict[str, Any] = template["Resources"]
    buckets: dict[str, LocalBucket] = {}
    queues: dict[str, LocalQueue] = {}
    environment: dict[str, dict[str, str]] = {}
    ingest_queue = None
    timeouts: dict[str, int] = {}
    concurrency: dict[str, int] = {}
    globals_timeout = int(template.get("Globals", {}).get("Function", {}).get("Timeout", 3))
    memory: dict[str, int] = {}
    globals_memory = int(template.get("Globals", {}).get("Function", {}).get("MemorySize", LAMBDA_DEFAULT_MEMORY_MB))
    globals_env = template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})
    routes: list[str] = []

    for logical_id, resource in resources.items():
        if not resolver.exists(logical_id):
            continue
        properties = resource.get("Properties", {})
        kind = resource["Type"]
        if kind == "AWS::SQS::Queue":
            redrive = properties.get("RedrivePolicy") or {}
            target = redrive.get("deadLetterTargetArn", {}).get("Fn::GetAtt", [None])[0] if redrive else None
            queues[logical_id] = LocalQueue(
                logical_id=logical_id,
                name=resolver.queue_name(logical_id),
                visibility_timeout=int(properties.get("VisibilityTimeout", 30)),
                dead_letter_logical_id=target,
                max_receive_count=int(redrive["maxReceiveCount"]) if redrive else None,
            )
        elif kind == "AWS::S3::Bucket":
            notifications = []
            for config in properties.get("NotificationConfiguration", {}).get("QueueConfigurations", []):
                queue_id = config["Queue"]["Fn::GetAtt"][0]
                rules = config.get("Filter", {}).get("S3Key", {}).get("Rules", [])
                prefix = next((str(resolver.resolve(r["Value"])) for r in rules if r["Name"] == "prefix"), "")
                notifications.append((config["Event"], queue_id, prefix))
            buckets[logical_id] = LocalBucket(
                logical_id=logical_id,
                name=resolver.bucket_name(logical_id),
                versioned=properties.get("VersioningConfiguration", {}).get("Status") == "Enabled",
                notifications=tuple(notifications),
            )
        elif kind == "AWS::Serverless::Function":
            variables = {**globals_env, **properties.get("Environment", {}).get("Variables", {})}
            resolved = {name: resolver.resolve(value) for name, value in variables.items()}
            environment[logical_id] = {name: str(value) for name, value in resolved.items() if value is not NO_VALUE}
            timeouts[logical_id] = int(properties.get("Timeout", globals_timeout))
            memory[logical_id] = int(properties.get("MemorySize", globals_memory))
            reserved = resolver.resolve(properties.get("ReservedConcurrentExecutions", NO_VALUE))
            if reserved is not NO_VALUE:
                concurrency[logical_id] = int(str(reserved))
            for event in properties.get("Events", {}).values():
                if event["Type"] == "SQS":
                    ingest_queue = event["Properties"]["Queue"]["Fn::GetAtt"][0]
                elif event["Type"] == "HttpApi" and str(event["Properties"].get("Method", "")).upper() == "GET":
                    routes.append(str(event["Properties"]["Path"]))
    if ingest_queue is None:
        raise ValueError("the template has no function fed by an SQS queue")
    return LocalStackSpec(buckets, queues, environment, ingest_queue, timeouts, concurrency, memory, tuple(routes))
