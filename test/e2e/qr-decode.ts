import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr's types declare an ES default export; loaded as CommonJS the module itself is the function
// (whether a loader wraps it in `default` depends on the loader).
type Decode = typeof jsQRModule.default;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

/** The text of the QR code found in a PNG screenshot, or null when none decodes. */
export function decodeQrFromPng(screenshot: Buffer): string | null {
  const png = PNG.sync.read(screenshot);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
