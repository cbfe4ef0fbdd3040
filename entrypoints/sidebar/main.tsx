import { createRoot } from 'react-dom/client';
import { Sidebar } from '@/components/Sidebar';
import { I18nProvider, browserTranslator } from '@/components/i18n';
import '@/components/ui.css';
import { openSidebarConnection } from '@/lib/sidebar/connection';
import { answerReleaseQuestions, holdsInput } from '@/lib/sidebar/release';

// Before React renders: the handshake with the content script overlaps the first render.
const connection = openSidebarConnection();
answerReleaseQuestions(window, () => holdsInput(document));

const translator = browserTranslator();
document.documentElement.lang = translator.locale;
createRoot(document.getElementById('root')!).render(
  <I18nProvider translator={translator}>
    <Sidebar connection={connection} />
  </I18nProvider>,
);
