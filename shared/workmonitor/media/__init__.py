"""Media domain: company media settings, screenshots (checks, storage, presigned views, deletion), screen recordings.

Plain functions over a connection (`settings`, `screenshots`, `recordings`) and the shapes they take and give
(`models`); the `media` function's routes call them, and so do the media and retention jobs.
"""
