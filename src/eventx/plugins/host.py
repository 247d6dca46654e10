"""Loading plugins: a fresh pluggy manager per pipeline, entry points, blocking, reporting.

A plugin that fails to import or to register is reported in :attr:`PluginHost.plugins` with
its error; it never stops the other plugins (or ``eventx plugins``) from working.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any

import attrs
import pluggy
from attrs import frozen

from eventx.plugins import hookspecs
from eventx.plugins.isolation import CallState, calling, guard_hook
from eventx.plugins.registry import Extractor, Register, order_extractors
from eventx.record import Diagnostic

ENTRY_POINT_GROUP = "eventx"
LOAD_ENV = "EVENTX_LOAD_PLUGINS"
DISABLE_ENV = "EVENTX_DISABLE_PLUGINS"
CORE_PLUGIN = "eventx.core"


@frozen(kw_only=True)
class PluginInfo:
    """What ``eventx plugins`` reports for one plugin."""

    name: str
    version: str | None = None
    module: str | None = None
    status: str = "loaded"  # loaded | failed | disabled
    error: str | None = None
    hooks: tuple[str, ...] = ()
    extractors: tuple[str, ...] = ()
    source: str = "entry point"  # entry point | explicit | core

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "module": self.module,
            "status": self.status,
            "error": self.error,
            "hooks": list(self.hooks),
            "extractors": list(self.extractors),
            "source": self.source,
        }


def _env_names(name: str) -> set[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return {part.strip() for part in raw.split(",") if part.strip()}


def _describe(exc: BaseException) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f" (at {last[0].filename}:{last[0].lineno})" if last else ""
    return f"{type(exc).__name__}: {exc}{where}"


def _plugin_name(plugin: object) -> str:
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    name = getattr(plugin, "name", None) or getattr(plugin, "__name__", None)
    return str(name or type(plugin).__name__)


class PluginHost:
    """One pluggy manager with the core defaults, entry-point plugins and explicit plugins."""

    def __init__(
        self,
        plugins: Iterable[object] = (),
        *,
        entry_points: bool = True,
        disable: Iterable[str] = (),
    ) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        self._infos: dict[str, PluginInfo] = {}
        blocked = set(disable) | (_env_names(DISABLE_ENV) or set())
        for name in sorted(blocked):
            self.pm.set_blocked(name)

        from eventx import merge  # the core's trylast defaults

        self.pm.register(merge, name=CORE_PLUGIN)
        self._infos[CORE_PLUGIN] = PluginInfo(
            name=CORE_PLUGIN, module=merge.__name__, source="core"
        )
        if entry_points:
            self._load_entry_points(blocked)
        for plugin in plugins:
            name = _plugin_name(plugin)
            if name in blocked:
                self._infos[name] = PluginInfo(name=name, status="disabled", source="explicit")
                continue
            try:
                self.pm.register(plugin, name=name)
                self._infos[name] = PluginInfo(
                    name=name,
                    module=getattr(plugin, "__module__", None)
                    if not isinstance(plugin, ModuleType)
                    else plugin.__name__,
                    source="explicit",
                )
            except Exception as exc:  # pluggy validation errors name the bad hook
                self._infos[name] = PluginInfo(
                    name=name, status="failed", error=_describe(exc), source="explicit"
                )
        self.extractors: list[Extractor] = self._collect_extractors()

    def _load_entry_points(self, blocked: set[str]) -> None:
        import importlib.metadata  # here, not at import: it is slow to import

        wanted = _env_names(LOAD_ENV)
        seen: set[str] = set()
        # Sorted and de-duplicated: editable installs can list the same entry point twice, and
        # the order must not depend on how the environment was built.
        found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        for ep in sorted(found, key=lambda e: (e.name, e.value)):
            if ep.name in seen:
                continue
            seen.add(ep.name)
            version = ep.dist.version if ep.dist is not None else None
            if ep.name in blocked or (wanted is not None and ep.name not in wanted):
                self._infos[ep.name] = PluginInfo(
                    name=ep.name, version=version, module=ep.value, status="disabled"
                )
                continue
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
            except Exception as exc:
                self._infos[ep.name] = PluginInfo(
                    name=ep.name,
                    version=version,
                    module=ep.value,
                    status="failed",
                    error=_describe(exc),
                )
                continue
            self._infos[ep.name] = PluginInfo(name=ep.name, version=version, module=ep.value)

    def _collect_extractors(self) -> list[Extractor]:
        register = Register()
        caller = self.pm.hook.eventx_register_extractors
        guard_hook(caller)
        diagnostics: list[Diagnostic] = []
        # pluggy runs the call (wrappers and tracers see it); the guards keep one failing
        # plugin from aborting the others and report it in ``diagnostics``.
        with calling(CallState(diagnostics)):
            caller(register=register)
        failures = {d.plugin: d.message for d in diagnostics}
        errors = {**register.settle(failures), **failures}
        for plugin_name, message in errors.items():
            info = self._infos.get(plugin_name, PluginInfo(name=plugin_name))
            self._infos[plugin_name] = attrs.evolve(info, status="failed", error=message)
        by_plugin: dict[str, list[str]] = {}
        for extractor in register.extractors.values():
            by_plugin.setdefault(extractor.plugin, []).append(extractor.name)
        for name, info in list(self._infos.items()):
            plugin = self.pm.get_plugin(name)
            hooks: Sequence[str] = ()
            if plugin is not None:
                hooks = sorted(caller.name for caller in (self.pm.get_hookcallers(plugin) or ()))
            self._infos[name] = PluginInfo(
                **{
                    **info.to_dict(),
                    "hooks": tuple(hooks),
                    "extractors": tuple(sorted(by_plugin.get(name, ()))),
                }
            )
        return order_extractors(list(register.extractors.values()))

    @property
    def plugins(self) -> list[PluginInfo]:
        """Every plugin seen, loaded or not, sorted by name."""
        return [self._infos[name] for name in sorted(self._infos)]

    @property
    def hook(self) -> Any:
        return self.pm.hook
