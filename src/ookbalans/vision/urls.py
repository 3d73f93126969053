"""URLs of vision: per coalition (by slug) and per version number, in Dutch words."""

from django.urls import path

from ookbalans.vision import views

app_name = "vision"

V = "<slug:slug>/<int:version>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.coalition_page, name="coalition"),
    path("<slug:slug>/nieuw/", views.create, name="create"),
    path("<slug:slug>/vergelijken/", views.compare, name="compare"),
    path(V, views.overview, name="overview"),
    path(V + "nieuwe-versie/", views.new_version, name="new_version"),
    path(V + "gegevens/", views.edit_details, name="details"),
    path(V + "onderdeel/<slug:section>/", views.section, name="section"),
    path(V + "onderdeel/<slug:section>/eigen/", views.own_add, name="own_add"),
    path(V + "eigen/<int:pk>/verwijderen/", views.own_delete, name="own_delete"),
    path(V + "doelen/", views.goals, name="goals"),
    path(V + "doelen/nieuw/", views.goal_edit, name="goal_create"),
    path(V + "doelen/<int:pk>/", views.goal_edit, name="goal_edit"),
    path(V + "doelen/<int:pk>/verwijderen/", views.goal_delete, name="goal_delete"),
    path(V + "acties/nieuw/", views.action_edit, name="action_create"),
    path(V + "acties/<int:pk>/", views.action_edit, name="action_edit"),
    path(V + "acties/<int:pk>/verwijderen/", views.action_delete, name="action_delete"),
    path(V + "stemmen/", views.voices, name="voices"),
    path(V + "stemmen/nieuw/", views.voice_edit, name="voice_create"),
    path(V + "stemmen/<int:pk>/", views.voice_edit, name="voice_edit"),
    path(V + "stemmen/<int:pk>/verwijderen/", views.voice_delete, name="voice_delete"),
    path(V + "status/", views.status, name="status"),
    path(V + "geschiedenis/", views.history, name="history"),
    path(V + "visie.pdf", views.document, {"format": "pdf"}, name="pdf"),
    path(V + "visie.docx", views.document, {"format": "docx"}, name="docx"),
]
