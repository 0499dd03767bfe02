"""Outgoing requests to addresses users give (webhook endpoints, calendar servers): whether a host resolves only to
public addresses, so such a URL cannot be used to probe the installation's own network (database, metadata
service, the functions behind the gateway). One rule for every caller; each decides what a refusal means."""

from __future__ import annotations

import ipaddress
import socket


def unsafe_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Return True for an address inside a private network, loopback, link-local, multicast, reserved, unspecified
    or otherwise not global (an IPv4-mapped IPv6 address is judged by its IPv4 address)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def resolves_to_unsafe(host: str, port: int) -> bool:
    """Return True when any address `host` resolves to now is unsafe; raise OSError/UnicodeError/ValueError when it
    does not resolve."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return any(unsafe_address(ipaddress.ip_address(str(info[4][0]).split("%")[0])) for info in infos)
