"""Split plain statute text into a tree of citable units (parts, articles, subsections...).

The parser is line based and linear: each line is tested once, at its start, against the
numbering conventions of the statute's language (only line-initial numbering counts, so a
cross-reference such as "section 19" in a sentence never opens a unit). A stack of open
units decides where a new number belongs:

- every numbering *style* ("(1)", "(a)", "(i)", "1°", "§ 1º", "أ-", "а)") has a rank in
  its language's hierarchy (subsection above paragraph above subparagraph);
- a number continues the open list of its style only if it is that list's next value
  (small gaps allowed for repealed items), or opens a new list only if it is a first value
  ("1", "a", "i", "أ"); anything else is text — this rejects a wrapped line starting "2. "
  or "(2010)", and tells roman "(i)" from the letter "(i)" after "(h)";
- divisions (Part, Titre, Глава, الباب ...) are ranked by the order in which they nest.

Each language's conventions (unit words, division kinds, ordinal suffixes, spelled-out
ordinals) are data: `numbering/<lang>.toml`, read by `tables.py`.

Units are emitted in document order (pre-order). Their own-text spans `[start, body_end)`
together cover every non-whitespace character of the input; text before the first heading
goes into a `preamble` unit.
"""

from __future__ import annotations

from statutes.structure.parser import _Parser, parse_units
from statutes.structure.tables import DIVISION_KINDS
from statutes.structure.text import LANGS, normalize_line

__all__ = ["parse_units", "LANGS", "DIVISION_KINDS", "normalize_line", "_Parser"]
