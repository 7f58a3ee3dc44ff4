import { redact } from './redact.ts';

/** The logger main and the core write through: a message, then a context object. */
export interface AppLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** The part of an electron-log v5 logger (`electron-log/main` or `electron-log/node`) used here. */
export interface ElectronLogLike {
  /** electron-log's hook list; `redactionHook` goes first. */
  hooks: unknown[];
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
}

/** The hook that redacts every message before any transport (file, console…) writes it. */
export function redactionHook<M extends { data: unknown[] }>(message: M): M {
  return { ...message, data: message.data.map((item) => redact(item)) };
}

/**
 * Puts the redaction hook first on an electron-log logger (once) and returns the app's logger
 * over it. Everything logged through it, or through `log` directly, is redacted.
 */
export function createAppLogger(log: ElectronLogLike): AppLogger {
  if (!log.hooks.includes(redactionHook)) log.hooks.unshift(redactionHook);
  const write = (level: 'info' | 'warn' | 'error') => (message: string, context?: Record<string, unknown>) => {
    if (context === undefined) log[level](message);
    else log[level](message, context);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
