import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { FieldError, IpcError } from '../../shared/ipc-contract.ts';
import type { Language } from '../../shared/settings.ts';
import { createTranslate, translateCode, type Translate } from '../i18n/index.ts';

type I18n = {
  language: Language;
  t: Translate;
  /** An error or rule code (with its params) in the current language. */
  tc: (code: string, params?: FieldError['params']) => string;
  /** A broken field's rule in the current language (unknown codes: "this value is not valid"). */
  tf: (error: FieldError) => string;
  /** An IPC error's headline in the current language. */
  te: (error: IpcError) => string;
};

function build(language: Language): I18n {
  return {
    language,
    t: createTranslate(language),
    tc: (code, params) => translateCode(language, code, params),
    tf: (error) => translateCode(language, error.code, error.params, 'err.local.unknown_field'),
    te: (error) => translateCode(language, error.code),
  };
}

const I18nContext = createContext<I18n>(build('id'));

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => build(language), [language]);
  // The page's language follows the cashier's (screen readers, hyphenation, spell-check).
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
