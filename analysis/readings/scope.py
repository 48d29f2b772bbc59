"""Legal readings: scope (see analysis/readings/__init__.py)."""
from __future__ import annotations
