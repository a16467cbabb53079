// The stopword package's ESM build, imported directly: its CommonJS entry costs Node's CJS
// scanner ~100 ms at start-up, a large share of a single-page run. Only the lists we use.
declare module 'stopword/dist/stopword.esm.mjs' {
  export const eng: string[];
  export const por: string[];
  export const deu: string[];
  export const ita: string[];
  export const ind: string[];
  export const rus: string[];
  export const spa: string[];
  export const fra: string[];
  export const nld: string[];
}
