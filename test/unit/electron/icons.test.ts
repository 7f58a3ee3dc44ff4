import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, ICON_SIZES, renderIcons } from '../../../scripts/build-icons.ts';

// The committed icons are the ones build/icon.svg renders to today (run `npm run icons` after
// editing the SVG), and electron-builder.yml points at them.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

function pixelDistance(a: Buffer, b: Buffer): number {
  const left = PNG.sync.read(a);
  const right = PNG.sync.read(b);
  if (left.width !== right.width || left.height !== right.height) return Infinity;
  let max = 0;
  for (let i = 0; i < left.data.length; i++) max = Math.max(max, Math.abs(left.data[i]! - right.data[i]!));
  return max;
}

/** Width and height of each image in an .ico (0 in the directory means 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
}

describe('icons', () => {
  it('are up to date with build/icon.svg', { timeout: 30_000 }, async () => {
    const rendered = await renderIcons(readFileSync('build/icon.svg', 'utf8'));
    for (const [file, bytes] of rendered) {
      if (!file.endsWith('.png')) continue;
      // Pixels, not bytes: the rasterizer may round differently on another CPU.
      expect(pixelDistance(readFileSync(file), bytes), `${file} is stale: run npm run icons`).toBeLessThanOrEqual(2);
    }
    expect(ICON_SIZES.map((size) => PNG.sync.read(readFileSync(`build/icons/${size}x${size}.png`)).width)).toEqual([...ICON_SIZES]);
    expect(icoSizes(readFileSync('build/icon.ico')).sort((a, b) => a - b)).toEqual([...ICO_SIZES]);
  });

  it('are the ones electron-builder.yml uses', () => {
    const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;
    expect(config.win.icon).toBe('build/icon.ico');
    expect(config.mac.icon).toBe('build/icon.png');
    expect(config.linux.icon).toBe('build/icons');
    expect(PNG.sync.read(readFileSync('build/icon.png')).width).toBe(1024);
  });
});
