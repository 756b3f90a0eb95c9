"""`python -m acuerdos.cli`: the same as the `acuerdos` command."""

import sys

from . import main

sys.exit(main())
