import { describe, expect, it } from 'vitest';
import { feedbackFromForm, feedbackKindAt, feedbackSchema } from './feedback';
import { fieldErrors } from './input';

const errorsOf = (body: unknown) => {
	const parsed = feedbackSchema.safeParse(body);
	return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('a resident’s feedback', () => {
	it('takes suggestions before acceptance and ratings from then on', () => {
		expect(feedbackKindAt(null)).toBe('suggestion');
		expect(feedbackKindAt('construction')).toBe('suggestion');
		expect(feedbackKindAt('acceptance')).toBe('rating');
		expect(feedbackKindAt('archived')).toBe('rating');
	});

	it('trims the words and drops the stars of a suggestion', () => {
		expect(feedbackSchema.parse({ community: 'ZD-2020-01', kind: 'suggestion', rating: 3, comment: '  加装电梯 ' })).toEqual({
			community: 'ZD-2020-01',
			kind: 'suggestion',
			rating: null,
			comment: '加装电梯'
		});
	});

	it('names the field of each problem', () => {
		expect(errorsOf({ community: 'ZD-2020-01', kind: 'suggestion', comment: '   ' })).toEqual({ comment: { key: 'feedback.error.commentRequired' } });
		expect(errorsOf({ community: 'ZD-2020-01', kind: 'rating', rating: 6 })).toEqual({ rating: { key: 'feedback.error.rating', values: { max: 5 } } });
		expect(errorsOf({ community: 'ZD-2020-01', kind: 'rating' })).toEqual({ rating: { key: 'feedback.error.rating' } });
		expect(errorsOf({ community: 'ZD-2020-01', kind: 'suggestion', comment: '长'.repeat(501) })).toEqual({
			comment: { key: 'feedback.error.tooLong', values: { max: 500 } }
		});
		expect(errorsOf({ kind: 'opinion', comment: 'x' })).toEqual({ community: { key: 'feedback.error.community' }, kind: { key: 'feedback.error.kind' } });
		expect(errorsOf(undefined)).toEqual({ _form: { key: 'feedback.error.invalid' } });
	});

	it('reads a form’s fields with the stars as a number', () => {
		const form = new FormData();
		form.set('community', 'ZD-2022-09');
		form.set('kind', 'rating');
		form.set('rating', '4');
		form.set('comment', '');
		expect(feedbackSchema.parse(feedbackFromForm(form))).toEqual({ community: 'ZD-2022-09', kind: 'rating', rating: 4, comment: null });
	});
});
