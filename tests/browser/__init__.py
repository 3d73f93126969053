"""Browser tests (Playwright with Debian's Chromium) and what they share."""

# What axe checks on every page of the browser tests: WCAG 2.2 A and AA.
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
