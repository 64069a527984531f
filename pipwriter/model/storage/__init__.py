"""Storage: project files, saving, backups, versions, recovery copies, journals and locks."""
