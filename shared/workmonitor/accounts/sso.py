"""Single sign-on with OpenID Connect per company (Keycloak, Authentik, Entra ID, Google Workspace, Okta...).

The flow: `start` finds the company by the email's domain, reads the issuer's discovery document and answers
with the provider's authorization URL (authorization code + PKCE S256, a random state and nonce kept in Redis for
ten minutes under the state's keyed hash). `finish` spends the state once, exchanges the code (with the PKCE
verifier and the client secret) at the token endpoint, and verifies the ID token: signature against the issuer's
JWKS, issuer, audience, expiry and nonce (joserfc). The verified email must be in one of the company's domains;
its membership is signed in, or (provisioning on) an employee is created. authlib builds the OAuth 2 requests;
the standard library carries them (functions ship without `requests`, see template/.../assemble.py).
"""

from __future__ import annotations

import base64
import json
import secrets
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import quote

import redis
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri, prepare_token_request
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, InvalidClaimError, JoseError, MissingClaimError
from joserfc.jwk import KeySet

from .. import keys, security
from ..config import settings
from ..db import Claims, Conn, Row, set_claims
from ..errors import ApiError, Forbidden, NotFound, Unauthorized
from ..redis_client import client as redis_client
from . import sealed, users

STATE_TTL = 600
HTTP_TIMEOUT = 10
LEEWAY = 60  # seconds of clock difference allowed on exp/iat


class ProviderUnavailable(ApiError):
    status, code = 503, "sso_provider_unavailable"


def redirect_uri() -> str:
    """Return the web app's callback page registered at the provider."""
    return f"{settings().public_url}/sso/callback"


# --- configuration (admin claims) ---------------------------------------------------------------------------


def get_config(conn: Conn) -> Row | None:
    """Return the company's provider (without its secret) and domains, or None."""
    row = conn.execute(
        "SELECT issuer, client_id, client_secret_enc IS NOT NULL AS has_secret, jit_provisioning, enabled,"
        " updated_at, (SELECT array_agg(domain ORDER BY domain) FROM sso_domains d"
        "  WHERE d.company_id = p.company_id) AS email_domains,"
        " (SELECT sso_required FROM companies c WHERE c.id = p.company_id) AS sso_required"
        " FROM sso_providers p WHERE company_id = app.company_id()"
    ).fetchone()
    return {**row, "email_domains": row["email_domains"] or []} if row else None


def save_config(conn: Conn, admin_id: str, data: dict) -> Row:
    """Store the company's provider, domains and requirement (a domain taken by another company is 409)."""
    secret = data.get("client_secret")
    conn.execute(
        "INSERT INTO sso_providers (company_id, issuer, client_id, client_secret_enc, jit_provisioning, enabled,"
        " updated_by) VALUES (app.company_id(), %(issuer)s, %(client_id)s, %(secret)s, %(jit)s, %(enabled)s, %(by)s)"
        " ON CONFLICT (company_id) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,"
        " client_secret_enc = coalesce(EXCLUDED.client_secret_enc, sso_providers.client_secret_enc),"
        " jit_provisioning = EXCLUDED.jit_provisioning, enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by,"
        " updated_at = now()",
        {
            "issuer": data["issuer"].rstrip("/"),
            "client_id": data["client_id"],
            "secret": sealed.seal(secret, "oidc") if secret else None,
            "jit": data["jit_provisioning"],
            "enabled": data["enabled"],
            "by": admin_id,
        },
    )
    conn.execute("DELETE FROM sso_domains WHERE company_id = app.company_id()")
    for domain in sorted(set(data["email_domains"])):
        conn.execute("INSERT INTO sso_domains (domain, company_id) VALUES (%s, app.company_id())", (domain,))
    conn.execute("UPDATE companies SET sso_required = %s WHERE id = app.company_id()", (data["sso_required"],))
    found = get_config(conn)
    assert found is not None  # just stored
    return found


def required(conn: Conn) -> bool:
    """Return True when the claims' company refuses passwords (its members sign in through SSO only)."""
    row = conn.execute("SELECT sso_required FROM companies WHERE id = app.company_id()").fetchone()
    return bool(row and row["sso_required"])


# --- the sign-in flow (no user yet) -------------------------------------------------------------------------


def _lookup(conn: Conn, domain: str) -> Row:
    row = conn.execute("SELECT * FROM app.sso_lookup(%s)", (domain,)).fetchone()
    if row is None:
        raise NotFound("No single sign-on is set up for this email domain.", code="sso_not_configured")
    return row


