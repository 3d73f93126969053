"""Demand counts are kept 13 months, then deleted by the daily `forget_old_searches` command."""

import datetime
import io

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from ookbalans.search.management.commands.forget_old_searches import forget_old_searches, retention_start
from ookbalans.search.models import UnmetSearch
from tests.factories import CoalitionFactory


@given(st.dates(min_value=datetime.date(2001, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_retention_start_is_thirteen_months_back(today):
    start = retention_start(today)
    months_back = (today.year - start.year) * 12 + today.month - start.month
    assert months_back == 13
    assert start.day == today.day or (start.day < today.day and (start + datetime.timedelta(days=1)).day == 1)


@pytest.mark.django_db
def test_only_counts_older_than_thirteen_months_are_deleted():
    coalition = CoalitionFactory()
    today = datetime.date(2026, 12, 1)
    for week, term in [
        (datetime.date(2025, 10, 27), "oud"),
        (datetime.date(2025, 10, 30), "grens"),
        (datetime.date(2025, 11, 3), "bewaard"),
        (datetime.date(2026, 11, 30), "nieuw"),
    ]:
        UnmetSearch.objects.create(coalition=coalition, term=term, week=week, count=5)
    assert forget_old_searches(today) == 2
    assert sorted(UnmetSearch.objects.values_list("term", flat=True)) == ["bewaard", "nieuw"]


@pytest.mark.django_db
def test_command_reports_what_it_deleted():
    coalition = CoalitionFactory()
    UnmetSearch.objects.create(coalition=coalition, term="oud", week=datetime.date(2020, 1, 6), count=3)
    output = io.StringIO()
    call_command("forget_old_searches", stdout=output)
    assert "Deleted 1 count(s) older than 13 months." in output.getvalue()
    assert not UnmetSearch.objects.exists()
