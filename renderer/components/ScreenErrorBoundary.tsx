import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../app/i18n.tsx';

type Props = {
  /** Leaves the broken screen (the shell starts a new sale); the boundary resets itself. */
  onBack: () => void;
  children: ReactNode;
};

/**
 * One per screen: a render error in a screen (bad data from the network, a bug) shows a message
 * and a way back instead of unmounting the whole app into a blank window. Payments live in main,
 * so nothing about the sale is lost by leaving the screen.
 */
export class ScreenErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The renderer has no log file of its own; the console is what DevTools and the e2e see.
    console.error('Screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <ScreenFailed
        message={this.state.error.message}
        onBack={() => {
          this.setState({ error: null });
          this.props.onBack();
        }}
      />
    );
  }
}

function ScreenFailed({ message, onBack }: { message: string; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <section className="screen-failed" role="alert" aria-labelledby="screen-failed-title">
      <h1 id="screen-failed-title">{t('screen_failed.title')}</h1>
      <p className="screen-failed-safe">{t('screen_failed.sale_safe')}</p>
      <button type="button" className="button button-primary screen-failed-back" onClick={onBack} autoFocus>
        {t('screen_failed.back')}
      </button>
      <details className="banner-details">
        <summary>{t('common.details')}</summary>
        <code>{message}</code>
      </details>
    </section>
  );
}
