"""Remake templates/fonts/: Atkinson Hyperlegible Next with a plain zero.

The typeface draws zero with a slash ("Ø161" in a phone number) and has no OpenType alternate for a
plain one (its features: ccmp, frac, pnum, tnum, kern, mark, mkmk). This derives the site's and the
brochures' font files from the npm package (@fontsource/atkinson-hyperlegible-next, a devDependency)
with `zero` (and so `zero.tf`, which refers to it) redrawn from their own outlines: the outer contour is kept, and the two
counters the slash splits are joined into one, each gap the slash leaves closed by one quadratic
curve whose control point is where the counter's own tangents meet (so the curve runs on smoothly).
Every other table (kerning, marks, tabular figures) is kept as it is.

fontTools, not a JavaScript library: opentype.js writes CFF outlines and drops GPOS (kerning), and
no npm library rewrites one TrueType glyph while keeping every other table.
Needs fontTools with Brotli: `apt-get install python3-fonttools python3-brotli` on Debian
(run `/usr/bin/python3 scripts/plainZeroFonts.py` if another python3 comes first on PATH).

The licence (SIL OFL 1.1) declares no Reserved Font Name; the derived fonts are named
"Atkinson Hyperlegible Next Plain Zero" all the same, so no one takes them for the originals.
"""

import shutil
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphCoordinates

root = Path(__file__).resolve().parent.parent
source = root / "node_modules" / "@fontsource" / "atkinson-hyperlegible-next"
target = root / "templates" / "fonts"
family, suffix = "Atkinson Hyperlegible Next", "Plain Zero"
# The faces the site and brochures use, and the formats they are served in (WOFF for the visit pack's fontkit).
faces = {"400-normal": ["woff2", "woff"], "400-italic": ["woff2"], "700-normal": ["woff2", "woff"]}


def contours(glyph, glyf):
    coordinates, ends, flags = glyph.getCoordinates(glyf)
    start, found = 0, []
    for end in ends:
        found.append([(tuple(coordinates[i]), flags[i] & 1) for i in range(start, end + 1)])
        start = end + 1
    return found


def area(contour):
    xs, ys = [p[0][0] for p in contour], [p[0][1] for p in contour]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))


def slash_edge(contour):
    """Index of the on-curve point that starts the counter's straight edge along the slash (its longest)."""
    n = len(contour)
    edges = [i for i in range(n) if contour[i][1] and contour[(i + 1) % n][1]]
    length = lambda i: sum((a - b) ** 2 for a, b in zip(contour[i][0], contour[(i + 1) % n][0]))
    return max(edges, key=length)


def arc(contour):
    """The counter's curved side: from the slash edge's end round to its start."""
    i = slash_edge(contour)
    return contour[i + 1 :] + contour[: i + 1]


def meeting(p, direction_p, q, direction_q):
    """Where the line through p along direction_p meets the line through q along direction_q."""
    (px, py), (dx, dy), (qx, qy), (ex, ey) = p, direction_p, q, direction_q
    s = ((qx - px) * ey - (qy - py) * ex) / (dx * ey - dy * ex)
    return (round(px + s * dx), round(py + s * dy))


def bridge(before, after):
    """The off-curve point that closes a gap the slash left, tangent to the arcs on both sides."""
    end, previous = before[-1][0], before[-2][0]
    start, following = after[0][0], after[1][0]
    return (meeting(end, (end[0] - previous[0], end[1] - previous[1]), start, (following[0] - start[0], following[1] - start[1])), 0)


def plain_zero(font, name):
    glyf = font["glyf"]
    glyph = glyf[name]
    outer, *counters = sorted(contours(glyph, glyf), key=area, reverse=True)
    assert len(counters) == 2, f"{name}: expected an outer contour and two counters split by the slash"
    first, second = (arc(counter) for counter in counters)
    inner = first + [bridge(first, second)] + second + [bridge(second, first)]
    points = outer + inner
    glyph.coordinates = GlyphCoordinates([p for p, _ in points])
    glyph.flags = bytearray(on for _, on in points)
    glyph.endPtsOfContours = [len(outer) - 1, len(points) - 1]
    glyph.numberOfContours = 2
    glyph.program.fromBytecode(b"")
    glyph.recalcBounds(glyf)


def rename(font):
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16, 21):
            text = record.toUnicode()
            text = text.replace(family, f"{family} {suffix}").replace(family.replace(" ", ""), (family + suffix).replace(" ", ""))
            record.string = text


def main():
    target.mkdir(exist_ok=True)
    for face, formats in faces.items():
        font = TTFont(source / "files" / f"atkinson-hyperlegible-next-latin-{face}.woff")
        plain_zero(font, "zero")
        # zero.tf (tabular figures) is drawn as a reference to zero, so it follows.
        assert [c.glyphName for c in font["glyf"]["zero.tf"].components] == ["zero"], "zero.tf no longer refers to zero"
        rename(font)
        for flavor in formats:
            font.flavor = flavor
            font.save(target / f"atkinson-hyperlegible-next-plain-zero-latin-{face}.{flavor}")
    shutil.copyfile(source / "LICENSE", target / "OFL.txt")


main()
