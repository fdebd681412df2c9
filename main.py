"""Start the ThinkTwice Review desktop app from a checkout: python main.py"""

import sys

from ui.app import run

if __name__ == "__main__":  # the guard matters: transcription child processes re-import this module
    sys.exit(run())
