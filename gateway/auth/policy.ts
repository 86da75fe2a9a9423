/**
 * The access policy (policy.json), as NHS national RBAC shapes it: a position (job role) maps to a role; a role
 * grants activities; activities grant data categories. Each role also names the relationship kinds that make its
 * relationship with a child legitimate, and the purposes of use it may claim. The file is validated when loaded;
 * a bad file stops start-up with every problem listed. README.md in this folder gives the reasoning.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../../platform/errors.js';
import { authFailure } from './auth-errors.js';
import type { TokenClaims } from './claims.js';
import {
  ACTIVITIES,
  DATA_CATEGORIES,
  HEALTH_ROLES,
  PURPOSES_OF_USE,
  RELATIONSHIP_KINDS,
  ROLES,
  ROLES_WITHOUT_CHILD_DATA,
  type Activity,
  type DataCategory,
  type PurposeOfUse,
  type RelationshipKind,
  type Role,
} from './vocabulary.js';

export interface RolePolicy {
  role: Role;
  description: string;
  activities: ReadonlySet<Activity>;
  /** Derived: the categories the role's activities grant. */
  categories: ReadonlySet<DataCategory>;
  relationshipKinds: readonly RelationshipKind[];
  purposes: ReadonlySet<PurposeOfUse>;
}

export interface PositionPolicy {
  title: string;
  role: Role;
}

export interface Policy {
  roles: Readonly<Record<Role, RolePolicy>>;
  positions: ReadonlyMap<string, PositionPolicy>;
  /** The categories a set of activities grants. */
  categoriesOf(activities: Iterable<Activity>): Set<DataCategory>;
}

/** Who is calling, as the gateway's access control sees them. */
export interface Caller {
  userId: string;
  name: string;
  /** Work e-mail, lower case: matched against agencies' person relationships. */
  email: string;
  /** Organisation code, upper case: matched against agencies' organisation relationships. */
  organisation: string;
  role: Role;
  /** The position the role came from, when the token named one. */
  position: string | undefined;
  activities: ReadonlySet<Activity>;
  categories: ReadonlySet<DataCategory>;
  relationshipKinds: readonly RelationshipKind[];
  purpose: PurposeOfUse;
}

// ─── the file's schema ───

function closedWord(kind: string, values: readonly string[]) {
  return z.enum(values as [string, ...string[]], {
    error: (issue) =>
      issue.input === undefined ? `missing ${kind}` : `unknown ${kind} ${JSON.stringify(issue.input)}`,
  });
}

const missingEntry = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing: every ${what} needs an entry` : undefined,
});

const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).superRefine((items, ctx) => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item))
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(item)} is listed twice` });
      seen.add(item);
    }
  });

const roleWord = closedWord('role', ROLES);
const activityWord = closedWord('activity', ACTIVITIES);

const policyFileSchema = z.strictObject({
  description: z.string().optional(),
  activities: z.record(
    activityWord,
    z.strictObject(
      {
        description: z.string().min(1),
        categories: uniqueList(closedWord('data category', DATA_CATEGORIES)),
      },
      missingEntry('activity'),
    ),
  ),
  roles: z.record(
    roleWord,
    z.strictObject(
      {
        description: z.string().min(1),
        activities: uniqueList(activityWord),
        relationshipKinds: uniqueList(closedWord('relationship kind', RELATIONSHIP_KINDS)),
        purposes: uniqueList(closedWord('purpose of use', PURPOSES_OF_USE)).min(1, 'a role needs a purpose'),
      },
      missingEntry('role'),
    ),
  ),
  positions: z.record(
    z.string().trim().min(1, 'a position needs a code'),
    z.strictObject({ title: z.string().min(1), role: roleWord }),
  ),
});

type PolicyFile = z.output<typeof policyFileSchema>;

// ─── rules the code holds the file to, whatever it says ───

/** Rules over the file's meaning. Written over `unknown`, so they run (and report) even when the shape is wrong. */
function ruleProblems(raw: unknown): string[] {
  const problems: string[] = [];
  const file = asRecord(raw);
  const activities = asRecord(file['activities']);
  const roles = asRecord(file['roles']);
  const categoriesOfActivity = (activity: string) => strings(asRecord(activities[activity])['categories']);

  for (const [role, value] of Object.entries(roles)) {
    const entry = asRecord(value);
    const roleActivities = strings(entry['activities']);
    const categories = new Set(roleActivities.flatMap(categoriesOfActivity));
    const kinds = strings(entry['relationshipKinds']);
    if ((ROLES_WITHOUT_CHILD_DATA as readonly string[]).includes(role)) {
      if (categories.size > 0)
        problems.push(
          `roles.${role}: never sees child data, but its activities grant ${[...categories].join(', ')}`,
        );
      if (kinds.length > 0)
        problems.push(`roles.${role}: never sees child data, so it has no relationship kinds`);
      continue;
    }
    if (categories.has('SEXUAL_HEALTH') && !(HEALTH_ROLES as readonly string[]).includes(role))
      problems.push(`roles.${role}: only health roles (${HEALTH_ROLES.join(', ')}) may see SEXUAL_HEALTH`);
    if (categories.size > 0 && !categories.has('IDENTITY'))
      problems.push(`roles.${role}: sees child data, so it needs VIEW_CHILD_RECORD (IDENTITY)`);
    const reachesChildren =
      kinds.length > 0 ||
      roleActivities.includes('SELF_CLAIM_RELATIONSHIP') ||
      roleActivities.includes('BREAK_GLASS');
    if (categories.size > 0 && !reachesChildren)
      problems.push(
        `roles.${role}: sees child data but has no relationship kind, SELF_CLAIM_RELATIONSHIP or BREAK_GLASS`,
      );
  }
  return problems;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

// ─── loading ───

/** Validates a parsed policy file; throws a ConfigError listing every problem. */
export function parsePolicy(raw: unknown, source = 'policy'): Policy {
  const parsed = policyFileSchema.safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  problems.push(...ruleProblems(raw));
  if (!parsed.success || problems.length > 0)
    throw new ConfigError(problems.map((problem) => `${source}: ${problem}`));
  return buildPolicy(parsed.data);
}

/** Reads and validates the policy file (AUTH_POLICY_FILE). */
export async function loadPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError([
      `AUTH_POLICY_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${file}: not JSON (${(error as Error).message})`]);
  }
  return parsePolicy(raw, file);
}

