"""The site's URLs: the landing page and the coordinators' admin."""

from django.contrib import admin
from django.urls import path

from ookbalans.home import views as home

urlpatterns = [
    path("", home.landing, name="landing"),
    path("admin/", admin.site.urls),
]
