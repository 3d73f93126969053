"""Reading the input formats (HSDS JSON, the CSV datapackage, the Excel workbook) into HSDS documents."""
