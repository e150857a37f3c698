"""Settings of each function, read from environment variables once at cold start.

Nothing below the handlers reads os.environ: the handlers build these models and pass them down.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from archive_search.cursors import MIN_KEY_BYTES
from archive_search.errors import ConfigurationError
from archive_search.relevance import DEFAULT_FRESHNESS_WEIGHT, DEFAULT_SEMANTIC_WEIGHT, Ranking

AUTH_MODES = ("sigv4", "none")
# Any positive number of seconds up to 15 minutes, Lambda's longest run.
MIN_TIMEOUT, MAX_TIMEOUT = math.nextafter(0.0, 1.0), 900.0
TIMEOUT_RULE = "seconds, above 0 and up to 900"
# The text model's files (adapters/text_encoder.py reads them; named here so settings need not import numpy).
TEXT_MODEL_WEIGHTS, TEXT_MODEL_TOKENIZER = "weights.npz", "tokenizer.json"
TEXT_MODEL_FILES = (TEXT_MODEL_WEIGHTS, TEXT_MODEL_TOKENIZER)
SWITCH_VALUES = {"on": True, "off": False}


def _required(environ: Mapping[str, str], name: str) -> str:
    value = environ.get(name, "").strip()
    if not value:
        raise ConfigurationError(f"environment variable {name} is required but not set")
    return value


def _endpoint(environ: Mapping[str, str]) -> str:
    value = _required(environ, "OPENSEARCH_ENDPOINT")
    if "://" not in value:
        value = f"https://{value}"
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ConfigurationError(f"OPENSEARCH_ENDPOINT must be a host or an http(s) URL, got {value!r}")
    return value.rstrip("/")


def _auth(environ: Mapping[str, str]) -> str:
    value = environ.get("OPENSEARCH_AUTH", "sigv4").strip().lower()
    if value not in AUTH_MODES:
        raise ConfigurationError(f"OPENSEARCH_AUTH must be one of {', '.join(AUTH_MODES)}, got {value!r}")
    return value


def _number(environ: Mapping[str, str], name: str, default: float, low: float, high: float, what: str) -> float:
    """A number within [low, high]; `what` tells the operator what is accepted."""
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be {what}, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigurationError(f"{name} must be {what}, got {raw!r}")
    return value


@dataclass(frozen=True)
class EngineSettings:
    """How to reach OpenSearch: OPENSEARCH_ENDPOINT, OPENSEARCH_AUTH, OPENSEARCH_TIMEOUT, INDEX_ALIAS, AWS_REGION."""

    endpoint: str
    auth: str
    timeout_seconds: float
    index_alias: str
    region: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str], default_timeout: float) -> EngineSettings:
        auth = _auth(environ)
        region = environ.get("AWS_REGION", "").strip()
        if auth == "sigv4" and not region:
            raise ConfigurationError("AWS_REGION is required when OPENSEARCH_AUTH is sigv4")
        return cls(
            endpoint=_endpoint(environ),
            auth=auth,
            timeout_seconds=_number(
                environ, "OPENSEARCH_TIMEOUT", default_timeout, MIN_TIMEOUT, MAX_TIMEOUT, TIMEOUT_RULE
            ),
            index_alias=environ.get("INDEX_ALIAS", "articles").strip() or "articles",
            region=region,
        )


@dataclass(frozen=True)
class IngestSettings:
    """ARCHIVE_BUCKET, UPLOADS_BUCKET, UPLOAD_PREFIX, REPORT_PREFIX, POWERTOOLS_METRICS_NAMESPACE plus the engine
    settings."""

    archive_bucket: str
    uploads_bucket: str
    upload_prefix: str
    report_prefix: str
    metrics_namespace: str
    engine: EngineSettings
    text_model_dir: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> IngestSettings:
        upload_prefix = environ.get("UPLOAD_PREFIX", "incoming/").strip()
        report_prefix = environ.get("REPORT_PREFIX", "reports/").strip()
        for name, prefix in (("UPLOAD_PREFIX", upload_prefix), ("REPORT_PREFIX", report_prefix)):
            if not prefix.endswith("/"):
                raise ConfigurationError(f"{name} must end with '/', got {prefix!r}")
        if upload_prefix.startswith(report_prefix) or report_prefix.startswith(upload_prefix):
            # Reports written under the upload prefix would trigger the ingest function again.
            raise ConfigurationError("UPLOAD_PREFIX and REPORT_PREFIX must not contain one another")
        return cls(
            archive_bucket=_required(environ, "ARCHIVE_BUCKET"),
            uploads_bucket=_required(environ, "UPLOADS_BUCKET"),
            upload_prefix=upload_prefix,
            report_prefix=report_prefix,
            metrics_namespace=_required(environ, "POWERTOOLS_METRICS_NAMESPACE"),
            engine=EngineSettings.from_env(environ, default_timeout=20.0),
            text_model_dir=_text_model_dir(environ),
        )


def _text_model_dir(environ: Mapping[str, str]) -> Path | None:
    """TEXT_MODEL_DIR: the sentence-embedding model's folder (adapters/text_encoder.py); unset = no embeddings."""
    raw = environ.get("TEXT_MODEL_DIR", "").strip()
    if not raw:
        return None
    folder = Path(raw)
    missing = [name for name in TEXT_MODEL_FILES if not (folder / name).is_file()]
    if missing:
        raise ConfigurationError(f"TEXT_MODEL_DIR={raw!r} lacks {', '.join(missing)} (make fetches the model)")
    return folder


