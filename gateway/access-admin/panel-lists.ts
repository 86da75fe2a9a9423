/**
 * Panel lists: which children a multi-agency tracking panel reviews, and who sits on it. Access control counts a
 * child as the caller's (relationship kind PANEL_LIST) when the child is on a panel whose member list holds the
 * caller's work e-mail: panelChildIdsForMember. Entries are never deleted, only marked removed, so who put a
 * child or a person on a list, and who took them off, stays on record (store/migrations/0006_panel-lists.sql).
 */
import { z } from 'zod';
import { HubError } from '../../platform/errors.js';
import type { Db, Queryable } from '../../store/db.js';

export interface PanelMember {
  /** Work e-mail, lower case. */
  email: string;
  addedBy: string;
  addedAt: Date;
}

export interface PanelChild {
  childId: string;
  addedBy: string;
  addedAt: Date;
}

export interface Panel {
  code: string;
  name: string;
  createdBy: string;
  createdAt: Date;
  /** Current members, by e-mail. */
  members: PanelMember[];
  /** Children currently on the list, in the order they were added. */
  children: PanelChild[];
}

const codeSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,63}$/));
const nameSchema = z.string().trim().min(1).max(200);
const emailSchema = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.email().max(320));
const childIdSchema = z.string().regex(/^[\w-]{1,64}$/);

const invalid = (field: string, safeMessage: string) =>
  new HubError('VALIDATION_FAILED', { safeMessage, details: { field } });

/** A panel code, upper case: letters, digits, '-' and '_', up to 64 (e.g. MACE-NORTH). */
export function parsePanelCode(code: string): string {
  const parsed = codeSchema.safeParse(code);
  if (!parsed.success)
    throw invalid(
      'code',
      "A panel code is 1–64 letters, digits, '-' or '_', starting with a letter or digit.",
    );
  return parsed.data;
}

/** A work e-mail, lower case. The value is never echoed back (it is personal data). */
export function parseMemberEmail(email: string): string {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw invalid('email', 'That is not an e-mail address.');
  return parsed.data;
}

interface ChangeInput {
  panelCode: string;
  /** The user id making the change: recorded as added_by / removed_by. */
  by: string;
  now?: Date;
}

export async function createPanel(
  db: Queryable,
  input: { code: string; name: string; by: string; now?: Date },
): Promise<void> {
  const code = parsePanelCode(input.code);
  const name = nameSchema.safeParse(input.name);
  if (!name.success) throw invalid('name', 'A panel name is 1–200 characters.');
  const { rows } = await db.query(
    `INSERT INTO panels (code, name, created_by, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO NOTHING RETURNING code`,
    [code, name.data, input.by, (input.now ?? new Date()).toISOString()],
  );
  if (rows.length === 0)
    throw new HubError('CONFLICT', { safeMessage: 'A panel with this code already exists.' });
}

/** Puts a person on a panel. False when they were already on it (nothing written). */
export async function addPanelMember(db: Db, input: ChangeInput & { email: string }): Promise<boolean> {
  const code = parsePanelCode(input.panelCode);
  const email = parseMemberEmail(input.email);
  return db.transaction(async (tx) => {
    await lockPanel(tx, code);
    const { rows } = await tx.query(
      `INSERT INTO panel_members (panel_code, email, added_by, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (panel_code, email) WHERE removed_at IS NULL DO NOTHING RETURNING id`,
      [code, email, input.by, (input.now ?? new Date()).toISOString()],
    );
    return rows.length > 0;
  });
}

/** Takes a person off a panel. False when they were not on it. */
export async function removePanelMember(db: Db, input: ChangeInput & { email: string }): Promise<boolean> {
  const code = parsePanelCode(input.panelCode);
  const email = parseMemberEmail(input.email);
  return db.transaction(async (tx) => {
    await lockPanel(tx, code);
    const { rows } = await tx.query(
      `UPDATE panel_members SET removed_by = $3, removed_at = $4
       WHERE panel_code = $1 AND email = $2 AND removed_at IS NULL RETURNING id`,
      [code, email, input.by, (input.now ?? new Date()).toISOString()],
    );
    return rows.length > 0;
  });
}

/** Puts a child (a hub id in the identity index) on a panel's list. False when already on it. */
export async function addChildToPanel(db: Db, input: ChangeInput & { childId: string }): Promise<boolean> {
  const code = parsePanelCode(input.panelCode);
  return db.transaction(async (tx) => {
    await lockPanel(tx, code);
    const childId = childIdSchema.safeParse(input.childId);
    const known =
      childId.success && (await tx.query('SELECT 1 FROM children WHERE id = $1', [childId.data])).rows.length;
    if (!childId.success || !known) throw new HubError('NOT_FOUND', { safeMessage: 'No such child.' });
    const { rows } = await tx.query(
      `INSERT INTO panel_children (panel_code, child_id, added_by, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (panel_code, child_id) WHERE removed_at IS NULL DO NOTHING RETURNING id`,
      [code, childId.data, input.by, (input.now ?? new Date()).toISOString()],
    );
    return rows.length > 0;
  });
}

