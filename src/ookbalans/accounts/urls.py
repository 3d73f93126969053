"""URLs of two-step verification and of invitations, under /inloggen/."""

from django.urls import path

from ookbalans.accounts import views

app_name = "accounts"

urlpatterns = [
    path("tweestaps/", views.verify, name="verify"),
    path("tweestaps/instellen/", views.setup, name="setup"),
    path("tweestaps/herstelcodes/", views.recovery_codes, name="recovery_codes"),
    path("uitnodiging/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
