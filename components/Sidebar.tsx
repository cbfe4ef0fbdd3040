import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { EditableEntry } from '@/lib/model/entry';
import type { EntryDraft } from '@/lib/model/entry-draft';
import { request } from '@/lib/messaging/client';
import { toErrorData } from '@/lib/errors';
import { useSidebarState } from './useSidebarState';
import type { OpenedSidebarConnection } from '@/lib/sidebar/connection';
import { ErrorMessage, useI18n } from './i18n';
import { FieldList as FieldListComponent } from './FieldList';
import { ChangeList as ChangeListComponent } from './ChangeList';
import { QuickLog } from './QuickLog';
import { Timeline } from './Timeline';
import { Goals as GoalsComponent } from './Goals';
import { OpenSignals as OpenSignalsComponent, type SignalSeed } from './Signals';
import { Stakeholders as StakeholdersComponent } from './Stakeholders';
import { ToneTrend as ToneTrendComponent } from './ToneTrend';
import { Alerts as AlertsComponent } from './Alerts';
import { ExportPanel as ExportPanelComponent } from './ExportPanel';
import { HealthPanel as HealthPanelComponent } from './HealthPanel';
import { TeamTouches, useCrmWriteStatuses, writesOn } from './CrmWrites';
import { RestoredEdits as RestoredEditsComponent } from './RestoredEdits';
import { DiscardedEdit } from './DiscardedEdit';

const UNDO_MS = 15_000;

/*
 * The sections beside the timeline, drawn again only when what they show changes: a quick log's
 * save changes the timeline alone, and drawing the whole sidebar again took about 2 ms of its
 * 11 ms from click to the entry shown (README, figures).
 */
const FieldList = memo(FieldListComponent);
const ChangeList = memo(ChangeListComponent);
const Goals = memo(GoalsComponent);
const Stakeholders = memo(StakeholdersComponent);
const ToneTrend = memo(ToneTrendComponent);
const Alerts = memo(AlertsComponent);
const ExportPanel = memo(ExportPanelComponent);
const HealthPanel = memo(HealthPanelComponent);
const RestoredEdits = memo(RestoredEditsComponent);
const OpenSignals = memo(OpenSignalsComponent);

