import { createRoot } from 'react-dom/client';
import { BriefPage, loadBrief } from '@/components/BriefPage';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import '@/components/ui.css';
import '@/components/brief.css';

const load = loadBrief(window);
const translator = browserTranslator();
document.documentElement.lang = translator.locale;
createRoot(document.getElementById('root')!).render(
  <I18nProvider translator={translator}>
    <BriefPage load={load} />
  </I18nProvider>,
);
