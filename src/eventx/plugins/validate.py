"""Checking plugin output where it enters the record: facts, extensions and hook results.

Every value a plugin hands the host is turned into its JSON form (the record's own converter)
and checked against the part of the record's JSON Schema it will land in, plus what JSON itself
cannot carry safely:

- integers beyond +/-(2**53 - 1) (JavaScript, and many JSON readers, round them; orjson refuses
  integers beyond 64 bits): the value is refused, never silently rounded or stringified;
- strings with lone surrogates (not encodable as UTF-8), non-finite floats, mapping keys that
  are not strings, and anything that is not a JSON value (sets, arbitrary objects, bytes).

A refused value costs only that contribution (one fact, one hook answer), with a diagnostic.
The validator understands the JSON Schema keywords the record schema uses (type, properties,
required, additionalProperties, items, enum, const, pattern, minimum, maximum, minLength,
oneOf, $ref); tests/test_plugin_output.py checks it agrees with ``jsonschema`` on the record schema.

Every fact of every document passes here, so there is a fast path: a fact of one of the
record's own classes whose every value has exactly the plain type its schema part expects
(``str`` not a subclass, ``int`` in the safe range, finite ``float``, nested ``Evidence`` /
``Quantity`` / ``AdminArea``, tuples of them) is checked on the object itself, against the same
schema parts, without converting it to JSON first. Whatever the fast path cannot vouch for (a
subclass, an odd value, an open mapping such as ``Extension.value``) takes the full path
above, which also names the problem. The fast path only ever answers "valid" where the full
path would (tests/test_validate_fast.py checks this on generated hostile facts).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import attrs
import orjson

from eventx.record import record_schema
from eventx.record.frozen_mapping import FrozenMapping
from eventx.record.serialize import CONVERTER

#: The largest integer every JSON reader represents exactly (IEEE double): 2**53 - 1.
MAX_SAFE_INTEGER = 2**53 - 1

#: Where in a value a problem lies (".field[2]"), and what it is.
Problem = tuple[str, str]

#: Which schema definition each record fact list holds.
FIELD_DEFS: dict[str, str] = {
    "locations": "location",
    "actors": "actor",
    "dates": "date",
    "casualties": "casualty",
    "deployments": "deployment",
    "statements": "statement",
    "extensions": "extension",
}


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return record_schema()


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def json_problem(value: Any, where: str = "value") -> str | None:
    """Why ``value`` (already in JSON form) is not safe JSON, or None."""
    found = _json_problem(value)
    return None if found is None else f"{where}{found[0]} {found[1]}"


def _json_problem(value: Any) -> Problem | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return ("", "holds a lone surrogate") if _has_lone_surrogate(value) else None
    if isinstance(value, int):
        if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return None
        return ("", "is an integer beyond +/-(2**53 - 1), not exact in JSON")
    if isinstance(value, float):
        return None if math.isfinite(value) else ("", f"is {value!r}, not a JSON number")
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            found = _json_problem(item)
            if found:
                return (f"[{i}]{found[0]}", found[1])
        return None
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                return ("", f"has a key {key!r} that is not a string")
            found = _json_problem(key) or _json_problem(item)
            if found:
                return (f".{key}{found[0]}", found[1])
        return None
    return ("", f"is a {type(value).__name__}, not a JSON value")


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list | tuple),
    "object": lambda v: isinstance(v, Mapping),
}

#: The plain Python types of each JSON type (a fast path before the isinstance tests).
_EXACT_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
    "array": (list, tuple),
    "object": (dict,),
}

#: A compiled part of the schema: value -> (path below it, problem) or None. Paths are built
#: only on failure: these run for every fact.
Check = Callable[[Any], "Problem | None"]


def _compile(schema: Mapping[str, Any]) -> Check:
    """Turn a part of the record schema into one function (checked per fact: must be fast)."""
    steps: list[Check] = []
    if "$ref" in schema:
        ref = schema["$ref"]
        steps.append(lambda v: _compiled_ref(ref)(v))
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        exact = {t for name in names for t in _EXACT_TYPES[name]}
        tests = [_TYPES[t] for t in names]
        wanted = " or ".join(names)

        def check_type(v: Any) -> Problem | None:
            if type(v) in exact or any(test(v) for test in tests):
                return None
            return ("", f"should be {wanted}, not {type(v).__name__}")

        steps.append(check_type)
    if "const" in schema:
        const = schema["const"]
        steps.append(lambda v: None if v == const else ("", f"should be {const!r}"))
    if "enum" in schema:
        allowed = schema["enum"]
        steps.append(lambda v: None if v in allowed else ("", f"is {v!r}, not one of {allowed}"))
    if "pattern" in schema:
        pattern = re.compile(schema["pattern"])

        def check_pattern(v: Any) -> Problem | None:
            if not isinstance(v, str) or pattern.search(v):
                return None
            return ("", f"is {v!r}, which does not match {pattern.pattern}")

        steps.append(check_pattern)
    if "minLength" in schema:
        shortest = schema["minLength"]
        steps.append(
            lambda v: (
                ("", f"is shorter than {shortest}")
                if isinstance(v, str) and len(v) < shortest
                else None
            )
        )
    if "minimum" in schema:
        steps.append(_bound(schema["minimum"], lambda v, b: v < b, "below"))
    if "maximum" in schema:
        steps.append(_bound(schema["maximum"], lambda v, b: v > b, "above"))
    if "oneOf" in schema:
        options = [_compile(option) for option in schema["oneOf"]]

        def check_one_of(v: Any) -> Problem | None:
            failures = [found for found in (option(v) for option in options) if found]
            if len(failures) == len(options) - 1:
                return None
            if len(failures) == len(options):  # the closest failure says most
                return max(failures, key=lambda found: len(found[0]))
            return ("", "matches more than one of the allowed shapes")

        steps.append(check_one_of)
    if "items" in schema:
        item_check = _compile(schema["items"])

        def check_items(v: Any) -> Problem | None:
            if not isinstance(v, list | tuple):
                return None
            for i, item in enumerate(v):
                found = item_check(item)
                if found:
                    return (f"[{i}]{found[0]}", found[1])
            return None

        steps.append(check_items)
    if {"required", "properties", "additionalProperties"} & set(schema):
        steps.append(_object_check(schema))
    if len(steps) == 1:
        return steps[0]

    def check(v: Any) -> Problem | None:
        for step in steps:
            found = step(v)
            if found:
                return found
        return None

    return check


def _bound(bound: float, compare: Callable[[Any, float], bool], word: str) -> Check:
    def check(v: Any) -> Problem | None:
        if isinstance(v, int | float) and not isinstance(v, bool) and compare(v, bound):
            return ("", f"is {v}, {word} {bound}")
        return None

    return check


def _object_check(schema: Mapping[str, Any]) -> Check:
    required = tuple(schema.get("required", ()))
    properties = {name: _compile(part) for name, part in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties", True)
    extra_check = _compile(extra) if isinstance(extra, Mapping) else None

    def check(v: Any) -> Problem | None:
        if not isinstance(v, Mapping):
            return None
        for name in required:
            if name not in v:
                return ("", f"lacks {name!r}")
        for name, item in v.items():
            part = properties.get(name)
            if part is not None:
                found = part(item)
            elif extra is False:
                found = ("", f"has an unexpected {name!r}")
            elif extra_check is not None:
                found = extra_check(item)
            else:
                found = None
            if found:
                return (f".{name}{found[0]}", found[1])
        return None

    return check


@lru_cache(maxsize=64)
def _compiled_ref(ref: str) -> Check:
    target: Any = _schema()
    for part in ref.lstrip("#/").split("/"):
        target = target[part]
    return _compile(target)


def schema_problem(value: Any, schema: Mapping[str, Any], where: str = "value") -> str | None:
    """Why ``value`` does not match ``schema`` (a part of the record schema), or None."""
    found = _compile(schema)(value)
    return None if found is None else f"{where}{found[0]} {found[1]}"


def _problem(data: Any, ref: str, where: str) -> str | None:
    found = _compiled_ref(ref)(data)
    if found is None:
        try:  # orjson in C refuses every unsafe value but NaN/infinity: the fast path
            orjson.dumps(data, option=orjson.OPT_STRICT_INTEGER)
        except TypeError:
            found = _json_problem(data)  # the slow walk names the value
        else:
            if not _has_non_finite(data):
                return None
            found = _json_problem(data)
    return None if found is None else f"{where}{found[0]} {found[1]}"


def _has_non_finite(data: Any) -> bool:
    if isinstance(data, float):
        return not math.isfinite(data)
    if isinstance(data, dict):
        return any(_has_non_finite(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_non_finite(v) for v in data)
    return False


def _unstructured(obj: Any, where: str) -> tuple[Any, str | None]:
    try:
        return CONVERTER.unstructure(obj), None
    except Exception as exc:  # a plugin's object the converter cannot handle
        return None, f"{where} cannot be converted to JSON: {type(exc).__name__}: {exc}"


def fact_problem(obj: Any, field: str) -> str | None:
    """Why a fact for record field ``field`` is not valid record JSON, or None."""
    if _fast_fact_check(type(obj), field)(obj):
        return None
    where = type(obj).__name__
    data, problem = _unstructured(obj, where)
    return problem or _problem(data, f"#/$defs/{FIELD_DEFS[field]}", where)


def well_typed_fact(obj: Any, field: str) -> bool:
    """Whether the fast path vouches for fact ``obj`` of record field ``field``: then
    :func:`fact_problem` is None and every attribute holds exactly its declared type (so its
    evidence is where its class declares evidence). False means only "not sure"."""
    return _fast_fact_check(type(obj), field)(obj)


def record_part_problem(obj: Any, name: str) -> str | None:
    """Why the value of the record-level field ``name`` is invalid, or None."""
    if _fast_part_check(name, type(obj))(obj):
        return None
    data, problem = _unstructured(obj, name)
    return problem or _problem(data, f"#/properties/{name}", name)


# --- the fast path: record classes checked on the object --------------------------------------

#: Answers True when a value is surely valid for its schema part; False means "not sure" (the
#: full path decides, and names the problem).
FastCheck = Callable[[Any], bool]

#: Keywords of a scalar schema part the fast path understands; any other makes it unsure.
_SCALAR_KEYWORDS = frozenset(
    {"type", "enum", "pattern", "minimum", "maximum", "minLength", "description", "title"}
)


def _never(_v: Any) -> bool:
    return False


def _safe_str(v: str) -> bool:
    if v.isascii():
        return True
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# Each fast check is generated as the source of one Python function and compiled once per
# (class, schema part): every fact of every document passes here, and a check composed of one
# closure per attribute spent most of its time calling them. The generated function reads each
# attribute once and tests it inline (nested Evidence, Quantity and AdminArea included).
# Lines are statements that ``return False`` when the value is not surely valid; None stands
# for a check that is never sure (the old ``_never``). Only identifiers the generator makes
# and attribute names of the record's attrs classes appear in the source: every constant
# (classes, enums, patterns, bounds) is passed in the function's namespace.
_Lines = list[str] | None


class _Source:
    """The namespace and fresh variable names of one fast check being generated."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {
            "_safe_str": _safe_str,
            "isfinite": math.isfinite,
            "MAX": MAX_SAFE_INTEGER,
        }
        self._count = 0

    def constant(self, value: Any) -> str:
        self._count += 1
        name = f"c{self._count}"
        self.names[name] = value
        return name

    def variable(self) -> str:
        self._count += 1
        return f"x{self._count}"

    def compile(self, lines: _Lines) -> FastCheck:
        if lines is None:
            return _never
        source = "def check(v):\n" + "".join(f"    {line}\n" for line in lines)
        source += "    return True\n"
        namespace = dict(self.names)
        exec(compile(source, "<eventx fast check>", "exec"), namespace)
        check: FastCheck = namespace["check"]
        return check


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


