import type { Environment } from './settings.ts';
import type { Customer } from './validation.ts';

/**
 * The customer every sale carried before issue 20 when the cashier typed none: invented data that
 * went to Paypro and onto receipts. Kept only to recognise it in old settings and old ledger rows,
 * where it means "empty" (settings-store.ts, ledger schema 11); never sent again.
 */
export const OLD_PLACEHOLDER_CUSTOMER: Readonly<Customer> = { name: 'Pelanggan', mobile: '081234567890', email: 'pelanggan@example.com' };

/**
 * Training only, for a field the shop's contact leaves empty: plainly fake (no such mobile range,
 * a reserved `.invalid` domain), and sent to the training simulator alone, never to Paypro.
 */
export const TRAINING_CONTACT: Readonly<Customer> = { name: 'Latihan', mobile: '080000000000', email: 'latihan@example.invalid' };

export const NO_CONTACT: Readonly<Customer> = { name: '', mobile: '', email: '' };

/** Every field Paypro requires has a value (a QR charge can be sent). */
export function isCompleteContact(contact: Customer): boolean {
  return contact.name !== '' && contact.mobile !== '' && contact.email !== '';
}

/**
 * What a QR charge sends for a customer field the cashier left blank: the shop's contact; in
 * training, the fake one where the shop's is empty (practice needs no setup). Live, an empty field
 * stays empty and the charge is refused before anything is sent.
 */
export function chargeFallback(contact: Customer, environment: Environment): Customer {
  if (environment !== 'training') return contact;
  return {
    name: contact.name.trim() || TRAINING_CONTACT.name,
    mobile: contact.mobile.trim() || TRAINING_CONTACT.mobile,
    email: contact.email.trim() || TRAINING_CONTACT.email,
  };
}
