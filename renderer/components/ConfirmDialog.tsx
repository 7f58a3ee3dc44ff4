import { useEffect, useId, useRef, type ReactNode } from 'react';

type Props = {
  title: string;
  body: string;
  confirmLabel: string;
  dismissLabel: string;
  onConfirm: () => void;
  onDismiss: () => void;
  /** What the question is about (e.g. the shift to be closed), under the body. */
  children?: ReactNode;
};

/**
 * A modal question. Esc dismisses wherever the focus is; Enter answers with the focused button.
 * Focus starts on the safe choice (dismiss): the question is often destructive (cancelling a live
 * payment), so Esc-then-Enter must never confirm it. Focus stays inside (Tab cycles the two
 * buttons) and returns to where it was.
 */
export function ConfirmDialog({ title, body, confirmLabel, dismissLabel, onConfirm, onDismiss, children }: Props) {
  const titleId = useId();
  const bodyId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const dismissRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dismissRef.current?.focus();
    return () => previous?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onDismiss();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        if (document.activeElement === confirmRef.current) onConfirm();
        else onDismiss();
      } else if (event.key === 'Tab') {
        event.preventDefault();
        const next = document.activeElement === confirmRef.current ? dismissRef.current : confirmRef.current;
        next?.focus();
      }
    };
    // Capture phase: the dialog answers before the screen behind it sees the key.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onConfirm, onDismiss]);

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId}>
        <h2 id={titleId}>{title}</h2>
        <p id={bodyId}>{body}</p>
        {children}
        <div className="dialog-actions">
          <button type="button" ref={dismissRef} className="button button-secondary" onClick={onDismiss}>
            {dismissLabel}
          </button>
          <button type="button" ref={confirmRef} className="button button-danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
