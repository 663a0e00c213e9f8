"""JSON paths: the one spelling of where a value sits in a document.

Problems, findings and line numbers all locate values by a JSONPath such as
``$.events[3].date`` or ``$["odd key"]``. Every module that writes one uses
these functions, so that a path the codec reports is the path a renderer
looks up. This module imports nothing else of the library.
"""

from __future__ import annotations

import json

#: The path of the document itself.
ROOT = "$"


def key_path(path: str, key: str) -> str:
    """The path of member ``key`` of the object at ``path``.

    A key that is a Python identifier is written with a dot (``$.events``);
    any other key in brackets, as a JSON string (``$["odd key"]``).
    """
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def index_path(path: str, index: int) -> str:
    """The path of item ``index`` of the array at ``path`` (``$.events[3]``)."""
    return f"{path}[{index}]"


def event_path(index: int) -> str:
    """The path of a record's event by its index: ``$.events[3]``."""
    return f"$.events[{index}]"
