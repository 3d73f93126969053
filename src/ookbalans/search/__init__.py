"""The one search interface over the catalogue, with a PostgreSQL and a SQLite FTS5 backend."""


def search_services(query, services, limit=200, coalition=None):
    """Matching active services as (service, score), best first; see ookbalans.search.engine.

    Pass `coalition` when all `services` belong to it: the search then skips other coalitions early.
    """
    from ookbalans.search.engine import search

    return search(query, services, limit, coalition=coalition).hits
