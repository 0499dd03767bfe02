"""The projects function: `handler.app` is its Flask app."""
