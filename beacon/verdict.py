"""The analysis verdict: findings with reasons and offsets (never matched secret text), combined.

Immutable value classes, not pydantic models: analysis builds several per message, and
``beacon analyze`` starts without importing pydantic at all (a third of its start-up time). They keep
the part of the pydantic API Beacon uses: keyword construction with defaults (unknown keywords are an
error), equality, hashing, ``model_copy(update=...)``, ``model_dump(mode=..., include=..., exclude=...)``
and ``model_fields``; a pydantic model may still declare a field of these types (checked as an
instance of the class).
"""

from __future__ import annotations

import copy
from enum import Enum
from typing import Any, ClassVar, Protocol

_new = object.__new__
_set = object.__setattr__


class Flag(str, Enum):
    secret = "secret"
    pii = "pii"
    scam = "scam"
    phishing = "phishing"
    impersonation = "impersonation"
    spam = "spam"


class Category(str, Enum):
    deposit_withdrawal = "deposit_withdrawal"
    kyc = "kyc"
    account_security = "account_security"
    trading = "trading"
    api = "api"
    other = "other"


class Urgency(str, Enum):
    critical = "critical"
    high = "high"
    normal = "normal"
    low = "low"


def _dump(value: Any, json: bool) -> Any:
    if isinstance(value, _Value):
        return value.model_dump(mode="json" if json else "python")
    if isinstance(value, Enum):
        return value.value if json else value
    if isinstance(value, (tuple, list)):
        items = [_dump(v, json) for v in value]
        return items if json or isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: _dump(v, json) for k, v in value.items()}
    return value


class _Value:
    """Base of the value classes: fields (declared in ``_fields``) in the instance dict, set once."""
    _fields: ClassVar[tuple[str, ...]] = ()
    model_fields: ClassVar[dict[str, Any]] = {}  # field name -> default (pydantic's name, for generic code)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable (use model_copy(update=...))")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    @classmethod
    def _from(cls, values: dict[str, Any]) -> Any:
        obj = _new(cls)
        _set(obj, "__dict__", {name: values[name] for name in cls._fields})
        return obj

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:  # TypeError when a field is not hashable (a Finding's detail), as in pydantic
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self._fields)})"

    def __str__(self) -> str:
        return " ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)

    def __reduce__(self) -> tuple[Any, ...]:  # pickle and copy: the constructor refuses setattr
        return (_rebuild, (type(self), self._values()))

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with ``update`` applied (not validated, as in pydantic)."""
        values = {name: getattr(self, name) for name in self._fields}
        if deep:
            values = copy.deepcopy(values)
        if update:
            unknown = set(update) - set(self._fields)
            if unknown:
                raise ValueError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
            values.update(update)
        return self._from(values)

    def model_dump(self, *, mode: str = "python", include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """The fields as a dict (nested values dumped too); ``mode="json"``: enums as their values,
        tuples as lists."""
        json = mode == "json"
        return {name: _dump(getattr(self, name), json) for name in self._fields
                if (include is None or name in include) and (exclude is None or name not in exclude)}

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema  # only when a pydantic model holds one of these

        return core_schema.is_instance_schema(cls)


def _rebuild(cls: type[_Value], values: tuple[Any, ...]) -> Any:
    return cls._from(dict(zip(cls._fields, values)))


def _enum(kind: type[Enum], value: Any) -> Any:
    return value if value is None or isinstance(value, kind) else kind(value)


class Span(_Value):
    """Offsets ``[start, end)`` into a message's text, in code points."""

    _fields = ("start", "end")
    model_fields = {"start": None, "end": None}
    start: int
    end: int

    def __init__(self, *, start: int, end: int) -> None:
        _set(self, "start", int(start))
        _set(self, "end", int(end))

    @classmethod
    def at(cls, start: int, end: int) -> Span:
        """``Span(start=start, end=end)`` from ints the caller computed (the analysers' fast path)."""
        obj = _new(cls)
        _set(obj, "__dict__", {"start": start, "end": end})
        return obj


