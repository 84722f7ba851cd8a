"""Which Chromium the browser tests and `make screenshots` drive, and how (importable without Django)."""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; `playwright install` is never used
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
