// Who is calling, as the door (never the payload) says: the subscriber that follow-style calls are bound to.
export interface Caller {
  /** The door's live push subscriber (a bridge event stream, an Electron window); absent when there is none. */
  subscriber?: string;
}

/** The subscriber of in-process callers (the CLI, tests): lives as long as the process. */
export const IN_PROCESS_SUBSCRIBER = 'in-process';
