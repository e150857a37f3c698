"""Settings read from a mapping of environment variables, validated once."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_search.config import IngestSettings, SearchSettings
from archive_search.errors import ConfigurationError

ENGINE_ENV = {
    "OPENSEARCH_ENDPOINT": "https://search-x.eu-west-1.es.amazonaws.com",
    "AWS_REGION": "eu-west-1",
    "CURSOR_SIGNING_KEY": "k" * 32,
}
INGEST_ENV = {
    **ENGINE_ENV,
    "ARCHIVE_BUCKET": "archive-search-archive-123456789012",
    "UPLOADS_BUCKET": "archive-search-uploads-123456789012",
    "POWERTOOLS_METRICS_NAMESPACE": "SomaNetArchiveSearch",
}


def test_ingest_settings_with_defaults() -> None:
    settings = IngestSettings.from_env(INGEST_ENV)

    assert settings.archive_bucket == "archive-search-archive-123456789012"
    assert settings.upload_prefix == "incoming/"
    assert settings.report_prefix == "reports/"
    assert settings.engine.endpoint == "https://search-x.eu-west-1.es.amazonaws.com"
    assert settings.engine.auth == "sigv4"
    assert settings.engine.region == "eu-west-1"
    assert settings.engine.index_alias == "articles"
    assert settings.engine.timeout_seconds == 20.0


def test_search_settings_have_a_shorter_default_timeout_than_ingest() -> None:
    assert SearchSettings.from_env(ENGINE_ENV).engine.timeout_seconds == 2.0


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_archive_bucket_names_the_variable(value: str | None) -> None:
    environ = {k: v for k, v in INGEST_ENV.items() if k != "ARCHIVE_BUCKET"}
    if value is not None:
        environ["ARCHIVE_BUCKET"] = value

    with pytest.raises(ConfigurationError, match="ARCHIVE_BUCKET"):
        IngestSettings.from_env(environ)


def test_missing_endpoint_names_the_variable() -> None:
    with pytest.raises(ConfigurationError, match="OPENSEARCH_ENDPOINT"):
        SearchSettings.from_env({"AWS_REGION": "eu-west-1"})


@pytest.mark.parametrize("auth", ["basic", "iam", ""])
def test_unknown_auth_mode_is_refused(auth: str) -> None:
    with pytest.raises(ConfigurationError, match="OPENSEARCH_AUTH must be one of sigv4, none"):
        SearchSettings.from_env({**ENGINE_ENV, "OPENSEARCH_AUTH": auth})


def test_auth_mode_is_case_insensitive() -> None:
    assert SearchSettings.from_env({**ENGINE_ENV, "OPENSEARCH_AUTH": " None "}).engine.auth == "none"


def test_sigv4_without_region_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="AWS_REGION"):
        SearchSettings.from_env({"OPENSEARCH_ENDPOINT": "https://search.example", "OPENSEARCH_AUTH": "sigv4"})


def test_no_auth_needs_no_region() -> None:
    settings = SearchSettings.from_env(
        {"OPENSEARCH_ENDPOINT": "http://127.0.0.1:9200", "OPENSEARCH_AUTH": "none", "CURSOR_SIGNING_KEY": "k" * 32}
    )

    assert settings.engine.auth == "none"
    assert settings.engine.region == ""


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("search-x.eu-west-1.es.amazonaws.com", "https://search-x.eu-west-1.es.amazonaws.com"),
        ("localhost:9200", "https://localhost:9200"),
        ("http://127.0.0.1:9200/", "http://127.0.0.1:9200"),
        (" https://search.example ", "https://search.example"),
    ],
)
def test_endpoint_is_normalised(endpoint: str, expected: str) -> None:
    assert SearchSettings.from_env({**ENGINE_ENV, "OPENSEARCH_ENDPOINT": endpoint}).engine.endpoint == expected


@pytest.mark.parametrize("endpoint", ["ftp://search.example", "https://", "https:///path"])
def test_endpoint_that_is_not_http_is_refused(endpoint: str) -> None:
    with pytest.raises(ConfigurationError, match="OPENSEARCH_ENDPOINT"):
        SearchSettings.from_env({**ENGINE_ENV, "OPENSEARCH_ENDPOINT": endpoint})


@pytest.mark.parametrize(("raw", "expected"), [("2.5", 2.5), ("900", 900.0)])
def test_timeout_is_read_in_seconds(raw: str, expected: float) -> None:
    assert SearchSettings.from_env({**ENGINE_ENV, "OPENSEARCH_TIMEOUT": raw}).engine.timeout_seconds == expected


@pytest.mark.parametrize("raw", ["soon", "0", "-1", "901"])
def test_bad_timeout_is_refused(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="OPENSEARCH_TIMEOUT"):
        SearchSettings.from_env({**ENGINE_ENV, "OPENSEARCH_TIMEOUT": raw})


@pytest.mark.parametrize(
    ("upload_prefix", "report_prefix"),
    [
        ("incoming/", "incoming/reports/"),
        ("uploads/incoming/", "uploads/"),
        ("incoming/", "incoming/"),
    ],
)
def test_prefixes_that_contain_one_another_are_refused(upload_prefix: str, report_prefix: str) -> None:
    environ = {**INGEST_ENV, "UPLOAD_PREFIX": upload_prefix, "REPORT_PREFIX": report_prefix}

    with pytest.raises(ConfigurationError, match="must not contain one another"):
        IngestSettings.from_env(environ)


def test_sibling_prefixes_with_a_common_start_are_accepted() -> None:
    settings = IngestSettings.from_env({**INGEST_ENV, "UPLOAD_PREFIX": "in/", "REPORT_PREFIX": "in-reports/"})

    assert (settings.upload_prefix, settings.report_prefix) == ("in/", "in-reports/")


@pytest.mark.parametrize("name", ["UPLOAD_PREFIX", "REPORT_PREFIX"])
def test_prefix_without_trailing_slash_is_refused(name: str) -> None:
    with pytest.raises(ConfigurationError, match=f"{name} must end with '/'"):
        IngestSettings.from_env({**INGEST_ENV, name: "somewhere"})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://archive.somanet.example", ("https://archive.somanet.example",)),
        (
            " https://archive.somanet.example , http://localhost:3000,,",
            ("https://archive.somanet.example", "http://localhost:3000"),
        ),
        ("", ()),
    ],
)
def test_allowed_origins_are_split_on_commas(raw: str, expected: tuple[str, ...]) -> None:
    assert SearchSettings.from_env({**ENGINE_ENV, "ALLOWED_ORIGINS": raw}).allowed_origins == expected


def test_allowed_origins_default_to_none() -> None:
    assert SearchSettings.from_env(ENGINE_ENV).allowed_origins == ()


def test_blank_index_alias_falls_back_to_articles() -> None:
    assert SearchSettings.from_env({**ENGINE_ENV, "INDEX_ALIAS": " "}).engine.index_alias == "articles"
    assert SearchSettings.from_env({**ENGINE_ENV, "INDEX_ALIAS": "articles-v2"}).engine.index_alias == "articles-v2"


def test_freshness_weight_defaults_and_can_be_turned_off() -> None:
    assert SearchSettings.from_env(ENGINE_ENV).ranking.freshness_weight == 0.1
    assert SearchSettings.from_env({**ENGINE_ENV, "SEARCH_FRESHNESS_WEIGHT": "0"}).ranking.freshness_weight == 0.0


@pytest.mark.parametrize("raw", ["-1", "10.5", "strong"])
def test_freshness_weight_outside_0_to_10_is_refused(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="SEARCH_FRESHNESS_WEIGHT"):
        SearchSettings.from_env({**ENGINE_ENV, "SEARCH_FRESHNESS_WEIGHT": raw})


def test_the_cursor_signing_key_is_read_and_kept_out_of_the_repr() -> None:
    settings = SearchSettings.from_env({**ENGINE_ENV, "CURSOR_SIGNING_KEY": "s3cr3t" * 8})

    assert settings.cursor_signing_key == b"s3cr3t" * 8
    assert "s3cr3t" not in repr(settings)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (None, "CURSOR_SIGNING_KEY is required"),
        ("  ", "CURSOR_SIGNING_KEY is required"),
        ("short", "at least 32 bytes"),
        ("{{resolve:secretsmanager:arn:aws:secretsmanager:x:SecretString}}", "unresolved dynamic reference"),
    ],
)
def test_a_missing_short_or_unresolved_cursor_signing_key_is_refused_at_cold_start(
    raw: str | None, message: str
) -> None:
    environ = {name: value for name, value in ENGINE_ENV.items() if name != "CURSOR_SIGNING_KEY"}
    if raw is not None:
        environ["CURSOR_SIGNING_KEY"] = raw

    with pytest.raises(ConfigurationError, match=message):
        SearchSettings.from_env(environ)


def test_ranking_switches_default_on_and_can_be_turned_off() -> None:
    default = SearchSettings.from_env(ENGINE_ENV).ranking
    assert (default.semantic_weight, default.fuzzy, default.synonyms) == (0.5, True, True)

    off = SearchSettings.from_env(
        {**ENGINE_ENV, "SEARCH_SEMANTIC_WEIGHT": "0", "SEARCH_FUZZY": "off", "SEARCH_SYNONYMS": " OFF "}
    ).ranking
    assert (off.semantic_weight, off.fuzzy, off.synonyms) == (0.0, False, False)


@pytest.mark.parametrize(("name", "raw"), [("SEARCH_SEMANTIC_WEIGHT", "1.5"), ("SEARCH_FUZZY", "maybe")])
def test_a_ranking_switch_out_of_range_is_refused_by_name(name: str, raw: str) -> None:
    with pytest.raises(ConfigurationError, match=name):
        SearchSettings.from_env({**ENGINE_ENV, name: raw})


def test_text_model_dir_must_hold_the_model(tmp_path: Path) -> None:
    assert SearchSettings.from_env(ENGINE_ENV).text_model_dir is None
    with pytest.raises(ConfigurationError, match=r"TEXT_MODEL_DIR.*weights\.npz, tokenizer\.json"):
        SearchSettings.from_env({**ENGINE_ENV, "TEXT_MODEL_DIR": str(tmp_path)})

    (tmp_path / "weights.npz").write_bytes(b"x")
    (tmp_path / "tokenizer.json").write_text("{}")
    assert SearchSettings.from_env({**ENGINE_ENV, "TEXT_MODEL_DIR": str(tmp_path)}).text_model_dir == tmp_path
