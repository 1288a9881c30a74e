import { z } from 'zod';

/** Whether the public sees a community: the state asked for, not a toggle, so repeating it is harmless. */
export const publicationSchema = z.object({ published: z.boolean({ error: 'edit.error.choice' }) }, { error: 'edit.error.invalid' });

export type Publication = z.infer<typeof publicationSchema>;
