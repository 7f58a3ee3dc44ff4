import { z } from 'zod';
import { PAYMENT_STATES } from './payment.ts';
import { reportSchema } from './day/day-contract.ts';

/** Issue 23: the head office as the till's screens see it (no URL, login or password ever). */
export const hqStatusSchema = z.object({
  configured: z.boolean(),
  /** Outbox rows not yet at the head office. */
  pending: z.number().int(),
  /** Since when the head office has not answered (epoch ms); null while it does. */
  unreachableSince: z.number().nullable(),
  lastSyncAt: z.number().nullable(),
  /** An owner login is stored: Laporan can offer all tills (behind the owner PIN). */
  ownerView: z.boolean(),
});

export const hqScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('outlet'), outlet: z.string().max(64) }),
  z.object({ kind: z.literal('till'), tillId: z.string().max(64) }),
]);

export const hqReportRequest = z
  .object({ scope: hqScopeSchema, from: z.string().max(10).optional(), to: z.string().max(10).optional() })
  .strict();

const hqTillSchema = z.object({ tillId: z.string(), tillName: z.string(), outletName: z.string(), lastSyncAt: z.number().nullable() });

export const hqReportSchema = z.object({
  businessDate: z.string(),
  toDate: z.string(),
  report: reportSchema.pick({
    saleCount: true, buckets: true, partial: true, received: true, receivedByMethod: true, firstSaleAt: true, lastSaleAt: true,
    late: true, voids: true, overpaid: true,
  }),
  tills: z.array(hqTillSchema),
  /** This till's id at the head office (the "this till" scope). */
  thisTill: z.string(),
});

export const hqSearchRequest = z
  .object({ tradeNo: z.string().min(1).max(64).optional(), amount: z.number().int().positive().optional(), from: z.string().max(10).optional() })
  .strict();

export const hqSearchSchema = z.object({
  sales: z.array(z.object({
    tillName: z.string(), outletName: z.string(), tradeNo: z.string(), platformTradeNo: z.string().nullable(),
    amount: z.number().int(), paidAmount: z.number().int().nullable(), state: z.enum(PAYMENT_STATES), createdAt: z.number(),
  })),
});

const connectionInput = z.object({ url: z.string().min(1).max(2048), password: z.string().max(512), ca: z.string().max(20_000).optional() }).strict();

/** Settings → Kantor pusat (owner PIN): write-only, the answer is the status. */
export const hqConfigureRequest = z
  .object({
    till: connectionInput,
    owner: connectionInput.optional(),
    names: z.object({ tillName: z.string().min(1).max(64), outletName: z.string().max(64) }).strict(),
  })
  .strict();
