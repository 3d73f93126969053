"""The vision builder: one text box per choice, no internal references, an action form a link prefills."""

import re

import pytest
from django.urls import reverse

from ookbalans.analysis.running import run_analysis
from tests.factories import ServiceFactory
from tests.vision.helpers import add_goal_with_action, coalition_with_members, make_vision, statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    coalition, members = coalition_with_members()
    vision = make_vision(coalition)
    client.force_login(members["editor"])
    return vision


def test_each_building_block_has_one_choice_and_its_text_boxes_follow_it(client, editor):
    url = reverse("vision:section", args=[editor.coalition.slug, editor.version, "ouderschap"])
    page = client.get(url).content.decode()
    block = statement(number=1)
    assert block.code not in page  # "1/ouderschap/1" is for the software, not for the coalition
    assert re.search(r'class="code"', page) is None
    section = page[page.index(f'id="statement-{block.id}"') :]
    section = section[: section.index("</section>")]
    assert section.count(f'name="choice_{block.id}"') == 4  # not decided, adopt, adapt, leave out
    assert '<div class="reveal reveal-adapt">' in section and f'name="wording_{block.id}"' in section
    assert '<div class="reveal reveal-leave-out">' in section and f'name="reason_{block.id}"' in section
    assert (
        section.index("reveal-adapt")
        < section.index(f'name="wording_{block.id}"')
        < section.index("reveal-leave-out")
    )


def test_the_stylesheet_hides_a_text_box_until_its_choice_is_made():
    from django.contrib.staticfiles import finders

    with open(finders.find("vision/vision.css"), encoding="utf-8") as file:
        css = file.read()
    assert ".statement .reveal { display: none; }" in css
    assert '.statement:has(input[value="adapt"]:checked) .reveal-adapt' in css
    assert '.statement:has(input[value="leave_out"]:checked) .reveal-leave-out' in css


def test_the_action_form_takes_title_description_and_finding_from_the_link(client, editor):
    add_goal_with_action(editor)
    ServiceFactory(coalition=editor.coalition)  # the analysis finds gaps in a thin catalogue
    finding = run_analysis(editor.coalition).findings[0]
    url = reverse("vision:action_create", args=[editor.coalition.slug, editor.version])
    response = client.get(
        url, {"title": "Meer aanbod voor vaders", "description": "Uit de analyse.", "finding": finding.key}
    )
    form = response.context["form"]
    assert form["title"].value() == "Meer aanbod voor vaders"
    assert form["description"].value() == "Uit de analyse."
    assert form["gap_findings"].value() == [finding.key]
    page = response.content.decode()
    assert 'value="Meer aanbod voor vaders"' in page
    assert re.search(rf'value="{re.escape(finding.key)}"[^>]*checked', page)


def test_a_change_form_ignores_suggested_values(client, editor):
    _, action = add_goal_with_action(editor)
    url = reverse("vision:action_edit", args=[editor.coalition.slug, editor.version, action.pk])
    form = client.get(url, {"title": "Iets anders"}).context["form"]
    assert form["title"].value() == "Papa Café starten"
