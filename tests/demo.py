"""Loading and removing the demo catalogue in tests: quickly, and leaving nothing behind."""

from django.test import override_settings

from ookbalans.audit import context as audit
from ookbalans.audit.models import Entry
from ookbalans.catalogue import reference
from ookbalans.catalogue.demo import LoadReport, load_demo, remove_demo
from ookbalans.catalogue.models import Language, Municipality, NationalIntervention, PostcodeArea
from ookbalans.framework.models import ContactPrinciple, Edition, Statement
from ookbalans.framework.reference import load_edition
from ookbalans.search.engine import forget_vocabulary
from ookbalans.search.models import SearchWord
from ookbalans.search.signals import deferred_indexing

FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_indexed_demo() -> LoadReport:
    """The demo catalogue, indexed once at the end instead of after every save: the same index, faster.

    Without its ~450 audit entries (tests/audit writes its own), which would cost each module a second.
    """
    # Also outside a test (a module's shared demo): the demo account's password as the tests hash it.
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS), deferred_indexing(), audit.quiet():
        return load_demo()


def remove_indexed_demo() -> None:
    """Remove the demo with its account, search vocabulary and audit trail: nothing leaks into later tests."""
    remove_demo()
    SearchWord.objects.all().delete()
    Entry.objects.all().delete()
    forget_vocabulary()


def restore_reference_data() -> None:
    """Put back the reference data the migrations loaded, where a transactional test's flush emptied it."""
    if not Municipality.objects.exists():
        reference.load_municipalities(Municipality)
        reference.load_postcode_areas(PostcodeArea)
        reference.load_languages(Language)
        reference.load_interventions(NationalIntervention)
    if not Edition.objects.filter(code="1").exists():
        load_edition(Edition, Statement, ContactPrinciple, "building_blocks_edition1.json")