/** Something the CSM can undo, offered for UNDO_MS after the last change, then let go. */
function useOfferedForUndo<T>(offered: T | null, set: (value: T | null) => void): void {
  useEffect(() => {
    if (!offered) return;
    const timer = setTimeout(() => set(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [offered, set]);
}

export function Sidebar({ connection }: { connection: OpenedSidebarConnection }) {
  const { t } = useI18n();
  const state = useSidebarState(connection);
  const { view, overview, timeline, settings, error, setError } = state;
  const [deleted, setDeleted] = useState<EditableEntry | null>(null);
  const [signalSeed, setSignalSeed] = useState<SignalSeed | null>(null);
  const seedUsed = useCallback(() => setSignalSeed(null), []);
  // An edit cancelled with something typed in it, offered back for as long as a delete is.
  const [discarded, setDiscarded] = useState<EntryDraft | null>(null);
  const [reopened, setReopened] = useState<EntryDraft | null>(null);
  const accountKeyShown = view?.reading.accountKey ?? '';
  const writes = useCrmWriteStatuses(accountKeyShown, timeline);
  const writing = accountKeyShown !== '' && (writesOn(accountKeyShown, settings) || writes.size > 0);

  useOfferedForUndo(deleted, setDeleted);
  useOfferedForUndo(discarded, setDiscarded);
  // The editor that had the focus is gone: the focus goes to its Undo, so Enter brings it back.
  const undoDiscardButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (discarded) undoDiscardButton.current?.focus();
  }, [discarded]);

  if (state.refused) {
    return (
      <main className="sidebar">
        <p role="alert" data-testid="sidebar-untrusted">{t('sidebar.untrusted')}</p>
      </main>
    );
  }
  if (view === undefined) {
    return (
      <main className="sidebar">
        {error ? <ErrorMessage error={error} /> : <p className="muted" data-testid="sidebar-waiting">{t('sidebar.waiting')}</p>}
      </main>
    );
  }
  if (view === null) return <main className="sidebar"><p className="muted">{t('sidebar.noRecord')}</p></main>;
  const { reading } = view;
  const accountKey = reading.accountKey;
  const stakeholders = overview?.stakeholders ?? [];

  const undo = async () => {
    if (!deleted) return;
    try {
      await request({ type: 'entry.restore', entry: deleted });
      setDeleted(null);
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  const undoDiscard = async () => {
    if (!discarded) return;
    try {
      await request({ type: 'entryDraft.save', draft: discarded });
      setReopened(discarded);
      setDiscarded(null);
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  const lost = reading.lostFields ?? [];
  return (
    <DiscardedEdit.Provider value={setDiscarded}>
      <main className="sidebar" data-account={accountKey}>
        <header>
          <p className="app-name">{t('appName')}</p>
          {/* `sidebar-account-name` is the page's reading only (the test contract): as stored, it is named apart. */}
          <h1 data-testid={view.remembered ? 'sidebar-account-name-stored' : 'sidebar-account-name'}>{reading.name}</h1>
        </header>
        {error && <ErrorMessage error={error} />}
        {lost.length > 0 && (
          <div className="alert" role="alert" data-testid="sidebar-lost-fields" data-fields={lost.join('\n')}>
            <p>{t('sidebar.lostFields', { fields: lost.join(', ') })}</p>
            <button type="button" data-testid="sidebar-reteach" onClick={() => void request({ type: 'site.teach' }).catch((e: unknown) => setError(toErrorData(e)))}>
              {t('sidebar.reteach')}
            </button>
          </div>
        )}
        {deleted && (
          <div className="toast" role="status" data-testid="undo-toast">
            {t('timeline.deleted')}{' '}
            <button type="button" className="link" data-testid="undo-delete" onClick={() => void undo()}>{t('timeline.undo')}</button>
          </div>
        )}
        {discarded?.accountKey === accountKey && (
          <div className="toast" role="status" data-testid="discard-toast">
            {t('editor.discarded')}{' '}
            <button ref={undoDiscardButton} type="button" className="link" data-testid="undo-discard" onClick={() => void undoDiscard()}>{t('timeline.undo')}</button>
          </div>
        )}
        <section aria-label={t('health.title')}>
          <HealthPanel health={state.health} />
        </section>
        {overview && <Alerts overview={overview} changes={view.changes} settings={settings} onOfferSignal={setSignalSeed} onError={setError} />}
        {overview && <RestoredEdits key={`restored-edits-${accountKey}`} accountKey={accountKey} reopened={reopened} stakeholders={stakeholders} openSignals={overview.openSignals} suggestSettings={settings} onError={setError} />}
        <section aria-label={t('quickLog.title')}>
          <QuickLog
            key={accountKey}
            accountKey={accountKey}
            draft={view.draft}
            stakeholders={stakeholders}
            templates={settings.templates}
            suggestSettings={settings}
            openRequests={state.quickLogRequests}
            onSaved={state.showSaved}
            onError={setError}
          />
        </section>
        {overview && (
          <>
            <section>
              <h2>{t('section.goals')}</h2>
              <Goals goals={overview.goals} accountKey={accountKey} onError={setError} />
            </section>
            <section>
              <h2>{t('section.signals')}</h2>
              <OpenSignals signals={overview.openSignals} stakeholders={stakeholders} accountKey={accountKey} seed={signalSeed} onSeedUsed={seedUsed} onError={setError} />
            </section>
            <section>
              <h2>{t('section.tone')}</h2>
              <ToneTrend recentTones={overview.recentTones} staleAfterDays={settings.toneStaleDays} />
            </section>
            <section>
              <h2>{t('section.stakeholders')}</h2>
              <Stakeholders stakeholders={stakeholders} accountKey={accountKey} onError={setError} />
            </section>
          </>
        )}
        <section>
          <h2>{t('section.changes')}</h2>
          {view.remembered ? <p className="muted" data-testid="changes-pending">{t('sidebar.changesPending')}</p> : <ChangeList changes={view.changes} comparedWith={view.comparedWith} />}
        </section>
        <section>
          <h2>{t('sidebar.timeline')}</h2>
          {timeline ? (
            <Timeline
              accountKey={accountKey}
              timeline={timeline}
              kinds={state.kinds}
              onKinds={state.setKinds}
              stakeholders={stakeholders}
              suggestSettings={settings}
              openSignals={overview?.openSignals ?? []}
              writes={writes}
              onLoadMore={() => void state.loadMore()}
              onDeleted={setDeleted}
              onError={setError}
            />
          ) : (
            <p className="muted">{t('timeline.loading')}</p>
          )}
        </section>
        {writing && (
          <section>
            <h2>{t('teamTouches.title')}</h2>
            <TeamTouches key={accountKey} accountKey={accountKey} />
          </section>
        )}
        <section>
          <h2>{t('sidebar.fields')}</h2>
          {/* A field a taught site lost is not shown with its last value: the notice above names it. */}
          <FieldList fields={lost.length > 0 ? view.fields.filter((f) => !lost.includes(f.key)) : view.fields} remembered={view.remembered} />
        </section>
        <ExportPanel key={accountKey} accountKey={accountKey} accountName={reading.name} />
      </main>
    </DiscardedEdit.Provider>
  );
}
