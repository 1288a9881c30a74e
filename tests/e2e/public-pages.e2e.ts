import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/browser';
import { scratchDatabase, type ScratchDatabase } from './harness/database';
import { addUnpublishedCommunity, NEW_COMMUNITY, openOwnerDatabase } from './harness/editing';
import { spawnApp, type AppProcess } from './harness/server';

// A resident on a phone, not signed in: finds their community on /c by its initials, opens
// its page, scans its QR code, and never sees money, pipes or people. It needs a community
// the public may not see, so it runs its own app on a database of its own with one added.

/** From the demo data (supabase/seed.sql): 马尚街道, under construction on the status date. */
const GUANGMING = { code: 'ZD-2021-01', name: '光明小区', subdistrict: '马尚街道', office: '马尚街道办事处', stageZh: '工程实施', stageEn: 'Construction' };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

// What must never reach a public page's HTML: funding sources and amounts, pipe data (the
// demo pipes' materials and owners, depths), and personal data. Catalogue items such as
// 供水管线和设施改造 say WHAT is renovated and are public; the pipes themselves are not.
const FUNDING = [
	'中央奖补资金', '省级奖补资金', '市级奖补资金', '区级预算资金', '住宅专项维修资金', '小区公共收益', '居民捐资', '住房公积金', '社会资本',
	'central_subsidy', 'district_budget', 'maintenance_fund', 'social_capital', 'budget_yuan', 'amount_yuan', 'funding'
];
const PIPES = ['球墨铸铁管', '灰口铸铁管', 'HDPE', '双壁波纹管', 'PE100', '无缝钢管', '镀锌钢管', '保温管', '埋深', 'depth_m', 'diameter', '供水公司', '燃气公司', 'pipe_segments', 'pipeline_type'];
const PERSONAL = [/[\w.+-]+@[\w-]+\.[\w.]+/, /\b1[3-9]\d{9}\b/];
/** Words that must not be in what a resident reads, in either language. */
const VISIBLE = ['资金', '预算', '万元', 'budget', 'funding', 'yuan', '管材', 'pipe depth'];

