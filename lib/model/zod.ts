// The models' schemas are built with zod/mini: every sidebar, page and worker builds them when it
// starts, and mini's builders take about half the time and memory of classic zod's chained ones.
// Its messages are English, as classic zod's are, for the details an error carries.
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
