"""Reading input: files, directories, URLs, JSON and raw bytes into :class:`Article` records."""
