"""The one search interface over the catalogue, with a PostgreSQL and a SQLite FTS5 backend."""


def search_services(query, services, limit=200):
    """Matching active services as (service, score), best first; see ookbalans.search.engine."""
    from ookbalans.search.engine import search_services as search

    return search(query, services, limit)
