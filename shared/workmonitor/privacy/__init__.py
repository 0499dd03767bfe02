"""An employee's privacy: the access log of their captured data, the privacy center, export, erasure, retention."""
