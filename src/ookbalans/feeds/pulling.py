"""Pulling a feed: fetch it (every page of an HSDS API), make its ids local, import it or keep it aside."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ookbalans.audit import context as audit
from ookbalans.catalogue.models import Service
from ookbalans.interchange.formats import too_many
from ookbalans.interchange.importing import import_document
from ookbalans.interchange.jobs import stored
from ookbalans.interchange.limits import Limits
from ookbalans.interchange.problems import ImportFailed, Problems, Where
from ookbalans.interchange.reading.hsds_json import as_document, is_hsds_service, read_json
from ookbalans.interchange.views import counted

from . import fetching, outside_ids
from .models import Feed, OutsideIdentifier

logger = logging.getLogger(__name__)

# Pages of an HSDS API read at most for one feed (each page within the JSON size limit, all together too).
MAX_PAGES = 1000
FORMAT = "HSDS feed"


@dataclass
class PullResult:
    """What one pull did: refused (with problems), unchanged, imported, or kept for review."""

    feed: Feed
    ok: bool = False
    problems: Problems = field(default_factory=Problems)
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    changes: dict = field(default_factory=dict)
    pending: bool = False
    rejected: bool = False  # the same content as changes a coordinator turned down
    gone: int = 0

    @property
    def changed(self) -> bool:
        return not self.changes.get("nothing", True)

    def summary(self) -> str:
        """One line for the command and the log."""
        if not self.ok:
            return _("not imported: %(count)d problem(s)") % {"count": self.problems.error_count}
        if not self.changed:
            return _("no changes")
        counts = ", ".join(f"{n} {kind}" for kind, n in counted(self.created))
        updated = ", ".join(f"{n} {kind}" for kind, n in counted(self.updated))
        if self.rejected:
            return _("the same changes as were turned down before; not proposed again")
        if self.pending:
            return _("changes wait for review (new: %(created)s; changed: %(updated)s)") % {
                "created": counts or "0",
                "updated": updated or "0",
            }
        return _("imported (new: %(created)s; changed: %(updated)s)") % {
            "created": counts or "0",
            "updated": updated or "0",
        }


def with_page(url: str, page: int | None = None) -> str:
    """The address of one page of an HSDS API's service list; fully nested services (`full=true`)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if parts.path.rstrip("/").endswith("/services"):
        query.setdefault("full", "true")
    if page is not None:
        query["page"] = str(page)
    return urlunsplit(parts._replace(query=urlencode(query)))


def is_page(document) -> bool:
    return (
        isinstance(document, dict)
        and isinstance(document.get("contents"), list)
        and "total_items" in document
    )


def page_count(document: dict) -> int:
    value = document.get("total_pages")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1


def fetch_document(feed: Feed, problems: Problems, *, url: str | None = None, allow_local=None):
    """The feed's HSDS document, every page joined, and a fingerprint of what was read; None when refused."""
    limits = Limits.from_settings()
    address = with_page(url or feed.url)
    where = Where(feed.name)
    digest = hashlib.sha256()
    try:
        first = fetching.fetch(address, max_bytes=limits.json_bytes, allow_local=allow_local)
    except fetching.FeedRefused as refused:
        problems.error(where, "", "", str(refused))
        return None, ""
    digest.update(first.data)
    document = parsed(first.data, feed.name, problems, limits)
    if document is None or not is_page(document):
        return bounded(document, problems, limits), digest.hexdigest()
    items, read = list(document["contents"]), len(first.data)
    total = document.get("total_items")
    if isinstance(total, int) and total > limits.services:
        problems.error(
            where,
            "total_items",
            total,
            _("expected at most %(count)d services in a feed (OOKBALANS_IMPORT_MAX_SERVICES).")
            % {"count": limits.services},
        )
        return None, ""
    pages = page_count(document)
    if pages > MAX_PAGES:
        problems.error(
            where, "total_pages", pages, _("expected at most %(count)d pages.") % {"count": MAX_PAGES}
        )
        return None, ""
    for page in range(2, pages + 1):
        left = limits.json_bytes - read
        try:
            fetched = fetching.fetch(
                with_page(first.url, page), max_bytes=max(left, 0), allow_local=allow_local
            )
        except fetching.FeedRefused as refused:
            problems.error(
                Where(_("%(feed)s, page %(page)d") % {"feed": feed.name, "page": page}), "", "", str(refused)
            )
            return None, ""
        read += len(fetched.data)
        digest.update(fetched.data)
        page_document = parsed(fetched.data, f"{feed.name} ({page})", problems, limits)
        if page_document is None:
            return None, ""
        if not is_page(page_document):
            problems.error(
                Where(_("%(feed)s, page %(page)d") % {"feed": feed.name, "page": page}),
                "contents",
                "",
                _("expected a page of the HSDS API with contents and total_items."),
            )
            return None, ""
        items += page_document["contents"]
    if items and all(map(is_hsds_service, items)):
        return bounded({"services": items}, problems, limits), digest.hexdigest()
    return bounded({"organizations": items}, problems, limits), digest.hexdigest()


