"""The demo: its coordinator logs in with the password alone unless the operator turns 2FA on, as printed."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from ookbalans.catalogue.demo import DEMO_PASSWORD, DEMO_USERNAME

pytestmark = pytest.mark.django_db


def load_demo_output() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def demo_login(client):
    return client.post(
        reverse("admin:login"), {"username": DEMO_USERNAME, "password": DEMO_PASSWORD, "next": "/admin/"}
    )


def test_the_demo_coordinator_needs_no_second_factor_when_the_setting_is_off(client, settings):
    settings.AXES_ENABLED = True
    settings.OOKBALANS_REQUIRE_2FA = False
    assert "Two-step verification: OFF for this demo" in load_demo_output()
    assert demo_login(client).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get("/analyse/voorbeeldregio/").status_code == 200


def test_the_demo_says_so_when_the_operator_turns_it_on(client, settings):
    settings.AXES_ENABLED = True
    settings.OOKBALANS_REQUIRE_2FA = True
    assert "Two-step verification: REQUIRED" in load_demo_output()
    demo_login(client)
    assert client.get(reverse("admin:index")).url.startswith(reverse("accounts:setup"))


def test_dev_py_demo_turns_it_off_unless_the_operator_set_it():
    from pathlib import Path

    source = (Path(__file__).parents[2] / "dev.py").read_text()
    # The demo's own defaults come first, so the operator's environment (**os.environ) wins.
    assert re.search(r'env = \{"OOKBALANS_REQUIRE_2FA": "0",[^}]*\*\*os\.environ\}', source)
