#!/usr/bin/python3
"""Writes each text sample as .docx, .xlsx and .html (UTF-8, and GB2312-declared
GB18030 with page noise), from jxaudit's own tables of the text, then .doc, .xls
and .odt from those through LibreOffice (the .doc by way of the .odt).

  tools/office-samples.py BINARY OUTDIR SAMPLE.txt...   (Debian's python3-docx,
  python3-openpyxl; LibreOffice for the legacy formats, skipped without it)

Paragraphs are the text's lines outside its tables; each table is written
whole, its spans as real merges (gridSpan/vMerge, merged ranges, rowspan and
colspan), its header rows marked where the format can (w:tblHeader, <thead>),
numbers in the workbook as numeric cells with the number format that prints
them as the text does.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
import openpyxl
from openpyxl.styles import Border, Side

CODECS = {"UTF-8": "utf-8", "UTF-8 BOM": "utf-8-sig", "GB18030": "gb18030",
          "UTF-16LE": "utf-16-le", "UTF-16BE": "utf-16-be"}


def read_blocks(binary, path):
    out = subprocess.run([binary, "tables", "--no-db", "--format", "json", "-q",
                          "-j", "1", path], check=True, capture_output=True).stdout
    d = json.loads(out)["documents"][0]
    raw = open(path, "rb").read()
    text = raw.decode(CODECS[d["encoding"]])
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = re.split(r"\r\n|\r|\n", text)
    tables = sorted(d["tables"], key=lambda t: t["first_line"])
    blocks, ti, n = [], 0, 1
    while n <= len(lines):
        if ti < len(tables) and n == tables[ti]["first_line"]:
            blocks.append(("t", tables[ti]))
            n = tables[ti]["last_line"] + 1
            ti += 1
            continue
        s = lines[n - 1].strip(" \t\u3000\u00a0")
        if s:
            blocks.append(("p", s))
        n += 1
    return blocks


def spans_of(t):
    """Spans whose cells all exist in the printed rows, covered ones empty."""
    rows, good = t["rows"], []
    for s in t.get("spans", []):
        r0, c0, rs, cs = s["row"], s["col"], s["rowspan"], s["colspan"]
        cells = [(r, c) for r in range(r0, r0 + rs) for c in range(c0, c0 + cs)]
        if all(r < len(rows) and c < len(rows[r]) and
               ((r, c) == (r0, c0) or not rows[r][c].strip()) for r, c in cells):
            good.append((r0, c0, rs, cs))
    return good


def write_docx(blocks, path):
    d = docx.Document()
    for kind, b in blocks:
        if kind == "p":
            d.add_paragraph(b)
            continue
        rows = b["rows"]
        width = max(len(r) for r in rows)
        t = d.add_table(rows=len(rows), cols=width)
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
        for r0, c0, rs, cs in spans_of(b):
            t.cell(r0, c0).merge(t.cell(r0 + rs - 1, c0 + cs - 1))
        for r, row in enumerate(rows):
            tr = t.rows[r]._tr
            if r < b["header_rows"]:
                tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            # A short row ends early: its missing cells are grid after it.
            missing = width - len(row)
            if missing > 0:
                tcs = tr.findall(qn("w:tc"))
                for tc in tcs[len(tcs) - missing:]:
                    tr.remove(tc)
                ga = OxmlElement("w:gridAfter")
                ga.set(qn("w:val"), str(missing))
                tr.get_or_add_trPr().append(ga)
    d.save(path)


NUM = re.compile(r"^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$")
GROUPED = re.compile(r"^-?[1-9]\d{0,2}(,\d{3})+(\.\d{1,6})?$")
PCT = re.compile(r"^-?(0|[1-9]\d{0,5})(\.\d{1,4})?%$")
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def number_cell(text):
    """(value, number format) when the text is a number Excel would print
    back exactly, else None."""
    def fmt(base, dec, suffix=""):
        return base + ("." + "0" * len(dec) if dec else "") + suffix
    m = NUM.match(text)
    if m:
        return float(text), fmt("0", (m.group(2) or "")[1:])
    m = GROUPED.match(text)
    if m:
        return float(text.replace(",", "")), fmt("#,##0", (m.group(2) or "")[1:])
    m = PCT.match(text)
    if m:
        return float(text[:-1]) / 100, fmt("0", (m.group(2) or "")[1:], "%")
    return None


def write_xlsx(blocks, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "报告"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    r = 1
    for kind, b in blocks:
        if kind == "p":
            ws.cell(r, 1).value = ILLEGAL.sub("", b)
            ws.cell(r, 1).data_type = "s"
            r += 1
            continue
        for row in b["rows"]:
            for c, text in enumerate(row):
                cell = ws.cell(r, c + 1)
                cell.border = border
                num = number_cell(text)
                if num:
                    cell.value, cell.number_format = num
                elif text:
                    cell.value = ILLEGAL.sub("", text)
                    cell.data_type = "s"
            r += 1
        top = r - len(b["rows"])
        for r0, c0, rs, cs in spans_of(b):
            ws.merge_cells(start_row=top + r0, start_column=c0 + 1,
                           end_row=top + r0 + rs - 1, end_column=c0 + cs)
        r += 1  # a blank row ends the table
    wb.save(path)


def cell_html(text):
    s = html.escape(text).replace("\n", "<br>")
    return s.replace("  ", " &nbsp;")


def write_html(blocks, path, noisy):
    body = []
    for kind, b in blocks:
        if kind == "p":
            body.append("<p>%s</p>" % cell_html(b))
            continue
        rows, covered, spans = b["rows"], set(), {}
        for r0, c0, rs, cs in spans_of(b):
            spans[(r0, c0)] = (rs, cs)
            covered |= {(r, c) for r in range(r0, r0 + rs)
                        for c in range(c0, c0 + cs)} - {(r0, c0)}
        out = ['<table border="1" cellspacing="0">']
        for r, row in enumerate(rows):
            if r == 0 and b["header_rows"]:
                out.append("<thead>")
            tag = "th" if r < b["header_rows"] else "td"
            tds = []
            for c, text in enumerate(row):
                if (r, c) in covered:
                    continue
                attrs = ""
                rs, cs = spans.get((r, c), (1, 1))
                if rs > 1:
                    attrs += ' rowspan="%d"' % rs
                if cs > 1:
                    attrs += ' colspan="%d"' % cs
                tds.append("<%s%s>%s</%s>" % (tag, attrs, cell_html(text), tag))
            out.append("<tr>%s</tr>" % "".join(tds))
            if r + 1 == b["header_rows"]:
                out.append("</thead><tbody>")
        out.append("</tbody></table>" if b["header_rows"] else "</table>")
        body.append("\n".join(out))
    content = "\n".join(body)
    if not noisy:
        page = ('<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
                "<title>报告</title></head><body>\n%s\n</body></html>\n" % content)
        open(path, "w", encoding="utf-8").write(page)
        return
    # A portal page: GB2312 declared, GB18030 bytes (characters outside
    # GB2312 are common), a navigation bar, scripts, styles, a footer, and the
    # report inside a layout table.
    page = ('<html><head>\n<meta http-equiv="Content-Type" content="text/html; '
            'charset=gb2312">\n<title>信息公开</title>\n'
            "<style>td{font-size:12px} .nav{color:#333}</style>\n"
            "<script>var t='<table><tr><td>合计 100</td></tr></table>';"
            "document.write('');</script>\n</head><body>\n"
            '<nav class="nav"><a href="/">首页</a> | <a href="/xxgk">信息公开</a>'
            " | 当前位置：财政预决算 &gt; 2023年</nav>\n"
            '<table width="100%%" border="0"><tr><td width="200">'
            "<ul><li>机构概况</li><li>政策文件</li></ul></td>"
            "<td>\n%s\n</td></tr></table>\n"
            "<footer>版权所有：某某人民政府办公室 &nbsp;网站标识码 1234567890 "
            "&nbsp;访问量 123,456</footer>\n"
            "<script>var _hmt = _hmt || []; // 统计代码 98.5%%</script>\n"
            "</body></html>\n" % content)
    open(path, "wb").write(page.encode("gb18030"))


def soffice_convert(src, fmt, outdir):
    soffice = shutil.which("soffice")
    if not soffice:
        return False
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, "-env:UserInstallation=file://" + profile,
                        "--headless", "--norestore", "--convert-to", fmt,
                        "--outdir", outdir, src], check=True, timeout=300,
                       capture_output=True)
    return True


def main():
    binary, outdir, samples = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    legacy = os.environ.get("LEGACY", "1") != "0"
    for s in samples:
        stem = os.path.splitext(os.path.basename(s))[0]
        blocks = read_blocks(binary, s)
        base = os.path.join(outdir, stem)
        write_docx(blocks, base + ".docx")
        write_xlsx(blocks, base + ".xlsx")
        write_html(blocks, base + ".utf8.html", noisy=False)
        write_html(blocks, base + ".gbk.html", noisy=True)
        if legacy:
            # .doc from the .odt: LibreOffice 7.4 writing .doc straight from
            # these .docx files drops some tables (rows ending early), the
            # same content through ODF keeps them.
            soffice_convert(base + ".docx", "odt", outdir)
            soffice_convert(base + ".odt", "doc", outdir)
            soffice_convert(base + ".xlsx", "xls", outdir)
        print(stem)


if __name__ == "__main__":
    main()