def _http_json(url: str, body: bytes | None = None, headers: dict | None = None) -> dict:
    """GET (or POST `body`) `url` and return its JSON; raise 503 when unreachable, 401 when it refuses."""
    req = urllib.request.Request(url, data=body, headers={"Accept": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT) as resp:  # the issuer an admin configured
            return json.loads(resp.read(1_000_000))
    except urllib.error.HTTPError as exc:
        if body is not None and 400 <= exc.code < 500:
            raise Unauthorized("The sign-in provider refused the code.", code="sso_code_refused") from exc
        raise ProviderUnavailable("The sign-in provider failed.", headers={"Retry-After": "30"}) from exc
    except (OSError, ValueError) as exc:
        raise ProviderUnavailable("The sign-in provider cannot be reached.", headers={"Retry-After": "30"}) from exc


def _discover(issuer: str) -> dict:
    """Return the issuer's discovery document; raise 503 when unreachable or naming another issuer."""
    doc = _http_json(f"{issuer}/.well-known/openid-configuration")
    if str(doc.get("issuer", "")).rstrip("/") != issuer:  # OpenID Connect Discovery 1.0, section 4.3
        raise ProviderUnavailable("The sign-in provider's discovery document names another issuer.")
    return doc


def start(conn: Conn, email: str) -> dict:
    """Begin SSO for `email`'s domain; return {"authorization_url"}. 404 when the domain has no provider."""
    domain = email.rsplit("@", 1)[-1].lower()
    provider = _lookup(conn, domain)
    doc = _discover(provider["issuer"])
    state, nonce, verifier = secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(48)
    url = prepare_grant_uri(
        doc["authorization_endpoint"],
        provider["client_id"],
        "code",
        redirect_uri=redirect_uri(),
        scope="openid email profile",
        state=state,
        nonce=nonce,
        code_challenge=create_s256_code_challenge(verifier),
        code_challenge_method="S256",
        login_hint=email,
    )
    flight = {"company_id": str(provider["company_id"]), "domain": domain, "nonce": nonce, "verifier": verifier}
    redis_client().set(keys.sso_state(security.token_hash(state)), json.dumps(flight), ex=STATE_TTL)
    return {"authorization_url": url}


def _exchange(provider: Row, token_endpoint: str, code: str, verifier: str) -> dict:
    """Exchange the code at the token endpoint (client_secret_basic, or a public client with PKCE only)."""
    body = prepare_token_request(
        "authorization_code", code=code, redirect_uri=redirect_uri(), code_verifier=verifier,
        **({} if provider["client_secret_enc"] else {"client_id": provider["client_id"]}),
    )  # fmt: skip
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if provider["client_secret_enc"]:
        secret = sealed.unseal(provider["client_secret_enc"], "oidc")
        pair = f"{quote(provider['client_id'], safe='')}:{quote(secret, safe='')}"  # RFC 6749, section 2.3.1
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
    return _http_json(token_endpoint, body.encode(), headers)


def _spend_state(state: str) -> dict:
    try:
        raw = redis_client().getdel(keys.sso_state(security.token_hash(state)))
    except redis.RedisError as exc:
        raise ProviderUnavailable("Sign-in state is unavailable; try again.", headers={"Retry-After": "5"}) from exc
    if raw is None:
        raise Unauthorized("This sign-in has expired or was already used; start again.", code="sso_state_invalid")
    return json.loads(raw)


def verify_id_token(id_token: str, jwks: Any, issuer: str, client_id: str, nonce: str) -> dict:
    """Return the ID token's claims once its signature (JWKS), issuer, audience, expiry and nonce check out;
    raise 401 naming what failed."""
    try:
        token = jwt.decode(id_token, KeySet.import_key_set(jwks), algorithms=["RS256", "ES256", "PS256"])
        jwt.JWTClaimsRegistry(
            leeway=LEEWAY,
            iss={"essential": True, "value": issuer},
            aud={"essential": True, "value": client_id},
            exp={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(token.claims)
    except ExpiredTokenError as exc:
        raise Unauthorized("The sign-in token has expired.", code="sso_token_expired") from exc
    except InvalidClaimError as exc:
        raise Unauthorized(f"The sign-in token's {exc.claim} is wrong.", code=f"sso_{exc.claim}_invalid") from exc
    except MissingClaimError as exc:
        raise Unauthorized("The sign-in token lacks a required claim.", code="sso_claim_missing") from exc
    except (JoseError, ValueError) as exc:
        raise Unauthorized("The sign-in token is not valid.", code="sso_token_invalid") from exc
    return dict(token.claims)


def finish(conn: Conn, code: str, state: str) -> Row:
    """Complete SSO: verify the provider's answer and return the membership to sign in (claims become it).
    Raises 401 for a bad state or token, 403 for an email outside the company or without an account."""
    flight = _spend_state(state)
    provider = _lookup(conn, flight["domain"])
    if str(provider["company_id"]) != flight["company_id"]:
        raise Unauthorized("The single sign-on setup changed; start again.", code="sso_state_invalid")
    doc = _discover(provider["issuer"])
    token = _exchange(provider, doc["token_endpoint"], code, flight["verifier"])
    jwks = _http_json(doc["jwks_uri"])
    if not isinstance(token.get("id_token"), str):
        raise Unauthorized("The sign-in provider sent no ID token.", code="sso_token_invalid")
    claims = verify_id_token(token["id_token"], jwks, provider["issuer"], provider["client_id"], flight["nonce"])
    return _member(conn, provider, claims)


def _member(conn: Conn, provider: Row, claims: dict) -> Row:
    email = str(claims.get("email") or "").lower()
    if not email or claims.get("email_verified") is False:
        raise Forbidden("The provider did not vouch for an email address.", code="sso_email_unverified")
    found = conn.execute("SELECT * FROM app.sso_lookup(%s)", (email.rsplit("@", 1)[-1],)).fetchone()
    if found is None or found["company_id"] != provider["company_id"]:
        raise Forbidden("This address is not in the company's sign-in domains.", code="sso_domain_mismatch")
    member = next((m for m in users.find_login(conn, email) if m["company_id"] == provider["company_id"]), None)
    if member is None:
        if not provider["jit_provisioning"]:
            raise Forbidden("You have no account in this company; ask for an invitation.", code="sso_no_account")
        name = str(claims.get("name") or email.split("@")[0])[:200]
        made = conn.execute(
            "SELECT app.sso_provision(%s, %s, %s) AS id", (provider["company_id"], email, name)
        ).fetchone()
        assert made is not None  # a function call yields one row
        user_id = made["id"]
        set_claims(conn, Claims(company_id=str(provider["company_id"]), user_id=str(user_id), role="employee"))
        return {"id": user_id, "company_id": provider["company_id"], "role": "employee", "provisioned": True}
    if member["status"] != "active":
        raise Unauthorized("This account is deactivated.", code="account_deactivated")
    out = users.member(member)
    users.act_as(conn, out)
    return {**out, "provisioned": False}
