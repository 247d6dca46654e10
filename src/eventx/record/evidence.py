"""Evidence: the exact characters of the article a value came from."""

from __future__ import annotations

from typing import Any

import attrs
from attrs import frozen


def _non_negative(_inst: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


_new_object = object.__new__
_set_attribute = object.__setattr__


@frozen(kw_only=True)
class Evidence:
    """A span of the document text: ``document.text[start:end] == text``.

    ``sentence`` is the index of the sentence holding ``start`` (None when unknown) and
    ``extractor`` the name of the extractor that produced it; the pipeline stamps it, so
    plugins may leave it empty.
    """

    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    sentence: int | None = None
    extractor: str = ""

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"evidence text has {len(self.text)} characters but the span "
                f"[{self.start}, {self.end}) has {self.end - self.start}"
            )

    @classmethod
    def from_span(
        cls, text: str, start: int, end: int, *, sentence: int | None = None, extractor: str = ""
    ) -> Evidence:
        """Build evidence by slicing ``text`` (the whole document text) at ``[start, end)``."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span [{start}, {end}) is outside a text of {len(text)} characters")
        if cls is not Evidence:
            return cls(
                text=text[start:end], start=start, end=end, sentence=sentence, extractor=extractor
            )
        # Every check of __init__ (start, end >= 0; end >= start; the text as long as the span)
        # holds by the test above, so the attributes are set directly: plugins build evidence
        # for every fact and mention, and the validators doubled the cost of each.
        evidence = _new_object(Evidence)
        _set_attribute(evidence, "text", text[start:end])
        _set_attribute(evidence, "start", start)
        _set_attribute(evidence, "end", end)
        _set_attribute(evidence, "sentence", sentence)
        _set_attribute(evidence, "extractor", extractor)
        return evidence

    def matches(self, document_text: str) -> bool:
        """True when the evidence slices back to its text in ``document_text``."""
        return document_text[self.start : self.end] == self.text

    def overlaps(self, other: Evidence) -> bool:
        return self.start < other.end and other.start < self.end
