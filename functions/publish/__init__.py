"""The publish function: `handler.app` is its Flask app."""
