// Drives the Polybius page in headless Chromium (Debian's, through playwright-core) the way an
// analyst would, and prints what it saw as JSON for the pytest test to check:
//   node drive_ui.mjs '{"url": ..., "out": dir, "webDir": repo/web, "chromium": path, "profile": dir}'
import { createRequire } from "node:module";

const args = JSON.parse(process.argv[2]);
const require = createRequire(`${args.webDir}/package.json`);
const { chromium } = require("playwright-core");

const seen = { dialogs: [], pageErrors: [], consoleErrors: [], outsideRequests: [] };
const context = await chromium.launchPersistentContext(args.profile, {
  executablePath: args.chromium,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"],
  viewport: { width: 1440, height: 1000 },
});
const page = context.pages()[0] || (await context.newPage());
page.on("dialog", (dialog) => { seen.dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
page.on("pageerror", (error) => seen.pageErrors.push(String(error)));
page.on("console", (message) => { if (message.type() === "error") seen.consoleErrors.push(message.text()); });
page.on("request", (request) => {
  const url = request.url();
  if (!url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith(args.origin || "file:")) {
    seen.outsideRequests.push(url);
  }
});

const count = (selector) => page.locator(selector).count();
const text = (selector) => page.locator(selector).first().textContent();
const result = { seen };
try {
  await page.goto(args.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  result.title = await page.title();
  result.rowsAll = await count("#table tbody tr");
  result.dotsAll = await count("#map circle.event-dot");
  result.stories = await page.locator("#briefing .story h3").allTextContents();
  result.briefingSources = await page.locator("#briefing .sources li").allTextContents();
  result.timelineNote = await page.locator("#timeline .outside").textContent();
  result.timelineBars = await page.locator("#timeline rect.hit").count();

  // Hovering a dot names the place with its admin areas.
  await page.locator('#map circle[data-id="MLI3"]').hover({ force: true });
  result.tooltip = await page.locator("#tooltip").innerText();

  // Filter to one country, then by actor.
  await page.selectOption('select[name="country"]', "Mali");
  await page.waitForFunction(() => document.querySelector("#table-count").textContent.includes(" of "));
  result.rowsMali = await count("#table tbody tr");
  result.dotsMali = await count("#map circle.event-dot");
  await page.fill('input[name="actor"]', "mujao");
  await page.waitForFunction(() => document.querySelectorAll("#table tbody tr").length === 2);
  result.rowsMujao = await page.locator("#table tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.id));

  // Open the event whose article carries the script payloads, and read its evidence.
  await page.click('#table tbody tr[data-id="MLI6"]');
  await page.waitForSelector("#detail .evidence .field");
  result.detailTitle = await text("#detail h3");
  result.evidence = await page.locator("#detail .field").evaluateAll((fields) => fields.map((f) => ({
    field: f.dataset.field,
    marks: [...f.querySelectorAll("mark")].map((m) => m.textContent),
    quotes: [...f.querySelectorAll("blockquote")].map((q) => q.textContent),
  })));
  result.payloadVisible = await page.locator("#detail mark", { hasText: "<script>window.polybiusPwned" }).first().isVisible();
  result.sourceCell = await text('#table tbody tr[data-id="MLI6"] td:last-child');
  if (args.live) {
    await page.click("#detail .articles button");
    await page.waitForSelector("#detail .reader p");
    result.readerText = await page.locator("#detail .reader").innerText();
  }

  // Sorting: by fatalities, deadliest first.
  await page.fill('input[name="actor"]', "");
  await page.waitForFunction(() => document.querySelectorAll("#table tbody tr").length > 2);
  await page.click('#table th[data-key="fatalities"]');
  result.sortedByFatalities = await page.locator("#table tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.id));

  // A dot on the map opens its event; its disputes are listed.
  await page.locator('#map circle[data-id="MLI1"]').click({ force: true });
  await page.waitForFunction(() => document.querySelector("#detail h3")?.textContent.includes("MLI1"));
  await page.waitForSelector("#detail .disputes");
  result.mapDetail = {
    title: await text("#detail h3"),
    fatalityMarks: await page.locator('#detail .field[data-field="fatalities"] mark').allTextContents(),
    disputes: await text("#detail .disputes"),
    articles: await page.locator("#detail .articles li > a").allTextContents(),
  };
  result.screenshotDetail = `${args.out}/detail.png`;
  await page.screenshot({ path: result.screenshotDetail });

  await page.click('button[type="reset"]');
  await page.waitForFunction(() => !document.querySelector("#table-count").textContent.includes(" of "));

  // A long supporting sentence shows the words around its evidence; a click shows all of it.
  await page.click('#table tbody tr[data-id="SYR1"]');
  await page.waitForFunction(() => document.querySelector("#detail h3")?.textContent.includes("SYR1"));
  const longQuote = page.locator('#detail .field[data-field="notes"] blockquote');
  result.clippedQuote = await longQuote.innerText();
  await longQuote.click();
  result.fullQuote = await longQuote.innerText();

  // A timeline bar filters to its day.
  await page.locator('#timeline rect.hit[data-from="2013-02-05"]').click({ force: true });
  await page.waitForFunction(() => document.querySelector("#table-count").textContent.includes(" of "));
  result.dayFilter = await page.inputValue('input[name="date_from"]');
  result.rowsDay = await page.locator("#table tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.id).sort());

  // A story's title filters the page to the story's days and country.
  await page.click('button[type="reset"]');
  await page.waitForFunction(() => !document.querySelector("#table-count").textContent.includes(" of "));
  await page.click('button[data-tab="briefing"]');
  await page.locator("#briefing .story h3 a").nth(1).click();
  await page.waitForFunction(() => document.querySelector("#table-count").textContent.includes(" of "));
  result.storyFilter = [await page.inputValue('input[name="date_from"]'), await page.inputValue('input[name="date_to"]'),
                        await page.inputValue('select[name="country"]')];
  result.rowsStory = await page.locator("#table tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.id).sort());

  // The briefing: an event named in a story opens that event.
  await page.locator('#briefing .event-link[data-id="MLI4"]').first().click();
  await page.waitForFunction(() => document.querySelector("#detail h3")?.textContent.includes("MLI4"));
  result.briefingOpened = await text("#detail h3");

  result.pwned = await page.evaluate(() => window.polybiusPwned === true);
  result.images = await count("img");
  result.scripts = await count("script");
  result.screenshot = `${args.out}/page.png`;
  await page.screenshot({ path: result.screenshot, fullPage: true });
} catch (error) {
  result.error = String(error && error.stack || error);
  await page.screenshot({ path: `${args.out}/failure.png`, fullPage: true }).catch(() => {});
} finally {
  await context.close();
}
process.stdout.write(JSON.stringify(result));
