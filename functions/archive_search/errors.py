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
    """A search parameter is out of range or malformed (HTTP 400)."""


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
