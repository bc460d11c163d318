"""What content models run in save() and clean(): HTML sanitising, content
checks, images and reserved slugs. Imports no app."""
