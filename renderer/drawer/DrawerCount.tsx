import { useState } from 'react';
import { DENOMINATIONS, denominationTotal, formatDifference, type DrawerCount as Count, type ShiftCash } from '../../shared/day/shift-cash.ts';
import { formatRupiah, groupRupiah } from '../../shared/money.ts';
import { useI18n } from '../app/i18n.tsx';
import { CheckboxField } from '../components/CheckboxField.tsx';
import { TextField } from '../components/TextField.tsx';
import { CashField, cashValue } from './CashField.tsx';
import './drawer.css';

/**
 * Counting the drawer before the shift closes: the total, or piece by piece per note and coin; the
 * expected cash and the difference (selisih) are shown before the close. Reports the count (with
 * the expected it was made against) or null while nothing valid is typed.
 */
export function DrawerCount({ cash, onChange }: { cash: ShiftCash; onChange: (count: Count | null) => void }) {
  const { t } = useI18n();
  const [byPiece, setByPiece] = useState(false);
  const [total, setTotal] = useState('');
  const [pieces, setPieces] = useState<Record<string, string>>({});

  const countOf = (nextByPiece: boolean, nextTotal: string, nextPieces: Record<string, string>): Count | null => {
    if (!nextByPiece) {
      const counted = cashValue(nextTotal);
      return counted === null ? null : { counted, expected: cash.expected };
    }
    const counted = piecesOf(nextPieces);
    return counted === null ? null : { counted: denominationTotal(counted), denominations: counted, expected: cash.expected };
  };
  const update = (nextByPiece: boolean, nextTotal: string, nextPieces: Record<string, string>) => {
    setByPiece(nextByPiece);
    setTotal(nextTotal);
    setPieces(nextPieces);
    onChange(countOf(nextByPiece, nextTotal, nextPieces));
  };
  const count = countOf(byPiece, total, pieces);
  return (
    <div className="drawer-count" data-testid="drawer-count">
      <dl className="count-facts">
        <dt>{t('drawer.expected')}</dt>
        <dd data-testid="count-expected">{formatRupiah(cash.expected)}</dd>
        <dt>{t('drawer.counted')}</dt>
        <dd data-testid="count-counted">{count ? formatRupiah(count.counted) : '–'}</dd>
        <dt>{t('drawer.difference')}</dt>
        <dd className={`count-difference ${count && count.counted < cash.expected ? 'cash-short' : ''}`} data-testid="count-difference">
          {count ? formatDifference(count.counted - cash.expected) : '–'}
        </dd>
      </dl>
      <CheckboxField label={t('drawer.count_by_piece')} checked={byPiece} onChange={(checked) => update(checked, total, pieces)} />
      {byPiece ? (
        <div className="count-denominations">
          {DENOMINATIONS.map((value) => (
            <TextField
              key={value}
              label={groupRupiah(value)}
              value={pieces[value] ?? ''}
              inputMode="numeric"
              autoComplete="off"
              data-testid={`count-piece-${value}`}
              onChange={(event) => update(true, total, { ...pieces, [value]: event.target.value })}
            />
          ))}
        </div>
      ) : (
        <CashField label={t('drawer.count_total')} value={total} onChange={(text) => update(false, text, pieces)} testId="count-total" />
      )}
      <p className="field-hint">{t('drawer.count_hint')}</p>
    </div>
  );
}

/** Pieces typed per denomination (blank: none); null while one is not a whole number of pieces. */
function piecesOf(pieces: Record<string, string>): Record<string, number> | null {
  const counted: Record<string, number> = {};
  for (const [value, text] of Object.entries(pieces)) {
    if (text.trim() === '') continue;
    if (!/^\d{1,6}$/.test(text.trim())) return null;
    counted[value] = Number(text.trim());
  }
  return counted;
}
