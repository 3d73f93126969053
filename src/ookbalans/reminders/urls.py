"""URLs of reminders: the public page behind a mail's "still correct" link."""

from django.urls import path

from ookbalans.reminders import views

app_name = "reminders"
urlpatterns = [
    path("herinnering/nog-juist/<str:token>/", views.confirm, name="confirm"),
]
