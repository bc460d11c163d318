"""What public pages share: the page cache (the apps register with it), the
preview and pagination mixins, the filter-form helper and language URLs.
Imports no app."""
