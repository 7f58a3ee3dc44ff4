import type { DatabaseSync } from 'node:sqlite';
import { OLD_PLACEHOLDER_CUSTOMER } from '../../../shared/shop-contact.ts';
import { validateEmail, validateMobile, validateName, type Customer, type CustomerTyped, type ValidationResult } from '../../../shared/validation.ts';

/** `customer_typed`: one bit per customer field the cashier typed. */
const BITS = { name: 1, mobile: 2, email: 4 } as const satisfies Record<keyof CustomerTyped, number>;

export function customerTypedMask(typed: CustomerTyped): number {
  return (typed.name ? BITS.name : 0) | (typed.mobile ? BITS.mobile : 0) | (typed.email ? BITS.email : 0);
}

export function customerTypedFromMask(mask: number): CustomerTyped {
  return { name: (mask & BITS.name) !== 0, mobile: (mask & BITS.mobile) !== 0, email: (mask & BITS.email) !== 0 };
}

/** What schema 11 needs from outside the file: the shop's contact in Settings when it runs. */
export interface MigrationContext {
  shopContact?: Customer;
}

/**
 * Schema 11 (issue 20 item 6): each sale records which customer fields the cashier typed. A field
 * left blank was sent to Paypro with the shop's contact (or, before issue 20, with the invented
 * "Pelanggan" placeholder): the columns keep what was sent, and `customer_typed` says it is nobody's
 * to print on a receipt or to send a WhatsApp receipt to.
 *
 * Older rows never said so; they are read as best we can: a field equal to the old placeholder's,
 * to the shop's contact in Settings at the time of this migration, or empty, was not typed. A
 * customer who really typed exactly the shop's own contact reads as untyped (harmless: it is the
 * shop's). A contact the owner changed before this migration leaves the sales sent with the old
 * one read as typed: nothing remembers it.
 *
 * The back-fill queues every payment once for the head office (its schema 5 holds the column), so
 * the owner's all-tills CSV says the same as the till's. Shipped: never changes.
 */
export function migrateToCustomerTyped(db: DatabaseSync, context: MigrationContext = {}): void {
  db.exec(`ALTER TABLE payments ADD COLUMN customer_typed INTEGER NOT NULL DEFAULT 7 CHECK (customer_typed BETWEEN 0 AND 7)`);
  // Sales hold normalised values (validation.ts); the contact as typed in Settings may not be.
  const contact = context.shopContact;
  const untyped = (field: keyof CustomerTyped, rule: (text: string) => ValidationResult<string>): string[] => {
    const current = rule(contact?.[field] ?? '');
    return ['', OLD_PLACEHOLDER_CUSTOMER[field], ...(current.ok ? [current.value] : [])];
  };
  const fieldBit = (column: string, field: keyof CustomerTyped, values: string[]) =>
    `(CASE WHEN ${column} IN (${values.map(() => '?').join(', ')}) THEN 0 ELSE ${BITS[field]} END)`;
  const name = untyped('name', validateName);
  const mobile = untyped('mobile', validateMobile);
  const email = untyped('email', validateEmail);
  db.prepare(`UPDATE payments SET customer_typed = ${fieldBit('customer_name', 'name', name)}
    | ${fieldBit('customer_mobile', 'mobile', mobile)} | ${fieldBit('customer_email', 'email', email)}`).run(...name, ...mobile, ...email);
  db.exec(`
    CREATE TRIGGER payments_customer_typed_fixed BEFORE UPDATE OF customer_typed ON payments
    BEGIN SELECT RAISE(ABORT, 'a payment''s customer is fixed'); END;
  `);
}
