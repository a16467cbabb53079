export interface Line {
  /** 1-based line number in the stream. */
  readonly number: number;
  /** The line without its '\n' (and '\r'), or null when it was over `maxBytes` and was skipped. */
  readonly text: string | null;
  readonly bytes: number;
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into UTF-8 lines as they arrive, holding one line at a time. A line longer
 * than `maxBytes` is skipped (text null) instead of filling memory. Splitting on the '\n' byte is
 * safe in UTF-8, where that byte never occurs inside a character.
 */
export async function* readLines(stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes = Infinity): AsyncGenerator<Line> {
  // Each line is decoded on its own, so a BOM is dropped wherever a tool glued files together.
  const decoder = new TextDecoder('utf-8');
  let parts: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let number = 0;
  const emit = (): Line => {
    number++;
    const bytes = size;
    let text: string | null = null;
    if (!over) {
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      const end = all.length > 0 && all[all.length - 1] === 0x0d ? all.length - 1 : all.length;
      text = decoder.decode(all.subarray(0, end));
    }
    parts = [];
    size = 0;
    over = false;
    return { number, text, bytes };
  };
  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let nl = buf.indexOf(NEWLINE); nl >= 0; nl = buf.indexOf(NEWLINE)) {
      take(buf.subarray(0, nl));
      yield emit();
      buf = buf.subarray(nl + 1);
    }
    take(buf);
  }
  if (size > 0 || parts.length > 0) yield emit();

  function take(piece: Uint8Array): void {
    if (piece.length === 0) return;
    size += piece.length;
    if (size > maxBytes) {
      over = true;
      parts = [];
    } else parts.push(piece);
  }
}
