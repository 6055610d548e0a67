#!/usr/bin/env python3
"""Writes the DejaVu Sans width table that JourneyCharts measures chart labels with.

The charts declare `font-family="DejaVu Sans"`, so label widths come from that font's real
advance widths rather than a guess per character. This script reads the two TrueType files
Debian ships in fonts-dejavu-core and writes, for the regular and the bold face, the advance
width in font units of every code point the font maps in the blocks listed in BLOCKS, plus
the vertical metrics (ascent, descent, cap height, x-height) and the average advance used for
characters outside the table. Kerning is left out on purpose: widths add up character by
character, which keeps truncation and wrapping simple and errs slightly on the wide side.

Needs fontTools and the fonts:

    apt-get install fonts-dejavu-core
    pip install fonttools
    python3 scripts/generate-font-metrics.py
    swift format --in-place Sources/JourneyCharts/Rendering/FontMetrics+DejaVuSans.swift

(the second command puts the written file in the layout that CI's format check expects).

`--check` does not write anything: it renders reference strings at 100 px with rsvg-convert
(Debian package librsvg2-bin) and compares the width of the ink with the width from the table,
then prints both; it fails when the table is narrower than the drawing. The widths are measured
as ink("H" + text + "H") - ink("HH"), which is the sum of the advances of `text` (plus any
kerning the renderer applies inside it). It also prints how wide the characters that JourneyCharts
estimates (emoji, CJK, other scripts) are drawn with the fonts installed on the machine.

    apt-get install librsvg2-bin
    python3 scripts/generate-font-metrics.py --check
"""
import argparse
import pathlib
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "Sources/JourneyCharts/Rendering/FontMetrics+DejaVuSans.swift"
FONT_DIRECTORY = pathlib.Path("/usr/share/fonts/truetype/dejavu")

# (Swift property, file name, weight case, what the doc comment calls it)
FACES = [
    ("dejaVuSans", "DejaVuSans.ttf", "regular", "DejaVu Sans, the regular (Book) face"),
    ("dejaVuSansBold", "DejaVuSans-Bold.ttf", "bold", "DejaVu Sans Bold"),
]

