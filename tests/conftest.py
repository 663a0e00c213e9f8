"""Hypothesis settings profiles.

``dev`` (the default) is quick enough to run on every change; ``ci`` is
derandomised and more thorough, and is chosen when the ``CI`` environment
variable is set (as ``.ci/run`` does). ``thorough`` is for a long local run:
``HYPOTHESIS_PROFILE=thorough python -m pytest``.

The mutation fuzzer (``tests/test_fuzz.py``) follows the profile too; for a
long, nightly-style run, ``PROCEEDINGS_FUZZ_EXAMPLES=20000`` sets its number of
examples per test without making every other test as slow.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=40, deadline=None)
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

_default = "ci" if os.environ.get("CI", "").lower() in {"1", "true", "yes"} else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _default))
