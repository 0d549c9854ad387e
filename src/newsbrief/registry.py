"""One table shape for every choice made by name: summarizers, representations, scorers, ...

A :class:`Registry` maps a name to a factory and a one-line description. A factory is either a
callable or a ``"module:attribute"`` path that is imported on first use, so a table can list
entries whose code needs heavy packages (numpy, an LLM client) while the table itself — and
every check of a setting against it — stays light: ``load_settings`` checks every name-valued
setting against its table before any input is read, without importing a stage.

An entry may take an argument after a colon (``nli:/path/to/model``): ``get("nli:/x")``
calls the ``nli`` factory with ``"/x"``.

The tables themselves are in :mod:`newsbrief.choices`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Generic, TypeVar

from newsbrief.errors import SettingsError

T = TypeVar("T")


@dataclass(frozen=True)
class Entry:
    """One name of a table: what it makes, and a line saying what it is."""

    name: str
    factory: Callable[..., Any] | str  # a callable, or "module:attribute" imported on first use
    description: str
    takes_argument: bool = False  # "name:ARGUMENT" is passed to the factory as one string

    def load(self) -> Callable[..., Any]:
        """The factory itself, importing its module if it was given as a path."""
        if callable(self.factory):
            return self.factory
        module, _, attribute = self.factory.partition(":")
        return getattr(import_module(module), attribute)  # type: ignore[no-any-return]


class Registry(Generic[T]):
    """Name → factory, with descriptions; ``get`` raises a :class:`SettingsError` naming the
    allowed names, with the table's own error code."""

    def __init__(self, kind: str, setting: str, code: str) -> None:
        self.kind = kind  # what an entry is, in an error message: "scorer", "output format"
        self.setting = setting  # the setting or option that names an entry
        self.code = code  # the error code of an unknown name
        self._entries: dict[str, Entry] = {}

    def register(
        self,
        name: str,
        factory: Callable[..., T] | str,
        description: str,
        *,
        takes_argument: bool = False,
        replace: bool = False,
    ) -> None:
        """Add an entry; a name already taken is an error unless ``replace`` is true."""
        if name in self._entries and not replace:
            raise ValueError(f"{self.kind} {name!r} is already registered")
        self._entries[name] = Entry(name, factory, description, takes_argument)

    def unregister(self, name: str) -> None:
        """Remove an entry (tests that register a temporary one remove it again)."""
        self._entries.pop(name, None)

    def names(self) -> tuple[str, ...]:
        """The registered names, in registration order (the first is the usual default)."""
        return tuple(self._entries)

    def entries(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __iter__(self) -> Iterator[str]:
        """The names, as :meth:`names` (so a table reads like the tuple of names it replaced)."""
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._entry(name) is not None

    def describe(self) -> str:
        """The names with their descriptions, one a line (for ``--help`` and docs)."""
        return "\n".join(
            f"{e.name}{':ARG' if e.takes_argument else ''}: {e.description}"
            for e in self._entries.values()
        )

    def check(self, name: str) -> str:
        """``name`` itself when it names an entry; else a :class:`SettingsError`."""
        if self._entry(name) is None:
            raise SettingsError(
                f"unknown {self.kind} {name!r} in {self.setting!r}",
                hint=f"choose from {', '.join(self._spelled())}",
                code=self.code,
            )
        return name

    def get(self, name: str) -> Callable[..., T]:
        """The factory of ``name``; for ``name:ARG`` entries, the factory bound to ``ARG``."""
        self.check(name)
        entry = self._entry(name)
        assert entry is not None  # check() raised otherwise
        factory = entry.load()
        if entry.takes_argument and ":" in name:
            argument = name.split(":", 1)[1]
            return lambda *args, **kwargs: factory(argument, *args, **kwargs)
        return factory

    def _entry(self, name: str) -> Entry | None:
        if name in self._entries:
            return self._entries[name]
        head, colon, _ = name.partition(":")
        entry = self._entries.get(head) if colon else None
        return entry if entry is not None and entry.takes_argument else None

    def _spelled(self) -> list[str]:
        return [f"{e.name}:ARG" if e.takes_argument else e.name for e in self._entries.values()]
