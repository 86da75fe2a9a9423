/**
 * Stores what the rules found, so that running them again over the same data changes nothing: one open finding
 * per (child, rule, subject); a finding whose facts changed is updated (and the change kept in its history); a
 * finding the rule no longer sees is auto-resolved; a rule that could not decide leaves the child's findings for
 * it as they were and records that it could not decide.
 *
 * A batch of children is applied in one transaction of a few set-based statements — one child at a time, a batch
 * of 100 was some 3,700 round trips, most of a nightly run's time (bench/reconcile/reconcile-all.ts). Each child
 * stays serialised: the transaction first takes every child's advisory lock, in lock order so that two batches
 * sharing children wait for each other rather than deadlock, and a single child's call takes the same lock; so
 * concurrent deliveries of the same child's job cannot open a finding twice.
 */
import type { Db, Tx } from '../../store/db.js';
import type { Evidence, Finding, OwnerRole, Rule, RuleOutcome } from '../rules/rule.js';

export interface RuleResult {
  rule: Pick<Rule, 'id' | 'severity' | 'owner' | 'category' | 'source'>;
  outcome: RuleOutcome;
}

export interface ApplyInput {
  childId: string;
  results: readonly RuleResult[];
  at: Date;
  /** Who holds each role for this child, where an agency records it (work e-mail). */
  ownerPeople?: Partial<Record<OwnerRole, string>>;
}

export interface ApplyReport {
  opened: number;
  updated: number;
  autoResolved: number;
  unchanged: number;
  notAssessed: number;
}

interface OpenRow {
  id: string;
  child_id: string;
  rule_id: string;
  subject_kind: string;
  subject_id: string;
  severity: string;
  summary: string;
  evidence: Evidence[];
  due_date: string | null;
  owner_role: string;
  owner_person: string | null;
}

const actor = 'reconciliation';

export async function applyRuleResults(db: Db, input: ApplyInput): Promise<ApplyReport> {
  const [report] = await applyRuleResultsBatch(db, [input]);
  return report!;
}

/**
 * Applies several children's results in one transaction; one report per input, in order. A child listed more than
 * once is applied once per listing, in order, each against what the one before stored — as separate calls would.
 */
export async function applyRuleResultsBatch(db: Db, inputs: readonly ApplyInput[]): Promise<ApplyReport[]> {
  if (inputs.length === 0) return [];
  return db.transaction(async (tx) => {
    await tx.query(
      `SELECT pg_advisory_xact_lock(k)
       FROM (SELECT DISTINCT hashtext('findings:' || c) AS k FROM unnest($1::text[]) c ORDER BY k) locks`,
      [[...new Set(inputs.map((input) => input.childId))]],
    );
    const reports: ApplyReport[] = [];
    for (const round of rounds(inputs)) reports.push(...(await applyRound(tx, round)));
    return reports;
  });
}

/** The inputs split, in order, into rounds in which no child appears twice (one round, but for repeats). */
function rounds(inputs: readonly ApplyInput[]): ApplyInput[][] {
  const result: Array<{ children: Set<string>; inputs: ApplyInput[] }> = [];
  let last = -1;
  for (const input of inputs) {
    // A later round never goes before an earlier one: inputs keep their order.
    let index = result.findIndex((round, i) => i >= last && !round.children.has(input.childId));
    if (index === -1) {
      result.push({ children: new Set(), inputs: [] });
      index = result.length - 1;
    }
    result[index]!.children.add(input.childId);
    result[index]!.inputs.push(input);
    last = index;
  }
  return result.map((round) => round.inputs);
}

/** What one round writes, gathered first and then written set by set. */
interface Writes {
  assessments: Array<{
    child_id: string;
    rule_id: string;
    state: string;
    reason: string | null;
    agencies: string[];
    detail: string | null;
    assessed_at: string;
  }>;
  inserts: Array<Record<string, unknown>>;
  updates: Array<Record<string, unknown>>;
  closes: Array<{ id: string; at: string }>;
}

async function applyRound(tx: Tx, inputs: readonly ApplyInput[]): Promise<ApplyReport[]> {
  const open = await openFindings(
    tx,
    inputs.map((input) => input.childId),
  );
  const writes: Writes = { assessments: [], inserts: [], updates: [], closes: [] };
  const reports = inputs.map((input) => plan(input, open.get(input.childId) ?? new Map(), writes));
  await writeAssessments(tx, writes.assessments);
  await insertFindings(tx, writes.inserts);
  await updateFindings(tx, writes.updates);
  await closeFindings(tx, writes.closes);
  return reports;
}

