"""Demo content: the generator behind ``generate_content``; in ``legacy/``,
old pages that ``make run`` imports; and the privacy, terms and accessibility
pages both publish (``pages.py``)."""
