"""The vision pages: the whole path for editors, read-only for viewers, invisible to other coalitions."""

import datetime

import pytest
from django.urls import reverse

from ookbalans.vision import workflow
from ookbalans.vision.models import Action, ChangeLogEntry, Goal, OwnStatement, StatementChoice, Vision, Voice
from tests.factories import OrganisationFactory, ServiceFactory
from tests.vision.helpers import add_goal_with_action, coalition_with_members, make_vision, statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    coalition, members = coalition_with_members()
    vision = make_vision(coalition, members["coordinator"])
    goal, action = add_goal_with_action(vision)
    own = OwnStatement.objects.create(vision=vision, section="kind", text="Elk kind leest")
    voice = Voice.objects.create(
        vision=vision,
        section="kind",
        source="parents",
        session_kind="survey",
        held_on=datetime.date(2026, 1, 5),
        said="Meer inloop graag",
    )
    return {
        "coalition": coalition,
        "members": members,
        "vision": vision,
        "goal": goal,
        "action": action,
        "own": own,
        "voice": voice,
    }


def read_urls(s):
    slug, v = s["coalition"].slug, s["vision"].version
    return [
        reverse("vision:coalition", args=[slug]),
        reverse("vision:compare", args=[slug]),
        reverse("vision:overview", args=[slug, v]),
        reverse("vision:details", args=[slug, v]),
        reverse("vision:section", args=[slug, v, "ouderschap"]),
        reverse("vision:goals", args=[slug, v]),
        reverse("vision:goal_create", args=[slug, v]),
        reverse("vision:goal_edit", args=[slug, v, s["goal"].pk]),
        reverse("vision:action_create", args=[slug, v]),
        reverse("vision:action_edit", args=[slug, v, s["action"].pk]),
        reverse("vision:voices", args=[slug, v]),
        reverse("vision:voice_create", args=[slug, v]),
        reverse("vision:voice_edit", args=[slug, v, s["voice"].pk]),
        reverse("vision:status", args=[slug, v]),
        reverse("vision:history", args=[slug, v]),
        reverse("vision:pdf", args=[slug, v]),
        reverse("vision:docx", args=[slug, v]),
    ]


def write_requests(s):
    """Every URL that changes something, with data that would be valid for an editor."""
    slug, v = s["coalition"].slug, s["vision"].version
    first = statement()
    goal_data = {
        "title": "Nieuw doel",
        "aims": [s["goal"].aims.first().pk],
        "indicator": "x",
        "target_value": "1",
        "target_date": "2027-01-01",
    }
    action_data = {
        "goal": s["goal"].pk,
        "title": "Nieuwe actie",
        "organisation": s["action"].organisation_id,
        "deadline": "2027-01-01",
        "status": "planned",
    }
    voice_data = {
        "section": "kind",
        "source": "parents",
        "session_kind": "survey",
        "held_on": "2026-02-02",
        "said": "Anders",
    }
    return [
        (reverse("vision:create", args=[slug]), {"title": "X", "period_start": 2026, "period_end": 2027}),
        (reverse("vision:new_version", args=[slug, v]), {}),
        (
            reverse("vision:details", args=[slug, v]),
            {"title": "Gewijzigd", "period_start": 2026, "period_end": 2027},
        ),
        (
            reverse("vision:section", args=[slug, v, "ouderschap"]),
            {f"choice_{first.id}": "adopt", "explanation": "x"},
        ),
        (reverse("vision:own_add", args=[slug, v, "ouderschap"]), {"text": "Nog een"}),
        (reverse("vision:own_delete", args=[slug, v, s["own"].pk]), {}),
        (reverse("vision:goal_create", args=[slug, v]), goal_data),
        (reverse("vision:goal_edit", args=[slug, v, s["goal"].pk]), goal_data),
        (reverse("vision:goal_delete", args=[slug, v, s["goal"].pk]), {}),
        (reverse("vision:action_create", args=[slug, v]), action_data),
        (reverse("vision:action_edit", args=[slug, v, s["action"].pk]), action_data),
        (reverse("vision:action_delete", args=[slug, v, s["action"].pk]), {}),
        (reverse("vision:voice_create", args=[slug, v]), voice_data),
        (reverse("vision:voice_edit", args=[slug, v, s["voice"].pk]), voice_data),
        (reverse("vision:voice_delete", args=[slug, v, s["voice"].pk]), {}),
        (reverse("vision:status", args=[slug, v]), {"status": "discussion"}),
    ]


