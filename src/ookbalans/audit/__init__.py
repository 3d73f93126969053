"""The audit trail: who created, changed, deactivated, deleted, imported or exported what, per coalition."""
