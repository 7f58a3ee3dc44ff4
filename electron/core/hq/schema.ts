import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { HQ_TABLES, type HqTable } from './hq-tables.ts';

/**
 * The head office's schema (issue 23): versioned migrations kept in `paypro.schema_migrations`,
 * applied by the owner's command (`npm run hq:init -- <url>`, scripts/hq.ts) with an administrator
 * connection. Like the till's migrations, a shipped one never changes; a new schema is a new entry.
 *
 * Who may do what (row-level security, tested in test/unit/core/hq/hq-security.test.ts):
 * - `paypro_tills`: the group of the till roles (one LOGIN role per till, `addTill`). A till
 *   inserts and updates only rows with its own till id and sees only those (the upsert's version
 *   check must read its own row); it cannot delete, alter, drop or create anything.
 * - `paypro_owner`: the group of the owner's (and accountant's) LOGIN roles; reads everything,
 *   writes nothing.
 * - The administrator who ran hq:init owns the tables.
 * - The report rollups (schema 3): the owner reads them; tills neither read nor write them — the
 *   trigger on payments, run as its definer, adds each till's own changed rows.
 */
export const OWNER_GROUP = 'paypro_owner';
export const TILLS_GROUP = 'paypro_tills';

const tillOnly = 'till_id = (SELECT paypro.current_till())';

/** One replicated table with its keys, its row-level security and its grants. */
function replicaTable(table: HqTable): string {
  const columns = Object.entries(HQ_TABLES[table]).map(([name, type]) => `${name} ${type}`).join(',\n      ');
  return `
    CREATE TABLE paypro.${table} (
      till_id   uuid        NOT NULL,
      id        bigint      NOT NULL,
      version   bigint      NOT NULL,
      synced_at timestamptz NOT NULL DEFAULT now(),
      ${columns},
      PRIMARY KEY (till_id, id)
    );
    ALTER TABLE paypro.${table} ENABLE ROW LEVEL SECURITY;
    CREATE POLICY till_own_rows ON paypro.${table} TO ${TILLS_GROUP} USING (${tillOnly}) WITH CHECK (${tillOnly});
    CREATE POLICY owner_reads ON paypro.${table} FOR SELECT TO ${OWNER_GROUP} USING (true);
    GRANT SELECT, INSERT, UPDATE ON paypro.${table} TO ${TILLS_GROUP};
    GRANT SELECT ON paypro.${table} TO ${OWNER_GROUP};`;
}

/**
 * The tables of head-office schema 1, frozen: a table added to HQ_TABLES later is created by its
 * own new migration (`replicaTable('cash_movements')`), never by this one. Columns come from
 * HQ_TABLES, so a column added there later reaches a fresh head office through schema 1; its own
 * migration adds it with `ALTER TABLE … ADD COLUMN IF NOT EXISTS` for head offices made before.
 */
const SCHEMA_1_TABLES: readonly HqTable[] = ['cashiers', 'shifts', 'payments', 'payment_events', 'late_resolutions', 'received_after_close'];

/** `ALTER TABLE … ADD COLUMN IF NOT EXISTS` for columns added to HQ_TABLES after their table's schema. */
function addColumns<T extends HqTable>(table: T, columns: readonly (keyof (typeof HQ_TABLES)[T] & string)[]): string {
  const types: Record<string, string> = HQ_TABLES[table];
  return `ALTER TABLE paypro.${table} ${columns.map((column) => `ADD COLUMN IF NOT EXISTS ${column} ${types[column]}`).join(', ')};`;
}

/** The report's GROUP BY columns (the till's report dimensions, day-queries.ts), for index-only scans. */
const REPORT_COLUMNS = 'state, amount, paid_amount, late_at, voided_at, method, sale_id, completed_at';

/**
 * The report rollups' buckets: hours, and UTC days for long ranges (a month reads ~30 day rows per
 * group, not ~720 hour rows). Indonesia's offsets are whole hours, so local hours are UTC hours; a
 * business day's cut-off may fall inside one (HH:MM, shared/day/business-day.ts), and a report
 * reads such partial hours at either end of its range from the rows themselves.
 */
export const ROLLUP_BUCKETS = { hour: 3_600_000, day: 86_400_000 } as const;

