"""The HSDS read API and the management API."""
