"""Moved to `pipeline.batch` (running), `reports.matrix` and `reports.index` (writing); kept so old imports work."""

from pipeline.batch import BatchError, BatchInput, BatchResult, collect_inputs, run_batch
from pipeline.names import MAX_NAME_BYTES, MAX_NAME_CHARS, safe_filename, unique_name

__all__ = [
    "MAX_NAME_BYTES",
    "MAX_NAME_CHARS",
    "BatchError",
    "BatchInput",
    "BatchResult",
    "collect_inputs",
    "run_batch",
    "safe_filename",
    "unique_name",
]
