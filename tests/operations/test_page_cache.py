"""The public page cache: anonymous visitors get kept pages until their coalition's catalogue changes."""

import pytest
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone

from ookbalans.catalogue.changes import writing_in_bulk
from ookbalans.catalogue.models import ContactPoint, CostOption, Language, Service
from ookbalans.operations import pagecache
from ookbalans.search.models import UnmetSearch
from tests.factories import ContactPointFactory, ServiceFactory, UserFactory, term

pytestmark = pytest.mark.django_db


def service_page(client, service, **params):
    return client.get(reverse("finder:service", args=[service.coalition.slug, service.pk]), params)


def start_page(client, coalition):
    return client.get(reverse("finder:start", args=[coalition.slug]))


def test_a_second_visit_gets_the_kept_page_and_a_change_of_the_service_a_new_one(client):
    service = ServiceFactory(name_nl="Babymassage De Linde")
    first, second = service_page(client, service), service_page(client, service)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content and "Babymassage De Linde" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"] and "Cookie" in second["Vary"]

    service.name_nl = "Babymassage Het Anker"
    service.save()
    third = service_page(client, service)
    assert third["X-Cache"] == "miss" and "Babymassage Het Anker" in third.content.decode()


def test_every_part_of_a_service_and_shared_reference_data_give_a_new_version(client):
    service = ServiceFactory()
    version = pagecache.catalogue_version(service.coalition.slug)

    def changed() -> bool:
        nonlocal version
        new = pagecache.catalogue_version(service.coalition.slug)
        moved, version = new != version, new
        return moved

    CostOption.objects.create(service=service, kind=CostOption._meta.get_field("kind").choices[0][0])
    assert changed()  # a part of a service: through the service's coalition
    service.phases.add(term("phase", "zwangerschap"))
    assert changed()  # a label
    service.languages.add(Language.objects.first())
    assert changed()  # a language
    phase = term("phase", "baby")
    phase.save()
    assert changed()  # the framework every coalition shares
    CostOption.objects.filter(service=service).delete()
    assert changed()  # a part deleted
    assert not changed()  # nothing written, nothing new


def test_a_change_in_one_coalition_keeps_the_other_coalitions_pages(client):
    here, elsewhere = ServiceFactory(), ServiceFactory()
    service_page(client, here), service_page(client, elsewhere)
    here.name_nl = "Anders"
    here.save()
    assert service_page(client, here)["X-Cache"] == "miss"
    assert service_page(client, elsewhere)["X-Cache"] == "hit"


def test_an_import_written_in_bulk_without_signals_gives_one_new_version_at_its_end(client):
    point = ContactPointFactory(name="Consultatiebureau De Linde")
    assert "De Linde" in start_page(client, point.coalition).content.decode()
    assert start_page(client, point.coalition)["X-Cache"] == "hit"
    with writing_in_bulk(Service, point.coalition.pk):  # as interchange/writing.py writes an import
        ContactPoint.objects.filter(pk=point.pk).update(name="JGZ De Berkel", modified_at=timezone.now())
        assert start_page(client, point.coalition)["X-Cache"] == "hit"  # not yet: the import is not done
    page = start_page(client, point.coalition)
    assert page["X-Cache"] == "miss" and "JGZ De Berkel" in page.content.decode()


def test_a_signed_in_user_never_gets_or_leaves_a_kept_page(client):
    service = ServiceFactory()
    anonymous = service_page(client, service)
    assert anonymous["X-Cache"] == "miss"
    client.force_login(UserFactory(is_superuser=True))
    for _ in range(2):
        signed_in = service_page(client, service)
        assert "X-Cache" not in signed_in
        assert 'href="/analyse/"' in signed_in.content.decode()  # their own menu, not the kept page
    client.logout()
    again = service_page(client, service)
    assert again["X-Cache"] == "hit" and 'href="/analyse/"' not in again.content.decode()


def test_every_search_without_results_is_counted_also_when_its_page_is_kept(client):
    service = ServiceFactory(name_nl="Babymassage")
    url = reverse("finder:results", args=[service.coalition.slug])
    answers = [client.get(url, {"q": "tweelingcursus"}) for _ in range(3)]
    assert [answer["X-Cache"] for answer in answers] == ["miss", "hit", "hit"]
    assert answers[2].content == answers[0].content
    assert UnmetSearch.objects.get().count == 3  # the demand signal as without the cache
    client.get(url, {"q": "babymassage"}), client.get(url, {"q": "babymassage"})
    assert UnmetSearch.objects.get().count == 3  # a search that finds something counts nothing
    filtered = {"q": "tweelingcursus", "fase": "baby"}  # with a filter: both searches find nothing
    assert [client.get(url, filtered)["X-Cache"] for _ in range(2)] == ["miss", "hit"]
    assert UnmetSearch.objects.get().count == 5


def test_each_language_and_each_query_string_is_a_page_of_its_own(client):
    service = ServiceFactory()
    dutch = service_page(client, service)
    english = service_page(client, service, lang="en")
    assert english["X-Cache"] == "miss" and english["Content-Language"] == "en"
    assert dutch.content != english.content
    assert service_page(client, service, lang="en")["X-Cache"] == "hit"
    assert service_page(client, service, postcode="7201")["X-Cache"] == "miss"


