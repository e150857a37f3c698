"""Read infra/template.yaml and resolve what the local stack needs from it.

The local stack creates exactly the buckets, queues and notification wiring the template declares,
so there is no second, hand-kept list to drift from the deployed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
    name = "Ref" if tag_suffix == "Ref" else f"Fn::{tag_suffix}"
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

    def bucket_for_env(self, function: str, variable: str) -> str:
        return self.function_environment[function][variable]


class TemplateResolver:
    """Evaluates the intrinsic functions the template uses, with local values for pseudo parameters."""

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

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and len(value) == 1:
            ((name, argument),) = value.items()
            if name == "Ref":
                return self._ref(argument)
            if name == "Fn::Sub":
                return self._sub(argument)
            if name == "Fn::GetAtt":
                return self._get_att(argument[0], argument[1])
            if name == "Fn::Join":
                separator, parts = argument
                resolved = self.resolve(parts)
                return separator.join(resolved if isinstance(resolved, list) else [resolved])
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        return value

    def _ref(self, name: str) -> Any:
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
        raise KeyError(f"the local stack cannot resolve {resource}.{attribute}")

    def bucket_name(self, logical_id: str) -> str:
        declared = self._resources[logical_id].get("Properties", {}).get("BucketName")
        return str(self.resolve(declared)) if declared else f"archive-search-local-{logical_id.lower()}"

    def queue_name(self, logical_id: str) -> str:
        declared = self._resources[logical_id].get("Properties", {}).get("QueueName")
        return str(self.resolve(declared)) if declared else f"archive-search-local-{logical_id}"


def local_stack_spec(template: dict[str, Any] | None = None) -> LocalStackSpec:
    template = template or load_template()
    resolver = TemplateResolver(template)
    resources: dict[str, Any] = template["Resources"]
    buckets: dict[str, LocalBucket] = {}
    queues: dict[str, LocalQueue] = {}
    environment: dict[str, dict[str, str]] = {}
    ingest_queue = None
    globals_env = template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})

    for logical_id, resource in resources.items():
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
            environment[logical_id] = {name: str(resolver.resolve(value)) for name, value in variables.items()}
            for event in properties.get("Events", {}).values():
                if event["Type"] == "SQS":
                    ingest_queue = event["Properties"]["Queue"]["Fn::GetAtt"][0]
    if ingest_queue is None:
        raise ValueError("the template has no function fed by an SQS queue")
    return LocalStackSpec(buckets, queues, environment, ingest_queue)
