"""Typed playbook parameters: declared in the YAML file, checked before any statement is sent.

A parameter has a type (``str``, ``int``, ``float``, ``bool``, ``date``, ``list``), an
optional default (``today`` for a date means the day the playbook runs), ``required``, and
validation: ``min``/``max`` (numbers, dates, and the length of a list), ``pattern`` (a regular
expression a text or each list item must match whole) and ``choices``. Errors about text values
do not repeat the value (it may be a name); errors about numbers and dates do. Values come from the
command line as text (``-p days=30``) or from Python as values; both are coerced the same way,
and a value that does not fit raises ``ParameterError`` naming the parameter and its type.

>>> p = Param.from_yaml("days", {"type": "int", "default": 30, "min": 0}, where="doc")
>>> p.coerce("45"), p.coerce(7)
(45, 7)
>>> p.coerce("soon")
Traceback (most recent call last):
...
playbooks.errors.ParameterError: parameter 'days': expected int (a whole number such as 30), got 'soon'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from playbooks.errors import MissingParameter, ParameterError, PlaybookFileError

__all__ = ["Param", "PARAM_TYPES", "bind"]

#: each type with how a user should write it
PARAM_TYPES: dict[str, str] = {
    "str": "text",
    "int": "a whole number such as 30",
    "float": "a number such as 0.8",
    "bool": "true or false",
    "date": "an ISO date such as 2022-09-05",
    "list": "a comma-separated list such as TPE,KHH (or a JSON list)",
}
_SPEC_KEYS = {"type", "default", "required", "min", "max", "pattern", "choices", "help_en", "help_zh"}
_TRUE = {"true", "yes", "1", "y", "on"}
_FALSE = {"false", "no", "0", "n", "off"}
TODAY = "today"


@dataclass(frozen=True)
class Param:
    """One declared parameter of a playbook."""

    name: str
    type: str
    default: Any = None
    required: bool = False
    min: Any = None
    max: Any = None
    pattern: str | None = None
    choices: tuple[Any, ...] = ()
    help_en: str = ""
    help_zh: str = ""

    @classmethod
    def from_yaml(cls, name: str, spec: Any, *, where: str) -> Param:
        """A parameter from its YAML mapping; raises ``PlaybookFileError`` for a bad declaration."""
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(name)):
            raise PlaybookFileError(where, f"parameter {name!r}: names are lower_case_words")
        if not isinstance(spec, Mapping):
            raise PlaybookFileError(where, f"parameter {name!r}: give a mapping with at least type:")
        unknown = sorted(set(spec) - _SPEC_KEYS)
        if unknown:
            raise PlaybookFileError(where, f"parameter {name!r}: unknown key(s) {', '.join(unknown)}; "
                                           f"allowed: {', '.join(sorted(_SPEC_KEYS))}")
        type_ = spec.get("type")
        if type_ not in PARAM_TYPES:
            raise PlaybookFileError(where, f"parameter {name!r}: type {type_!r} is not one of {', '.join(PARAM_TYPES)}")
        param = cls(name=name, type=type_, required=bool(spec.get("required", False)),
                    pattern=spec.get("pattern"), choices=tuple(spec.get("choices") or ()),
                    help_en=str(spec.get("help_en") or ""), help_zh=str(spec.get("help_zh") or ""))
        try:
            bounds = {k: param._scalar(spec[k]) if type_ != "list" else int(spec[k]) for k in ("min", "max") if k in spec}
            if param.pattern is not None:
                re.compile(param.pattern)
            default = spec.get("default")
            checked = cls(**{**param.__dict__, **bounds})
            if default is not None and not (type_ == "date" and default == TODAY):
                checked.coerce(default)
        except (ParameterError, ValueError, TypeError, re.error) as e:
            raise PlaybookFileError(where, f"parameter {name!r}: {e}") from None
        return cls(**{**checked.__dict__, "default": default})

    def describe(self) -> str:
        """How to write a value, for help and errors: ``int (a whole number such as 30)``."""
        return f"{self.type} ({PARAM_TYPES[self.type]})"

    def coerce(self, raw: Any) -> Any:
        """``raw`` (text from the command line, or a value) as this parameter's type, validated."""
        if self.type == "list":
            items = _as_list(raw)
            if items is None:
                raise self._error(raw)
            value: Any = [str(v) for v in items]
            for item in value:
                self._check_text(item)
            self._check_range(len(value), "items")
            return value
        value = self._scalar(raw)
        if self.type == "str":
            self._check_text(value)
        elif self.type in ("int", "float", "date"):
            self._check_range(value, "")
        if self.choices and value not in self.choices and self.type not in ("str",):
            raise ParameterError(self.name, f"must be one of {', '.join(map(str, self.choices))}, not {raw!r}")
        return value

    def default_value(self, today: date) -> Any:
        if self.type == "date" and self.default == TODAY:
            return today.isoformat()
        return self.coerce(self.default) if self.default is not None else None

    def _scalar(self, raw: Any) -> Any:
        if isinstance(raw, bool) and self.type != "bool":
            raise self._error(raw)
        try:
            if self.type == "str":
                if not isinstance(raw, (str, int, float)):
                    raise ValueError
                return str(raw)
            if self.type == "int":
                if isinstance(raw, float) and not raw.is_integer():
                    raise ValueError
                return int(str(raw).strip()) if isinstance(raw, str) else int(raw)
            if self.type == "float":
                return float(raw)
            if self.type == "bool":
                if isinstance(raw, bool):
                    return raw
                text = str(raw).strip().lower()
                if text in _TRUE | _FALSE:
                    return text in _TRUE
                raise ValueError
            if self.type == "date":
                text = raw.isoformat() if isinstance(raw, date) else str(raw).strip()
                return date.fromisoformat(text[:10] if len(text) > 10 and text[10] == "T" else text).isoformat()
        except (TypeError, ValueError):
            raise self._error(raw) from None
        raise self._error(raw)

    def _check_text(self, text: str) -> None:
        # free text may be a person's name, so errors about it do not repeat it
        if self.pattern is not None and not re.fullmatch(self.pattern, text):
            raise ParameterError(self.name, f"expected {self.type} matching {self.pattern}; the value given does not")
        if self.choices and text not in self.choices:
            raise ParameterError(self.name, f"must be one of {', '.join(map(str, self.choices))}")

    def _check_range(self, value: Any, what: str) -> None:
        noun = f" {what}" if what else ""
        if self.min is not None and value < self.min:
            raise ParameterError(self.name, f"{value!r}{noun} is below the minimum {self.min}")
        if self.max is not None and value > self.max:
            raise ParameterError(self.name, f"{value!r}{noun} is above the maximum {self.max}")

    def _error(self, raw: Any) -> ParameterError:
        return ParameterError(self.name, f"expected {self.describe()}, got {raw!r}")


def _as_list(raw: Any) -> list[Any] | None:
    if isinstance(raw, (list, tuple)):
        return list(raw)
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if text.startswith("["):
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            return None
        return value if isinstance(value, list) else None
    return [part.strip() for part in text.split(",") if part.strip()]


def bind(params: Mapping[str, Param], given: Mapping[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Every declared parameter's value: given (coerced and validated), else its default.

    Raises:
        ParameterError: a name is not declared, or a value does not fit.
        MissingParameter: a required parameter was not given.
    """
    unknown = sorted(set(given) - set(params))
    if unknown:
        known = ", ".join(f"{p.name} ({p.type})" for p in params.values()) or "none"
        raise ParameterError(unknown[0], f"this playbook has no such parameter; it takes: {known}")
    day = today or date.today()
    out: dict[str, Any] = {}
    for name, param in params.items():
        if name in given and given[name] is not None:
            out[name] = param.coerce(given[name])
        elif param.required:
            raise MissingParameter(name, param.type, param.help_en)
        else:
            out[name] = param.default_value(day)
    return out
