"""HTML a finder page made once and keeps in this process for the next page that looks the same."""

from __future__ import annotations


class Remembered(dict):
    """A dict of made HTML by look, at most `limit` looks: when full, all are dropped and made anew."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def keep(self, key, html: str) -> str:
        """Keep `html` under `key` (dropping every look first when full) and give it back."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = html
        return html
