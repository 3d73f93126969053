"""The coordinators' vision pages, one module per page: thin views over forms and the workflow."""
