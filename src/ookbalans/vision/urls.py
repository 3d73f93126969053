"""URLs of vision: per coalition (by slug) and per version number, in Dutch words."""

from django.urls import path

from ookbalans.vision.views import actions, goals, logo, sections, visions, voices

app_name = "vision"

C = "<slug:slug>/"
V = C + "<int:version>/"

urlpatterns = [
    path("", visions.index, name="index"),
    path(C, visions.coalition_page, name="coalition"),
    path(C + "nieuw/", visions.create, name="create"),
    path(C + "vergelijken/", visions.compare, name="compare"),
    path(C + "logo/", logo.logo, name="logo"),
    path(V, visions.overview, name="overview"),
    path(V + "nieuwe-versie/", visions.new_version, name="new_version"),
    path(V + "gegevens/", visions.edit_details, name="details"),
    path(V + "onderdeel/<slug:section>/", sections.section, name="section"),
    path(V + "onderdeel/<slug:section>/eigen/", sections.own_add, name="own_add"),
    path(V + "eigen/<int:pk>/verwijderen/", sections.own_delete, name="own_delete"),
    path(V + "doelen/", goals.goals, name="goals"),
    path(V + "doelen/nieuw/", goals.goal_edit, name="goal_create"),
    path(V + "doelen/<int:pk>/", goals.goal_edit, name="goal_edit"),
    path(V + "doelen/<int:pk>/verwijderen/", goals.goal_delete, name="goal_delete"),
    path(V + "acties/nieuw/", actions.action_edit, name="action_create"),
    path(V + "acties/<int:pk>/", actions.action_edit, name="action_edit"),
    path(V + "acties/<int:pk>/verwijderen/", actions.action_delete, name="action_delete"),
    path(V + "stemmen/", voices.voices, name="voices"),
    path(V + "stemmen/nieuw/", voices.voice_edit, name="voice_create"),
    path(V + "stemmen/<int:pk>/", voices.voice_edit, name="voice_edit"),
    path(V + "stemmen/<int:pk>/verwijderen/", voices.voice_delete, name="voice_delete"),
    path(V + "status/", visions.status, name="status"),
    path(V + "geschiedenis/", visions.history, name="history"),
    path(V + "visie.pdf", visions.document, {"format": "pdf"}, name="pdf"),
    path(V + "visie.docx", visions.document, {"format": "docx"}, name="docx"),
]
