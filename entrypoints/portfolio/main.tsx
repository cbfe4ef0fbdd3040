import { createRoot } from 'react-dom/client';
import { Portfolio } from '@/components/Portfolio';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import '@/components/ui.css';
import '@/components/portfolio.css';

const translator = browserTranslator();
document.documentElement.lang = translator.locale;
document.title = `${translator.t('portfolio.title')} · ${translator.t('appName')}`;
createRoot(document.getElementById('root')!).render(
  <I18nProvider translator={translator}>
    <Portfolio />
  </I18nProvider>,
);
