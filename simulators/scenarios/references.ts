/**
 * Checks that every key a scenario file uses names something the file defines (a professional, organisation,
 * residential unit, child, placement or assessment), and that keys are unique, reporting each problem with its path.
 */
import type { ScenarioFile } from './schema.js';

export interface ReferenceProblem {
  path: string;
  message: string;
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of keys) (seen.has(key) ? repeated : seen).add(key);
  return [...repeated];
}

export function checkReferences(file: ScenarioFile): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const organisations = new Set(file.organisations.map((o) => o.key));
  const professionals = new Map(file.professionals.map((p) => [p.key, p]));
  const units = new Set(file.residentialUnits.map((u) => u.key));
  const children = new Set(file.children.map((c) => c.key));
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  for (const [name, keys] of [
    ['organisations', file.organisations.map((o) => o.key)],
    ['professionals', file.professionals.map((p) => p.key)],
    ['residentialUnits', file.residentialUnits.map((u) => u.key)],
    ['children', file.children.map((c) => c.key)],
  ] as const) {
    for (const key of duplicates(keys)) problems.push({ path: name, message: `key "${key}" is used twice` });
  }
  file.professionals.forEach((p, i) =>
    need(
      organisations.has(p.organisation),
      `professionals[${i}].organisation`,
      `no organisation with key "${p.organisation}"`,
    ),
  );
  file.residentialUnits.forEach((u, i) =>
    need(
      professionals.has(u.manager),
      `residentialUnits[${i}].manager`,
      `no professional with key "${u.manager}"`,
    ),
  );
  const professional = (key: string | null | undefined, path: string) => {
    if (key != null) need(professionals.has(key), path, `no professional with key "${key}"`);
  };
  const organisation = (key: string, path: string) =>
    need(organisations.has(key), path, `no organisation with key "${key}"`);

  file.children.forEach((child, c) => {
    const at = `children[${c}]`;
    const sc = child.socialCare;
    if (sc) {
      sc.involvements.forEach((inv, i) =>
        professional(inv.professional, `${at}.socialCare.involvements[${i}].professional`),
      );
      const assessments = new Set<string>();
      sc.referrals.forEach((referral, r) => {
        professional(referral.worker, `${at}.socialCare.referrals[${r}].worker`);
        referral.assessments.forEach((a, i) => {
          assessments.add(a.key);
          professional(a.worker, `${at}.socialCare.referrals[${r}].assessments[${i}].worker`);
        });
      });
      const placements = new Set<string>();
      sc.care.forEach((period, p) =>
        period.placements.forEach((placement, i) => {
          const path = `${at}.socialCare.care[${p}].placements[${i}]`;
          need(
            !placements.has(placement.key),
            `${path}.key`,
            `placement key "${placement.key}" is used twice`,
          );
          placements.add(placement.key);
          if (placement.residentialUnit !== undefined) {
            need(
              units.has(placement.residentialUnit),
              `${path}.residentialUnit`,
              `no residential unit with key "${placement.residentialUnit}"`,
            );
          }
          const relied = placement.referral?.assessment;
          if (relied != null)
            need(
              assessments.has(relied),
              `${path}.referral.assessment`,
              `no assessment with key "${relied}"`,
            );
        }),
      );
      professional(sc.careLeaver?.personalAdviser, `${at}.socialCare.careLeaver.personalAdviser`);
      sc.meetings.forEach((m, i) => {
        if (m.placement !== null)
          need(
            placements.has(m.placement),
            `${at}.socialCare.meetings[${i}].placement`,
            `no placement with key "${m.placement}"`,
          );
      });
      sc.coresidentNotifications.forEach((n, i) => {
        const path = `${at}.socialCare.coresidentNotifications[${i}]`;
        need(placements.has(n.placement), `${path}.placement`, `no placement with key "${n.placement}"`);
        need(children.has(n.resident), `${path}.resident`, `no child with key "${n.resident}"`);
        professional(n.professional, `${path}.professional`);
      });
    }
    if (child.gp) {
      organisation(child.gp.practice, `${at}.gp.practice`);
      professional(child.gp.gp, `${at}.gp.gp`);
    }
    if (child.education) {
      const e = child.education;
      e.enrolments.forEach((en, i) => organisation(en.school, `${at}.education.enrolments[${i}].school`));
      e.exclusions.forEach((ex, i) => organisation(ex.school, `${at}.education.exclusions[${i}].school`));
      professional(e.senco, `${at}.education.senco`);
      professional(e.designatedTeacher, `${at}.education.designatedTeacher`);
      professional(e.virtualSchoolHead, `${at}.education.virtualSchoolHead`);
    }
    if (child.adult) professional(child.adult.transitionWorker, `${at}.adult.transitionWorker`);
  });
  return problems;
}
