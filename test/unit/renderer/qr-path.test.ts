import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { buildQrPath, QUIET_ZONE_MODULES } from '../../../renderer/app/qrPath.ts';

/** Draws the path back onto a bitmap (what the SVG shows) so a real decoder can read it. */
function rasterise(d: string, viewBoxSize: number, scale: number): { pixels: Uint8ClampedArray; side: number } {
  const side = viewBoxSize * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const match of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const [x, y, width] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + width) * scale; px++) {
        const at = (py * side + px) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return { pixels, side };
}

// jsqr's types declare an ES default export; loaded as CommonJS the module itself is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

const QRIS =
  '00020101021226670021ID/.HTTPS://CFSUKSESS011893600922376110100202097611010020303UMI51440014ID.CO.QRIS.WWW0215ID20243249690030303UMI520465335802ID5902CF6015 JAKARTA SELATA610512760540550000530336062360525db913be449be4568b21c4b19e0703A0163041909';

describe('QR modules → SVG path', () => {
  it('draws every dark module once, inside a 4-module quiet zone', () => {
    const code = QRCode.create(QRIS, { errorCorrectionLevel: 'M' });
    const { d, viewBoxSize } = buildQrPath(code.modules);
    expect(viewBoxSize).toBe(code.modules.size + 2 * QUIET_ZONE_MODULES);
    let drawn = 0;
    for (const match of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      const [x, y, width] = [Number(match[1]), Number(match[2]), Number(match[3])];
      expect(x).toBeGreaterThanOrEqual(QUIET_ZONE_MODULES);
      expect(y).toBeGreaterThanOrEqual(QUIET_ZONE_MODULES);
      expect(x + width).toBeLessThanOrEqual(viewBoxSize - QUIET_ZONE_MODULES);
      drawn += width;
    }
    const dark = Array.from(code.modules.data).filter(Boolean).length;
    expect(drawn).toBe(dark);
  });

  it('decodes back to the payload', () => {
    const code = QRCode.create(QRIS, { errorCorrectionLevel: 'M' });
    const { d, viewBoxSize } = buildQrPath(code.modules);
    const { pixels, side } = rasterise(d, viewBoxSize, 4);
    expect(jsQR(pixels, side, side)?.data).toBe(QRIS);
  });

  it('merges runs and handles a tiny matrix', () => {
    expect(buildQrPath({ size: 2, data: [1, 1, 0, 1] }, 1)).toEqual({ d: 'M1 1h2v1h-2zM2 2h1v1h-1z', viewBoxSize: 4 });
    expect(() => buildQrPath({ size: 3, data: [1] })).toThrow();
  });
});