/** Takes a child off a panel's list. False when the child was not on it. */
export async function removeChildFromPanel(
  db: Db,
  input: ChangeInput & { childId: string },
): Promise<boolean> {
  const code = parsePanelCode(input.panelCode);
  return db.transaction(async (tx) => {
    await lockPanel(tx, code);
    const { rows } = await tx.query(
      `UPDATE panel_children SET removed_by = $3, removed_at = $4
       WHERE panel_code = $1 AND child_id = $2 AND removed_at IS NULL RETURNING id`,
      [code, input.childId, input.by, (input.now ?? new Date()).toISOString()],
    );
    return rows.length > 0;
  });
}

/**
 * Which of `childIds` are on the list of a panel `email` currently sits on: what access control asks for the
 * PANEL_LIST relationship kind. One query, whatever the number of children.
 */
export async function panelChildIdsForMember(
  db: Queryable,
  email: string,
  childIds: readonly string[],
): Promise<Set<string>> {
  if (childIds.length === 0) return new Set();
  const { rows } = await db.query<{ child_id: string }>(
    `SELECT DISTINCT panel_children.child_id
     FROM panel_members
     JOIN panel_children ON panel_children.panel_code = panel_members.panel_code
       AND panel_children.removed_at IS NULL
     WHERE panel_members.email = $1 AND panel_members.removed_at IS NULL
       AND panel_children.child_id = ANY ($2::text[])`,
    [email.trim().toLowerCase(), [...new Set(childIds)]],
  );
  return new Set(rows.map((row) => row.child_id));
}

/** Every child on the lists of the panels `email` currently sits on, in id order, at most `limit`: for listings. */
export async function panelChildIdsOfMember(db: Queryable, email: string, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ child_id: string }>(
    `SELECT DISTINCT panel_children.child_id
     FROM panel_members
     JOIN panel_children ON panel_children.panel_code = panel_members.panel_code
       AND panel_children.removed_at IS NULL
     WHERE panel_members.email = $1 AND panel_members.removed_at IS NULL
     ORDER BY panel_children.child_id
     LIMIT $2`,
    [email.trim().toLowerCase(), limit],
  );
  return rows.map((row) => row.child_id);
}

/** Every panel, by code, with its current members and children (three queries). */
export function listPanels(db: Queryable): Promise<Panel[]> {
  return readPanels(db, null);
}

/** One panel, or null. */
export async function findPanel(db: Queryable, code: string): Promise<Panel | null> {
  const parsed = codeSchema.safeParse(code);
  if (!parsed.success) return null;
  const [panel] = await readPanels(db, parsed.data);
  return panel ?? null;
}

async function readPanels(db: Queryable, code: string | null): Promise<Panel[]> {
  const panels = await db.query<{ code: string; name: string; created_by: string; created_at: Date }>(
    `SELECT code, name, created_by, created_at FROM panels WHERE $1::text IS NULL OR code = $1 ORDER BY code`,
    [code],
  );
  if (panels.rows.length === 0) return [];
  const codes = panels.rows.map((row) => row.code);
  const [members, children] = await Promise.all([
    db.query<{ panel_code: string; email: string; added_by: string; added_at: Date }>(
      `SELECT panel_code, email, added_by, added_at FROM panel_members
       WHERE panel_code = ANY ($1::text[]) AND removed_at IS NULL ORDER BY email`,
      [codes],
    ),
    db.query<{ panel_code: string; child_id: string; added_by: string; added_at: Date }>(
      `SELECT panel_code, child_id, added_by, added_at FROM panel_children
       WHERE panel_code = ANY ($1::text[]) AND removed_at IS NULL ORDER BY added_at, id`,
      [codes],
    ),
  ]);
  return panels.rows.map((row) => ({
    code: row.code,
    name: row.name,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    members: members.rows
      .filter((member) => member.panel_code === row.code)
      .map((member) => ({
        email: member.email,
        addedBy: member.added_by,
        addedAt: new Date(member.added_at),
      })),
    children: children.rows
      .filter((child) => child.panel_code === row.code)
      .map((child) => ({
        childId: child.child_id,
        addedBy: child.added_by,
        addedAt: new Date(child.added_at),
      })),
  }));
}

/** The panel must exist; locking its row orders concurrent changes to one panel. */
async function lockPanel(tx: Queryable, code: string): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM panels WHERE code = $1 FOR UPDATE', [code]);
  if (rows.length === 0) throw new HubError('NOT_FOUND', { safeMessage: 'No such panel.' });
}
