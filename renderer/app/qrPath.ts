import QRCode from 'qrcode';

/**
 * QR modules → one SVG path: each run of dark modules in a row becomes one rectangle, offset by the
 * quiet zone. One `<path>` with `shape-rendering="crispEdges"` scales to any size without blur.
 */
export type ModuleMatrix = {
  readonly size: number;
  /** Row-major, `size * size` entries, truthy = dark. `QRCode.create(...).modules` fits. */
  readonly data: ArrayLike<number | boolean>;
};

/** ISO/IEC 18004 asks for four light modules round the symbol. */
export const QUIET_ZONE_MODULES = 4;

export type QrPath = { d: string; viewBoxSize: number };

export function buildQrPath(matrix: ModuleMatrix, quietZone: number = QUIET_ZONE_MODULES): QrPath {
  const { size, data } = matrix;
  if (data.length !== size * size) throw new Error(`QR matrix holds ${data.length} modules, expected ${size * size}`);
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      parts.push(`M${start + quietZone} ${row + quietZone}h${col - start}v1h-${col - start}z`);
    }
  }
  return { d: parts.join(''), viewBoxSize: size + 2 * quietZone };
}

/** The drawn code at level M, or null when the encoder refuses the data (beyond QR version 40). */
export function encodeQrPath(payload: string): QrPath | null {
  let modules: ModuleMatrix;
  try {
    modules = QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules;
  } catch {
    return null;
  }
  return buildQrPath(modules);
}
