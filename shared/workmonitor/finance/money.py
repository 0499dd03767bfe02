"""Money: integer minor units with an ISO 4217 currency; rates are Decimals; one rounding rule.

The rule (documented in docs and tested with hypothesis, tests/test_finance_money.py):
- every amount is an int of minor units (cents) in one currency; rates (per hour, per year, tax %) are Decimal;
- each line is rounded ONCE, half-up (away from zero at .5) to the minor unit, when it is computed;
- a total is the plain integer sum of its lines, never re-derived from unrounded parts. Tax is a line per rate
  (rounded once from the sum of the lines at that rate), so subtotal + tax lines = total, exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

# ISO 4217 minor-unit exponents that differ from 2 (the default).
_EXPONENTS = {
    "BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0,
    "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0,
    "XOF": 0, "XPF": 0,
}  # fmt: skip
HOUR = Decimal(3600)


def exponent(currency: str) -> int:
    """Return the number of minor-unit digits of `currency` (2 unless ISO 4217 says otherwise)."""
    return _EXPONENTS.get(currency.upper(), 2)


def round_minor(value: Decimal) -> int:
    """Return `value` (minor units, any precision) rounded half-up to a whole minor unit."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_minor(major: Decimal | int | str, currency: str) -> int:
    """Return a major-unit amount (e.g. "12.345" EUR) as minor units, rounded half-up."""
    return round_minor(Decimal(str(major)) * (Decimal(10) ** exponent(currency)))


def to_major(minor: int, currency: str) -> Decimal:
    """Return minor units as an exact Decimal of major units."""
    return Decimal(minor).scaleb(-exponent(currency))


def time_amount(seconds: int, rate: Decimal, currency: str, multiplier: Decimal = Decimal(1)) -> int:
    """Return the pay for `seconds` at hourly `rate` (major units) times `multiplier`, as one rounded line."""
    return round_minor(Decimal(seconds) * rate * multiplier * (Decimal(10) ** exponent(currency)) / HOUR)


def quantity_amount(quantity: Decimal, unit_price: Decimal, currency: str) -> int:
    """Return quantity x unit price (major units) as one rounded line."""
    return round_minor(quantity * unit_price * (Decimal(10) ** exponent(currency)))


def percent_of(amount_minor: int, percent: Decimal) -> int:
    """Return `percent` % of `amount_minor`, rounded half-up (a tax or discount line)."""
    return round_minor(Decimal(amount_minor) * percent / Decimal(100))


def total(lines: Iterable[int]) -> int:
    """Return the sum of line amounts (the only way a total is made)."""
    return sum(lines, 0)


def tax_lines(lines: Iterable[tuple[int, Decimal]]) -> dict[Decimal, int]:
    """Return {rate: tax} for (amount, rate %) lines: one tax line per rate, rounded once from that rate's base."""
    bases: dict[Decimal, int] = {}
    for amount, rate in lines:
        bases[rate] = bases.get(rate, 0) + amount
    return {rate: percent_of(base, rate) for rate, base in sorted(bases.items()) if rate}


def fmt(minor: int, currency: str) -> str:
    """Return "1,234.50 EUR" for people (PDFs, CSV is machine-readable and uses to_major)."""
    major = to_major(minor, currency)
    digits = exponent(currency)
    return f"{major:,.{digits}f} {currency}"