def _fast_scalar_check(part: Mapping[str, Any]) -> FastCheck:
    """A check for a schema part that holds one JSON scalar (string, number, boolean, null)."""
    source = _Source()
    return source.compile(_scalar_lines(part, "v", source))


def _scalar_lines(part: Mapping[str, Any], var: str, source: _Source) -> _Lines:
    if not set(part) <= _SCALAR_KEYWORDS:
        return None
    names = part.get("type")
    types = set(names if isinstance(names, list) else [names] if names else [])
    enum = part.get("enum")
    if enum is not None:
        if not all(x is None or type(x) in (str, int) for x in enum):
            return None
        allowed: frozenset[Any] | None = frozenset(enum)
        of_enum = {"null" if x is None else "string" if type(x) is str else "integer" for x in enum}
        types = (types & of_enum) if types else of_enum
    else:
        allowed = None
    if not types or not types <= {"string", "integer", "number", "boolean", "null"}:
        return None
    # One branch per exact type the part allows (None, str, bool, int, float); anything else
    # (a subclass, another type) is not sure.
    branches: list[tuple[str, list[str]]] = []
    if "null" in types:
        branches.append((f"{var} is None", []))
    if "string" in types:
        failing = [f"not ({var}.isascii() or _safe_str({var}))"]
        if part.get("minLength", 0):
            failing.append(f"len({var}) < {source.constant(part['minLength'])}")
        if "pattern" in part:
            failing.append(f"{source.constant(re.compile(part['pattern']))}.search({var}) is None")
        branches.append((f"type({var}) is str", [f"if {' or '.join(failing)}: return False"]))
    if "boolean" in types:
        branches.append((f"type({var}) is bool", []))
    bounds = [f"not -MAX <= {var} <= MAX"]
    if part.get("minimum") is not None:
        bounds.append(f"{var} < {source.constant(part['minimum'])}")
    if part.get("maximum") is not None:
        bounds.append(f"{var} > {source.constant(part['maximum'])}")
    if "integer" in types or "number" in types:
        branches.append((f"type({var}) is int", [f"if {' or '.join(bounds)}: return False"]))
    if "number" in types:
        failing = [f"not isfinite({var})", *bounds]
        branches.append((f"type({var}) is float", [f"if {' or '.join(failing)}: return False"]))
    lines: list[str] = []
    for i, (condition, body) in enumerate(branches):
        lines.append(f"{'if' if i == 0 else 'elif'} {condition}:")
        lines.extend(_indent(body or ["pass"]))
    lines += ["else:", "    return False"]
    if allowed is not None:
        lines.append(f"if {var} not in {source.constant(allowed)}: return False")
    return lines


