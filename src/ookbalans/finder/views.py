"""The finder's pages: a coalition's start page, results, a service, the professionals' view and lists."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language

from ookbalans.catalogue.models import Coalition, ContactPoint
from ookbalans.finder import cards, finding, labels
from ookbalans.finder.forms import FinderForm, ProfessionalForm
from ookbalans.finder.readback import read_date
from ookbalans.middleware import again_on_every_visit
from ookbalans.search.concepts import term_in
from ookbalans.search.engine import record_unmet_search, search

PER_PAGE = 20
FILTER_FIELDS = ("fase", "niveau", "doelgroep", "gratis", "taal", "vaders", "thuis", "online")


def language_query() -> dict:
    """The interface language travels in the URL (no cookie), except the default Dutch."""
    language = get_language()
    return {} if language == "nl" else {"lang": language}


def coalition_or_404(slug: str) -> Coalition:
    """The page's coalition (with its contact points' stamp)."""
    coalition = finding.coalition_for_page(slug)
    if coalition is None:
        raise Http404
    return coalition


def all_contact_points(coalition: Coalition, area) -> list[tuple[str, list[ContactPoint]]]:
    """For a page without a phase: each phase with its contact point, in the framework's order."""
    points = finding.coalition_contact_points(coalition)
    phases = {point.phase.code: point.phase for point in points}  # in the phases' order
    return [
        (labels.PHASES.get(code, phase.label), finding.contact_points(coalition, code, area, points))
        for code, phase in phases.items()
    ]


@dataclass(frozen=True)
class ContactAside:
    """A page's contact point aside (finder/_contact.html, `{% contact_aside %}`): which points it shows
    is worked out only when its HTML is not remembered yet (finder_contact.py)."""

    coalition: Coalition
    phase: str
    area: object = None
    professional: bool = False

    def key(self) -> tuple | None:
        """What decides the points shown: the coalition's points as they are now (their stamp, read with
        the coalition by `finding.coalition_for_page`), the phase, the postcode's municipality and the
        view; None without the stamp."""
        if not hasattr(self.coalition, "contact_points_count"):
            return None
        return (
            self.coalition.pk,
            self.coalition.contact_points_count,
            self.coalition.contact_points_changed,
            self.phase,
            self.area.municipality_id if self.area else None,
            self.professional,
        )

    def context(self) -> dict:
        return contact_context(self.coalition, self.phase, self.area, self.professional)


def contact_context(coalition: Coalition, phase: str, area, professional: bool = False) -> dict:
    if phase:
        phases = labels.PHASES_FOR_PROFESSIONALS if professional else labels.PHASES
        return {
            "contact_points": finding.contact_points(coalition, phase, area),
            "contact_phase": phases.get(phase),
        }
    return {"contact_points_by_phase": all_contact_points(coalition, area)}


def start(request, coalition: str):
    coalition = coalition_or_404(coalition)
    form = FinderForm()
    return render(
        request,
        "finder/start.html",
        {
            "coalition": coalition,
            "form": form,
            "phases": labels.PHASES,
            "lang": language_query(),
            "contact": ContactAside(coalition, "", None),
        },
    )


def results(request, coalition: str, professional: bool = False):
    coalition = coalition_or_404(coalition)
    form_class = ProfessionalForm if professional else FinderForm
    form = form_class(request.GET or None)
    context = {"coalition": coalition, "form": form, "professional": professional, "lang": language_query()}
    ids: list = []
    reasons: dict = {}
    distances: dict = {}
    area = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        area = data.get("postcode")
        services = finding.filtered_services(coalition, data)
        query = data.get("q", "").strip()
        if query:
            as_typed = request.GET.get("letterlijk") == "1"
            outcome = search(query, services, coalition=coalition, load_services=False, correct=not as_typed)
            ids = [pk for pk, _score in outcome.ranked]
            reasons = outcome.reasons
            context.update(analysis=outcome.analysis, partial=outcome.partial)
            if outcome.analysis.corrected:
                # 'Did you mean ...?': the results are for the corrected words; a link searches as typed.
                typed = {key: value for key, value in request.GET.lists() if key != "pagina"}
                context.update(
                    corrected=outcome.analysis.corrected,
                    as_typed_query=urlencode({**typed, "letterlijk": "1"}, doseq=True),
                )
            if not ids and not (
                any(data.get(name) for name in FILTER_FIELDS)
                and search(
                    query, finding.public_services(coalition), coalition=coalition, load_services=False
                ).ranked
            ):
                record_unmet_search(coalition, query)
                context["unmet"] = True
        else:
            # Filtered without words: what the phase's contact point offers and the pyramid's base first.
            points = finding.contact_points(coalition, data["fase"], area) if data.get("fase") else []
            ids = list(finding.by_relevance_to_phase(services, points).values_list("pk", flat=True))
            context["ordered_by_phase"] = bool(data.get("fase"))
        if data.get("datum"):
            context["date_reading"] = read_date(data["datum"], form.today)
            context["phase_label"] = form.phase_labels.get(data.get("fase", ""))
        if area and finding.is_outside(coalition, area):
            context.update(outside=True, other_coalition=finding.nearest_coalition(coalition, area))
        if area:
            distances = finding.distances_to(ids, area)
            ids = finding.by_distance(ids, distances, float(data["afstand"]) if data.get("afstand") else None)
        context.update(searched=True, query=query, area=area, phase=data.get("fase", ""))
        params = {key: value for key, value in request.GET.lists() if key not in ("pagina",)}
        context["page_query"] = urlencode(params, doseq=True)
        # A service page gets the whole search, so its 'back' link returns to these results.
        detail_params = {key: value for key, value in request.GET.lists() if key != "van"}
        if data.get("fase"):
            detail_params["fase"] = [data["fase"]]
        if professional:
            detail_params["van"] = ["professionals"]
        context["detail_query"] = urlencode(detail_params, doseq=True)
    # Only the services on this page: their kept cards, the others loaded with their facts and made.
    page = Paginator(ids, PER_PAGE).get_page(request.GET.get("pagina"))
    page.object_list = cards.cards_for(
        list(page.object_list), coalition, professional, bool(context.get("detail_query")), distances
    )
    language = get_language()
    for card in page.object_list:
        # 'About: ...', what the search matched, in the page's language where the thesaurus has it.
        card.reasons = [term_in(label, language) for label in reasons.get(card.service_id, ())]
    context.update(page=page, untranslated=any(not card.is_translated for card in page.object_list))
    context["contact"] = ContactAside(coalition, context.get("phase", ""), area, professional)
    if professional:
        context["list_phases"] = labels.PHASES_FOR_PROFESSIONALS
    template = "finder/professionals.html" if professional else "finder/results.html"
    response = render(request, template, context)
    if context.get("unmet"):
        # Every search that finds nothing is counted (the demand signal), also when its page is kept.
        again_on_every_visit(response, "ookbalans.finder.views.count_unmet_search", coalition.pk, query)
    return response


