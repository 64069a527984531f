"""The series' rules and the checks that judge an article against them (the one judge)."""
