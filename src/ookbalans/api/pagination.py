"""The HSDS page envelope as a DRF pagination class: a COUNT and one LIMIT/OFFSET page in the database."""

from __future__ import annotations

import math
from collections.abc import Callable

from django.db.models import QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.response import Response

from ookbalans.api.hsds import BadParameter

MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50


def number(params, name: str, default: int, low: int, high: int) -> int:
    """A whole-number query parameter within bounds, or BadParameter saying what it expects."""
    value = params.get(name)
    if value in (None, ""):
        return default
    try:
        result = int(value)
    except ValueError:
        raise BadParameter(f"'{name}' must be a whole number.") from None
    if not low <= result <= high:
        raise BadParameter(f"'{name}' must be from {low} to {high}.")
    return result


class Counted:
    """A queryset with a cheaper way to count the same rows; the paginator counts with `count`."""

    def __init__(self, queryset: QuerySet, count: Callable[[], int]) -> None:
        self.queryset = queryset
        self.count = count

    def __getitem__(self, index):
        return self.queryset[index]


class HsdsPagination(BasePagination):
    """`page` and `per_page` as HSDS names them; a queryset is counted and sliced by the database.

    A `Counted` queryset is counted its own way. A plain sequence (search results as ids, the
    static taxonomies) is sliced in Python; the page it returns is what the view then loads and
    maps, so no more than one page is ever mapped.
    """

    page_query_param = "page"
    page_size_query_param = "per_page"

    def __init__(self) -> None:
        self.total = 0
        self.page_number = 1
        self.pages = 1

    def paginate_queryset(self, queryset, request, view=None) -> list:
        params = request.query_params
        per_page = number(params, self.page_size_query_param, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
        self.page_number = number(params, self.page_query_param, 1, 1, 10**9)
        self.total = queryset.count() if isinstance(queryset, QuerySet | Counted) else len(queryset)
        self.pages = max(1, math.ceil(self.total / per_page))
        if self.total == 0 or self.page_number > self.pages:
            return []
        start = (self.page_number - 1) * per_page
        return list(queryset[start : start + per_page])

    def envelope(self, contents: list) -> dict:
        """The HSDS page: total_items, total_pages, page_number, size, first/last_page, empty, contents."""
        return {
            "total_items": self.total,
            "total_pages": self.pages,
            "page_number": self.page_number,
            "size": len(contents),
            "first_page": self.page_number == 1,
            "last_page": self.page_number >= self.pages,
            "empty": self.total == 0,
            "contents": contents,
        }

    def get_paginated_response(self, data) -> Response:
        return Response(self.envelope(data))