def _resolve(part: Mapping[str, Any]) -> Mapping[str, Any]:
    target: Any = _schema()
    for step in part["$ref"].lstrip("#/").split("/"):
        target = target[step]
    assert isinstance(target, Mapping)
    return target


def _fast_value_check(part: Mapping[str, Any], declared: Any) -> FastCheck:
    """A check for one value: its schema part and its declared (resolved) type."""
    source = _Source()
    return source.compile(_value_lines(part, declared, "v", source))


def _value_lines(part: Mapping[str, Any], declared: Any, var: str, source: _Source) -> _Lines:
    if "$ref" in part:
        return _value_lines(_resolve(part), declared, var, source) if len(part) == 1 else None
    if "oneOf" in part and len(part) == 1:
        options = part["oneOf"]
        nulls = [o for o in options if o == {"type": "null"}]
        others = [o for o in options if o != {"type": "null"}]
        if len(nulls) == 1 and len(others) == 1:
            return _optional(var, _value_lines(others[0], declared, var, source))
        return None
    names = part.get("type")
    types = set(names if isinstance(names, list) else [names] if names else [])
    if "object" in types:
        cls = _attrs_class(declared)
        if cls is None or not types <= {"object", "null"}:
            return None
        inner = _object_lines(cls, part, var, source)
        return _optional(var, inner) if "null" in types else inner
    if types == {"array"}:
        if not set(part) <= {"type", "items", "description"} or "items" not in part:
            return None
        item_type = _tuple_item_type(declared)
        if item_type is None:
            return None
        item = source.variable()
        return _tuple_lines(var, item, _value_lines(part["items"], item_type, item, source))
    return _scalar_lines(part, var, source)


