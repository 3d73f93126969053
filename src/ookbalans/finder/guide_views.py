"""The finder's guides: the 1000-days route (page and calendar file) and the steunwijzer; nothing kept."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ookbalans.finder import labels
from ookbalans.finder import route as route_content
from ookbalans.finder import steunwijzer as steunwijzer_content
from ookbalans.finder.views import coalition_or_404, contact_context, language_query
from ookbalans.framework import route, steunwijzer
from ookbalans.framework.steunwijzer import in_language

# Neither the date nor the answers may be kept by a browser's or a proxy's cache.
NOT_STORED = "private, no-store"


class RouteForm(forms.Form):
    """A due date or birth date; it only places the phases on the calendar and is then forgotten."""

    datum = forms.DateField(
        label=_("When is your baby due, or when was your child born?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("We only use the date to choose the right phase. We do not keep it."),
    )


def route_for_request(request, today: datetime.date):
    """The form, the date (or None) and the route's steps (None when the date is out of range)."""
    form = RouteForm(request.GET if "datum" in request.GET else None)
    date = form.cleaned_data.get("datum") if form.is_bound and form.is_valid() else None
    steps = route.route(date, today)
    if steps is None:
        form.add_error("datum", _("This date is too far ahead for a pregnancy. Check the date."))
    return form, date, steps


def phase_url(request, coalition, phase: str) -> str:
    query = urlencode({"fase": phase, **language_query()})
    return request.build_absolute_uri(reverse("finder:results", args=[coalition.slug]) + "?" + query)


def route_page(request, coalition: str):
    coalition = coalition_or_404(coalition)
    today = datetime.date.today()
    form, date, steps = route_for_request(request, today)
    items = route_content.route_steps(coalition, steps or [], get_language())
    response = render(
        request,
        "finder/route.html",
        {
            "coalition": coalition,
            "form": form,
            "date": date,
            "items": items,
            "behind": steps == [],
            "untranslated": any(
                not found.is_translated for item in items for offer in item.offers for found in offer.found
            ),
            "lang": language_query(),
            "calendar_query": urlencode({"datum": date.isoformat(), **language_query()}) if date else "",
            "calendar_entries": sum(
                1 for item in items if item.step.starts_on and item.step.starts_on >= today
            ),
        },
    )
    response["Cache-Control"] = NOT_STORED
    return response


def route_calendar(request, coalition: str):
    """The route's phase starts as an .ics file; only with a date that gives a route."""
    coalition = coalition_or_404(coalition)
    today = datetime.date.today()
    _form, date, steps = route_for_request(request, today)
    if date is None or not steps:
        raise Http404
    items = route_content.route_steps(coalition, steps, get_language())
    content = route_content.calendar_file(
        coalition, items, today, lambda phase: phase_url(request, coalition, phase)
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="1000-dagen.ics"'
    response["Cache-Control"] = NOT_STORED
    return response


def given_answers(request) -> dict[str, list[str]]:
    given = {question.code: request.GET.getlist(question.code) for question in steunwijzer.questions()}
    skipped = request.GET.get("overslaan")
    if skipped:
        given.pop(skipped, None)
    return steunwijzer.known_answers(given, set(labels.PHASES))


def answers_query(answers: dict[str, list[str]], **extra) -> str:
    pairs = [(code, value) for code, values in answers.items() for value in values]
    return urlencode(pairs + list(language_query().items()) + list(extra.items()))


def answer_text(question, code: str, language: str) -> str:
    if question.phases:
        return str(labels.PHASES.get(code, ""))
    answer = question.answer(code)
    return in_language(answer.text, language) if answer else ""


def steunwijzer_page(request, coalition: str):
    """One question per page (a GET form carrying the earlier answers), then where they lead."""
    coalition = coalition_or_404(coalition)
    questions = steunwijzer.questions()
    answers = given_answers(request)
    try:
        step = min(max(int(request.GET.get("stap", "1")), 1), len(questions) + 1)
    except ValueError:
        step = 1
    language = get_language()
    context = {"coalition": coalition, "lang": language_query(), "total": len(questions)}
    if step > len(questions):
        response = steunwijzer_outcome(request, coalition, answers, context, language)
    else:
        question = questions[step - 1]
        chosen = answers.get(question.code, [])
        if question.phases:
            options = [(code, str(label)) for code, label in labels.PHASES.items()]
        else:
            options = [(answer.code, in_language(answer.text, language)) for answer in question.answers]
        context.update(
            step=step,
            question=question,
            question_text=in_language(question.text, language),
            hint=in_language(question.hint, language),
            options=[(code, text, code in chosen) for code, text in options],
            carried=[
                (code, value) for code, values in answers.items() if code != question.code for value in values
            ],
            next_step=step + 1,
            back_query=answers_query(answers, stap=step - 1) if step > 1 else "",
        )
        response = render(request, "finder/steunwijzer.html", context)
    response["Cache-Control"] = NOT_STORED
    return response


def steunwijzer_outcome(request, coalition, answers, context, language):
    outcome = steunwijzer.outcome(answers)
    summary = [
        (
            in_language(question.text, language),
            [answer_text(question, code, language) for code in answers[question.code]],
        )
        for question in steunwijzer.questions()
        if question.code in answers
    ]
    more = {"fase": outcome.phase} if outcome.phase else {}
    offers = steunwijzer_content.offers_for(coalition, outcome)
    context.update(
        outcome=outcome,
        route_text=in_language(outcome.route.text, language),
        notices=[in_language(notice, language) for notice in outcome.notices],
        summary=summary,
        offers=offers,
        untranslated=any(not item.is_translated for offer in offers for item in offer.found),
        change_query=answers_query(answers, stap=1),
        detail_query=urlencode({**more, **language_query()}),
        more_query=urlencode({**more, **language_query()}),
        **contact_context(coalition, outcome.phase, None),
    )
    return render(request, "finder/steunwijzer_outcome.html", context)
