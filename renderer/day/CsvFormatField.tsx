import { CSV_FORMATS, type CsvFormat } from '../../shared/day/csv-format.ts';
import { useI18n } from '../app/i18n.tsx';

/**
 * The CSV export's format next to "Ekspor CSV": preset to what Excel opens in columns on this
 * computer (its region's separator), or plain RFC 4180 for other programs.
 */
export function CsvFormatField({ value, onChange }: { value: CsvFormat; onChange: (format: CsvFormat) => void }) {
  const { t } = useI18n();
  return (
    <div className="field csv-format">
      <label htmlFor="csv-format">{t('report.csv_format')}</label>
      <select id="csv-format" value={value} onChange={(event) => onChange(event.target.value as CsvFormat)}>
        {CSV_FORMATS.map((format) => (
          <option key={format} value={format}>{t(`report.csv_format.${format}`)}</option>
        ))}
      </select>
    </div>
  );
}
