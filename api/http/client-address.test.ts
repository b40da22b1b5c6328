import { expect, test } from 'vitest';
import { addressKey } from './client-address.ts';

test.each([
	['203.0.113.9', '203.0.113.9'],
	['::ffff:203.0.113.9', '203.0.113.9'],
	['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
	['2001:db8:1:2::9', '2001:db8:1:2::/64'],
	['2001:0DB8:0001:0002:aaaa::1', '2001:db8:1:2::/64'],
	['2001:db8::1', '2001:db8:0:0::/64'],
	['fe80::1%eth0', 'fe80:0:0:0::/64'],
	['::1', '0:0:0:0::/64'],
	['unknown', 'unknown'],
])('keys %s as %s', (address, key) => {
	expect(addressKey(address)).toBe(key);
});

test('gives every address in one /64 the same key', () => {
	expect(addressKey('2001:db8:1:2:ffff::1')).toBe(addressKey('2001:db8:1:2::abcd'));
	expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
});
