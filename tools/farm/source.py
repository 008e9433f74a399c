"""A text sample as the farm renders it: paragraphs and tables in document
order, the tables taken from `jxaudit tables --format json`."""
import hashlib
import json
import os
import subprocess


def read_text(path):
    """The sample's text and the encoding it was stored in."""
    with open(path, "rb") as f:
        raw = f.read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc), enc.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace"), "utf-8"


class Table:
    """A table as a grid: cells[r] is a list of (text, col, colspan, rowspan)
    for the cells that start in row r; covered positions are left out."""

    def __init__(self, t):
        rows = t["rows"]
        self.title = t.get("title") or ""
        self.header_rows = max(0, min(int(t.get("header_rows") or 0), len(rows)))
        self.width = max((len(r) for r in rows), default=1)
        span_at = {(s["row"], s["col"]): (s.get("rowspan", 1), s.get("colspan", 1))
                   for s in t.get("spans", [])}
        covered = set()
        for (r, c), (rs, cs) in span_at.items():
            for dr in range(rs):
                for dc in range(cs):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
        self.rows = []
        for r, row in enumerate(rows):
            cells = []
            for c, text in enumerate(row):
                if (r, c) in covered:
                    continue
                rs, cs = span_at.get((r, c), (1, 1))
                if c + 1 == len(row) and len(row) < self.width:
                    cs = max(cs, self.width - c)
                rs = max(1, min(rs, len(rows) - r))
                cs = max(1, min(cs, self.width - c))
                cells.append((text, c, cs, rs))
            self.rows.append(cells)

    def texts(self):
        return [text for cells in self.rows for text, _, _, _ in cells]

    def column_chars(self):
        """The longest single-column text per column, in characters."""
        width = [1] * self.width
        for cells in self.rows:
            for text, c, cs, _ in cells:
                if cs == 1:
                    longest = max((len(x) for x in text.split("\n")), default=0)
                    width[c] = max(width[c], longest)
        return width


class Document:
    def __init__(self, path, rel, text, encoding, blocks):
        self.path = path          # absolute
        self.rel = rel            # as written in sidecars, relative to the repo
        self.text = text
        self.encoding = encoding
        self.blocks = blocks      # [("p", str) | ("t", Table)]
        self.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.title = next((b for k, b in blocks if k == "p" and b), rel)

    @property
    def stem(self):
        base = os.path.splitext(os.path.basename(self.path))[0]
        if os.path.basename(os.path.dirname(self.path)) == "fixtures":
            return "fx_" + base
        return base[:3] if base[:3].isdigit() else base


def load(jx, path, repo):
    out = subprocess.run([jx, "tables", "--format", "json", path], check=True,
                         capture_output=True, timeout=300).stdout
    doc = json.loads(out)["documents"][0]
    text, enc = read_text(path)
    lines = text.split("\n")
    spans = sorted((t["first_line"], t["last_line"], i) for i, t in enumerate(doc["tables"]))
    blocks, i = [], 1
    for first, last, k in spans:
        while i < first:
            blocks.append(("p", lines[i - 1].replace("\t", " ").strip()))
            i += 1
        if i <= first:
            blocks.append(("t", Table(doc["tables"][k])))
        i = max(i, last + 1)
    while i <= len(lines):
        blocks.append(("p", lines[i - 1].replace("\t", " ").strip()))
        i += 1
    blocks = [b for b in blocks if b[0] == "t" or b[1]]
    rel = os.path.relpath(path, repo)
    return Document(path, rel, text, enc, blocks)


def sources(repo):
    """samples/*.txt and samples/fixtures/*.txt, sorted."""
    out = []
    for sub in ("samples", os.path.join("samples", "fixtures")):
        d = os.path.join(repo, sub)
        out += sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".txt"))
    return out
