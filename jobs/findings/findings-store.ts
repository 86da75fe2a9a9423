/**
 * Stores what the rules found, so that running them again over the same data changes nothing: one open finding
 * per (child, rule, subject); a finding whose facts changed is updated (and the change kept in its history); a
 * finding the rule no longer sees is auto-resolved; a rule that could not decide leaves the child's findings for
 * it as they were and records that it could not decide. One transaction per child, serialised per child, so
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
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`findings:${input.childId}`]);
    const open = await openFindings(tx, input.childId);
    const report: ApplyReport = { opened: 0, updated: 0, autoResolved: 0, unchanged: 0, notAssessed: 0 };
    for (const { rule, outcome } of input.results) {
      await recordAssessment(tx, input.childId, rule.id, outcome, input.at);
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
          await insertFinding(tx, input.childId, rule, finding, values, input.at);
          report.opened += 1;
        } else if (changed(existing, values)) {
          await updateFinding(tx, existing, values, input.at);
          report.updated += 1;
        } else {
          report.unchanged += 1;
        }
      }
      for (const [openKey, row] of open) {
        if (!openKey.startsWith(`${rule.id}|`) || seen.has(subjectKey(row.subject_kind, row.subject_id)))
          continue;
        await closeFinding(tx, row.id, 'AUTO_RESOLVED', actor, null, input.at);
        report.autoResolved += 1;
      }
    }
    return report;
  });
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

async function openFindings(tx: Tx, childId: string): Promise<Map<string, OpenRow>> {
  const { rows } = await tx.query<OpenRow>(
    `SELECT id::text AS id, rule_id, subject_kind, subject_id, severity, summary, evidence,
            to_char(due_date, 'YYYY-MM-DD') AS due_date, owner_role, owner_person
     FROM findings WHERE child_id = $1 AND status IN ('OPEN', 'ACKNOWLEDGED')`,
    [childId],
  );
  return new Map(rows.map((row) => [`${row.rule_id}|${subjectKey(row.subject_kind, row.subject_id)}`, row]));
}

async function recordAssessment(tx: Tx, childId: string, ruleId: string, outcome: RuleOutcome, at: Date) {
  const notAssessed = outcome.kind === 'NOT_ASSESSED' ? outcome : null;
  await tx.query(
    `INSERT INTO rule_assessments (child_id, rule_id, state, reason, agencies, detail, assessed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (child_id, rule_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
       agencies = excluded.agencies, detail = excluded.detail, assessed_at = excluded.assessed_at`,
    [
      childId,
      ruleId,
      outcome.kind,
      notAssessed?.reason ?? null,
      notAssessed?.agencies ?? [],
      notAssessed?.detail ?? null,
      at,
    ],
  );
}

async function insertFinding(
  tx: Tx,
  childId: string,
  rule: RuleResult['rule'],
  finding: Finding,
  values: FindingValues,
  at: Date,
) {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO findings (child_id, rule_id, subject_kind, subject_id, severity, category, summary, evidence,
       due_date, source_kind, source_citation, owner_role, owner_person, status, opened_at, status_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'OPEN', $14, $14)
     RETURNING id::text AS id`,
    [
      childId,
      rule.id,
      finding.subject.kind,
      finding.subject.id,
      values.severity,
      rule.category,
      values.summary,
      JSON.stringify(values.evidence),
      values.dueDate,
      rule.source.kind,
      rule.source.citation,
      values.ownerRole,
      values.ownerPerson,
      at,
    ],
  );
  await history(tx, rows[0]!.id, 'OPENED', 'OPEN', actor, null, at);
}

async function updateFinding(tx: Tx, row: OpenRow, values: FindingValues, at: Date) {
  await tx.query(
    `UPDATE findings SET severity = $2, summary = $3, evidence = $4, due_date = $5, owner_role = $6,
       owner_person = $7 WHERE id = $1`,
    [
      row.id,
      values.severity,
      values.summary,
      JSON.stringify(values.evidence),
      values.dueDate,
      values.ownerRole,
      values.ownerPerson,
    ],
  );
  const detail = {
    before: { severity: row.severity, dueDate: row.due_date },
    after: { severity: values.severity, dueDate: values.dueDate },
  };
  await history(tx, row.id, 'UPDATED', 'OPEN', actor, null, at, detail);
}

async function closeFinding(
  tx: Tx,
  id: string,
  status: 'RESOLVED' | 'AUTO_RESOLVED',
  by: string,
  note: string | null,
  at: Date,
) {
  await tx.query(`UPDATE findings SET status = $2, status_changed_at = $3, closed_at = $3 WHERE id = $1`, [
    id,
    status,
    at,
  ]);
  await history(tx, id, status, status, by, note, at);
}

async function history(
  tx: Tx,
  findingId: string,
  change: string,
  status: string,
  by: string,
  note: string | null,
  at: Date,
  detail: Record<string, unknown> = {},
) {
  await tx.query(
    `INSERT INTO finding_history (finding_id, at, change, status, actor, note, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [findingId, at, change, status, by, note, JSON.stringify(detail)],
  );
}
