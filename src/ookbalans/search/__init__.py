"""The one search interface over the catalogue, with a PostgreSQL and a SQLite FTS5 backend."""
