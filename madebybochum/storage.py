"""Uploads in S3-compatible object storage that browsers never run or sniff (the S3 twin of nginx's /media/)."""

from pathlib import PurePosixPath

from storages.backends.s3 import S3Storage

# Types shown in the browser; everything else (SVG, HTML, scripts, office files) is a download.
INLINE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".pdf": "application/pdf",
}


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        """The type comes from the file name's extension, never from what the uploader's browser claimed."""
        params = super().get_object_parameters(name)
        inline_type = INLINE_TYPES.get(PurePosixPath(name).suffix.lower())
        if inline_type:
            params.update(ContentType=inline_type, ContentDisposition="inline")
        else:
            params.update(ContentType="application/octet-stream", ContentDisposition="attachment")
        return params