# Unicode blocks whose mapped code points go into the table, as inclusive ranges.
BLOCKS = [
    (0x0020, 0x007F, "Basic Latin (printable)"),
    (0x00A0, 0x00FF, "Latin-1 Supplement (printable)"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x0180, 0x024F, "Latin Extended-B"),
    (0x0300, 0x036F, "Combining Diacritical Marks"),
    (0x0370, 0x03FF, "Greek and Coptic"),
    (0x0400, 0x04FF, "Cyrillic"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x1E00, 0x1EFF, "Latin Extended Additional"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x2070, 0x209F, "Superscripts and Subscripts"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols"),
    (0x2150, 0x218F, "Number Forms"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x25A0, 0x25FF, "Geometric Shapes"),
    # Symbols that labels use as text (✓ ✗ ★ ☎ ⚠); those shown as emoji measure as emoji.
    (0x2600, 0x26FF, "Miscellaneous Symbols"),
    (0x2700, 0x27BF, "Dingbats"),
]

# Strings whose widths --check compares with rsvg-convert, and which the generated file lists
# so that tests and readers can see a few widths worked out by hand.
REFERENCE_STRINGS = [
    "Hi",
    "Checkout",
    "Forced sign-up before paying",
    "Wähle Größe → Kasse",
    "Ελληνικά Кириллица",
    "€ 1,250 – 15%",
    "שלום עולם",
    "مرحبا بالعالم",
]

NUMBERS_PER_LINE = 16


def load_face(file_name):
    from fontTools.ttLib import TTFont  # imported here so --help works without fontTools

    path = FONT_DIRECTORY / file_name
    if not path.exists():
        sys.exit(f"error: {path} not found; install Debian's fonts-dejavu-core")
    font = TTFont(str(path))
    cmap = font.getBestCmap()
    advances = font["hmtx"].metrics
    glyphs = font["glyf"]

    def advance(code_point):
        return advances[cmap[code_point]][0]

    widths = {}
    for first, last, _ in BLOCKS:
        for code_point in range(first, last + 1):
            if code_point in cmap:
                widths[code_point] = advance(code_point)
    return {
        "version": font["name"].getDebugName(5).removeprefix("Version "),
        "units_per_em": font["head"].unitsPerEm,
        "ascent": font["hhea"].ascent,
        "descent": -font["hhea"].descent,
        "line_gap": font["hhea"].lineGap,
        # OS/2 of DejaVu is version 1, without sCapHeight and sxHeight: measure the glyphs.
        "cap_height": glyphs[cmap[ord("H")]].yMax,
        "x_height": glyphs[cmap[ord("x")]].yMax,
        "average_advance": font["OS/2"].xAvgCharWidth,
        "widths": widths,
    }


def runs(widths):
    """Groups consecutive code points into (first code point, [advance, ...]) runs."""
    result = []
    for code_point in sorted(widths):
        if result and result[-1][0] + len(result[-1][1]) == code_point:
            result[-1][1].append(widths[code_point])
        else:
            result.append((code_point, [widths[code_point]]))
    return result


def table_width(face, text):
    """The width of `text` in font units by the table, as JourneyCharts computes it for plain text."""
    return sum(face["widths"].get(ord(character), face["average_advance"]) for character in text)


def swift_face(property_name, weight, description, face):
    lines = [
        f"    /// {description}: advance widths of {len(face['widths'])} code points, in units of",
        f"    /// 1/{face['units_per_em']} em.",
        f"    public static let {property_name} = FontMetrics(",
        '        familyName: "DejaVu Sans",',
        f"        weight: .{weight},",
        f"        unitsPerEm: {face['units_per_em']},",
        f"        ascent: {face['ascent']},",
        f"        descent: {face['descent']},",
        f"        lineGap: {face['line_gap']},",
        f"        capHeight: {face['cap_height']},",
        f"        xHeight: {face['x_height']},",
        f"        averageAdvance: {face['average_advance']},",
        "        advanceRuns: [",
    ]
    for first, widths in runs(face["widths"]):
        lines.append(f"            AdvanceRun(first: 0x{first:04X}, widths: [")
        for start in range(0, len(widths), NUMBERS_PER_LINE):
            chunk = widths[start:start + NUMBERS_PER_LINE]
            lines.append("                " + ", ".join(str(width) for width in chunk) + ",")
        lines.append("            ]),")
    lines += ["        ]", "    )"]
    return "\n".join(lines)


def generate():
    faces = [(name, weight, description, load_face(file_name)) for name, file_name, weight, description in FACES]
    version = faces[0][3]["version"]
    references = []
    for text in REFERENCE_STRINGS:
        regular, bold = (table_width(face, text) for _, _, _, face in faces)
        references.append(f"//   {text!r}: regular {regular}, bold {bold}")
    blocks = "\n".join(f"//   U+{first:04X}–U+{last:04X} {name}" for first, last, name in BLOCKS)
    text = (
        "// Generated by scripts/generate-font-metrics.py from Debian's fonts-dejavu-core\n"
        f"// (DejaVu Sans {version}, DejaVuSans.ttf and DejaVuSans-Bold.ttf). Do not edit.\n"
        "//\n"
        "// Code points the fonts map in these blocks:\n"
        f"{blocks}\n"
        "//\n"
        "// Reference widths (sums of advances, font units at 2048 per em):\n"
        + "\n".join(references)
        + "\n//\n"
        "// Verified with `python3 scripts/generate-font-metrics.py --check`, which renders these\n"
        "// strings in DejaVu Sans at 100 px with rsvg-convert (librsvg 2.54.7) and compares the\n"
        "// ink width with the table. Latin, Greek, Cyrillic, Hebrew and currency strings agree\n"
        "// within 1% (the table is the wider: it leaves out the font's kerning). Arabic comes out\n"
        "// up to 30% too wide: the table holds the isolated forms, and joined letters are narrower.\n"
        "\n"
        "extension FontMetrics {\n"
        + "\n\n".join(swift_face(name, weight, description, face) for name, weight, description, face in faces)
        + "\n}\n"
    )
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text.encode('utf-8'))} bytes)")
    for line in references:
        print(line[3:])


