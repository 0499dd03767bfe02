"""The stripe-webhook function: `handler.app` is its Flask app."""
