"""What the producers share: page runs, header and footer texts, stable zips."""
import re
import zipfile

from settings import is_wide, page_mm

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def runs(doc, s):
    """The document cut into runs of blocks that share an orientation:
    [(landscape, [blocks])]. Under "sections" a wide table gets a landscape
    run of its own."""
    if s["orientation"] != "sections":
        return [(s["orientation"] == "landscape", list(doc.blocks))]
    out = []
    for b in doc.blocks:
        land = b[0] == "t" and is_wide(b[1])
        if out and out[-1][0] == land:
            out[-1][1].append(b)
        else:
            out.append((land, [b]))
    return out


def text_width_mm(s, landscape):
    w, _ = page_mm(s["paper"], landscape)
    m = s["margins_mm"]
    return w - m["left"] - m["right"]


def header_footer(s, title):
    """(header, footer) as lists of pieces: str, or "PAGE"/"PAGES" marks."""
    hf = s["header_footer"]
    title = title[:40]
    if hf == "page_of_total":
        return None, ["第 ", ("PAGE",), " 页 共 ", ("PAGES",), " 页"]
    if hf == "dash_number":
        return None, ["- ", ("PAGE",), " -"]
    if hf == "running_title":
        return [title], None
    if hf == "title_and_page":
        return [title], ["第 ", ("PAGE",), " 页"]
    return None, None


def stable_zip(path):
    """Rewrites an OOXML package with fixed entry times and fixed document
    dates, so equal content gives equal bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>2024-01-01T00:00:00Z\g<2>", data)
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, data)
