"""S3 object storage (MinIO/SeaweedFS in practice): private bucket, company-prefixed keys, short-lived URLs.

Every key is built by `key()` and starts with "<company_id>/"; `presign()` refuses any key outside the
caller's company prefix, so a URL for another tenant's object can never be issued. botocore's NoSuchKey is
translated to FileNotFoundError where it enters. URLs handed to clients come from `signed_url()`: signed for
S3_PUBLIC_ENDPOINT's host (the internal endpoint is unreachable from outside), its path prefix (nginx's /s3,
stripped before S3 sees the request) added after signing.
"""

from __future__ import annotations

import os
import threading
import uuid
from urllib.parse import urlsplit, urlunsplit

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from .config import settings

DEFAULT_URL_TTL = 300
MAX_URL_TTL = 3600
_clients: dict[tuple[int, str | None], object] = {}
_boto_session: boto3.session.Session | None = None
_lock = threading.Lock()


class KeyOutsideCompany(PermissionError):
    """A key that does not belong to the acting company."""


def client(endpoint: str | None = None):
    """Return this process's boto3 S3 client (s3v4 signatures, path-style addressing); one per pid after fork.

    `endpoint` overrides S3_ENDPOINT (the signing client for public URLs).
    """
    pid = os.getpid()
    found = _clients.get((pid, endpoint))
    if found is None:
        with _lock:
            found = _clients.get((pid, endpoint))
            if found is None:
                cfg = settings()
                # A forked child builds its own client (no shared sockets) from the inherited session, whose
                # loaded service model makes that cheap (an RQ work horse per job).
                found = _session().client(
                    "s3",
                    endpoint_url=endpoint or cfg.s3_endpoint,
                    aws_access_key_id=cfg.s3_access_key,
                    aws_secret_access_key=cfg.s3_secret_key,
                    region_name=cfg.s3_region,
                    config=Config(
                        signature_version="s3v4",
                        s3={"addressing_style": "path"},
                        retries={"max_attempts": 3, "mode": "standard"},
                        max_pool_connections=32,
                        connect_timeout=5,
                        read_timeout=30,
                    ),
                )
                for stale in [k for k in _clients if k[0] != pid]:
                    del _clients[stale]
                _clients[(pid, endpoint)] = found
    return found


def _session():
    global _boto_session
    if _boto_session is None:
        _boto_session = boto3.session.Session()
    return _boto_session


def warm() -> None:
    """Build the client now, loading the S3 service model into the session that forked children inherit."""
    client()


def reset() -> None:
    """Forget the client (tests that change the S3 settings)."""
    global _boto_session
    _clients.clear()
    _boto_session = None


def bucket() -> str:
    """Return the bucket name from settings."""
    return settings().s3_bucket


def _prefix(company_id) -> str:
    return f"{uuid.UUID(str(company_id))}/"


def key(company_id, *parts: str) -> str:
    """Return the object key "<company_id>/<parts...>"; raise ValueError on an empty or path-escaping part."""
    clean = []
    for part in parts:
        part = str(part)
        if not part or part in (".", "..") or "/" in part or "\\" in part or not part.isprintable():
            raise ValueError(f"bad key part {part!r}")
        clean.append(part)
    if not clean:
        raise ValueError("a key needs at least one part below the company prefix")
    return _prefix(company_id) + "/".join(clean)


def owned_by(company_id, object_key: str) -> bool:
    """Return True when `object_key` lies under the company's prefix (and has no path tricks)."""
    prefix = _prefix(company_id)
    rest = object_key[len(prefix) :] if object_key.startswith(prefix) else ""
    return bool(rest) and all(p not in ("", ".", "..") for p in rest.split("/"))


def put(object_key: str, data: bytes, content_type: str) -> None:
    """Store `data` under `object_key` (overwriting: deterministic keys make re-runs idempotent)."""
    client().put_object(Bucket=bucket(), Key=object_key, Body=data, ContentType=content_type)


def get(object_key: str) -> bytes:
    """Return the object's bytes; raise FileNotFoundError when it does not exist."""
    try:
        return client().get_object(Bucket=bucket(), Key=object_key)["Body"].read()
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
            raise FileNotFoundError(object_key) from exc
        raise


def copy(source_key: str, target_key: str) -> None:
    """Copy an object inside the bucket (server-side); raise FileNotFoundError when the source does not exist."""
    try:
        client().copy_object(Bucket=bucket(), Key=target_key, CopySource={"Bucket": bucket(), "Key": source_key})
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
            raise FileNotFoundError(source_key) from exc
        raise


def exists(object_key: str) -> bool:
    """Return True when the object exists."""
    try:
        client().head_object(Bucket=bucket(), Key=object_key)
        return True
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
            return False
        raise


def delete(*object_keys: str | None) -> None:
    """Delete the given objects; missing ones are fine (deleting twice is a no-op)."""
    keys = [k for k in object_keys if k]
    for start in range(0, len(keys), 1000):
        batch = keys[start : start + 1000]
        if len(batch) == 1:
            client().delete_object(Bucket=bucket(), Key=batch[0])
            continue
        resp = client().delete_objects(Bucket=bucket(), Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True})
        errors = [e for e in resp.get("Errors", []) if e.get("Code") not in ("NoSuchKey",)]
        if errors:
            raise RuntimeError(f"S3 refused to delete {len(errors)} objects: {errors[0]}")


def list_keys(prefix: str) -> list[str]:
    """Return every key starting with `prefix` (tests, ops and orphan checks)."""
    keys: list[str] = []
    for page in client().get_paginator("list_objects_v2").paginate(Bucket=bucket(), Prefix=prefix):
        keys += [o["Key"] for o in page.get("Contents", [])]
    return keys


def presign(company_id, object_key: str, expires: int = DEFAULT_URL_TTL) -> str:
    """Return a GET URL valid for `expires` seconds; raise KeyOutsideCompany for a key of another company."""
    if not owned_by(company_id, object_key):
        raise KeyOutsideCompany(f"key is not under company {company_id}")
    expires = max(1, min(int(expires), MAX_URL_TTL))
    return signed_url("get_object", {"Bucket": bucket(), "Key": object_key}, expires)


def signed_url(method: str, params: dict, expires: int) -> str:
    """Return a presigned URL for boto3 `method` that a browser, agent or phone can reach (S3_PUBLIC_ENDPOINT)."""
    public = settings().s3_public_endpoint
    if not public:
        return client().generate_presigned_url(method, Params=params, ExpiresIn=expires)
    base = urlsplit(public)
    url = urlsplit(
        client(f"{base.scheme}://{base.netloc}").generate_presigned_url(method, Params=params, ExpiresIn=expires)
    )
    return urlunsplit(url._replace(path=base.path.rstrip("/") + url.path))
