"""The media function: `handler.app` is its Flask app."""
