"""Where the shared corpus of real statutes and gold labels is, for every test that uses it.

Looked up in order: $MODELLAW_CORPUS, `shared/corpus` beside the checkout, /work/shared/corpus.
Tests that need it skip with the path they looked at when it is absent.
"""

import os
from pathlib import Path

from statutes.readers import split_header

_candidates = [Path(os.environ["MODELLAW_CORPUS"])] if os.environ.get("MODELLAW_CORPUS") else []
_candidates += [Path(__file__).resolve().parents[2] / "shared" / "corpus", Path("/work/shared/corpus")]
CORPUS = next((c for c in _candidates if (c / "statutes").is_dir()), _candidates[0])
STATUTES = CORPUS / "statutes"
GOLD = CORPUS / "gold"
KENYA = STATUTES / "ke-counter-trafficking-2010.txt"


def statute_text(path: Path) -> str:
    """A corpus or fixture text file without its "# key: value ... # ---" header."""
    return split_header(path.read_text(encoding="utf-8"))[1]
