"""Every environment variable the code reads is documented in the README (as datasette checks its settings)."""

from __future__ import annotations

import re

from shared_data import REPO


def test_every_environment_variable_is_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    used = set()
    for path in (REPO / "src" / "polybius").rglob("*.py"):
        # any string literal naming a setting: environ.get("POLYBIUS_X"), environ["..."], NAME = "..."
        used |= set(re.findall(r"[\"'](POLYBIUS_[A-Z_]+)[\"']", path.read_text(encoding="utf-8")))
    assert used, "expected the code to read some POLYBIUS_* settings"
    missing = sorted(name for name in used if f"`{name}`" not in readme)
    assert not missing, f"undocumented settings: {missing}"
