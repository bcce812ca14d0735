"""The decorator every public ``WorkbenchService`` method wears: check, run, record.

``@action("entity", target="entity_id")`` makes a method ask the service whether its user
may do ``entity`` on that target (``service._check``), run, and append one audit entry with
the outcome (``ok``, ``denied`` or ``error: <kind>``) whatever happens. Pages therefore
cannot read or write without both. ``ACTIONS`` lists every decorated method, so a test can
pin that none was left bare.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

__all__ = ["action", "ACTIONS", "ActionSpec"]

F = TypeVar("F", bound=Callable[..., Any])


class ActionSpec:
    """What one decorated method is called in the permission table and the audit trail."""

    def __init__(self, name: str, target: str | None, params: tuple[str, ...], audit: bool) -> None:
        self.name, self.target, self.params, self.audit = name, target, params, audit


ACTIONS: dict[str, ActionSpec] = {}  # method name -> its spec


def _target(values: dict[str, Any], target: str | None) -> str:
    """The target's text: an argument, or an attribute of one (``view.center``)."""
    if not target:
        return ""
    first, *rest = target.split(".")
    value = values.get(first)
    for attr in rest:
        value = getattr(value, attr, None)
    return "" if value is None else str(value)


def action(name: str, *, target: str | None = None, params: tuple[str, ...] = (),
           audit: bool = True) -> Callable[[F], F]:
    """Guard a service method as action ``name``.

    Args:
        name: the action's name in ``workbench.access.PERMISSIONS`` and in the audit trail.
        target: the argument that names what is acted on (an entity id, a record id), or an
            attribute of one (``view.center``).
        params: the arguments recorded with the entry (never a password).
        audit: False for calls that only list static things (the playbook catalogue).
    """
    def decorate(fn: F) -> F:
        signature = inspect.signature(fn)
        spec = ActionSpec(name, target, params, audit)
        ACTIONS[fn.__name__] = spec

        @wraps(fn)
        def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(self, *args, **kwargs)
            bound.apply_defaults()
            values = bound.arguments
            what = _target(values, target)
            recorded = {p: values.get(p) for p in params}
            try:
                self._check(name, what)
                result = fn(self, *args, **kwargs)
            except Exception as e:  # recorded, then raised as it was
                if spec.audit or type(e).__name__ == "PermissionDenied":
                    outcome = "denied" if type(e).__name__ == "PermissionDenied" else f"error: {type(e).__name__}"
                    self._record(name, what, recorded, outcome)
                raise
            if spec.audit:
                self._record(name, what, recorded, "ok")
            return result

        guarded.__action__ = spec  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate
