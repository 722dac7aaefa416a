/** The two sides of a match, in the order the match lists them (not winner first). */
export type Side = 'a' | 'b';

export const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');
