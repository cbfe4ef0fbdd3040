import { createRoot } from 'react-dom/client';
import { Options } from '@/components/Options';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import '@/components/ui.css';

const translator = browserTranslator();
document.documentElement.lang = translator.locale;
document.title = translator.t('options.title');
createRoot(document.getElementById('root')!).render(
  <I18nProvider translator={translator}>
    <Options />
  </I18nProvider>,
);