def state(vision):
    """Everything a write could touch, to prove that a refused request changed nothing."""
    vision.refresh_from_db()
    return (
        vision.title,
        vision.status,
        Vision.objects.count(),
        ChangeLogEntry.objects.count(),
        StatementChoice.objects.count(),
        OwnStatement.objects.count(),
        list(Goal.objects.values()),
        list(Action.objects.values()),
        list(Voice.objects.values()),
    )


def test_anonymous_visitors_are_sent_to_the_login(client, setup):
    for url in read_urls(setup) + [reverse("vision:index")]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_another_coalitions_user_gets_404_through_every_url(client, setup):
    _other, others = coalition_with_members()
    client.force_login(others["coordinator"])
    before = state(setup["vision"])
    for url in read_urls(setup):
        assert client.get(url).status_code == 404, url
    for url, data in write_requests(setup):
        assert client.post(url, data).status_code == 404, url
    assert state(setup["vision"]) == before
    index = client.get(reverse("vision:index"))
    assert setup["coalition"].name not in index.content.decode()


def test_a_viewer_reads_everything_and_changes_nothing(client, setup):
    client.force_login(setup["members"]["viewer"])
    for url in read_urls(setup):
        assert client.get(url).status_code == 200, url
    before = state(setup["vision"])
    for url, data in write_requests(setup):
        assert client.post(url, data).status_code == 403, url
    assert state(setup["vision"]) == before
    page = client.get(
        reverse("vision:section", args=[setup["coalition"].slug, 1, "ouderschap"])
    ).content.decode()
    assert "<textarea" not in page and "Opslaan" not in page


def test_an_adopted_version_cannot_be_changed_through_any_url(client, setup):
    vision = setup["vision"]
    workflow.change_status(vision, None, Vision.Status.DISCUSSION)
    workflow.change_status(
        vision, None, Vision.Status.ADOPTED, datetime.date(2026, 6, 1), "gemeenteraad Zutphen"
    )
    client.force_login(setup["members"]["coordinator"])
    before = state(vision)
    # Starting a new version is what an adopted vision allows (tested below); creating a first vision
    # redirects, since one exists. Every other write is refused.
    allowed = {
        reverse("vision:create", args=[vision.coalition.slug]),
        reverse("vision:new_version", args=[vision.coalition.slug, 1]),
    }
    for url, data in write_requests(setup):
        if url in allowed:
            continue
        assert client.post(url, data).status_code == 403, url
    assert state(vision) == before
    page = client.get(
        reverse("vision:section", args=[vision.coalition.slug, 1, "ouderschap"])
    ).content.decode()
    assert "<textarea" not in page and "alleen lezen" in page
    response = client.post(reverse("vision:new_version", args=[vision.coalition.slug, 1]))
    assert response.status_code == 302 and response["Location"].endswith("/2/")
    assert Vision.objects.get(coalition=vision.coalition, version=2).status == Vision.Status.CONCEPT


