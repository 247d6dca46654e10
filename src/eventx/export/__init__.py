"""Records as analysts open them: flat tables (pandas, csv, parquet), ACLED csv, PLOVER jsonl.

See docs/export.md for every column and how it is filled.
"""

from eventx.export.acled import ACLED_COLUMNS, acled_row, conservative
from eventx.export.plover import plover_event
from eventx.export.tables import KINDS, column_types, columns, fact_rows
from eventx.export.writers import FORMATS, MissingDependencyError, export_records, to_dataframe

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "KINDS",
    "MissingDependencyError",
    "acled_row",
    "column_types",
    "columns",
    "conservative",
    "export_records",
    "fact_rows",
    "plover_event",
    "to_dataframe",
]
