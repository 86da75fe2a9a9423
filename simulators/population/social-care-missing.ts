/**
 * Missing episodes (ssd_missing) with return home interviews, and whether a children's home asked for a review
 * after repeated episodes (CHR reg 14(2)(e): three in 90 days by default).
 */
import { isoDateTime } from './dates.js';
import { hasHappened } from './generation-context.js';
import { LAPSE_RATES, lapsed } from './lapse-rates.js';
import { inChildrensHome } from './plan-missing.js';
import type { SocialCareDraft } from './social-care-draft.js';

const REPEAT_WINDOW_DAYS = 90;
const REPEAT_COUNT = 3;

export function writeMissingEpisodes(draft: SocialCareDraft): void {
  const { random, record, deps, profile } = draft;
  const context = deps.context;
  const homeIgnoresRepeats = lapsed(random, LAPSE_RATES.repeatMissingNoReview, draft.profile.practice);
  profile.missing.forEach((episode, index) => {
    const startMinuteTotal = episode.startMinute;
    const endMinuteTotal =
      episode.durationHours === null ? null : startMinuteTotal + episode.durationHours * 60;
    const returned = endMinuteTotal !== null && hasHappened(context, episode.start, endMinuteTotal);
    const rhiMinute =
      returned && episode.rhiAfterHours !== null
        ? (endMinuteTotal as number) + episode.rhiAfterHours * 60
        : null;
    const rhiHeld = rhiMinute !== null && hasHappened(context, episode.start, rhiMinute);
    const recent = profile.missing.filter(
      (other, otherIndex) => otherIndex <= index && episode.start - other.start <= REPEAT_WINDOW_DAYS,
    ).length;
    const repeatInHome = inChildrensHome(profile.care, episode.start) && recent >= REPEAT_COUNT;
    record.missingEpisodes.push({
      id: context.ids.next('MIS'),
      startDate: isoDateTime(episode.start, startMinuteTotal),
      endDate: returned ? isoDateTime(episode.start, endMinuteTotal as number) : null,
      type: episode.type,
      rhiOffered: returned ? episode.rhiOffered : null,
      rhiAccepted: returned && episode.rhiOffered ? episode.rhiAccepted : null,
      rhiDate: rhiHeld ? isoDateTime(episode.start, rhiMinute as number) : null,
      reviewRequested: repeatInHome && !homeIgnoresRepeats,
    });
  });
}
