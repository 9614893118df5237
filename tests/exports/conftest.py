"""Helpers for the ledger tests: fingerprints of a database and of a file, to prove nothing changed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from studio_desk.core.store import Store


def database_fingerprint(store: Store) -> str:
    """A hash of every row of every table (history included)."""
    digest = hashlib.sha256()
    tables = [
        row[0]
        for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    ]
    for table in tables:
        digest.update(table.encode())
        for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def file_fingerprint(path: Path) -> tuple[str, float]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime


@pytest.fixture
def fingerprint() -> Callable[[Store], str]:
    return database_fingerprint


@pytest.fixture
def file_print() -> Callable[[Path], tuple[str, float]]:
    return file_fingerprint
