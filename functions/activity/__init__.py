"""The activity function: `handler.app` is its Flask app."""