def count_unmet_search(coalition_id, query: str) -> None:
    """The demand signal of a results page that the page cache answers (the view counted it when made)."""
    record_unmet_search(Coalition(pk=coalition_id), query)


def professionals(request, coalition: str):
    return results(request, coalition, professional=True)


def service_detail(request, coalition: str, service_id):
    coalition = coalition_or_404(coalition)
    service = finding.with_places(finding.public_services(coalition)).filter(pk=service_id).first()
    if service is None:
        raise Http404
    form = FinderForm(request.GET)
    form.is_valid()
    area = form.cleaned_data.get("postcode") if "postcode" not in form.errors else None
    phase = form.cleaned_data.get("fase") or ""
    if not phase:
        first = service.phases.order_by("position").first()
        phase = first.code if first else ""
    item = finding.Found(service)
    if area:
        item.distance = finding.nearest_distance(service, area)
    # 'Back' returns to the search the parent (or professional) came from.
    search_params = {key: value for key, value in request.GET.lists() if key not in ("lang", "van")}
    back_view = "finder:professionals" if request.GET.get("van") == "professionals" else "finder:results"
    back_query = urlencode({**search_params, **language_query()}, doseq=True)
    back_url = reverse(back_view, args=[coalition.slug]) + (f"?{back_query}" if back_query else "")
    schedules = [
        (sal, [(labels.WEEKDAYS.get(s.weekday, s.get_weekday_display()), s) for s in sal.schedules.all()])
        for sal in service.service_at_locations.all()
    ]
    return render(
        request,
        "finder/service.html",
        {
            "coalition": coalition,
            "item": item,
            "service": service,
            "schedules": schedules,
            "access": labels.ACCESS.get(service.access, service.get_access_display()),
            "frequency": labels.FREQUENCY.get(service.frequency, service.get_frequency_display()),
            "costs": [(labels.COST.get(o.kind, o.get_kind_display()), o) for o in service.cost_options.all()],
            "evidence": labels.EVIDENCE.get(service.recognition_level, labels.EVIDENCE[""]),
            "phase": phase,
            "lang": language_query(),
            "back_url": back_url,
            "back_to_search": bool(search_params),
            "language_names": finding.language_names(service.languages.all()),
            "contact": ContactAside(coalition, phase, area),
        },
    )


def parent_list(request, coalition: str):
    """The professionals' picked services become a short URL: only service codes and a language."""
    coalition = coalition_or_404(coalition)
    codes = [code for code in request.GET.getlist("s") if code.isalnum()]
    if not codes:
        return redirect(
            reverse("finder:professionals", args=[coalition.slug]) + "?" + urlencode(language_query())
        )
    url = reverse("finder:list", args=[coalition.slug, ".".join(codes)])
    language = request.GET.get("lang")
    phase = request.GET.get("fase", "")
    params = {"lang": language} if language and language != "nl" else {}
    if phase in labels.PHASES:
        params["fase"] = phase
    return redirect(url + (f"?{urlencode(params)}" if params else ""))


def parent_list_codes(request, coalition: str, codes: str):
    coalition = coalition_or_404(coalition)
    services = finding.services_by_codes(coalition, codes.split("."))
    if not services:
        raise Http404
    found = [finding.Found(service) for service in services]
    phase = request.GET.get("fase", "")
    for item in found:
        item.schedules = [
            (sal, [(labels.WEEKDAYS.get(s.weekday, s.get_weekday_display()), s) for s in sal.schedules.all()])
            for sal in item.service.service_at_locations.all()
        ]
    # Only the contact point of the parent's phase, when the professional gave it.
    contact = {}
    if phase in labels.PHASES:
        contact = {
            "contact_points": finding.contact_points(coalition, phase, None),
            "contact_phase": labels.PHASES[phase],
        }
    return render(
        request,
        "finder/list.html",
        {
            "coalition": coalition,
            "found": found,
            "untranslated": any(not item.is_translated for item in found),
            "lang": language_query(),
            "share_url": request.build_absolute_uri(),
            "for_list": True,
            **contact,
        },
    )
