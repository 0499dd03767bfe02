#!/usr/bin/env python3
"""Copy the WorkMonitor bucket to a folder and back (boto3; on Debian: apt-get install python3-boto3).

  s3sync.py download DIR   mirror the bucket into DIR/<key>, with DIR/manifest.json (size, ETag, content type);
                           unchanged objects (same size and ETag as in the manifest) are not fetched again, and
                           files of objects no longer in the bucket are removed (the dump is the source of truth).
  s3sync.py upload DIR     put every object of DIR/manifest.json back (creating the bucket), with its content type.

Settings as the services read them: S3_ENDPOINT, S3_BUCKET (default workmonitor), S3_REGION, and the keys from
S3_ACCESS_KEY / S3_SECRET_KEY or the files S3_ACCESS_KEY_FILE / S3_SECRET_KEY_FILE (on faasd:
/var/lib/faasd-provider/secrets/openfaas-fn/s3-access-key and s3-secret-key). Keys never go on the command line.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def _setting(name: str) -> str | None:
    path = os.environ.get(name + "_FILE")
    return Path(path).read_text().strip() if path else os.environ.get(name)


def client():
    """Return an S3 client for the configured endpoint (s3v4, path-style, as the services use)."""
    return boto3.client(
        "s3",
        endpoint_url=os.environ.get("S3_ENDPOINT") or None,
        aws_access_key_id=_setting("S3_ACCESS_KEY"),
        aws_secret_access_key=_setting("S3_SECRET_KEY"),
        region_name=os.environ.get("S3_REGION", "us-east-1"),
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}, retries={"mode": "standard"}),
    )


def _safe_path(root: Path, key: str) -> Path:
    path = (root / "data" / key).resolve()
    if not str(path).startswith(str((root / "data").resolve()) + os.sep):
        raise ValueError(f"refusing object key outside the folder: {key!r}")
    return path


def download(s3, bucket: str, root: Path) -> dict[str, int]:
    """Mirror the bucket into root; return counts (fetched, kept, removed)."""
    manifest_path = root / "manifest.json"
    old = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    new: dict[str, dict] = {}
    fetched = kept = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            key, path = obj["Key"], _safe_path(root, obj["Key"])
            entry = {"size": obj["Size"], "etag": obj["ETag"]}
            prev = old.get(key)
            if prev and prev["size"] == entry["size"] and prev["etag"] == entry["etag"] and path.exists():
                new[key] = prev
                kept += 1
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            got = s3.get_object(Bucket=bucket, Key=key)
            tmp = path.with_name(path.name + ".partial")
            with open(tmp, "wb") as fh:
                for chunk in got["Body"].iter_chunks(1 << 20):
                    fh.write(chunk)
            tmp.replace(path)
            new[key] = {**entry, "content_type": got.get("ContentType", "application/octet-stream")}
            fetched += 1
    removed = 0
    for key in set(old) - set(new):
        path = _safe_path(root, key)
        if path.exists():
            path.unlink()
            removed += 1
    tmp = manifest_path.with_name("manifest.json.partial")
    tmp.write_text(json.dumps(new, indent=0, sort_keys=True))
    tmp.replace(manifest_path)
    return {"fetched": fetched, "kept": kept, "removed": removed}


def upload(s3, bucket: str, root: Path) -> dict[str, int]:
    """Put every object of root's manifest into the bucket (created when missing); return counts."""
    try:
        s3.head_bucket(Bucket=bucket)
    except ClientError:
        s3.create_bucket(Bucket=bucket)
    manifest = json.loads((root / "manifest.json").read_text())
    for key, entry in sorted(manifest.items()):
        with open(_safe_path(root, key), "rb") as fh:
            s3.put_object(Bucket=bucket, Key=key, Body=fh, ContentType=entry.get("content_type", "binary/octet-stream"))
    return {"uploaded": len(manifest)}


def main(argv: list[str]) -> int:
    """Command line; return the exit code."""
    if len(argv) != 2 or argv[0] not in ("download", "upload"):
        sys.exit(__doc__)
    root = Path(argv[1])
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    bucket = os.environ.get("S3_BUCKET", "workmonitor")
    counts = (download if argv[0] == "download" else upload)(client(), bucket, root)
    print(f"s3sync {argv[0]} {bucket}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
