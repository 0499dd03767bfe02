"""Secrets the server must read back (a TOTP seed, an OIDC client secret): AES-GCM with a key derived from the
signing key per purpose, so a database dump alone does not reveal them."""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .. import security


def _key(purpose: str) -> bytes:
    return hashlib.sha256(f"workmonitor-{purpose}:".encode() + security.jwt_key().encode()).digest()


def seal(secret: str, purpose: str) -> str:
    """Return `secret` encrypted for `purpose` (base64 of nonce and ciphertext)."""
    nonce = os.urandom(12)
    return base64.b64encode(nonce + AESGCM(_key(purpose)).encrypt(nonce, secret.encode(), purpose.encode())).decode()


def unseal(sealed: str, purpose: str) -> str:
    """Return the secret sealed for `purpose`; raise cryptography's InvalidTag when it was not."""
    raw = base64.b64decode(sealed)
    return AESGCM(_key(purpose)).decrypt(raw[:12], raw[12:], purpose.encode()).decode()
