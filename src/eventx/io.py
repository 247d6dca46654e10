"""Reading documents from files, folders, JSONL streams and stdin.

Every input item becomes either a :class:`Document` or an :class:`InputError` carrying the
id it would have had, so the caller can emit an error record: nothing is skipped silently.
Every field is checked here, where the file and line are still known, so that a bad value
gives an error record naming them instead of failing later (or never).

Reading is bounded: a text file or stdin is read up to what ``max_chars`` characters can
take, a JSONL line up to :func:`line_limit` bytes, so ``/dev/zero`` costs a few megabytes.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from attrs import frozen

from eventx.record import Document

#: The cap the CLI uses when none is given (the pipeline's default).
DEFAULT_MAX_CHARS = 2_000_000


@frozen(kw_only=True)
class InputError:
    id: str
    message: str


Item = Document | InputError

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class InputProblem(ValueError):
    """A field or file that cannot become a document; the message names what and where."""


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """The encoding a byte-order mark announces and the mark's length (UTF-8 without one)."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return "utf-8", 0


def _decode(data: bytes, origin: str, *, final: bool = True) -> tuple[str, str | None]:
    """Text of ``data`` honouring a byte-order mark; invalid bytes become U+FFFD with a warning.

    With ``final=False`` the bytes are a cut prefix: an incomplete last character is dropped.
    """
    encoding, skip = sniff_encoding(data[:4])
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return decoder.decode(data[skip:], final=final), None
    except UnicodeDecodeError as exc:
        text = codecs.getincrementaldecoder(encoding)("replace").decode(data[skip:], final=final)
        return (
            text,
            f"{origin} is not valid {encoding.upper()} (first bad byte at {exc.start + skip}); "
            "bad bytes were replaced by U+FFFD",
        )


def bytes_for(max_chars: int) -> int:
    """Bytes that can hold ``max_chars`` characters in any supported encoding (4 per char)."""
    return 4 * max_chars + 4


def line_limit(max_chars: int) -> int:
    """The longest JSONL line read: a text of ``max_chars`` characters written as ``\\uXXXX``
    escapes (6 bytes each) plus room for the other fields."""
    return 6 * max_chars + 65_536


def read_bounded(stream: IO[bytes], max_chars: int, origin: str) -> tuple[str, list[str]]:
    """At most ``max_chars`` characters of a byte stream, decoded, and warnings about it."""
    limit = bytes_for(max_chars)
    data = stream.read(limit)
    more = bool(stream.read(1))
    text, warning = _decode(data, origin, final=not more)
    warnings = [warning] if warning else []
    if more or len(text) > max_chars:
        text = text[:max_chars]
        warnings.append(
            f"{origin} has more than {max_chars} characters; only the first {max_chars} were "
            "read (max_chars)"
        )
    return text, warnings


