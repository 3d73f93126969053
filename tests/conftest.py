"""Shared test setup: fast password hashing and a Chromium for browser tests."""

import os
import shutil

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def login_hardening_off(settings):
    """Most tests sign in with client.login/force_login; tests/accounts turn lockout and 2FA back on."""
    settings.AXES_ENABLED = False
    settings.OOKBALANS_REQUIRE_2FA = False


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; in CI a missing browser fails, elsewhere it skips."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed; .ci/run installs Debian's chromium package.")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests run in CI.")
    from playwright.sync_api import sync_playwright

    # Playwright's pages run in an event loop; Django's ORM must still be usable from the test.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker):
    """The demo catalogue once for a module of read-only tests (loading takes seconds), removed after.

    Removal takes the demo account and the search vocabulary too, so nothing leaks into later tests.
    """
    from ookbalans.catalogue.demo import load_demo, remove_demo
    from ookbalans.search.models import SearchWord

    with django_db_blocker.unblock():
        load_demo()
    yield
    with django_db_blocker.unblock():
        remove_demo()
        SearchWord.objects.all().delete()