def read_png(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG into rows of bytes (no Pillow needed)."""
    data = path.read_bytes()
    position, compressed = 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, _, colour_type, _, _, _ = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed += body
    raw = zlib.decompress(compressed)
    pixel = {6: 4, 2: 3}[colour_type]
    stride = width * pixel
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for x in range(stride):
            left = line[x - pixel] if x >= pixel else 0
            up = previous[x]
            up_left = previous[x - pixel] if x >= pixel else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - up_left
                distances = (abs(estimate - left), abs(estimate - up), abs(estimate - up_left))
                predictor = left if distances[0] <= distances[1] and distances[0] <= distances[2] else (
                    up if distances[1] <= distances[2] else up_left)
                line[x] = (line[x] + predictor) & 255
        rows.append(line)
        previous = line
    return width, pixel, rows


def ink_width(directory, text, bold):
    """The width in px of the ink of `text` in DejaVu Sans at 100 px, rendered by rsvg-convert."""
    from xml.sax.saxutils import escape

    svg = directory / "text.svg"
    png = directory / "text.png"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="160">'
        '<rect width="4000" height="160" fill="white"/>'
        f'<text x="20" y="120" font-family="DejaVu Sans" font-size="100" '
        f'font-weight="{"bold" if bold else "normal"}">{escape(text)}</text></svg>',
        encoding="utf-8",
    )
    subprocess.run(["rsvg-convert", str(svg), "-o", str(png)], check=True)
    width, pixel, rows = read_png(png)
    columns = [x for row in rows for x in range(width) if row[x * pixel] < 128]
    return max(columns) - min(columns)


# Characters the table leaves to JourneyCharts' fallbacks, with the width JourneyCharts gives them in
# em; --check prints how wide rsvg-convert draws them with the fonts installed on this machine.
FALLBACKS = [("😀", 1.25), ("👩\u200d👩\u200d👧", 1.25), ("❤\ufe0f", 1.25), ("一", 1.0), ("क", 1038 / 2048)]


def check():
    """Compares the table with rsvg-convert; exits with status 1 when the table is too narrow."""
    if shutil.which("rsvg-convert") is None:
        sys.exit("error: rsvg-convert not found; install Debian's librsvg2-bin")
    failures = 0
    with tempfile.TemporaryDirectory() as name:
        directory = pathlib.Path(name)
        for _, file_name, weight, _ in FACES:
            face = load_face(file_name)
            bold = weight == "bold"
            frame = ink_width(directory, "HH", bold)
            for text in REFERENCE_STRINGS:
                rendered = ink_width(directory, f"H{text}H", bold) - frame
                expected = table_width(face, text) * 100 / face["units_per_em"]
                difference = rendered - expected
                # The table may be wider than the drawing (no kerning; Arabic's isolated forms),
                # never narrower by more than the pixel rounding of the ink measurement.
                verdict = "ok" if difference <= 1.5 else "TOO NARROW"
                failures += verdict != "ok"
                print(f"{weight:7} {text!r:34} table {expected:8.2f} px  rsvg {rendered:5d} px  "
                      f"difference {difference:+8.2f} px ({difference / expected:+6.1%})  {verdict}")
        print("fallbacks (depend on the fonts installed here):")
        frame = ink_width(directory, "HH", False)
        for text, em in FALLBACKS:
            rendered = ink_width(directory, f"H{text}H", False) - frame
            print(f"        {text!r:34} journey {em * 100:8.2f} px  rsvg {rendered:5d} px")
    if failures:
        sys.exit(f"error: the table is narrower than the rendering for {failures} strings")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare the table with rsvg-convert")
    arguments = parser.parse_args()
    if arguments.check:
        check()
    else:
        generate()


if __name__ == "__main__":
    main()
