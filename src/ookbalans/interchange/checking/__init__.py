"""Checking an HSDS document, object by object, against what the catalogue can hold, before writing."""
