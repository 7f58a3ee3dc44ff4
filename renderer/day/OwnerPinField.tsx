import { PinField } from '../components/PinField.tsx';
import { useI18n } from '../app/i18n.tsx';

/**
 * The owner's PIN for one action a cashier may not take alone (issue 21: an export with customer
 * data, cash handed back). Left empty it is not sent: main lets the action through when the owner's
 * session is open or no owner PIN is set, and otherwise answers which approval is missing.
 */
export function OwnerPinField({ id, value, onChange }: { id: string; value: string; onChange: (pin: string) => void }) {
  const { t } = useI18n();
  return <PinField id={id} label={t('ownerApproval.pin')} hint={t('ownerApproval.pin_hint')} value={value} maxLength={8} onChange={onChange} />;
}

/** The PIN as the request carries it: absent when nothing was typed. */
export function ownerPinRequest(pin: string): { supervisorPin?: string } {
  return pin === '' ? {} : { supervisorPin: pin };
}
