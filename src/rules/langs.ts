import { deu, eng, fra, ind, ita, nld, por, rus, spa } from 'stopword/dist/stopword.esm.mjs';
import type { LanguageProfile } from '../core/types.js';

// Language guesses come from these: function words for space-delimited languages (from the
// `stopword` package), and characters that only one of the two Chinese scripts uses.
export const languageProfiles: readonly LanguageProfile[] = [
  { code: 'zh-Hans', script: 'han', chars: '这们个来时为国说对会发经过还进实学关问现机长动业开与东见门间车华电报记应将让谁没从两总种该边标书结变' },
  { code: 'zh-Hant', script: 'han', chars: '這們個來時為國說對會發經過還進實學關問現機長動業開與東見門間車華電報記應將讓誰沒從兩總種該邊標書結變' },
  { code: 'ja', script: 'kana' },
  { code: 'ko', script: 'hangul' },
  { code: 'en', script: 'latin', stopwords: eng },
  { code: 'pt', script: 'latin', stopwords: por },
  { code: 'es', script: 'latin', stopwords: spa },
  { code: 'fr', script: 'latin', stopwords: fra },
  { code: 'de', script: 'latin', stopwords: deu },
  { code: 'it', script: 'latin', stopwords: ita },
  { code: 'nl', script: 'latin', stopwords: nld },
  { code: 'id', script: 'latin', stopwords: ind },
  { code: 'ru', script: 'cyrillic', stopwords: rus },
];
