"""Passwords, access tokens and opaque single-use secrets."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid

import bcrypt
import jwt

from .config import settings
from .errors import Unauthorized

JWT_ALGORITHM = "HS256"
ROLES = ("admin", "manager", "employee")
# Dummy hash so that a login for an unknown email costs as much as one for a known email (no timing oracle).
_DUMMY_HASH: bytes | None = None


def jwt_key() -> str:
    """Return the token signing key; raise RuntimeError when none (or a short one) is configured."""
    key = settings().jwt_secret
    if len(key) < 32:
        raise RuntimeError(
            "JWT_SECRET (secret jwt-secret) must be set to at least 32 random characters; "
            "`make run` generates one into .var/"
        )
    return key


def hash_password(password: str) -> str:
    """Return the bcrypt hash of `password` at the configured cost."""
    return bcrypt.hashpw(_prehash(password), bcrypt.gensalt(settings().bcrypt_rounds)).decode()


def verify_password(password: str, hashed: str | None) -> bool:
    """Return True when `password` matches `hashed`; always spends one bcrypt check."""
    global _DUMMY_HASH
    if not hashed:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = bcrypt.hashpw(b"x", bcrypt.gensalt(settings().bcrypt_rounds))
        bcrypt.checkpw(b"y", _DUMMY_HASH)
        return False
    return bcrypt.checkpw(_prehash(password), hashed.encode())


def _prehash(password: str) -> bytes:
    # bcrypt reads only 72 bytes; a SHA-256 pre-hash (base64, 44 bytes) keeps long passphrases whole.
    import base64

    return base64.b64encode(hashlib.sha256(password.encode()).digest())


def issue_access_token(user_id: str, company_id: str, role: str, session_id: str, ttl: int | None = None) -> str:
    """Return a signed access JWT for the user; `session_id` is the refresh-token family it belongs to."""
    now = int(time.time())
    ttl = settings().access_ttl if ttl is None else ttl  # a ttl of 0 (or below) is meant, in tests
    claims = {
        "sub": str(user_id),
        "cid": str(company_id),
        "role": role,
        "sid": str(session_id),
        "typ": "access",
        "iat": now,
        "exp": now + ttl,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, jwt_key(), algorithm=JWT_ALGORITHM)


def decode_access_token(token: str) -> dict:
    """Return the verified claims of an access token; raise Unauthorized when expired, forged or malformed."""
    try:
        claims = jwt.decode(
            token,
            jwt_key(),
            algorithms=[JWT_ALGORITHM],
            options={"require": ["sub", "cid", "role", "exp", "iat", "sid"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthorized("The access token has expired.", code="token_expired") from exc
    except jwt.PyJWTError as exc:
        raise Unauthorized("The access token is invalid.", code="token_invalid") from exc
    if claims.get("typ") != "access" or claims.get("role") not in ROLES:
        raise Unauthorized("The access token is invalid.", code="token_invalid")
    try:
        uuid.UUID(claims["sub"]), uuid.UUID(claims["cid"]), uuid.UUID(claims["sid"])
    except (ValueError, TypeError, AttributeError) as exc:
        raise Unauthorized("The access token is invalid.", code="token_invalid") from exc
    return claims


def new_secret(nbytes: int = 32) -> str:
    """Return a URL-safe random secret for links and refresh tokens."""
    return secrets.token_urlsafe(nbytes)


def new_code(digits: int = 6) -> str:
    """Return a random numeric one-time code."""
    return f"{secrets.randbelow(10**digits):0{digits}d}"


def token_hash(token: str) -> str:
    """Return the keyed hash under which a secret token is stored (the token itself is never stored)."""
    return hmac.new(jwt_key().encode(), token.encode(), hashlib.sha256).hexdigest()
