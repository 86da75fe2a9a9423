/**
 * The co-resident notices of one admission. Pure: one notice per recipient (each existing resident's allocated
 * social worker and IRO), naming only the recipient's own children in the home by hub id and the admission date;
 * nothing about the child admitted. Residents the hub cannot name a social worker or IRO for are counted, so the
 * job can say how many it could not cover (they still need a person to tell their workers).
 */
import { coresidentAdmissionNotice } from '../notifications/content.js';
import { coresidentDedupeKey } from '../notifications/dedupe-keys.js';
import type { EnqueueNotification } from '../notifications/outbox.js';

export interface ResidentRecipients {
  /** The resident's hub id; null when the identity index links their social care record to no child. */
  childId: string | null;
  socialWorker: string | undefined;
  iro: string | undefined;
}

export interface CoresidentPlan {
  notices: EnqueueNotification[];
  /** Residents with no hub id, or without a known social worker or IRO. */
  uncovered: number;
}

export function planCoresidentNotices(input: {
  admittedChildId: string;
  placementId: string;
  /** YYYY-MM-DD, England. */
  admittedOn: string;
  residents: readonly ResidentRecipients[];
}): CoresidentPlan {
  const childrenOf = new Map<string, Set<string>>();
  let uncovered = 0;
  for (const resident of input.residents) {
    const { childId } = resident;
    if (childId === null || resident.socialWorker === undefined || resident.iro === undefined) uncovered += 1;
    if (childId === null || childId === input.admittedChildId) continue;
    for (const person of [resident.socialWorker, resident.iro]) {
      if (person === undefined) continue;
      const to = person.toLowerCase();
      const set = childrenOf.get(to) ?? new Set<string>();
      set.add(childId);
      childrenOf.set(to, set);
    }
  }
  const notices = [...childrenOf].map(([to, childIds]): EnqueueNotification => ({
    recipient: { channel: 'EMAIL', address: to },
    dedupeKey: coresidentDedupeKey(input.admittedChildId, input.placementId, to),
    event: { childId: input.admittedChildId, key: input.placementId },
    content: coresidentAdmissionNotice({ childIds: [...childIds].sort(), admittedOn: input.admittedOn }),
  }));
  return { notices, uncovered };
}
