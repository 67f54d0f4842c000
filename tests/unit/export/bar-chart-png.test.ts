import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { barChartPng } from '../../../src/main/core/export/bar-chart-png';
import type { ReportBar } from '../../../src/shared/report/model';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A minimal PNG reader (8-bit RGB/RGBA, all five filters), independent of the writer. */
function decodePng(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
  let offset = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(
      crc32(png.subarray(offset + 4, offset + 8 + length)),
    );
    types.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  expect(header![8]).toBe(8);
  const channels = header![9] === 6 ? 4 : header![9] === 2 ? 3 : 0;
  expect(channels).toBeGreaterThan(0);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  expect(raw.length).toBe(height * (stride + 1));

  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    if (filter > 4) throw new Error(`row ${y}: unknown filter ${filter}`);
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgb = (x: number, y: number) => {
    const at = y * stride + x * channels;
    return [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!] as const;
  };
  return { width, height, rgb };
}

type Image = ReturnType<typeof decodePng>;
const isBar = ([r, g, b]: readonly number[]) => r === 0x3b && g === 0x6e && b === 0xa5;
const isDark = ([r, g, b]: readonly number[]) => r! < 100 && g! < 100 && b! < 100;

/** Horizontal bands of rows holding bar pixels: one per drawn bar, top to bottom. */
function barBands(image: Image) {
  const bands: Array<{ top: number; bottom: number; left: number; right: number }> = [];
  for (let y = 0; y < image.height; y += 1) {
    let left = -1;
    let right = -1;
    for (let x = 0; x < image.width; x += 1) {
      if (isBar(image.rgb(x, y))) {
        if (left < 0) left = x;
        right = x;
      }
    }
    if (left < 0) continue;
    const last = bands.at(-1);
    if (last && last.bottom === y - 1) {
      last.bottom = y;
      last.left = Math.min(last.left, left);
      last.right = Math.max(last.right, right);
    } else bands.push({ top: y, bottom: y, left, right });
  }
  return bands.map((band) => ({ ...band, length: band.right - band.left + 1 }));
}

function darkPixels(image: Image, x0: number, x1: number, y0: number, y1: number): number {
  let count = 0;
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) if (isDark(image.rgb(x, y))) count += 1;
  }
  return count;
}

const BARS: ReportBar[] = [
  { label: 'I3', value: 10, valueText: '10,0' },
  { label: 'I1', value: 5, valueText: '5,0' },
  { label: 'I9', value: 0, valueText: '0' },
  { label: 'I12', value: 7.5, valueText: '7,5' },
];

describe('barChartPng', () => {
  it('writes a valid PNG of the default size, 1200 × (80 + 70 per bar)', () => {
    const image = decodePng(barChartPng(BARS));
    expect(image.width).toBe(1200);
    expect(image.height).toBe(80 + 70 * BARS.length);
    const sized = decodePng(barChartPng(BARS.slice(0, 2), { width: 800, height: 300 }));
    expect([sized.width, sized.height]).toEqual([800, 300]);
  });

  it('draws bars in order, proportional to their values, none for a zero value', () => {
    const image = decodePng(barChartPng(BARS));
    const bands = barBands(image);
    // Three bars drawn: the zero-valued third one has no bar pixels at all.
    expect(bands).toHaveLength(3);
    const [max, half, threeQuarters] = bands as [
      (typeof bands)[0],
      (typeof bands)[0],
      (typeof bands)[0],
    ];
    expect(max.length).toBeGreaterThan(600);
    expect(Math.abs(half.length - max.length / 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(threeQuarters.length - max.length * 0.75)).toBeLessThanOrEqual(2);
    // All bars start at the same axis.
    expect(new Set(bands.map((band) => band.left)).size).toBe(1);
    // The gap where the zero bar sits is one row more than the others: order is kept.
    const step = half.top - max.top;
    expect(threeQuarters.top - half.top).toBe(2 * step);
  });

  it('labels each bar at its left and prints its value at its end', () => {
    const image = decodePng(barChartPng(BARS));
    const bands = barBands(image);
    const axis = bands[0]!.left;
    for (const band of bands) {
      expect(darkPixels(image, 0, axis - 3, band.top, band.bottom)).toBeGreaterThan(30);
      expect(
        darkPixels(image, band.right + 1, image.width - 1, band.top, band.bottom),
      ).toBeGreaterThan(30);
    }
    // The zero bar still has its label and its value, between the bars around it.
    const [, half, last] = bands as [unknown, (typeof bands)[0], (typeof bands)[0]];
    expect(darkPixels(image, 0, axis - 3, half.bottom + 1, last.top - 1)).toBeGreaterThan(30);
    expect(darkPixels(image, axis, image.width - 1, half.bottom + 1, last.top - 1)).toBeGreaterThan(
      30,
    );
    // Different labels draw differently (text is really rendered, not a placeholder).
    const other = decodePng(barChartPng([{ ...BARS[0]!, label: 'X7' }, ...BARS.slice(1)]));
    const { top, bottom } = bands[0]!;
    const leftOf = (img: Image) =>
      Array.from({ length: (bottom - top + 1) * (axis - 2) }, (_, i) =>
        isDark(img.rgb(i % (axis - 2), top + Math.floor(i / (axis - 2)))) ? '#' : '.',
      ).join('');
    expect(leftOf(other)).not.toBe(leftOf(image));
  });

  it('draws an axis but no bars when every value is zero', () => {
    const image = decodePng(
      barChartPng([
        { label: 'I1', value: 0, valueText: '0' },
        { label: 'I2', value: Number.NaN, valueText: 'n.d.' },
      ]),
    );
    expect(barBands(image)).toHaveLength(0);
    expect(darkPixels(image, 0, image.width - 1, 0, image.height - 1)).toBeGreaterThan(60);
  });
});
