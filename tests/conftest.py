"""Shared test setup: fast password hashing and a Chromium for browser tests."""

import os
import shutil

import pytest

from tests.demo import FAST_PASSWORD_HASHERS, load_indexed_demo, remove_indexed_demo, restore_reference_data


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


@pytest.fixture(autouse=True)
def login_hardening_off(settings):
    """Most tests sign in with client.login/force_login; tests/accounts turn lockout and 2FA back on."""
    settings.AXES_ENABLED = False
    settings.OOKBALANS_REQUIRE_2FA = False


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: what an earlier test's database held is not shown."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):
        cache.clear()


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


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "shared_demo", "admin_client", "admin_user"}


def needs_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(fixtures & DATABASE_FIXTURES)


@pytest.fixture(scope="module", autouse=True)
def reference_data(request):
    """Each test module starts with the reference data the migrations load.

    A transactional test (the browser tests) empties every table when it ends. In one process those
    tests run last; with several processes (pytest-xdist) another file may follow in the same process,
    so the data is put back, committed, before that file's first test.
    """
    module_items = [item for item in request.session.items if item.path == request.node.path]
    if not any(needs_database(item) for item in module_items):
        yield
        return
    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        restore_reference_data()
    yield


@pytest.fixture
def no_page_cache(settings):
    """The public page cache off: a test of a page's own work or queries must not get a kept page."""
    settings.OOKBALANS_PAGE_CACHE_SECONDS = 0


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker):
    """The demo catalogue, loaded (committed) once for a module and removed after it.

    Each test still runs in its own transaction that is rolled back, so a test may change or even
    remove the demo and the next test sees it whole again. Tests of the module that do not use the
    demo run before those that do (see pytest_collection_modifyitems), so they see no demo at all.
    """
    with django_db_blocker.unblock():
        load_indexed_demo()
    yield
    with django_db_blocker.unblock():
        remove_indexed_demo()


def uses_shared_demo(item: pytest.Item) -> bool:
    return "shared_demo" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Within each run of tests from one module, those using the shared demo go last.

    The shared demo stays committed from its first user to the end of the module; the module's
    other tests must not see it. Runs after pytest-django's ordering (database tests first,
    transactional ones next) and keeps it.
    """
    ordered: list[pytest.Item] = []
    start = 0
    while start < len(items):
        end = start
        while end < len(items) and items[end].path == items[start].path:
            end += 1
        run = items[start:end]
        ordered += [item for item in run if not uses_shared_demo(item)]
        ordered += [item for item in run if uses_shared_demo(item)]
        start = end
    items[:] = ordered
