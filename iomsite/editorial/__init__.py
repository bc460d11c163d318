"""The staff side the admins of the apps share: the base admin, the
publication guard, the content-check review, filters, roles, the rich-text
widget and the translated-fields form. Imports no app."""
