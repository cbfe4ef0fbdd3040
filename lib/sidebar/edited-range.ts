/**
 * The timeline virtualiser's range (indices in order) with the indices of entries whose editor is
 * open added, so an editor scrolled far out of view stays mounted and keeps its edit.
 */
export function withEditedEntries(range: number[], edited: readonly number[]): number[] {
  if (edited.every((i) => range.includes(i))) return range;
  return [...new Set([...range, ...edited])].sort((a, b) => a - b);
}