def test_the_editor_creates_a_vision_and_walks_a_section(client):
    coalition, members = coalition_with_members()
    client.force_login(members["editor"])
    url = reverse("vision:create", args=[coalition.slug])
    response = client.post(url, {"title": "", "period_start": 2029, "period_end": 2026})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is vereist." in body and "Het laatste jaar kan niet voor het eerste jaar liggen." in body
    response = client.post(
        url,
        {
            "title": "Samen sterk",
            "period_start": 2026,
            "period_end": 2029,
            "municipalities": [m.pk for m in coalition.municipalities.all()],
        },
    )
    assert response.status_code == 302
    vision = Vision.objects.get(coalition=coalition)
    first, second, third = (statement(number=n) for n in (1, 2, 3))
    section_url = reverse("vision:section", args=[coalition.slug, 1, "ouderschap"])
    response = client.post(
        section_url, {f"choice_{first.id}": "adapt", f"choice_{second.id}": "leave_out", "completed": "on"}
    )
    body = response.content.decode()
    assert "Bouwsteen 1: schrijf de bouwsteen in eigen woorden" in body
    assert "Bouwsteen 2: geef aan waarom" in body
    assert "nog open: 3, 4" in body
    response = client.post(
        section_url,
        {
            f"choice_{first.id}": "adapt",
            f"wording_{first.id}": "In onze woorden",
            f"choice_{second.id}": "leave_out",
            f"reason_{second.id}": "Past niet",
            f"choice_{third.id}": "adopt",
            "explanation": "Hier bij ons",
            "next": "1",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/onderdeel/kind/")
    assert StatementChoice.objects.get(vision=vision, statement=first).wording == "In onze woorden"
    overview = client.get(reverse("vision:overview", args=[coalition.slug, 1])).content.decode()
    assert "3 van 4 bouwstenen besloten" in overview
    history = client.get(reverse("vision:history", args=[coalition.slug, 1])).content.decode()
    assert "Onderdeel “Visie op ouderschap” gewijzigd." in history and members["editor"].username in history


def test_goal_and_action_forms_offer_only_the_own_coalition(client, setup):
    client.force_login(setup["members"]["editor"])
    other, _ = coalition_with_members()
    foreign_service = ServiceFactory(coalition=other, name_nl="Vreemde dienst")
    foreign_organisation = OrganisationFactory(coalition=other, name="Vreemde organisatie")
    slug = setup["coalition"].slug
    page = client.get(reverse("vision:action_create", args=[slug, 1])).content.decode()
    assert "Papa Café" in page and "Vreemde dienst" not in page and "Vreemde organisatie" not in page
    response = client.post(
        reverse("vision:action_create", args=[slug, 1]),
        {
            "goal": setup["goal"].pk,
            "title": "Actie",
            "organisation": foreign_organisation.pk,
            "deadline": "2027-01-01",
            "status": "planned",
            "services": [foreign_service.pk],
        },
    )
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    response = client.post(reverse("vision:goal_create", args=[slug, 1]), {"title": "Doel"})
    body = response.content.decode()
    assert "Kies ten minste één van de vijf doelen." in body


def test_a_voice_with_personal_data_is_refused_in_dutch(client, setup):
    client.force_login(setup["members"]["editor"])
    url = reverse("vision:voice_create", args=[setup["coalition"].slug, 1])
    response = client.post(
        url,
        {
            "section": "kind",
            "source": "parents",
            "session_kind": "conversation",
            "held_on": "2026-03-01",
            "said": "Mail naar ouder@example.nl",
        },
    )
    assert response.status_code == 200
    assert "Deze tekst lijkt persoonsgegevens te bevatten (e-mailadres)" in response.content.decode()
    assert Voice.objects.count() == 1


def test_adopting_asks_for_date_and_body(client, setup):
    client.force_login(setup["members"]["coordinator"])
    url = reverse("vision:status", args=[setup["coalition"].slug, 1])
    assert client.post(url, {"status": "discussion"}).status_code == 302
    response = client.post(url, {"status": "adopted"})
    body = response.content.decode()
    assert "Vul de datum in waarop de visie is vastgesteld." in body
    assert (
        client.post(
            url, {"status": "adopted", "adopted_on": "2026-06-01", "adopted_by": "gemeenteraad Zutphen"}
        ).status_code
        == 302
    )
    assert Vision.objects.get().is_adopted


def test_history_keeps_who_changed_what_from_what_to_what(client, setup):
    editor = setup["members"]["editor"]
    client.force_login(editor)
    goal = setup["goal"]
    url = reverse("vision:goal_edit", args=[setup["coalition"].slug, 1, goal.pk])
    response = client.post(
        url,
        {
            "title": goal.title,
            "aims": [a.pk for a in goal.aims.all()],
            "pyramid_levels": [p.pk for p in goal.pyramid_levels.all()],
            "indicator": goal.indicator,
            "target_value": "75%",
            "target_date": "2028-06-30",
        },
    )
    assert response.status_code == 302
    entry = ChangeLogEntry.objects.filter(vision=setup["vision"]).first()
    assert entry.username == editor.username
    assert entry.summary == "Doel gewijzigd: “Meer vaders bereikt”."
    assert entry.details.splitlines() == ["Streefwaarde: 60% → 75%", "Streefdatum: 31-12-2027 → 30-06-2028"]
    page = client.get(reverse("vision:history", args=[setup["coalition"].slug, 1])).content.decode()
    assert "Streefwaarde: 60% → 75%" in page


def test_compare_page_shows_what_changed(client, setup):
    vision = setup["vision"]
    workflow.change_status(vision, None, Vision.Status.DISCUSSION)
    workflow.change_status(vision, None, Vision.Status.ADOPTED, datetime.date(2026, 6, 1), "gemeenteraad")
    new = workflow.start_new_version(vision, None)
    goal = new.goals.get()
    goal.target_value = "75%"
    goal.save()
    client.force_login(setup["members"]["viewer"])
    page = client.get(
        reverse("vision:compare", args=[vision.coalition.slug]) + "?van=1&naar=2"
    ).content.decode()
    assert "Versie 1 naast versie 2" in page and "75%" in page and "gewijzigd" in page


def test_documents_download_as_pdf_and_word(client, setup):
    client.force_login(setup["members"]["viewer"])
    slug = setup["coalition"].slug
    pdf = client.get(reverse("vision:pdf", args=[slug, 1]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert f"visie-{slug}-versie-1.pdf" in pdf["Content-Disposition"]
    docx = client.get(reverse("vision:docx", args=[slug, 1]))
    assert docx.content.startswith(b"PK")
