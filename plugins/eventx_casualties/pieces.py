"""The pieces a casualty claim is built from: triggers, counts and their pairing."""

from __future__ import annotations

from attrs import frozen

import eventx


@frozen(kw_only=True)
class Count:
    """Something that can be the number in a claim."""

    quantity: eventx.Quantity
    qualifier: str
    first_token: int
    last_token: int
    start: int
    end: int
    origin: str  # "quantity", "dual", "singular"


@frozen(kw_only=True)
class Trigger:
    kind: str
    role: str
    first_token: int
    last_token: int
    start: int
    end: int


@frozen(kw_only=True)
class Pairing:
    count: Count
    kind: str
    trigger: Trigger | None
    subset: bool = False
