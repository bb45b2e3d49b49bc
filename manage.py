#!/usr/bin/env python
"""Same as the installed `hogo` command."""

from hogo.cli import main

if __name__ == "__main__":
    main()
