import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import { ConfigError, HubError } from '../../platform/errors.js';
import type { TokenClaims } from './claims.js';
import { isCallersRelationship, loadPolicy, parsePolicy, resolveCaller } from './policy.js';
import { shippedPolicy, shippedPolicyJson } from './testing.js';
import { DATA_CATEGORIES, ROLES, type Activity, type DataCategory } from './vocabulary.js';

const policy = shippedPolicy();

/** The "Who sees what" table in README.md, as role → categories. */
function readmeAccessTable(): Map<string, Set<string>> {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  const section = /<!-- access-table:start -->([\s\S]*?)<!-- access-table:end -->/.exec(readme)?.[1] ?? '';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const [header, , ...body] = rows;
  const columns = (header ?? []).slice(1);
  return new Map(
    body.map(([role, ...cells]) => [role ?? '', new Set(columns.filter((_, index) => cells[index] === '✓'))]),
  );
}

/** The "Other activities" column of README.md's second table, as role → activities. */
function readmeOtherActivities(): Map<string, Set<string>> {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  const section =
    /Other activities, legitimate relationships[^\n]*\n\n((?:\|[^\n]*\n)+)/.exec(readme)?.[1] ?? '';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .slice(2);
  return new Map(
    rows.map(([role, activities]) => [
      role ?? '',
      new Set(
        (activities ?? '')
          .split(',')
          .map((activity) => activity.trim())
          .filter((activity) => activity !== '' && activity !== '—'),
      ),
    ]),
  );
}

function claims(overrides: Partial<TokenClaims> = {}): TokenClaims {
  return {
    sub: 'user-1',
    name: 'Sam Carter',
    email: 'sam.carter@council.example',
    org: '873',
    role: 'SOCIAL_WORKER',
    purpose: 'DIRECT_CARE',
    ...overrides,
  };
}

function problemsOf(raw: unknown): string[] {
  try {
    parsePolicy(raw, 'test-policy');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the policy to be refused');
}

describe('the shipped policy', () => {
  it('loads from AUTH_POLICY_FILE', async () => {
    const loaded = await loadPolicy('gateway/auth/policy.json');
    expect(Object.keys(loaded.roles).sort()).toEqual([...ROLES].sort());
  });

  it("uses exactly the shared SDL's DataCategory values", () => {
    const enumBody = /enum DataCategory \{([^}]*)\}/.exec(sharedTypeDefs)?.[1] ?? '';
    expect(enumBody.split(/\s+/).filter(Boolean)).toEqual([...DATA_CATEGORIES]);
  });

  it("gives every role the categories README.md's access table says", () => {
    const table = readmeAccessTable();
    expect([...table.keys()]).toEqual([...ROLES]);
    for (const role of ROLES) {
      expect({ role, categories: [...policy.roles[role].categories].sort() }).toEqual({
        role,
        categories: [...(table.get(role) ?? [])].sort(),
      });
    }
  });

  it("gives every role the other activities (those granting no category) README.md's second table says", () => {
    const table = readmeOtherActivities();
    expect([...table.keys()]).toEqual([...ROLES]);
    for (const role of ROLES) {
      const other = [...policy.roles[role].activities].filter(
        (activity) => policy.categoriesOf([activity]).size === 0,
      );
      expect({ role, activities: other.sort() }).toEqual({
        role,
        activities: [...(table.get(role) ?? [])].sort(),
      });
    }
  });

  it('keeps the promises the README makes', () => {
    const seeing = (category: DataCategory) =>
      ROLES.filter((role) => policy.roles[role].categories.has(category));
    expect(seeing('SEXUAL_HEALTH')).toEqual(['GP', 'HEALTH_PROFESSIONAL']);
    for (const role of ['PRIVACY_OFFICER', 'FEED_CLIENT', 'ADMIN'] as const) {
      expect(policy.roles[role].categories.size).toBe(0);
      expect(policy.roles[role].relationshipKinds).toEqual([]);
    }
    // a GP: health and child protection status, not education detail, and not where the child lives
    const gp = policy.roles.GP.categories;
    expect(gp.has('HEALTH') && gp.has('CHILD_PROTECTION')).toBe(true);
    expect(gp.has('EDUCATION') || gp.has('ADDRESS') || gp.has('PLACEMENT') || gp.has('CONTACT_DETAILS')).toBe(
      false,
    );
    // a SENCO: education, SEND, contact details; no health
    const senco = policy.roles.SENCO.categories;
    expect(senco.has('EDUCATION') && senco.has('SEND') && senco.has('CONTACT_DETAILS')).toBe(true);
    expect(senco.has('SEXUAL_HEALTH') || senco.has('HEALTH')).toBe(false);
    // only a team manager opens sealed records or decides identity matches; only a privacy officer reads the audit
    const withActivity = (activity: Activity) =>
      ROLES.filter((role) => policy.roles[role].activities.has(activity));
    expect(withActivity('SEAL_OVERRIDE')).toEqual(['TEAM_MANAGER']);
    expect(withActivity('DECIDE_IDENTITY_MATCH')).toEqual(['TEAM_MANAGER']);
    expect(withActivity('VIEW_AUDIT')).toEqual(['PRIVACY_OFFICER']);
    expect(withActivity('SUBMIT_FEED')).toEqual(['FEED_CLIENT']);
    // panel lists open children's records to their members: managed by team managers, never by the audited
    expect(withActivity('MANAGE_PANEL_LISTS')).toEqual(['TEAM_MANAGER']);
  });

  it('gives each role the relationship kinds its work rests on', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, policy.roles[role].relationshipKinds]))).toEqual({
      SOCIAL_WORKER: ['ALLOCATED_SOCIAL_WORKER'],
      TEAM_MANAGER: ['TEAM_MANAGER'],
      IRO: ['IRO'],
      PANEL_MEMBER: ['PANEL_LIST'],
      GP: ['GP_PRACTICE'],
      HEALTH_PROFESSIONAL: [],
      SENCO: ['SCHOOL'],
      DESIGNATED_TEACHER: ['SCHOOL'],
      VIRTUAL_SCHOOL_HEAD: ['VIRTUAL_SCHOOL'],
      TRANSITION_WORKER: ['TRANSITION_WORKER', 'PERSONAL_ADVISER'],
      PRIVACY_OFFICER: [],
      FEED_CLIENT: [],
      ADMIN: [],
    });
  });
});

