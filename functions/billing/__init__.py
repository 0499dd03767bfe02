"""The billing function: `handler.app` is its Flask app."""
