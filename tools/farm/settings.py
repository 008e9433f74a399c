"""Seeded drawing of the style settings of one rendering.

Every setting is drawn for every rendering, whatever the producer; a
producer that cannot apply one records what it did instead (see
`effective`), and the sidecar keeps both."""
import random

PAPERS = {"A4": (210, 297), "A3": (297, 420), "B5": (176, 250)}
ORIENTATIONS = ["portrait", "landscape", "sections"]
FAMILIES = {
    # family: the faces tried for it, for the producers that use fontconfig
    "song": ["Noto Serif CJK SC", "AR PL UMing CN"],
    "hei": ["Noto Sans CJK SC", "WenQuanYi Zen Hei"],
    "kai": ["AR PL UKai CN"],
}
COLUMN_WIDTHS = ["equal", "content", "random"]
VALIGNS = ["top", "center", "bottom"]
RULES = ["grid", "three_line", "frame", "none"]
HEADER_FOOTERS = ["none", "page_of_total", "dash_number", "running_title", "title_and_page"]
PRODUCERS = ["writer", "calc", "chromium", "reportlab", "wkhtmltopdf"]

# The style settings the farm report groups its totals by.
STYLE_KEYS = ["paper", "orientation", "font_family", "font_size", "column_widths",
              "valign", "repeat_header", "rules", "row_break", "justify",
              "header_footer"]


def rng_for(seed, source_rel, producer, index):
    return random.Random("farm:%s:%s:%s:%d" % (seed, source_rel, producer, index))


def draw(rng):
    s = {}
    s["paper"] = rng.choice(list(PAPERS))
    s["orientation"] = rng.choice(ORIENTATIONS)
    s["margins_mm"] = {k: rng.choice(range(10, 31, 2)) for k in ("top", "bottom", "left", "right")}
    s["font_family"] = rng.choice(list(FAMILIES))
    s["font_face"] = rng.choice(FAMILIES[s["font_family"]])
    s["font_size"] = rng.choice([9, 9.5, 10, 10.5, 11, 12, 13, 14])
    s["table_font_size"] = rng.choice([x for x in (9, 9.5, 10, 10.5, 11, 12) if x <= s["font_size"]])
    s["column_widths"] = rng.choice(COLUMN_WIDTHS)
    s["width_seed"] = rng.randrange(1 << 30)
    s["valign"] = rng.choice(VALIGNS)
    s["number_align"] = rng.choice(["right", "center", "left"])
    s["repeat_header"] = rng.random() < 0.5
    s["rules"] = rng.choice(RULES)
    s["row_break"] = rng.random() < 0.5
    s["justify"] = rng.random() < 0.5
    s["header_footer"] = rng.choice(HEADER_FOOTERS)
    s["line_spacing"] = rng.choice([1.0, 1.15, 1.5])
    s["cell_padding_pt"] = rng.choice([1, 2, 3, 4, 6])
    return s


def font_size_bucket(pt):
    return "9-10" if pt < 10.5 else ("10.5-12" if pt <= 12 else "13-14")


def style_values(s):
    """The (key, value) pairs the report groups by, from the effective settings."""
    out = {}
    for k in STYLE_KEYS:
        v = s.get(k)
        if k == "font_size":
            v = font_size_bucket(v)
        out[k] = str(v).lower() if isinstance(v, bool) else str(v)
    return out


def page_mm(paper, landscape):
    w, h = PAPERS[paper]
    return (h, w) if landscape else (w, h)


def column_weights(table, s):
    """Relative column widths of a table under the drawn width setting."""
    n = table.width
    mode = s["column_widths"]
    if mode == "equal":
        return [1.0] * n
    if mode == "content":
        chars = table.column_chars()
        return [min(max(c, 2), 24) ** 0.8 for c in chars]
    r = random.Random("%d:%d" % (s["width_seed"], n))
    return [r.uniform(0.6, 1.8) * (1.6 if i == 0 else 1.0) for i in range(n)]


def is_wide(table):
    return table.width >= 7


def is_number(text):
    t = text.strip().replace(",", "").replace("%", "").replace("％", "")
    if not t:
        return False
    try:
        float(t)
        return True
    except ValueError:
        return False
