"""Filters that word framework codes and catalogue choices for the finder's pages (finder/labels.py)."""

from django import template

from ookbalans.finder import labels

register = template.Library()


@register.filter
def professional_level(code: str) -> str:
    return labels.LEVELS_FOR_PROFESSIONALS.get(code, code)


@register.filter
def evidence_words(level: str) -> str:
    return labels.EVIDENCE.get(level or "", labels.EVIDENCE[""])


@register.filter
def target_group(code: str) -> str:
    return labels.TARGET_GROUPS.get(code, code)


@register.filter
def cost_words(kind: str) -> str:
    return labels.COST.get(kind, kind)
