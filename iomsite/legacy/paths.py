"""The files an import may read: those inside the folder it was given.

An old-site dump is handed over by someone else, and may hold symbolic links
(to ``/etc/passwd``, to a home folder) or pages whose images the importer
looks for in the folders above. Every path is resolved, symbolic links
followed, before it is read, and refused when it ends outside its folder: a
link to a file inside the folder is read, a link out of it never.
"""

from pathlib import Path


def folder_of(path):
    """The folder an import of ``path`` may read: ``path`` itself when it is a
    folder, else the folder of the file, resolved."""
    path = Path(path)
    return (path if path.is_dir() else path.parent).resolve()


def is_inside(path, folder):
    """Whether ``path``, every link in it followed, is ``folder`` or under it."""
    try:
        resolved = Path(path).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a loop of links
        return False
    return resolved.is_relative_to(folder)


def outside_reason(path, folder):
    """Why ``path`` may not be read ("a link to a file outside FOLDER"), or
    ``""`` when it may."""
    if is_inside(path, folder):
        return ""
    return f"refused: a link to a file outside {folder}"


def confining_folder(path, folders):
    """The folder of ``folders`` (resolved) that holds ``path``, the deepest
    one; else the folder of ``path`` itself."""
    resolved = Path(path).resolve()
    holding = [folder for folder in folders if resolved.is_relative_to(folder)]
    if holding:
        return max(holding, key=lambda folder: len(folder.parts))
    return resolved.parent


def folders_up(folder, limit, root):
    """``folder`` and up to ``limit`` folders above it, none above ``root``."""
    found = []
    for above in [folder, *folder.parents][: limit + 1]:
        if not above.is_relative_to(root):
            break
        found.append(above)
    return found
