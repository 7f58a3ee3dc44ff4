import './trade-number.css';

/** Groups of four, read and compared at a glance ("…C49A DADA"), never wrapped. */
const GROUP = 4;

/**
 * A trade number (ours or Paypro's) as the cashier reads it to a customer: monospaced, in groups of
 * four, on one line. The groups are spaced by CSS, not by characters, so a copy (one click selects
 * it all) gives the number exactly as the gateway knows it.
 */
export function TradeNumber({ value, className }: { value: string; className?: string }) {
  const groups = value.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? [value];
  return (
    <span className={`trade-number${className ? ` ${className}` : ''}`} title={value}>
      {groups.map((group, index) => (
        <span key={index}>{group}</span>
      ))}
    </span>
  );
}
