"""`python -m reviewer.cli` runs the command line (the tests and the job runner use this form)."""

import sys

from reviewer.cli.entry import main

sys.exit(main())
