"""The upload limit: a request body above OOKBALANS_UPLOAD_MAX_BYTES is refused before its file is read."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

# The attribute of the request that tells a view its upload was refused (the limit in bytes).
REFUSED = "upload_refused"


class LimitedUploadHandler(FileUploadHandler):
    """First of the upload handlers: stops a multipart body at the limit.

    A body that announces a larger size stops at its first file, so the fields before it (the CSRF
    token) are still read and the page can say why; the rest of the body is never read
    (StopUpload(connection_reset=True)). A body that sends more than it announced stops at the limit.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = settings.OOKBALANS_UPLOAD_MAX_BYTES
        self.too_large = content_length > self.limit
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.too_large:
            self.refuse()

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.refuse()
        return raw_data

    def file_complete(self, file_size):
        return None

    def refuse(self):
        if self.request is not None:
            setattr(self.request, REFUSED, self.limit)
        raise StopUpload(connection_reset=True)
