"""Accounts: the login's lockout and the second factor (TOTP and recovery codes) for coordinators."""
