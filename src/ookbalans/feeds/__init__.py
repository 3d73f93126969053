"""Feeds: a coalition's subscriptions to a regional provider's HSDS offering, pulled and imported."""
