"""Who is acting: one scope per request or command, holding the actor and the entries written in it."""

from __future__ import annotations

import contextvars
import getpass
from contextlib import contextmanager
from dataclasses import dataclass, field

_scope: contextvars.ContextVar[Scope | None] = contextvars.ContextVar("ookbalans_audit_scope", default=None)
_quiet: contextvars.ContextVar[bool] = contextvars.ContextVar("ookbalans_audit_quiet", default=False)


@dataclass
class Scope:
    """One request or command: its actor, and the entries it wrote so far (m2m changes join them)."""

    request: object = None
    user: object = None
    name: str = ""
    entries: dict = field(default_factory=dict)
    coalition_names: dict = field(default_factory=dict)

    def actor(self) -> tuple[object, str]:
        """The user (or None) and the name to keep, read when an entry is written: the request's user
        is known only after authentication, which for the management API happens inside the view."""
        if self.name or self.user is not None:
            return self.user, self.name or self.user.get_username()
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated:
            return user, user.get_username()
        return None, ""


@contextmanager
def scope(request=None, user=None, name: str = ""):
    """Entries written inside name this actor; a request's user is read from the request."""
    token = _scope.set(Scope(request=request, user=user, name=name))
    try:
        yield _scope.get()
    finally:
        _scope.reset(token)


def current() -> Scope | None:
    return _scope.get()


def act_as(user=None, name: str = "", coalition=None) -> None:
    """Name the actor of the current scope from here on (the management API: its token), and the
    coalition it acts in, if known, so that its name need not be read again."""
    current_scope = _scope.get()
    if current_scope is not None:
        current_scope.user, current_scope.name = user, name
        if coalition is not None:
            current_scope.coalition_names[coalition.pk] = coalition.name


def actor() -> tuple[object, str]:
    current_scope = _scope.get()
    return current_scope.actor() if current_scope is not None else (None, "")


def command_line_actor(name: str | None = None) -> str:
    """The actor of a command: "opdrachtregel" and the --actor given, else the operating system's user."""
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "?"
    return f"opdrachtregel ({name})"


@contextmanager
def quiet():
    """No entries per object inside (an import writes one summary entry instead)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def is_quiet() -> bool:
    return _quiet.get()