describe('parsePolicy', () => {
  it('lists every problem in a bad file at once', () => {
    const raw = shippedPolicyJson() as Record<string, Record<string, Record<string, unknown>>>;
    const roles = raw['roles'] as Record<string, Record<string, unknown>>;
    const activities = raw['activities'] as Record<string, Record<string, unknown>>;
    delete roles['IRO'];
    roles['WIZARD'] = { description: 'x', activities: [], relationshipKinds: [], purposes: ['DIRECT_CARE'] };
    (roles['SENCO'] as Record<string, unknown>)['activities'] = [
      'VIEW_CHILD_RECORD',
      'VIEW_SEXUAL_HEALTH',
      'FLY',
    ];
    (roles['ADMIN'] as Record<string, unknown>)['activities'] = ['VIEW_CHILD_RECORD', 'MANAGE_ALERTS'];
    (roles['GP'] as Record<string, unknown>)['purposes'] = [];
    (roles['GP'] as Record<string, unknown>)['relationshipKinds'] = ['GP_PRACTICE', 'GP_PRACTICE'];
    (roles['TEAM_MANAGER'] as Record<string, unknown>)['activites'] = [];
    (activities['VIEW_SEND'] as Record<string, unknown>)['categories'] = ['SEND', 'HOROSCOPE'];
    delete activities['VIEW_AUDIT'];
    (raw['positions'] as Record<string, unknown>)['gp'] = { title: 'GP', role: 'DOCTOR' };

    const problems = problemsOf(raw);
    const expected = [
      /roles\.IRO: missing: every role needs an entry/,
      /roles: .*"WIZARD"/,
      /roles\.SENCO\.activities\.2: unknown activity "FLY"/,
      /roles\.SENCO: only health roles .* may see SEXUAL_HEALTH/,
      /roles\.ADMIN: never sees child data, but its activities grant IDENTITY/,
      /roles\.GP\.purposes: a role needs a purpose/,
      /roles\.GP\.relationshipKinds: "GP_PRACTICE" is listed twice/,
      /roles\.TEAM_MANAGER: Unrecognized key: "activites"/,
      /activities\.VIEW_SEND\.categories\.1: unknown data category "HOROSCOPE"/,
      /activities\.VIEW_AUDIT: missing: every activity needs an entry/,
      /positions\.gp\.role: unknown role "DOCTOR"/,
    ];
    for (const pattern of expected)
      expect(
        problems.some((problem) => pattern.test(problem)),
        String(pattern),
      ).toBe(true);
    expect(problems.every((problem) => problem.startsWith('test-policy: '))).toBe(true);
  });

  it('refuses a role that sees child data without IDENTITY or a way to reach a child', () => {
    const raw = shippedPolicyJson() as { roles: Record<string, Record<string, unknown>> };
    (raw.roles['SENCO'] as Record<string, unknown>)['activities'] = ['VIEW_EDUCATION'];
    (raw.roles['HEALTH_PROFESSIONAL'] as Record<string, unknown>)['activities'] = [
      'VIEW_CHILD_RECORD',
      'VIEW_HEALTH',
    ];
    expect(problemsOf(raw)).toEqual([
      'test-policy: roles.HEALTH_PROFESSIONAL: sees child data but has no relationship kind, SELF_CLAIM_RELATIONSHIP or BREAK_GLASS',
      'test-policy: roles.SENCO: sees child data, so it needs VIEW_CHILD_RECORD (IDENTITY)',
    ]);
  });

  it('says what is wrong with an unreadable or non-JSON file', async () => {
    await expect(loadPolicy('gateway/auth/no-such-policy.json')).rejects.toThrow(/cannot read .*ENOENT/);
    await expect(loadPolicy('gateway/auth/README.md')).rejects.toThrow(/not JSON/);
    expect(problemsOf([])).toEqual(expect.arrayContaining([expect.stringMatching(/expected object/)]));
  });
});

