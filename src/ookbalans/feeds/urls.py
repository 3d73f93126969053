"""The demo feed's address (/demo-feed/jgz-regio/services), answered only in the demo and the tests."""

from django.urls import path

from ookbalans.feeds import views

urlpatterns = [path("jgz-regio/services", views.demo_services, name="demo-feed")]
