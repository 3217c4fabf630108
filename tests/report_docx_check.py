#!/usr/bin/python3
"""`mandate report --format docx` checked two ways. Run by ctest (report_docx_reads_back):

    report_docx_check.py MANDATE_BIN SOURCE_DIR WORK_DIR [PNG_OUT]

1. python3-docx (Debian) reads it back: A4, Times New Roman 14 pt, the national motto, the
   date line, the Markdown report's section headings, and every Markdown table as a Word table
   with the same cells (the same figures); the tasks due next are in the document too.
2. LibreOffice headless converts it to PDF and pdftoppm renders the pages: none is blank.
   Skipped, with a message, where soffice or pdftoppm is not installed. PNG_OUT, if given,
   receives the first page (docs/report-docx-page1.png was made so).

Exit 77 (skipped) without python3-docx.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

try:
    import docx
    from docx.shared import Mm
except ImportError:
    print("python3-docx is not installed: skipped")
    sys.exit(77)

BIN, SRC, WORK = sys.argv[1:4]
PNG_OUT = sys.argv[4] if len(sys.argv) > 4 else None
DATA = os.path.join(SRC, "examples", "data", "plan-2025.json")


def run(*args):
    r = subprocess.run([os.path.join(BIN, "mandate"), "report", "--data", DATA, "--as-of",
                        "2025-09-23", "--since", "2025-07-20", *args], capture_output=True)
    assert r.returncode in (0, 1), r.stderr.decode()
    return r.stdout.decode()


def md_tables(md):
    tables, rows = [], []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                rows.append(cells)
        elif rows:
            tables.append(rows)
            rows = []
    return tables


def check_content(path, md):
    d = docx.Document(path)
    section = d.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    styles_xml = d.styles.element.xml
    assert "Times New Roman" in styles_xml and 'w:val="28"' in styles_xml
    paragraphs = [p.text for p in d.paragraphs]
    cells = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    letterhead = " ".join(c for row in cells[0] for c in row)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in letterhead, letterhead
    assert "Độc lập - Tự do - Hạnh phúc" in letterhead, letterhead
    # "Hà Nội, ngày 23 …" with a place (ReportHeader), "Ngày 23 …" without one.
    assert "gày 23 tháng 9 năm 2025" in " ".join(paragraphs), paragraphs[:6]
    assert "BÁO CÁO TÓM TẮT" in paragraphs
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    md_headings = [l[3:] for l in md.splitlines() if l.startswith("## ")]
    assert headings == md_headings, (headings, md_headings)
    subheadings = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    md_sub = [l[4:] for l in md.splitlines() if l.startswith("### ")]
    assert subheadings == md_sub, (subheadings, md_sub)
    # Every Markdown table is a Word table, cell for cell.
    for table in md_tables(md):
        assert table in cells, table[:2]
    # Every sentence of the Markdown (paragraphs and bullets, the same blocks) is a Word
    # paragraph, word for word; the footnote's marker is "[^1]" there, a superscript 1 here.
    def unescape(t):
        return re.sub(r"\\([|\[\]])", r"\1", t).replace("&lt;", "<").replace("&gt;", ">")
    sentences = [unescape(l) for l in md.splitlines()
                 if l and not l.startswith(("#", "|", "*", "[^"))]
    words = set(paragraphs)
    missing = [t for t in sentences
               if t not in words and not (t.endswith("[^1]") and t[:-4] + "1" in words)]
    assert not missing, missing[:3]
    titles = sentences
    assert any("Nơi nhận:" in c for row in cells[-2] for c in row) or \
        any("Nơi nhận:" in p for p in paragraphs)
    return len(md_tables(md)), len(titles), len(paragraphs)


def non_blank_pages(path):
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("LibreOffice (soffice) or pdftoppm is not installed: render check skipped")
        return None
    out = os.path.join(WORK, "pdf")
    os.makedirs(out, exist_ok=True)
    env = dict(os.environ, HOME=os.path.join(WORK, "home"))  # LibreOffice's profile
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", out, path],
                   check=True, capture_output=True, env=env, timeout=240)
    pdf = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    for old in glob.glob(os.path.join(out, "page-*")):
        os.remove(old)
    subprocess.run([pdftoppm, "-gray", "-r", "40", pdf, os.path.join(out, "page")], check=True)
    pages = sorted(glob.glob(os.path.join(out, "page-*.pgm")))
    assert pages, "no page rendered"
    for page in pages:
        with open(page, "rb") as f:
            data = f.read()
        # P5 header: magic, width, height, maxval, then one byte a pixel.
        fields = data.split(maxsplit=4)
        pixels = fields[4]
        dark = sum(1 for b in pixels if b < 128)
        # A page with one line of text has ~100 dark pixels at 40 dpi; a blank one none.
        assert dark > 30, "%s is blank (%d dark pixels)" % (page, dark)
    if PNG_OUT:
        subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf,
                        os.path.splitext(PNG_OUT)[0]], check=True)
    return len(pages)


def main():
    os.makedirs(WORK, exist_ok=True)
    md = run("--format", "md")
    path = os.path.join(WORK, "report.docx")
    run("--format", "docx", "--out", path)
    tables, titles, paragraphs = check_content(path, md)
    pages = non_blank_pages(path)
    print("docx report: %d Markdown tables equal, %d sentences found, %d paragraphs; %s"
          % (tables, titles, paragraphs,
             "render skipped" if pages is None else "%d non-blank pages" % pages))


main()
