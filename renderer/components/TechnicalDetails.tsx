import { useI18n } from '../app/i18n.tsx';

/** The raw code and developer detail, closed by default: for support, after the cashier's words. */
export function TechnicalDetails({ code, detail, className }: { code: string; detail: string; className?: string }) {
  const { t } = useI18n();
  return (
    <details className={className ?? 'banner-details'}>
      <summary>{t('common.details')}</summary>
      <code>
        {code}: {detail}
      </code>
    </details>
  );
}
