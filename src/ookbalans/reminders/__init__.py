"""Reminders: each service's check interval, the daily reminder mails and the one-click confirmation."""
