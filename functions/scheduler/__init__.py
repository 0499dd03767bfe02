"""The scheduler function: `handler.app` is its Flask app."""
