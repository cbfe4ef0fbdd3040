// Issue 10's figures on the other CRMs' samples (HubSpot, Dynamics 365, Salesforce Classic), as
// steps 2 to 4 of scripts/bench.mjs take them on Lightning: the sidebar's fields after the page's
// own, on a first load and after a single-page navigation, and the page's load event with and
// without the extension. Classic is rendered by the server (no single-page navigation): its fields
// are there when the document is parsed (domInteractive).
import { classicAccountUrl, dynamicsAccountUrl, dynamicsData, hubspotCompanyUrl, hubspotData, launchBrowser, sampleAccounts } from '../lib/browser.mjs';
import { announceMarks, nextMark } from '../lib/marks.mjs';
import { launchEmptyExtension } from './empty-extension.mjs';
import { median } from './median.mjs';


function samples() {
  const [hubA, hubB] = hubspotData().companies;
  const [dynA, dynB] = dynamicsData().accounts;
  const [sf] = sampleAccounts();
  return [
    { name: 'HubSpot', url: hubspotCompanyUrl(hubA.id), links: [`#navbar a[href$="/record/0-2/${hubB.id}"]`, `#navbar a[href$="/record/0-2/${hubA.id}"]`] },
    { name: 'Dynamics 365', url: dynamicsAccountUrl(dynA.id), links: [`#topBar a[href*="id=${dynB.id}"]`, `#topBar a[href*="id=${dynA.id}"]`] },
    { name: 'Salesforce Classic', url: classicAccountUrl(sf.id), links: null, serverRendered: true },
  ];
}

/**
 * Nothing is evaluated in the CRM page or the sidebar until the figure is taken (scripts/lib/marks.mjs):
 * the page's fields and the sidebar's are announced on their consoles. Classic's fields are in
 * its parsed document, read once the sidebar has shown.
 */
const parsedAt = (page) => page.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].domInteractive);

export async function benchCrmSamples({ report, RUNS }) {
  const withExtension = await launchBrowser();
  const plain = await launchBrowser({ withExtension: false });
  const empty = await launchEmptyExtension();
  try {
    for (const browser of [withExtension, plain, empty]) await browser.context.addInitScript(announceMarks);
    for (const sample of samples()) {
      // As many samples as the load ratio below: a single page load moves by tens of ms here.
      const first = [];
      for (let i = 0; i < Math.max(11, RUNS * 2 + 1); i++) {
        const page = await withExtension.context.newPage();
        const sidebar = nextMark(page, 'sidebar-fields');
        const fields = sample.serverRendered ? null : nextMark(page, 'page-fields');
        await page.goto(sample.url);
        const sidebarAt = await sidebar;
        first.push(sidebarAt - (fields ? await fields : await parsedAt(page)));
        await page.close();
      }
      report(`${sample.name}: sidebar fields after page fields, first load (median)`, median(first), 'ms', '≤ 250 ms');

      if (sample.links) {
        const page = await withExtension.context.newPage();
        const shown = nextMark(page, 'sidebar-fields');
        const rendered = nextMark(page, 'page-fields');
        await page.goto(sample.url);
        let [last, lastPage] = [await shown, await rendered];
        const spa = [];
        for (let i = 0; i < RUNS; i++) {
          const sidebar = nextMark(page, 'sidebar-fields', { after: last });
          const fields = nextMark(page, 'page-fields', { after: lastPage });
          await page.click(sample.links[i % 2]);
          [last, lastPage] = [await sidebar, await fields];
          spa.push(last - lastPage);
        }
        await page.close();
        report(`${sample.name}: sidebar fields after page fields, single-page navigation (median)`, median(spa), 'ms', '≤ 100 ms');
      }

      // Each load settled before the next, in both browsers (the sidebar shown, or the sample's own
      // fields): a page closed at its `load` left its sidebar's injection and frame to the next
      // page's load, which then counted them (1.04–1.27 for Dynamics 365 in runs of one morning).
      const loadTime = async (context, extension) => {
        const page = await context.newPage();
        const settled = extension ? nextMark(page, 'sidebar-fields') : sample.serverRendered ? null : nextMark(page, 'page-fields');
        await page.goto(sample.url, { waitUntil: 'load' });
        await settled;
        const t = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
        await page.close();
        return t;
      };
      await loadTime(plain.context, false);
      await loadTime(empty.context, false);
      await loadTime(withExtension.context, true);
      const withExt = [];
      const without = [];
      const withEmpty = [];
      for (let i = 0; i < Math.max(21, RUNS * 2 + 1); i++) {
        without.push(await loadTime(plain.context, false));
        withEmpty.push(await loadTime(empty.context, false));
        withExt.push(await loadTime(withExtension.context, true));
      }
      report(`${sample.name}: page load with / without the extension (ratio of medians)`, median(withExt) / median(without), '×', '≤ 1.05');
      report(`${sample.name}: … an extension that does nothing, with the same manifest / without (reference)`, median(withEmpty) / median(without), '×', '—');
      console.log(`    load event: ${median(withExt).toFixed(1)} ms with, ${median(withEmpty).toFixed(1)} ms with the do-nothing extension, ${median(without).toFixed(1)} ms without (${withExt.length} interleaved triples)`);
    }
  } finally {
    await empty.close();
    await plain.close();
    await withExtension.close();
  }
}
