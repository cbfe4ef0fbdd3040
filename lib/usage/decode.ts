/**
 * Bytes of an imported usage file → text, with the encoding detected, never asked.
 *
 * Order of the checks, and why:
 * 1. A byte-order mark is the file's own statement (Excel's "CSV UTF-8" writes EF BB BF,
 *    its "Unicode text" writes a UTF-16 LE mark), so it wins.
 * 2. Otherwise strict UTF-8: Shift_JIS text containing Japanese is almost never valid UTF-8
 *    (its lead bytes 0x81–0x9F are UTF-8 continuation bytes), while ASCII-only files are both
 *    and decode the same either way.
 * 3. Otherwise Shift_JIS, what Japanese Excel writes. The WHATWG `shift_jis` decoder (browsers,
 *    Node with full ICU) is really Windows-31J, so NEC/IBM extensions such as ㈱ and ① decode.
 */

export const USAGE_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'shift_jis'] as const;
export type UsageEncoding = (typeof USAGE_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: UsageEncoding;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    // A UTF-8 mark is trusted even if a byte later is broken: replacement characters then show
    // the damage in the preview instead of the whole file turning into mojibake.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    // `fatal` makes the decoder itself the validator: one native pass, fast on 20 MB.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}
