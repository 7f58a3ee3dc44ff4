import { useMemo } from 'react';
import QRCode from 'qrcode';
import { buildQrPath } from '../app/qrPath.ts';

/**
 * A QR code drawn as one SVG path from the encoder's modules, quiet zone included, on white.
 * It scales with its box (CSS decides the size) and stays crisp at any size.
 */
export function QrCode({ payload, label }: { payload: string; label: string }) {
  const path = useMemo(() => {
    const code = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    return buildQrPath(code.modules);
  }, [payload]);
  return (
    <svg
      className="qr-svg"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${path.viewBoxSize} ${path.viewBoxSize}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={path.viewBoxSize} height={path.viewBoxSize} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
