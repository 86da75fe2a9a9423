import type { EducationRecord, Organisation } from '../population/model.js';
import type { ContactView, Directory } from '../kit/directory.js';

/** The API's JSON shape for one pupil: school census, SEN2 / EHC hub data, PEPs and the people to contact. */
export interface PupilView {
  pupilId: string;
  upn: string | null;
  /** Rarely held by schools; present where the record has one. */
  nhsNumber: string | null;
  givenName: string;
  familyName: string;
  sex: 'M' | 'F' | 'U';
  dateOfBirth: string;
  postcode: string | null;
  addressLine: string | null;
  enrolments: Array<{
    schoolUrn: string;
    schoolName: string | null;
    yearGroup: string;
    from: string;
    to: string | null;
  }>;
  attendance: EducationRecord['attendance'];
  exclusions: EducationRecord['exclusions'];
  sen: { provision: 'N' | 'K' | 'E'; needs: string[] };
  ehcNeedsAssessment: EducationRecord['ehc'];
  personalEducationPlans: Array<{
    id: string;
    date: string;
    reviewedDate: string | null;
    designatedTeacher: ContactView | null;
  }>;
  contacts: {
    senco: ContactView | null;
    designatedTeacher: ContactView | null;
    virtualSchoolHead: ContactView | null;
  };
}

export interface PupilViewContext {
  directory: Directory;
  schoolsByUrn: Map<string, Organisation>;
}

export function toPupilView(record: EducationRecord, context: PupilViewContext): PupilView {
  const { directory, schoolsByUrn } = context;
  return {
    pupilId: record.pupilId,
    upn: record.identity.upn,
    nhsNumber: record.identity.nhsNumber,
    givenName: record.identity.givenName,
    familyName: record.identity.familyName,
    sex: record.identity.sex,
    dateOfBirth: record.identity.dateOfBirth,
    postcode: record.identity.postcode,
    addressLine: record.identity.addressLine,
    enrolments: record.enrolments.map((enrolment) => ({
      schoolUrn: enrolment.schoolUrn,
      schoolName: schoolsByUrn.get(enrolment.schoolUrn)?.name ?? null,
      yearGroup: enrolment.yearGroup,
      from: enrolment.from,
      to: enrolment.to,
    })),
    attendance: record.attendance,
    exclusions: record.exclusions,
    sen: { provision: record.senProvision, needs: record.senNeeds },
    ehcNeedsAssessment: record.ehc,
    personalEducationPlans: record.peps.map((pep) => ({
      id: pep.id,
      date: pep.date,
      reviewedDate: pep.reviewedDate,
      designatedTeacher: directory.contact(pep.designatedTeacherId),
    })),
    contacts: {
      senco: directory.contact(record.sencoId),
      designatedTeacher: directory.contact(record.designatedTeacherId),
      virtualSchoolHead: directory.contact(record.virtualSchoolHeadId),
    },
  };
}
