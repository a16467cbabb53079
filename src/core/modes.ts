import type { Mode, Thresholds } from './types.js';

/**
 * The documented threshold sets. Weights count one CJK character as 3 and one Latin letter as 1,
 * so 60 is about 20 Chinese characters or a dozen English words.
 */
export const modes: Readonly<Record<Mode, Thresholds>> = {
  precision: { minBodyWeight: 90, maxHeadingWeight: 120, minStopRatio: 0.25, outsideBodyWeight: Number.POSITIVE_INFINITY },
  balanced: { minBodyWeight: 60, maxHeadingWeight: 150, minStopRatio: 0.2, outsideBodyWeight: Number.POSITIVE_INFINITY },
  recall: { minBodyWeight: 40, maxHeadingWeight: 200, minStopRatio: 0.12, outsideBodyWeight: 600 },
};

/** When a mode finds no article at all, extract retries with the next, looser set. */
export const fallbacks: Readonly<Record<Mode, readonly Mode[]>> = {
  precision: ['precision', 'balanced', 'recall'],
  balanced: ['balanced', 'recall'],
  recall: ['recall'],
};
