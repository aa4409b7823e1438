"""Files that hold rosters on disk (the SQLite database, backup ZIPs, export CSVs) readable by
their owner only: files 0600, the folders created for them 0700, whatever the umask.

POSIX only. On Windows a file's mode bits say nothing about who may read it (access lists do,
inherited from the folder), so the files are written as usual there and the folder chosen for
them decides.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_POSIX = os.name == "posix"


def private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents 0700. Folders that exist keep their mode: the
    operator may have chosen a shared one on purpose, and only the files in it are tightened."""
    missing = []
    for path in (folder, *folder.parents):
        if path.exists():
            break
        missing.append(path)
    folder.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        for path in missing:
            # mkdir's mode is reduced by the umask; chmod is not.
            path.chmod(FOLDER_MODE)


def create_private(path: Path) -> None:
    """An empty file 0600 at `path` when there is none (e.g. before SQLite creates its database,
    whose -wal and -shm files SQLite then gives the same mode); an existing file is left as is."""
    if not _POSIX:
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.fchmod(fd, FILE_MODE)
    os.close(fd)


def write_private(path: Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8) to `path`, a file 0600 (an existing one is tightened before
    anything is written to it), in a folder created 0700 if missing."""
    private_folder(path.parent)
    content = data.encode("utf-8") if isinstance(data, str) else data
    if not _POSIX:
        path.write_bytes(content)
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        os.fchmod(fd, FILE_MODE)
        fh.write(content)
