/** What the gate volunteer is told about one scanned code. */
export type Outcome = 'checkedIn' | 'already' | 'otherEvent' | 'refused';

export interface ScanAnswer {
  alreadyCheckedIn?: boolean;
  /** The refusal's code when the API refused the code. */
  code?: string;
}

/**
 * The API answers a code of another event as "invalid" (it cannot tell a forged code from a
 * foreign one without the other event's key), but a well-formed code naming another event is, at
 * the gate, someone at the wrong venue: told apart here so the volunteer can send them on.
 */
export function outcomeOf(answer: ScanAnswer, token: string, eventId: number): Outcome {
  if (answer.code === undefined) return answer.alreadyCheckedIn ? 'already' : 'checkedIn';
  const named = /^c1\.\d+\.(\d+)\./.exec(token.trim());
  if (answer.code === 'CHECK_IN_TOKEN_INVALID' && named && Number(named[1]) !== eventId) return 'otherEvent';
  return 'refused';
}
