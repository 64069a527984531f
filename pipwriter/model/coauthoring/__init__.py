"""Writing together: sending copies, merging them back, comparing and approving."""
