import type { Stakeholder } from '@/lib/model/stakeholder';
import { useI18n } from './i18n';
import { SelectField } from './form';

/** The choice that stands for a person the notes named who is not a stakeholder yet (stakeholder ids are UUIDs). */
const NEW_PERSON = 'new-person';

/**
 * Who a signal is about: nobody in particular, a stakeholder, or a person a suggestion named who
 * is not in the map yet (`newName`), made a stakeholder when the signal is saved. Choosing anyone
 * else drops the new name.
 */
export function WhoField(props: {
  stakeholderId: string | null;
  newName: string;
  stakeholders: readonly Stakeholder[];
  testId?: string;
  onChange: (who: { stakeholderId: string | null; newName: string }) => void;
}) {
  const { t } = useI18n();
  const { stakeholders, newName } = props;
  return (
    <SelectField
      label={t('signal.who')}
      testId={props.testId}
      value={props.stakeholderId ?? (newName ? NEW_PERSON : '')}
      options={['', ...(newName ? [NEW_PERSON] : []), ...stakeholders.map((s) => s.id)]}
      render={(id) => (id === NEW_PERSON ? t('signal.newPerson', { name: newName }) : (stakeholders.find((s) => s.id === id)?.name ?? t('signal.nobody')))}
      onChange={(id) => id !== NEW_PERSON && props.onChange({ stakeholderId: id || null, newName: '' })}
    />
  );
}
