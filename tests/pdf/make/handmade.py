#!/usr/bin/env python3
"""Write the small hand-made PDFs of tests/pdf/ (see make.sh): each object
is written out, the cross-reference table computed. Nothing here needs a
PDF library."""
import sys, zlib

def pdf(objects, root=1, extra_trailer=""):
    """objects: list of byte strings, object i+1 each; returns the file."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, extra_trailer.encode(), xref)
    return bytes(out)

def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"

def tounicode(pairs):
    """pairs: (code byte, text) for a one-byte ToUnicode CMap."""
    body = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    body += b"1 begincodespacerange <00> <FF> endcodespacerange\n"
    body += b"%d beginbfchar\n" % len(pairs)
    for code, text in pairs:
        body += b"<%02X> <%s>\n" % (code, text.encode("utf-16-be").hex().upper().encode())
    body += b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end\n"
    return stream(body)

def page_objects(content, font_obj):
    """Catalog, pages, page, content, then the font as object 5."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        font_obj,
    ]

# Presentation forms: "كتاب" (book) drawn left to right as its final,
# medial, medial, initial forms (visual order), the ToUnicode giving the
# forms themselves; and lam-alef as one glyph.
def presentation():
    # codes 1..4: ب final FE90, ا final FE8E, ت medial FE98, ك initial FEDB
    # code 5: lam-alef isolated FEFB; code 6: space
    pairs = [(1, "\ufe90"), (2, "\ufe8e"), (3, "\ufe98"), (4, "\ufedb"), (5, "\ufefb"), (6, " ")]
    content = b"BT /F1 20 Tf 50 100 Td <0506010203 04> Tj ET".replace(b" 04", b"04")
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 6 "
            b"/Widths [500 500 500 500 600 250] /ToUnicode 6 0 R >>")
    objs = page_objects(content, font) + [tounicode(pairs)]
    return pdf(objs)

# Type3 font without ToUnicode: glyph names it knows (a, b) and ones it
# cannot know (g7, g8).
def type3():
    procs = b"<< /a 7 0 R /b 7 0 R /g7 7 0 R /g8 7 0 R >>"
    font = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
            b"/CharProcs 6 0 R /Encoding << /Type /Encoding /Differences [65 /a /b /g7 /g8] >> "
            b"/FirstChar 65 /LastChar 68 /Widths [600 600 600 600] /Resources << >> >>")
    glyph = stream(b"600 0 0 0 500 700 d1 0 0 500 700 re f")
    content = b"BT /F1 12 Tf 50 100 Td (ABAB) Tj 0 -20 Td (CD) Tj ET"
    return pdf(page_objects(content, font) + [procs, glyph])

# Text inside a Form XObject with its own resources and matrix, the
# form drawing itself again (which must not recurse), and drawn twice.
def forms():
    # Drawn again inside itself, it would land on the same baseline 100
    # points to the right: "Inside a form Inside a form…" on one line.
    form = stream(b"BT /F9 12 Tf 10 10 Td (Inside a form) Tj ET q 1 0 0 1 100 -50 cm /Fm1 Do Q",
                  b"/Type /XObject /Subtype /Form /BBox [0 0 300 200] /Matrix [1 0 0 1 0 50] "
                  b"/Resources << /Font << /F9 6 0 R >> /XObject << /Fm1 5 0 R >> >> ")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>",
        stream(b"q 1 0 0 1 20 0 cm /Fm1 Do Q q 1 0 0 1 20 60 cm /Fm1 Do Q"),
        form,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf(objs)

# A page that only shows an image: a scan with no text layer.
def scanned():
    pixels = bytes([0b10101010] * 8 * 8)  # 64x8, one bit per pixel
    image = stream(pixels, b"/Type /XObject /Subtype /Image /Width 64 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 1 ")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        stream(b"q 200 0 0 25 50 100 cm /Im1 Do Q"),
        image,
    ]
    return pdf(objs)

# A page tree that declares ten million pages with a few hundred bytes:
# each node's kids are the next node ten times over.
def page_bomb():
    levels = 7
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        me = 2 + level
        kid = me + 1
        objs.append(b"<< /Type /Pages %s /Kids [%s] /Count %d >>" % (
            b"" if level == 0 else b"/Parent %d 0 R" % (me - 1),
            b" ".join([b"%d 0 R" % kid] * 10), 10 ** (levels - level)))
    page = 2 + levels
    objs.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (page - 1, page + 2, page + 1))
    objs.append(stream(b"BT /F1 12 Tf 50 100 Td (The same page, over and over.) Tj ET"))
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf(objs)

# A content stream that inflates from a few kilobytes to far more than
# any page holds (a compression bomb).
def zip_bomb():
    data = zlib.compress(b"0 0 m " * (40 << 20) // 6 * 1, 9) if False else zlib.compress(b" " * (200 << 20), 9)
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return pdf(page_objects(b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")[:3] + [content, b"<< >>"])

if __name__ == "__main__":
    out = sys.argv[1]
    for name, make in [("forms", forms), ("presentation", presentation), ("type3", type3), ("scanned", scanned),
                       ("page-bomb", page_bomb), ("zip-bomb", zip_bomb)]:
        open(f"{out}/{name}.pdf", "wb").write(make())
