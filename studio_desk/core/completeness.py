"""待补全: records an old ledger brought in with required fields still empty (SPEC section 3).

The import lists the missing fields in a record's ``incomplete``; the record rules let them stay
empty until the clerk fills them in. 总览 shows :func:`count_incomplete`; a ledger page's
待补全 filter shows :func:`incomplete_ids`.
"""

from __future__ import annotations

import dataclasses

from studio_desk.core.models import Activity, Donation, Proposal, Reception, Record
from studio_desk.core.store import Store

TRACKED: tuple[type[Record], ...] = (Activity, Reception, Donation, Proposal)


def count_incomplete(store: Store, year: int | None = None) -> dict[str, int]:
    """Ledger title → how many of its records (of ``year``) are 待补全; ``"合计"`` adds them up."""
    out: dict[str, int] = {}
    for cls in TRACKED:
        total = store.count(cls, year=year)
        complete = store.count(cls, year=year, filters={"incomplete": ""})
        out[cls.TITLE] = total - complete
    out["合计"] = sum(out.values())
    return out


def incomplete_ids(store: Store, cls: type[Record], year: int | None = None) -> list[str]:
    """Ids of the 待补全 records of one ledger, in the ledger's order."""
    complete = set(store.query_ids(cls, year=year, filters={"incomplete": ""}))
    return [i for i in store.query_ids(cls, year=year) if i not in complete]


def completed(record: Record) -> Record:
    """The record with its 待补全 list cleared: a form saves this, so that the record rules ask
    for every required field again (the clerk fills in what the old ledger lacked)."""
    if getattr(record, "incomplete", ""):
        return dataclasses.replace(record, incomplete="")  # type: ignore[type-var]
    return record
