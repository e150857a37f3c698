"""Which credentials the CLI's AWS clients use: dummy ones for moto on this machine, the user's own for AWS."""

from __future__ import annotations

import os

import pytest

from archive_search_cli.local_aws import REGION, aws_client


@pytest.fixture
def no_aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_PROFILE"):
        monkeypatch.setenv(name, "")  # so that what the code sets is undone after the test
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)


@pytest.mark.usefixtures("no_aws_environment")
def test_a_local_endpoint_gets_dummy_credentials_and_the_local_region() -> None:
    client = aws_client("s3", "http://127.0.0.1:5005")

    assert client.meta.region_name == REGION
    assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"


@pytest.mark.usefixtures("no_aws_environment")
def test_aws_itself_keeps_the_users_region_and_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")

    client = aws_client("s3", None)

    assert client.meta.region_name == "eu-west-2"
    assert "AWS_ACCESS_KEY_ID" not in os.environ
