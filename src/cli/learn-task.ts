import { segment } from '../core/segment.js';
import { countDocument } from '../core/template.js';
import { decodeOrFail } from '../io/read.js';

/** What each counting worker needs: resolved values only. */
export interface LearnInit {
  readonly encoding?: string | undefined;
}

export interface LearnInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The hashed lines of one document; decoding is the costly part, so it runs in the worker. */
export interface LearnOutput {
  readonly hashes: readonly string[];
}

/** runBatch task setup for the counting pass of deboil learn and --learn. */
export function setup(init: LearnInit): (input: LearnInput) => LearnOutput {
  return (input) => ({ hashes: [...countDocument(segment(decodeOrFail(input.path, input.bytes, { encoding: init.encoding }).text))] });
}
