"""The framework's reference data: classification terms and the versioned building blocks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.framework import codes


class Term(models.Model):
    """One code of a framework classification (a level, a phase, an aim ...), kept in step with codes.py."""

    taxonomy = models.CharField(
        _("classification"),
        max_length=40,
        choices=[(t.code, t.label) for t in codes.ALL_TAXONOMIES],
    )
    code = models.CharField(_("code"), max_length=40, help_text=_("Stable code; never changes."))
    label = models.CharField(_("label"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("framework term")
        verbose_name_plural = _("framework terms")
        ordering = ["taxonomy", "position"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="framework_term_unique_code"),
        ]

    def __str__(self) -> str:
        return self.label


class Edition(models.Model):
    """An edition of the vision document whose building blocks are loaded as reference data."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=300)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("edition of the vision document")
        verbose_name_plural = _("editions of the vision document")
        ordering = ["code"]

    def __str__(self) -> str:
        return _("%(title)s (edition %(code)s)") % {"title": self.title, "code": self.code}


class Statement(models.Model):
    """A building block: one statement of a vision section, as the document words it."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="statements")
    section = models.CharField(_("section"), max_length=40, choices=codes.choices(codes.VISION_SECTIONS))
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("Position within the section."))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("building block")
        verbose_name_plural = _("building blocks")
        ordering = ["edition", "section", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "section", "number"], name="framework_statement_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:60]}"

    @property
    def code(self) -> str:
        """A stable reference such as `1/ouderschap/3` that saved visions can point to."""
        return f"{self.edition.code}/{self.section}/{self.number}"


class ContactPrinciple(models.Model):
    """One of the principles for every contact with parents."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="contact_principles")
    code = models.CharField(_("code"), max_length=40)
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("contact principle")
        verbose_name_plural = _("contact principles")
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="framework_principle_unique_code"),
        ]

    def __str__(self) -> str:
        return self.text
