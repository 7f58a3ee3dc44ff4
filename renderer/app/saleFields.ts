import { SALE_FIELDS, type SaleField } from '../../shared/validation.ts';

export type SaleFormField = SaleField;

/**
 * Main reports a broken sale field by its key in the rules (`mobile`) or by its path in the
 * request (`customer.mobile`); both land on the same input.
 */
export function saleFieldOf(key: string): SaleFormField | null {
  const bare = key.startsWith('customer.') ? key.slice('customer.'.length) : key;
  return (SALE_FIELDS as readonly string[]).includes(bare) ? (bare as SaleFormField) : null;
}
