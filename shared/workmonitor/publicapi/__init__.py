"""The public API's own parts: personal API tokens (`tokens`) and outgoing webhooks (`webhooks`)."""
