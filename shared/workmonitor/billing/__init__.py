"""Billing: the operator charges companies per seat through Stripe; off (everything granted) without a Stripe key.

Modules: entitlements (what a company may do; imported by every function, so no Stripe and no secret there),
accounts (the billing row, moved only forward), webhook (Stripe events applied once), stripe_api (the SDK client
and the admin actions), seats (seat-count sync job), notices (admin notifications job), models (wire shapes).
"""
