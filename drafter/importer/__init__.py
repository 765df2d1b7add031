"""Import: last year's report (.docx/.txt) → an answers file to start this year from.

A pipeline of small stages, each testable on its own:

* :mod:`.source`   — the report's lines in Simplified, without the web page around them;
* :mod:`.segment`  — blocks → opening, parts with their items and sub-items, closing;
* :mod:`.classify` — what each part is, and which topic each item of the measures is about;
* :mod:`.place`    — items → answers, every sentence whole and in its own part
  (:mod:`.frame` does the opening and closing paragraphs);
* :mod:`.figures`  — every figure of the report accounted for: kept in its sentence, and also
  filling its catalogue key when the text is that key's section's and the unit word matches;
* :mod:`.identity` — unit, county, year, addressee, signature and 成文日期.

Nothing is invented: every imported answer is listed in ``to_confirm``, and what fits no question
is listed in ``unplaced_items`` for the user to place.
"""

from drafter.importer.classify import (
    KIND_FIRST_DUTY,
    KIND_MEASURES,
    KIND_OTHER,
    KIND_PLANS,
    KIND_PROBLEMS,
    classify_part,
    classify_topic,
)
from drafter.importer.command import run_import_command
from drafter.importer.pipeline import (
    ImportResult,
    choose_outline,
    import_blocks,
    import_file,
    import_path,
    import_text,
)
from drafter.importer.segment import normalise_punctuation, split_runs

__all__ = [
    "KIND_FIRST_DUTY",
    "KIND_MEASURES",
    "KIND_OTHER",
    "KIND_PLANS",
    "KIND_PROBLEMS",
    "ImportResult",
    "choose_outline",
    "classify_part",
    "classify_topic",
    "import_blocks",
    "import_file",
    "import_path",
    "import_text",
    "normalise_punctuation",
    "run_import_command",
    "split_runs",
]
