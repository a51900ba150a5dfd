"""``python -m generator.tools.bench``."""

import sys

from generator.tools.bench import main

sys.exit(main())
