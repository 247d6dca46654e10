"""The HTML view of a record: ``eventx.render_html(record, text)``, ``eventx render``."""

from eventx.render.html import FACT_TYPES, facts_of, render_html, spans_of, write_html

__all__ = ["FACT_TYPES", "facts_of", "render_html", "spans_of", "write_html"]
