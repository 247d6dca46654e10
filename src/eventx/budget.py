"""A deterministic work budget for each stage of a pipeline run.

The pipeline gives every stage (the NLP backend's annotation, each extractor, each hook
implementation) an allowance of *work units*, proportional to the document's length. Code that
loops for long spends units with :meth:`Budget.spend` (an extractor through ``ctx.budget`` or
``ctx.spend``, any other code through :func:`spend_budget`); once a stage has spent more than its
allowance, :class:`BudgetExceeded` is raised in it. The count depends only on the input and the
code, never on the clock or the machine's load, so a budget overrun gives the same record on
every run, in any thread, under any load.

:class:`BudgetExceeded` derives from :class:`BaseException`: an extractor's own
``except Exception`` cannot swallow it. Even code that catches ``BaseException`` gains nothing:
the budget stays exhausted, every later ``spend`` raises again, and the host drops the stage's
contribution when it sees an exhausted budget at the end of the stage.

Nothing here touches signals or timers: the host process's ``SIGALRM``/``ITIMER_REAL`` belong to
the host. A stage that never spends (an endless loop without a check) is stopped only by running
documents in worker processes, which the process runners kill (docs/guarantees.md).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar, Token

#: Work units per character of the document that each stage may spend (see docs/guarantees.md).
DEFAULT_WORK_PER_CHAR = 1000
#: Every stage may spend at least this many units, however short the document.
MIN_WORK = 1_000_000


class BudgetExceeded(BaseException):
    """A stage spent more work units than its allowance (not an ``Exception``: see module doc)."""

    def __init__(self, budget: Budget) -> None:
        super().__init__(f"used more than its work budget of {budget.limit} units")
        self.budget = budget


class Budget:
    """Work units one stage may spend. ``limit`` None means unlimited."""

    __slots__ = ("limit", "spent")

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.spent = 0

    @classmethod
    def for_text(cls, length: int, per_char: int | None) -> Budget:
        """The allowance of one stage for a text of ``length`` characters."""
        if per_char is None:
            return cls(None)
        return cls(max(MIN_WORK, per_char * length))

    @property
    def exhausted(self) -> bool:
        return self.limit is not None and self.spent > self.limit

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(0, self.limit - self.spent)

    def spend(self, units: int = 1) -> None:
        """Count ``units`` of work; raise :class:`BudgetExceeded` once over the allowance.

        Call it in any loop whose length is not bounded by the text, e.g. once per candidate,
        with the number of characters examined. ``spend(0)`` only checks.
        """
        self.spent += units
        if self.limit is not None and self.spent > self.limit:
            raise BudgetExceeded(self)

    def check(self) -> None:
        """Raise :class:`BudgetExceeded` if the allowance is used up."""
        self.spend(0)

    def __repr__(self) -> str:
        return f"Budget(limit={self.limit}, spent={self.spent})"


_CURRENT: ContextVar[Budget | None] = ContextVar("eventx_budget", default=None)


def current_budget() -> Budget | None:
    """The budget of the stage running in this thread/context (None outside a pipeline run)."""
    return _CURRENT.get()


def spend_budget(units: int = 1) -> None:
    """Spend ``units`` from the running stage's budget (a no-op outside a pipeline run).

    For code without an :class:`eventx.ExtractionContext` at hand: hook implementations and
    helpers shared between extractors.
    """
    budget = _CURRENT.get()
    if budget is not None:
        budget.spend(units)


@contextlib.contextmanager
def budget_scope(budget: Budget) -> Iterator[Budget]:
    """Make ``budget`` the current one for the code inside the block (context-local)."""
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def enter_budget(budget: Budget) -> Token[Budget | None]:
    """Make ``budget`` the current one until :func:`leave_budget` with the returned token.

    :func:`budget_scope` without its generator: the host enters a scope for every extractor and
    hook implementation of every document, and a generator-based context manager costs several
    times a plain ``try``/``finally``.
    """
    return _CURRENT.set(budget)


def leave_budget(token: Token[Budget | None]) -> None:
    _CURRENT.reset(token)
