"""Where ../shared is, and how a test that needs it skips with a reason when it is absent.

A module of its own (not conftest.py): several test folders have a conftest.py, so the bare name
"conftest" is not a reliable import in a whole-suite run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the calling test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared is not present in this checkout)")
    return path
