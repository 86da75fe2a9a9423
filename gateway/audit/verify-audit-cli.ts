/**
 * Verifies the access audit's hash chain and prints one line. Reads the store's own settings (DATABASE_URL and
 * DATABASE_SCHEMA, or PGLITE_DIR when no URL is set). Exit 0: intact; 1: broken; 2: could not check.
 *
 *   npx tsx gateway/audit/verify-audit-cli.ts [--from-id 1] [--batch-size 1000]
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../../platform/config.js';
import { scrubString } from '../../platform/redaction.js';
import { openStore } from '../../store/open-store.js';
import { storeConfigSection } from '../../store/store-config.js';
import { verifyAuditChain } from '../../store/audit/audit-chain.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'from-id': { type: 'string' }, 'batch-size': { type: 'string', default: '1000' } },
  });
  const batchSize = Number(values['batch-size']);
  const fromId = values['from-id'];
  if (
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    (fromId !== undefined && !/^[1-9]\d{0,18}$/.test(fromId))
  ) {
    console.error('usage: verify-audit-cli [--from-id <positive id>] [--batch-size <positive integer>]');
    return 2;
  }
  const { store } = parseConfig({ store: storeConfigSection }, process.env);
  const db = await openStore(store);
  try {
    const started = performance.now();
    const report = await verifyAuditChain(db, { batchSize, ...(fromId === undefined ? {} : { fromId }) });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const where = `${db.engine}, schema ${db.schema}`;
    if (report.ok) {
      const head = report.head === null ? 'empty' : `head id ${report.head.id} hash ${report.head.hash}`;
      console.log(`audit chain OK: ${report.rows} rows verified in ${seconds} s (${where}; ${head})`);
      return 0;
    }
    console.log(
      `audit chain BROKEN at id ${report.firstBrokenId} (${report.problem}; ${report.rows} rows intact before it; ${where})`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // Reading the chain quotes no row values in its errors; the message is scrubbed all the same.
  console.error(
    `audit chain could not be checked: ${scrubString(error instanceof Error ? error.message : String(error))}`,
  );
  process.exitCode = 2;
}
