"""The finder's guides on the demo: the 1000-days route with its calendar file, the steunwijzer's routes."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(shared_demo):
    """The demo coalition, loaded once for this module."""


def route_page(client, **params):
    return client.get(reverse("finder:route", args=["voorbeeldregio"]), params)


def due_in(days: int) -> str:
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def test_without_a_date_the_route_shows_every_phase_from_the_wish_for_a_child(client, demo):
    response = route_page(client)
    page = response.content.decode()
    assert [item.phase for item in response.context["items"]] == [
        "kinderwens",
        "zwangerschap",
        "geboorte",
        "baby",
        "dreumes",
        "peuter",
    ]
    assert "Je huisarts" in page and "Je verloskundige" in page  # contact points per phase
    assert "foliumzuur" in page  # what usually happens
    assert "agenda.ics" not in page


def test_a_due_date_gives_the_phases_ahead_with_contact_points_and_the_basis_offer(client, demo):
    response = route_page(client, datum=due_in(90))
    items = response.context["items"]
    assert [item.phase for item in items] == ["zwangerschap", "geboorte", "baby", "dreumes", "peuter"]
    baby = items[2]
    assert [point.name for point in baby.contact_points] == [
        "Je jeugdverpleegkundige van het consultatiebureau"
    ]
    assert {offer.level for offer in baby.offers} == {"basis", "informatie"}
    basis = next(offer for offer in baby.offers if offer.level == "basis")
    assert "Consultatiebureau (0 tot 4 jaar)" in [found.name for found in basis.found]
    assert basis.total >= len(basis.found) > 0
    page = response.content.decode()
    assert "agenda.ics" in page and "Nu" in page
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_the_calendar_file_has_one_entry_per_phase_start_ahead_and_parses(client, demo):
    due = due_in(90)
    response = client.get(reverse("finder:route_calendar", args=["voorbeeldregio"]), {"datum": due})
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    starts = [event.decoded("dtstart") for event in events]
    birth = datetime.date.fromisoformat(due)
    assert starts == [
        birth,
        birth + datetime.timedelta(days=42),
        birth.replace(year=birth.year + 1),
        birth.replace(year=birth.year + 2),
    ]
    assert str(events[0]["summary"]) == "Nieuwe fase: Geboorte en de eerste weken"
    assert "kraamverzorgende" in str(events[0]["description"])
    assert len({str(event["uid"]) for event in events}) == 4
    assert due not in response.content.decode()  # the date itself is no part of the file


def test_the_calendar_file_follows_the_language(client, demo):
    response = client.get(
        reverse("finder:route_calendar", args=["voorbeeldregio"]), {"datum": due_in(90), "lang": "ar"}
    )
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert "lang=ar" in str(events[0]["url"])
    assert "الكعب" in str(events[0]["description"])


def test_a_calendar_without_a_date_or_with_one_out_of_range_does_not_exist(client, demo):
    url = reverse("finder:route_calendar", args=["voorbeeldregio"])
    assert client.get(url).status_code == 404
    assert client.get(url, {"datum": due_in(400)}).status_code == 404


def test_a_far_date_is_refused_and_an_older_child_is_told_the_route_lies_behind(client, demo):
    assert "te ver weg" in route_page(client, datum=due_in(400)).content.decode()
    page = route_page(client, datum="2015-06-01").content.decode()
    assert "ligt achter je" in page


def test_the_route_in_arabic(client, demo):
    response = route_page(client, datum=due_in(90), lang="ar")
    page = response.content.decode()
    assert 'lang="ar"' in page and 'dir="rtl"' in page
    assert "فحص وخز الكعب" in page


def steunwijzer(client, **params):
    return client.get(reverse("finder:steunwijzer", args=["voorbeeldregio"]), params)


def test_the_steunwijzer_asks_one_question_at_a_time_and_carries_the_answers(client, demo):
    first = steunwijzer(client).content.decode()
    assert "Vraag 1 van 5" in first and "Wat speelt er?" in first
    assert 'method="get"' in first and 'name="wat"' in first
    second = steunwijzer(client, wat=["geld", "alleen"], stap=2)
    page = second.content.decode()
    assert "Vraag 2 van 5" in page
    assert 'type="hidden" name="wat" value="geld"' in page and 'value="alleen"' in page
    assert not second.cookies


def test_skipping_a_question_drops_its_answer(client, demo):
    response = steunwijzer(client, wat="geld", sinds="lang", overslaan="sinds", stap=3)
    assert 'name="sinds"' not in response.content.decode()


def test_a_heavy_situation_leads_to_the_contact_point_first_and_extra_support(client, demo):
    response = steunwijzer(
        client, wat=["geld", "alleen"], sinds="lang", zwaar="te_zwaar", wie="niemand", fase="baby", stap=6
    )
    page = response.content.decode()
    offers = {offer.level: offer for offer in response.context["offers"]}
    assert list(offers) == ["basis", "informatie", "steuntje", "extra"]
    extra = offers["extra"].found
    assert extra and offers["extra"].fitting
    named = {"financien", "alleenstaand", "sociale_contacten"}
    assert all(named & set(item.service.factors.values_list("code", flat=True)) for item in extra)
    contact = page.index("Je aanspreekpunt")
    assert contact < page.index(str(offers["basis"].label))
    assert "Je jeugdverpleegkundige van het consultatiebureau" in page
    assert not response.cookies


def test_a_light_question_leads_to_basis_and_information_only(client, demo):
    response = steunwijzer(client, wat="ontwikkeling", zwaar="licht", wie="veel", fase="dreumes", stap=6)
    offers = {offer.level: offer for offer in response.context["offers"]}
    assert list(offers) == ["basis", "informatie"]
    basis = [item.name for item in offers["basis"].found]
    assert basis and all(
        item.service.phases.filter(code="dreumes").exists() for item in offers["basis"].found
    )
    page = response.content.decode()
    assert page.index(str(offers["basis"].label)) < page.index("Je aanspreekpunt")


def test_not_safe_at_home_shows_the_emergency_numbers(client, demo):
    page = steunwijzer(client, wat="onveilig", stap=6).content.decode()
    assert "0800-2000" in page and "Veilig Thuis" in page


def test_the_steunwijzer_in_arabic(client, demo):
    page = steunwijzer(client, lang="ar").content.decode()
    assert "ما الذي يحدث؟" in page and 'dir="rtl"' in page


def test_pages_in_another_language_say_which_texts_are_only_in_dutch(client, demo):
    route = route_page(client, datum=due_in(90), lang="ar")
    outcome = steunwijzer(client, wat="geld", stap=6, lang="ar")
    for response in (route, outcome):
        assert response.context["untranslated"]
        assert "بعض النصوص باللغة الهولندية فقط" in response.content.decode()
    assert not route_page(client, datum=due_in(90)).context["untranslated"]
