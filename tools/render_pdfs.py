#!/usr/bin/python3
"""Renders the text samples into PDFs the way reports are usually made.

For every samples/*.txt, jxaudit's own `tables --format json` gives the
tables (rows, merged hierarchy cells); the lines outside tables are the
paragraphs. Two renderings go to samples/pdf/:
  NNN_ruled.pdf    a Word document (python3-docx) with bordered tables,
                   vertically merged hierarchy cells and a page-number
                   footer, converted by LibreOffice headless;
  NNN_unruled.pdf  an HTML page with border-less tables, converted by
                   LibreOffice headless.
and the failure fixtures under samples/pdf/bad/.

Usage: tools/render_pdfs.py JXAUDIT_BINARY OUT_DIR
"""
import copy
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Mm
import pikepdf

FONT = "Noto Sans CJK SC"


def blocks_of(jx, path):
    out = subprocess.run([jx, "tables", "--format", "json", path], check=True,
                         capture_output=True).stdout
    doc = json.loads(out)["documents"][0]
    tables = doc["tables"]
    with open(path, "rb") as f:
        lines = f.read().decode("utf-8-sig").split("\n")
    spans = sorted((t["first_line"], t["last_line"], t) for t in tables)
    blocks, i = [], 1
    for first, last, t in spans:
        while i < first:
            blocks.append(("p", lines[i - 1].replace("\t", " ").strip()))
            i += 1
        blocks.append(("t", t))
        i = max(i, last + 1)
    while i <= len(lines):
        blocks.append(("p", lines[i - 1].replace("\t", " ").strip()))
        i += 1
    # A caption the layout attached to a table is printed above it already.
    return [b for b in blocks if b[0] == "t" or b[1]]


def grid_of(t):
    """Rows of (text, first grid column, columns spanned, merged-from-above)."""
    rows = t["rows"]
    width = max((len(r) for r in rows), default=1)
    merged = set()
    for s in t["spans"]:
        for k in range(1, s["rowspan"]):
            merged.add((s["row"] + k, s["col"]))
    grid = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            span = 1 if c + 1 < len(row) else width - len(row) + 1
            cells.append((text, c, span, (r, c) in merged))
        grid.append(cells)
    return grid, width


def set_cell_text(cell, text):
    cell.text = ""
    lines = text.split("\n")
    p = cell.paragraphs[0]
    for k, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size = Pt(9)
        if k + 1 < len(lines):
            p = cell.add_paragraph()


def add_page_footer(section):
    p = section.footer.paragraphs[0]
    p.alignment = 1
    p.add_run("第 ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)
    p.add_run(" 页")


def render_docx(blocks, out):
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(10)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(20)
    add_page_footer(sec)
    for kind, b in blocks:
        if kind == "p":
            d.add_paragraph(b)
            continue
        grid, width = grid_of(b)
        tab = d.add_table(rows=len(grid), cols=width)
        tab.style = "Table Grid"
        for r, cells in enumerate(grid):
            for text, c, span, from_above in cells:
                cell = tab.cell(r, c)
                if span > 1:
                    cell = cell.merge(tab.cell(r, c + span - 1))
                if from_above:
                    above = tab.cell(r - 1, c)
                    cell = above.merge(cell)
                    continue
                set_cell_text(cell, text)
        d.add_paragraph("")
    d.save(out)


def render_html(blocks, out):
    h = ['<html><head><meta charset="utf-8"><style>',
         'body { font-family: "%s"; font-size: 10pt; }' % FONT,
         "table { border-collapse: collapse; border: none; }",
         "td { border: none; padding: 4pt 8pt; vertical-align: top; font-size: 9pt; }",
         "</style></head><body>"]
    for kind, b in blocks:
        if kind == "p":
            h.append("<p>%s</p>" % html.escape(b))
            continue
        grid, width = grid_of(b)
        h.append('<table cellspacing="0" cellpadding="4" border="0">')
        rowspan = {}
        for s in b["spans"]:
            rowspan[(s["row"], s["col"])] = s["rowspan"]
        for r, cells in enumerate(grid):
            h.append("<tr>")
            for text, c, span, from_above in cells:
                if from_above:
                    continue
                attrs = ""
                if span > 1:
                    attrs += ' colspan="%d"' % span
                if rowspan.get((r, c), 1) > 1:
                    attrs += ' rowspan="%d"' % rowspan[(r, c)]
                body = "<br>".join(html.escape(x) for x in text.split("\n"))
                h.append("<td%s>%s</td>" % (attrs, body))
            h.append("</tr>")
        h.append("</table><p></p>")
    h.append("</body></html>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(h))


def to_pdf(src, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export",
                    "--outdir", outdir, src], check=True, capture_output=True)
    return os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".pdf")


