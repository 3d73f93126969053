"""The catalogue's models: a coalition's local offering, in the framework's terms and HSDS field names."""

from ookbalans.catalogue.models.coalitions import Coalition, CoalitionOwned, Membership
from ookbalans.catalogue.models.contact_points import ContactPoint
from ookbalans.catalogue.models.locations import Location, Schedule, ServiceAtLocation
from ookbalans.catalogue.models.organisations import Organisation
from ookbalans.catalogue.models.proposals import Proposal
from ookbalans.catalogue.models.reference_data import (
    Language,
    Municipality,
    NationalIntervention,
    PostcodeArea,
)
from ookbalans.catalogue.models.services import SHORT_DESCRIPTION_MAX_LENGTH, CostOption, Service, terms_of

__all__ = [
    "SHORT_DESCRIPTION_MAX_LENGTH",
    "Coalition",
    "CoalitionOwned",
    "ContactPoint",
    "CostOption",
    "Language",
    "Location",
    "Membership",
    "Municipality",
    "NationalIntervention",
    "Organisation",
    "PostcodeArea",
    "Proposal",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "terms_of",
]
