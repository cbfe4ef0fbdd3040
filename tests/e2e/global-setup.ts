// Fails the end-to-end run at once, with what to do, when the extension is not built or no
// Chromium is installed (instead of every test timing out).
import { assertExtensionBuilt, findChromium } from '../../scripts/lib/browser.mjs';

export default function setup(): void {
  assertExtensionBuilt();
  findChromium();
}
