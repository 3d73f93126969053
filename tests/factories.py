"""factory-boy factories for the catalogue, building small hand-made coalitions for tests."""

import factory
from django.contrib.auth import get_user_model

from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    Location,
    Membership,
    Organisation,
    Service,
)
from ookbalans.framework.models import Term


def term(taxonomy: str, code: str) -> Term:
    return Term.objects.get(taxonomy=taxonomy, code=code)


class CoalitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coalition

    name = factory.Sequence(lambda n: f"Kansrijke Start Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "secret-password-1")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    coalition = factory.SubFactory(CoalitionFactory)
    role = Membership.Role.EDITOR


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    coalition = factory.SubFactory(CoalitionFactory)
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    domain = "sociaal"


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    coalition = factory.SubFactory(CoalitionFactory)
    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    address_1 = "Kerkstraat"
    house_number = "1"
    postal_code = "7201 AB"
    city = "Zutphen"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    coalition = factory.SubFactory(CoalitionFactory)
    organization = factory.SubFactory(OrganisationFactory, coalition=factory.SelfAttribute("..coalition"))
    name_nl = factory.Sequence(lambda n: f"Dienst {n}")
    short_description_nl = "Je kunt hier terecht met vragen over je baby."

    @factory.post_generation
    def levels(obj, create, extracted, **kwargs):
        if create:
            obj.pyramid_levels.set([term("pyramid_level", code) for code in (extracted or ["basis"])])
            obj.phases.set([term("phase", "baby")])
            obj.aims.set([term("aim", "competent_ouderschap")])
            obj.target_groups.set([term("target_group", "ouders")])


class ContactPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPoint

    coalition = factory.SubFactory(CoalitionFactory)
    phase = factory.LazyFunction(lambda: term("phase", "baby"))
    name = "Het consultatiebureau"
    description = "Je vragen over je baby."
    phone = "0575 512 345"
