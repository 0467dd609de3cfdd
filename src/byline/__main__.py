import sys

from byline.cli import main

sys.exit(main())
