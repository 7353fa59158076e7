"""QR codes for self check-in: inline SVG for pages, PNG for e-mails (mail clients do not show inline SVG)."""

import io

import qrcode
import qrcode.image.svg


def qr_svg(data: str) -> str:
    """An inline SVG QR code of `data`, drawn on the server."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")


def qr_png(data: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(data, box_size=6, border=2).save(buffer, format="PNG")
    return buffer.getvalue()
