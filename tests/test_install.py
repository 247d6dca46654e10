"""A lean default install (issue 13.6): `pip install eventx` pulls no torch and no GPL package.

Read from the installed distribution's metadata (what pip resolves), walked transitively over
the requirements that apply without extras.
"""

from __future__ import annotations

import importlib.metadata as md
import re

from packaging.requirements import Requirement

HEAVY = {"torch", "stanza", "udapi", "udtools"}


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def default_closure(root: str) -> dict[str, md.Distribution]:
    """Every installed distribution ``root`` needs without extras, by normalised name."""
    seen: dict[str, md.Distribution] = {}
    pending = [(root, frozenset[str]())]
    while pending:
        name, extras = pending.pop()
        dist = md.distribution(name)
        seen[_name(name)] = dist
        for line in dist.requires or ():
            requirement = Requirement(line)
            environments = [{"extra": e} for e in extras] or [{"extra": ""}]
            if requirement.marker is not None and not any(
                requirement.marker.evaluate(env) for env in environments
            ):
                continue
            if _name(requirement.name) not in seen:
                pending.append((requirement.name, frozenset(requirement.extras)))
    return seen


def licence_text(dist: md.Distribution) -> str:
    meta = dist.metadata
    parts = [meta.get("License") or "", meta.get("License-Expression") or ""]
    parts += [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return " ".join(parts)


def is_gpl(text: str) -> bool:
    """GPL or AGPL (copyleft for the whole program), not LGPL."""
    return bool(re.search(r"(?<![L])(?:A?GPL|GNU (?:Affero )?General Public License)", text))


def test_the_default_install_has_no_torch_stanza_or_gpl_package() -> None:
    closure = default_closure("eventx-news")
    assert {"attrs", "pluggy", "regex"} <= closure.keys()  # the walk sees real dependencies
    assert not HEAVY & closure.keys(), sorted(HEAVY & closure.keys())
    gpl = {name: licence_text(d) for name, d in closure.items() if is_gpl(licence_text(d))}
    assert not gpl, gpl


def test_stanza_is_the_stanza_extra() -> None:
    extras = md.metadata("eventx-news").get_all("Provides-Extra") or []
    assert {"stanza", "dask"} <= set(extras)
    stanza_lines = [
        r for r in md.requires("eventx-news") or () if Requirement(r).name.lower() == "stanza"
    ]
    assert stanza_lines and all('extra == "stanza"' in r for r in stanza_lines)


def test_the_gpl_check_recognises_the_licences_it_must() -> None:
    assert is_gpl("GPL-2.0-or-later")
    assert is_gpl("License :: OSI Approved :: GNU General Public License v2 (GPLv2)")
    assert is_gpl("AGPL-3.0")
    assert not is_gpl("LGPL-3.0")
    assert not is_gpl("License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)")
    assert not is_gpl("Apache-2.0 MIT BSD-3-Clause")