/** One child's changes against its open findings, added to `writes`; what they will do. */
function plan(input: ApplyInput, open: Map<string, OpenRow>, writes: Writes): ApplyReport {
  const report: ApplyReport = { opened: 0, updated: 0, autoResolved: 0, unchanged: 0, notAssessed: 0 };
  const at = input.at.toISOString();
  const assessed = new Map<string, Writes['assessments'][number]>();
  for (const { rule, outcome } of input.results) {
    const notAssessed = outcome.kind === 'NOT_ASSESSED' ? outcome : null;
    // A rule listed twice for one child: the last result is its assessment, as successive upserts would leave it.
    assessed.set(rule.id, {
      child_id: input.childId,
      rule_id: rule.id,
      state: outcome.kind,
      reason: notAssessed?.reason ?? null,
      agencies: [...(notAssessed?.agencies ?? [])],
      detail: notAssessed?.detail ?? null,
      assessed_at: at,
    });
    if (outcome.kind === 'NOT_ASSESSED') {
      report.notAssessed += 1;
      continue;
    }
    const seen = new Set<string>();
    for (const finding of outcome.findings) {
      const key = subjectKey(finding.subject.kind, finding.subject.id);
      if (seen.has(key)) continue; // a rule reporting one subject twice: the first wins
      seen.add(key);
      const values = findingValues(rule, finding, input.ownerPeople);
      const existing = open.get(`${rule.id}|${key}`);
      if (!existing) {
        writes.inserts.push({
          ord: writes.inserts.length,
          child_id: input.childId,
          rule_id: rule.id,
          subject_kind: finding.subject.kind,
          subject_id: finding.subject.id,
          severity: values.severity,
          category: rule.category,
          summary: values.summary,
          evidence: values.evidence,
          due_date: values.dueDate,
          source_kind: rule.source.kind,
          source_citation: rule.source.citation,
          owner_role: values.ownerRole,
          owner_person: values.ownerPerson,
          at,
        });
        report.opened += 1;
      } else if (changed(existing, values)) {
        writes.updates.push({
          id: existing.id,
          severity: values.severity,
          summary: values.summary,
          evidence: values.evidence,
          due_date: values.dueDate,
          owner_role: values.ownerRole,
          owner_person: values.ownerPerson,
          at,
          detail: {
            before: { severity: existing.severity, dueDate: existing.due_date },
            after: { severity: values.severity, dueDate: values.dueDate },
          },
        });
        report.updated += 1;
      } else {
        report.unchanged += 1;
      }
    }
    for (const [openKey, row] of open) {
      if (!openKey.startsWith(`${rule.id}|`) || seen.has(subjectKey(row.subject_kind, row.subject_id)))
        continue;
      writes.closes.push({ id: row.id, at });
      report.autoResolved += 1;
    }
  }
  writes.assessments.push(...assessed.values());
  return report;
}

interface FindingValues {
  severity: string;
  summary: string;
  evidence: Evidence[];
  dueDate: string | null;
  ownerRole: string;
  ownerPerson: string | null;
}

function findingValues(
  rule: RuleResult['rule'],
  finding: Finding,
  ownerPeople: ApplyInput['ownerPeople'],
): FindingValues {
  const ownerRole = finding.owner ?? rule.owner;
  return {
    severity: finding.severity ?? rule.severity,
    summary: finding.summary,
    evidence: finding.evidence,
    dueDate: finding.dueDate,
    ownerRole,
    ownerPerson: ownerPeople?.[ownerRole] ?? null,
  };
}

/** The facts, not when they were read: evidence re-read a day later is the same evidence. */
function facts(evidence: readonly Evidence[]): string {
  return JSON.stringify(evidence.map(({ agency, recordId, fact }) => [agency, recordId, fact]));
}

function changed(row: OpenRow, values: FindingValues): boolean {
  return (
    row.severity !== values.severity ||
    row.summary !== values.summary ||
    facts(row.evidence) !== facts(values.evidence) ||
    row.due_date !== values.dueDate ||
    row.owner_role !== values.ownerRole ||
    row.owner_person !== values.ownerPerson
  );
}

function subjectKey(kind: string, id: string): string {
  return `${kind}|${id}`;
}

