"""Large web imports run in the background worker, with their progress and then their report on a page."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from benchmarks import hostile_files as hostile
from ookbalans.audit.models import Entry
from ookbalans.catalogue.demo import remove_demo
from ookbalans.catalogue.models import Membership, Service
from ookbalans.interchange import formats, jobs
from ookbalans.interchange.limits import Limits
from ookbalans.interchange.models import ImportJob, ImportJobPart
from ookbalans.interchange.reading.counting import services_in
from tests.factories import MembershipFactory
from tests.interchange.conftest import empty_like

pytestmark = pytest.mark.django_db


def run_worker() -> int:
    """Run the queued tasks the way `ookbalans db_worker` does (without its loop); returns how many ran."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().get_locked()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


@pytest.fixture
def moved(demo, settings):
    """The demo's offering as an HSDS JSON file (82 services), and an empty coalition with an editor."""
    settings.OOKBALANS_IMPORT_BACKGROUND_FROM = 50
    data = formats.export_bytes(demo, "hsds-json")
    municipalities = list(demo.municipalities.all())
    remove_demo("voorbeeldregio")  # the file's ids are global: they must be free to be added again
    target = empty_like(demo)
    target.municipalities.set(municipalities)
    editor = MembershipFactory(coalition=target, role=Membership.Role.EDITOR)
    return data, target, editor.user


def upload(client, coalition, data: bytes, name: str = "aanbod.json", **fields):
    file = io.BytesIO(data)
    file.name = name
    url = reverse("interchange:coalition", args=[coalition.slug])
    return client.post(url, {"file": file, **fields})


def queued(client, django_capture_on_commit_callbacks, coalition, data: bytes, **fields) -> ImportJob:
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, coalition, data, **fields)
    job = ImportJob.objects.get(coalition=coalition)
    assert response.status_code == 302
    assert response["Location"] == reverse("interchange:job", args=[coalition.slug, job.pk])
    return job


