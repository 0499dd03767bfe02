"""The reports function: `handler.app` is its Flask app."""
