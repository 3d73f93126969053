"""Checking the HSDS cost options of a service: the kind of cost, and an amount in euros where it has one."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ookbalans.catalogue.models import CostOption
from ookbalans.interchange.checking import rules
from ookbalans.interchange.checking.attributes import facts
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.values import identified, optional_text, text
from ookbalans.interchange.problems import Where


def check_cost_options(check: CheckContext, item: dict, where: Where) -> list[dict]:
    """The cost options of a service that can be saved; each one that cannot is reported."""
    found = []
    for object_id, option in identified(check, item, "cost_options", where, _("cost option")):
        planned = check_cost_option(check, option, where)
        if planned is not None:
            found.append({"id": object_id, **planned})
    return found


def check_cost_option(check: CheckContext, option: dict, where: Where) -> dict | None:
    _terms, option_facts = facts(check, option, where)
    kind = option_facts.get("kostensoort", "")
    amount = None
    if option.get("amount") not in (None, ""):
        try:
            amount = Decimal(text(option.get("amount")).replace(",", "."))
            if amount < 0 or amount >= 1_000_000 or amount != amount.quantize(Decimal("0.01")):
                raise InvalidOperation
        except InvalidOperation:
            check.problems.error(
                where, "amount", option.get("amount"), _("expected an amount in euros like 12.50.")
            )
            return None
    currency = text(option.get("currency")).upper()
    if currency not in ("", "EUR"):
        check.flag(where, "currency", currency, _("expected amounts in euros (EUR)."))
        return None
    if not kind:
        kind = "amount" if amount else ("free" if amount is not None else "")
    if kind not in CostOption.Kind.values:
        check.flag(where, "kostensoort", kind, _("expected one of: free, amount, insurance, municipality."))
        return None
    if (kind == "amount") != (amount is not None):
        if kind == "free" and amount == 0:
            amount = None
        else:
            check.problems.error(
                where,
                "amount",
                amount,
                _("give an amount only, and always, when the kind of cost is 'amount'."),
            )
            return None
    return {
        "kind": kind,
        "amount": amount,
        "option": optional_text(check, option, "option", where, rules.max_length(CostOption, "option")),
    }
