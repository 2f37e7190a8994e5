"""`python -m desktop`: the same as the `clubhouse` command."""

from desktop.cli import main

raise SystemExit(main())
