"""Running ookbalans in production: the health check, the application server, backup and restore."""
