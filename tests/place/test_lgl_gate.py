"""A gate on LGL geoparsing with the gold spans given: pinned minimums, never lowered silently."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from shared_data import REPO, shared_path


def _lgl():
    spec = importlib.util.spec_from_file_location("lgl_eval", REPO / "eval" / "lgl.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["lgl_eval"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_gate_on_lgl_resolution():
    """Measured 2026-11-22: Acc@161 tune 0.865, held-out 0.834 (issue 4 asks >= 0.83). The pins sit
    just under them; a change that drops either below has to say why, not move the pin."""
    path = shared_path("data", "geoparsing", "lgl.xml")
    halves = _lgl().evaluate(path, end_to_end=False)
    accuracy = {half: tally.within / tally.gold for half, tally in halves.items()}
    assert accuracy["held-out"] >= 0.83
    assert accuracy["tune"] >= 0.86


def test_without_shared_the_evaluation_says_so_and_succeeds(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "eval" / "lgl.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "skipping" in done.stdout
