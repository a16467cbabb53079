import { partialPack } from './partial.js';

// Rules that hold in every language: lines a converter draws rather than text a writer wrote.
export const common = partialPack('common', {
  boilerplate: [
    // Rules, separators and bullets alone on a line ("━━━━", "* * *", "|", "»").
    { id: 'common/decoration', reason: 'decoration', pattern: /^[\p{P}\p{S}\p{Z}\d]{1,200}$/u },
  ],
});
