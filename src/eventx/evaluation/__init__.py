"""Score eventx (or any producer of event records) against gold facts.

    >>> from eventx.evaluation import evaluate_dir
    >>> report = evaluate_dir("../shared/devset")
    >>> report.counts("casualties", "ar").f1

The gold format is described in docs/evaluation.md (the dev set's FORMAT.md); the matching
rules (counts and ranges, date ranges, speaker and place names, one-to-one pairing) too.
"""

from eventx.evaluation.gold import (
    CATEGORIES,
    GoldCasualty,
    GoldDate,
    GoldDeployment,
    GoldDocument,
    GoldFormatError,
    GoldLocation,
    GoldStatement,
    load_gold,
    load_gold_dir,
)
from eventx.evaluation.oracle import oracle_record
from eventx.evaluation.report import format_markdown, format_misses, format_table
from eventx.evaluation.scoring import (
    Accuracy,
    CategoryResult,
    Counts,
    DocumentResult,
    Report,
    evaluate_dir,
    evaluate_records,
    run_pipeline,
    score_document,
)

__all__ = [
    "CATEGORIES",
    "Accuracy",
    "CategoryResult",
    "Counts",
    "DocumentResult",
    "GoldCasualty",
    "GoldDate",
    "GoldDeployment",
    "GoldDocument",
    "GoldFormatError",
    "GoldLocation",
    "GoldStatement",
    "Report",
    "evaluate_dir",
    "evaluate_records",
    "format_markdown",
    "format_misses",
    "format_table",
    "load_gold",
    "load_gold_dir",
    "oracle_record",
    "run_pipeline",
    "score_document",
]
