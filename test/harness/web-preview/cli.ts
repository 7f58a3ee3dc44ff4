/**
 * `npm run preview:web [-- --port 5179] [-- --data-dir ./preview-data] [-- --hq <admin-url> --till <name>
 * --outlet <name>]` (the last: one till of a head office, issue 23): the cashier app in a
 * browser, with the real core behind a small HTTP bridge. A development tool, not the product:
 * its secret protection is NOT secure (see server.ts).
 */
import { parseArgs } from 'node:util';
import { startWebPreview } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5179' },
    'data-dir': { type: 'string' },
    hq: { type: 'string' },
    till: { type: 'string', default: 'Kasir 1' },
    outlet: { type: 'string', default: '' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run preview:web -- [--port 5179] [--data-dir DIR] [--hq ADMIN_URL --till NAME --outlet NAME]');
  process.exit(0);
}

const preview = await startWebPreview({
  port: Number(values.port),
  ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
  removeTempDataDir: false,
  ...(values.hq === undefined ? {} : { hq: { adminUrl: values.hq, tillName: values.till, outletName: values.outlet } }),
});
console.log(`Paypro POS web preview (dev tool; secret protection is NOT secure)`);
console.log(`  open      ${preview.url}`);
console.log(`  data dir  ${preview.dataDir}`);
console.log(`  training gateway (simulator) ${preview.simulator.baseUrl}`);
console.log('Ctrl+C stops it.');

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  void preview.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
