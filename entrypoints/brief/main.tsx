import { createRoot } from 'react-dom/client';
import { BriefPage } from '@/components/BriefPage';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import '@/components/ui.css';
import '@/components/brief.css';

const translator = browserTranslator();
document.documentElement.lang = translator.locale;
createRoot(document.getElementById('root')!).render(
  <I18nProvider translator={translator}>
    <BriefPage />
  </I18nProvider>,
);
