"""Request bounds at the HTTP layer: body size (after gzip) and the parser's XML limits."""

from __future__ import annotations

import zlib
from typing import Any

from werkzeug.exceptions import BadRequest, RequestEntityTooLarge
from werkzeug.wsgi import get_content_length, get_input_stream

from ips_emulator.config import Settings
from ips_emulator.protocol.xmlparse import XmlLimits


def xml_limits(settings: Settings) -> XmlLimits:
    return XmlLimits(
        max_depth=settings.max_xml_depth,
        max_elements=settings.max_xml_elements,
        max_attributes=settings.max_xml_attributes,
        max_text=settings.max_xml_text,
    )


def _too_large(limit: int) -> RequestEntityTooLarge:
    return RequestEntityTooLarge(
        f"Request bodies are limited to {limit} bytes, after gzip decompression "
        "(IPS_EMULATOR_MAX_BODY_BYTES)."
    )


def read_body(environ: dict[str, Any], limit: int) -> bytes:
    """The request body, at most ``limit`` bytes as sent and as decompressed (else 413).

    Never more than ``limit + 1`` bytes are read or inflated, so neither a huge body
    nor a gzip bomb costs more than the limit.
    """
    length = get_content_length(environ)
    if length is not None and length > limit:
        raise _too_large(limit)
    data = get_input_stream(environ).read(limit + 1)
    if len(data) > limit:
        raise _too_large(limit)
    if environ.get("HTTP_CONTENT_ENCODING", "").strip().lower() == "gzip":
        return _gunzip(data, limit)
    return data


def _gunzip(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        plain = inflater.decompress(data, limit + 1)
    except zlib.error:
        plain, broken = b"", True
    else:
        broken = False
    if len(plain) > limit:
        raise _too_large(limit)
    if broken or not inflater.eof:  # not gzip, or a truncated stream
        raise BadRequest("The request body is marked Content-Encoding: gzip but is not gzip data.")
    return plain
