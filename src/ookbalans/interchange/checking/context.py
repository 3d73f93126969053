"""What the checks of one import share: the coalition, the problems found, reference data and the plans."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ookbalans.catalogue.models import Coalition, Language, NationalIntervention
from ookbalans.framework.models import Term
from ookbalans.interchange.problems import Problems, Where


class CheckContext:
    """The state of one import's checks.

    A plan is what the writing step saves for one object: where it came from (`where`), the HSDS
    object (`hsds`) and the catalogue's field values (`fields`), by object id per kind of object.
    """

    def __init__(
        self, coalition: Coalition, *, strict: bool = False, progress=None, problems: Problems | None = None
    ) -> None:
        self.coalition = coalition
        # Strict (Excel): a value ookbalans cannot hold is an error. Lenient (HSDS files): it is kept
        # verbatim for the next export and reported as a warning.
        self.strict = strict
        self.progress = progress
        self.problems = problems if problems is not None else Problems()
        self.terms = {(t.taxonomy, t.code): t for t in Term.objects.all()}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.interventions = {i.name: i for i in NationalIntervention.objects.all()}
        self.municipality_codes = set(coalition.municipalities.values_list("code", flat=True))
        # Whether a four-digit postcode area exists, by area, as far as the file asked.
        self.postcode_areas: dict[str, bool] = {}
        self.organisations: dict[str, dict] = {}
        self.locations: dict[str, dict] = {}
        self.services: dict[str, dict] = {}
        self.contacts: dict[str, dict] = {}
        # The objects of the file as they were, by (HSDS kind, id): what an export must give back.
        self.originals: dict[tuple[str, str], dict] = {}
        # Per kind of object, the ids of the file that exist already in this coalition.
        self.own: dict[str, set[str]] = {}

    def flag(self, where: Where, name: str, value, expected: str) -> None:
        """A value ookbalans cannot hold: an error in strict mode, else kept and warned about."""
        if self.strict:
            self.problems.error(where, name, value, expected)
        else:
            self.problems.warning(
                where, name, value, expected + " " + _("The value is kept for the next export.")
            )

    def plans_of(self, kind: str) -> dict[str, dict]:
        """The plans of an HSDS kind of object (organization, location, service, contact)."""
        return {
            "organization": self.organisations,
            "location": self.locations,
            "service": self.services,
            "contact": self.contacts,
        }[kind]