def _switch(environ: Mapping[str, str], name: str) -> bool:
    """An on/off setting, on unless set to off."""
    raw = environ.get(name, "on").strip().lower()
    if raw not in SWITCH_VALUES:
        raise ConfigurationError(f"{name} must be on or off, got {raw!r}")
    return SWITCH_VALUES[raw]


def _signing_key(environ: Mapping[str, str]) -> bytes:
    """CURSOR_SIGNING_KEY: at least MIN_KEY_BYTES of secret text (the template generates 64 in Secrets Manager)."""
    value = _required(environ, "CURSOR_SIGNING_KEY")
    if value.startswith("{{resolve:"):
        # sam local and other tools that do not resolve CloudFormation dynamic references pass them through.
        raise ConfigurationError(
            "CURSOR_SIGNING_KEY is an unresolved dynamic reference; give the key itself (infra/sam-local-env.json)"
        )
    key = value.encode()
    if len(key) < MIN_KEY_BYTES:
        raise ConfigurationError(f"CURSOR_SIGNING_KEY must be at least {MIN_KEY_BYTES} bytes, got {len(key)}")
    return key


@dataclass(frozen=True)
class SearchSettings:
    """ALLOWED_ORIGINS (comma-separated), CURSOR_SIGNING_KEY (the secret that signs paging cursors, required),
    TEXT_MODEL_DIR (unset: no semantic rerank), the ranking switches SEARCH_FRESHNESS_WEIGHT (0 = off, default
    0.1), SEARCH_SEMANTIC_WEIGHT (0 = off, default 0.5), SEARCH_FUZZY and SEARCH_SYNONYMS (on/off, default on), plus
    the engine settings. docs/search.md says what each ranking switch is worth."""

    allowed_origins: tuple[str, ...]
    engine: EngineSettings
    cursor_signing_key: bytes = field(repr=False)
    ranking: Ranking = field(default_factory=Ranking)
    text_model_dir: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> SearchSettings:
        origins = tuple(o.strip() for o in environ.get("ALLOWED_ORIGINS", "").split(",") if o.strip())
        return cls(
            allowed_origins=origins,
            engine=EngineSettings.from_env(environ, default_timeout=2.0),
            cursor_signing_key=_signing_key(environ),
            ranking=Ranking(
                freshness_weight=_number(
                    environ, "SEARCH_FRESHNESS_WEIGHT", DEFAULT_FRESHNESS_WEIGHT, 0, 10, "a number from 0 (off) to 10"
                ),
                semantic_weight=_number(
                    environ, "SEARCH_SEMANTIC_WEIGHT", DEFAULT_SEMANTIC_WEIGHT, 0, 1, "a number from 0 (off) to 1"
                ),
                fuzzy=_switch(environ, "SEARCH_FUZZY"),
                synonyms=_switch(environ, "SEARCH_SYNONYMS"),
            ),
            text_model_dir=_text_model_dir(environ),
        )