async function openFindings(tx: Tx, childIds: readonly string[]): Promise<Map<string, Map<string, OpenRow>>> {
  const { rows } = await tx.query<OpenRow>(
    `SELECT id::text AS id, child_id, rule_id, subject_kind, subject_id, severity, summary, evidence,
            to_char(due_date, 'YYYY-MM-DD') AS due_date, owner_role, owner_person
     FROM findings WHERE child_id = ANY($1::text[]) AND status IN ('OPEN', 'ACKNOWLEDGED')`,
    [childIds],
  );
  const byChild = new Map<string, Map<string, OpenRow>>();
  for (const row of rows) {
    let open = byChild.get(row.child_id);
    if (!open) byChild.set(row.child_id, (open = new Map()));
    open.set(`${row.rule_id}|${subjectKey(row.subject_kind, row.subject_id)}`, row);
  }
  return byChild;
}

async function writeAssessments(tx: Tx, assessments: Writes['assessments']) {
  if (assessments.length === 0) return;
  await tx.query(
    `INSERT INTO rule_assessments (child_id, rule_id, state, reason, agencies, detail, assessed_at)
     SELECT child_id, rule_id, state, reason, agencies, detail, assessed_at
     FROM jsonb_to_recordset($1::jsonb) AS a(child_id text, rule_id text, state text, reason text,
       agencies text[], detail text, assessed_at timestamptz)
     ON CONFLICT (child_id, rule_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
       agencies = excluded.agencies, detail = excluded.detail, assessed_at = excluded.assessed_at`,
    [JSON.stringify(assessments)],
  );
}

/** Opens the findings, each with its OPENED history entry (history in the order the findings were opened). */
async function insertFindings(tx: Tx, inserts: Writes['inserts']) {
  if (inserts.length === 0) return;
  await tx.query(
    `WITH opened AS (
       INSERT INTO findings (child_id, rule_id, subject_kind, subject_id, severity, category, summary, evidence,
         due_date, source_kind, source_citation, owner_role, owner_person, status, opened_at, status_changed_at)
       SELECT child_id, rule_id, subject_kind, subject_id, severity, category, summary, evidence, due_date,
         source_kind, source_citation, owner_role, owner_person, 'OPEN', at, at
       FROM jsonb_to_recordset($1::jsonb) AS f(ord int, child_id text, rule_id text, subject_kind text,
         subject_id text, severity text, category text, summary text, evidence jsonb, due_date date,
         source_kind text, source_citation text, owner_role text, owner_person text, at timestamptz)
       ORDER BY ord
       RETURNING id, opened_at)
     INSERT INTO finding_history (finding_id, at, change, status, actor, note, detail)
     SELECT id, opened_at, 'OPENED', 'OPEN', $2, NULL, '{}' FROM opened ORDER BY id`,
    [JSON.stringify(inserts), actor],
  );
}

async function updateFindings(tx: Tx, updates: Writes['updates']) {
  if (updates.length === 0) return;
  await tx.query(
    `WITH changed AS (
       UPDATE findings f SET severity = u.severity, summary = u.summary, evidence = u.evidence,
         due_date = u.due_date, owner_role = u.owner_role, owner_person = u.owner_person
       FROM jsonb_to_recordset($1::jsonb) AS u(id bigint, severity text, summary text, evidence jsonb,
         due_date date, owner_role text, owner_person text, at timestamptz, detail jsonb)
       WHERE f.id = u.id
       RETURNING f.id, u.at, u.detail)
     INSERT INTO finding_history (finding_id, at, change, status, actor, note, detail)
     SELECT id, at, 'UPDATED', 'OPEN', $2, NULL, detail FROM changed ORDER BY id`,
    [JSON.stringify(updates), actor],
  );
}

async function closeFindings(tx: Tx, closes: Writes['closes']) {
  if (closes.length === 0) return;
  await tx.query(
    `WITH closed AS (
       UPDATE findings f SET status = 'AUTO_RESOLVED', status_changed_at = c.at, closed_at = c.at
       FROM jsonb_to_recordset($1::jsonb) AS c(id bigint, at timestamptz)
       WHERE f.id = c.id
       RETURNING f.id, c.at)
     INSERT INTO finding_history (finding_id, at, change, status, actor, note, detail)
     SELECT id, at, 'AUTO_RESOLVED', 'AUTO_RESOLVED', $2, NULL, '{}' FROM closed ORDER BY id`,
    [JSON.stringify(closes), actor],
  );
}
