"""Tests of the reminders app."""
