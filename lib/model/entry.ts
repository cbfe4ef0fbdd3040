import { z } from './zod';
import { Interaction } from './interaction';
import { Signal } from './signal';
import { SuccessGoal } from './goal';
import { Stakeholder } from './stakeholder';

/** A record the CSM edits by hand, tagged with the store it lives in. */
export const EditableEntry = z.discriminatedUnion('store', [
  z.object({ store: z.literal('interactions'), record: Interaction }),
  z.object({ store: z.literal('signals'), record: Signal }),
  z.object({ store: z.literal('goals'), record: SuccessGoal }),
  z.object({ store: z.literal('stakeholders'), record: Stakeholder }),
]);
export type EditableEntry = z.infer<typeof EditableEntry>;
export type EditableStore = EditableEntry['store'];
export const EditableStore = z.enum(['interactions', 'signals', 'goals', 'stakeholders']);

export const SaveOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), entry: EditableEntry }),
  /** Someone (another tab) saved this record since it was opened for editing. */
  z.object({ status: z.literal('conflict'), current: EditableEntry }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcome>;
