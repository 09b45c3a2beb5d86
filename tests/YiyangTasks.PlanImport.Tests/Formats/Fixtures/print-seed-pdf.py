#!/usr/bin/env python3
"""Prints a seed plan to PDF the way an office's PDF is made: the text as an HTML page (A4, paragraphs indented two
characters, a running header and page numbers), printed by headless Chromium. The PDF is committed; run this only to
make it again:  python3 print-seed-pdf.py ../../../../../shared/seeds/004_917108c412c3fbd5.txt maoming-004.pdf
(and 003_a599868cd0a7e199.txt xinyang-003.pdf: its task table printed as a ruled HTML table).
Needs: apt-get install -y chromium fonts-wqy-microhei. The font is TrueType, embedded as a subset as Word and WPS
export it (120 KB); Noto CJK (fonts-noto-cjk, CFF outlines) is printed as Type 3 glyphs, five times the size, and
reads the same (PdfTextReader maps the radicals its text layer uses, ⺠ for 民)."""
import html, re, subprocess, sys, tempfile, os

def paragraphs(lines):
    """Seed lines to (tag, text) blocks; a line that goes on from a long unfinished one (a page break in the source) joins it."""
    blocks = []
    for raw in lines:
        line = raw.strip().strip('\u3000')
        if not line:
            continue
        if line == '---':
            blocks.append(('hr', ''))
            continue
        level = len(line) - len(line.lstrip('#'))
        text = line.lstrip('#').strip()
        if level:
            blocks.append((f'h{min(level, 3)}', text.replace('**', '')))
            continue
        starts_item = re.match(r'^(\*\*)?[（(][一二三四五六七八九十]+[）)]', text)
        previous = blocks[-1][1].replace('**', '') if blocks and blocks[-1][0] == 'p' else ''
        if len(previous) >= 30 and not starts_item and not re.search(r'[。）)：:]$', previous):
            blocks[-1] = ('p', blocks[-1][1] + text)
        else:
            blocks.append(('p', text))
    return blocks

FONT = '"WenQuanYi Micro Hei"'

def to_html(blocks, header):
    body = []
    for tag, text in blocks:
        if tag == 'raw':
            body.append(text)
            continue
        if tag == 'hr':
            body.append('<hr>')
            continue
        escaped = html.escape(text)
        escaped = re.sub(r'\*\*(.+?)\*\*', r'\1', escaped).replace('**', '')
        body.append(f'<{tag}>{escaped}</{tag}>')
    return f'''<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>plan</title><style>
@page {{ size: A4; margin: 2.6cm 2.4cm 2.4cm 2.4cm;
  @top-center {{ content: "{header}"; font: 10pt {FONT}; }}
  @bottom-center {{ content: "— " counter(page) " —"; font: 10pt {FONT}; }} }}
body {{ font: 14pt/1.6 {FONT}, sans-serif; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
h1, h2, h3 {{ font: 15pt/1.6 {FONT}, sans-serif; margin: 0.4em 0; }}
h1 {{ text-align: center; font-size: 18pt; }}
hr {{ border: 0; border-top: 2px solid #c00; }}
table {{ border-collapse: collapse; font-size: 12pt; }} td {{ border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }}
td:first-child {{ width: 2.5em; text-align: center; }} td:last-child {{ width: 30%; }}
</style></head><body>
{chr(10).join(body)}
</body></html>'''

def table(lines):
    """A task table laid out a cell per line (信阳 003: 序号 / 工作任务 / 负责单位, rows apart by blank lines) as an HTML table."""
    rows, cells = [], []
    for line in lines + ['']:
        if line.strip():
            cells.append(html.escape(line.strip()))
        elif cells:
            rows.append(cells)
            cells = []
    return ('raw', '<table>' + ''.join('<tr>' + ''.join(f'<td>{c}</td>' for c in r) + '</tr>' for r in rows) + '</table>')

def main(seed, out, header='医养结合工作方案'):
    with open(seed, encoding='utf-8') as f:
        lines = f.read().splitlines()
    at = next((i for i, l in enumerate(lines) if l.strip() == '序号'), len(lines))
    blocks = paragraphs(lines[:at]) + ([table(lines[at:])] if at < len(lines) else [])
    page = to_html(blocks, header)
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, 'plan.html')
        with open(source, 'w', encoding='utf-8') as f:
            f.write(page)
        subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                        f'--print-to-pdf={os.path.abspath(out)}', 'file://' + source], check=True)

if __name__ == '__main__':
    main(*sys.argv[1:])
