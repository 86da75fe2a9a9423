import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../platform/errors.js';
import { parseConfig } from '../../platform/config.js';
import { accessAdminConfigSection } from './access-admin-config.js';

const parse = (env: Record<string, string>) =>
  parseConfig({ accessAdmin: accessAdminConfigSection }, env).accessAdmin;

describe('accessAdminConfigSection', () => {
  it('defaults: 8 h self-claims, 1 h break-glass (at most 4 h), 50 children an hour, checked each minute', () => {
    expect(parse({})).toEqual({
      grantLimits: {
        SELF_CLAIMED: { defaultMinutes: 480, maxMinutes: 480 },
        BREAK_GLASS: { defaultMinutes: 60, maxMinutes: 240 },
      },
      unusualVolume: { thresholdPerHour: 50, checkEveryMs: 60_000 },
    });
    expect(accessAdminConfigSection.variables).toEqual([
      'ACCESS_GRANT_SELF_CLAIM_MINUTES',
      'ACCESS_GRANT_BREAK_GLASS_MINUTES',
      'AUDIT_UNUSUAL_VOLUME_PER_HOUR',
      'AUDIT_UNUSUAL_VOLUME_CHECK_EVERY_MS',
    ]);
  });

  it('reads each variable', () => {
    expect(
      parse({
        ACCESS_GRANT_SELF_CLAIM_MINUTES: '240',
        ACCESS_GRANT_BREAK_GLASS_MINUTES: '30',
        AUDIT_UNUSUAL_VOLUME_PER_HOUR: '120',
        AUDIT_UNUSUAL_VOLUME_CHECK_EVERY_MS: '5000',
      }),
    ).toEqual({
      grantLimits: {
        SELF_CLAIMED: { defaultMinutes: 240, maxMinutes: 480 },
        BREAK_GLASS: { defaultMinutes: 30, maxMinutes: 240 },
      },
      unusualVolume: { thresholdPerHour: 120, checkEveryMs: 5000 },
    });
  });

  it('lists every bad value at once, and never lets a default exceed the grant ceiling', () => {
    try {
      parse({
        ACCESS_GRANT_SELF_CLAIM_MINUTES: '481',
        ACCESS_GRANT_BREAK_GLASS_MINUTES: '300',
        AUDIT_UNUSUAL_VOLUME_PER_HOUR: '0',
        AUDIT_UNUSUAL_VOLUME_CHECK_EVERY_MS: 'soon',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const variables = (error as ConfigError).problems.map((problem) => problem.split(':')[0]);
      expect(variables.sort()).toEqual([
        'ACCESS_GRANT_BREAK_GLASS_MINUTES',
        'ACCESS_GRANT_SELF_CLAIM_MINUTES',
        'AUDIT_UNUSUAL_VOLUME_CHECK_EVERY_MS',
        'AUDIT_UNUSUAL_VOLUME_PER_HOUR',
      ]);
    }
  });
});
