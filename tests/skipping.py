"""Skipping a test for a missing service, loudly; importable without Django (the benchmarks use tests.servers)."""

import os

import pytest


def missing(reason):
    """A service the test needs is missing: skip, loudly, or fail under CI's flag (PORTAL_NO_SKIP=1)."""
    if os.environ.get("PORTAL_NO_SKIP") == "1":
        pytest.fail(f"{reason} (PORTAL_NO_SKIP=1: CI installs it, so its absence is a failure)")
    pytest.skip(reason)
