"""Single sign-on against a real OpenID Connect provider started on loopback: discovery, JWKS, a token endpoint
that checks the client secret, the redirect URI and PKCE, and ID tokens signed with RS256 (joserfc). Good login,
just-in-time provisioning, wrong nonce, wrong audience, expired token, foreign signature, reused state, unknown
domain, and a company that requires SSO refusing passwords."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from factories import PASSWORD, last_mail, signup
from joserfc import jwt
from joserfc.jwk import RSAKey

AUTH = "/function/auth"
CLIENT_ID, CLIENT_SECRET = "workmonitor-web", "s3cret-" + "x" * 20


class Provider:
    """A minimal OpenID provider: the test plays the user's browser at the authorize step."""

    def __init__(self):
        self.key = RSAKey.generate_key(2048, parameters={"kid": "k1", "alg": "RS256", "use": "sig"})
        self.codes: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, status: int, body: dict):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/.well-known/openid-configuration":
                    self._json(200, {
                        "issuer": provider.issuer, "authorization_endpoint": f"{provider.issuer}/authorize",
                        "token_endpoint": f"{provider.issuer}/token", "jwks_uri": f"{provider.issuer}/jwks",
                        "response_types_supported": ["code"], "id_token_signing_alg_values_supported": ["RS256"],
                        "code_challenge_methods_supported": ["S256"],
                    })  # fmt: skip
                elif self.path == "/jwks":
                    self._json(200, {"keys": [provider.key.as_dict(private=False)]})
                else:
                    self._json(404, {"error": "not_found"})

            def do_POST(self):
                form = {
                    k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()
                }
                provider.token_requests.append(form)
                self._json(*provider.token(form, self.headers.get("Authorization", "")))

        return Handler

    def authorize(self, url: str, hint: str, **claims) -> tuple[str, str]:
        """Check the authorization request and 'log the user in'; return (code, state) for the callback."""
        q = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        assert url.startswith(f"{self.issuer}/authorize?")
        assert q["response_type"] == "code" and "openid" in q["scope"].split() and q["client_id"] == CLIENT_ID
        assert q["code_challenge_method"] == "S256" and q["state"] and q["nonce"] and q["login_hint"] == hint
        code = uuid.uuid4().hex
        now = int(time.time())
        self.codes[code] = {
            "challenge": q["code_challenge"],
            "redirect_uri": q["redirect_uri"],
            "claims": {"iss": self.issuer, "aud": CLIENT_ID, "sub": hint, "email": hint, "email_verified": True,
                       "name": "Sso Person", "nonce": q["nonce"], "iat": now, "exp": now + 300, **claims},
        }  # fmt: skip
        return code, q["state"]

    def token(self, form: dict, authorization: str) -> tuple[int, dict]:
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if authorization != expected:
            return 401, {"error": "invalid_client"}
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or form.get("grant_type") != "authorization_code":
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if challenge != grant["challenge"] or form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE or redirect_uri mismatch"}
        key = grant["claims"].pop("_key", self.key)
        id_token = jwt.encode({"alg": "RS256", "kid": "k1"}, grant["claims"], key)
        return 200, {"access_token": uuid.uuid4().hex, "token_type": "Bearer", "expires_in": 300, "id_token": id_token}


@pytest.fixture(scope="module")
def provider():
    p = Provider()
    yield p
    p.server.shutdown()


@pytest.fixture()
def company(api, provider):
    admin = signup(api)
    domain = f"acme-{uuid.uuid4().hex[:6]}.test"
    cfg = {"issuer": provider.issuer, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
           "email_domains": [domain], "jit_provisioning": True}  # fmt: skip
    r = api.put(f"{AUTH}/sso/config", json=cfg, token=admin["token"])
    assert r.status_code == 200, r.json
    assert r.json["config"]["has_secret"] and "client_secret" not in r.json["config"]
    assert r.json["redirect_uri"].endswith("/sso/callback")
    email = f"eve@{domain}"
    r = api.post("/function/team/invitations", json={"email": email}, token=admin["token"])
    assert r.status_code == 201
    token = re.search(r"token=([\w-]+)", last_mail(email)).group(1)
    r = api.post(f"{AUTH}/invitations/accept", json={"token": token, "name": "Eve", "password": PASSWORD})
    assert r.status_code == 201
    return {"admin": admin, "domain": domain, "email": email, "cfg": cfg}


