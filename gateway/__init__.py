"""The WebSocket (Socket.IO) gateway: a long-lived service that relays events published through Redis."""
