"""The public landing page and what every page shares (the demonstration-data notice)."""
