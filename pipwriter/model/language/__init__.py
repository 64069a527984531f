"""Language: counting words, readability and spelling."""