def test_a_big_file_is_queued_and_the_page_says_so(client, moved, django_capture_on_commit_callbacks):
    data, target, user = moved
    client.force_login(user)
    job = queued(client, django_capture_on_commit_callbacks, target, data)
    assert job.status == "queued" and job.services_total == 82 and job.started_by == user
    assert b"".join(bytes(p) for p in job.parts.order_by("number").values_list("data", flat=True)) == data
    assert DBTaskResult.objects.ready().count() == 1
    assert Service.objects.filter(coalition=target).count() == 0  # nothing written in the request
    page = client.get(reverse("interchange:job", args=[target.slug, job.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<meta http-equiv="refresh" content="3">' in html
    assert "op de achtergrond" in html and "ongeveer 82 diensten" in html
    listing = client.get(reverse("interchange:coalition", args=[target.slug])).content.decode()
    assert reverse("interchange:job", args=[target.slug, job.pk]) in listing


def test_the_worker_imports_it_and_the_page_shows_the_report(
    client, moved, django_capture_on_commit_callbacks
):
    data, target, user = moved
    client.force_login(user)
    job = queued(client, django_capture_on_commit_callbacks, target, data)
    assert run_worker() == 1
    job.refresh_from_db()
    assert job.status == "done" and job.finished_at is not None
    assert job.services_checked == 82 and job.created["services"] == 82
    assert Service.objects.filter(coalition=target).count() == 82
    html = client.get(reverse("interchange:job", args=[target.slug, job.pk])).content.decode()
    assert "Het bestand is ingelezen" in html and "82 × diensten" in html
    assert 'http-equiv="refresh"' not in html
    assert run_worker() == 0  # the task ran once
    # The audit trail names the coordinator who uploaded the file, not the worker.
    entry = Entry.objects.get(action=Entry.Action.IMPORTED, coalition=target)
    assert entry.actor == user and entry.actor_name == user.get_username()


def test_a_dry_run_in_the_background_saves_nothing(client, moved, django_capture_on_commit_callbacks):
    data, target, user = moved
    client.force_login(user)
    job = queued(client, django_capture_on_commit_callbacks, target, data, dry_run="on")
    run_worker()
    job.refresh_from_db()
    assert job.status == "done" and job.dry_run and job.created["services"] == 82
    assert Service.objects.filter(coalition=target).count() == 0
    html = client.get(reverse("interchange:job", args=[target.slug, job.pk])).content.decode()
    assert "er is nog niets opgeslagen" in html


def test_a_small_file_is_still_imported_in_the_request(client, moved, settings):
    data, target, user = moved
    settings.OOKBALANS_IMPORT_BACKGROUND_FROM = 83
    client.force_login(user)
    response = upload(client, target, data)
    assert response.status_code == 200 and response.context["report"].created["services"] == 82
    assert not ImportJob.objects.exists() and not DBTaskResult.objects.exists()


def test_only_editors_of_the_coalition_see_the_job(client, moved, django_capture_on_commit_callbacks):
    data, target, user = moved
    client.force_login(user)
    job = queued(client, django_capture_on_commit_callbacks, target, data)
    url = reverse("interchange:job", args=[target.slug, job.pk])
    client.logout()
    assert "/admin/login/" in client.get(url)["Location"]
    other = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(other.user)
    assert client.get(url).status_code == 404
    # Not under the other coalition's address either.
    assert client.get(reverse("interchange:job", args=[other.coalition.slug, job.pk])).status_code == 404
    viewer = MembershipFactory(coalition=target, role=Membership.Role.VIEWER)
    client.force_login(viewer.user)
    assert client.get(url).status_code == 404
    colleague = MembershipFactory(coalition=target, role=Membership.Role.COORDINATOR)
    client.force_login(colleague.user)
    assert client.get(url).status_code == 200


def test_a_failing_file_writes_nothing_and_the_job_lists_the_problems(
    client, moved, django_capture_on_commit_callbacks
):
    data, target, user = moved
    document = json.loads(data)
    document["services"][40]["name"] = ""
    document["services"][41]["name"] = ""
    document["services"][42]["url"] = "ftp://<b>x</b>"
    client.force_login(user)
    job = queued(client, django_capture_on_commit_callbacks, target, json.dumps(document).encode())
    run_worker()
    job.refresh_from_db()
    assert job.status == "refused" and job.problems["error_count"] == 3  # every problem at once
    assert Service.objects.filter(coalition=target).count() == 0
    html = client.get(reverse("interchange:job", args=[target.slug, job.pk])).content.decode()
    assert "Het bestand is niet ingelezen" in html and "Er is niets veranderd" in html
    assert "services[40], veld &#x27;name&#x27;" in html and "services[41]" in html
    assert "ftp://&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert job.problems["warning_count"] == 0  # the refused link is not also "kept for the next export"


def test_a_crash_in_the_worker_shows_a_clear_message(
    client, moved, django_capture_on_commit_callbacks, monkeypatch
):
    data, target, user = moved
    client.force_login(user)
    job = queued(client, django_capture_on_commit_callbacks, target, data)

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(formats, "import_file", broken)
    run_worker()
    job.refresh_from_db()
    assert job.status == "failed"
    html = client.get(reverse("interchange:job", args=[target.slug, job.pk])).content.decode()
    assert "Het inlezen is mislukt" in html and str(job.pk) in html
    assert "database went away" not in html


def test_progress_is_written_while_the_services_are_checked(client, moved, monkeypatch):
    data, target, user = moved
    job = ImportJob.objects.create(
        coalition=target, started_by=user, file_name="aanbod.json", services_total=82, status="checking"
    )
    monkeypatch.setattr(jobs, "PROGRESS_EVERY", 0)
    progress = jobs.Progress(job)
    for _ in range(30):
        progress(1)
    job.refresh_from_db()
    assert job.services_checked == 30
    client.force_login(user)
    html = client.get(reverse("interchange:job", args=[target.slug, job.pk])).content.decode()
    assert '<progress max="82" value="30">' in html and "30 van 82 diensten gecontroleerd" in html
    progress.writing()
    html = client.get(reverse("interchange:job", args=[target.slug, job.pk])).content.decode()
    assert "worden nu opgeslagen" in html


@pytest.mark.parametrize("fmt", sorted(formats.FORMATS))
def test_the_services_of_each_format_are_counted_before_reading(demo, fmt):
    file = io.BytesIO(formats.export_bytes(demo, fmt))
    name = f"aanbod.{formats.FORMATS[fmt][1]}"
    assert services_in(file, formats.kind_of(name, file), Limits()) == 82
    assert file.tell() == 0


def test_a_file_that_cannot_be_counted_counts_as_small():
    """The import in the request then refuses it with its message."""
    for data, kind in (
        (b"{not json", "hsds-json"),
        (b"PK\x03\x04 broken", "datapackage"),
        (hostile.zip_bomb(), "datapackage"),
        (hostile.zip_bomb(name="xl/worksheets/sheet1.xml"), "xlsx"),
    ):
        assert services_in(io.BytesIO(data), kind, Limits()) == 0


def test_old_jobs_and_their_files_are_forgotten(moved, capsys):
    _, target, user = moved
    old = ImportJob.objects.create(coalition=target, started_by=user, file_name="oud.json", status="done")
    ImportJobPart.objects.create(job=old, number=0, data=b"{}")
    ImportJob.objects.filter(pk=old.pk).update(started_at=timezone.now() - datetime.timedelta(days=31))
    recent = ImportJob.objects.create(coalition=target, started_by=user, file_name="nieuw.json")
    ImportJobPart.objects.create(job=recent, number=0, data=b"{}")
    call_command("forget_import_jobs")
    assert list(ImportJob.objects.all()) == [recent]
    assert list(ImportJobPart.objects.values_list("job", flat=True)) == [recent.pk]
    assert "Deleted 1 import job(s) older than 30 day(s)." in capsys.readouterr().out
    assert jobs.forget_old_jobs(0, now=timezone.now() + datetime.timedelta(seconds=1)) == 1


def test_a_big_file_checked_in_the_background_is_imported_from_its_kept_parts(
    client, moved, django_capture_on_commit_callbacks
):
    data, target, user = moved
    client.force_login(user)
    job = queued(client, django_capture_on_commit_callbacks, target, data, dry_run="on")
    assert run_worker() == 1
    job.refresh_from_db()
    assert job.dry_run and job.status == ImportJob.Status.DONE and job.created["services"] == 82
    assert not Service.objects.filter(coalition=target).exists()
    page = client.get(reverse("interchange:job", args=[target.slug, job.pk]))
    assert page.context["checked"] == job and "Importeer nu" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("interchange:import_checked", args=[target.slug, job.pk]))
    assert response["Location"] == reverse("interchange:job", args=[target.slug, job.pk])
    assert run_worker() == 1
    job.refresh_from_db()
    assert not job.dry_run and job.status == ImportJob.Status.DONE and job.started_by == user
    assert Service.objects.filter(coalition=target).count() == 82
    assert ImportJob.objects.filter(coalition=target).count() == 1  # the same job, no second upload
