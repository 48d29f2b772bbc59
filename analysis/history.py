"""Moved to the `store` package (store/db.py, store/records.py, store/timeline.py); kept so old imports work."""

from store import (
    SCHEMA_VERSION,
    HistoryError,
    HistoryStore,
    assessment_record,
    key_verdicts_with_confidence,
    render_timeline,
    timeline_rows,
)

__all__ = [
    "SCHEMA_VERSION",
    "HistoryError",
    "HistoryStore",
    "assessment_record",
    "key_verdicts_with_confidence",
    "render_timeline",
    "timeline_rows",
]
