/**
 * Numbers the requests a screen makes for the same thing, so that only the answer to the newest one is
 * used: an older request answering late (a slow reload overtaken by a newer one) is dropped.
 */
export interface RequestSequence {
  /** Starts a request; the function says whether it is still the newest when its answer arrives. */
  begin(): () => boolean;
}

export function createRequestSequence(): RequestSequence {
  let newest = 0;
  return {
    begin() {
      const mine = ++newest;
      return () => mine === newest;
    },
  };
}
