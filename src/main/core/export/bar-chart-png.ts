/**
 * A horizontal bar chart as a PNG, in pure JS: the DOCX writer embeds it as a picture, so the
 * report needs no charting library and no native canvas. The text is drawn with a small bitmap
 * font, crisp and without anti-aliasing, sized to stay readable when printed ~15 cm wide.
 */
import { deflateSync } from 'node:zlib';
import type { ReportBar } from '../../../shared/report/model';
import { crc32 } from 'node:zlib';

/** Width of a glyph and of the cap height, in font pixels; two more rows hold descenders. */
const GLYPH_W = 5;
const GLYPH_H = 9;
const CAP_H = 7;
/** Font pixels → image pixels: a 5×7 glyph becomes 15×21 px, about 2.6 mm tall at 15 cm. */
const SCALE = 3;
const ADVANCE = (GLYPH_W + 1) * SCALE;

const BACKGROUND = [0xff, 0xff, 0xff] as const;
const BAR = [0x3b, 0x6e, 0xa5] as const;
const TEXT = [0x33, 0x33, 0x33] as const;
const AXIS = [0xc8, 0xc8, 0xc8] as const;
type Rgb = readonly [number, number, number];

/**
 * The glyphs, one string per character: rows top to bottom separated by spaces, `#` inked.
 * Rows 1–7 are the cap height, rows 8–9 (when given) the descender.
 */
const FONT: Record<string, string> = {
  '0': '.###. #...# #...# #...# #...# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '##### ...#. ..#.. ...#. ....# #...# .###.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',
  A: '.###. #...# #...# #...# ##### #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '###.. #..#. #...# #...# #...# #..#. ###..',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
  a: '..... ..... .###. ....# .#### #...# .####',
  b: '#.... #.... #.##. ##..# #...# #...# ####.',
  c: '..... ..... .###. #.... #.... #...# .###.',
  d: '....# ....# .##.# #..## #...# #...# .####',
  e: '..... ..... .###. #...# ##### #.... .###.',
  f: '..##. .#..# .#... ###.. .#... .#... .#...',
  g: '..... ..... .#### #...# #...# #...# .#### ....# .###.',
  h: '#.... #.... #.##. ##..# #...# #...# #...#',
  i: '..#.. ..... .##.. ..#.. ..#.. ..#.. .###.',
  j: '...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..',
  k: '#.... #.... #..#. #.#.. ##... #.#.. #..#.',
  l: '.##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  m: '..... ..... ##.#. #.#.# #.#.# #.#.# #.#.#',
  n: '..... ..... #.##. ##..# #...# #...# #...#',
  o: '..... ..... .###. #...# #...# #...# .###.',
  p: '..... ..... ####. #...# #...# #...# ####. #.... #....',
  q: '..... ..... .#### #...# #...# #...# .#### ....# ....#',
  r: '..... ..... #.##. ##..# #.... #.... #....',
  s: '..... ..... .#### #.... .###. ....# ####.',
  t: '.#... .#... ###.. .#... .#... .#..# ..##.',
  u: '..... ..... #...# #...# #...# #..## .##.#',
  v: '..... ..... #...# #...# #...# .#.#. ..#..',
  w: '..... ..... #...# #...# #.#.# #.#.# .#.#.',
  x: '..... ..... #...# .#.#. ..#.. .#.#. #...#',
  y: '..... ..... #...# #...# #...# #...# .#### ....# .###.',
  z: '..... ..... ##### ...#. ..#.. .#... #####',
  ' ': '..... ..... ..... ..... ..... ..... .....',
  ',': '..... ..... ..... ..... ..... .##.. .##.. ..#.. .#...',
  '.': '..... ..... ..... ..... ..... .##.. .##..',
  '%': '##... ##..# ...#. ..#.. .#... #..## ...##',
  '-': '..... ..... ..... .###. ..... ..... .....',
  '–': '..... ..... ..... ##### ..... ..... .....',
  ':': '..... .##.. .##.. ..... .##.. .##.. .....',
  '(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
  ')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
  '/': '..... ....# ...#. ..#.. .#... #.... .....',
  '+': '..... ..#.. ..#.. ##### ..#.. ..#.. .....',
  "'": '..#.. ..#.. .#... ..... ..... ..... .....',
};
/** Drawn for any character the font lacks, so a missing glyph shows instead of vanishing. */
const BOX = '##### #...# #...# #...# #...# #...# #####';

