/**
 * The feed client's command line: `node --import tsx feeds/cli/main.ts send gp|school <file> --url <hub> --token
 * <jwt|@file> [--sender <ODS code|URN>] [--no-wait]`. See send-feed.ts for what it does and its exit codes.
 */
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { createProgress, isInteractive } from './progress.js';
import { EXIT_FAILED, sendFeed } from './send-feed.js';

const positiveInt = (what: string) => (value: string) => {
  const parsed = z.coerce.number().int().positive().safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`${what} must be a positive whole number`);
  return parsed.data;
};

const kind = (value: string) => {
  const parsed = z.enum(['gp', 'school']).safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('the feed kind is gp or school');
  return parsed.data;
};

const program = new Command('feed')
  .description('Send a data feed to the child view hub')
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : EXIT_FAILED);
  });

program
  .command('send')
  .description('send a GP FHIR Bundle (gp) or a school census CSV (school), then follow its processing')
  .argument('<kind>', 'gp or school', kind)
  .argument('<file>', 'the feed file')
  .option('--url <url>', "the hub's base URL", 'http://127.0.0.1:4000')
  .requiredOption('--token <token>', 'a feed client token, or @file holding one')
  .option('--sender <code>', "the sender: a GP practice's ODS code, or a school's URN")
  .option('--no-wait', 'exit once the feed is stored, without following its processing')
  .option(
    '--poll-interval <ms>',
    'how often to ask for the status while waiting',
    positiveInt('--poll-interval'),
    1000,
  )
  .option('--timeout <seconds>', 'how long to wait for processing', positiveInt('--timeout'), 3600)
  .action(
    async (
      feedKind: 'gp' | 'school',
      file: string,
      options: {
        url: string;
        token: string;
        sender?: string;
        wait: boolean;
        pollInterval: number;
        timeout: number;
      },
    ) => {
      const interactive = isInteractive(process.stderr, process.env);
      process.exitCode = await sendFeed(
        {
          kind: feedKind,
          file,
          url: options.url,
          token: options.token,
          sender: options.sender,
          wait: options.wait,
          pollIntervalMs: options.pollInterval,
          timeoutMs: options.timeout * 1000,
        },
        {
          out: (line) => void process.stdout.write(`${line}\n`),
          progress: createProgress({ interactive, stream: process.stderr }),
        },
      );
    },
  );

await program.parseAsync(process.argv);
