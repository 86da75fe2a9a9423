import type { SqlClient } from '../sql-client.js';
import { socialCareEvent } from './social-care-event.js';
import type { RecordMeetingBody } from './write-bodies.js';
import type { WriteResult } from './write-result.js';
import { newId, requireAbsent, requirePerson } from './write-result.js';

const jsonOrNull = (list: string[] | null): string | null => (list === null ? null : JSON.stringify(list));
const flag = (value: boolean | null): string | null => (value === null ? null : value ? 'Y' : 'N');

export async function recordMeeting(
  client: SqlClient,
  schema: string,
  body: RecordMeetingBody,
): Promise<WriteResult> {
  await requirePerson(client, schema, body.personId);
  const meetingId = body.meetingId ?? newId('MTG');
  await requireAbsent(client, schema, 'ssdx_meeting', 'meet_meeting_id', meetingId);
  await client.query(
    `INSERT INTO ${schema}.ssdx_meeting (meet_meeting_id, meet_person_id, meet_meeting_date, meet_meeting_type,
       meet_statutory, meet_purpose, meet_placement_id, meet_required_attendees_json, meet_actual_attendees_json,
       meet_minutes_recipients_json, meet_updated_risk_assessment)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      meetingId,
      body.personId,
      body.date,
      body.type,
      flag(body.statutory),
      body.purpose,
      body.placementId,
      jsonOrNull(body.requiredAttendees),
      JSON.stringify(body.actualAttendees),
      jsonOrNull(body.minutesRecipients),
      flag(body.updatedRiskAssessment),
    ],
  );
  const data = {
    meetingId,
    date: body.date,
    type: body.type,
    statutory: body.statutory,
    placementId: body.placementId,
    updatedRiskAssessment: body.updatedRiskAssessment,
  };
  return { response: data, event: socialCareEvent('meeting.held', body.personId, body.date, data) };
}
