"""Small value classes for what ``drafter check`` imports, without :mod:`dataclasses`.

Importing dataclasses costs a ``drafter check`` about 5 ms (it imports inspect, which imports ast,
dis and tokenize), and building each dataclass about 0.3 ms: together a tenth of the whole check
of a 30-page report (issue 15). A class here names its fields once, in ``FIELDS`` (which is also
its ``__slots__``), writes its own ``__init__``, and gets from :class:`Record` what a dataclass
gave it: equality, a repr over the fields in that order and :meth:`Record.replace`;
:class:`FrozenRecord` adds read-only fields and a hash.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    R = TypeVar("R", bound="Record")


class Record:
    """Equality and repr over ``FIELDS``; unhashable, like a dataclass that can be changed."""

    __slots__ = ()
    FIELDS: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in self.FIELDS])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]

    def replace(self: R, **changes: object) -> R:
        """A copy with some fields changed (``dataclasses.replace``); ``__init__`` takes every
        field by its name."""
        values: dict[str, object] = {name: getattr(self, name) for name in self.FIELDS}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"{self.__class__.__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return self.__class__(**values)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{self.__class__.__name__}({shown})"


class FrozenRecord(Record):
    """A record whose fields are set once, in ``__init__``, by :meth:`_assign`."""

    __slots__ = ()

    def _assign(self, *values: object) -> None:
        """Set every field, in ``FIELDS`` order (``__init__`` only)."""
        for name, value in zip(self.FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{self.__class__.__name__} is read-only: cannot assign to {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{self.__class__.__name__} is read-only: cannot delete {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())
