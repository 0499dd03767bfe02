"""The integrations function: `handler.app` is its Flask app."""
