"""HSDS 3.0 mapping, and import and export as JSON, CSV datapackage and Excel."""
