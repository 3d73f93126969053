"""The OOK in Balans framework as data: classifications, phases and the building blocks."""