function glyphFor(char: string): string {
  // "à", "è" … fall back to their base letter, which reads better than a box.
  return FONT[char] ?? FONT[char.normalize('NFD').replace(/\p{M}/gu, '')] ?? BOX;
}

/** Width in image pixels of `text` drawn with the bitmap font (no trailing gap). */
function textWidth(text: string): number {
  const count = [...text].length;
  return count === 0 ? 0 : count * ADVANCE - SCALE;
}

/** `text` cut (with "..") so that it fits `maxWidth` pixels. */
function fitText(text: string, maxWidth: number): string {
  if (textWidth(text) <= maxWidth) return text;
  const chars = [...text];
  const room = Math.max(0, Math.floor((maxWidth + SCALE) / ADVANCE) - 2);
  return `${chars.slice(0, room).join('')}..`;
}

class Canvas {
  readonly pixels: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = Buffer.alloc(width * height * 3, BACKGROUND[0]);
  }

  fillRect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let row = y0; row < y1; row += 1) {
      for (let col = x0; col < x1; col += 1) {
        const at = (row * this.width + col) * 3;
        this.pixels[at] = r;
        this.pixels[at + 1] = g;
        this.pixels[at + 2] = b;
      }
    }
  }

  /** Draws `text` with its cap-height box's top-left corner at (x, y). */
  text(text: string, x: number, y: number, colour: Rgb): void {
    let left = x;
    for (const char of text) {
      const rows = glyphFor(char).split(' ');
      for (let row = 0; row < Math.min(rows.length, GLYPH_H); row += 1) {
        const bits = rows[row]!;
        for (let col = 0; col < GLYPH_W; col += 1) {
          if (bits[col] === '#') {
            this.fillRect(left + col * SCALE, y + row * SCALE, SCALE, SCALE, colour);
          }
        }
      }
      left += ADVANCE;
    }
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGB PNG of the canvas; every row unfiltered (flat colours deflate well anyway). */
function encodePng(canvas: Canvas): Buffer {
  const { width, height, pixels } = canvas;
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let row = 0; row < height; row += 1) {
    pixels.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Space above and below the bars, and the height of one bar's row, at the default size. */
const PAD_Y = 40;
const ROW_H = 70;
const PAD_X = 24;
const GAP = 14;

/**
 * Draws a horizontal bar chart: one bar per entry, top to bottom in the given order, the label
 * (an idea code such as "I3") right-aligned left of the axis, the `valueText` past the end of the
 * bar. Bars are proportional to `value` over the largest value; values that are zero, negative
 * or not finite draw no bar. Default size 1200 × (80 + 70 per bar) px.
 */
export function barChartPng(
  bars: readonly ReportBar[],
  options: { width?: number; height?: number } = {},
): Buffer {
  const width = Math.max(200, Math.round(options.width ?? 1200));
  const height = Math.max(2 * PAD_Y, Math.round(options.height ?? 2 * PAD_Y + ROW_H * bars.length));
  const canvas = new Canvas(width, height);
  const rowH = bars.length > 0 ? (height - 2 * PAD_Y) / bars.length : 0;

  // Labels and values each get at most 30% of the width; longer ones are cut.
  const labelRoom = Math.min(Math.max(0, ...bars.map((b) => textWidth(b.label))), width * 0.3);
  const valueRoom = Math.min(Math.max(0, ...bars.map((b) => textWidth(b.valueText))), width * 0.3);
  const axisX = PAD_X + labelRoom + GAP;
  const barX = axisX + 2;
  const plotWidth = Math.max(1, width - PAD_X - valueRoom - GAP - barX);

  const values = bars.map((bar) => (Number.isFinite(bar.value) && bar.value > 0 ? bar.value : 0));
  const max = Math.max(0, ...values);

  canvas.fillRect(axisX, PAD_Y - 10, 2, height - 2 * PAD_Y + 20, AXIS);
  bars.forEach((bar, index) => {
    const centre = PAD_Y + rowH * (index + 0.5);
    const thickness = Math.max(1, Math.round(rowH * 0.6));
    const length = max > 0 ? Math.round((values[index]! / max) * plotWidth) : 0;
    if (length > 0) canvas.fillRect(barX, centre - thickness / 2, length, thickness, BAR);
    const textY = Math.round(centre - (CAP_H * SCALE) / 2);
    const label = fitText(bar.label, labelRoom);
    canvas.text(label, axisX - GAP - textWidth(label), textY, TEXT);
    canvas.text(fitText(bar.valueText, valueRoom), barX + length + GAP, textY, TEXT);
  });
  return encodePng(canvas);
}
