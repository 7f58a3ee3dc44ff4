import type { DatabaseSync } from 'node:sqlite';

/**
 * The last four characters of a number, as the number search reads them (day-queries byNumberEnd):
 * upper case, so a Paypro number typed in capitals matches too. One expression, used by the indexes
 * and the query alike (SQLite uses an expression index only for the identical expression).
 */
export const numberEnd = (column: string): string => `substr(upper(${column}), -4)`;

/**
 * Schema 10 (issue 20 item 12): "find yesterday's disputed sale by the end of its number". A search
 * by the last 4+ characters of our number, Paypro's, or the customer's mobile seeks these indexes
 * on the last four characters, then checks the rest on the few rows found: fast on years of sales,
 * where a LIKE '%…' would read every row. Shipped: never changes.
 */
export function migrateToNumberSearch(db: DatabaseSync): void {
  db.exec(`
    CREATE INDEX payments_by_trade_no_end ON payments (${numberEnd('trade_no')});
    CREATE INDEX payments_by_platform_trade_no_end ON payments (${numberEnd('platform_trade_no')})
      WHERE platform_trade_no IS NOT NULL;
    CREATE INDEX payments_by_mobile_end ON payments (${numberEnd('customer_mobile')});
  `);
}
