"""Subset face 2 (SC) of Noto Serif CJK Regular and Bold; see build-fonts.sh."""
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

OUT = Path(sys.argv[1])
SOURCES = {
    "NotoSerifSC-Regular-subset.otf": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "NotoSerifSC-Bold-subset.otf": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
}
SC_FACE = 2

# Symbol ranges documents and forms use (punctuation, enclosed numbers, units, check boxes).
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x0391, 0x03C9), (0x2010, 0x2027), (0x2030, 0x203B),
    (0x2103, 0x2103), (0x2116, 0x2116), (0x2121, 0x2122), (0x2160, 0x216B), (0x2190, 0x2193),
    (0x2200, 0x22FF), (0x2460, 0x249B), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2605, 0x2606),
    (0x2610, 0x2612), (0x2713, 0x2714), (0x3000, 0x301F), (0x3220, 0x3229), (0x32A3, 0x32A3),
    (0xFE30, 0xFE4F), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE5),
]


def wanted_codepoints():
    chars = [line.strip() for line in (OUT / "tongyong-8105.txt").read_text("utf-8").splitlines() if line.strip()]
    assert len(chars) == 8105 and len(set(chars)) == 8105, "the 通用规范汉字表 list must hold 8,105 characters"
    points = {ord(c) for c in chars}
    for lo, hi in RANGES:
        points.update(range(lo, hi + 1))
    return points


def main():
    points = wanted_codepoints()
    for name, ttc_path in SOURCES.items():
        font = TTCollection(ttc_path).fonts[SC_FACE]
        cmap = font.getBestCmap()
        han = {ord(c) for c in (OUT / "tongyong-8105.txt").read_text("utf-8").split()}
        missing_han = sorted(p for p in han if p not in cmap)
        assert not missing_han, f"{ttc_path} lacks {len(missing_han)} 通用规范 characters"
        present = sorted(p for p in points if p in cmap)
        options = subset.Options()
        options.layout_features = []  # documents are set horizontally by our own layout; no shaping needed
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False
        options.drop_tables += ["DSIG", "VORG", "vhea", "vmtx"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=present)
        subsetter.subset(font)
        font.save(str(OUT / name))
        print(f"{name}: {len(present)} characters")


main()
