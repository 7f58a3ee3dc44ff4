import { z } from 'zod';
import { PAYMENT_STATES } from './payment.ts';
import { CSV_FORMATS } from './day/csv-format.ts';
import { reportSchema } from './day/day-contract.ts';

/** Why a head-office login or question failed (err.hq.* in renderer/i18n), from electron/core/hq. */
export const HQ_ERROR_CODES = [
  'hq.unreachable', 'hq.not_configured', 'hq.url_invalid', 'hq.password_required', 'hq.ca_invalid', 'hq.login_refused',
  'hq.not_allowed', 'hq.no_database', 'hq.outdated', 'hq.certificate', 'hq.tls_required', 'hq.connect_failed',
  'hq.not_till_login', 'hq.not_owner_login',
] as const;

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
  /** The head office answers but its schema is older than this app: the owner runs `npm run hq:init`. */
  outdated: z.boolean(),
  /** This till's and its outlet's names at the head office (not secret; the logins never come back). */
  tillName: z.string(),
  outletName: z.string(),
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
  /** The shifts opened in the range on the scope's tills, with their counted cash. */
  shifts: z.array(z.object({
    tillName: z.string(), outletName: z.string(), cashierName: z.string(), openedAt: z.number(), closedAt: z.number().nullable(),
    expected: z.number().int().nullable(), counted: z.number().int().nullable(), difference: z.number().int().nullable(),
  })),
  /** Late payments not yet resolved on the scope's tills, whatever their day: each is resolved on its own till. */
  late: z.array(z.object({
    tillName: z.string(), outletName: z.string(), tradeNo: z.string(), amount: z.number().int(), received: z.number().int(), lateAt: z.number(),
  })),
});

/** The till's F6 boxes: the end of a number or mobile (4+ characters, any day), or an amount on a day or range. */
export const hqSearchRequest = z
  .object({
    number: z.string().min(1).max(64).optional(), amount: z.string().min(1).max(32).optional(),
    from: z.string().max(10).optional(), to: z.string().max(10).optional(),
  })
  .strict();

export const hqSearchSchema = z.object({
  sales: z.array(z.object({
    tillName: z.string(), outletName: z.string(), tradeNo: z.string(), platformTradeNo: z.string().nullable(),
    methods: z.array(z.enum(['qris', 'cash'])),
    amount: z.number().int(), paidAmount: z.number().int().nullable(), state: z.enum(PAYMENT_STATES), createdAt: z.number(),
  })),
});

/** The CSV of the scope's tills: the till's columns plus till and outlet; customer data in full when asked (the owner's view is behind the owner PIN), masked otherwise. */
export const hqExportRequest = z
  .object({
    scope: hqScopeSchema, from: z.string().max(10).optional(), to: z.string().max(10).optional(),
    format: z.enum(CSV_FORMATS).optional(), personalData: z.boolean().optional(),
  })
  .strict();

const connectionInput = z.object({ url: z.string().min(1).max(2048), password: z.string().max(512), ca: z.string().max(20_000).optional() }).strict();

/** Settings → Kantor pusat (owner PIN): write-only, the answer is the status. Without `till`, the stored login stays (names changed only). */
export const hqConfigureRequest = z
  .object({
    till: connectionInput.optional(),
    owner: connectionInput.optional(),
    names: z.object({ tillName: z.string().min(1).max(64), outletName: z.string().max(64) }).strict(),
  })
  .strict();

/** Tes koneksi: the typed till login, or the stored one; answers the till's name at the head office. */
export const hqTestRequest = z.object({ till: connectionInput.optional() }).strict();
export const hqTestSchema = z.object({ tillName: z.string() });
