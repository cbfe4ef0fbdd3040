import { createRoot } from 'react-dom/client';
import { Portfolio } from '@/components/Portfolio';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import { requestTakingEarly } from '@/lib/messaging/client';
// The reply schemas, which the sidebar loads on its first request, are fetched with the page's own
// scripts: the first screen here is that reply.
import '@/lib/messaging/protocol';
import '@/components/ui.css';
import '@/components/portfolio.css';

// Asked by the page's first script (portfolio-request.js), else now, before React renders: the
// background ranks while the page loads and draws its header.
const ranked = requestTakingEarly(window, { type: 'portfolio.rows' });
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
