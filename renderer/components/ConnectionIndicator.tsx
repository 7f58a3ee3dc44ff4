import { useConnectionLevel } from '../app/connection.ts';
import { useI18n } from '../app/i18n.tsx';

/** A small, always-visible word on Paypro's reachability, in the top bar. */
export function ConnectionIndicator() {
  const { t } = useI18n();
  const level = useConnectionLevel();
  if (level === null) return null;
  return (
    <p className={`connection connection-${level}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {t(`connection.${level}`)}
    </p>
  );
}
