import { describe, expect, it } from 'vitest';
import { clientKey, feedbackSecret } from './client-key';

describe('the feedback client key', () => {
	it('is a keyed hash of the address: stable, 64 hex digits, different under another secret', () => {
		const secret = 's'.repeat(32);
		expect(clientKey('203.0.113.7', secret)).toMatch(/^[0-9a-f]{64}$/);
		expect(clientKey('203.0.113.7', secret)).toBe(clientKey('203.0.113.7', secret));
		expect(clientKey('203.0.113.8', secret)).not.toBe(clientKey('203.0.113.7', secret));
		expect(clientKey('203.0.113.7', 't'.repeat(32))).not.toBe(clientKey('203.0.113.7', secret));
		expect(clientKey('203.0.113.7', secret)).not.toContain('203');
	});

	it('takes FEEDBACK_SECRET, refuses a short one, and otherwise keeps one random secret per process', () => {
		expect(feedbackSecret({ FEEDBACK_SECRET: 'k'.repeat(40) })).toBe('k'.repeat(40));
		expect(() => feedbackSecret({ FEEDBACK_SECRET: 'short' })).toThrow(/at least 32/);
		const generated = feedbackSecret({});
		expect(generated).toMatch(/^[0-9a-f]{64}$/);
		expect(feedbackSecret({})).toBe(generated);
	});
});
