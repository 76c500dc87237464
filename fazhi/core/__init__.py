"""The kernel: what every capability shares and none owns.

Security and integrity pieces live here (input validators, the numbering
allocator, the optimistic lock); the capability contract joins them later.
"""
