#!/usr/bin/env python3
"""Django's command-line utility; the same as the `ookbalans` console script."""

from ookbalans.cli import main

if __name__ == "__main__":
    main()
