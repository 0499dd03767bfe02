"""Credentials encrypted at rest: AES-256-GCM under a key from the secrets, with the key id stored beside them.

The secret `integrations-keys` holds one or more keys, `id:base64url(32 bytes)` separated by commas or newlines;
the FIRST one encrypts, every one listed decrypts. To rotate: put a new key first, keep the old one after it,
run `rotate` (or let the next sync re-encrypt), then drop the old key. With no key configured, integrations
that store credentials are off (IntegrationsOff), never stored in the clear.

What must stay true:
- The key id is authenticated (GCM associated data) together with the row's purpose, so a ciphertext cannot be
  moved to another key id or another row kind without failing to decrypt.
- A nonce is never reused: 96 random bits per encryption.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..config import secret
from ..errors import ApiError

PREFIX = "v1"


class IntegrationsOff(ApiError):
    """No encryption key is configured: nothing that needs a stored credential can be connected."""

    status = 409
    code = "integrations_off"


class CredentialUnreadable(Exception):
    """A stored credential does not decrypt with any configured key (a key was dropped too early, or tampering)."""


@dataclass(frozen=True)
class Keyring:
    """The configured keys: `current` encrypts, every key in `keys` decrypts."""

    current: str
    keys: dict[str, bytes]


def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64e(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def parse_keys(text: str) -> Keyring:
    """Return the keyring written as `id:base64url-key` items (first = current); raise ValueError when malformed."""
    keys: dict[str, bytes] = {}
    order: list[str] = []
    for item in text.replace("\n", ",").split(","):
        item = item.strip()
        if not item:
            continue
        kid, sep, material = item.partition(":")
        if not sep or not kid.isalnum() or len(kid) > 32:
            raise ValueError("each key is written id:base64url-key, the id letters and digits")
        raw = _b64d(material.strip())
        if len(raw) != 32:
            raise ValueError(f"key {kid} is not 32 bytes")
        keys[kid] = raw
        order.append(kid)
    if not order:
        raise ValueError("no key given")
    return Keyring(order[0], keys)


def keyring() -> Keyring:
    """Return the configured keyring (read on every call: a rotated secret needs no restart); raise IntegrationsOff."""
    text = secret("integrations-keys")
    if not text:
        raise IntegrationsOff(
            "Integrations are off: no encryption key is configured (secret integrations-keys).", code="integrations_off"
        )
    return parse_keys(text)


def new_key() -> str:
    """Return a fresh key in the secret's format's key part (base64url of 32 random bytes)."""
    return _b64e(AESGCM.generate_key(bit_length=256))


def encrypt(plain: bytes, purpose: str) -> tuple[str, str]:
    """Return (ciphertext text, key id) of `plain` under the current key, bound to `purpose` (e.g. 'calendar')."""
    ring = keyring()
    nonce = os.urandom(12)
    sealed = AESGCM(ring.keys[ring.current]).encrypt(nonce, plain, f"{PREFIX}:{ring.current}:{purpose}".encode())
    return f"{PREFIX}:{ring.current}:{_b64e(nonce)}:{_b64e(sealed)}", ring.current


def decrypt(token: str, purpose: str) -> bytes:
    """Return the plaintext of `token`; raise CredentialUnreadable when no configured key opens it."""
    try:
        version, kid, nonce, sealed = token.split(":")
    except ValueError as exc:
        raise CredentialUnreadable("not a stored credential") from exc
    key = keyring().keys.get(kid)
    if version != PREFIX or key is None:
        raise CredentialUnreadable(f"no configured key {kid!r}")
    try:
        return AESGCM(key).decrypt(_b64d(nonce), _b64d(sealed), f"{PREFIX}:{kid}:{purpose}".encode())
    except (InvalidTag, ValueError) as exc:
        raise CredentialUnreadable("the credential does not decrypt") from exc


def key_id(token: str) -> str:
    """Return the id of the key that encrypted `token`."""
    return token.split(":")[1] if token.count(":") == 3 else ""


def stale(token: str) -> bool:
    """Return whether `token` was encrypted under a key other than the current one (so `reencrypt` is due)."""
    return key_id(token) != keyring().current


def reencrypt(token: str, purpose: str) -> tuple[str, str]:
    """Return `token` encrypted under the current key (decrypting it with whichever key it names)."""
    return encrypt(decrypt(token, purpose), purpose)