def _sso(api, provider, hint: str, **claims):
    r = api.post(f"{AUTH}/sso/start", json={"email": hint})
    assert r.status_code == 200, r.json
    code, state = provider.authorize(r.json["authorization_url"], hint, **claims)
    return api.post(f"{AUTH}/sso/callback", json={"code": code, "state": state}), state


def test_good_login_and_just_in_time_provisioning(api, provider, company):
    r, state = _sso(api, provider, company["email"])
    assert r.status_code == 200, r.json
    assert r.json["user"]["email"] == company["email"] and r.json["user"]["role"] == "employee"
    assert api.get(f"{AUTH}/me", token=r.json["access_token"]).status_code == 200
    assert provider.token_requests[-1]["code_verifier"] and provider.token_requests[-1]["grant_type"]
    # The state works once.
    again = api.post(f"{AUTH}/sso/callback", json={"code": "whatever", "state": state})
    assert again.status_code == 401 and again.json["error"]["code"] == "sso_state_invalid"
    # A new address in the domain becomes an employee.
    r, _ = _sso(api, provider, f"new@{company['domain']}")
    assert r.status_code == 200 and r.json["user"]["name"] == "Sso Person" and r.json["user"]["role"] == "employee"


@pytest.mark.parametrize(
    ("claims", "status", "code"),
    [
        ({"nonce": "not-the-nonce"}, 401, "sso_nonce_invalid"),
        ({"aud": "someone-else"}, 401, "sso_aud_invalid"),
        ({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}, 401, "sso_token_expired"),
        ({"iss": "https://evil.example"}, 401, "sso_iss_invalid"),
        ({"_key": RSAKey.generate_key(2048, parameters={"kid": "k1"})}, 401, "sso_token_invalid"),
        ({"email": "mallory@elsewhere.test"}, 403, "sso_domain_mismatch"),
    ],
    ids=["wrong-nonce", "wrong-audience", "expired", "wrong-issuer", "foreign-signature", "other-domain"],
)
def test_bad_id_tokens_are_refused(api, provider, company, claims, status, code):
    r, _ = _sso(api, provider, company["email"], **claims)
    assert r.status_code == status and r.json["error"]["code"] == code, r.json


def test_unknown_domain_and_sso_required_refusing_passwords(api, provider, company):
    r = api.post(f"{AUTH}/sso/start", json={"email": "someone@unknown-domain.test"})
    assert r.status_code == 404 and r.json["error"]["code"] == "sso_not_configured"
    no_jit = {**company["cfg"], "jit_provisioning": False, "client_secret": None}
    assert api.put(f"{AUTH}/sso/config", json=no_jit, token=company["admin"]["token"]).status_code == 200
    r, _ = _sso(api, provider, f"stranger@{company['domain']}")
    assert r.status_code == 403 and r.json["error"]["code"] == "sso_no_account"

    login = {"email": company["email"], "password": PASSWORD}
    assert api.post(f"{AUTH}/login", json=login).status_code == 200
    required = {**no_jit, "sso_required": True}
    assert api.put(f"{AUTH}/sso/config", json=required, token=company["admin"]["token"]).status_code == 200
    r = api.post(f"{AUTH}/login", json=login)
    assert r.status_code == 403 and r.json["error"]["code"] == "sso_required"
    r, _ = _sso(api, provider, company["email"])  # the secret kept from before still works
    assert r.status_code == 200, r.json
