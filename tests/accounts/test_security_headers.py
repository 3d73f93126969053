"""Security headers: a strict Content-Security-Policy everywhere, HSTS behind a TLS proxy, check --deploy."""

import pytest
from django.core import checks
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from tests.factories import CoalitionFactory, MembershipFactory

pytestmark = pytest.mark.django_db

# The production variables of docs/operations.md, as settings.py turns them into settings.
PRODUCTION = {
    "DEBUG": False,
    "SECRET_KEY": "q8Vd0-production-like-key-with-plenty-of-entropy-Zx7pL2mN4rT6yB9cE1",
    "ALLOWED_HOSTS": ["ookbalans.example.nl"],
    "CSRF_TRUSTED_ORIGINS": ["https://ookbalans.example.nl"],
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}
# Rendered by WeasyPrint into PDF files, never served as a page: their <style> meets no browser policy.
PDF_ONLY = {
    "analysis/templates/analysis/report_pdf.html",
    "vision/templates/vision/document.html",
}


def csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        directive.split()[0]: directive.split()[1:] for directive in header.split(";") if directive.strip()
    }


def test_every_kind_of_page_has_the_strict_policy(client):
    coalition = CoalitionFactory()
    client.force_login(MembershipFactory(coalition=coalition, role="coordinator").user)
    for url in [
        reverse("landing"),
        reverse("admin:login"),
        reverse("admin:index"),
        reverse("analysis:dashboard", args=[coalition.slug]),
        "/visie/",
        reverse("health"),
    ]:
        policy = csp(client.get(url))
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["form-action"] == ["'self'"], url
        assert policy["base-uri"] == ["'self'"], url


def test_no_template_of_the_project_has_inline_script_or_style():
    from pathlib import Path

    import ookbalans

    package = Path(ookbalans.__file__).parent
    offenders = []
    for template in package.glob("**/templates/**/*.html"):
        if str(template.relative_to(package)) in PDF_ONLY:
            continue
        text = template.read_text(encoding="utf-8")
        for marker in ("<script>", "<script ", "style=", " onclick=", " onload=", " onchange=", "<style"):
            if marker in text and not (marker == "<script " and 'src="' in text.split(marker, 1)[1][:200]):
                offenders.append(f"{template.relative_to(package)}: {marker}")
    assert offenders == []


@override_settings(**PRODUCTION)
def test_hsts_goes_out_behind_the_tls_proxy(client):
    response = client.get(
        reverse("landing"), HTTP_HOST="ookbalans.example.nl", HTTP_X_FORWARDED_PROTO="https"
    )
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    plain = client.get(reverse("landing"), HTTP_HOST="ookbalans.example.nl")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


@pytest.fixture
def production_environment(monkeypatch):
    """The environment of a production server.

    The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for the whole test process once one of them ran in
    it; that is theirs alone, and the deploy check rightly flags it.
    """
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)


@override_settings(**PRODUCTION)
@pytest.mark.usefixtures("production_environment")
def test_the_deployment_checks_find_nothing_of_ours():
    messages = checks.run_checks(include_deployment_checks=True)
    assert [f"{m.id}: {m.msg}" for m in messages] == []


@override_settings(**PRODUCTION)
@pytest.mark.usefixtures("production_environment")
def test_check_deploy_passes_with_the_production_variables():
    call_command("check", deploy=True, fail_level="WARNING")
