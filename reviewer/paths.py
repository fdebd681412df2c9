"""Where user data and settings live. platformdirs picks the OS convention; environment variables override it.

- THINKTWICE_DATA_DIR: the review database and the log (default: the user data folder).
- THINKTWICE_CONFIG_DIR: per-install secrets such as the audit key (default: the user config folder). The key
  lives apart from the database on purpose: whoever holds only the database cannot re-sign the audit log.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "thinktwice-review"


def data_dir() -> Path:
    override = os.environ.get("THINKTWICE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    """Things we can make again (compiled translations); beside the data when THINKTWICE_DATA_DIR is set."""
    override = os.environ.get("THINKTWICE_DATA_DIR")
    return Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME))


def config_dir() -> Path:
    override = os.environ.get("THINKTWICE_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def default_db_path() -> Path:
    return data_dir() / "review.db"


def log_path() -> Path:
    return data_dir() / "thinktwice.log"
