"""The search index (one document per service, the indexed vocabulary) and the count of unmet searches."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ookbalans.catalogue.models import Coalition, Service

# Terms searched fewer times than this in a week are never shown to anyone.
MIN_COUNT_SHOWN = 3


class SearchDocument(models.Model):
    """A service's searchable text, normalised; the backends index it (FTS5 table or tsvector)."""

    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="search_document")
    # The service's coalition, so a finder's search only walks its own coalition's documents.
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    title = models.TextField(help_text="Name and its translations.")
    body = models.TextField(help_text="Short description and organisation.")
    labels = models.TextField(blank=True, help_text="Level, phase and target group labels.")
    description = models.TextField(blank=True, help_text="The full description.")
    # The thesaurus concepts found per field ({"fields": {"title": [...], ...}, "phases": [...]}).
    concepts = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return self.title[:80]


class VectorField(models.Field):
    """A PostgreSQL `tsvector`; plain text elsewhere (on SQLite the column stays empty)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchVector(models.Model):
    """PostgreSQL's full-text index of one document, in a narrow table of its own.

    A search reads and ranks only these rows (ids, title and vectors; no texts, no concepts), and
    the row is written once with its vectors, so indexing leaves no dead row versions behind. Three
    vectors, each with its own GIN index: the whole document (`vector`, weighted A to C as the
    shared field weights), the name with the concepts it mentions (`title_vector`), and the name
    plus short description and organisation with their concepts (`head_vector`). A whole-country
    search takes its candidates from the narrowest of them that holds enough matches.

    Empty on SQLite, where the FTS5 table `search_fts` plays this part.
    """

    document = models.OneToOneField(
        SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # Copies of the document's own, so a search filters without reading the documents.
    service_id = models.UUIDField()
    coalition_id = models.UUIDField(db_index=True)
    title = models.TextField()
    vector = VectorField()
    title_vector = VectorField()
    head_vector = VectorField()

    # Never shown to anyone (no admin), so no translated names.

    def __str__(self) -> str:
        return self.title[:80]


class SearchWord(models.Model):
    """A word that occurs in the index: to tell typos from known words and to split compounds."""

    word = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self) -> str:
        return self.word


class LocalWord(models.Model):
    """A word parents in one coalition use for a thesaurus concept ('de Kraamkamer' for maternity care)."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="local_words", verbose_name=_("coalition")
    )
    concept_code = models.CharField(
        # With a context: the vision's status "concept" (a draft) is another word in Dutch.
        pgettext_lazy("thesaurus", "concept"),
        max_length=80,
        help_text=_("The code of the thesaurus concept the word stands for."),
    )
    word = models.CharField(
        _("word"), max_length=100, help_text=_("A word or short phrase as parents in this region say it.")
    )

    class Meta:
        verbose_name = _("local word")
        verbose_name_plural = _("local words")
        ordering = ["concept_code", "word"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "concept_code", "word"], name="search_local_word_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.word} ({self.concept_code})"

    def clean(self):
        if self.concept_code not in dict(concept_choices()):
            raise ValidationError({"concept_code": _("This concept is not in the thesaurus.")})


def concept_choices() -> list[tuple[str, str]]:
    """The thesaurus concepts as (code, preferred Dutch term), by term."""
    from ookbalans.framework import thesaurus

    return sorted(((c.code, f"{c.nl} ({c.code})") for c in thesaurus.concepts()), key=lambda item: item[1])


class UnmetSearchQuerySet(models.QuerySet):
    def shown(self) -> UnmetSearchQuerySet:
        """Only terms searched at least MIN_COUNT_SHOWN times in a week: rarer ones could identify someone."""
        return self.filter(count__gte=MIN_COUNT_SHOWN)


class UnmetSearch(models.Model):
    """How often a normalised search term found nothing in a coalition's finder in a week.

    Holds no IP address, no cookie, no time of day and no text beyond the normalised term.
    """

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="unmet_searches", verbose_name=_("coalition")
    )
    term = models.CharField(
        _("search term"), max_length=100, help_text=_("What parents searched for, in normalised words.")
    )
    week = models.DateField(_("week of"), help_text=_("The Monday of the week."))
    count = models.PositiveIntegerField(_("number of searches"), default=0)

    objects = UnmetSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        ordering = ["-week", "-count", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "term", "week"], name="search_unmet_unique_term_week"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.week:%d-%m-%Y}: {self.count})"

    @staticmethod
    def monday_of(day: datetime.date) -> datetime.date:
        return day - datetime.timedelta(days=day.weekday())
