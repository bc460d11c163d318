"""Running the site: backup and restore, the health check, the Sites domain,
the security callables of django-axes and the icons. Imports no app."""
