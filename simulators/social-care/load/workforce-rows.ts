import type { Population, Professional } from '../../population/model.js';
import type { RowSink } from './row-sink.js';
import { teamId } from './values.js';

const jobTitles: Record<Professional['role'], string> = {
  SOCIAL_WORKER: 'Social Worker',
  TEAM_MANAGER: 'Team Manager',
  IRO: 'Independent Reviewing Officer',
  PERSONAL_ADVISER: 'Personal Adviser',
  HOME_MANAGER: 'Registered Manager',
  GP: 'General Practitioner',
  PRACTICE_NURSE: 'Practice Nurse',
  LAC_NURSE: 'Looked After Children Nurse',
  SENCO: 'SENCO',
  DESIGNATED_TEACHER: 'Designated Teacher',
  VIRTUAL_SCHOOL_HEAD: 'Virtual School Head',
  TRANSITION_WORKER: 'Transition Worker',
};

const parentDepartment = { id: 'CHILDRENS_SERVICES', name: "Children's Services" };

/**
 * Social care's own staff, everyone its records name (with their work contact details), their teams, and who is
 * involved with each child.
 */
export function mapWorkforce(population: Population, sink: RowSink): void {
  const referenced = new Set<string>();
  const openCaseload = new Map<string, number>();
  const teams = new Set<string>();

  for (const record of population.socialCare) {
    for (const involvement of record.involvements) {
      referenced.add(involvement.professionalId);
      teams.add(involvement.team);
      if (involvement.endDate === null) {
        openCaseload.set(involvement.professionalId, (openCaseload.get(involvement.professionalId) ?? 0) + 1);
      }
      sink.add('ssd_involvements', {
        invo_involvements_id: involvement.id,
        invo_professional_id: involvement.professionalId,
        invo_professional_role_id: involvement.role,
        invo_professional_team: teamId(involvement.team),
        invo_person_id: record.personId,
        invo_involvement_start_date: involvement.startDate,
        invo_involvement_end_date: involvement.endDate,
        invo_worker_change_reason: null,
        invo_referral_id: null,
      });
    }
    for (const episode of record.cinEpisodes) referenced.add(episode.workerId);
    for (const assessment of record.assessments) referenced.add(assessment.workerId);
    if (record.careLeaver?.personalAdviserId) referenced.add(record.careLeaver.personalAdviserId);
    if (record.careLeaver?.workerId) referenced.add(record.careLeaver.workerId);
  }

  for (const professional of population.professionals) {
    if (professional.agency !== 'social-care' && !referenced.has(professional.id)) continue;
    if (professional.team !== undefined) teams.add(professional.team);
    sink.add('ssd_professionals', {
      prof_professional_id: professional.id,
      prof_staff_id: professional.id,
      prof_professional_name: professional.name,
      prof_social_worker_registration_no: professional.registrationNumber ?? null,
      prof_agency_worker_flag: 'N',
      prof_professional_job_title: jobTitles[professional.role],
      prof_professional_caseload: openCaseload.get(professional.id) ?? 0,
      prof_professional_department: professional.team ?? null,
      prof_full_time_equivalency: 1,
    });
    sink.add('ssdx_professional_contact', {
      prco_professional_id: professional.id,
      prco_email: professional.email,
      prco_phone: professional.phone,
    });
  }

  const departmentIds = new Set<string>();
  for (const team of teams) {
    const id = teamId(team);
    if (departmentIds.has(id)) continue;
    departmentIds.add(id);
    sink.add('ssd_department', {
      dept_team_id: id,
      dept_team_name: team,
      dept_team_parent_id: parentDepartment.id,
      dept_team_parent_name: parentDepartment.name,
    });
  }
}
