"""The team function: `handler.app` is its Flask app."""