def rotated_fixture(src, out):
    """Page 1 stored portrait with /Rotate 90: the content is drawn turned a
    quarter, as scanners and some exporters store landscape pages."""
    pdf = pikepdf.open(src)
    page = pdf.pages[0]
    x0, y0, x1, y1 = [float(v) for v in page.MediaBox]
    w, h = x1 - x0, y1 - y0
    # Device = content rotated 90° clockwise when shown; store it turned back.
    page.contents_coalesce()
    data = page.Contents.read_bytes()
    pre = b"q 0 1 -1 0 %f 0 cm\n" % h
    page.Contents.write(pre + data + b"\nQ\n")
    page.MediaBox = [0, 0, h, w]
    page.Rotate = 90
    del pdf.pages[1:]
    pdf.save(out)


def cid_fixture(src, out):
    """Fonts without a ToUnicode map: text extracts as unmapped glyph codes."""
    pdf = pikepdf.open(src)
    del pdf.pages[1:]
    for page in pdf.pages:
        fonts = page.Resources.get("/Font", {})
        for name in list(fonts.keys()):
            f = fonts[name]
            if "/ToUnicode" in f:
                del f["/ToUnicode"]
    pdf.save(out)


def scanned_fixture(src_png, out):
    """One page holding only an image: no text layer."""
    import struct
    with open(src_png, "rb") as f:
        data = f.read()
    # pdftoppm -gray writes PGM: "P5\nW H\n255\n" + bytes.
    parts = data.split(b"\n", 3)
    w, h = [int(x) for x in parts[1].split()]
    pixels = parts[3]
    pdf = pikepdf.new()
    img = pikepdf.Stream(pdf, zlib.compress(pixels))
    img.Type, img.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    img.Width, img.Height, img.BitsPerComponent = w, h, 8
    img.ColorSpace = pikepdf.Name.DeviceGray
    img.Filter = pikepdf.Name.FlateDecode
    pw, ph = 595.0, 842.0
    content = pikepdf.Stream(pdf, b"q %f 0 0 %f 0 0 cm /Im0 Do Q" % (pw, ph))
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, pw, ph],
                              Contents=content,
                              Resources=pikepdf.Dictionary(
                                  XObject=pikepdf.Dictionary(Im0=img)))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(out)


def main():
    jx, outdir = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    samples = os.path.join(here, "..", "samples")
    os.makedirs(os.path.join(outdir, "bad"), exist_ok=True)
    work = tempfile.mkdtemp()
    try:
        names = sorted(n for n in os.listdir(samples) if n.endswith(".txt"))
        for n in names:
            stem = n[:3]
            blocks = blocks_of(jx, os.path.join(samples, n))
            dx = os.path.join(work, stem + "_ruled.docx")
            render_docx(blocks, dx)
            shutil.copy(to_pdf(dx, work), os.path.join(outdir, stem + "_ruled.pdf"))
            hx = os.path.join(work, stem + "_unruled.html")
            render_html(blocks, hx)
            shutil.copy(to_pdf(hx, work), os.path.join(outdir, stem + "_unruled.pdf"))
            print("rendered", stem)
        first = os.path.join(outdir, names[0][:3] + "_ruled.pdf")
        bad = os.path.join(outdir, "bad")
        rotated_fixture(os.path.join(outdir, names[2][:3] + "_ruled.pdf"),
                        os.path.join(outdir, "rotated_page.pdf"))
        cid_fixture(first, os.path.join(bad, "cid_font.pdf"))
        subprocess.run(["pdftoppm", "-gray", "-r", "60", "-f", "1", "-l", "1", first,
                        os.path.join(work, "scan")], check=True)
        pgm = [f for f in os.listdir(work) if f.startswith("scan")][0]
        scanned_fixture(os.path.join(work, pgm), os.path.join(bad, "scanned.pdf"))
        subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--",
                        first, os.path.join(bad, "encrypted.pdf")], check=True)
        with open(first, "rb") as f:
            head = f.read(4096)
        # The header and the first objects, then noise: no xref to rebuild.
        with open(os.path.join(bad, "damaged.pdf"), "wb") as f:
            f.write(head[:1024] + bytes((i * 37 + 11) % 251 for i in range(3000)))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
