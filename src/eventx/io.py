"""Reading documents from files, folders, JSONL streams and stdin.

Every input item becomes either a :class:`Document` or an :class:`InputError` carrying the
id it would have had, so the caller can emit an error record: nothing is skipped silently.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from attrs import frozen

from eventx.record import Document


@frozen(kw_only=True)
class InputError:
    id: str
    message: str


Item = Document | InputError


def _decode(data: bytes, origin: str) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", "replace")
        return (
            text,
            f"{origin} is not valid UTF-8 (first bad byte at {exc.start}); bad bytes were replaced by U+FFFD",
        )


def _read_meta(path: Path) -> dict[str, Any]:
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {}
    loaded = json.loads(meta.read_text("utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def read_text_file(path: Path, *, language: str | None, document_date: str | None) -> Item:
    doc_id = path.stem
    try:
        text, warning = _decode(path.read_bytes(), str(path))
        meta = _read_meta(path)
        metadata = {"source_path": str(path)}
        if warning:
            metadata["input_warning"] = warning
        return Document(
            id=str(meta.get("id") or doc_id),
            text=text,
            # The document's own metadata wins; --lang/--date only fill what it leaves open.
            language=meta.get("language") or language,
            document_date=meta.get("document_date") or meta.get("date") or document_date,
            title=meta.get("title"),
            metadata=metadata,
        )
    except (OSError, ValueError, TypeError) as exc:
        return InputError(id=doc_id, message=f"cannot read {path}: {exc}")


def read_jsonl(
    stream: IO[bytes], origin: str, *, language: str | None, document_date: str | None
) -> Iterator[Item]:
    for number, raw in enumerate(stream, 1):
        default_id = f"{origin}:{number}"
        if not raw.strip():
            continue
        line, warning = _decode(raw, f"{origin} line {number}")
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError(f"expected a JSON object, got {type(data).__name__}")
            if language and not data.get("language"):
                data["language"] = language
            if document_date and not (data.get("document_date") or data.get("date")):
                data["document_date"] = document_date
            document = Document.from_mapping(data, default_id=default_id)
        except (ValueError, TypeError) as exc:
            bad_id = default_id
            try:
                maybe = json.loads(line)
                if isinstance(maybe, dict) and maybe.get("id"):
                    bad_id = str(maybe["id"])
            except ValueError:
                pass
            yield InputError(id=bad_id, message=f"{origin} line {number}: {exc}")
            continue
        if warning:
            document = Document(
                id=document.id,
                text=document.text,
                language=document.language,
                document_date=document.document_date,
                title=document.title,
                metadata={**document.metadata, "input_warning": warning},
            )
        yield document


def iter_inputs(
    paths: Iterable[str], *, language: str | None = None, document_date: str | None = None
) -> Iterator[Item]:
    """Documents from each path in order: ``.txt`` files, ``.jsonl`` files, folders, ``-`` (stdin).

    Stdin holds JSONL when its first non-blank character is ``{``, otherwise one text document.
    """
    for raw_path in paths:
        if raw_path == "-":
            data = sys.stdin.buffer.read()
            if data.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{":
                import io as _io

                yield from read_jsonl(
                    _io.BytesIO(data), "stdin", language=language, document_date=document_date
                )
            else:
                text, warning = _decode(data, "stdin")
                yield Document(
                    id="stdin",
                    text=text,
                    language=language,
                    document_date=document_date,
                    metadata={"input_warning": warning} if warning else {},
                )
            continue
        path = Path(raw_path)
        if path.is_dir():
            children = sorted(
                p
                for p in path.iterdir()
                if p.suffix in (".txt", ".jsonl") and not p.name.endswith(".meta.json")
            )
            yield from iter_inputs(
                [str(p) for p in children], language=language, document_date=document_date
            )
        elif not path.exists():
            yield InputError(id=path.stem or raw_path, message=f"no such file: {raw_path}")
        elif path.suffix == ".jsonl":
            try:
                with path.open("rb") as handle:
                    yield from read_jsonl(
                        handle, str(path), language=language, document_date=document_date
                    )
            except OSError as exc:
                yield InputError(id=path.stem, message=f"cannot read {path}: {exc}")
        else:
            yield read_text_file(path, language=language, document_date=document_date)
