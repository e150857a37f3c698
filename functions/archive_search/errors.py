"""Our own exceptions; adapters translate client errors into these in one place."""


class ArchiveSearchError(Exception):
    """Base of every error this package raises on purpose."""


class RejectedUploadError(ArchiveSearchError):
    """The upload cannot become an article; the message tells the editor why and what to fix."""

    def __init__(self, reason: str, fix: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.fix = fix


class InvalidQueryError(ArchiveSearchError):
    """A search parameter is out of range or malformed: the reader's fault (HTTP 400). The message starts with the
    parameter's name and is shown to the reader, so it never holds engine internals."""


class EngineRefusedRequestError(ArchiveSearchError):
    """The engine refused (HTTP 400) a request this code built: a bug on our side, never the reader's fault, since
    every parameter is validated before the engine is asked. HTTP 500, logged as an error and counted (alarmed); the
    message (the engine's error type) is for our log only."""


class NotFoundError(ArchiveSearchError):
    """The requested article does not exist (HTTP 404)."""


class SearchUnavailableError(ArchiveSearchError):
    """The search engine cannot be reached or is overloaded; the caller should retry later (HTTP 503)."""


class IndexVersionMismatchError(ArchiveSearchError):
    """The index behind the alias was built with another mapping version; `archive-search reindex` rebuilds it."""


class StorageUnavailableError(ArchiveSearchError):
    """S3 failed in a way that a retry may fix."""


class ConfigurationError(ArchiveSearchError):
    """An environment variable is missing or invalid."""
