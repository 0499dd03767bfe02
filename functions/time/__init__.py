"""The time function: `handler.app` is its Flask app."""
