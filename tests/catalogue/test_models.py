"""Model rules a coordinator meets: locations placed by postcode, consistent services, costs, readability."""

import pytest
from django.core.exceptions import ValidationError

from ookbalans.catalogue.models import CostOption, NationalIntervention, Schedule, ServiceAtLocation
from ookbalans.catalogue.readability import readability
from tests.factories import CoalitionFactory, LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_location_takes_centroid_and_municipality_from_its_postcode():
    location = LocationFactory(postal_code="7241 AB", city="Lochem")
    location.refresh_from_db()
    assert (location.latitude, location.longitude) == (52.16009, 6.41322)
    assert location.municipality.name == "Lochem"


def test_location_keeps_given_coordinates():
    location = LocationFactory(postal_code="7241 AB", latitude=52.1, longitude=6.4)
    location.refresh_from_db()
    assert (location.latitude, location.longitude) == (52.1, 6.4)


def test_location_with_unknown_postcode_area_is_refused():
    location = LocationFactory.build(coalition=CoalitionFactory(), postal_code="1009 ZZ")
    with pytest.raises(ValidationError) as error:
        location.full_clean()
    assert "1009" in str(error.value.message_dict["postal_code"])


def test_location_postcode_is_normalised_on_clean():
    location = LocationFactory.build(coalition=CoalitionFactory(), postal_code="7201ab")
    location.full_clean()
    assert location.postal_code == "7201 AB"


def test_service_needs_an_organisation_of_its_own_coalition():
    service = ServiceFactory()
    service.organization = OrganisationFactory()  # another coalition
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "organization" in error.value.message_dict


def test_short_description_is_required_and_at_most_300_characters():
    service = ServiceFactory()
    service.short_description_nl = ""
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "short_description_nl" in error.value.message_dict
    service.short_description_nl = "a" * 301
    with pytest.raises(ValidationError):
        service.full_clean()
    service.short_description_nl = "a" * 300
    service.full_clean()


def test_culture_sensitive_needs_an_explanation():
    service = ServiceFactory()
    service.culture_sensitive = True
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "culture_sensitive_explanation" in error.value.message_dict
    service.culture_sensitive_explanation = "Met een sleutelpersoon uit de eigen gemeenschap."
    service.full_clean()


def test_evidence_is_inherited_from_the_national_intervention_never_guessed():
    service = ServiceFactory()
    assert service.recognition_level == "niet_beoordeeld"
    service.national_intervention = NationalIntervention.objects.get(name="VoorZorg")
    assert service.recognition_level == "effectief_goede"
    service.national_intervention = NationalIntervention.objects.get(
        name="CenteringZwangerschap (CenteringPregnancy)"
    )
    assert service.recognition_level == ""  # no source states a level: unknown


def test_cost_amount_goes_with_the_kind_amount():
    service = ServiceFactory()
    with pytest.raises(ValidationError):
        CostOption(service=service, kind="amount").full_clean()
    with pytest.raises(ValidationError):
        CostOption(service=service, kind="free", amount=5).full_clean()
    CostOption(service=service, kind="amount", amount=25).full_clean()


def test_service_and_location_must_share_a_coalition():
    service = ServiceFactory()
    elsewhere = LocationFactory()
    with pytest.raises(ValidationError):
        ServiceAtLocation(service=service, location=elsewhere).full_clean()


def test_schedule_closes_after_it_opens():
    at = ServiceAtLocation.objects.create(
        service=(s := ServiceFactory()), location=LocationFactory(coalition=s.coalition)
    )
    with pytest.raises(ValidationError):
        Schedule(service_at_location=at, weekday=2, opens_at="12:00", closes_at="09:00").full_clean()
    Schedule(service_at_location=at, weekday=2, opens_at="09:00", closes_at="12:00").full_clean()


def test_readability_tells_plain_from_hard_dutch():
    plain = readability(
        "Kom langs bij het consultatiebureau. Je kind wordt gewogen en gemeten. Stel je vragen."
    )
    hard = readability(
        "Multidisciplinaire ondersteuning ten behoeve van ouders met meervoudige psychosociale problematiek, "
        "gericht op het versterken van opvoedingsvaardigheden binnen het gezinssysteem."
    )
    assert not plain.harder_than_b1
    assert hard.harder_than_b1
    assert "opvoedingsvaardigheden" in hard.long_words
    assert not readability("").harder_than_b1


def test_one_coalition_wide_contact_point_per_phase():
    from tests.factories import ContactPointFactory

    first = ContactPointFactory()
    second = ContactPointFactory.build(coalition=first.coalition, phase=first.phase)
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "al een aanspreekpunt voor deze fase" in str(error.value)


def test_contact_points_per_municipality_of_the_coalition():
    from ookbalans.catalogue.models import Municipality
    from tests.factories import ContactPointFactory

    coalition = CoalitionFactory()
    coalition.municipalities.set(["GM0301", "GM0262"])
    zutphen = ContactPointFactory(coalition=coalition, municipality_id="GM0301")
    lochem = ContactPointFactory.build(coalition=coalition, phase=zutphen.phase, municipality_id="GM0262")
    lochem.full_clean()
    lochem.save()
    again = ContactPointFactory.build(coalition=coalition, phase=zutphen.phase, municipality_id="GM0262")
    with pytest.raises(ValidationError):
        again.full_clean()
    elsewhere = ContactPointFactory.build(
        coalition=coalition, phase=zutphen.phase, municipality=Municipality.objects.get(name="Deventer")
    )
    with pytest.raises(ValidationError) as error:
        elsewhere.full_clean()
    assert "municipality" in error.value.message_dict


def test_contact_point_needs_a_way_to_reach_it():
    from tests.factories import ContactPointFactory

    contact = ContactPointFactory.build(coalition=CoalitionFactory(), phone="", how_to_reach="")
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "how_to_reach" in error.value.message_dict


@pytest.mark.parametrize(
    "model_name",
    [
        "Coalition",
        "Membership",
        "Organisation",
        "Service",
        "CostOption",
        "Location",
        "ServiceAtLocation",
        "Schedule",
        "ContactPoint",
    ],
)
def test_every_field_a_coordinator_fills_in_explains_itself(model_name):
    from django.apps import apps

    model = apps.get_model("catalogue", model_name)
    for field in model._meta.get_fields():
        if field.auto_created or not getattr(field, "editable", False) or field.name == "id":
            continue
        if field.name.startswith(("name_", "short_description_")):
            continue  # the translations share the help text of their field
        assert field.verbose_name, f"{model_name}.{field.name}"
        assert field.help_text, f"{model_name}.{field.name} has no help text"


def test_an_organisation_with_services_cannot_be_deleted_but_its_coalition_can():
    from django.db.models import RestrictedError

    from ookbalans.catalogue.models import Coalition, Organisation, Service

    service = ServiceFactory()
    ServiceAtLocation.objects.create(service=service, location=LocationFactory(coalition=service.coalition))
    with pytest.raises(RestrictedError):
        service.organization.delete()
    with pytest.raises(RestrictedError):
        service.service_at_locations.get().location.delete()
    service.coalition.delete()
    assert not Coalition.objects.exists()
    assert not Organisation.objects.exists()
    assert not Service.objects.exists()
