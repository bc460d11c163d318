# One date format per language, written out as the organisation writes dates
# ("14 June 2024"); Spanish and Portuguese keep Django's ("14 de junio de 2024").
# Times (the admin's schedules) keep Django's format.
DATE_FORMAT = "j F Y"