def bounded(document, problems: Problems, limits: Limits):
    """The document, or None when it holds more services (or other objects) than an import may (reported)."""
    return None if document is not None and too_many(document, problems, limits) else document


def parsed(data: bytes, name: str, problems: Problems, limits: Limits):
    """The JSON of a feed's answer, or None with the problem reported (also for a bare `null`)."""
    errors = problems.error_count
    document = read_json(data, name, problems, limits)
    if document is None and problems.error_count == errors:
        problems.error(
            Where(name),
            "",
            "null",
            _("expected a list of services or an object with organizations and services."),
        )
    return document


def known_ids(feed: Feed) -> dict:
    rows = OutsideIdentifier.objects.filter(coalition_id=feed.coalition_id, source=feed.source)
    return {
        (kind, outside): str(local)
        for kind, outside, local in rows.values_list("kind", "outside_id", "local_id")
    }


def localised(feed: Feed, document) -> tuple[dict, dict, dict]:
    """The document with the coalition's own ids, the local id per outside id, and the ids known before."""
    known = known_ids(feed)
    document, used = outside_ids.localise(as_document(document), feed.coalition_id, feed.source, known)
    return document, used, known


def remember_ids(feed: Feed, used: dict, known: dict) -> None:
    """Record the local ids given to outside ids for the first time (none on a pull that changes nothing)."""
    new = [
        OutsideIdentifier(
            coalition_id=feed.coalition_id, source=feed.source, kind=kind, outside_id=outside, local_id=local
        )
        for (kind, outside), local in used.items()
        if (kind, outside) not in known and len(outside) <= 255
    ]
    OutsideIdentifier.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)


def gone_services(feed: Feed, used: dict) -> int:
    """Services that came from this feed, are still in the coalition, and are no longer in the feed."""
    listed = {outside for (kind, outside) in used if kind == "service"}
    earlier = OutsideIdentifier.objects.filter(
        coalition_id=feed.coalition_id, source=feed.source, kind="service"
    )
    missing = [
        local for outside, local in earlier.values_list("outside_id", "local_id") if outside not in listed
    ]
    return (
        Service.objects.filter(id__in=missing, coalition_id=feed.coalition_id)
        .exclude(status="inactive")
        .count()
    )


def import_into_coalition(feed: Feed, document, problems: Problems, *, dry_run: bool = False):
    """Import the (outside) document into the feed's coalition in one transaction, with its ids made local."""
    local, used, known = localised(feed, document)
    with transaction.atomic():
        report = import_document(
            feed.coalition, local, problems=problems, dry_run=dry_run, source=(feed.name, FORMAT)
        )
        if not dry_run:
            # Only ids seen for the first time: none (and no query) on a pull of an unchanged feed.
            remember_ids(feed, used, known)
    return report, used