def strict_iso_date(value: Any, what: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or date-time string; anything else is an InputProblem."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputProblem(f"{what} must be an ISO date string, got {type(value).__name__}")
    text = value.strip()
    try:
        if _ISO_DAY.fullmatch(text):
            return dt.date.fromisoformat(text).isoformat()
        if _ISO_DAY.match(text) and len(text) > 10 and text[10] in "T ":
            return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    raise InputProblem(f"{what} must be an ISO date YYYY-MM-DD, got {value!r}")


def _string(value: Any, what: str, *, allow_int: bool = False) -> str | None:
    """A JSON string field (None stays None); ints allowed where asked (ids)."""
    if value is None:
        return None
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputProblem(f"{what} must be a string, got {type(value).__name__} {value!r:.40}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputProblem(
            f"{what} holds a lone surrogate (U+{ord(value[exc.start]):04X}) at {exc.start}"
        ) from None
    return value


def document_fields(
    data: dict[str, Any], where: str, *, language: str | None, document_date: str | None
) -> dict[str, Any]:
    """Checked keyword arguments for :class:`Document` from a JSONL object or ``.meta.json``.

    ``language`` and ``document_date`` (the CLI options) fill only what the data leaves open.
    """
    doc_id = _string(data.get("id"), f"{where}: id", allow_int=True)
    if doc_id is not None and not doc_id.strip():
        raise InputProblem(f"{where}: id must not be empty")
    lang = _string(data.get("language"), f"{where}: language")
    if lang is not None and not lang.strip():
        lang = None
    date_key = "document_date" if data.get("document_date") not in (None, "") else "date"
    date = strict_iso_date(data.get(date_key), f"{where}: {date_key}")
    return {
        "id": doc_id,
        "language": lang or language,
        "document_date": date or document_date,
        "title": _string(data.get("title"), f"{where}: title"),
    }


def _read_meta(path: Path) -> dict[str, Any]:
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {}
    try:
        with meta.open("rb") as handle:
            raw, _warnings = read_bounded(handle, 1_000_000, str(meta))
        loaded = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise InputProblem(f"{meta} is not a readable JSON object: {exc}") from None
    if not isinstance(loaded, dict):
        raise InputProblem(f"{meta} must hold a JSON object, got {type(loaded).__name__}")
    return {"_where": str(meta), **loaded}


def read_text_file(
    path: Path,
    *,
    language: str | None,
    document_date: str | None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Item:
    doc_id = path.stem
    try:
        meta = _read_meta(path)
        fields = document_fields(
            meta,
            meta.pop("_where", f"{path}.meta.json"),
            language=language,
            document_date=document_date,
        )
        with path.open("rb") as handle:
            text, warnings = read_bounded(handle, max_chars, str(path))
        metadata: dict[str, Any] = {"source_path": str(path)}
        if warnings:
            metadata["input_warning"] = "; ".join(warnings)
        return Document(
            id=fields["id"] or doc_id,
            text=text,
            language=fields["language"],
            document_date=fields["document_date"],
            title=fields["title"],
            metadata=metadata,
        )
    except InputProblem as exc:
        return InputError(id=doc_id, message=str(exc))
    except (OSError, ValueError, TypeError) as exc:
        return InputError(id=doc_id, message=f"cannot read {path}: {exc}")


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a byte stream as UTF-8; None for a line longer than ``limit`` bytes (its
    bytes are skipped, never held). A UTF-16/32 stream (byte-order mark) is re-encoded."""
    head = stream.peek(4)[:4] if isinstance(stream, io.BufferedReader) else b""
    encoding, _skip = sniff_encoding(head)
    if encoding != "utf-8":
        text = io.TextIOWrapper(stream, encoding=encoding[:6], errors="replace", newline=None)
        while True:
            chars = text.readline(limit + 1)
            if not chars:
                return
            if len(chars) > limit and not chars.endswith("\n"):
                while chars and not chars.endswith("\n"):
                    chars = text.readline(limit)
                yield None
                continue
            yield chars.encode("utf-8", "surrogatepass")
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit)
            yield None
            continue
        yield line


def read_jsonl(
    stream: IO[bytes],
    origin: str,
    *,
    language: str | None,
    document_date: str | None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    limit = line_limit(max_chars)
    for number, raw in enumerate(_lines(stream, limit), 1):
        where = f"{origin} line {number}"
        default_id = f"{origin}:{number}"
        if raw is None:
            yield InputError(id=default_id, message=f"{where}: longer than {limit} bytes, not read")
            continue
        if not raw.strip():
            continue
        line, warning = _decode(raw, where)
        data: Any = None
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise InputProblem(f"expected a JSON object, got {type(data).__name__}")
            text = data.get("text")
            if not isinstance(text, str):
                raise InputProblem("a document needs a 'text' string")
            fields = document_fields(
                data, where, language=language, document_date=document_date
            )
            known = {"id", "text", "language", "document_date", "date", "title"}
            metadata = {k: v for k, v in data.items() if k not in known}
            metadata.update(source_path=origin, source_line=number)
            if warning:
                metadata["input_warning"] = warning
            fields["id"] = fields["id"] or default_id
            yield Document(text=text, metadata=metadata, **fields)
        except (ValueError, TypeError, RecursionError) as exc:
            message = str(exc) if str(exc).startswith(where) else f"{where}: {exc}"
            yield InputError(id=_usable_id(data) or default_id, message=message)


def _usable_id(data: Any) -> str | None:
    """The id of a bad line when it is itself fine (so the error record can carry it)."""
    if not isinstance(data, dict):
        return None
    try:
        return _string(data.get("id"), "id", allow_int=True) or None
    except InputProblem:
        return None


def _folder_entries(folder: Path) -> Iterator[Path | InputError]:
    """The ``.txt`` and ``.jsonl`` files directly in ``folder``, sorted by name.

    Not recursive: sub-folders are not entered. A symbolic link is read only when it resolves
    to a regular file inside ``folder`` itself; a link leading outside it, to a folder (a
    ``loop.txt -> .``) or nowhere gives an error record naming it and is not followed.
    """
    root = folder.resolve()
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.suffix not in (".txt", ".jsonl") or entry.name.endswith(".meta.json"):
            continue
        if entry.is_symlink():
            target = Path(os.path.realpath(entry))
            if target.parent != root or not target.is_file():
                yield InputError(
                    id=entry.stem,
                    message=f"{entry} is a symbolic link to {target}, not a file in {folder}; "
                    "not followed",
                )
                continue
        elif entry.is_dir():
            yield InputError(
                id=entry.stem, message=f"{entry} is a folder; folders are not read recursively"
            )
            continue
        elif not entry.is_file():
            yield InputError(id=entry.stem, message=f"{entry} is not a regular file; not read")
            continue
        yield entry


def iter_inputs(
    paths: Iterable[str],
    *,
    language: str | None = None,
    document_date: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """Documents from each path in order: ``.txt`` files, ``.jsonl`` files, folders, ``-`` (stdin).

    Stdin holds JSONL when its first non-blank character is ``{``, otherwise one text document.
    """
    options: dict[str, Any] = {
        "language": language,
        "document_date": document_date,
        "max_chars": max_chars,
    }
    for raw_path in paths:
        if raw_path == "-":
            yield from _read_stdin(sys.stdin.buffer, **options)
            continue
        path = Path(raw_path)
        if path.is_dir():
            for entry in _folder_entries(path):
                if isinstance(entry, InputError):
                    yield entry
                else:
                    yield from _read_path(entry, raw_path=str(entry), **options)
        else:
            yield from _read_path(path, raw_path=raw_path, **options)


def _read_path(path: Path, *, raw_path: str, **options: Any) -> Iterator[Item]:
    if not path.exists():
        yield InputError(id=path.stem or raw_path, message=f"no such file: {raw_path}")
    elif path.suffix == ".jsonl":
        try:
            with path.open("rb") as handle:
                yield from read_jsonl(handle, str(path), **options)
        except OSError as exc:
            yield InputError(id=path.stem, message=f"cannot read {path}: {exc}")
    else:
        yield read_text_file(path, **options)


def _read_stdin(
    stream: IO[bytes], *, language: str | None, document_date: str | None, max_chars: int
) -> Iterator[Item]:
    buffered: Any = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)
    head = buffered.peek(4096)[:4096]
    encoding, skip = sniff_encoding(head[:4])
    first = head[skip:].decode(encoding, "ignore").lstrip()[:1]
    if first == "{":
        yield from read_jsonl(
            buffered,
            "stdin",
            language=language,
            document_date=document_date,
            max_chars=max_chars,
        )
        return
    text, warnings = read_bounded(buffered, max_chars, "stdin")
    yield Document(
        id="stdin",
        text=text,
        language=language,
        document_date=document_date,
        metadata={"input_warning": "; ".join(warnings)} if warnings else {},
    )
