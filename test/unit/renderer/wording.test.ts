import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTION_TITLES } from '../../../renderer/app/settingsScreen.ts';
import { formatBusinessDate, formatSaleMoment } from '../../../renderer/app/time.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { id } from '../../../renderer/i18n/id.ts';
import { createTranslate, MESSAGES } from '../../../renderer/i18n/index.ts';

// Issue 20 item 16: one name for each thing, in the words the screens use.

const LANGUAGES = ['id', 'en'] as const;
const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

describe('wording', () => {
  it('the owner\'s PIN is "PIN pemilik" / "owner PIN" everywhere, never the admin PIN (README included)', () => {
    expect(Object.values(id).filter((text) => /PIN admin|admin PIN/i.test(text))).toEqual([]);
    expect(Object.values(en).filter((text) => /admin PIN|PIN admin/i.test(text))).toEqual([]);
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).not.toMatch(/admin(istrator)? PIN|PIN admin/i);
  });

  it('a message sending the owner to the settings names a section by its title', () => {
    const arrow = { id: /Pengaturan → ([^.:]+)/g, en: /Settings → ([^.:]+)/g };
    for (const language of LANGUAGES) {
      const messages = MESSAGES[language];
      const titles = new Set(Object.values(SECTION_TITLES).map((key) => messages[key]));
      const named = Object.entries(messages).flatMap(([key, text]) => [...text.matchAll(arrow[language])].map((match) => ({ key, title: match[1]! })));
      expect(named.length, language).toBeGreaterThan(0);
      expect(named.filter(({ title }) => !titles.has(title)), language).toEqual([]);
    }
  });

  it('one term for a live sale ("Transaksi nyata") and one for a new sale (the QR screen\'s button)', () => {
    expect(Object.entries(id).filter(([, text]) => /\blive\b/i.test(text))).toEqual([]);
    expect(id['settings.environment.live']).toMatch(/^Transaksi nyata/);
    expect(Object.entries(id).filter(([, text]) => /penjualan baru/i.test(text))).toEqual([]);
    expect(id['sale.heading']).toBe(id['qr.new_sale']);
    expect(en['sale.heading']).toBe(en['qr.new_sale']);
  });

  it('English counts agree with their noun (Intl.PluralRules), Indonesian has one form', () => {
    const t = { id: createTranslate('id'), en: createTranslate('en') };
    expect(t.en('late.banner', { count: 1 })).toBe('1 payment needs action.');
    expect(t.en('late.banner', { count: 2 })).toBe('2 payments need action.');
    expect(t.en('late.tab_count', { count: 1 })).toBe('1 payment needs action');
    expect(t.en('report.exported', { file: 'a.csv', rows: 1 })).toBe('Saved: a.csv (1 row)');
    expect(t.en('recon.all_agree', { count: 1 })).toBe('All match: 1 transaction');
    expect(t.en('payout.received', { count: 12 })).toBe('QRIS money received (12 transactions)');
    expect(t.id('late.banner', { count: 1 })).toBe('1 pembayaran perlu tindakan.');
    // No English count put straight before a plural noun without its plural form.
    const counts = /\{(count|rows|total|shown|checked)\} (?!of\b)[a-z]+s\b/;
    expect(Object.entries(en).filter(([, text]) => counts.test(text))).toEqual([]);
  });

  it('dates on screen as Indonesians write them, never ISO', () => {
    expect(formatBusinessDate('2026-12-07', 'id')).toBe('Senin, 7 Desember 2026');
    expect(formatSaleMoment(new Date(2026, 11, 7, 9, 5, 0).getTime(), null, 'id')).toBe('7 Des 2026 09:05:00');
    // No screen formats a date itself: toISOString and the ISO business-day formatter stay out of
    // the renderer, but for comparing days in app/time.ts.
    const sources = readdirSync(join(REPO_ROOT, 'renderer'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && file !== join('app', 'time.ts'));
    const iso = sources.filter((file) => /toISOString|\bformatDate\b/.test(readFileSync(join(REPO_ROOT, 'renderer', file), 'utf8')));
    expect(iso).toEqual([]);
  });
});
