"""Gap analysis: pure functions from a coalition's catalogue to findings, with dashboard and reports."""
