"""A small immutable value class for the modules every command loads (search, its statements, the schema
revisions): compared, hashed and shown by its fields, like a frozen dataclass.

``dataclasses`` imports ``inspect`` (and with it ``ast``, ``dis`` and ``tokenize``), which took a fifth of
``mdtboard cases``; the program's other modules use dataclasses as usual.
"""

from __future__ import annotations


class Frozen:
    """Fields are named in ``__slots__``; a subclass's ``__init__`` sets them with :meth:`_set`."""

    __slots__: tuple[str, ...] = ()

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a {type(self).__name__}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Frozen)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({fields})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), dict(zip(self.__slots__, self._values(), strict=True))))


def _rebuild(cls: type[Frozen], values: dict[str, object]) -> Frozen:
    made = cls.__new__(cls)
    made._set(**values)
    return made
