import { useMemo } from 'react';
import { encodeQrPath } from '../app/qrPath.ts';
import { useI18n } from '../app/i18n.tsx';

/**
 * A QR code drawn as one SVG path from the encoder's modules, quiet zone included, on white.
 * It scales with its box (CSS decides the size) and stays crisp at any size. Data the encoder
 * refuses (too long for any QR version) gets a message instead: never a blank window at the till.
 */
export function QrCode({ payload, label }: { payload: string; label: string }) {
  const { t } = useI18n();
  const path = useMemo(() => encodeQrPath(payload), [payload]);
  if (path === null) {
    return (
      <p className="qr-encode-failed" role="alert">
        {t('qr.encode_failed')}
      </p>
    );
  }
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
