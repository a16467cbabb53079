/**
 * What windows-1252 puts at bytes 0x80-0x9F, one character per byte, per the WHATWG index. The
 * five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same
 * number, as browsers do. Shared by the decoder (Node 20.18.3+ decodes windows-1252 as Latin-1,
 * nodejs/node#56542) and the mojibake detector, which maps such characters back to their bytes.
 */
export const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
