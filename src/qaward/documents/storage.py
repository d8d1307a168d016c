"""The private storage: ``STORAGES["private"]``.

Files in it have no URL. They reach a browser only through the permission-checked download view,
which streams them with ``storage.open``, so another backend (S3 and the like) can be configured
in ``STORAGES`` without touching the code.
"""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage, Storage, storages

PRIVATE_STORAGE_ALIAS = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """FileSystemStorage without URLs: with ``base_url=None`` the stock class would fall back to
    MEDIA_URL, and a template calling ``.url`` would point a browser past the permission check."""

    def url(self, name):
        raise NotImplementedError("Private files have no URL; link to the download view instead.")


def private_storage() -> Storage:
    return storages[PRIVATE_STORAGE_ALIAS]
