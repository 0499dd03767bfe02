#!/usr/bin/env python3
"""Split a PostgreSQL URL into a password-free conninfo (stdout) and a pgpass file, so no password reaches argv.

Usage: OWNER_DATABASE_URL=postgresql://... pgconn.py PGPASS_FILE [--dbname NAME]
       pgconn.py --field dbname      (print one parameter of the URL; writes nothing)
Reads the URL from $OWNER_DATABASE_URL, else from the file named by $OWNER_DATABASE_URL_FILE. Writes PGPASS_FILE
(mode 0600, libpq's ~/.pgpass format) and prints `host=... port=... user=... dbname=...` for `pg_dump -d`, with
PGPASSFILE pointing at the file. Standard library only: it runs on the backup host, not in an image.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit


def _url() -> str:
    url = os.environ.get("OWNER_DATABASE_URL")
    if not url and os.environ.get("OWNER_DATABASE_URL_FILE"):
        url = Path(os.environ["OWNER_DATABASE_URL_FILE"]).read_text().strip()
    if not url:
        sys.exit("pgconn: set OWNER_DATABASE_URL or OWNER_DATABASE_URL_FILE (the owner role's URL)")
    return url


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _keywords(conninfo: str) -> dict[str, str]:
    """Parse libpq's `key=value key='quoted \\' value'` form."""
    out, i, n = {}, 0, len(conninfo)
    while i < n:
        while i < n and conninfo[i].isspace():
            i += 1
        if i >= n:
            break
        eq = conninfo.index("=", i)
        key, i = conninfo[i:eq].strip(), eq + 1
        while i < n and conninfo[i].isspace():
            i += 1
        value = []
        if i < n and conninfo[i] == "'":
            i += 1
            while conninfo[i] != "'":
                if conninfo[i] == "\\":
                    i += 1
                value.append(conninfo[i])
                i += 1
            i += 1
        else:
            while i < n and not conninfo[i].isspace():
                if conninfo[i] == "\\":
                    i += 1
                value.append(conninfo[i])
                i += 1
        out[key] = "".join(value)
    return out


def split(url: str, dbname: str | None = None) -> tuple[dict[str, str], str | None]:
    """Return (conninfo parameters without the password, the password or None); URL or key=value form."""
    if "://" not in url:
        params = {"host": "127.0.0.1", "port": "5432", "user": "postgres", **_keywords(url)}
        password = params.pop("password", None)
        params["dbname"] = dbname or params.get("dbname") or "postgres"
        return params, password
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        sys.exit("pgconn: the database URL must start with postgresql://")
    params = {
        "host": parts.hostname or "127.0.0.1",
        "port": str(parts.port or 5432),
        "user": unquote(parts.username or "postgres"),
        "dbname": dbname or unquote(parts.path.lstrip("/")) or "postgres",
    }
    params.update({k: v for k, v in parse_qsl(parts.query) if k != "password"})
    password = unquote(parts.password) if parts.password is not None else dict(parse_qsl(parts.query)).get("password")
    return params, password


def main(argv: list[str]) -> int:
    """Write the pgpass file and print the conninfo; return the exit code."""
    if not argv:
        sys.exit(__doc__)
    dbname = argv[argv.index("--dbname") + 1] if "--dbname" in argv else None
    params, password = split(_url(), dbname)
    if argv[0] == "--field":
        print(params[argv[1]])
        return 0
    target = Path(argv[0])
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        if password is not None:
            esc = password.replace("\\", "\\\\").replace(":", "\\:")
            fh.write(f"{params['host']}:{params['port']}:*:{params['user'].replace(':', chr(92) + ':')}:{esc}\n")
    print(" ".join(f"{k}={_quote(v)}" for k, v in params.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
