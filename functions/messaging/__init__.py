"""The messaging function: `handler.app` is its Flask app."""
