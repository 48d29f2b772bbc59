"""Storage: the assessments SQLite database (assessments, batch state, history).

from store import HistoryStore
with HistoryStore("assessments.sqlite") as db:
    db.record(assessment)
"""

from store.db import SCHEMA_VERSION, HistoryError, HistoryStore
from store.records import assessment_record, key_verdicts_with_confidence
from store.timeline import render_timeline, timeline_rows

__all__ = [
    "SCHEMA_VERSION",
    "HistoryError",
    "HistoryStore",
    "assessment_record",
    "key_verdicts_with_confidence",
    "render_timeline",
    "timeline_rows",
]
