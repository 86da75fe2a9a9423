/** Missing and away episodes, with the return home interview date and review request the extension records. */
import type { ChildRecord } from './child-record.js';
import type { MissingEpisodeValue } from './social-care-section.js';

export function toMissingEpisodes(record: ChildRecord): MissingEpisodeValue[] {
  const detailById = new Map(record.missingDetails.map((row) => [row.msdx_miss_table_id, row]));
  return record.missing.map((row) => {
    const detail = detailById.get(row.miss_table_id);
    return {
      id: row.miss_table_id,
      type: row.miss_missing_episode_type,
      startDate: row.miss_missing_episode_start_date,
      endDate: row.miss_missing_episode_end_date,
      returnInterviewOffered: row.miss_missing_rhi_offered,
      returnInterviewAccepted: row.miss_missing_rhi_accepted,
      returnInterviewDate: detail?.msdx_rhi_date ?? null,
      reviewRequested: detail?.msdx_review_requested ?? null,
    };
  });
}
