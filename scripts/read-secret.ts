/**
 * Reads a line typed at the terminal without showing it (no echo, as `passwd` does). Ctrl+C
 * cancels; backspace works; the line ends at Enter.
 */
export function readHidden(prompt: string): Promise<string> {
	const { stdin, stderr } = process;
	stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	let typed: string[] = [];
	return new Promise((resolve, reject) => {
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			stderr.write('\n');
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n' || char === '\u0004') {
					finish();
					resolve(typed.join(''));
					return;
				}
				if (char === '\u0003') {
					finish();
					reject(new Error('cancelled'));
					return;
				}
				if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
				else if (char >= ' ') typed.push(char);
			}
		};
		stdin.on('data', onData);
	});
}

/** The first line of whatever was piped in (`printf '%s\n' "$PASSWORD" | …`). */
export async function readFirstLine(): Promise<string> {
	let text = '';
	for await (const chunk of process.stdin) {
		text += String(chunk);
		if (text.includes('\n')) break;
	}
	return text.split(/\r?\n/)[0];
}