def test_the_hsds_api_is_kept_too_and_follows_the_catalogue(client):
    service = ServiceFactory(name_nl="Voorleesuur")
    url = reverse("api:hsds-services", kwargs={"slug": service.coalition.slug})
    assert [client.get(url)["X-Cache"] for _ in range(2)] == ["miss", "hit"]
    service.name_nl = "Voorleesuur in de bibliotheek"
    service.save()
    response = client.get(url)
    assert response["X-Cache"] == "miss" and "Voorleesuur in de bibliotheek" in response.content.decode()


def test_the_setting_turns_the_cache_off(client, settings):
    settings.OOKBALANS_PAGE_CACHE_SECONDS = 0
    service = ServiceFactory()
    assert ["X-Cache" in service_page(client, service) for _ in range(2)] == [False, False]


def nonce_of(request) -> str:
    """The CSP nonce of the request, made as when a template asks for it (django-csp)."""
    CSPMiddleware(lambda request: None).process_request(request)
    return str(request.csp_nonce)


def test_pages_with_a_cookie_a_csrf_token_or_private_state_are_not_kept(rf):
    def response_of(prepare) -> bool:
        request = rf.get("/")
        response = HttpResponse("page")
        prepare(request, response)
        return pagecache.may_keep(request, response)

    assert response_of(lambda request, response: None)
    assert not response_of(lambda request, response: get_token(request))
    assert not response_of(lambda request, response: nonce_of(request))
    assert not response_of(lambda request, response: response.set_cookie("taste", "sweet"))
    assert not response_of(lambda request, response: response.__setitem__("Cache-Control", "private"))
    assert not response_of(lambda request, response: setattr(response, "status_code", 404))
    assert not pagecache.may_use(rf.get("/", headers={"Cookie": "sessionid=abc"}))
    assert not pagecache.may_use(rf.get("/", headers={"Cookie": "messages=abc"}))
    assert not pagecache.may_use(rf.post("/"))
    assert pagecache.may_use(rf.get("/", headers={"Cookie": "csrftoken=abc"}))


def test_a_restore_gives_every_coalition_a_new_version():
    service = ServiceFactory()
    before = pagecache.catalogue_version(service.coalition.slug)
    with pagecache.every_coalition_afterwards():
        service.name_nl = "Tijdens het terugzetten"
        service.save()
        assert pagecache.catalogue_version(service.coalition.slug) == before
    assert pagecache.catalogue_version(service.coalition.slug) != before


def test_a_kept_page_costs_one_query(client, django_assert_num_queries):
    service = ServiceFactory()
    service_page(client, service)
    with django_assert_num_queries(1):  # the coalition's catalogue version
        assert service_page(client, service)["X-Cache"] == "hit"


def test_a_search_that_may_name_a_person_or_holds_a_number_is_never_kept(client):
    # The cache keeps a page with its search text: only texts the demand signal could keep whole.
    service = ServiceFactory(name_nl="Babymassage")
    url = reverse("finder:results", args=[service.coalition.slug])
    for personal in ("hulp voor Sanne", "fatima de vries", "babymassage 0612345678"):
        answers = [client.get(url, {"q": personal}) for _ in range(2)]
        assert ["X-Cache" in answer for answer in answers] == [False, False], personal
        # A service page gets the search for its 'back' link: the same rule.
        assert "X-Cache" not in service_page(client, service, q=personal)
        api = reverse("api:hsds-services", kwargs={"slug": service.coalition.slug})
        assert "X-Cache" not in client.get(api, {"search": personal})
    assert [client.get(url, {"q": "babymassage"})["X-Cache"] for _ in range(2)] == ["miss", "hit"]


def test_a_kept_page_has_the_same_headers_as_the_page_made(client):
    # The cache answers before the middleware that adds CSP, frame options and the language: the kept
    # page carries what they gave it, and Django's security headers are added to every answer.
    service = ServiceFactory()
    made, kept = service_page(client, service, lang="en"), service_page(client, service, lang="en")
    assert (made["X-Cache"], kept["X-Cache"]) == ("miss", "hit")
    for header in made.headers:
        if header != "X-Cache":
            assert kept[header] == made[header], header
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert kept[header], header
    assert kept["Content-Language"] == "en" and 'lang="en"' in kept.content.decode()


def test_an_api_page_asked_from_another_site_is_kept_apart_with_its_cors_header(client):
    service = ServiceFactory()
    api = reverse("api:hsds-services", kwargs={"slug": service.coalition.slug})
    other_site = {"Origin": "https://gemeente.example.nl"}
    assert [client.get(api)["X-Cache"] for _ in range(2)] == ["miss", "hit"]
    assert "Access-Control-Allow-Origin" not in client.get(api)
    answers = [client.get(api, headers=other_site) for _ in range(2)]
    assert [answer["X-Cache"] for answer in answers] == ["miss", "hit"]
    assert [answer["Access-Control-Allow-Origin"] for answer in answers] == ["*", "*"]
    assert "Access-Control-Allow-Origin" not in client.get(api)


def test_static_files_and_pages_that_are_not_public_take_no_part(client):
    assert "X-Cache" not in client.get("/gezond/")
    assert "X-Cache" not in client.get("/bestaat-niet/echt-niet/")
