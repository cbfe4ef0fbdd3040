import 'fake-indexeddb/auto';
import { configure } from '@testing-library/react';

// Testing Library's waitFor/findBy* give up after 1 s by default: a busy machine can take longer
// to render. They return as soon as the condition holds, so a long budget costs nothing.
configure({ asyncUtilTimeout: 60_000 });
