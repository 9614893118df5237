"""Functions written out as text and compiled once, where a loop over descriptions would run for
every one of thousands of records or rows (as ``dataclasses`` writes ``__init__``): the record
checks of ``validate`` and the row readers of the ledger import. The text is the program's own,
made from its field and column descriptions, never from a file's contents."""

from __future__ import annotations

from typing import Any


def compiled(source: str, names: dict[str, Any], function: str, what: str) -> Any:
    """The function ``function`` that ``source`` defines, with ``names`` as its globals (``what``
    names it in tracebacks)."""
    namespace = dict(names)
    exec(compile(source, f"<{what}>", "exec"), namespace)  # noqa: S102 - the program's own text
    return namespace[function]
