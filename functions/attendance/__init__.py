"""The attendance function: `handler.app` is its Flask app."""