function buildPolicy(file: PolicyFile): Policy {
  const activityCategories = new Map(
    Object.entries(file.activities).map(([activity, entry]) => [
      activity as Activity,
      entry.categories as DataCategory[],
    ]),
  );
  const categoriesOf = (activities: Iterable<Activity>) => {
    const categories = new Set<DataCategory>();
    for (const activity of activities)
      for (const category of activityCategories.get(activity) ?? []) categories.add(category);
    return categories;
  };
  const roles = Object.fromEntries(
    Object.entries(file.roles).map(([role, entry]) => {
      const activities = new Set(entry.activities as Activity[]);
      const rolePolicy: RolePolicy = {
        role: role as Role,
        description: entry.description,
        activities,
        categories: categoriesOf(activities),
        relationshipKinds: Object.freeze([...(entry.relationshipKinds as RelationshipKind[])]),
        purposes: new Set(entry.purposes as PurposeOfUse[]),
      };
      return [role, Object.freeze(rolePolicy)];
    }),
  ) as Record<Role, RolePolicy>;
  const positions = new Map(
    Object.entries(file.positions).map(([code, entry]) => [
      code,
      Object.freeze({ title: entry.title, role: entry.role as Role }),
    ]),
  );
  return Object.freeze({ roles: Object.freeze(roles), positions, categoriesOf });
}

// ─── from claims to a caller ───

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Turns a token's validated claims into a Caller: resolves the role (from `role`, or from `position` through the
 * policy; both must agree when both are given), narrows the role's activities to the token's `activities` claim
 * when it has one, derives the categories, and checks the purpose of use is one the role may claim.
 */
export function resolveCaller(claims: TokenClaims, policy: Policy): Caller {
  let role: Role | undefined;
  if (claims.position !== undefined) {
    const position = policy.positions.get(claims.position);
    if (position === undefined) throw authFailure('UNKNOWN_ROLE', { claim: 'position' });
    role = position.role;
  }
  if (claims.role !== undefined) {
    if (!isRole(claims.role)) throw authFailure('UNKNOWN_ROLE', { claim: 'role' });
    if (role !== undefined && role !== claims.role) throw authFailure('ROLE_MISMATCH');
    role = claims.role;
  }
  if (role === undefined) throw authFailure('UNKNOWN_ROLE', { claim: 'role' });

  const rolePolicy = policy.roles[role];
  if (!rolePolicy.purposes.has(claims.purpose)) throw authFailure('PURPOSE_NOT_ALLOWED');

  const activities =
    claims.activities === undefined
      ? rolePolicy.activities
      : new Set(
          claims.activities.filter((activity): activity is Activity =>
            rolePolicy.activities.has(activity as Activity),
          ),
        );

  return Object.freeze({
    userId: claims.sub,
    name: claims.name,
    email: claims.email,
    organisation: claims.org,
    role,
    position: claims.position,
    activities,
    categories:
      activities === rolePolicy.activities ? rolePolicy.categories : policy.categoriesOf(activities),
    relationshipKinds: rolePolicy.relationshipKinds,
    purpose: claims.purpose,
  });
}

/** The part of an agency relationship (connectors/connector.ts) or a panel list entry access control reads. */
export interface RelationshipFact {
  kind: RelationshipKind;
  subject: { person: string } | { organisation: string };
}

/**
 * Whether a recorded relationship is the caller's: its kind is one the caller's role counts, and it names the
 * caller (by work e-mail) or the caller's organisation (by code). Case-insensitive on both.
 */
export function isCallersRelationship(caller: Caller, relationship: RelationshipFact): boolean {
  if (!caller.relationshipKinds.includes(relationship.kind)) return false;
  if ('person' in relationship.subject)
    return relationship.subject.person.trim().toLowerCase() === caller.email;
  return relationship.subject.organisation.trim().toUpperCase() === caller.organisation;
}
