/**
 * How an ingest run of the demo dataset names its source (`demo:full`): the demo audience is only
 * ever added to a database whose every run carries such a name (demo/audience/users.ts).
 */
export function demoRunSource(size: string): string {
	return `demo:${size}`;
}

export function isDemoRunSource(source: string): boolean {
	return source.startsWith('demo:');
}