describe('public community pages on a phone', () => {
	let database: ScratchDatabase;
	let app: AppProcess;
	let browser: Browser;
	let axeSource: string;

	beforeAll(async () => {
		database = await scratchDatabase();
		const owner = await openOwnerDatabase(database);
		await addUnpublishedCommunity(owner).finally(() => owner.close());
		app = await spawnApp(database.env);
		await app.waitUntilServing();
		browser = await launchChromium();
		axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	}, 240_000);

	afterAll(async () => {
		await browser?.close();
		await app?.stop();
		await database?.dispose();
	});

	/** A phone's page; CSP bypassed only so axe-core's source can be injected. */
	async function phone(options: BrowserContextOptions = {}): Promise<Page> {
		const context = await browser.newContext({ baseURL: app.url, bypassCSP: true, ...PHONE, ...options });
		return context.newPage();
	}

	const codesListed = (page: Page) => page.locator('[data-testid=community-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('data-code')));

	async function seriousViolations(page: Page): Promise<string[]> {
		if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
		const violations = await page.evaluate(async () => {
			const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
			return result.violations;
		});
		return violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}

	it('finds 光明小区 by its initials as one types, opens its page, shows its stage and 镇办', async () => {
		const page = await phone();
		await page.goto('/c', { waitUntil: 'networkidle' });
		const all = await codesListed(page);
		expect(all).toContain(GUANGMING.code);
		expect(all).not.toContain(NEW_COMMUNITY.code);
		await page.getByTestId('community-query').pressSequentially('gmxq');
		await expect.poll(() => codesListed(page)).toEqual([GUANGMING.code]);
		await page.locator(`[data-code="${GUANGMING.code}"]`).click();
		await page.waitForURL(`**/c/${GUANGMING.code}`);
		expect(await page.locator('h1').innerText()).toBe(GUANGMING.name);
		expect(await page.getByTestId('public-stage').innerText()).toBe(GUANGMING.stageZh);
		expect(await page.getByTestId('public-subdistrict').innerText()).toBe(GUANGMING.subdistrict);
		expect(await page.getByTestId('public-office').innerText()).toBe(GUANGMING.office);
		expect(await page.getByTestId('public-progress').innerText()).toMatch(/^\d+(\.\d)?%$/);
		// The sketch has the community's outline and one shape per building.
		expect(await page.locator('[data-testid=community-sketch] path.building').count()).toBeGreaterThan(0);
		await page.context().close();
	});

	it('finds it without JavaScript too, through the GET form', async () => {
		const page = await phone({ javaScriptEnabled: false });
		await page.goto('/c');
		await page.getByTestId('community-query').fill('guangming');
		await page.getByTestId('community-query').press('Enter');
		await page.waitForURL('**/c?q=guangming');
		expect(await codesListed(page)).toEqual([GUANGMING.code]);
		await page.context().close();
	});

	it('sorts by distance when the phone gives a location', async () => {
		const page = await phone({ geolocation: { longitude: 118.0873, latitude: 36.7719 }, permissions: ['geolocation'] });
		await page.goto('/c', { waitUntil: 'networkidle' });
		await page.getByTestId('near-me').click();
		// That spot is inside 轻工机械厂宿舍 (ZD-2020-03); 光明小区 is elsewhere.
		await expect.poll(async () => (await codesListed(page))[0]).toBe('ZD-2020-03');
		expect(await page.locator('[data-testid=community-results] li').first().innerText()).toMatch(/约 \d+ 米/);
		await page.context().close();
	});

	it("has a QR code that decodes to the page's address", async () => {
		const page = await phone();
		await page.goto(`/c/${GUANGMING.code}`, { waitUntil: 'networkidle' });
		// The SVG drawn on a canvas as a phone's camera would see it, at a size jsQR reads well.
		const image = await page.locator('[data-testid=qr-code] svg').evaluate(async (svg) => {
			const size = 330;
			const copy = svg.cloneNode(true) as SVGSVGElement;
			copy.setAttribute('width', String(size));
			copy.setAttribute('height', String(size));
			const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
			const img = new Image();
			img.src = url;
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = canvas.height = size;
			const ctx = canvas.getContext('2d');
			if (!ctx) throw new Error('no 2d canvas');
			ctx.fillStyle = '#fff';
			ctx.fillRect(0, 0, size, size);
			ctx.drawImage(img, 0, 0, size, size);
			URL.revokeObjectURL(url);
			return Array.from(ctx.getImageData(0, 0, size, size).data);
		});
		const decoded = jsQR(Uint8ClampedArray.from(image), 330, 330);
		expect(decoded?.data).toBe(`${app.url}/c/${GUANGMING.code}`);
		await page.context().close();
	});

	it('tells link previews its title, description, address and image', async () => {
		const html = await (await fetch(`${app.url}/c/${GUANGMING.code}`)).text();
		const meta = (property: string) => html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`))?.[1];
		expect(html).toContain(`<title>${GUANGMING.name} · 老旧小区改造</title>`);
		expect(meta('og:title')).toBe(`${GUANGMING.name} · 老旧小区改造`);
		expect(meta('description')).toMatch(new RegExp(`^${GUANGMING.name}（${GUANGMING.subdistrict}）老旧小区改造：${GUANGMING.stageZh}，完成 [\\d.]+%。$`));
		expect(meta('og:description')).toBe(meta('description'));
		expect(meta('og:url')).toBe(`${app.url}/c/${GUANGMING.code}`);
		const image = await fetch(meta('og:image') ?? 'missing');
		expect(image.status).toBe(200);
		expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
		expect(await image.text()).toContain(GUANGMING.name);
	});

	it('answers 404 with a way on for a community not yet published, and gives it no preview', async () => {
		const page = await phone();
		const response = await page.goto(`/c/${NEW_COMMUNITY.code}`, { waitUntil: 'networkidle' });
		expect(response?.status()).toBe(404);
		expect(await page.getByTestId('public-not-found').innerText()).toContain('没有找到这个小区');
		expect(await page.content()).not.toContain(NEW_COMMUNITY.name);
		expect(await seriousViolations(page)).toEqual([]);
		expect((await fetch(`${app.url}/c/${NEW_COMMUNITY.code}/preview.svg`)).status).toBe(404);
		await page.context().close();
	});

	it('never carries funding, pipe or personal data, in either language', async () => {
		const codes = ['ZD-2020-01', GUANGMING.code, 'ZD-2022-09'];
		for (const lang of ['zh-CN', 'en']) {
			for (const path of ['/c', ...codes.map((code) => `/c/${code}`), ...codes.map((code) => `/c/${code}/preview.svg`)]) {
				const response = await fetch(`${app.url}${path}?lang=${lang}`);
				expect(response.status, path).toBe(200);
				const html = await response.text();
				for (const word of [...FUNDING, ...PIPES]) expect(html, `${path} ${lang}`).not.toContain(word);
				for (const pattern of PERSONAL) expect(html, `${path} ${lang}`).not.toMatch(pattern);
			}
		}
		const page = await phone();
		await page.goto(`/c/${GUANGMING.code}`, { waitUntil: 'networkidle' });
		for (const lang of ['zh', 'en']) {
			if (lang === 'en') await switchToEnglish(page);
			const text = (await page.locator('body').innerText()).toLowerCase();
			for (const word of VISIBLE) expect(text, lang).not.toContain(word);
		}
		await page.context().close();
	});

	async function switchToEnglish(page: Page) {
		await page.getByTestId('lang-switch').click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
	}

	it('has no serious or critical accessibility problems, in Chinese and in English', async () => {
		const page = await phone();
		for (const path of ['/c', `/c/${GUANGMING.code}`]) {
			await page.goto(path, { waitUntil: 'networkidle' });
			expect(await seriousViolations(page), `${path} zh`).toEqual([]);
			await switchToEnglish(page);
			if (path !== '/c') expect(await page.getByTestId('public-stage').innerText()).toBe(GUANGMING.stageEn);
			expect(await seriousViolations(page), `${path} en`).toEqual([]);
			// Back to Chinese for the next page (the choice is remembered in a cookie).
			await page.getByTestId('lang-switch').click();
			await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
		}
		await page.context().close();
	});
});
