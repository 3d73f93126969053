"""Entries from every road a change takes: imports and exports (web and command line), the management
API with its token as actor, and the vision's pages."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from ookbalans.api.models import ApiToken
from ookbalans.audit import context
from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import Membership
from ookbalans.interchange import formats
from ookbalans.vision.models import Voice
from tests.api.test_management import auth, new_service_document
from tests.factories import CoalitionFactory, MembershipFactory, ServiceFactory
from tests.vision.helpers import add_goal_with_action, coalition_with_members, make_vision

pytestmark = pytest.mark.django_db

Action = Entry.Action


def test_a_command_line_import_is_one_entry_with_file_format_counts_and_actor(tmp_path):
    source = CoalitionFactory(slug="bron")
    for n in range(3):
        ServiceFactory(coalition=source, name_nl=f"Dienst {n}")
    (tmp_path / "aanbod.json").write_bytes(formats.export_bytes(source, "hsds-json"))
    source.services.update(name_nl="Oude naam")  # the file now changes every service
    before = Entry.objects.count()
    call_command("import", str(tmp_path / "aanbod.json"), coalition="bron", dry_run=True)
    assert Entry.objects.count() == before  # a dry run changes nothing
    call_command("import", str(tmp_path / "aanbod.json"), coalition="bron", actor="beheerder Jan")
    new = Entry.objects.order_by("id")[before:]
    assert [e.action for e in new] == [Action.IMPORTED]  # one summary, no entry per row
    entry = new[0]
    assert entry.actor_name == "opdrachtregel (beheerder Jan)" and entry.actor is None
    assert (entry.coalition, entry.object_repr) == (source, "aanbod.json")
    assert entry.details["format"] == "hsds-json" and entry.details["file"] == "aanbod.json"
    assert entry.details["updated"]["services"] == 3


def test_without_actor_the_command_line_names_the_operating_system_user(tmp_path, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "deploy")
    source = CoalitionFactory(slug="bron")
    ServiceFactory(coalition=source)
    call_command("export", coalition="bron", format="xlsx", output=str(tmp_path / "a.xlsx"))
    entry = Entry.objects.get(action=Action.EXPORTED)
    assert (entry.actor_name, entry.coalition, entry.details) == (
        "opdrachtregel (deploy)",
        source,
        {"format": "xlsx"},
    )


def test_web_export_and_import_name_the_signed_in_user(client):
    membership = MembershipFactory(role=Membership.Role.EDITOR)
    ServiceFactory(coalition=membership.coalition)
    client.force_login(membership.user)
    slug = membership.coalition.slug
    data = b"".join(client.get(reverse("interchange:export", args=[slug, "xlsx"])).streaming_content)
    membership.coalition.services.update(name_nl="Oude naam")  # so that the import changes something
    upload = SimpleUploadedFile("aanbod.xlsx", data)
    assert client.post(reverse("interchange:coalition", args=[slug]), {"file": upload}).status_code == 200
    exported, imported = Entry.objects.filter(action__in=[Action.EXPORTED, Action.IMPORTED]).order_by("id")
    for entry in (exported, imported):
        assert (entry.actor, entry.actor_name, entry.coalition) == (
            membership.user,
            membership.user.username,
            membership.coalition,
        )
    assert imported.details["format"] == "xlsx" and imported.object_repr == "aanbod.xlsx"


def test_management_api_writes_name_the_token(client):
    coalition = CoalitionFactory()
    token, secret = ApiToken.issue(coalition, "website gemeente")
    document = new_service_document(coalition)
    start = Entry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    url = reverse("api:manage-service", args=[document["id"]])
    assert client.put(url, document, content_type="application/json", **auth(secret)).status_code == 201
    document["name"] = "Inloopochtend voor ouders"
    assert client.put(url, document, content_type="application/json", **auth(secret)).status_code == 200
    assert client.delete(url, **auth(secret)).status_code == 204
    entries = list(Entry.objects.filter(id__gt=start, object_id=document["id"]).order_by("id"))
    assert [e.action for e in entries] == [Action.CREATED, Action.CHANGED, Action.DEACTIVATED]
    assert entries[1].changes["name_nl"] == ["Inloopochtend", "Inloopochtend voor ouders"]
    assert {e.actor_name for e in entries} == {f"beheer-API: {token}"}
    assert {e.coalition_id for e in entries} == {coalition.pk}


def test_vision_edits_are_entries_and_voices_keep_no_words():
    coalition, members = coalition_with_members()
    coordinator = members[Membership.Role.COORDINATOR]
    with context.scope(user=coordinator):
        vision = make_vision(coalition, coordinator)
        goal, action = add_goal_with_action(vision)
        voice = Voice.objects.create(
            vision=vision,
            section="ouderschap",
            source=Voice.Source.PARENTS,
            session_kind=Voice.SessionKind.CONVERSATION,
            held_on="2026-01-15",
            said="Ouders willen vaker een avondspreekuur.",
        )
        voice.said = "Ouders vragen om een avondspreekuur."
        voice.save()
    for obj in (vision, goal, action, voice):
        entry = (
            Entry.objects.filter(object_id=str(obj.pk), object_type=obj._meta.label_lower)
            .order_by("id")
            .first()
        )
        assert entry is not None, obj
        assert (entry.action, entry.coalition_id, entry.actor) == (Action.CREATED, coalition.pk, coordinator)
    voice_entries = Entry.objects.filter(object_type="vision.voice", object_id=str(voice.pk)).order_by("id")
    assert voice_entries[1].changes == {"said": None}
    assert "avondspreekuur" not in json.dumps([e.changes for e in voice_entries])
    assert "avondspreekuur" not in json.dumps(list(voice_entries.values_list("object_repr", flat=True)))
