"""Messaging domain: chat channels and messages, the recipient's inbox (notifications, preferences, push
devices), mobile push adapters, and real time over HTTP (publishing rights, presence).

Plain functions over a connection and the shapes they take and give (`models`); the `messaging` and `publish`
functions' routes call them, and so may workers. Sending a notification is `workmonitor.notify.notify`.
"""
