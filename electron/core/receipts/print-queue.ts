import type { PrintStatus } from '../../../shared/receipt-settings.ts';

/** A failed print as the queue reports it: a translatable code and the technical detail. */
export interface PrintFailure {
  code: string;
  detail: string;
}

/**
 * Print jobs, one at a time in the order asked, never awaited by a sale: `enqueue` returns at
 * once with the job's status, and the status moves on (printing → printed | failed) as the job
 * runs. One job per sale at a time: asking again while one waits or runs gets that job's status.
 */
export class PrintQueue {
  readonly #statuses = new Map<string, PrintStatus>();
  readonly #listeners = new Set<(status: PrintStatus) => void>();
  readonly #now: () => number;
  readonly #toFailure: (error: unknown) => PrintFailure;
  #tail: Promise<void> = Promise.resolve();

  constructor(options: { now: () => number; toFailure: (error: unknown) => PrintFailure }) {
    this.#now = options.now;
    this.#toFailure = options.toFailure;
  }

  /** `work` resolves with the sale's printed count after it, or throws what went wrong. */
  enqueue(tradeNo: string, printedCount: number, work: () => Promise<number>): PrintStatus {
    const current = this.#statuses.get(tradeNo);
    if (current && (current.state === 'queued' || current.state === 'printing')) return current;
    const queued = this.#set(tradeNo, { state: 'queued', errorCode: null, errorDetail: null, printedCount });
    this.#tail = this.#tail.then(async () => {
      this.#set(tradeNo, { ...queued, state: 'printing' });
      try {
        const count = await work();
        this.#set(tradeNo, { state: 'printed', errorCode: null, errorDetail: null, printedCount: count });
      } catch (error) {
        const failure = this.#toFailure(error);
        this.#set(tradeNo, { state: 'failed', errorCode: failure.code, errorDetail: failure.detail, printedCount });
      }
    });
    return queued;
  }

  status(tradeNo: string): PrintStatus | undefined {
    return this.#statuses.get(tradeNo);
  }

  onStatus(listener: (status: PrintStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves when every job asked so far has finished. */
  idle(): Promise<void> {
    return this.#tail;
  }

  #set(tradeNo: string, fields: Omit<PrintStatus, 'tradeNo' | 'updatedAt'>): PrintStatus {
    const status: PrintStatus = { tradeNo, ...fields, updatedAt: this.#now() };
    this.#statuses.set(tradeNo, status);
    for (const listener of this.#listeners) listener(status);
    return status;
  }
}
