import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../shared/payment.ts';
import type { ClosedShift } from '../../../shared/day/day-contract.ts';
import { readEscPos } from '../../harness/escpos-reader.ts';
import { usePrintingCore } from '../../harness/printing-core.ts';

// The cash sale (payments) and the drawer and shift cash (day) meet in the core: a cash payment
// kicks the drawer through the LAN printer and is counted in the shift's expected cash.
describe('a cash sale at a till with a LAN receipt printer and a drawer', () => {
  const printing = usePrintingCore('pos-cash-drawer-');

  it('opens the drawer with its pulse, and the counted close expects the cash the sale kept (tendered − change)', async () => {
    const { call, printer } = printing;
    await call('updateReceiptSettings', { patch: { printer: { kind: 'network', host: printer.host, port: printer.port }, autoPrint: false } });

    const sale = await call<PaymentView>('payCash', { amount: 35_000, tendered: '50.000' });
    expect(sale).toMatchObject({ state: 'paid', amount: 35_000 });
    const [job] = await printer.waitForJobs(1);
    expect(readEscPos(job!).commands).toEqual([expect.objectContaining({ name: 'pulse' })]);

    await call('setFloat', { amount: 100_000 });
    const closed = await call<ClosedShift>('closeShift', { count: { counted: 135_000, expected: 135_000 } });
    expect(closed.report.cash).toMatchObject({ float: 100_000, cashSales: 35_000, expected: 135_000, counted: 135_000, difference: 0 });
    expect(closed.report.receivedByMethod).toEqual({ qris: 0, cash: 35_000 });
  });

  it('without a LAN printer the cash sale is taken all the same, and nothing is sent', async () => {
    const { call, printer } = printing;
    expect(await call<PaymentView>('payCash', { amount: 20_000, tendered: 20_000 })).toMatchObject({ state: 'paid' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printer.jobs).toEqual([]);
  });
});
