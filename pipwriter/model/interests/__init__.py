"""Competing interests: the ICMJE items, each author's answers and the statements made from them."""
