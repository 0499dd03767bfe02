"""The auth function: `handler.app` is its Flask app."""