describe('resolveCaller', () => {
  it('builds the caller from the role', () => {
    const caller = resolveCaller(claims({ role: 'SENCO', org: '120001' }), policy);
    expect(caller).toMatchObject({
      userId: 'user-1',
      role: 'SENCO',
      organisation: '120001',
      relationshipKinds: ['SCHOOL'],
      purpose: 'DIRECT_CARE',
    });
    expect([...caller.categories].sort()).toEqual(['CONTACT_DETAILS', 'EDUCATION', 'IDENTITY', 'SEND']);
  });

  it('maps a position to its role, and insists role and position agree', () => {
    expect(resolveCaller(claims({ role: undefined, position: 'lac-nurse' }), policy).role).toBe(
      'HEALTH_PROFESSIONAL',
    );
    expect(resolveCaller(claims({ role: 'GP', position: 'R0260' }), policy).role).toBe('GP');
    expect(() => resolveCaller(claims({ role: 'GP', position: 'lac-nurse' }), policy)).toThrow(HubError);
  });

  it('intersects the activities claim with the role, so a token cannot widen access', () => {
    const caller = resolveCaller(
      claims({ activities: ['VIEW_CHILD_RECORD', 'VIEW_SEXUAL_HEALTH', 'VIEW_AUDIT', 'NOT_AN_ACTIVITY'] }),
      policy,
    );
    expect([...caller.activities]).toEqual(['VIEW_CHILD_RECORD']);
    expect([...caller.categories]).toEqual(['IDENTITY']);
    expect(resolveCaller(claims({ activities: [] }), policy).categories.size).toBe(0);
  });

  it('binds purposes of use to roles', () => {
    expect(resolveCaller(claims({ role: 'PANEL_MEMBER', purpose: 'PANEL' }), policy).purpose).toBe('PANEL');
    expect(() => resolveCaller(claims({ role: 'PANEL_MEMBER', purpose: 'DIRECT_CARE' }), policy)).toThrow(
      /purpose of use/,
    );
  });
});

describe('isCallersRelationship', () => {
  const socialWorker = resolveCaller(claims(), policy);
  const gp = resolveCaller(claims({ role: 'GP', org: 'M81001', email: 'alex.morgan@nhs.example' }), policy);

  it("matches person relationships by work e-mail and organisation ones by code, for the role's kinds only", () => {
    expect(
      isCallersRelationship(socialWorker, {
        kind: 'ALLOCATED_SOCIAL_WORKER',
        subject: { person: 'Sam.Carter@council.example' },
      }),
    ).toBe(true);
    expect(
      isCallersRelationship(socialWorker, {
        kind: 'ALLOCATED_SOCIAL_WORKER',
        subject: { person: 'someone@council.example' },
      }),
    ).toBe(false);
    expect(
      isCallersRelationship(socialWorker, { kind: 'IRO', subject: { person: 'sam.carter@council.example' } }),
    ).toBe(false);
    expect(isCallersRelationship(gp, { kind: 'GP_PRACTICE', subject: { organisation: 'm81001' } })).toBe(
      true,
    );
    expect(isCallersRelationship(gp, { kind: 'GP_PRACTICE', subject: { organisation: 'Y02001' } })).toBe(
      false,
    );
    expect(isCallersRelationship(gp, { kind: 'SCHOOL', subject: { organisation: 'M81001' } })).toBe(false);
  });
});
