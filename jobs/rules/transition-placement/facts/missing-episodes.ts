/**
 * Missing episodes. The SSD records both missing ('M': whereabouts unknown) and away from placement without
 * authorisation ('A': whereabouts known). The 2014 statutory guidance on children who run away or go missing asks
 * for return home interviews and reviews for children who go missing, so an 'A' episode is not one; an episode
 * with no type recorded is counted, since it may be.
 */
import type { MissingEpisodeValue } from '../../../../connectors/social-care/social-care-section.js';

export function isMissingEpisode(episode: MissingEpisodeValue): boolean {
  return episode.type?.trim().toUpperCase() !== 'A';
}
