"""The article itself: its parts, its text and the operations that change its structure."""
