/**
 * Feed files for the demo population, as a GP system or a school would send them:
 *
 *   node --import tsx simulators/feeds/main.ts school|gp --good N --bad M --seed S --out file [--truth truth.json]
 *
 * `--help` on either command lists the rest (bad kinds, census date, bundle type, revisions, streamed large files).
 */
import { runFeedCli } from './feed-cli.js';

process.exitCode = await runFeedCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => new Date(),
});
