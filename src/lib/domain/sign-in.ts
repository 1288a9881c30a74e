import { z } from 'zod';

/**
 * What the sign-in form sends. Only presence and size are checked here: whether the pair is
 * right is the sign-in module's to say, and it says so in one message for both fields.
 */
export const signInSchema = z.object({
	email: z.string('auth.errors.emailRequired').trim().toLowerCase().min(1, 'auth.errors.emailRequired').max(254, 'auth.errors.invalid'),
	// Bounded so nobody makes the server hash a megabyte.
	password: z.string('auth.errors.passwordRequired').min(1, 'auth.errors.passwordRequired').max(1024, 'auth.errors.invalid')
});
export type SignInForm = z.output<typeof signInSchema>;