def pull(feed: Feed, *, url: str | None = None, allow_local=None) -> PullResult:
    """Fetch the feed and import it (or keep its changes for review); what the pull found is kept on the feed.

    `url` fetches the same feed from another address (the demo's load, which serves the feed's file
    itself before its web server runs); everything else is the same.
    """
    result = PullResult(feed)
    now = timezone.now()
    with (
        translation.override(settings.LANGUAGE_CODE),
        audit.scope(name=_("feed %(name)s") % {"name": feed.name}),
    ):
        document, digest = fetch_document(feed, result.problems, url=url, allow_local=allow_local)
        fields = {"last_pull_at": now}
        if document is not None and not result.problems.errors:
            try:
                fields.update(take_over(feed, document, digest, result))
                result.ok = True
            except ImportFailed:
                pass
            except Exception:
                logger.exception("Pulling feed %s failed", feed.pk)
                result.problems.error(
                    Where(feed.name), "", "", _("the import failed unexpectedly; see the server log.")
                )
        if result.ok:
            fields.update(
                last_success_at=now,
                last_changes={
                    "created": result.created,
                    "updated": result.updated,
                    "changes": result.changes,
                    "pending": result.pending,
                    "rejected": result.rejected,
                    "gone": result.gone,
                },
            )
        fields["last_problems"] = stored(result.problems)
        # An update, not a save: a pull that changes nothing writes no audit entry.
        Feed.objects.filter(pk=feed.pk).update(**fields)
    for name, value in fields.items():
        setattr(feed, name, value)
    return result


def take_over(feed: Feed, document, digest: str, result: PullResult) -> dict:
    """Import the document, or keep it for review when it changes something; returns the feed's new fields."""
    review = feed.mode == Feed.Mode.REVIEW
    report, used = import_into_coalition(feed, document, result.problems, dry_run=review)
    result.created, result.updated, result.changes = report.created, report.updated, report.changes
    result.gone = gone_services(feed, used)
    if result.gone:
        result.problems.warning(
            Where(feed.name),
            "",
            "",
            _(
                "%(count)d service(s) that came from this feed are no longer in it. They stay as they are; "
                "end them in the admin if they really stopped."
            )
            % {"count": result.gone},
        )
    if not review:
        return {}
    if not result.changed:
        # The catalogue holds what the feed says: nothing (any more) to review.
        return {"pending_document": None, "pending_changes": {}, "pending_since": None}
    if digest == feed.rejected_digest:
        result.rejected = True
        return {}
    result.pending = True
    return {
        "pending_document": as_document(document),
        "pending_changes": {
            "created": report.created,
            "updated": report.updated,
            "changes": report.changes,
            "digest": digest,
        },
        "pending_since": feed.pending_since if feed.pending_document else timezone.now(),
    }


def approve(feed: Feed, user) -> PullResult:
    """Import the changes waiting for review, checked again against the catalogue as it is now."""
    result = PullResult(feed)
    if feed.pending_document is None:
        return result
    with audit.scope(user=user):
        try:
            report, _used = import_into_coalition(feed, feed.pending_document, result.problems)
        except ImportFailed:
            Feed.objects.filter(pk=feed.pk).update(last_problems=stored(result.problems))
            feed.last_problems = stored(result.problems)
            return result
    result.ok = True
    result.created, result.updated, result.changes = report.created, report.updated, report.changes
    clear_pending(feed)
    return result


def reject(feed: Feed) -> None:
    """Turn the waiting changes down: the same content is not proposed again."""
    feed.rejected_digest = feed.pending_changes.get("digest", "")
    Feed.objects.filter(pk=feed.pk).update(rejected_digest=feed.rejected_digest)
    clear_pending(feed)


def clear_pending(feed: Feed) -> None:
    Feed.objects.filter(pk=feed.pk).update(pending_document=None, pending_changes={}, pending_since=None)
    feed.pending_document, feed.pending_changes, feed.pending_since = None, {}, None


def pull_all(coalition_slug: str | None = None, *, allow_local=None) -> list[PullResult]:
    """Pull every active feed (of one coalition) in turn; a refused feed does not stop the others."""
    feeds = Feed.objects.filter(active=True).select_related("coalition").order_by("coalition__slug", "name")
    if coalition_slug:
        feeds = feeds.filter(coalition__slug=coalition_slug)
    return [pull(feed, allow_local=allow_local) for feed in feeds]
