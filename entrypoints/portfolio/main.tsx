import { createRoot } from 'react-dom/client';
import { Portfolio } from '@/components/Portfolio';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import { request } from '@/lib/messaging/client';
import '@/components/ui.css';
import '@/components/portfolio.css';

// Asked before React renders: the background ranks while the page draws its header.
const ranked = request({ type: 'portfolio.rows' });
// The page shows a failure once it listens; until then it is not an unhandled rejection.
ranked.catch(() => undefined);

const translator = browserTranslator();
document.documentElement.lang = translator.locale;
document.title = `${translator.t('portfolio.title')} · ${translator.t('appName')}`;
createRoot(document.getElementById('root')!).render(
  <I18nProvider translator={translator}>
    <Portfolio ranked={ranked} />
  </I18nProvider>,
);
