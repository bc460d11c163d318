"""Demo content: the generator behind ``generate_content`` and, in
``legacy/``, old pages that ``make run`` imports."""
