/** What 表彰 offers other features: a person's awards on their profile. */
export { ProfileAwards } from './ProfileAwards';