/**
 * The all-tills rollup keeps, per bucket and group, one row per stripe of tills (a till's stripe:
 * from its id's last byte) rather than one: every till syncing now adds to the current hour, and on
 * one row they would all queue for its lock. A day's all-tills report reads 24 × 16 × a few groups.
 */
const ROLLUP_STRIPES = 16;
// mod(), not %: these statements go through format() in the trigger.
const STRIPE = `mod(get_byte(uuid_send(till_id), 15), ${ROLLUP_STRIPES})`;
/** pg_advisory_xact_lock's first key for the stripes' locks (the issue's number): see add_to_rollups(). */
const STRIPE_LOCK = 23;

/**
 * What a report groups payments by (a row of paypro.payments as `p` or unaliased): the till's own
 * report dimensions (electron/core/ledger/day-queries.ts), the rollups' key. A row without a
 * method (before schema 2) is a QRIS payment, as reportGroupOfRow reads it.
 */
export const REPORT_GROUP_KEYS = `state, late_at IS NOT NULL AS late, voided_at IS NOT NULL AS voided, coalesce(method, 'qris') AS method,
  sale_id IS NOT NULL AS follow_up, completed_at IS NOT NULL AS completed`;
const GROUP_COLUMNS = 'state, late, voided, method, follow_up, completed';
/** The rollups' sums, all additive (so a changed row is taken out of its old group and added to its new one). */
const ROLLUP_SUMS = ['count', 'amount', 'paid', 'paid_or_charged', 'overpaid_count', 'overpaid_amount'] as const;

/** A rollup table: its key, its sums, read only by the owner (tills neither read nor write it: the trigger does). */
function rollupTable(table: string, key: string): string {
  return `
    CREATE TABLE paypro.${table} (
      ${key},
      bucket       text    NOT NULL CHECK (bucket IN ('hour', 'day')),
      bucket_start bigint  NOT NULL,
      state      text    NOT NULL,
      late       boolean NOT NULL,
      voided     boolean NOT NULL,
      method     text    NOT NULL,
      follow_up  boolean NOT NULL,
      completed  boolean NOT NULL,
      ${ROLLUP_SUMS.map((sum) => `${sum} bigint NOT NULL`).join(', ')}
    );
    ALTER TABLE paypro.${table} ENABLE ROW LEVEL SECURITY;
    CREATE POLICY owner_reads ON paypro.${table} FOR SELECT TO ${OWNER_GROUP} USING (true);
    GRANT SELECT ON paypro.${table} TO ${OWNER_GROUP};`;
}

/**
 * Adds `changes` — payments rows each with a `sign`: +1 a row as it now is, −1 a row as it was —
 * to both rollups, in one statement. Keys in order, so that two transactions lock rows in the same order.
 */
function applyToRollups(changes: string): string {
  const add = ROLLUP_SUMS.map((sum) => `${sum} = r.${sum} + excluded.${sum}`).join(', ');
  const sumsOf = ROLLUP_SUMS.map((sum) => `sum(${sum})`).join(', ');
  return `
    WITH delta AS (
      SELECT * FROM (
        SELECT till_id, created_at - mod(created_at, ${ROLLUP_BUCKETS.hour}) AS hour_start, ${REPORT_GROUP_KEYS},
          sum(sign) AS count, sum(sign * coalesce(amount, 0)) AS amount, sum(sign * coalesce(paid_amount, 0)) AS paid,
          sum(sign * coalesce(paid_amount, amount, 0)) AS paid_or_charged,
          sum(sign * (overpaid_amount IS NOT NULL)::int) AS overpaid_count, sum(sign * coalesce(overpaid_amount, 0)) AS overpaid_amount
        FROM (${changes}) AS changes GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      ) AS sums
      -- A change outside the report's columns (a customer's name, a shift) moves nothing.
      WHERE (${ROLLUP_SUMS.join(', ')}) <> (0, 0, 0, 0, 0, 0)
    ), buckets AS (
      SELECT till_id, 'hour' AS bucket, hour_start AS bucket_start, ${GROUP_COLUMNS}, ${ROLLUP_SUMS.join(', ')} FROM delta
      UNION ALL
      SELECT till_id, 'day', hour_start - mod(hour_start, ${ROLLUP_BUCKETS.day}), ${GROUP_COLUMNS}, ${sumsOf}
      FROM delta GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ), by_till AS (
      INSERT INTO paypro.payments_rollup AS r SELECT * FROM buckets ORDER BY till_id, bucket, bucket_start, ${GROUP_COLUMNS}
      ON CONFLICT (till_id, bucket, bucket_start, ${GROUP_COLUMNS}) DO UPDATE SET ${add}
    )
    INSERT INTO paypro.payments_rollup_all AS r
      SELECT ${STRIPE} AS stripe, bucket, bucket_start, ${GROUP_COLUMNS}, ${sumsOf}
      FROM buckets GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 2, 3, 1, 4, 5, 6, 7, 8, 9
    ON CONFLICT (bucket, bucket_start, stripe, ${GROUP_COLUMNS}) DO UPDATE SET ${add}`;
}

