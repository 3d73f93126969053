"""The template filter that lets a stored address become a link only when it is http, https, mailto or tel."""

from django import template

from ookbalans.catalogue.validators import safe_link

register = template.Library()
register.filter("safe_link", safe_link)
