// Runs Lighthouse (npm lighthouse, pinned in package.json) on each URL given
// on the command line, in one headless Chromium (CHROME_PATH, default
// /usr/bin/chromium; never a downloaded browser), with Lighthouse's default
// settings: a mobile device, simulated throttling. Prints a JSON list, one
// entry per URL: the four category scores (0-100) and, per category, the
// audits that lost points.
//
//   node scripts/lighthouse.mjs http://127.0.0.1:8080/ http://127.0.0.1:8080/research/
//
// tools/tests/lighthouse runs it on the built exampleSite; scripts/lighthouse.sh
// records the scores in docs/BENCHMARKS.md.
import lighthouse from 'lighthouse';
// chrome-launcher is Lighthouse's own dependency, the launcher its CLI uses.
import * as chromeLauncher from 'chrome-launcher';

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: node scripts/lighthouse.mjs URL...');
  process.exit(2);
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  // The machine has no route out and runs as root in CI.
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const results = [];
try {
  for (const url of urls) {
    // A trace Chromium failed to record (NO_NAVSTART, NO_FCP on a loaded
    // machine) is Lighthouse's own failure, not the page's: as its message
    // says, run it again, up to three times.
    let lhr;
    for (let attempt = 1; ; attempt++) {
      lhr = (await lighthouse(url, {port: chrome.port, logLevel: 'error', onlyCategories: categories})).lhr;
      if (!lhr.runtimeError) break;
      if (attempt === 3) {
        throw new Error(`${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      }
      console.error(`${url}: ${lhr.runtimeError.code}; running Lighthouse again`);
    }
    const entry = {url, scores: {}, lost: {}};
    for (const id of categories) {
      const cat = lhr.categories[id];
      entry.scores[id] = Math.round(cat.score * 100);
      entry.lost[id] = cat.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${ref.id}: ${lhr.audits[ref.id].title} (${lhr.audits[ref.id].displayValue || lhr.audits[ref.id].score})`);
    }
    results.push(entry);
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results, null, 2));
