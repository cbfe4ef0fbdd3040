import type { Plugin } from 'vite';

/** zod's probe for whether `new Function` works (zod/v4/core/util.js, `allowsEval`). */
const PROBE = /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/;

/**
 * Takes zod's `new Function` probe out of the build. Extension pages forbid eval by their content
 * security policy, so the probe can only fail (and report a CSP violation while it does); without
 * it zod takes the path it takes after a failed probe, and no store reviewer finds a Function
 * constructor in the package (addons-linter's DANGEROUS_EVAL). A zod version whose probe reads
 * differently fails the build here instead of slipping through.
 */
export function zodWithoutEval(): Plugin {
  return {
    name: 'adoption-sidebar:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/.test(id)) return null;
      if (!PROBE.test(code)) this.error(`zod's eval probe was not found in ${id}: check scripts/build/zod-without-eval.ts against this zod version`);
      return { code: code.replace(PROBE, 'return false;'), map: null };
    },
  };
}
