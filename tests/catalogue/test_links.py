"""Links: only http, https, mailto and tel are taken in or linked to; never javascript:, data: and such."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ookbalans.catalogue.models import Membership, Organisation
from ookbalans.catalogue.validators import (
    LINK_SCHEMES,
    is_refused_link,
    link_scheme,
    safe_link,
    validate_link,
    validate_web_address,
)
from tests.factories import MembershipFactory, OrganisationFactory, ServiceFactory

DANGEROUS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "  javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("address", DANGEROUS)
def test_dangerous_links_are_refused_with_what_to_do(address):
    assert is_refused_link(address) and safe_link(address) == ""
    for validate in (validate_link, validate_web_address):
        with pytest.raises(ValidationError) as error:
            validate(address)
        assert "http://, https://, mailto: of tel:" in error.value.messages[0]


@pytest.mark.parametrize(
    "address", ["https://www.example.nl", "http://example.nl/pad?x=1", "HTTPS://example.nl"]
)
def test_web_addresses_are_accepted_and_linked(address):
    validate_web_address(address)
    assert safe_link(address) == address


@pytest.mark.parametrize("address", ["mailto:info@example.nl", "tel:+31575512345"])
def test_mail_and_phone_links_are_links_but_not_web_addresses(address):
    validate_link(address)
    assert safe_link(address) == address
    with pytest.raises(ValidationError) as error:
        validate_web_address(address)
    assert "https://www.voorbeeld.nl" in error.value.messages[0]


@pytest.mark.parametrize("address", ["ftp://example.nl/", "www.example.nl", "https://"])
def test_other_addresses_are_not_web_addresses(address):
    with pytest.raises(ValidationError):
        validate_web_address(address)
    if link_scheme(address) is None:
        assert safe_link(address) == ""  # without a scheme it is no link either


@given(st.text(max_size=40))
def test_any_text_is_either_a_link_with_an_allowed_scheme_or_no_link(text):
    linked = safe_link(text)
    assert linked == "" or link_scheme(linked) in LINK_SCHEMES
    if is_refused_link(text):
        assert linked == ""
        with pytest.raises(ValidationError):
            validate_link(text)


@given(
    st.from_regex(r"[A-Za-z][A-Za-z0-9+.-]{0,10}", fullmatch=True).filter(
        lambda scheme: scheme.lower() not in LINK_SCHEMES
    ),
    st.text(max_size=20),
    st.sampled_from(["", " ", "\t", "\x00"]),
)
def test_every_other_scheme_is_refused_however_it_is_dressed(scheme, rest, padding):
    address = f"{padding}{scheme[0]}\t{scheme[1:]}:{rest}" if len(scheme) > 1 else f"{padding}{scheme}:{rest}"
    assert is_refused_link(address)
    assert safe_link(address) == ""


@pytest.mark.django_db
def test_the_admin_refuses_a_javascript_website_in_dutch(client):
    coordinator = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(coordinator.user)
    form = {"coalition": coordinator.coalition.pk, "name": "Buurthuis", "domain": "sociaal"}
    response = client.post(
        reverse("admin:catalogue_organisation_add"), {**form, "website": "javascript:alert(1)"}
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["website"]
    assert errors == [
        "'javascript:alert(1)' is geweigerd: alleen links die beginnen met http://, https://, mailto: of "
        "tel: worden aangenomen. Geef het webadres, zoals https://www.voorbeeld.nl."
    ]
    assert not Organisation.objects.exists()
    response = client.post(
        reverse("admin:catalogue_organisation_add"), {**form, "website": "www.buurthuis.nl"}
    )
    assert response.status_code == 302
    assert Organisation.objects.get().website == "https://www.buurthuis.nl"


@pytest.mark.django_db
def test_the_model_refuses_it_too():
    organisation = OrganisationFactory(website="data:text/html,x")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "website" in error.value.message_dict


@pytest.mark.django_db
def test_the_migration_empties_stored_addresses_that_are_not_web_addresses():
    from django.apps import apps

    migration = importlib.import_module("ookbalans.catalogue.migrations.0007_url_schemes")
    kept = ServiceFactory(url="https://www.example.nl", online_url="http://example.nl/online")
    emptied = ServiceFactory(url="javascript:alert(1)", online_url=" ftp://example.nl")
    organisation = OrganisationFactory(website="vbscript:x")
    migration.empty_other_schemes(apps, None)
    for item in (kept, emptied, organisation):
        item.refresh_from_db()
    assert (kept.url, kept.online_url) == ("https://www.example.nl", "http://example.nl/online")
    assert (emptied.url, emptied.online_url, organisation.website) == ("", "", "")
