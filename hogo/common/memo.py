"""Answers kept for the length of one read-only request.

A page asks the same question many times — may this user edit this household? who is in their teams? —
once for each panel or line that shows a button. During a GET or HEAD nothing the answers depend on
changes, so the first answer serves the rest of the request. Outside such a request (a form post, a
command, a test calling a function directly) `remembered` computes every time, as before."""

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

_answers: ContextVar[dict | None] = ContextVar("hogo_read_only_answers", default=None)

READ_ONLY_METHODS = ("GET", "HEAD")
T = TypeVar("T")


def read_only_memo_middleware(get_response):
    def middleware(request):
        if request.method not in READ_ONLY_METHODS:
            return get_response(request)
        token = _answers.set({})
        try:
            return get_response(request)
        finally:
            _answers.reset(token)

    return middleware


def memo_active() -> bool:
    """Whether answers are being kept (inside a GET or HEAD): a caller may then trade a subquery for a
    list it reads once."""
    return _answers.get() is not None


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    answers = _answers.get()
    if answers is None:
        return compute()
    if key not in answers:
        answers[key] = compute()
    return answers[key]
