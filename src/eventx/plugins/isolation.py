"""Isolating plugin code while pluggy runs the hook calls.

Hooks are called through ``pm.hook.<name>(...)``, so pluggy's own call loop decides the order,
runs ``wrapper=True`` and ``hookwrapper=True`` implementations around the others, stops
``firstresult`` hooks at the first non-None answer and reports every call to tracers
(``pm.enable_tracing()``, ``pm.add_hookcall_monitoring``). Isolation is added underneath: each
:class:`pluggy.HookImpl`'s function is replaced once by a guard that, during a pipeline run,

- runs the implementation with a fresh work budget (:mod:`eventx.budget`) and records which
  plugin is running (for :class:`eventx.Register`);
- turns an exception, a budget overrun, or a ``SystemExit``/``KeyboardInterrupt`` that is not a
  real interrupt (:func:`is_real_interrupt`) into an ``error`` diagnostic naming the plugin and
  the hook, and answers None in its place, so pluggy goes on to the next implementation;
- checks a ``firstresult`` answer (:mod:`eventx.plugins.validate`) and answers None in place of
  an invalid one, with a diagnostic;
- for wrappers: a wrapper that fails before its ``yield`` becomes a pass-through; one that fails
  after it, or returns an invalid result, leaves the inner result unchanged.

Outside a pipeline run (no :class:`CallState` in the context) the guards call straight through,
so a plugin manager used directly behaves exactly as pluggy documents.
"""

from __future__ import annotations

import contextlib
import dis
import signal
import threading
from collections.abc import Callable, Generator, Iterator
from contextvars import ContextVar
from typing import Any

import pluggy

from eventx.budget import Budget, BudgetExceeded, budget_scope, enter_budget, leave_budget
from eventx.record import Diagnostic

#: Checks one answer of a hook: (answer, the state, whose ``kwargs`` are the call's) -> problem.
ResultCheck = Callable[[Any, "CallState"], str | None]

_GUARDED = "__eventx_guarded__"
_RAISE = dis.opmap["RAISE_VARARGS"]


class CallState:
    """Where the guards of one pipeline stage report: diagnostics, budgets, result checks."""

    def __init__(
        self,
        diagnostics: list[Diagnostic],
        *,
        text_length: int = 0,
        work_per_char: int | None = None,
        checks: dict[str, ResultCheck] | None = None,
    ) -> None:
        self.diagnostics = diagnostics
        self.text_length = text_length
        self.work_per_char = work_per_char
        self.checks = checks or {}
        self.failed = False
        self.kwargs: dict[str, Any] = {}
        #: Fact objects already checked, by id (and decisions by (field, id)); the value keeps
        #: the object alive for the run, so its id cannot be reused by another object. A merge
        #: answer made of them, or an answer the host checks again after the guard, is then
        #: not checked twice.
        self.checked: dict[Any, Any] = {}

    def budget(self) -> Budget:
        """A fresh allowance for one stage."""
        return Budget.for_text(self.text_length, self.work_per_char)

    def fail(self, plugin: str, message: str) -> None:
        self.failed = True
        self.diagnostics.append(Diagnostic(plugin=plugin, level="error", message=message))

    def check(self, hook: str, result: Any) -> str | None:
        check = self.checks.get(hook)
        if result is None or check is None:
            return None
        try:
            return check(result, self)
        except Exception as exc:  # a result so odd that checking it fails is invalid too
            return f"an unreadable answer ({type(exc).__name__}: {exc})"


_STATE: ContextVar[CallState | None] = ContextVar("eventx_call_state", default=None)
_PLUGIN: ContextVar[str] = ContextVar("eventx_plugin", default="")


def current_plugin() -> str:
    """The name of the plugin whose hook implementation is running ("" outside one)."""
    return _PLUGIN.get()


@contextlib.contextmanager
def calling(state: CallState, kwargs: dict[str, Any] | None = None) -> Iterator[CallState]:
    """Run the block's hook calls under ``state`` (context-local: safe in threads)."""
    state.kwargs = dict(kwargs or {})
    token = _STATE.set(state)
    try:
        yield state
    finally:
        _STATE.reset(token)


def is_real_interrupt(exc: BaseException) -> bool:
    """Whether ``exc`` interrupts the whole run (it then propagates) rather than one plugin.

    Only a ``KeyboardInterrupt`` can be real, and only in the main thread (signals are delivered
    there). With Python's default ``SIGINT`` handler, Ctrl-C raises it from the handler, never
    from a ``raise`` statement: one raised by a ``raise`` statement in plugin code is the
    plugin's own doing and is isolated. When the host installed its own ``SIGINT`` handler, every
    ``KeyboardInterrupt`` in the main thread counts as real. ``SystemExit`` (a plugin calling
    ``sys.exit``) and every other exception are always isolated.
    """
    if not isinstance(exc, KeyboardInterrupt):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return True
    tb = exc.__traceback__
    if tb is None:
        return True
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code.co_code
    return not (0 <= tb.tb_lasti < len(code) and code[tb.tb_lasti] == _RAISE)


