/**
 * A body cut to fit a CRM field smaller than the common limit (activity.ts cuts every body to
 * BODY_MAX): the text before the last blank line is shortened, the closing line — which carries
 * the reference that finds the activity again — is kept whole. `size` measures a body as the CRM
 * stores it (HubSpot stores HTML, longer than the text); `marker` stands where the text was cut. Pure.
 */
export function fitBody(body: string, max: number, size: (body: string) => number = (b) => b.length, marker = '…'): string {
  if (size(body) <= max) return body;
  const split = body.lastIndexOf('\n\n');
  const footer = split >= 0 ? body.slice(split) : '';
  let head = split >= 0 ? body.slice(0, split) : body;
  // Each round removes at least the excess; escaped text shrinks by at least one unit per character.
  for (;;) {
    const excess = size(`${head}${marker}${footer}`) - max;
    if (excess <= 0 || head.length === 0) return `${head}${marker}${footer}`;
    head = head.slice(0, Math.max(0, head.length - excess)).trimEnd();
  }
}
