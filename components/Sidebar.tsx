import { useSidebarState } from './useSidebarState';
import { ErrorMessage, useI18n } from './i18n';
import { FieldList } from './FieldList';
import { ChangeList } from './ChangeList';
import { QuickLog } from './QuickLog';
import { Timeline } from './Timeline';

export function Sidebar() {
  const { t } = useI18n();
  const { state, addInteraction, showError } = useSidebarState();
  const { view, timeline, error, quickLogRequests } = state;

  if (view === undefined) return <main className="sidebar"><p className="muted" data-testid="sidebar-waiting">{t('sidebar.waiting')}</p></main>;
  if (view === null) return <main className="sidebar"><p className="muted">{t('sidebar.noRecord')}</p></main>;
  const { reading } = view;
  return (
    <main className="sidebar" data-account={reading.accountKey}>
      <header>
        <p className="app-name">{t('appName')}</p>
        <h1 data-testid="sidebar-account-name">{reading.name}</h1>
      </header>
      {error && <ErrorMessage error={error} />}
      <section aria-label={t('quickLog.title')}>
        <QuickLog key={reading.accountKey} accountKey={reading.accountKey} draft={view.draft} openRequests={quickLogRequests} onSaved={addInteraction} onError={showError} />
      </section>
      <section>
        <h2>{t('sidebar.changes')}</h2>
        <ChangeList changes={view.changes} comparedWith={view.comparedWith} />
      </section>
      <section>
        <h2>{t('sidebar.timeline')}</h2>
        {timeline && <Timeline timeline={timeline} />}
      </section>
      <section>
        <h2>{t('sidebar.fields')}</h2>
        <FieldList fields={reading.fields} />
      </section>
    </main>
  );
}
