import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { adminWords } from './words';

/** On one's own profile: the way to sign out of every device when a phone is lost (A6). */
export function DevicesLink() {
  const t = useT(adminWords);
  return <Link href="/me/devices">{t.devices.link}</Link>;
}
