"""The version of the installed distribution (for ``--version``, SARIF logs and reports)."""

from __future__ import annotations


def tool_version() -> str:
    """The installed version of the distribution ``proceedings-law``, which provides the
    package ``proceedings`` (``0+unknown`` if it is not installed)."""
    import importlib.metadata  # noqa: PLC0415 - its import costs more than the lookup

    try:
        return importlib.metadata.version("proceedings-law")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"
