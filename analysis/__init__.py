"""Match a statute against a model, provision by provision and element by element."""
from analysis.types import VERDICTS, Assessment, ElementResult, Evidence, Verdict

__all__ = ["VERDICTS", "Assessment", "ElementResult", "Evidence", "Verdict"]
