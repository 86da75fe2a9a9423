/**
 * Writes the request's access audit — one event per child it touched, allowed, partial or denied — and waits for
 * the commit before the response leaves. If the audit cannot be written, the response carries no data: only an
 * AUDIT_UNAVAILABLE error (fail closed). Operations refused before execution (a parse or validation failure, a
 * limit) are audited as REJECTED with no child.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { AuditSink } from '../../store/audit/audit-writer.js';
import type { GatewayContext } from './gateway-context.js';

export interface AccessAuditPluginDeps {
  audit: AuditSink;
  now: () => Date;
  /** Called once a request's events are committed (the unusual-volume watcher listens here). */
  onAudited?: (userId: string, children: number) => void;
}

export function accessAuditPlugin(deps: AccessAuditPluginDeps): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, operation, errors }) {
          // No operation means the request failed before execution: it never reached a child.
          if (operation) return;
          const codes = errors.map((error) => String(error.extensions?.['code'] ?? 'REJECTED'));
          for (const code of new Set(codes)) contextValue.access.noteRejected(code);
        },
        async willSendResponse({ contextValue, response }) {
          const events = contextValue.access.auditEvents(deps.now());
          if (events.length === 0) return;
          try {
            await deps.audit.record(events);
          } catch {
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                errors: [
                  {
                    message: 'The access audit could not be written, so no data was returned.',
                    extensions: { code: 'AUDIT_UNAVAILABLE' },
                  },
                ],
              };
            }
            response.http.status = 503;
            return;
          }
          deps.onAudited?.(contextValue.access.caller.userId, contextValue.access.touchedChildren);
        },
      };
    },
  };
}
