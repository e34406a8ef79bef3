// The wall clock that time-based rules (sessions, lockout, birth dates) read.
// Tests move it forward instead of waiting; production code never changes it.
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Tests only: pretend that `ms` milliseconds have passed. */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

/** Tests only: back to real time. */
export function resetClock(): void {
  offsetMs = 0;
}
