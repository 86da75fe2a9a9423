import { describe, expect, it } from 'vitest';
import { emptyHealthRecords, joinedRecord } from '../rules/testing/joined-record-builder.js';
import { assembleHandoffPackage, type HandoffIdentity } from './assemble-package.js';

const identity: HandoffIdentity = {
  givenName: 'Erin',
  familyName: 'Example',
  dateOfBirth: '2008-04-01',
  sex: 'F',
  nhsNumber: '9434765919',
  adultPersonIds: ['AP-1'],
};

const condition = (display: string, category: 'HEALTH' | 'MENTAL_HEALTH') => ({
  id: display,
  display,
  code: null,
  clinicalStatus: 'active',
  active: true,
  onset: null,
  abatement: null,
  recorded: null,
  category,
});

describe('assembleHandoffPackage', () => {
  it('sends identity and the seven sections, keyed by the handoff id and filed on the known adult record', () => {
    const pkg = assembleHandoffPackage('HO-1', identity, joinedRecord({ education: { senNeeds: ['ASD'] } }));
    expect(pkg.handoffId).toBe('HO-1');
    expect(pkg.child).toEqual({
      nhsNumber: '9434765919',
      identifiers: [{ system: 'adult-person-id', value: 'AP-1' }],
      givenName: 'Erin',
      familyName: 'Example',
      dateOfBirth: '2008-04-01',
      sex: 'F',
    });
    expect(pkg.sections.map((s) => s.type)).toEqual([
      'NEEDS_SUMMARY',
      'EHCP',
      'HEALTH',
      'PATHWAY_PLAN',
      'RISKS',
      'TEAM_AROUND_THE_CHILD',
    ]);
    expect(pkg.sections[0]!.content).toMatchObject({ education: { senNeeds: ['ASD'] } });
  });

  it('sends general health conditions only, never the mental or sexual health records', () => {
    const health = {
      conditions: [condition('Asthma', 'HEALTH')],
      mentalHealth: { ...emptyHealthRecords(), conditions: [condition('Anxiety', 'MENTAL_HEALTH')] },
    };
    const pkg = assembleHandoffPackage('HO-1', identity, joinedRecord({ health }));
    const text = JSON.stringify(pkg);
    expect(text).toContain('Asthma');
    expect(text).not.toContain('Anxiety');
  });

  it('says an agency could not be read rather than sending nothing recorded', () => {
    const pkg = assembleHandoffPackage('HO-1', identity, joinedRecord({ education: 'UNAVAILABLE' }));
    expect(pkg.sections.find((s) => s.type === 'EHCP')!.content).toEqual({
      recorded: false,
      state: 'UNAVAILABLE',
      reason: 'UPSTREAM_UNAVAILABLE',
    });
  });
});