def _optional(var: str, lines: _Lines) -> list[str]:
    """``lines`` for a value that may also be None."""
    if lines is None:
        return [f"if {var} is not None: return False"]
    return [f"if {var} is not None:", *_indent(lines)]


def _tuple_lines(var: str, item: str, item_lines: _Lines) -> list[str]:
    """A tuple (exactly) whose every ``item`` passes ``item_lines``."""
    if item_lines is None:  # only the empty tuple is sure
        return [f"if type({var}) is not tuple or {var}: return False"]
    return [
        f"if type({var}) is not tuple: return False",
        f"for {item} in {var}:",
        *_indent(item_lines),
    ]


def _attrs_class(declared: Any) -> type | None:
    """The attrs class of a declared ``C`` or ``C | None``, or None."""
    options = [t for t in getattr(declared, "__args__", (declared,)) if t is not type(None)]
    if len(options) == 1 and isinstance(options[0], type) and attrs.has(options[0]):
        return options[0]
    return None


def _tuple_item_type(declared: Any) -> Any:
    """The item type of a declared ``tuple[X, ...]``, or None."""
    if getattr(declared, "__origin__", None) is tuple:
        args = declared.__args__
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


_UNDECLARED_SCALARS: dict[Any, Mapping[str, Any]] = {
    str: {"type": "string"},
    str | None: {"type": ["string", "null"]},
    int | None: {"type": ["integer", "null"]},
    bool: {"type": "boolean"},
}


def _fast_object_check(cls: type, part: Mapping[str, Any]) -> FastCheck:
    """A check for an object of attrs class ``cls`` (exactly) against an object schema part."""
    source = _Source()
    return source.compile(_object_lines(cls, part, "v", source))