export const HQ_MIGRATIONS: readonly string[] = [
  `
    CREATE SCHEMA paypro;
    GRANT USAGE ON SCHEMA paypro TO ${TILLS_GROUP}, ${OWNER_GROUP};

    -- One row per till role: made by add-till; the till's own id is claimed at its first sync and
    -- never changes after (a till cannot take over another till's rows by renaming itself).
    CREATE TABLE paypro.tills (
      role_name    text        PRIMARY KEY,
      till_id      uuid        UNIQUE,
      till_name    text        NOT NULL,
      outlet_name  text        NOT NULL DEFAULT '',
      created_at   timestamptz NOT NULL DEFAULT now(),
      last_sync_at timestamptz,
      -- The till's outbox seq of the newest row received: how far the head office has got.
      last_seq     bigint      NOT NULL DEFAULT 0
    );
    CREATE FUNCTION paypro.tills_id_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.till_id IS NOT NULL AND NEW.till_id IS DISTINCT FROM OLD.till_id OR NEW.role_name <> OLD.role_name THEN
        RAISE EXCEPTION 'a till''s id and role are fixed once claimed';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER tills_id_fixed BEFORE UPDATE ON paypro.tills FOR EACH ROW EXECUTE FUNCTION paypro.tills_id_fixed();
    ALTER TABLE paypro.tills ENABLE ROW LEVEL SECURITY;
    CREATE POLICY till_own_row ON paypro.tills TO ${TILLS_GROUP}
      USING (role_name = current_user) WITH CHECK (role_name = current_user);
    CREATE POLICY owner_reads ON paypro.tills FOR SELECT TO ${OWNER_GROUP} USING (true);
    GRANT SELECT, UPDATE (till_id, till_name, outlet_name, last_sync_at, last_seq) ON paypro.tills TO ${TILLS_GROUP};
    GRANT SELECT ON paypro.tills TO ${OWNER_GROUP};

    -- The till id of the connected till role (NULL for anyone else): what every policy compares.
    CREATE FUNCTION paypro.current_till() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT till_id FROM paypro.tills WHERE role_name = current_user $$;

    ${SCHEMA_1_TABLES.map(replicaTable).join('\n')}

    -- The reports: a business day is a created_at range; the covering index answers the day
    -- report of all tills from the index alone, the second one of one till or outlet.
    CREATE INDEX payments_by_created ON paypro.payments (created_at) INCLUDE (till_id, state, amount, paid_amount, late_at, voided_at);
    CREATE INDEX payments_by_till ON paypro.payments (till_id, created_at) INCLUDE (state, amount, paid_amount, late_at, voided_at);
    -- "The customer shows proof at another branch": by amount and time, or by either trade number.
    CREATE INDEX payments_by_amount ON paypro.payments (amount, created_at);
    CREATE INDEX payments_by_trade_no ON paypro.payments (trade_no);
    CREATE INDEX payments_by_platform_trade_no ON paypro.payments (platform_trade_no) WHERE platform_trade_no IS NOT NULL;
    CREATE INDEX payments_late ON paypro.payments (late_at) WHERE late_at IS NOT NULL;
    CREATE INDEX shifts_by_opened ON paypro.shifts (opened_at);
    CREATE INDEX payment_events_by_payment ON paypro.payment_events (till_id, payment_id);
  `,
  // Schema 2: cash sales, follow-up payments and overpayments (till schemas 5 and 9), and the
  // drawer's cash (till schema 6).
  `
    ${addColumns('payments', ['method', 'sale_id', 'cash_tendered', 'cash_change', 'completed_at', 'overpaid_amount'])}
    -- Rows already here came from tills without cash sales (a till that has them cannot send to
    -- a head office without these columns: its batches wait until this migration): QRIS sales,
    -- each its own first payment. Their version is kept, so any later change still lands.
    UPDATE paypro.payments SET method = 'qris' WHERE method IS NULL;

    ${replicaTable('cash_movements')}
    ${replicaTable('drawer_openings')}

    DROP INDEX paypro.payments_by_created;
    DROP INDEX paypro.payments_by_till;
    CREATE INDEX payments_by_created ON paypro.payments (created_at) INCLUDE (till_id, ${REPORT_COLUMNS});
    CREATE INDEX payments_by_till ON paypro.payments (till_id, created_at) INCLUDE (${REPORT_COLUMNS});
    -- A sale's payments: its first payment (till_id, id) and its follow-ups (till_id, sale_id).
    CREATE INDEX payments_by_sale ON paypro.payments (till_id, sale_id) WHERE sale_id IS NOT NULL;
    -- The report's overpaid line reads only the rare overpaid rows.
    CREATE INDEX payments_overpaid ON paypro.payments (created_at) INCLUDE (till_id, overpaid_amount) WHERE overpaid_amount IS NOT NULL;
    CREATE INDEX cash_movements_by_shift ON paypro.cash_movements (till_id, shift_id);
    CREATE INDEX drawer_openings_by_at ON paypro.drawer_openings (at);
  `,
  // Schema 3: the reports' rollups per hour and day, kept by a trigger in the transaction of every
  // write of payments, so that a report reads a few rows per hour or day whatever the number of sales.
  `
    ${rollupTable('payments_rollup', 'till_id uuid NOT NULL')}
    ALTER TABLE paypro.payments_rollup ADD PRIMARY KEY (till_id, bucket, bucket_start, ${GROUP_COLUMNS});
    ${rollupTable('payments_rollup_all', 'stripe smallint NOT NULL')}
    ALTER TABLE paypro.payments_rollup_all ADD PRIMARY KEY (bucket, bucket_start, stripe, ${GROUP_COLUMNS});

    -- Statement-level, on the rows the statement really changed (an upsert whose version is not
    -- newer changes none): the old rows taken out of the rollups, the new ones added. As definer,
    -- since tills cannot touch the rollups; a till's statement holds only its own rows (row-level
    -- security), so it only ever adds to its own till's rows and its stripe.
    CREATE FUNCTION paypro.add_to_rollups() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $fn$
    DECLARE
      changes text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
        WHEN 'UPDATE' THEN 'SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows'
        ELSE 'SELECT -1 AS sign, * FROM old_rows' END;
    BEGIN
      -- One stripe lock per transaction of a till (in order, for an administrator's statement over
      -- many tills): the insert and update halves of an upsert lock rollup rows in two statements,
      -- and two tills of one stripe doing so in opposite orders would deadlock.
      EXECUTE format('SELECT pg_advisory_xact_lock(${STRIPE_LOCK}, stripe) FROM (SELECT DISTINCT ${STRIPE} AS stripe FROM (%s) AS changes ORDER BY 1) AS stripes', changes);
      EXECUTE format($sql$${applyToRollups('%s')}$sql$, changes);
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER payments_rollup_insert AFTER INSERT ON paypro.payments REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION paypro.add_to_rollups();
    CREATE TRIGGER payments_rollup_update AFTER UPDATE ON paypro.payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION paypro.add_to_rollups();
    CREATE TRIGGER payments_rollup_delete AFTER DELETE ON paypro.payments REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION paypro.add_to_rollups();
    CREATE FUNCTION paypro.payments_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      TRUNCATE paypro.payments_rollup, paypro.payments_rollup_all;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER payments_rollup_truncate AFTER TRUNCATE ON paypro.payments
      FOR EACH STATEMENT EXECUTE FUNCTION paypro.payments_rollup_truncate();

    -- The rows already here; the triggers above hold writes back until this commits, so none is
    -- counted twice or missed.
    ${applyToRollups('SELECT 1 AS sign, * FROM paypro.payments')};
  `,
  // Schema 4: the owner's search across tills by the end of either number or of the customer's mobile (the
  // till's F6, ledger schema 10): a seek on the last four characters, the rest checked on the
  // few rows found (hq-report.ts searchAcrossTills), instead of a LIKE '%…' over every till's sales.
  `
    CREATE INDEX payments_by_trade_no_end ON paypro.payments (right(upper(trade_no), 4));
    CREATE INDEX payments_by_platform_trade_no_end ON paypro.payments (right(upper(platform_trade_no), 4))
      WHERE platform_trade_no IS NOT NULL;
    CREATE INDEX payments_by_mobile_end ON paypro.payments (right(customer_mobile, 4));
  `,
  // Schema 5: which customer fields the cashier typed (till schema 11; a till resends its payments
  // once with it) and what became of each overpayment (till schema 12).
  `
    ${addColumns('payments', ['customer_typed'])}
    ${replicaTable('overpaid_resolutions')}
    CREATE INDEX overpaid_resolutions_by_payment ON paypro.overpaid_resolutions (till_id, payment_id);
  `,
];