def describe(exc: BaseException) -> str:
    if isinstance(exc, BudgetExceeded):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _reraise(exc: BaseException, budget: Budget | None) -> bool:
    """Whether a guard must let ``exc`` through (a real interrupt, another stage's budget)."""
    if isinstance(exc, BudgetExceeded):
        return exc.budget is not budget
    return is_real_interrupt(exc)


@contextlib.contextmanager
def _running(plugin: str, budget: Budget) -> Iterator[None]:
    token = _PLUGIN.set(plugin)
    try:
        with budget_scope(budget):
            yield
        budget.check()  # an implementation that caught BudgetExceeded still overran
    finally:
        _PLUGIN.reset(token)


def _guard_call(func: Callable[..., Any], plugin: str, hook: str) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        state = _STATE.get()
        if state is None:
            return func(*args, **kwargs)
        budget = state.budget()
        try:
            # _running(plugin, budget) written out: this runs for every hook implementation of
            # every document, and a generator-based context manager costs several times this.
            plugin_token = _PLUGIN.set(plugin)
            try:
                budget_token = enter_budget(budget)
                try:
                    result = func(*args, **kwargs)
                finally:
                    leave_budget(budget_token)
                budget.check()  # an implementation that caught BudgetExceeded still overran
            finally:
                _PLUGIN.reset(plugin_token)
        except BaseException as exc:
            if _reraise(exc, budget):
                raise
            state.fail(plugin, f"{hook} failed and was skipped: {describe(exc)}")
            return None
        problem = state.check(hook, result)
        if problem:
            state.fail(plugin, f"{hook} answered {problem}; the answer was ignored")
            return None
        return result

    return guarded


def _guard_wrapper(func: Callable[..., Any], plugin: str, hook: str) -> Callable[..., Any]:
    """A guard for ``wrapper=True`` and old-style ``hookwrapper=True`` generator functions."""

    def guarded(*args: Any, **kwargs: Any) -> Generator[None, Any, Any]:
        state = _STATE.get()
        if state is None:
            return (yield from func(*args, **kwargs))
        budget = state.budget()
        try:
            with _running(plugin, budget):
                gen = func(*args, **kwargs)
                next(gen)
        except BaseException as exc:
            if _reraise(exc, budget):
                raise
            state.fail(
                plugin, f"{hook} wrapper failed before the call and was skipped: {describe(exc)}"
            )
            return (yield)
        try:
            inner = yield  # new style: the result (or an exception); old style: a pluggy Result
        except BaseException as failure:  # pass the inner call's exception on, as pluggy does
            return _throw_into(gen, failure, state, plugin, hook, budget)
        try:
            with _running(plugin, budget):
                gen.send(inner)
        except StopIteration as stop:
            answer = stop.value
        except BaseException as exc:
            if _reraise(exc, budget):
                raise
            state.fail(
                plugin,
                f"{hook} wrapper failed after the call; its change was ignored: {describe(exc)}",
            )
            return inner
        else:
            gen.close()
            state.fail(plugin, f"{hook} wrapper yielded more than once; its change was ignored")
            return inner
        if isinstance(inner, pluggy.Result):  # old style: changes go through force_result
            return None
        problem = state.check(hook, answer)
        if problem:
            state.fail(plugin, f"{hook} wrapper answered {problem}; the answer was ignored")
            return inner
        return answer

    return guarded


def _throw_into(
    gen: Generator[None, Any, Any],
    failure: BaseException,
    state: CallState,
    plugin: str,
    hook: str,
    budget: Budget,
) -> Any:
    """Hand the inner call's exception to a new-style wrapper; its answer, or re-raise."""
    try:
        with _running(plugin, budget):
            gen.throw(failure)
    except StopIteration as stop:
        return stop.value
    except BaseException as exc:
        if exc is failure or _reraise(exc, budget):
            raise
        state.fail(plugin, f"{hook} wrapper failed after the call: {describe(exc)}")
        raise failure from None
    gen.close()
    state.fail(plugin, f"{hook} wrapper yielded more than once")
    raise failure


def guard_hook(caller: Any) -> None:
    """Put a guard on every implementation of ``caller`` (a pluggy HookCaller) not yet guarded.

    Cheap enough to call before every hook call, so plugins registered late are guarded too.
    """
    for impl in caller.get_hookimpls():
        func = impl.function
        if getattr(func, _GUARDED, False):
            continue
        if impl.wrapper or impl.hookwrapper:
            guarded = _guard_wrapper(func, impl.plugin_name, caller.name)
        else:
            guarded = _guard_call(func, impl.plugin_name, caller.name)
        setattr(guarded, _GUARDED, True)
        guarded.__wrapped__ = func  # type: ignore[attr-defined]
        impl.function = guarded
