/**
 * Mints a short-lived local-mode token and prints only the token, so `TOKEN=$(…)` works. See MINT_TOKEN_USAGE.
 *
 *   TOKEN=$(node --import tsx gateway/auth/mint-token-cli.ts --demo SOCIAL_WORKER)
 *   curl -H "Authorization: Bearer $TOKEN" …
 */
import { HubError } from '../../platform/errors.js';
import { MINT_TOKEN_USAGE, mintTokenFromArgs, UsageError } from './mint-token.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(MINT_TOKEN_USAGE);
    return;
  }
  try {
    process.stdout.write(`${await mintTokenFromArgs(argv, process.env)}\n`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${MINT_TOKEN_USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(
      error instanceof HubError ? error.safeMessage : error instanceof Error ? error.message : error,
    );
    process.exitCode = 1;
  }
}

await main();