/**
 * Applies the head office's missing migrations up to `toVersion` (all by default; fewer to make a
 * head office as an older app left it), each in its own transaction; returns the version reached.
 */
export async function migrateHq(admin: pg.Client, toVersion = HQ_MIGRATIONS.length): Promise<number> {
  await ensureGroups(admin);
  await admin.query(`CREATE TABLE IF NOT EXISTS public.paypro_schema_migrations (
    version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (;;) {
    await admin.query('BEGIN');
    try {
      // One migrator at a time: a second hq:init waits here, then finds the work done.
      await admin.query('LOCK TABLE public.paypro_schema_migrations IN EXCLUSIVE MODE');
      const { rows } = await admin.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM public.paypro_schema_migrations');
      const version = rows[0]?.version ?? 0;
      const migration = version < toVersion ? HQ_MIGRATIONS[version] : undefined;
      if (migration === undefined) {
        await admin.query('COMMIT');
        return version;
      }
      await admin.query(migration);
      await admin.query('INSERT INTO public.paypro_schema_migrations (version) VALUES ($1)', [version + 1]);
      await admin.query('COMMIT');
    } catch (error) {
      await admin.query('ROLLBACK');
      throw error;
    }
  }
}

/** The two group roles are the cluster's (roles are not per database): made once, kept. */
async function ensureGroups(admin: pg.Client): Promise<void> {
  for (const group of [OWNER_GROUP, TILLS_GROUP]) {
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${group}') THEN CREATE ROLE ${group} NOLOGIN; END IF;
    END $$`);
  }
  // Nobody but these groups (and the administrator) connects to the head office's database.
  const { rows } = await admin.query<{ db: string }>('SELECT current_database() AS db');
  const db = admin.escapeIdentifier(rows[0]?.db ?? '');
  await admin.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${db} FROM PUBLIC`);
  await admin.query(`GRANT CONNECT ON DATABASE ${db} TO ${OWNER_GROUP}, ${TILLS_GROUP}`);
}

export interface NewLogin {
  role: string;
  password: string;
}

/** A LOGIN role for one till, with a random password shown once to the owner. */
export async function addTill(admin: pg.Client, tillName: string, outletName = ''): Promise<NewLogin> {
  const login = newLogin('paypro_till', tillName);
  await admin.query('BEGIN');
  try {
    await admin.query(`CREATE ROLE ${login.role} LOGIN IN ROLE ${TILLS_GROUP} CONNECTION LIMIT 4 PASSWORD ${admin.escapeLiteral(login.password)}`);
    await admin.query('INSERT INTO paypro.tills (role_name, till_name, outlet_name) VALUES ($1, $2, $3)', [login.role, tillName, outletName]);
    await admin.query('COMMIT');
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
  return login;
}

/** A LOGIN role that reads everything (the owner, an accountant, Metabase). */
export async function addOwner(admin: pg.Client, name: string): Promise<NewLogin> {
  const login = newLogin('paypro_owner', name);
  await admin.query(`CREATE ROLE ${login.role} LOGIN IN ROLE ${OWNER_GROUP} PASSWORD ${admin.escapeLiteral(login.password)}`);
  return login;
}

function newLogin(prefix: string, name: string): NewLogin {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 24) || 'x';
  // A random suffix: role names are the cluster's, and two outlets may both have a "kasir 1".
  return { role: `${prefix}_${slug}_${randomBytes(3).toString('hex')}`, password: randomBytes(18).toString('base64url') };
}
