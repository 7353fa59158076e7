"""Reading back an .xlsx we wrote, cell types and styles included (calamine gives values only)."""

import io
import zipfile
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def read_xlsx(content: bytes) -> tuple[list[list[tuple[str, str, str]]], dict[str, dict[str, str | bool]]]:
    """Rows of (type, value, style index) from the first sheet, and what each style index means (bold, number
    format, quote prefix)."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iterfind(".//m:sheetData/m:row", NS):
        cells = []
        for cell in row.iterfind("m:c", NS):
            kind = cell.get("t", "n")
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in cell.iterfind(".//m:t", NS))
            else:
                value = cell.findtext("m:v", default="", namespaces=NS)
            cells.append((kind, value, cell.get("s", "0")))
        rows.append(cells)
    styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iterfind(".//m:numFmts/m:numFmt", NS)}
    fonts = [font.find("m:b", NS) is not None for font in styles.iterfind(".//m:fonts/m:font", NS)]
    style_info = {}
    for index, xf in enumerate(styles.iterfind(".//m:cellXfs/m:xf", NS)):
        style_info[str(index)] = {
            "bold": fonts[int(xf.get("fontId", "0"))],
            "format": formats.get(xf.get("numFmtId"), ""),
            "quote_prefix": xf.get("quotePrefix") in ("1", "true"),
        }
    return rows, style_info
