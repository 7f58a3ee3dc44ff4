import { describe, expect, it } from 'vitest';
import { crc16CcittFalse } from '../../../../shared/qris/crc.ts';

describe('crc16CcittFalse', () => {
  it('matches the CRC-16/CCITT-FALSE check value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('pads to four upper-case hex digits', () => {
    expect(crc16CcittFalse('')).toBe('FFFF');
    expect(crc16CcittFalse('x')).toMatch(/^[0-9A-F]{4}$/);
  });
});
