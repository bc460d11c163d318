# One date format per language, written out as the organisation writes dates
# ("14 June 2024"); Spanish and Portuguese keep Django's ("14 de junio de 2024").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
