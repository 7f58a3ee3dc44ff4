import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureRendererBuilt } from '../harness/build-outputs.ts';
import { DEFAULT_RENDERER_DIR } from '../harness/web-preview/server.ts';
import type { Figure } from './reporter.ts';

/**
 * The scripts index.html makes the window load before the first screen: its module scripts and
 * the module preloads Vite adds for their static imports (lazy chunks are not initial).
 */
export function initialScripts(html: string): string[] {
  const tags = html.match(/<(?:script|link)\b[^>]*>/gi) ?? [];
  return tags.flatMap((tag) => {
    const isModuleScript = /^<script\b/i.test(tag) && /\btype="module"/i.test(tag);
    const isModulePreload = /^<link\b/i.test(tag) && /\brel="modulepreload"/i.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    return (isModuleScript || isModulePreload) && url ? [url] : [];
  });
}

/** The renderer's initial JavaScript, gzip-compressed as a web server would send it (level 6). */
export async function rendererBundle(): Promise<Figure> {
  ensureRendererBuilt();
  const scripts = initialScripts(readFileSync(join(DEFAULT_RENDERER_DIR, 'index.html'), 'utf8'));
  if (scripts.length === 0) throw new Error('renderer bundle: index.html loads no module script');
  const files = scripts.map((url) => readFileSync(join(DEFAULT_RENDERER_DIR, url)));
  const raw = files.reduce((sum, file) => sum + file.length, 0);
  const gzip = files.reduce((sum, file) => sum + gzipSync(file, { level: 6 }).length, 0);
  return {
    name: 'renderer-initial-js',
    title: 'renderer initial JavaScript (gzip)',
    unit: 'KB',
    value: gzip / 1000,
    targets: [{ stat: 'value', max: 200 }],
    notes: [`${scripts.length} file(s): ${scripts.join(', ')}; ${(raw / 1000).toFixed(1)} KB before compression`],
  };
}
