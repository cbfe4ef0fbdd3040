/**
 * How much a person can type into each field. Free text is capped far above anything pasted by
 * hand (a note holds 5 million characters, about 2,500 printed pages); short fields keep a cap
 * the form shows (maxLength and a counter near it) before it is reached.
 *
 * The caps also keep every message within Chrome's limit for one runtime message (64 MiB of
 * JSON): a quick log at every cap is at most about 10 million characters, under 64 MiB even when
 * every character is escaped.
 */
export const LIMITS = {
  /** A touch's notes (quick log, interaction editor). */
  notes: 5_000_000,
  /** Other free text: what happened, how they feel, what success looks like, a status change's reason, personality notes, a template's body. */
  longText: 100_000,
  /** One next step. */
  nextStep: 10_000,
  /** A goal's title. */
  goalTitle: 300,
  /** Names, job titles, labels, who perceived a status. */
  name: 200,
  /** A note template's name. */
  templateName: 100,
  /** A goal metric's unit. */
  metricUnit: 40,
  /** Lists in one touch. */
  nextSteps: 100,
  attendees: 1000,
  newAttendees: 100,
  internalAttendees: 200,
  signals: 20,
  /** Settings lists. */
  templates: 100,
  stakeholderFields: 50,
  competitorNames: 200,
  ownPhrases: 500,
  /** What the CRM page shows (not typed here): a Salesforce long text area holds 131,072 characters. */
  crmFieldValue: 131_072,
  crmFields: 1000,
  crmUrl: 8192,
} as const;

/** The share of a cap from which the form shows a counter. */
export const NEAR_LIMIT = 0.8;
