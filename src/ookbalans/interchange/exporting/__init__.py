"""Writing a coalition's catalogue out in the output formats (HSDS JSON, the CSV datapackage, Excel)."""
