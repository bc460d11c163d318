"""Pieces of the settings built from the environment: pure functions of a
mapping such as ``os.environ``, imported by ``iomsite/settings.py`` (and by
``iomsite/gunicorn.conf.py``, which must not need Django's settings)."""
