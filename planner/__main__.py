"""``python -m planner``: same as the ``planner`` console script."""

import sys

from planner.entry import main

sys.exit(main())
