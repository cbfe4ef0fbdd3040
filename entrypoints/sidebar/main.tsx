import { createRoot } from 'react-dom/client';
import { Sidebar } from '@/components/Sidebar';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import '@/components/ui.css';

const translator = browserTranslator();
document.documentElement.lang = translator.locale;
createRoot(document.getElementById('root')!).render(
  <I18nProvider translator={translator}>
    <Sidebar />
  </I18nProvider>,
);
