import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

/**
 * Every app icon from ONE source, build/icon.svg (`npm run icons`):
 * - build/icons/<size>x<size>.png, 16–1024 px (Linux uses the folder; 1024 is the source of the
 *   macOS .icns electron-builder makes on the Mac),
 * - build/icon.png (1024 px) and build/icon.ico (16–256 px, Windows).
 * The outputs are committed (release builds need no extra step); a test checks they match the SVG.
 */

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

export function renderPng(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)', font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

/** The files and their bytes, rendered from the SVG text; nothing written. */
export async function renderIcons(svg: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const size of ICON_SIZES) files.set(`build/icons/${size}x${size}.png`, renderPng(svg, size));
  files.set('build/icon.png', files.get('build/icons/1024x1024.png')!);
  files.set('build/icon.ico', await pngToIco(ICO_SIZES.map((size) => files.get(`build/icons/${size}x${size}.png`)!)));
  return files;
}

export async function buildIcons(dir = projectDir): Promise<string[]> {
  const svg = await readFile(path.join(dir, 'build', 'icon.svg'), 'utf8');
  const files = await renderIcons(svg);
  await mkdir(path.join(dir, 'build', 'icons'), { recursive: true });
  for (const [file, bytes] of files) await writeFile(path.join(dir, file), bytes);
  return [...files.keys()];
}

if (import.meta.main) {
  const written = await buildIcons();
  console.log(`wrote ${written.length} icon files from build/icon.svg`);
}
