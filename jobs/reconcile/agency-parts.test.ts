import { describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import { unlinkedSocialCareKeySource, type MergeKeySource } from './identity-child.js';
import { readAgencyParts, toAgencyPart } from './agency-parts.js';
import { fakeConnector, readAt } from './test-fixtures/fake-connectors.js';

const now = () => new Date('2026-11-25T10:00:00.000Z');
const child = (gpPatientIds: string[]): MergeKeySource => ({
  ...unlinkedSocialCareKeySource('S'),
  socialCarePersonIds: [],
  gpPatientIds,
});

describe('readAgencyParts', () => {
  it('reads every linked child in one call, keyed by the connector merge key, and asks nothing for the rest', async () => {
    const gp = fakeConnector('HEALTH', ['G1', 'G2']);
    const parts = await readAgencyParts(
      [gp],
      'HEALTH',
      [child(['G1']), child([]), child(['G2', 'G9']), child(['G9'])],
      now,
    );
    expect(gp.calls).toEqual([[{ ids: ['G1'] }, { ids: ['G2', 'G9'] }, { ids: ['G9'] }]]);
    expect(parts).toEqual([
      { agency: 'HEALTH', state: 'OK', asOf: readAt, reason: null, section: { ids: ['G1'] } },
      { agency: 'HEALTH', state: 'NOT_LINKED', asOf: null, reason: null, section: null },
      { agency: 'HEALTH', state: 'OK', asOf: readAt, reason: null, section: { ids: ['G2'] } },
      { agency: 'HEALTH', state: 'NOT_LINKED', asOf: readAt, reason: 'RECORD_NOT_FOUND', section: null },
    ]);
  });

  it('makes no call when no child is linked', async () => {
    const gp = fakeConnector('HEALTH', ['G1']);
    const parts = await readAgencyParts([gp], 'HEALTH', [child([]), child([])], now);
    expect(gp.calls).toEqual([]);
    expect(parts.map((part) => part.state)).toEqual(['NOT_LINKED', 'NOT_LINKED']);
  });

  it('passes on the failure the connector reports', async () => {
    const gp = fakeConnector('HEALTH', ['G1']);
    gp.failure = { code: 'TIMED_OUT', reason: 'UPSTREAM_TIMEOUT' };
    const parts = await readAgencyParts([gp], 'HEALTH', [child(['G1']), child([])], now);
    expect(parts).toEqual([
      { agency: 'HEALTH', state: 'TIMED_OUT', asOf: readAt, reason: 'UPSTREAM_TIMEOUT', section: null },
      { agency: 'HEALTH', state: 'NOT_LINKED', asOf: null, reason: null, section: null },
    ]);
  });

  it('fails only this agency when the connector throws after all', async () => {
    const gp = fakeConnector('HEALTH', ['G1']);
    gp.readChildren = async () => {
      throw new HubError('UPSTREAM_UNAVAILABLE', { details: { agency: 'HEALTH', reason: 'CIRCUIT_OPEN' } });
    };
    const parts = await readAgencyParts([gp], 'HEALTH', [child(['G1'])], now);
    expect(parts).toEqual([
      {
        agency: 'HEALTH',
        state: 'UNAVAILABLE',
        asOf: now().toISOString(),
        reason: 'CIRCUIT_OPEN',
        section: null,
      },
    ]);
  });

  it('says UNAVAILABLE, not NOT_LINKED, when no connector can read the agency for reconciliation', async () => {
    const gp = fakeConnector('HEALTH', ['G1']);
    delete gp.readChildren;
    const withoutRead = await readAgencyParts([gp], 'HEALTH', [child(['G1']), child([])], now);
    expect(withoutRead.map((part) => [part.state, part.reason])).toEqual([
      ['UNAVAILABLE', 'NO_RECONCILIATION_READ'],
      ['NOT_LINKED', null],
    ]);
    const withoutConnector = await readAgencyParts([], 'HEALTH', [child(['G1'])], now);
    expect(withoutConnector.map((part) => [part.state, part.reason])).toEqual([
      ['UNAVAILABLE', 'NO_RECONCILIATION_READ'],
    ]);
  });

  it('treats an answer of the wrong length as a connector failure', async () => {
    const gp = fakeConnector('HEALTH', ['G1']);
    gp.readChildren = async () => [];
    const parts = await readAgencyParts([gp], 'HEALTH', [child(['G1'])], now);
    expect(parts.map((part) => [part.state, part.reason])).toEqual([['UNAVAILABLE', 'CONNECTOR_FAILED']]);
  });
});

describe('toAgencyPart', () => {
  it('refuses another agency’s read, or an OK read with no section', () => {
    const read = {
      source: { agency: 'EDUCATION', state: 'OK', asOf: readAt, reason: null },
      section: {},
    } as const;
    expect(toAgencyPart('HEALTH', read, readAt)).toMatchObject({
      state: 'UNAVAILABLE',
      reason: 'CONNECTOR_FAILED',
    });
    expect(toAgencyPart('EDUCATION', { ...read, section: null }, readAt)).toMatchObject({
      state: 'UNAVAILABLE',
      reason: 'CONNECTOR_FAILED',
    });
    expect(toAgencyPart('EDUCATION', read, readAt)).toEqual({
      agency: 'EDUCATION',
      state: 'OK',
      asOf: readAt,
      reason: null,
      section: {},
    });
  });
});
