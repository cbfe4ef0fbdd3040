import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { request } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { backupFileName } from '@/lib/backup/file-name';
import { downloadText } from './download';
import { ErrorMessage, useI18n } from './i18n';
import { CsmSettingsForm } from './CsmSettingsForm';
import { CrmInterfacesForm } from './CrmInterfacesForm';
import { UsageImport } from './UsageImport';
import { UsageSourceForm } from './UsageSourceForm';
import { HandoverImport } from './HandoverImport';
import { TaughtSites } from './TaughtSites';
import { CrmWritesForm } from './CrmWritesForm';

type Outcome = { kind: 'exported'; file: string } | { kind: 'imported'; text: string } | { kind: 'refused'; error: AppErrorData } | { kind: 'error'; error: AppErrorData };

export function Options() {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>();
  const [persisted, setPersisted] = useState<boolean>();
  const fileInput = useRef<HTMLInputElement>(null);

  // Ask the browser not to evict the notes under storage pressure.
  useEffect(() => {
    void navigator.storage?.persist?.().then(setPersisted, () => setPersisted(false));
  }, []);

  const exportBackup = async () => {
    try {
      const { backup } = await request({ type: 'backup.export' });
      const file = backupFileName(new Date());
      downloadText(JSON.stringify(backup, null, 1), file, 'application/json');
      setOutcome({ kind: 'exported', file });
    } catch (error) {
      setOutcome({ kind: 'error', error: toErrorData(error) });
    }
  };

  const importBackup = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const counts = await request({ type: 'backup.import', text: await file.text() });
      setOutcome({ kind: 'imported', text: t('options.imported', counts) });
    } catch (error) {
      setOutcome({ kind: 'refused', error: toErrorData(error) });
    }
  };

  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <p>
        <a href="/portfolio.html" target="_blank" rel="noopener" data-testid="options-portfolio">{t('options.portfolio')}</a>
      </p>
      <section>
        <h2>{t('settings.title')}</h2>
        <CsmSettingsForm />
      </section>
      <section>
        <h2>{t('crm.title')}</h2>
        <CrmInterfacesForm />
      </section>
      <section data-testid="crm-writes-section">
        <h2>{t('crmWrite.title')}</h2>
        <CrmWritesForm />
      </section>
      <section data-testid="sites-section">
        <h2>{t('sites.title')}</h2>
        <TaughtSites />
      </section>
      <section>
        <h2>{t('source.title')}</h2>
        <UsageSourceForm />
      </section>
      <section data-testid="usage-section">
        <h2>{t('options.usage')}</h2>
        <UsageImport />
      </section>
      <section>
        <h2>{t('options.backup')}</h2>
        <p>{t('options.backupHelp')}</p>
        <div className="row">
          <button type="button" className="primary" data-testid="backup-export" onClick={() => void exportBackup()}>{t('options.export')}</button>
          <button type="button" onClick={() => fileInput.current?.click()}>{t('options.import')}</button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="backup-import" onChange={(e) => void importBackup(e)} />
        </div>
        <div data-testid="backup-result" aria-live="polite">
          {outcome?.kind === 'exported' && <p className="ok">{t('options.exported', { file: outcome.file })}</p>}
          {outcome?.kind === 'imported' && <p className="ok" data-outcome="imported">{outcome.text}</p>}
          {outcome?.kind === 'refused' && (
            <div data-outcome="refused">
              <p className="error" role="alert">{t('options.importRefused', { reason: '' })}</p>
              <ErrorMessage error={outcome.error} />
            </div>
          )}
          {outcome?.kind === 'error' && <ErrorMessage error={outcome.error} />}
        </div>
      </section>
      <section data-testid="handover-section">
        <h2>{t('options.handover')}</h2>
        <HandoverImport />
      </section>
      <section>
        <h2>{t('options.storage')}</h2>
        {persisted !== undefined && <p className="muted" data-testid="storage-persisted" data-persisted={String(persisted)}>{t(persisted ? 'options.persisted' : 'options.notPersisted')}</p>}
      </section>
    </main>
  );
}
