/**
 * Managing panel lists (MANAGE_PANEL_LISTS: team managers). Adding a person to a panel lets them see the children
 * on its list, so nobody may add their own e-mail: someone else has to put them there.
 */
import { HubError } from '../../platform/errors.js';
import type { Db } from '../../store/db.js';
import { requireActivity, type AccessAdminContext } from './access-admin-context.js';
import {
  addChildToPanel,
  addPanelMember,
  createPanel,
  findPanel,
  listPanels,
  parseMemberEmail,
  removeChildFromPanel,
  removePanelMember,
  type Panel,
} from './panel-lists.js';

export interface PanelResolverDeps {
  db: Db;
  now: () => Date;
}

interface MemberArgs {
  panelCode: string;
  email: string;
}

interface ChildArgs {
  panelCode: string;
  childId: string;
}

export function panelResolvers(deps: PanelResolverDeps) {
  const { db } = deps;
  const allowed = (context: AccessAdminContext) => requireActivity(context, 'MANAGE_PANEL_LISTS');
  const change = (context: AccessAdminContext) => ({ by: context.caller.userId, now: deps.now() });
  const panelAfter = async (code: string) => {
    const panel = await findPanel(db, code);
    if (panel === null) throw new HubError('NOT_FOUND', { safeMessage: 'No such panel.' });
    return toGraphQL(panel);
  };

  return {
    Query: {
      panels: async (_: unknown, __: unknown, context: AccessAdminContext) => {
        allowed(context);
        return (await listPanels(db)).map(toGraphQL);
      },
      panel: async (_: unknown, args: { code: string }, context: AccessAdminContext) => {
        allowed(context);
        const panel = await findPanel(db, args.code);
        return panel === null ? null : toGraphQL(panel);
      },
    },
    Mutation: {
      createPanel: async (_: unknown, args: { code: string; name: string }, context: AccessAdminContext) => {
        allowed(context);
        await createPanel(db, { code: args.code, name: args.name, ...change(context) });
        return panelAfter(args.code);
      },
      addPanelMember: async (_: unknown, args: MemberArgs, context: AccessAdminContext) => {
        allowed(context);
        if (parseMemberEmail(args.email) === context.caller.email)
          throw new HubError('FORBIDDEN', {
            safeMessage: 'You cannot add yourself to a panel: ask another manager.',
          });
        await addPanelMember(db, { panelCode: args.panelCode, email: args.email, ...change(context) });
        return panelAfter(args.panelCode);
      },
      removePanelMember: async (_: unknown, args: MemberArgs, context: AccessAdminContext) => {
        allowed(context);
        await removePanelMember(db, { panelCode: args.panelCode, email: args.email, ...change(context) });
        return panelAfter(args.panelCode);
      },
      addChildToPanel: async (_: unknown, args: ChildArgs, context: AccessAdminContext) => {
        allowed(context);
        await addChildToPanel(db, { panelCode: args.panelCode, childId: args.childId, ...change(context) });
        return panelAfter(args.panelCode);
      },
      removeChildFromPanel: async (_: unknown, args: ChildArgs, context: AccessAdminContext) => {
        allowed(context);
        await removeChildFromPanel(db, {
          panelCode: args.panelCode,
          childId: args.childId,
          ...change(context),
        });
        return panelAfter(args.panelCode);
      },
    },
  };
}

function toGraphQL(panel: Panel) {
  return {
    code: panel.code,
    name: panel.name,
    createdBy: panel.createdBy,
    createdAt: panel.createdAt.toISOString(),
    members: panel.members.map((member) => ({ ...member, addedAt: member.addedAt.toISOString() })),
    children: panel.children.map((child) => ({ ...child, addedAt: child.addedAt.toISOString() })),
  };
}