def _object_lines(cls: type, part: Mapping[str, Any], var: str, source: _Source) -> _Lines:
    """The JSON form of an object of attrs class ``cls`` (the record converter's) is a mapping
    of every attribute by name; attributes the schema does not describe are still checked to
    be plain JSON scalars (or evidence) of their declared type. A check that is never sure of
    one attribute is never sure of the object."""
    if not set(part) <= {"type", "properties", "required", "additionalProperties", "description"}:
        return None
    fields = attrs.fields(attrs.resolve_types(cls))
    names = {f.name for f in fields}
    if not set(part.get("required", ())) <= names:
        return None
    properties = part.get("properties", {})
    extra = part.get("additionalProperties", True)
    lines = [f"if type({var}) is not {source.constant(cls)}: return False"]
    for f in fields:
        value = source.variable()
        checks: _Lines
        if f.name in properties:
            checks = _value_lines(properties[f.name], f.type, value, source)
        elif extra is not True:
            return None
        elif f.type in _UNDECLARED_SCALARS:
            checks = _scalar_lines(_UNDECLARED_SCALARS[f.type], value, source)
        elif f.type == Mapping[str, float]:
            checks = [f"if not {source.constant(_fast_votes_check)}({value}): return False"]
        else:
            item_cls = _attrs_class(_tuple_item_type(f.type))
            item_def = _CLASS_DEFS.get(item_cls) if item_cls is not None else None
            if item_cls is None or item_def is None:
                return None
            item = source.variable()
            ref = {"$ref": f"#/$defs/{item_def}"}
            checks = _tuple_lines(value, item, _value_lines(ref, item_cls, item, source))
        if checks is None:
            return None
        lines.append(f"{value} = {var}.{f.name}")
        lines.extend(checks)
    return lines


def _fast_votes_check(v: Any) -> bool:
    """A read-only mapping of plain strings to finite numbers (``EventType.votes``)."""
    if type(v) is not FrozenMapping:
        return False
    for key, value in v.items():
        t = type(value)
        if type(key) is not str or not _safe_str(key):
            return False
        if not (
            (t is float and math.isfinite(value))
            or (t is int and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER)
        ):
            return False
    return True


def _class_defs() -> dict[type, str]:
    from eventx.record.evidence import Evidence
    from eventx.record.facts import Quantity

    return {Evidence: "evidence", Quantity: "quantity"}


_CLASS_DEFS: dict[type, str] = {}


#: The fast check of each (fact class, record field), compiled on first use.
_FAST_FACT_CHECKS: dict[tuple[type, str], FastCheck] = {}


def _fast_fact_check(cls: type, field: str) -> FastCheck:
    """The fast check of facts of class ``cls`` for record field ``field``."""
    check = _FAST_FACT_CHECKS.get((cls, field))
    if check is None:
        from eventx.record.facts import FACT_FIELDS, Extension

        if not _CLASS_DEFS:
            _CLASS_DEFS.update(_class_defs())
        if FACT_FIELDS.get(cls) != field or cls is Extension:
            check = _never  # Extension.value is an open mapping: the full path walks it
        else:
            check = _fast_value_check({"$ref": f"#/$defs/{FIELD_DEFS[field]}"}, cls)
        _FAST_FACT_CHECKS[(cls, field)] = check
    return check


#: The fast check of each (record-level field, answer type), compiled on first use.
_FAST_PART_CHECKS: dict[tuple[str, type], FastCheck] = {}


def _fast_part_check(name: str, cls: type) -> FastCheck:
    """The fast check of a hook's answer of class ``cls`` for the record-level field ``name``
    (an attrs class or a plain scalar; anything else takes the full path)."""
    check = _FAST_PART_CHECKS.get((name, cls))
    if check is None:
        if not _CLASS_DEFS:
            _CLASS_DEFS.update(_class_defs())
        part = _schema()["properties"].get(name)
        plain = cls in (str, int, float, bool, type(None))
        if part is not None and cls is tuple:
            # a tuple of record objects (casualty totals): checked against the record's own
            # declaration of the field, ``tuple[C, ...]``
            declared = _record_field_types().get(name)
            check = _never if declared is None else _fast_value_check(part, declared)
        elif part is None or not (plain or attrs.has(cls)):
            check = _never
        else:
            check = _fast_value_check(part, cls)
        _FAST_PART_CHECKS[(name, cls)] = check
    return check


@lru_cache(maxsize=1)
def _record_field_types() -> dict[str, Any]:
    """The declared (resolved) type of each record-level field of EventRecord."""
    from eventx.record import EventRecord

    return {f.name: f.type for f in attrs.fields(attrs.resolve_types(EventRecord))}