class Finding(_Value):
    """One analyser's observation: why, and where (offsets into the text)."""

    _fields = ("analyser", "reason", "flag", "spans", "score", "detail")
    model_fields = {"analyser": None, "reason": None, "flag": None, "spans": (), "score": 1.0, "detail": {}}
    analyser: str
    reason: str  # human-readable, never quotes a secret or PII
    flag: Flag | None
    spans: tuple[Span, ...]
    score: float
    # Non-sensitive facts for moderators, e.g. {"imitates": "okx_support"}.
    detail: dict[str, str]

    def __init__(self, *, analyser: str, reason: str, flag: Flag | str | None = None, spans: Any = (),
                 score: float = 1.0, detail: dict[str, str] | None = None) -> None:
        _set(self, "analyser", analyser)
        _set(self, "reason", reason)
        _set(self, "flag", _enum(Flag, flag))
        _set(self, "spans", tuple(spans))
        _set(self, "score", float(score))
        _set(self, "detail", dict(detail) if detail else {})

    @classmethod
    def of(cls, analyser: str, reason: str, flag: Flag | None = None, spans: tuple[Span, ...] = (),
           score: float = 1.0, detail: dict[str, str] | None = None) -> Finding:
        """A finding from values of the right types (a Flag, a tuple of Spans, a fresh dict): no checks."""
        obj = _new(cls)
        _set(obj, "__dict__", {"analyser": analyser, "reason": reason, "flag": flag, "spans": spans,
                               "score": score, "detail": {} if detail is None else detail})
        return obj


class AnalysisInput(_Value):
    """A message as analysis sees it: text plus who wrote it where."""

    _fields = ("text", "platform", "chat", "author_id", "author_name", "author_username", "mentions_bot")
    model_fields = {"text": None, "platform": "telegram", "chat": None, "author_id": None, "author_name": None,
                    "author_username": None, "mentions_bot": False}
    text: str
    platform: str
    chat: str | None
    author_id: str | None
    author_name: str | None
    author_username: str | None
    mentions_bot: bool

    def __init__(self, *, text: str, platform: str = "telegram", chat: str | None = None,
                 author_id: str | None = None, author_name: str | None = None,
                 author_username: str | None = None, mentions_bot: bool = False) -> None:
        if not isinstance(text, str):
            raise TypeError(f"AnalysisInput.text must be a str, not {type(text).__name__}")
        _set(self, "text", text)
        _set(self, "platform", platform)
        _set(self, "chat", chat)
        _set(self, "author_id", author_id)
        _set(self, "author_name", author_name)
        _set(self, "author_username", author_username)
        _set(self, "mentions_bot", bool(mentions_bot))

    @classmethod
    def of(cls, text: str, platform: str = "telegram", chat: str | None = None, author_id: str | None = None,
           author_name: str | None = None, author_username: str | None = None,
           mentions_bot: bool = False) -> AnalysisInput:
        """For readers that already hold str / None / bool values (``beacon analyze``): no checks."""
        obj = _new(cls)
        _set(obj, "__dict__", {"text": text, "platform": platform, "chat": chat, "author_id": author_id,
                               "author_name": author_name, "author_username": author_username,
                               "mentions_bot": mentions_bot})
        return obj


class Verdict(_Value):
    _fields = ("language", "support_request", "category", "urgency", "flags", "findings")
    model_fields = {"language": None, "support_request": False, "category": None, "urgency": None, "flags": (),
                    "findings": ()}
    language: str | None
    support_request: bool
    category: Category | None
    urgency: Urgency | None
    flags: tuple[Flag, ...]
    findings: tuple[Finding, ...]

    def __init__(self, *, language: str | None = None, support_request: bool = False,
                 category: Category | str | None = None, urgency: Urgency | str | None = None,
                 flags: Any = (), findings: Any = ()) -> None:
        _set(self, "language", language)
        _set(self, "support_request", bool(support_request))
        _set(self, "category", _enum(Category, category))
        _set(self, "urgency", _enum(Urgency, urgency))
        _set(self, "flags", tuple(_enum(Flag, f) for f in flags))
        _set(self, "findings", tuple(findings))

    def has(self, flag: Flag) -> bool:
        return flag in self.flags

    @classmethod
    def of(cls, language: str | None, support_request: bool, category: Category | None, urgency: Urgency | None,
           flags: tuple[Flag, ...], findings: tuple[Finding, ...]) -> Verdict:
        """The pipeline's own verdict, from values of the right types: no checks."""
        obj = _new(cls)
        _set(obj, "__dict__", {"language": language, "support_request": support_request, "category": category,
                               "urgency": urgency, "flags": flags, "findings": findings})
        return obj


class Analyser(Protocol):
    """One independent check. Pure: same input, same findings."""

    name: str

    def analyse(self, message: AnalysisInput) -> list[Finding]: ...
