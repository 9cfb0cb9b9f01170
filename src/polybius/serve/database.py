"""The web app's access to the DuckDB file.

A DuckDB connection must not be shared between threads, and FastAPI answers requests on a thread
pool. So every read gets a cursor of its own (a cursor is a separate connection to the same
database), and writes (POST /articles) go one at a time through the pipeline behind a lock. The
pipeline, with its language models, is loaded on the first write only: reading needs none of it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from polybius.store import Store


class Database:
    def __init__(self, path: Path | str, writable: bool):
        self.path = Path(path)
        self.writable = writable
        self._store = Store(self.path, read_only=not writable)
        self._write_lock = threading.Lock()
        self._pipeline = None

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A Store on its own cursor, for one request."""
        store = self._store.cursor()
        try:
            yield store
        finally:
            store.db.close()

    def ingest(self, records: list[object], origin: str):
        """Run articles through the whole pipeline (one request at a time); returns its RunSummary."""
        with self._write_lock:
            if self._pipeline is None:
                from polybius.pipeline import Polybius  # loads spaCy and the models: seconds, once

                self._pipeline = Polybius(self.path)
            return self._pipeline.run_records(records, origin=origin)

    def close(self) -> None:
        if self._pipeline is not None:
            self._pipeline.close()
        self._store.close()
