import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/Popup';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import '@/components/ui.css';

const translator = browserTranslator();
document.documentElement.lang = translator.locale;
createRoot(document.getElementById('root')!).render(
  <I18nProvider translator={translator}>
    <Popup />
  </I18nProvider>,
);
