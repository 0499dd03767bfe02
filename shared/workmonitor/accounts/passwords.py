"""The password policy for new passwords (signup, reset, invitation acceptance, change): at least MIN_LENGTH
characters and not one of the most common passwords.

The list is SecLists' Passwords/Common-Credentials/10k-most-common.txt (MIT licence, see data/NOTICE), shipped
gzipped in workmonitor/data/ and compared case-insensitively. Existing passwords are never re-checked: a person
whose password predates the policy still signs in and meets it only when they next choose one.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from pydantic_core import PydanticCustomError

MIN_LENGTH = 10
MAX_LENGTH = 256
COMMON_LIST = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt.gz"


@cache
def common_passwords() -> frozenset[str]:
    """Return the shipped list of common (breached) passwords, lower-cased."""
    with gzip.open(COMMON_LIST, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip().lower() for line in fh if line.strip())


def problem(password: str) -> str | None:
    """Return why `password` may not be chosen as a new password, or None when it may."""
    if len(password) < MIN_LENGTH:
        return f"must be at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters"
    if password.strip().lower() in common_passwords() or len(set(password)) == 1:
        return "is one of the most common passwords; choose one that is harder to guess"
    return None


def checked(password: str) -> str:
    """Return `password` when it meets the policy; raise a pydantic error naming the rule it breaks."""
    why = problem(password)
    if why is not None:
        raise PydanticCustomError("password_policy", f"The password {why}.")
    return password
