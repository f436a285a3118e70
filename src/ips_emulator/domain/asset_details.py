"""An asset's details as the real service derives them: creator, modifier, image facts.

From the recorded getAssetsByName answers with a hit
(``docs/reference/real-service/recorded-2010-01-31/get_assets_by_name__*_asset.xml``):
an uploaded image's original path and file are where it was uploaded; its
optimized copy is ``<root>_optimized_/<3 hex digits>/<uuid>.tif``; sku and
description are the original file's name without its extension; the anchor is
the centre; mask, comments and user data are empty; resolution is 0.0; the
creator is the uploader's e-mail and the last modifier the process that
optimized the image, ``image optimization``; ``ipsImageUrl`` is the optimized
copy under ``image-no-ips/``.

The emulator never fetches an uploaded file, so an image's pixel and byte sizes
are picked from its path and upload instant: plausible, different from image to
image, and the same on every run.
"""

from __future__ import annotations

import hashlib
import posixpath
import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from ips_emulator.records import AssetDetails, ImageFacts

IMAGE = "Image"
#: The recorded lastModifyUser of an uploaded image: the optimizer rewrote it last.
OPTIMIZER = "image optimization"
OPTIMIZED_FOLDER = "_optimized_/"
IPS_IMAGE_PREFIX = "image-no-ips/"
#: Width:height of product and campaign images (43:50 is the recorded 2150 x 2500).
_SHAPES = ((1, 1), (4, 5), (3, 4), (2, 3), (3, 2), (4, 3), (16, 9), (43, 50))


def modifier(asset_type: str, uploader: str) -> str:
    """Who last changed an asset that ``uploader`` has just uploaded."""
    return OPTIMIZER if asset_type == IMAGE else uploader


def _pixels(digest: bytes) -> tuple[int, int]:
    """(width, height) of an image: 1,000 to 4,000 pixels on the long side."""
    long_side = 1000 + 50 * (digest[0] % 61)
    across, down = _SHAPES[digest[1] % len(_SHAPES)]
    if across >= down:
        return long_side, long_side * down // across
    return long_side * across // down, long_side


def image_facts(
    root: str, folder: str, name: str, created: datetime, given: Mapping[str, Any] | None = None
) -> ImageFacts:
    """The ImageInfo of the image uploaded as ``root + folder + name`` at ``created``.

    ``given`` (ImageFacts attribute names) overrides what would be derived; the
    byte size, sku, description and anchor follow the given pixel size and file name.
    """
    given = given or {}
    key = f"{root}{folder}{name}|{created.isoformat()}"
    digest = hashlib.sha256(key.encode()).digest()
    optimized = uuid.UUID(bytes=digest[16:], version=4)
    width, height = _pixels(digest)
    width, height = given.get("width", width), given.get("height", height)
    stem = posixpath.splitext(given.get("original_file", name))[0]
    derived = ImageFacts(
        original_path=f"{root}{folder}",
        original_file=name,
        optimized_path=f"{root}{OPTIMIZED_FOLDER}{optimized.hex[:3]}/",
        optimized_file=f"{optimized}.tif",
        mask_path="",
        mask_file="",
        width=width,
        height=height,
        # Compressed originals take 0.3 to 0.8 bytes a pixel (the recorded one 0.49).
        file_size=width * height * (300 + digest[2] * 500 // 255) // 1000,
        resolution=0.0,
        sku=stem,
        description=stem,
        comments="",
        user_data="",
        anchor_x=width // 2,
        anchor_y=height // 2,
    )
    return replace(derived, **given)


def uploaded(
    root: str, folder: str, name: str, asset_type: str, uploader: str, when: datetime
) -> AssetDetails:
    """The details of an asset that ``uploader`` uploads at ``when``."""
    return AssetDetails(
        created_by=uploader,
        modified_by=modifier(asset_type, uploader),
        metadata=(),
        image=image_facts(root, folder, name, when) if asset_type == IMAGE else None,
    )


def ips_image_url(image: ImageFacts | None) -> str | None:
    """The relative URL of an image's thumbnail view: its optimized copy."""
    if image is None or image.optimized_path is None or image.optimized_file is None:
        return None
    return f"{IPS_IMAGE_PREFIX}{image.optimized_path}{image.optimized_file}"
