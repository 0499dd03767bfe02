"""The "Pay online" link of an invoice email: stable, signed, and no session of its own.

A Checkout Session expires after a day, but a client opens an invoice email days or weeks later. So the email
carries a link to a public endpoint of the billing function (`/function/billing/pay/<company>/<invoice>/<sig>`) that
makes a fresh session for the open amount when it is followed, and says so when the invoice is paid or void
(workmonitor.billing.client_pay.checkout_or_message).

What must stay true: the signature (HMAC-SHA256 under the server's signing key, bound to this purpose, the company
and the invoice) is checked in constant time before anything is read; a link names exactly one invoice of one
company and acts only as that company's job. No Stripe here: the email job only builds the link.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from ..config import settings
from ..security import jwt_key


def signature(company_id: str, invoice_id: str) -> str:
    """Return the link signature of invoice `invoice_id` of company `company_id` (URL-safe, 32 characters)."""
    message = f"workmonitor invoice pay link v1:{company_id}:{invoice_id}".encode()
    digest = hmac.new(jwt_key().encode(), message, hashlib.sha256).digest()[:24]
    return base64.urlsafe_b64encode(digest).decode()


def valid(company_id: str, invoice_id: str, given: str) -> bool:
    """Return whether `given` is the link signature of the invoice (compared in constant time)."""
    return hmac.compare_digest(signature(company_id, invoice_id).encode(), given.encode())


def url(company_id: str, invoice_id: str) -> str:
    """Return the public Pay online link of the invoice."""
    base = settings().public_url
    return f"{base}/function/billing/pay/{company_id}/{invoice_id}/{signature(company_id, invoice_id)}"
