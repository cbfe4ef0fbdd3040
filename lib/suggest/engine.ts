/**
 * What the quick log loads when it opens (a chunk of its own, so the sidebar's first load does not
 * carry the rules): compiling the rules and reading notes.
 */
export { makeMatcher } from './match';
export { readNotesStepwise } from './notes';
